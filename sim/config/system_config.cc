#include "sim/config/system_config.h"

#include <algorithm>

namespace invalsim::config {

const char* to_string(MemoryKind k) {
    switch (k) {
        case MemoryKind::Dram: return "dram";
        case MemoryKind::CxlType3: return "cxl_type3";
        case MemoryKind::Nvdimm: return "nvdimm";
    }
    return "?";
}

std::uint64_t MemoryConfig::size_bytes() const {
    switch (kind) {
        case MemoryKind::Dram: return dram.size_bytes;
        case MemoryKind::CxlType3: return cxl.size_bytes;
        case MemoryKind::Nvdimm: return nvdimm.size_bytes;
    }
    return 0;
}

const CacheConfig* SystemConfig::find_cache(const std::string& n) const {
    for (const auto& c : caches) {
        if (c.name == n) return &c;
    }
    return nullptr;
}

const MemoryConfig* SystemConfig::find_memory(const std::string& n) const {
    for (const auto& m : memories) {
        if (m.name == n) return &m;
    }
    return nullptr;
}

const RangeConfig* SystemConfig::find_range(const std::string& n) const {
    for (const auto& r : address_map) {
        if (r.name == n) return &r;
    }
    return nullptr;
}

namespace {

std::vector<const CacheConfig*> path_from(const SystemConfig& cfg, const std::string& first) {
    std::vector<const CacheConfig*> path;
    const CacheConfig* c = first.empty() ? nullptr : cfg.find_cache(first);
    // Validation guarantees the chain ends; the bound guards an unvalidated cycle.
    while (c != nullptr && path.size() <= cfg.caches.size()) {
        path.push_back(c);
        c = c->next == kMemory ? nullptr : cfg.find_cache(c->next);
    }
    return path;
}

}  // namespace

std::vector<const CacheConfig*> SystemConfig::data_path() const { return path_from(*this, cpu.dcache); }

std::vector<const CacheConfig*> SystemConfig::instruction_path() const {
    return path_from(*this, cpu.icache);
}

std::vector<const CacheConfig*> SystemConfig::private_caches() const {
    std::vector<const CacheConfig*> all;
    auto add = [&all](const std::vector<const CacheConfig*>& path, std::size_t depth) {
        if (depth < path.size() && std::find(all.begin(), all.end(), path[depth]) == all.end()) {
            all.push_back(path[depth]);
        }
    };
    const auto d = data_path();
    const auto i = instruction_path();
    for (std::size_t depth = 0; depth < std::max(d.size(), i.size()); ++depth) {
        add(d, depth);
        add(i, depth);
    }
    return all;
}

std::uint32_t SystemConfig::private_line_bytes() const {
    const auto all = private_caches();
    return all.empty() ? 64 : all.front()->params.line_bytes;
}

}  // namespace invalsim::config

namespace invalsim::config {

std::vector<std::string> SystemConfig::invalidate_instances() const {
    switch (invalidate.mechanism) {
        case invalidate::Mechanism::Hha: {
            std::vector<std::string> n;
            for (std::uint32_t i = 0; i < home_agents.count; ++i) n.push_back("hha" + std::to_string(i));
            return n;
        }
        case invalidate::Mechanism::Wbinvd: return {"wbinvd"};
        case invalidate::Mechanism::VaLoop: return {"va-loop"};
        case invalidate::Mechanism::None: break;
    }
    return {};
}

namespace {

std::uint64_t next_power_of_two(std::uint64_t v) {
    std::uint64_t p = 1;
    while (p < v) p <<= 1;
    return p;
}

}  // namespace

std::uint64_t SystemConfig::snoop_filter_entries() const {
    const auto& ha = home_agents;
    if (ha.snoop_filter_entries) return ha.snoop_filter_entries;
    const auto path = data_path();
    const std::uint64_t lines = path.empty() ? 1 : path.back()->params.lines();
    const std::uint64_t tracked = 2 * lines * cpu.count / ha.count;
    return next_power_of_two(std::max<std::uint64_t>(tracked / ha.snoop_filter_ways, 16)) * ha.snoop_filter_ways;
}

}  // namespace invalsim::config
