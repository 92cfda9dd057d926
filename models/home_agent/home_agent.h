#pragma once

#include <functional>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/simple_target_socket.h>

#include "models/coherence/tlm_line_port.h"
#include "models/home_agent/home_agent_core.h"

namespace invalsim::home_agent {

// SystemC shell of a home agent: coherent line requests (and plain accesses
// from CPUs without caches) arrive on `target`, and so do accesses to its
// maintenance registers; memory traffic leaves on `memory`. A thread moves
// the maintenance engine's work along with simulated time, one global
// quantum ahead at most (like an initiator running ahead); every access
// first brings the engine up to its own time.
class HomeAgent : public sc_core::sc_module, public cache::LinePort {
public:
    tlm_utils::simple_target_socket<HomeAgent> target;
    tlm_utils::simple_initiator_socket<HomeAgent> memory;

    // `mmio_base`: where this agent's maintenance register block is mapped.
    HomeAgent(sc_core::sc_module_name name, const HomeAgentParams& params,
              HomeAgentCore::Wiring wiring, common::Addr mmio_base);

    HomeAgentCore& core() { return m_core; }
    const HomeAgentCore& core() const { return m_core; }

    common::Addr mmio_base() const { return m_mmio_base; }

    // A coherent line request as a direct call (the fabric fast path): what
    // b_transport does with the request a TlmLinePort attaches.
    void request(coherence::LineRequest& r, common::Duration& delay) override;

    // A device's back-invalidation (HomeAgentCore's), once a running engine
    // has caught up with the time it looks (now) or the snoop arrives (`at`
    // after now): a line the engine's search passed earlier is already gone.
    std::vector<common::Addr> back_invalidate_lines(common::Addr start, common::Addr end,
                                                    const std::function<bool(common::Addr)>& owned);
    common::Duration back_invalidate_line(common::Addr line, common::Duration at, BackInvalidation& tally);

private:
    void b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    void register_access(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    void run_engine();
    // Brings a running engine up to `delay` after the current simulated time.
    void catch_up_engine(common::Duration delay);
    // Wakes run_engine when the engine's next piece of work moved earlier.
    void wake_engine();

    common::Addr m_mmio_base;
    common::Duration m_mmio_latency;
    coherence::TlmLinePort m_port;
    HomeAgentCore m_core;
    sc_core::sc_event m_engine_changed;
    common::Duration m_engine_wake = common::Duration::max();  // what run_engine waits for
};

}  // namespace invalsim::home_agent
