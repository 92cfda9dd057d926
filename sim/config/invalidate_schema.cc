// Parameter tables of the memregion-invalidate port and the agents' engines.
#include "sim/config/config_schema.h"

namespace invalsim::config {

const Schema<home_agent::EngineParams>& engine_schema() {
    using home_agent::EngineMode;
    using home_agent::EngineParams;
    static const Schema<EngineParams> s = {
        enum_field("mode", &EngineParams::mode,
                   Choices<EngineMode>{{"range", EngineMode::Range}, {"walk", EngineMode::Walk},
                                       {"auto", EngineMode::Auto}},
                   "search: every granule of the range, every set of the slice and snoop "
                   "filter, or whichever is cheaper"),
        integer_field("granule", &EngineParams::granule_bytes,
                      "maintenance granule in bytes; the driver aligns ranges to it"),
        time_field("per_granule", &EngineParams::per_granule, "range search cost per granule"),
        time_field("per_set", &EngineParams::per_set, "walk cost per set"),
        integer_field("parallelism", &EngineParams::parallelism, "granules or sets looked up per step"),
        time_field("start_latency", &EngineParams::start_latency,
                   "from the CTRL write to the first lookup"),
        integer_field("writebacks_in_flight", &EngineParams::writebacks_in_flight,
                      "write-backs to memory outstanding at once; with all of them in flight the "
                      "search waits for the oldest to land"),
    };
    return s;
}

namespace {

Choices<const invalidate::CallPolicy*> policy_choices() {
    Choices<const invalidate::CallPolicy*> c;
    for (const invalidate::CallPolicy* p : invalidate::call_policies()) c.emplace_back(p->name(), p);
    return c;
}

}  // namespace

const Schema<invalidate::FrameworkParams>& invalidate_schema() {
    using invalidate::FrameworkParams;
    using invalidate::Mechanism;
    static const Schema<FrameworkParams> s = [] {
        Schema<FrameworkParams> t = {
            enum_field("mechanism", &FrameworkParams::mechanism,
                       Choices<Mechanism>{{"hha", Mechanism::Hha}, {"wbinvd", Mechanism::Wbinvd},
                                          {"va-loop", Mechanism::VaLoop}, {"none", Mechanism::None}},
                       "hha: one registered instance per home agent (engines); wbinvd: x86 "
                       "WBINVD on every CPU; va-loop: DC CIVAC per line from the caller; none: "
                       "no mechanism (a VM)"),
            enum_field("policy", &FrameworkParams::policy, policy_choices(),
                       "framework: wbinv on all then done on all (upstream), one instance at a "
                       "time, or one method driving every agent under a spinlock with interrupts "
                       "off (earlier design)"),
            bool_field("registered_at_boot", &FrameworkParams::registered_at_boot,
                       "instances register at boot; false leaves it to `register` ops"),
            bool_field("bypass_for_testing", &FrameworkParams::bypass_for_testing,
                       "flows that need an invalidate proceed without one when none exists"),
            time_field("ipi_latency", &FrameworkParams::ipi_latency, "wbinvd: IPI delivery"),
            time_field("wbinvd_per_line", &FrameworkParams::wbinvd_per_line,
                       "wbinvd: time per cache line examined (the write-backs' drain comes on top)"),
            time_field("va_per_line", &FrameworkParams::va_per_line,
                       "va-loop: time per line of the range (the write-backs' drain comes on top)"),
            time_field("after_window", &FrameworkParams::after_window,
                       "co-running CPUs' load latencies are also collected this long after a call"),
        };
        const Schema<invalidate::HhaDriverParams> d = {
            time_field("poll_interval", &invalidate::HhaDriverParams::poll_interval,
                       "hha driver: time between polls of CTRL.EN"),
            time_field("timeout", &invalidate::HhaDriverParams::timeout,
                       "hha driver: polling gives up after this long (-EBUSY / -ETIMEDOUT)"),
        };
        for (auto& f : lift(&FrameworkParams::hha, d)) t.push_back(f);
        return t;
    }();
    return s;
}

}  // namespace invalsim::config
