#include "models/home_agent/home_agent.h"

#include "models/coherence/line_extension.h"
#include "models/common/sc_time_conv.h"
#include "models/home_agent/hha_registers.h"

#include <cstring>

namespace invalsim::home_agent {

using coherence::LineRequest;
using coherence::Req;

HomeAgent::HomeAgent(sc_core::sc_module_name name, const HomeAgentParams& params,
                     HomeAgentCore::Wiring wiring, common::Addr mmio_base)
    : sc_module(name),
      target("target"),
      memory("memory"),
      m_mmio_base(mmio_base),
      m_mmio_latency(params.mmio_latency),
      m_port(memory, false),
      m_core(params, std::move(wiring), m_port) {
    target.register_b_transport(this, &HomeAgent::b_transport);
    SC_HAS_PROCESS(HomeAgent);
    SC_THREAD(run_engine);
}

void HomeAgent::run_engine() {
    MaintenanceEngine& engine = m_core.engine();
    const common::Duration ahead = common::from_sc(tlm::tlm_global_quantum::instance().get());
    while (true) {
        m_engine_wake = engine.next_due();
        const common::Duration now = common::from_sc(sc_core::sc_time_stamp());
        if (m_engine_wake == common::Duration::max()) {
            sc_core::wait(m_engine_changed);
        } else if (m_engine_wake > now) {
            sc_core::wait(common::to_sc(m_engine_wake - now), m_engine_changed);
        } else {
            engine.advance(now + ahead, now);
        }
    }
}

void HomeAgent::wake_engine() {
    if (m_core.engine().next_due() < m_engine_wake) m_engine_changed.notify(sc_core::SC_ZERO_TIME);
}

void HomeAgent::b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
    common::Duration d = common::from_sc(delay);
    LineRequest* r = coherence::line_request_of(trans);
    if (r == nullptr && trans.get_address() - m_mmio_base < hha::kBlockBytes) {
        register_access(trans, delay);
        return;
    }
    LineRequest uncached{trans.is_read() ? Req::ReadOnce : Req::WriteUnique, trans.get_address(),
                         trans.get_data_length(), trans.get_data_ptr(), SharerSet::kMaxCpus};
    if (r == nullptr) r = &uncached;
    request(*r, d);
    delay = common::to_sc(d);
    trans.set_response_status(r->ok ? tlm::TLM_OK_RESPONSE : tlm::TLM_ADDRESS_ERROR_RESPONSE);
}

// Every coherent request, through the socket or a direct call (the fabric
// fast path), first brings a running engine up to its own time.
void HomeAgent::request(LineRequest& r, common::Duration& delay) {
    MaintenanceEngine& engine = m_core.engine();
    if (!engine.running()) {
        m_core.handle(r, delay);
        return;
    }
    const common::Duration kernel = common::from_sc(sc_core::sc_time_stamp());
    catch_up_engine(delay);
    m_core.handle(r, delay);
    // Whatever it was (a fill, a write-back into the slice), a copy may
    // now exist that the engine has still to reach.
    if (r.type != Req::CleanEvict) engine.note_cached(r.addr, kernel + delay);
    wake_engine();
}

void HomeAgent::catch_up_engine(common::Duration delay) {
    MaintenanceEngine& engine = m_core.engine();
    if (!engine.running()) return;
    const common::Duration kernel = common::from_sc(sc_core::sc_time_stamp());
    engine.advance(kernel + delay, kernel);
}

std::vector<common::Addr> HomeAgent::back_invalidate_lines(common::Addr start, common::Addr end,
                                                           const std::function<bool(common::Addr)>& owned) {
    catch_up_engine(common::Duration());
    return m_core.back_invalidate_lines(start, end, owned);
}

common::Duration HomeAgent::back_invalidate_line(common::Addr line, common::Duration at,
                                                 BackInvalidation& tally) {
    catch_up_engine(at);
    return m_core.back_invalidate_line(line, at, tally);
}

}  // namespace invalsim::home_agent

namespace invalsim::home_agent {

// 32-bit accesses to the maintenance registers; anything else is an error.
void HomeAgent::register_access(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
    const auto offset = static_cast<std::uint32_t>(trans.get_address() - m_mmio_base);
    if (trans.get_data_length() != 4 || offset % 4 != 0) {
        trans.set_response_status(tlm::TLM_BURST_ERROR_RESPONSE);
        return;
    }
    delay += common::to_sc(m_mmio_latency);
    const common::Duration kernel = common::from_sc(sc_core::sc_time_stamp());
    const common::Duration now = kernel + common::from_sc(delay);
    std::uint32_t v = 0;
    if (trans.is_read()) {
        v = m_core.engine().read(offset, now, kernel);
        std::memcpy(trans.get_data_ptr(), &v, 4);
    } else {
        std::memcpy(&v, trans.get_data_ptr(), 4);
        m_core.engine().write(offset, v, now, kernel);
        wake_engine();
    }
    trans.set_response_status(tlm::TLM_OK_RESPONSE);
}

}  // namespace invalsim::home_agent
