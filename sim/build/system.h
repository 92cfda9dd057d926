#pragma once

#include <memory>
#include <vector>

#include <systemc>

#include "models/mem/dram.h"
#include "models/noc/crossbar.h"
#include "sim/build/cpu_tile.h"
#include "sim/config/system_config.h"
#include "sim/scenario/scenario.h"
#include "sim/stats/stats_tree.h"

namespace invalsim::build {

// The whole simulated machine, elaborated from a validated config: module
// "system" with children cpuN (tiles), noc and one module per memory.
class System : public sc_core::sc_module {
public:
    System(sc_core::sc_module_name name, const config::SystemConfig& cfg,
           const scenario::Scenario& scn, std::uint64_t seed);

    void register_stats(stats::StatsTree& tree) const;
    std::vector<const cpu::Cpu*> cpus() const;

private:
    std::vector<std::unique_ptr<CpuTile>> m_tiles;
    std::unique_ptr<noc::Crossbar> m_noc;
    std::vector<std::unique_ptr<mem::Dram>> m_memories;
};

}  // namespace invalsim::build
