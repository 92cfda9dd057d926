#pragma once

#include <memory>
#include <string>
#include <vector>

#include <systemc>

#include "models/cache/cache.h"
#include "models/cpu/cpu.h"
#include "sim/config/system_config.h"
#include "sim/stats/stats_tree.h"

namespace invalsim::build {

// One CPU and its private caches: the SystemC module "system.cpuN", whose
// children are the core and one module per cache level.
class CpuTile : public sc_core::sc_module {
public:
    CpuTile(sc_core::sc_module_name name, const config::SystemConfig& cfg, std::uint64_t seed,
            cpu::Program program);

    // The socket that leaves the tile towards memory.
    tlm::tlm_initiator_socket<>& memory_socket();
    const cpu::Cpu& core() const { return *m_core; }
    void register_stats(stats::StatsTree& tree, const std::string& path) const;

private:
    std::unique_ptr<cpu::Cpu> m_core;
    std::vector<std::unique_ptr<cache::Cache>> m_caches;  // first level first
};

}  // namespace invalsim::build
