#include "models/coherence/tlm_line_port.h"

#include "models/coherence/line_extension.h"
#include "models/common/payload.h"
#include "models/common/sc_time_conv.h"

namespace invalsim::coherence {

TlmLinePort::TlmLinePort(tlm::tlm_initiator_socket<>& socket, bool coherent)
    : m_socket(socket), m_coherent(coherent) {
    if (coherent) m_trans.set_extension(new LineExtension);  // the payload owns it
}

void TlmLinePort::request(LineRequest& r, common::Duration& delay) {
    const bool write = is_write(r.type);
    const bool has_data = r.data != nullptr;
    common::prepare(m_trans, write ? tlm::TLM_WRITE_COMMAND : tlm::TLM_READ_COMMAND, r.addr,
                    r.data, has_data ? r.bytes : 0);
    if (m_coherent) {
        LineExtension* e = nullptr;
        m_trans.get_extension(e);
        e->request = &r;
    }
    sc_core::sc_time t = common::to_sc(delay);
    m_socket->b_transport(m_trans, t);
    delay = common::from_sc(t);
    r.ok = !m_trans.is_response_error();
}

}  // namespace invalsim::coherence
