#pragma once

#include <cstdint>
#include <vector>

#include "models/cache/line_port.h"
#include "models/noc/crossbar_core.h"

namespace invalsim::noc {

// One input of the crossbar for a caller that skips the TLM sockets (the
// fabric fast path): the same routing, link occupancy and statistics as the
// Crossbar shell, through plain calls to the output's LinePort. The target
// sees the address as it leaves the crossbar, as through the shell.
class FabricPort final : public cache::LinePort {
public:
    using KernelTime = common::Duration (*)();

    FabricPort(CrossbarCore& core, std::uint32_t input, const std::vector<cache::LinePort*>& outputs,
               KernelTime kernel_now)
        : m_core(core), m_input(input), m_outputs(outputs), m_kernel_now(kernel_now) {}

    void request(coherence::LineRequest& r, common::Duration& delay) override;

private:
    CrossbarCore& m_core;
    std::uint32_t m_input;
    const std::vector<cache::LinePort*>& m_outputs;  // per output port
    KernelTime m_kernel_now;
};

}  // namespace invalsim::noc
