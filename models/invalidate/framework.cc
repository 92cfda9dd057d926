#include "models/invalidate/framework.h"

#include <algorithm>
#include <chrono>

#include "models/common/payload.h"
#include "models/common/sc_time_conv.h"
#include "models/invalidate/cpu_side_instances.h"
#include "models/invalidate/hha_instance.h"

namespace invalsim::invalidate {

using common::Duration;

namespace {
Duration now() { return common::from_sc(sc_core::sc_time_stamp()); }
}  // namespace

// MMIO to one agent's registers from the calling CPU's thread: each access
// crosses the interconnect and returns before the driver goes on.
class Framework::Bus : public MmioBus {
public:
    Bus(tlm::tlm_initiator_socket<>& socket, common::Addr base, std::string track)
        : m_socket(socket), m_base(base), m_track(std::move(track)) {}
    void set_trace(common::TraceSink* t) { m_trace = t; }
    std::uint32_t read32(std::uint32_t offset) override {
        std::uint32_t v = 0;
        access(tlm::TLM_READ_COMMAND, offset, &v);
        if (m_trace && offset == 0) m_trace->instant(m_track, v & 1 ? "poll: busy" : "poll: idle", now());
        return v;
    }
    void write32(std::uint32_t offset, std::uint32_t value) override {
        access(tlm::TLM_WRITE_COMMAND, offset, &value);
    }
    void sleep(Duration d) override { sc_core::wait(common::to_sc(d)); }
    Duration now() const override { return common::from_sc(sc_core::sc_time_stamp()); }

private:
    void access(tlm::tlm_command cmd, std::uint32_t offset, std::uint32_t* v) {
        common::prepare(m_trans, cmd, m_base + offset, reinterpret_cast<unsigned char*>(v), 4);
        sc_core::sc_time t = sc_core::SC_ZERO_TIME;
        m_socket->b_transport(m_trans, t);
        sc_core::wait(t);
    }
    tlm::tlm_initiator_socket<>& m_socket;
    common::Addr m_base;
    std::string m_track;
    tlm::tlm_generic_payload m_trans;
    common::TraceSink* m_trace = nullptr;
};

Framework::Framework(sc_core::sc_module_name name, const FrameworkParams& params, Machine machine,
                     cpu::LatencyWindows& windows, const std::vector<common::Addr>& agent_mmio)
    : sc_module(name), mmio("mmio"), m_params(params), m_machine(std::move(machine)), m_windows(windows) {
    switch (params.mechanism) {
        case Mechanism::Hha:
            for (std::size_t i = 0; i < m_machine.agents.size(); ++i) {
                m_buses.push_back(std::make_unique<Bus>(mmio, agent_mmio[i], "ha" + std::to_string(i)));
                HhaDriverParams d = params.hha;
                d.granule_bytes = m_machine.agents[i]->engine().params().granule_bytes;
                m_all.push_back(std::make_unique<HhaInstance>("hha" + std::to_string(i), d, *m_buses.back(),
                                                              *m_machine.agents[i]));
            }
            break;
        case Mechanism::Wbinvd: m_all.push_back(std::make_unique<WbinvdInstance>(params, m_machine)); break;
        case Mechanism::VaLoop: m_all.push_back(std::make_unique<VaLoopInstance>(params, m_machine)); break;
        case Mechanism::None: break;
    }
    if (params.registered_at_boot) {
        for (auto& i : m_all) m_core.add(i.get());
    }
}

Framework::~Framework() = default;

void Framework::set_trace(common::TraceSink* sink) {
    m_trace = sink;
    for (auto& b : m_buses) b->set_trace(sink);
    for (std::size_t i = 0; i < m_machine.agents.size(); ++i) {
        m_machine.agents[i]->engine().set_trace(sink, "ha" + std::to_string(i) + " engine");
    }
}

std::vector<std::string> Framework::instance_names() const {
    std::vector<std::string> n;
    for (const auto& i : m_all) n.push_back(i->name());
    return n;
}

class Framework::SystemClock : public Clock {
public:
    Duration now() const override { return invalidate::now(); }
};

void Framework::lock_shared(CallRecord& rec) {
    const Duration t0 = now();
    if (m_params.policy->spinlock_irqs_off()) {
        while (m_spin || m_writer || m_writers_waiting) sc_core::wait(m_lock_changed);  // spinning
        m_spin = true;
    } else {
        while (m_writer || m_writers_waiting) sc_core::wait(m_lock_changed);
        ++m_readers;
    }
    rec.lock_wait = now() - t0;
}

void Framework::unlock_shared() {
    if (m_params.policy->spinlock_irqs_off()) {
        m_spin = false;
    } else {
        --m_readers;
    }
    m_lock_changed.notify(sc_core::SC_ZERO_TIME);
}

Duration Framework::lock_exclusive() {
    const Duration t0 = now();
    ++m_writers_waiting;
    while (m_writer || m_readers > 0 || m_spin) sc_core::wait(m_lock_changed);
    --m_writers_waiting;
    m_writer = true;
    return now() - t0;
}

void Framework::unlock_exclusive() {
    m_writer = false;
    m_lock_changed.notify(sc_core::SC_ZERO_TIME);
}

int Framework::invalidate(std::uint32_t cpu, const MemRange& range, bool all, const std::string& where,
                          CallTiming& timing) {
    const auto host_t0 = std::chrono::steady_clock::now();
    CallRecord rec;
    rec.cpu = cpu;
    rec.where = where;
    rec.all = all;
    rec.requested = all ? MemRange{0, ~0ULL} : range;
    rec.start = now();
    const std::size_t during = m_windows.open(rec.start, cpu);
    lock_shared(rec);
    rec.rc = m_core.invalidate(*m_params.policy, rec.requested, cpu, SystemClock(), rec.instances);
    unlock_shared();
    rec.end = now();
    if (m_params.policy->spinlock_irqs_off()) {
        rec.irq_off.push_back({rec.start, rec.end});  // spin_lock_irqsave before spinning
    } else {
        for (const auto& r : rec.instances) {
            rec.irq_off.insert(rec.irq_off.end(), r.caller_irq_off.begin(), r.caller_irq_off.end());
        }
    }
    timing = CallTiming{true, {rec.start, rec.end}, rec.irq_off};
    finish_windows(rec, during);
    ++m_stats.calls;
    if (rec.rc != kOk) ++m_stats.failed_calls;
    m_stats.busy += rec.latency();
    if (m_trace) trace_call(rec);
    m_calls.push_back(std::move(rec));
    m_host_seconds.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - host_t0).count());
    return m_calls.back().rc;
}

// Each instance's operations where they ran; the engines draw their own
// busy spans, and the calling CPU its interrupts-off windows.
void Framework::trace_call(const CallRecord& rec) const {
    const std::string cpu_track = "cpu" + std::to_string(rec.cpu);
    m_trace->span(cpu_track, rec.all ? "cpu_cache_invalidate_all" : "cpu_cache_invalidate_memregion", rec.start,
                  rec.end, std::string("rc ") + errno_name(rec.rc) + ", " + rec.where);
    if (rec.lock_wait.as_ps()) {
        m_trace->span(cpu_track, m_params.policy->spinlock_irqs_off() ? "spinlock wait" : "lock wait (read)",
                      rec.start, rec.start + rec.lock_wait);
    }
    for (const auto& r : rec.instances) {
        const std::string track = r.name.rfind("hha", 0) == 0 ? "ha" + r.name.substr(3) : "memregion";
        m_trace->span(track, "wbinv", r.wbinv_start, r.wbinv_start + r.wbinv_time,
                      std::string("rc ") + errno_name(r.rc));
        if (r.done_time.as_ps()) {
            m_trace->span(track, "done", r.done_start, r.done_start + r.done_time,
                          std::to_string(r.polls) + " polls");
        }
    }
}

void Framework::finish_windows(CallRecord& rec, std::size_t during) {
    m_windows.close(during, rec.end);
    const std::size_t after = m_windows.open(rec.end, rec.cpu);
    m_windows.close(after, rec.end + m_params.after_window);
    m_call_windows.emplace_back(during, after);
}

namespace {
LatencySummary summary_of(const common::Histogram& h) {
    return {h.count(), h.percentile(0.5), h.percentile(0.99), h.percentile(0.999), h.max()};
}
}  // namespace

void Framework::finalize() {
    for (std::size_t i = 0; i < m_calls.size(); ++i) {
        m_calls[i].corun_during = summary_of(m_windows.window(m_call_windows[i].first).latency);
        m_calls[i].corun_after = summary_of(m_windows.window(m_call_windows[i].second).latency);
    }
}

bool Framework::set_registered(std::uint32_t cpu, const std::string& instance, bool on) {
    auto it = std::find_if(m_all.begin(), m_all.end(), [&](auto& i) { return i->name() == instance; });
    if (it == m_all.end()) return false;
    const auto& regd = m_core.instances();
    const bool is_on = std::find(regd.begin(), regd.end(), it->get()) != regd.end();
    if (is_on == on) return false;
    RegistrationRecord rec{cpu, instance, on, now(), Duration()};
    rec.wait = lock_exclusive();
    if (on) {
        m_core.add(it->get());
    } else {
        m_core.remove(instance);
    }
    unlock_exclusive();
    ++m_stats.registrations;
    m_stats.registration_wait += rec.wait;
    if (m_trace && rec.wait.as_ps()) {
        m_trace->span("cpu" + std::to_string(cpu), "lock wait (write)", rec.start, rec.start + rec.wait,
                      instance);
    }
    m_registrations.push_back(std::move(rec));
    return true;
}

}  // namespace invalsim::invalidate
