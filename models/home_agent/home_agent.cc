#include "models/home_agent/home_agent.h"

#include "models/coherence/line_extension.h"
#include "models/common/sc_time_conv.h"

namespace invalsim::home_agent {

using coherence::LineRequest;
using coherence::Req;

HomeAgent::HomeAgent(sc_core::sc_module_name name, const HomeAgentParams& params,
                     HomeAgentCore::Wiring wiring)
    : sc_module(name),
      target("target"),
      memory("memory"),
      m_port(memory, false),
      m_core(params, std::move(wiring), m_port) {
    target.register_b_transport(this, &HomeAgent::b_transport);
}

void HomeAgent::b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
    common::Duration d = common::from_sc(delay);
    LineRequest* r = coherence::line_request_of(trans);
    LineRequest uncached{trans.is_read() ? Req::ReadOnce : Req::WriteUnique, trans.get_address(),
                         trans.get_data_length(), trans.get_data_ptr(), SharerSet::kMaxCpus};
    if (r == nullptr) r = &uncached;
    m_core.handle(*r, d);
    delay = common::to_sc(d);
    trans.set_response_status(r->ok ? tlm::TLM_OK_RESPONSE : tlm::TLM_ADDRESS_ERROR_RESPONSE);
}

}  // namespace invalsim::home_agent
