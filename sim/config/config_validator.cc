#include "sim/config/config_validator.h"

#include <set>

#include "models/noc/address_map.h"
#include "sim/config/units.h"

namespace invalsim::config {

namespace {

constexpr std::uint64_t kRangeAlign = 4096;

void report(const common::Violations& vs, const Cursor& at) {
    for (const auto& v : vs) at.child(v.field).error(v.message);
}

void validate_cpu(const SystemConfig& cfg, const Cursor& at) {
    if (cfg.cpu.count == 0 || cfg.cpu.count > 1024) {
        at.child("count").error("must be between 1 and 1024, got " + std::to_string(cfg.cpu.count));
    }
    report(cfg.cpu.params.validate(), at);
    if (!cfg.cpu.dcache.empty() && cfg.find_cache(cfg.cpu.dcache) == nullptr) {
        at.child("dcache").error("names no cache: \"" + cfg.cpu.dcache + "\" is not a key of /caches");
    }
}

// True when following `next` from `c` comes back to `c`.
bool on_cycle(const SystemConfig& cfg, const CacheConfig& c) {
    const CacheConfig* p = &c;
    for (std::size_t steps = 0; steps <= cfg.caches.size(); ++steps) {
        if (p->next == kMemory) return false;
        p = cfg.find_cache(p->next);
        if (p == nullptr) return false;  // reported as a dangling reference
        if (p == &c) return true;
    }
    return false;  // leads into a cycle that does not contain c: reported there
}

// Returns false when a link of `c` is broken.
bool validate_cache_link(const SystemConfig& cfg, const CacheConfig& c, const Cursor& at) {
    if (c.next == kMemory) return true;
    if (c.next == c.name) {
        at.error("a cache cannot be its own next level");
        return false;
    }
    const CacheConfig* below = cfg.find_cache(c.next);
    if (below == nullptr) {
        at.error("names no cache: \"" + c.next + "\" is not a key of /caches (or \"memory\")");
        return false;
    }
    if (below->params.line_bytes < c.params.line_bytes) {
        at.error("the level below (\"" + below->name + "\", " +
                 std::to_string(below->params.line_bytes) +
                 "-byte lines) must have lines at least as large as this one (" +
                 std::to_string(c.params.line_bytes) + " bytes)");
        return false;
    }
    return true;
}

// Reports each loop of `next` once, at its first cache in file order.
bool validate_no_cycles(const SystemConfig& cfg, const Cursor& at) {
    std::set<std::string> reported;
    for (const auto& c : cfg.caches) {
        if (reported.count(c.name) || c.next == c.name || !on_cycle(cfg, c)) continue;
        for (const CacheConfig* p = &c; reported.insert(p->name).second;) p = cfg.find_cache(p->next);
        at.child(c.name).child("next").error("the chain of `next` from \"" + c.name +
                                             "\" loops without reaching \"memory\"");
    }
    return reported.empty();
}

void validate_caches(const SystemConfig& cfg, const Cursor& at) {
    bool links_ok = true;
    for (const auto& c : cfg.caches) {
        const Cursor ca = at.child(c.name);
        report(c.params.validate(), ca);
        links_ok = validate_cache_link(cfg, c, ca.child("next")) && links_ok;
    }
    links_ok = validate_no_cycles(cfg, at) && links_ok;
    if (!links_ok) return;  // reachability is meaningless with broken links
    std::set<std::string> used;
    for (const auto* c : cfg.data_path()) used.insert(c->name);
    for (const auto& c : cfg.caches) {
        if (!used.count(c.name)) {
            at.child(c.name).error("is not on any CPU's path (reach it from /cpu/dcache through "
                                   "`next`), so it would never be built");
        }
    }
}

void validate_range(const SystemConfig& cfg, const RangeConfig& r, const Cursor& at) {
    if (r.size_bytes == 0) at.child("size").error("must not be zero");
    if (r.base % kRangeAlign != 0) {
        at.child("base").error("must be 4 KiB aligned, got " + format_address(r.base));
    }
    if (r.size_bytes % kRangeAlign != 0) {
        at.child("size").error("must be a multiple of 4 KiB, got " + std::to_string(r.size_bytes));
    }
    if (r.size_bytes != 0 && r.base + (r.size_bytes - 1) < r.base) {
        at.child("size").error("the range wraps past the end of the 64-bit address space");
    }
    const MemoryConfig* m = cfg.find_memory(r.target);
    if (m == nullptr) {
        at.child("target").error("names no memory: \"" + r.target + "\" is not a key of /memories");
        return;
    }
    const std::uint64_t dev = m->dram.size_bytes;
    if (r.target_offset > dev || r.size_bytes > dev - r.target_offset) {
        at.child("size").error("range of " + format_size(r.size_bytes) + " at device offset " +
                               format_address(r.target_offset) + " does not fit in \"" + r.target +
                               "\" (" + format_size(dev) + ")");
    }
}

void validate_address_map(const SystemConfig& cfg, const Cursor& at) {
    if (cfg.address_map.empty()) at.error("must contain at least one range");
    std::vector<noc::AddressRange> ranges;
    for (std::size_t i = 0; i < cfg.address_map.size(); ++i) {
        const RangeConfig& r = cfg.address_map[i];
        validate_range(cfg, r, at.child(i));
        if (r.size_bytes == 0 || r.base + (r.size_bytes - 1) < r.base) return;
        ranges.push_back({r.name, r.base, r.size_bytes, 0, r.target_offset});
    }
    if (auto o = noc::AddressMap::find_overlap(ranges)) {
        const auto& a = cfg.address_map[o->first];
        const auto& b = cfg.address_map[o->second];
        at.child(o->second).error("range " + format_address(b.base) + "+" + format_size(b.size_bytes) +
                                  " overlaps /address_map/" + std::to_string(o->first) + " (" +
                                  format_address(a.base) + "+" + format_size(a.size_bytes) + ")");
    }
}

}  // namespace

void validate_system(const SystemConfig& cfg, const Cursor& root) {
    if (cfg.simulation.quantum.as_ps() == 0) {
        root.child("simulation").child("quantum").error("must be greater than zero");
    }
    validate_cpu(cfg, root.child("cpu"));
    validate_caches(cfg, root.child("caches"));
    report(cfg.interconnect.validate(), root.child("interconnect"));
    if (cfg.memories.empty()) root.child("memories").error("must declare at least one memory");
    for (const auto& m : cfg.memories) report(m.dram.validate(), root.child("memories").child(m.name));
    validate_address_map(cfg, root.child("address_map"));
}

}  // namespace invalsim::config
