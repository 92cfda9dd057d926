#include "models/noc/fabric_port.h"

namespace invalsim::noc {

void FabricPort::request(coherence::LineRequest& r, common::Duration& delay) {
    // What a TLM payload of this request would carry (see TlmLinePort).
    const std::uint32_t len = r.data != nullptr ? r.bytes : 0;
    const auto hop = m_core.forward(m_input, r.addr, len, m_kernel_now() + delay, delay);
    if (!hop.ok) {
        r.ok = false;
        return;
    }
    const common::Addr addr = r.addr;
    r.addr = hop.addr;
    m_outputs[hop.port]->request(r, delay);
    r.addr = addr;
    m_core.back(delay);
}

}  // namespace invalsim::noc
