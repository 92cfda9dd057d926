#include "models/cache/cache.h"

#include "models/coherence/line_extension.h"
#include "models/common/sc_time_conv.h"

namespace invalsim::cache {

using common::Addr;
using common::Duration;

Cache::Cache(sc_core::sc_module_name name, const CacheParams& params, Duration hit_latency,
             std::uint64_t replacement_seed, Placement placement)
    : sc_module(name),
      target("target"),
      down("down"),
      m_port(down, true),
      m_core(params, hit_latency, m_port, replacement_seed, placement) {
    target.register_b_transport(this, &Cache::b_transport);
}

void Cache::b_transport(int, tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
    Duration d = common::from_sc(delay);
    if (coherence::LineRequest* r = coherence::line_request_of(trans)) {
        m_core.serve(*r, d);
        delay = common::to_sc(d);
        trans.set_response_status(r->ok ? tlm::TLM_OK_RESPONSE : tlm::TLM_ADDRESS_ERROR_RESPONSE);
        return;
    }
    const Addr addr = trans.get_address();
    const unsigned len = trans.get_data_length();
    const std::uint32_t line = m_core.line_bytes();
    if (len == 0 || (addr % line) + len > line || trans.get_byte_enable_ptr() != nullptr) {
        trans.set_response_status(tlm::TLM_GENERIC_ERROR_RESPONSE);
        return;
    }
    if (trans.is_read()) {
        coherence::Source src = coherence::Source::None;
        m_core.load(addr, trans.get_data_ptr(), len, d, &src);
        coherence::SourceExtension* e = nullptr;
        trans.get_extension(e);
        if (e) e->source = src;
    } else {
        m_core.store(addr, trans.get_data_ptr(), len, d);
    }
    delay = common::to_sc(d);
    trans.set_response_status(tlm::TLM_OK_RESPONSE);
}

}  // namespace invalsim::cache
