#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "models/common/duration.h"
#include "models/common/types.h"
#include "models/cxl/cxl_backend.h"
#include "models/events/device_control.h"
#include "models/events/dma_params.h"
#include "models/golden/golden_model.h"
#include "models/home_agent/home_agent_core.h"
#include "models/mem/memory_core.h"
#include "models/nvdimm/nvdimm_backend.h"

namespace invalsim::events {

// A device the events can act on, with the parameters of its changes.
struct DeviceSlot {
    std::string name;
    mem::MemoryCore* memory = nullptr;
    cxl::CxlBackend* cxl = nullptr;           // when it is a CXL Type-3 device
    nvdimm::NvdimmBackend* nvdimm = nullptr;  // when it is an NVDIMM
    common::Duration sanitize_time, secure_erase_time, overwrite_time;
    std::uint8_t sanitize_fill = 0, secure_erase_fill = 0, overwrite_fill = 0;
    common::Duration decoder_commit_time, decoder_reset_time;  // CXL
    common::Duration lock_time, unlock_time;                   // NVDIMM
    bool back_invalidate = false;  // CXL 3.x HDM-DB
    std::uint32_t bi_outstanding = 32;
    common::Duration bi_round_trip;  // BISnp out, BIRsp back, without the host's part
};

// An address-map range, by name.
struct RangeSlot {
    std::string name;
    common::Addr base = 0;
    std::uint64_t size = 0;
    std::vector<std::uint32_t> devices;  // indices into the device slots
};

// Per device (system.<device>.events).
struct DeviceEventStats {
    std::uint64_t wipes = 0;
    common::Duration wipe_time;
    std::uint64_t decoder_commits = 0;
    std::uint64_t decoder_resets = 0;
    common::Duration decoder_time;
    std::uint64_t locks = 0;
    std::uint64_t unlocks = 0;
    common::Duration lock_time;  // locks and unlocks
    std::uint64_t dma_bytes = 0;
    std::uint64_t peer_bytes = 0;
    std::uint64_t bi_snoops = 0;        // BISnp messages: host-cached lines back-invalidated
    std::uint64_t bi_copies = 0;        // cached copies they dropped (private and SLC)
    std::uint64_t bi_written_back = 0;  // dirty copies written back first
    common::Duration bi_time;           // the device waiting for BIRsp, before changing media

    template <class Visitor>
    void visit(Visitor&& v) const {
        v("wipes", wipes);
        v("wipe_ns", wipe_time.as_ns());
        v("decoder_commits", decoder_commits);
        v("decoder_resets", decoder_resets);
        v("decoder_ns", decoder_time.as_ns());
        v("locks", locks);
        v("unlocks", unlocks);
        v("lock_ns", lock_time.as_ns());
        v("dma_bytes", dma_bytes);
        v("peer_bytes", peer_bytes);
        v("back_invalidate_snoops", bi_snoops);
        v("back_invalidated_copies", bi_copies);
        v("back_invalidate_writebacks", bi_written_back);
        v("back_invalidate_ns", bi_time.as_ns());
    }
};

// The host side of a back-invalidation: the home agents resolve the snoops
// for the lines they home.
class HostCaches {
public:
    virtual ~HostCaches() = default;
    // Host-cached lines in [start, end) that `owned` accepts, ascending.
    virtual std::vector<common::Addr> back_invalidate_lines(common::Addr start, common::Addr end,
                                                            const std::function<bool(common::Addr)>& owned) = 0;
    // Resolves the snoop of `line` arriving at `at`; returns when its answer leaves.
    virtual common::Duration back_invalidate_line(common::Addr line, common::Duration at,
                                                  home_agent::BackInvalidation& tally) = 0;
};

// A device's back-invalidate snoops in flight: at most `outstanding` at once,
// each taking half of `round_trip` to reach the host, the host's time to
// resolve it, and half to come back.
class SnoopPipe {
public:
    SnoopPipe(std::uint32_t outstanding, common::Duration round_trip)
        : m_slots(outstanding == 0 ? 1 : outstanding), m_half(common::Duration::ps(round_trip.as_ps() / 2)),
          m_rest(round_trip - m_half) {}
    // When the next snoop can leave the device.
    common::Duration next_issue() const;
    // Issues it: the host resolves it given its arrival time.
    template <class Resolve>
    void issue(Resolve&& resolve) {
        auto& slot = earliest();
        slot = resolve(slot + m_half) + m_rest;
        m_last = common::max(m_last, slot);
    }
    // When the last answer arrived (zero if none was sent).
    common::Duration done() const { return m_last; }

private:
    common::Duration& earliest();

    std::vector<common::Duration> m_slots;
    common::Duration m_half, m_rest, m_last;
};

enum class Writer : std::uint8_t { Dma, PeerHost };

// What device-side changes do to the media, the decoders and the golden
// model, and how long they take, without a SystemC kernel: the shell waits
// for the durations this returns and calls the `land_` functions when a
// change completes. Changes never pass through the host's caches; with
// back-invalidation (CXL 3.x HDM-DB) the device first has the host drop and
// write back what it is about to change, and the landing returns that time.
class DeviceEventsCore {
public:
    struct Wiring {
        std::vector<DeviceSlot> devices;
        std::vector<RangeSlot> ranges;
        const golden::Decoder* decoder = nullptr;
        golden::GoldenModel* golden = nullptr;  // null when not checking
        HostCaches* host = nullptr;             // needed by back-invalidating devices
        DmaParams dma;
    };

    explicit DeviceEventsCore(Wiring wiring);

    // Names to slots; std::invalid_argument for an unknown name (scenario
    // validation prevents it).
    std::uint32_t device_index(const std::string& name) const;
    const RangeSlot& range(const std::string& name) const;
    const DeviceSlot& device(std::uint32_t dev) const { return m_w.devices[dev]; }

    // Media wipes: their duration, then the landing at `now`.
    common::Duration wipe_time(std::uint32_t dev, Wipe kind) const;
    common::Duration land_wipe(std::uint32_t dev, Wipe kind);
    void set_busy_until(std::uint32_t dev, common::Duration t) { m_busy_until[dev] = t; }
    bool busy(std::uint32_t dev, common::Duration now) const { return now < m_busy_until[dev]; }

    // HDM decoders of a range: the slowest device's time, then the landing.
    // A commit onto other media (`dpa_base`) must fit in each device
    // (std::out_of_range otherwise; the scenario loader checks it first).
    common::Duration decoder_time(const RangeSlot& r, bool committed) const;
    void land_decoders(const RangeSlot& r, bool committed, std::optional<std::uint64_t> dpa_base);
    bool any_committed(std::uint32_t dev) const;

    // NVDIMM security lock.
    common::Duration lock_time(std::uint32_t dev, bool locked) const;
    void land_lock(std::uint32_t dev, bool locked);

    // Writes [hpa, hpa+len) with `pattern`, bypassing the host's caches;
    // returns the back-invalidation time spent first. Bytes nothing decodes,
    // or on a locked device, are lost.
    common::Duration write(common::Addr hpa, std::uint64_t len, std::uint8_t pattern, Writer who);
    double dma_rate_gbps() const { return m_w.dma.rate_gbps; }

    std::vector<std::string> devices_of(const std::string& range) const;
    std::vector<std::string> ranges_of(const std::string& device) const;

    const DeviceEventStats& stats(std::uint32_t dev) const { return m_stats[dev]; }
    std::size_t device_count() const { return m_w.devices.size(); }

private:
    // Back-invalidates the device's lines in [start, end) through `pipe`.
    void snoop(std::uint32_t dev, common::Addr start, common::Addr end, SnoopPipe& pipe);
    SnoopPipe pipe_of(std::uint32_t dev) const {
        return SnoopPipe(m_w.devices[dev].bi_outstanding, m_w.devices[dev].bi_round_trip);
    }

    Wiring m_w;
    std::vector<common::Duration> m_busy_until;
    std::vector<DeviceEventStats> m_stats;
};

}  // namespace invalsim::events
