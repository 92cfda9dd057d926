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
        m_machine.agents[i]->engine().set_trace(sink, "ha" + std::to_string(i));
    }
}

std::vector<std::string> Framework::instance_names() const {
    std::vector<std::string> n;
    for (const auto& i : m_all) n.push_back(i->name());
    return n;
}

void Framework::lock_shared(CallRecord& rec) {
    const Duration t0 = now();
    if (m_params.policy == Policy::SingleIrqOff) {
        while (m_spin || m_writer) sc_core::wait(m_lock_changed);  // spinning, interrupts off
        m_spin = true;
    } else {
        while (m_writer) sc_core::wait(m_lock_changed);
        ++m_readers;
    }
    rec.lock_wait = now() - t0;
}

void Framework::unlock_shared() {
    if (m_params.policy == Policy::SingleIrqOff) {
        m_spin = false;
    } else {
        --m_readers;
    }
    m_lock_changed.notify(sc_core::SC_ZERO_TIME);
}

int Framework::invalidate(std::uint32_t cpu, const MemRange& range, bool all, const std::string& where,
                          Duration& irq_off) {
    const auto host_t0 = std::chrono::steady_clock::now();
    CallRecord rec;
    rec.cpu = cpu;
    rec.where = where;
    rec.all = all;
    rec.requested = all ? MemRange{0, ~0ULL} : range;
    rec.start = now();
    const std::size_t during = m_windows.open(rec.start, cpu);
    lock_shared(rec);
    rec.rc = m_core.invalidate(m_params.policy, rec.requested, cpu, rec.instances);
    unlock_shared();
    rec.end = now();
    for (const auto& r : rec.instances) rec.irq_off += r.caller_irq_off;
    if (m_params.policy == Policy::SingleIrqOff) rec.irq_off = rec.latency();
    irq_off = rec.irq_off;
    finish_windows(rec, during);
    ++m_stats.calls;
    if (rec.rc != kOk) ++m_stats.failed_calls;
    m_stats.busy += rec.latency();
    if (m_trace) {
        m_trace->span("cpu" + std::to_string(cpu), all ? "cpu_cache_invalidate_all" : "cpu_cache_invalidate_memregion",
                      rec.start, rec.end, std::string("rc ") + errno_name(rec.rc) + ", " + where);
        for (const auto& r : rec.instances) {
            const std::string track = r.name.rfind("hha", 0) == 0 ? "ha" + r.name.substr(3) : "memregion";
            m_trace->span(track, "wbinv", rec.start + rec.lock_wait, rec.start + rec.lock_wait + r.wbinv_time,
                          std::string("rc ") + errno_name(r.rc));
            if (r.done_time.as_ps()) {
                m_trace->span(track, "done", rec.end - r.done_time, rec.end,
                              std::to_string(r.polls) + " polls");
            }
        }
    }
    m_calls.push_back(rec);
    m_host_seconds.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - host_t0).count());
    return rec.rc;
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

bool Framework::set_registered(std::uint32_t, const std::string& instance, bool on) {
    auto it = std::find_if(m_all.begin(), m_all.end(), [&](auto& i) { return i->name() == instance; });
    if (it == m_all.end()) return false;
    const auto& regd = m_core.instances();
    const bool is_on = std::find(regd.begin(), regd.end(), it->get()) != regd.end();
    if (is_on == on) return false;
    const Duration t0 = now();
    while (m_writer || m_readers > 0 || m_spin) sc_core::wait(m_lock_changed);
    m_writer = true;
    m_stats.registration_wait += now() - t0;
    if (on) {
        m_core.add(it->get());
    } else {
        m_core.remove(instance);
    }
    ++m_stats.registrations;
    m_writer = false;
    m_lock_changed.notify(sc_core::SC_ZERO_TIME);
    return true;
}

}  // namespace invalsim::invalidate
