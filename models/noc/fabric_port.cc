#include "models/noc/fabric_port.h"

namespace invalsim::noc {

// What Crossbar::b_transport does with the payload a TlmLinePort would build
// for this request, without the payload.
void FabricPort::request(coherence::LineRequest& r, common::Duration& delay) {
    const std::uint32_t len = r.data != nullptr ? r.bytes : 0;
    const bool is_read = !coherence::is_write(r.type);
    // Nothing on the fabric path waits, so kernel time cannot move during
    // the request: one read serves both legs.
    const common::Duration kernel = m_kernel_now();
    const auto hop = m_core.forward(m_input, r.addr, len, is_read, kernel + delay, delay);
    if (!hop.ok) {
        r.ok = false;
        return;
    }
    const common::Addr addr = r.addr;
    r.addr = hop.addr;
    m_outputs[hop.port]->request(r, delay);
    r.addr = addr;
    m_core.back(hop, kernel + delay, delay);
}

}  // namespace invalsim::noc
