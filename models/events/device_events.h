#pragma once

#include <string>

#include <systemc>

#include "models/common/trace_sink.h"
#include "models/cpu/sync_hub.h"
#include "models/events/device_control.h"
#include "models/events/device_events_core.h"

namespace invalsim::events {

// The SystemC shell of DeviceEventsCore (module "system.devices"): waits
// for the durations the core gives, runs background changes in their own
// processes, lands each change when it completes (reads during it see the
// old media) and raises its signal.
class DeviceEvents : public sc_core::sc_module, public DeviceControl {
public:
    DeviceEvents(sc_core::sc_module_name name, DeviceEventsCore::Wiring wiring, cpu::SyncHub& sync);

    void wipe(const std::string& device, Wipe kind, bool wait, const std::string& signal) override;
    void set_committed(const std::string& range, bool committed, std::optional<std::uint64_t> dpa_base) override;
    void set_locked(const std::string& device, bool locked) override;
    void dma_write(common::Addr hpa, std::uint64_t len, std::uint8_t pattern, double gb_per_s, bool wait,
                   const std::string& signal) override;
    void peer_write(common::Addr hpa, std::uint64_t len, std::uint8_t pattern, double gb_per_s, bool wait,
                    const std::string& signal) override;

    bool any_committed(const std::string& device) const override;
    bool busy(const std::string& device) const override;
    std::vector<std::string> devices_of(const std::string& range) const override;
    std::vector<std::string> ranges_of(const std::string& device) const override;
    invalidate::MemRange span_of(const std::string& range) const override;

    const DeviceEventsCore& core() const { return m_core; }
    void set_trace(common::TraceSink* sink) { m_trace = sink; }

private:
    // Runs `work` on the caller's thread, or in a process of its own.
    template <class Work>
    void run(bool wait, Work work);
    // Writes in 4 KiB pieces, each after its transfer time at `gb_per_s`.
    void write_pieces(common::Addr hpa, std::uint64_t len, std::uint8_t pattern, double gb_per_s, Writer who,
                      const std::string& signal);
    void finish(const std::string& signal);

    DeviceEventsCore m_core;
    cpu::SyncHub& m_sync;
    common::TraceSink* m_trace = nullptr;
};

}  // namespace invalsim::events
