#pragma once

#include <tlm>

#include "models/cache/line_port.h"

namespace invalsim::coherence {

// Sends line requests over a TLM initiator socket with one reused payload.
// With `coherent` the request rides along as a LineExtension (towards a
// cache or a home agent); without it the payload is a plain read or write
// (towards a memory device).
class TlmLinePort : public cache::LinePort {
public:
    TlmLinePort(tlm::tlm_initiator_socket<>& socket, bool coherent);
    void request(LineRequest& r, common::Duration& delay) override;

private:
    tlm::tlm_initiator_socket<>& m_socket;
    tlm::tlm_generic_payload m_trans;
    bool m_coherent;
};

}  // namespace invalsim::coherence
