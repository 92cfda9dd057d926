#pragma once

#include <memory>
#include <string>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>

#include "models/common/trace_sink.h"
#include "models/cpu/latency_windows.h"
#include "models/invalidate/call_record.h"
#include "models/invalidate/framework_core.h"
#include "models/invalidate/framework_params.h"
#include "models/invalidate/hha_driver.h"
#include "models/invalidate/machine.h"
#include "models/invalidate/port.h"

namespace invalsim::invalidate {

// One register or unregister: the writer side of the lock, and its wait.
struct RegistrationRecord {
    std::uint32_t cpu = 0;
    std::string instance;
    bool on = true;  // register; false: unregister
    common::Duration start;
    common::Duration wait;  // for calls in flight to leave
};

struct FrameworkStats {
    std::uint64_t calls = 0;
    std::uint64_t failed_calls = 0;
    std::uint64_t registrations = 0;
    common::Duration registration_wait;  // writers waiting for in-flight calls, summed
    common::Duration busy;               // summed call latency

    template <class Visitor>
    void visit(Visitor&& v) const {
        v("calls", calls);
        v("failed_calls", failed_calls);
        v("registrations", registrations);
        v("registration_wait_ns", registration_wait.as_ns());
        v("busy_ns", busy.as_ns());
    }
};

// The memregion-invalidate port (module "system.memregion"): the kernel's
// framework around the registered operations instances. Calls run on the
// calling CPU's SystemC thread, which is busy for the whole call; the policy
// (call_policy.h) drives the instances and picks the lock:
//  the read side of a reader/writer lock (parallel, sequential), or
//  a spinlock with interrupts off for the whole call (single-irqoff).
// Registration takes the write side and waits for calls in flight; a
// waiting writer holds back new calls (writer preference, as the kernel's
// rwsem), so registration cannot be starved.
class Framework : public sc_core::sc_module, public Port {
public:
    tlm_utils::simple_initiator_socket<Framework> mmio;  // to the agents' registers

    Framework(sc_core::sc_module_name name, const FrameworkParams& params, Machine machine,
              cpu::LatencyWindows& windows, const std::vector<common::Addr>& agent_mmio);
    ~Framework() override;

    int invalidate(std::uint32_t cpu, const MemRange& range, bool all, const std::string& where,
                   CallTiming& timing) override;
    bool has_invalidate() const override { return m_core.has_invalidate(); }
    bool set_registered(std::uint32_t cpu, const std::string& instance, bool on) override;

    const FrameworkParams& params() const { return m_params; }
    void set_trace(common::TraceSink* sink);
    const std::vector<CallRecord>& calls() const { return m_calls; }
    // Fills the calls' co-runner latency summaries; after the simulation.
    void finalize();
    const FrameworkStats& stats() const { return m_stats; }
    const std::vector<RegistrationRecord>& registrations() const { return m_registrations; }
    // Host seconds each call took to simulate (not a statistic: it varies).
    const std::vector<double>& host_seconds() const { return m_host_seconds; }
    std::vector<std::string> instance_names() const;

private:
    class Bus;
    class SystemClock;
    void lock_shared(CallRecord& rec);
    void unlock_shared();
    // The writer side; returns how long it waited.
    common::Duration lock_exclusive();
    void unlock_exclusive();
    void finish_windows(CallRecord& rec, std::size_t during);
    void trace_call(const CallRecord& rec) const;

    FrameworkParams m_params;
    Machine m_machine;
    cpu::LatencyWindows& m_windows;
    FrameworkCore m_core;
    std::vector<std::unique_ptr<Bus>> m_buses;
    std::vector<std::unique_ptr<OpsInstance>> m_all;  // registered or not
    std::uint32_t m_readers = 0;
    std::uint32_t m_writers_waiting = 0;
    bool m_writer = false;
    bool m_spin = false;
    sc_core::sc_event m_lock_changed;
    std::vector<CallRecord> m_calls;
    std::vector<std::pair<std::size_t, std::size_t>> m_call_windows;  // during, after
    FrameworkStats m_stats;
    std::vector<RegistrationRecord> m_registrations;
    std::vector<double> m_host_seconds;
    common::TraceSink* m_trace = nullptr;
};

}  // namespace invalsim::invalidate
