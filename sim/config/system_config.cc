#include "sim/config/system_config.h"

namespace invalsim::config {

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

std::vector<const CacheConfig*> SystemConfig::data_path() const {
    std::vector<const CacheConfig*> path;
    const CacheConfig* c = cpu.dcache.empty() ? nullptr : find_cache(cpu.dcache);
    // Validation guarantees the chain ends; the bound guards against a cycle
    // in a config that was not validated.
    while (c != nullptr && path.size() <= caches.size()) {
        path.push_back(c);
        c = c->next == kMemory ? nullptr : find_cache(c->next);
    }
    return path;
}

std::uint32_t SystemConfig::first_line_bytes() const {
    const auto path = data_path();
    return path.empty() ? 64 : path.front()->params.line_bytes;
}

}  // namespace invalsim::config
