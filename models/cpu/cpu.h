#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>

#include "models/cache/cache_core.h"
#include "models/coherence/line_extension.h"
#include "models/common/trace_sink.h"
#include "models/cpu/access.h"
#include "models/cpu/inspector.h"
#include "models/cpu/latency_windows.h"
#include "models/cpu/local_clock.h"
#include "models/invalidate/port.h"
#include "models/cpu/cpu_params.h"
#include "models/cpu/cpu_stats.h"
#include "models/cpu/op.h"
#include "models/cpu/sync_hub.h"
#include "models/events/device_control.h"
#include "models/golden/golden_model.h"
#include "models/kernel/kernel_flows.h"

namespace invalsim::cpu {

// An in-order, blocking CPU running a program in one SystemC thread. It runs
// ahead of simulated time by up to the global quantum (temporal decoupling)
// and synchronises only when it must: at the quantum, and before blocking at
// a barrier or event.
class Cpu : public sc_core::sc_module {
public:
    static constexpr std::size_t kMaxFailuresKept = 16;

    struct Setup {
        CpuParams params;
        std::uint32_t index = 0;    // CPU number
        std::uint32_t granule = 64;  // line size of the first cache; no access crosses it
        std::uint64_t seed = 1;      // of the run; generators derive theirs from it
        bool icache = false;         // instruction fetches get their own socket
        SyncHub* sync = nullptr;
        invalidate::Port* port = nullptr;       // the memregion-invalidate port
        LatencyWindows* windows = nullptr;      // co-runner latency collection
        Inspector* inspector = nullptr;         // check_memory / check_cached
        events::DeviceControl* devices = nullptr;
        kernel::KernelFlows* kernel = nullptr;
        golden::GoldenModel* golden = nullptr;  // checks every load when set
    };

    tlm_utils::simple_initiator_socket<Cpu> data;

    Cpu(sc_core::sc_module_name name, const Setup& setup, Program program);

    // The instruction-fetch socket; only when built with an icache.
    tlm::tlm_initiator_socket<>* inst() { return m_inst.get(); }
    const CpuStats& stats() const { return m_stats; }
    const std::vector<ExpectFailure>& failures() const { return m_failures; }
    const Program& program() const { return m_program; }
    bool finished() const { return m_finished; }
    // What an unfinished CPU is stuck on, for the end-of-run report.
    std::string blocked_on() const;
    // The invalidate port comes after the CPUs in elaboration.
    void set_port(invalidate::Port* port) { m_setup.port = port; }
    void set_inspector(Inspector* inspector) { m_setup.inspector = inspector; }
    void set_devices(events::DeviceControl* d, kernel::KernelFlows* k) {
        m_setup.devices = d;
        m_setup.kernel = k;
    }
    void set_golden(golden::GoldenModel* g) { m_setup.golden = g; }
    void set_trace(common::TraceSink* t) { m_trace = t; }
    // The first private caches, called directly instead of through the
    // sockets (same behaviour and timing, without the TLM hop).
    void set_direct(cache::CacheCore* data, cache::CacheCore* inst) {
        m_direct_data = data;
        m_direct_inst = inst;
    }

    // Another CPU's IPI stops this one for `length`, from `not_before` on
    // (at once if the program has ended: the CPU is idle).
    void inject_stall(common::Duration not_before, common::Duration length, bool irqs_off);

    // Ops after `index` become those of `program` (same length): a forked
    // copy of the run turning into another sweep point while this CPU waits
    // at a barrier, in place so that the op it stands at stays valid.
    void replace_ops_after(std::size_t index, const Program& program);

    // A workload error (a bad trace line), empty if none, and the op it came from.
    const std::string& error() const { return m_error; }
    const std::string& error_where() const { return m_error_where; }

private:
    struct PendingStall {
        common::Duration not_before;
        common::Duration length;
        bool irqs_off;
    };
    void run();
    void execute(const Op& op, std::size_t index);
    void read(const Op& op, std::size_t index);
    void write(const Op& op);
    void block(const Op& op);
    void call_port(const Op& op, std::size_t index);
    void inspect(const Op& op, std::size_t index);
    void device_op(const Op& op);
    void kernel_op(const Op& op, std::size_t index);
    void fail(const Op& op, std::size_t index, std::string message);
    // Windows of this CPU's own calls with interrupts off (IPI work counts
    // its own in take_stalls).
    void note_irq_off(const std::vector<invalidate::TimeWindow>& windows);
    void take_stalls();
    void account_stall(const PendingStall& s, common::Duration at);
    // A template so that a final source's next() is called directly.
    template <class Source>
    void stream(Source& source, common::Duration limit);
    // The per-access path, inlined into stream(): a call per level costs as
    // much as the L1 hit itself.
    [[gnu::always_inline]] inline void issue(const Access& a);
    [[gnu::always_inline]] inline void issue_piece(const Access& a, common::Addr piece, std::uint32_t len);
    [[gnu::always_inline]] inline void transport(tlm::tlm_command cmd, common::Addr addr, std::uint32_t len,
                                                 bool fetch);
    coherence::Source tlm_access(tlm::tlm_command cmd, common::Addr addr, std::uint32_t len, bool fetch);
    void compare(const Op& op, common::Addr a, std::uint32_t len, ExpectFailure& f) const;
    common::Duration now() const;

    Setup m_setup;
    Program m_program;
    std::unique_ptr<tlm_utils::simple_initiator_socket<Cpu>> m_inst;
    LocalClock m_clock;
    tlm::tlm_generic_payload m_trans;
    coherence::SourceExtension* m_source = nullptr;  // owned by m_trans
    std::vector<std::uint8_t> m_buf;
    CpuStats m_stats;
    std::vector<ExpectFailure> m_failures;
    common::TraceSink* m_trace = nullptr;
    cache::CacheCore* m_direct_data = nullptr;
    cache::CacheCore* m_direct_inst = nullptr;
    std::string m_track;
    std::size_t m_pc = 0;
    bool m_finished = false;
    std::string m_error;
    std::string m_error_where;
    std::vector<PendingStall> m_stalls;
    bool m_idle = false;  // the program has ended
};

}  // namespace invalsim::cpu
