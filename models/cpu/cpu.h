#pragma once

#include <cstdint>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/tlm_quantumkeeper.h>

#include "models/cpu/cpu_params.h"
#include "models/cpu/cpu_stats.h"
#include "models/cpu/op.h"

namespace invalsim::cpu {

// An in-order, blocking CPU running a program of memory operations in one
// SystemC thread. It runs ahead of simulated time by up to the global
// quantum (temporal decoupling) and only synchronises when it must.
class Cpu : public sc_core::sc_module {
public:
    static constexpr std::size_t kMaxFailuresKept = 16;

    tlm_utils::simple_initiator_socket<Cpu> data;

    // `granule` is the line size of the first cache below; accesses are
    // split so that none crosses it.
    Cpu(sc_core::sc_module_name name, const CpuParams& params, std::uint32_t granule,
        Program program);

    const CpuStats& stats() const { return m_stats; }
    const std::vector<ExpectFailure>& failures() const { return m_failures; }
    const Program& program() const { return m_program; }

private:
    void run();
    void execute(const Op& op, std::size_t index);
    void read(const Op& op, std::size_t index);
    void write(const Op& op);
    void transport(tlm::tlm_command cmd, common::Addr addr, std::uint32_t len);
    void compare(const Op& op, common::Addr a, std::uint32_t len, ExpectFailure& f) const;

    CpuParams m_params;
    std::uint32_t m_granule;
    Program m_program;
    tlm_utils::tlm_quantumkeeper m_qk;
    tlm::tlm_generic_payload m_trans;
    std::vector<std::uint8_t> m_buf;
    CpuStats m_stats;
    std::vector<ExpectFailure> m_failures;
};

}  // namespace invalsim::cpu
