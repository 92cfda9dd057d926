#include "sim/build/cpu_tile.h"


namespace invalsim::build {

namespace {

// A seed per cache so that random policies of different caches and CPUs
// draw different sequences, all fixed by the simulation seed.
std::uint64_t derived_seed(std::uint64_t seed, const std::string& path) {
    std::uint64_t h = 1469598103934665603ULL;  // FNV-1a
    for (unsigned char c : path) h = (h ^ c) * 1099511628211ULL;
    return seed ^ h;
}

}  // namespace

CpuTile::CpuTile(sc_core::sc_module_name name, const config::SystemConfig& cfg, std::uint64_t seed,
                 cpu::Program program)
    : sc_module(name) {
    m_core = std::make_unique<cpu::Cpu>("core", cfg.cpu.params, cfg.first_line_bytes(),
                                        std::move(program));
    const common::Duration cycle = cfg.cpu.params.cycle();
    for (const config::CacheConfig* c : cfg.data_path()) {
        const std::uint64_t s = c->params.replacement_seed
                                    ? c->params.replacement_seed
                                    : derived_seed(seed, std::string(basename()) + "." + c->name);
        m_caches.push_back(std::make_unique<cache::Cache>(
            c->name.c_str(), c->params, cycle * c->params.hit_latency_cycles, s));
    }
    if (!m_caches.empty()) m_core->data.bind(m_caches.front()->target);
    for (std::size_t i = 1; i < m_caches.size(); ++i) m_caches[i - 1]->down.bind(m_caches[i]->target);
}

tlm::tlm_initiator_socket<>& CpuTile::memory_socket() {
    if (m_caches.empty()) return m_core->data;
    return m_caches.back()->down;
}

void CpuTile::register_stats(stats::StatsTree& tree, const std::string& path) const {
    const cpu::Cpu* core = m_core.get();
    tree.add_stats(path, [core] { return core->stats(); });
    for (const auto& c : m_caches) {
        const cache::Cache* cp = c.get();
        tree.add_stats(path + "." + c->basename(), [cp] { return cp->core().stats(); });
    }
}

}  // namespace invalsim::build
