#include "sim/build/cpu_tile.h"

#include <algorithm>

namespace invalsim::build {

using coherence::Source;

namespace {

// A seed per cache so that random policies of different caches and CPUs
// draw different sequences, all fixed by the simulation seed.
std::uint64_t derived_seed(std::uint64_t seed, const std::string& path) {
    std::uint64_t h = 1469598103934665603ULL;  // FNV-1a
    for (unsigned char c : path) h = (h ^ c) * 1099511628211ULL;
    return seed ^ h;
}

Source source_for_depth(std::size_t depth) {
    return depth == 0 ? Source::L1 : depth == 1 ? Source::L2 : Source::L3;
}

}  // namespace

CpuTile::CpuTile(sc_core::sc_module_name name, const config::SystemConfig& cfg, std::uint32_t index,
                 std::uint64_t seed, cpu::Program program, cpu::SyncHub& sync,
                 cpu::LatencyWindows& windows)
    : sc_module(name) {
    cpu::Cpu::Setup setup;
    setup.params = cfg.cpu.params;
    setup.index = index;
    setup.granule = cfg.private_line_bytes();
    setup.seed = seed;
    setup.icache = !cfg.cpu.icache.empty();
    setup.sync = &sync;
    setup.windows = &windows;
    m_core = std::make_unique<cpu::Cpu>("core", setup, std::move(program));
    build_caches(cfg, index, seed);
    if (!m_levels.empty()) bind_path(cfg.data_path(), m_core->data);
    if (m_core->inst()) bind_path(cfg.instruction_path(), *m_core->inst());
    if (cfg.simulation.private_fast_path && !m_levels.empty()) connect_directly(cfg);
}

void CpuTile::build_caches(const config::SystemConfig& cfg, std::uint32_t index,
                           std::uint64_t seed) {
    const auto all = cfg.private_caches();
    const auto data = cfg.data_path();
    const auto inst = cfg.instruction_path();
    for (const config::CacheConfig* c : all) {
        auto depth_in = [c](const std::vector<const config::CacheConfig*>& p) {
            return static_cast<std::size_t>(std::find(p.begin(), p.end(), c) - p.begin());
        };
        const std::size_t depth = std::min(depth_in(data), depth_in(inst));
        cache::Placement place;
        place.source = source_for_depth(depth);
        place.cpu = index;
        place.last_private = c->next == config::kMemory;
        const config::CacheConfig* below = cfg.find_cache(c->next);
        place.below_includes = below != nullptr && below->params.inclusive;
        const std::uint64_t s = c->params.replacement_seed
                                    ? c->params.replacement_seed
                                    : derived_seed(seed, std::string(basename()) + "." + c->name);
        const common::Duration hit = cfg.cpu.params.cycle() * c->params.hit_latency_cycles;
        m_levels.push_back(std::make_unique<cache::Cache>(c->name.c_str(), c->params, hit, s, place));
        m_names.push_back(c->name);
    }
    m_above.resize(m_levels.size());
    m_bound.assign(m_levels.size(), false);
    for (const auto* path : {&data, &inst}) {
        for (std::size_t i = 0; i < path->size(); ++i) {
            for (std::size_t j = i + 1; j < path->size(); ++j) {
                auto& above = m_above[level_of((*path)[j]->name)];
                const std::size_t upper = level_of((*path)[i]->name);
                if (std::find(above.begin(), above.end(), upper) == above.end()) above.push_back(upper);
            }
        }
    }
    if (!data.empty()) m_last = level_of(data.back()->name);
    for (std::size_t k = 0; k < m_levels.size(); ++k) {
        std::sort(m_above[k].begin(), m_above[k].end());  // upper levels first
        m_views.push_back(std::make_unique<LevelView>(*this, k));
        m_levels[k]->core().set_hierarchy(m_views.back().get());
    }
}

// The private hierarchy's fast path: the CPU calls its first caches, and
// each cache the level below it, directly rather than through the bound
// sockets. Behaviour and timing are the same (a test compares the two).
void CpuTile::connect_directly(const config::SystemConfig& cfg) {
    const auto data = cfg.data_path();
    const auto inst = cfg.instruction_path();
    m_core->set_direct(&m_levels[level_of(data.front()->name)]->core(),
                       inst.empty() ? nullptr : &m_levels[level_of(inst.front()->name)]->core());
    for (const auto* c : cfg.private_caches()) {
        if (c->next == config::kMemory) continue;
        cache::CacheCore& below = m_levels[level_of(c->next)]->core();
        m_direct_ports.push_back(std::make_unique<DirectPort>(below));
        m_levels[level_of(c->name)]->core().set_below(m_direct_ports.back().get());
    }
}

void CpuTile::bind_path(const std::vector<const config::CacheConfig*>& path,
                        tlm::tlm_initiator_socket<>& from) {
    from.bind(m_levels[level_of(path.front()->name)]->target);
    for (std::size_t i = 0; i + 1 < path.size(); ++i) {
        const std::size_t k = level_of(path[i]->name);
        if (m_bound[k]) break;  // the rest of the path is shared and already bound
        m_levels[k]->down.bind(m_levels[level_of(path[i + 1]->name)]->target);
        m_bound[k] = true;
    }
}

std::size_t CpuTile::level_of(const std::string& name) const {
    return static_cast<std::size_t>(std::find(m_names.begin(), m_names.end(), name) - m_names.begin());
}

tlm::tlm_initiator_socket<>& CpuTile::memory_socket() {
    if (m_levels.empty()) return m_core->data;
    return m_levels[m_last]->down;
}

bool CpuTile::set_memory_port(cache::LinePort& port) {
    if (m_levels.empty()) return false;
    m_levels[m_last]->core().set_below(&port);
    return true;
}

std::vector<cache::CacheCore*> CpuTile::cache_cores() const {
    std::vector<cache::CacheCore*> v;
    for (const auto& l : m_levels) v.push_back(&l->core());
    return v;
}

std::vector<cache::Cache*> CpuTile::levels() const {
    std::vector<cache::Cache*> v;
    for (const auto& l : m_levels) v.push_back(l.get());
    return v;
}

coherence::SnoopResult CpuTile::snoop(coherence::Snoop kind, common::Addr addr, std::uint32_t,
                                      std::uint8_t* data) {
    coherence::SnoopResult total;
    bool taken = data == nullptr;
    for (auto& level : m_levels) {
        const coherence::SnoopResult r = level->core().snoop(kind, addr, data, taken);
        total.present = total.present || r.present;
        total.dirty = total.dirty || r.dirty;
        taken = taken || r.dirty;
    }
    return total;
}

common::Duration CpuTile::snoop_latency() const {
    return m_levels.empty() ? common::Duration() : m_levels[m_last]->core().hit_latency();
}

bool CpuTile::LevelView::recall_above(common::Addr addr, std::uint8_t* data) {
    bool taken = false;
    for (std::size_t j : m_tile.m_above[m_level]) {
        taken = m_tile.m_levels[j]->core().snoop(coherence::Snoop::Invalidate, addr, data, taken).dirty ||
                taken;
    }
    return taken;
}

bool CpuTile::LevelView::held_elsewhere(common::Addr addr) const {
    for (std::size_t j = 0; j < m_tile.m_levels.size(); ++j) {
        if (j != m_level && cache::is_valid(m_tile.m_levels[j]->core().probe(addr))) return true;
    }
    return false;
}

void CpuTile::register_stats(stats::StatsTree& tree, const std::string& path) const {
    const cpu::Cpu* core = m_core.get();
    tree.add_stats(path, [core] { return core->stats(); });
    tree.add(path, [core] {
        return stats::Json{{"load_latency_histogram", stats::histogram_json(core->stats().load_latency)}};
    });
    for (const auto& c : m_levels) {
        const cache::Cache* cp = c.get();
        tree.add_stats(path + "." + c->basename(), [cp] { return cp->core().stats(); });
    }
}

}  // namespace invalsim::build
