#pragma once

#include <memory>
#include <string>
#include <vector>

#include <systemc>

#include "models/cache/cache.h"
#include "models/coherence/snoop.h"
#include "models/cpu/cpu.h"
#include "sim/config/system_config.h"
#include "sim/stats/stats_tree.h"

namespace invalsim::build {

// One CPU and its private caches: the SystemC module "system.cpuN". To its
// home agents it is one snoop target: a snoop visits every level, upper
// levels first, because an upper level's dirty copy is the newest.
class CpuTile : public sc_core::sc_module, public coherence::SnoopTarget {
public:
    CpuTile(sc_core::sc_module_name name, const config::SystemConfig& cfg, std::uint32_t index,
            std::uint64_t seed, cpu::Program program, cpu::SyncHub& sync,
            cpu::LatencyWindows& windows);

    // The socket that leaves the tile towards the home agents.
    tlm::tlm_initiator_socket<>& memory_socket();
    // Replaces that socket by a direct port (the fabric fast path); false
    // when the tile has no cache to give it to.
    bool set_memory_port(cache::LinePort& port);
    const cpu::Cpu& core() const { return *m_core; }
    cpu::Cpu& core() { return *m_core; }
    // The cache cores, upper levels first (what maintenance mechanisms walk).
    std::vector<cache::CacheCore*> cache_cores() const;
    std::vector<cache::Cache*> levels() const;
    void register_stats(stats::StatsTree& tree, const std::string& path) const;

    coherence::SnoopResult snoop(coherence::Snoop kind, common::Addr addr, std::uint32_t bytes,
                                 std::uint8_t* data) override;
    common::Duration snoop_latency() const override;

private:
    // The rest of the CPU's hierarchy as one level sees it.
    class LevelView : public cache::Hierarchy {
    public:
        LevelView(CpuTile& tile, std::size_t level) : m_tile(tile), m_level(level) {}
        bool recall_above(common::Addr addr, std::uint8_t* data) override;
        bool held_elsewhere(common::Addr addr) const override;

    private:
        CpuTile& m_tile;
        std::size_t m_level;
    };

    // A cache's way to the level below it that skips the TLM sockets.
    class DirectPort : public cache::LinePort {
    public:
        explicit DirectPort(cache::CacheCore& below) : m_below(below) {}
        void request(coherence::LineRequest& r, common::Duration& delay) override { m_below.serve(r, delay); }

    private:
        cache::CacheCore& m_below;
    };

    void build_caches(const config::SystemConfig& cfg, std::uint32_t index, std::uint64_t seed);
    void connect_directly(const config::SystemConfig& cfg);
    void bind_path(const std::vector<const config::CacheConfig*>& path,
                   tlm::tlm_initiator_socket<>& from);
    std::size_t level_of(const std::string& name) const;

    std::unique_ptr<cpu::Cpu> m_core;
    std::vector<std::unique_ptr<cache::Cache>> m_levels;  // upper levels first
    std::vector<std::string> m_names;
    std::vector<std::vector<std::size_t>> m_above;  // per level: levels whose path passes through it
    std::vector<std::unique_ptr<LevelView>> m_views;
    std::vector<bool> m_bound;  // per level: its `down` socket is bound
    std::size_t m_last = 0;     // the last private level, which talks to the home agents
    std::vector<std::unique_ptr<DirectPort>> m_direct_ports;
};

}  // namespace invalsim::build
