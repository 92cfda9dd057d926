#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <systemc>

#include "models/common/trace_sink.h"
#include "models/cpu/sync_hub.h"
#include "models/cxl/cxl_backend.h"
#include "models/events/device_control.h"
#include "models/golden/golden_model.h"
#include "models/mem/memory_device.h"
#include "models/nvdimm/nvdimm_backend.h"

namespace invalsim::events {

// A device the events can act on.
struct DeviceSlot {
    std::string name;
    mem::MemoryDevice* device = nullptr;
    cxl::CxlBackend* cxl = nullptr;        // when it is a CXL Type-3 device
    nvdimm::NvdimmBackend* nvdimm = nullptr;  // when it is an NVDIMM
    common::Duration sanitize_time, secure_erase_time, overwrite_time;
    std::uint8_t sanitize_fill = 0, secure_erase_fill = 0, overwrite_fill = 0;
    bool back_invalidate = false;
};

// An address-map range, by name.
struct RangeSlot {
    std::string name;
    common::Addr base = 0;
    std::uint64_t size = 0;
    std::vector<std::uint32_t> devices;  // indices into the device slots
};

struct DeviceEventStats {
    std::uint64_t wipes = 0;
    std::uint64_t decoder_changes = 0;
    std::uint64_t dma_bytes = 0;
    std::uint64_t peer_bytes = 0;
    std::uint64_t back_invalidations = 0;  // host lines a device snoop-invalidated

    template <class Visitor>
    void visit(Visitor&& v) const {
        v("wipes", wipes);
        v("decoder_changes", decoder_changes);
        v("dma_bytes", dma_bytes);
        v("peer_bytes", peer_bytes);
        v("back_invalidations", back_invalidations);
    }
};

// Carries out device-side changes (module "system.devices"). Contents change
// when a command completes; reads during it see the old media. With
// back-invalidation (CXL 3.x HDM-DB) the device first has the host write
// back and invalidate what it is about to change.
class DeviceEvents : public sc_core::sc_module, public DeviceControl {
public:
    struct Wiring {
        std::vector<DeviceSlot> devices;
        std::vector<RangeSlot> ranges;
        const golden::Decoder* decoder = nullptr;
        golden::GoldenModel* golden = nullptr;  // null when not checking
        cpu::SyncHub* sync = nullptr;
        // Writes back and invalidates every cached line of [start, end);
        // returns the number of lines it invalidated.
        std::function<std::uint64_t(common::Addr, common::Addr)> back_invalidate;
        double dma_gb_per_s = 16.0;
    };

    DeviceEvents(sc_core::sc_module_name name, Wiring wiring);

    void wipe(const std::string& device, Wipe kind, bool wait, const std::string& signal) override;
    void set_committed(const std::string& range, bool committed, std::optional<std::uint64_t> dpa_base) override;
    void set_locked(const std::string& device, bool locked) override;
    void dma_write(common::Addr hpa, std::uint64_t len, std::uint8_t pattern) override;
    void peer_write(common::Addr hpa, std::uint64_t len, std::uint8_t pattern, double gb_per_s, bool wait,
                    const std::string& signal) override;

    bool any_committed(const std::string& device) const override;
    bool busy(const std::string& device) const override;
    std::vector<std::string> devices_of(const std::string& range) const override;
    std::vector<std::string> ranges_of(const std::string& device) const override;
    invalidate::MemRange span_of(const std::string& range) const override;

    const DeviceEventStats& stats() const { return m_stats; }
    void set_trace(common::TraceSink* sink) { m_trace = sink; }

private:
    std::uint32_t device_index(const std::string& name) const;
    const RangeSlot& range(const std::string& name) const;
    void apply_wipe(std::uint32_t dev, std::uint8_t fill);
    void write_host_range(common::Addr hpa, std::uint64_t len, std::uint8_t pattern);
    void back_invalidate_device(std::uint32_t dev);
    void back_invalidate_span(std::uint32_t dev, common::Addr start, common::Addr end);
    void finish(const std::string& signal);

    Wiring m_w;
    std::vector<common::Duration> m_busy_until;
    DeviceEventStats m_stats;
    common::TraceSink* m_trace = nullptr;
};

}  // namespace invalsim::events
