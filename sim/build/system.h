#pragma once

#include <memory>
#include <vector>

#include <systemc>

#include "models/cpu/sync_hub.h"
#include "models/home_agent/home_agent.h"
#include "models/mem/memory_device.h"
#include "models/noc/crossbar.h"
#include "sim/build/cpu_tile.h"
#include "sim/config/system_config.h"
#include "sim/scenario/scenario.h"
#include "sim/stats/stats_tree.h"

namespace invalsim::build {

// The whole simulated machine, elaborated from a validated config: module
// "system" with children cpuN (tiles), haN (home agents), noc, and one module
// per memory device.
class System : public sc_core::sc_module {
public:
    System(sc_core::sc_module_name name, const config::SystemConfig& cfg,
           const scenario::Scenario& scn, std::uint64_t seed);

    void register_stats(stats::StatsTree& tree) const;
    std::vector<const cpu::Cpu*> cpus() const;

private:
    void build_memories(const config::SystemConfig& cfg);
    void build_agents(const config::SystemConfig& cfg, std::uint64_t seed);
    void build_noc(const config::SystemConfig& cfg);
    void declare_sync(const scenario::Scenario& scn);

    cpu::SyncHub m_sync;
    noc::AddressMap m_map;
    std::vector<std::unique_ptr<CpuTile>> m_tiles;
    std::vector<std::unique_ptr<home_agent::HomeAgent>> m_agents;
    std::unique_ptr<noc::Crossbar> m_noc;
    std::vector<std::unique_ptr<mem::MemoryDevice>> m_memories;
};

// Snoop-filter entries per agent when the config leaves it automatic.
std::uint64_t snoop_filter_entries(const config::SystemConfig& cfg);

}  // namespace invalsim::build
