#pragma once

#include <tlm>

#include "models/common/types.h"

namespace invalsim::common {

// Resets a reused payload for a plain data access. Initiators keep one
// payload each and reuse it, so the hot path allocates nothing.
inline void prepare(tlm::tlm_generic_payload& p, tlm::tlm_command cmd, Addr addr,
                    unsigned char* data, unsigned len) {
    p.set_command(cmd);
    p.set_address(addr);
    p.set_data_ptr(data);
    p.set_data_length(len);
    p.set_streaming_width(len);
    p.set_byte_enable_ptr(nullptr);
    p.set_byte_enable_length(0);
    p.set_dmi_allowed(false);
    p.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
}

}  // namespace invalsim::common
