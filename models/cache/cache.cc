#include "models/cache/cache.h"

#include <string>

#include "models/common/payload.h"
#include "models/common/sc_time_conv.h"

namespace invalsim::cache {

using common::Addr;
using common::Duration;

Cache::Cache(sc_core::sc_module_name name, const CacheParams& params, Duration hit_latency,
             std::uint64_t replacement_seed)
    : sc_module(name),
      target("target"),
      down("down"),
      m_core(params, hit_latency, *this, replacement_seed) {
    target.register_b_transport(this, &Cache::b_transport);
}

void Cache::b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay) {
    const Addr addr = trans.get_address();
    const unsigned len = trans.get_data_length();
    const std::uint32_t line = m_core.line_bytes();
    if (len == 0 || (addr % line) + len > line) {
        trans.set_response_status(tlm::TLM_BURST_ERROR_RESPONSE);
        return;
    }
    if (trans.get_byte_enable_ptr() != nullptr) {
        trans.set_response_status(tlm::TLM_BYTE_ENABLE_ERROR_RESPONSE);
        return;
    }
    Duration d = common::from_sc(delay);
    if (trans.is_read()) {
        m_core.read(addr, trans.get_data_ptr(), len, d);
    } else {
        m_core.write(addr, trans.get_data_ptr(), len, d);
    }
    delay = common::to_sc(d);
    trans.set_response_status(tlm::TLM_OK_RESPONSE);
}

void Cache::send_down(tlm::tlm_command cmd, Addr addr, std::uint8_t* data, std::uint32_t bytes,
                      Duration& delay) {
    common::prepare(m_down_trans, cmd, addr, data, bytes);
    sc_core::sc_time t = common::to_sc(delay);
    down->b_transport(m_down_trans, t);
    if (m_down_trans.is_response_error()) {
        // A line the cache holds or fetches must be backed by memory; the
        // config and scenario checks make this unreachable for valid input.
        SC_REPORT_ERROR(name(), ("memory below failed for address " + std::to_string(addr) + ": " +
                                 m_down_trans.get_response_string())
                                    .c_str());
    }
    delay = common::from_sc(t);
}

void Cache::read_line(Addr addr, std::uint8_t* data, std::uint32_t bytes, Duration& delay) {
    send_down(tlm::TLM_READ_COMMAND, addr, data, bytes, delay);
}

void Cache::write_line(Addr addr, const std::uint8_t* data, std::uint32_t bytes, Duration& delay) {
    // TLM payloads carry a non-const pointer; a write target only reads it.
    send_down(tlm::TLM_WRITE_COMMAND, addr, const_cast<std::uint8_t*>(data), bytes, delay);
}

}  // namespace invalsim::cache
