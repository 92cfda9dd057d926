#include "sim/config/config_validator.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "models/cxl/hdm_decoder.h"
#include "models/home_agent/snoop_filter.h"
#include "models/mem/sparse_store.h"
#include "models/noc/address_map.h"
#include "sim/config/units.h"

namespace invalsim::config {

namespace {

constexpr std::uint64_t kRangeAlign = 4096;

// Violation fields are parameter names, or relative paths such as "slc/ways".
void report(const common::Violations& vs, const Cursor& at) {
    for (const auto& v : vs) {
        std::string pointer = at.pointer;
        std::size_t start = 0;
        while (true) {
            const auto slash = v.field.find('/', start);
            pointer = child_pointer(pointer, v.field.substr(start, slash - start));
            if (slash == std::string::npos) break;
            start = slash + 1;
        }
        at.diag.error(pointer, v.message);
    }
}

void validate_cpu(const SystemConfig& cfg, const Cursor& at) {
    if (cfg.cpu.count == 0 || cfg.cpu.count > 256) {
        at.child("count").error("must be between 1 and 256, got " + std::to_string(cfg.cpu.count));
    }
    report(cfg.cpu.params.validate(), at);
    for (const char* key : {"dcache", "icache"}) {
        const std::string& name = std::string(key) == "dcache" ? cfg.cpu.dcache : cfg.cpu.icache;
        if (!name.empty() && cfg.find_cache(name) == nullptr) {
            at.child(key).error("names no cache: \"" + name + "\" is not a key of /caches");
        }
    }
    if (!cfg.cpu.icache.empty() && cfg.cpu.icache == cfg.cpu.dcache) {
        at.child("icache").error("must be a different cache from dcache (an L1I beside the L1D)");
    } else if (!cfg.cpu.icache.empty() && cfg.find_cache(cfg.cpu.icache)) {
        const auto d = cfg.data_path();
        const auto i = cfg.instruction_path();
        if (d.empty() || i.empty() || d.back() != i.back()) {
            at.child("icache").error("its path must end at the same last-level private cache as "
                                     "dcache's (" + (d.empty() ? std::string("none") : "\"" + d.back()->name + "\"") + ")");
        }
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
    bool params_ok = true;
    for (const auto& c : cfg.caches) {
        const Cursor ca = at.child(c.name);
        const auto violations = c.params.validate();
        params_ok = params_ok && violations.empty();
        report(violations, ca);
        links_ok = validate_cache_link(cfg, c, ca.child("next")) && links_ok;
    }
    links_ok = validate_no_cycles(cfg, at) && links_ok;
    if (!links_ok) return;  // reachability is meaningless with broken links
    std::set<std::string> used;
    const auto all = cfg.private_caches();
    for (const auto* c : all) used.insert(c->name);
    for (const auto& c : cfg.caches) {
        if (!used.count(c.name)) {
            at.child(c.name).error("is not on any CPU's path (reach it from /cpu/dcache or "
                                   "/cpu/icache through `next`), so it would never be built");
        }
    }
    for (const auto* c : all) {
        if (params_ok && c->params.line_bytes != all.front()->params.line_bytes) {
            at.child(c->name).child("line_size").error(
                "all private caches of a CPU share one line size (the coherence granule); \"" +
                all.front()->name + "\" has " + std::to_string(all.front()->params.line_bytes));
        }
    }
}

// A range over CXL devices becomes one HDM decoder per device.
void validate_cxl_range(const RangeConfig& r, const Cursor& at) {
    const auto ways = static_cast<std::uint32_t>(r.targets.size());
    constexpr std::uint64_t kDecoderUnit = 256ULL << 20;
    if (!cxl::HdmDecoder::valid_ways(ways)) {
        at.child("target").error("a CXL interleave set has 1, 2, 3, 4, 6, 8, 12 or 16 devices, got " +
                                 std::to_string(ways));
        return;
    }
    if (!cxl::HdmDecoder::valid_granularity(r.interleave_granularity)) {
        at.child("interleave_granularity").error("must be a power of two from 256B to 16KiB, got " +
                                                 std::to_string(r.interleave_granularity));
    }
    if (r.base % kDecoderUnit != 0 || r.size_bytes % (kDecoderUnit * ways) != 0) {
        at.child("size").error("a CXL range is decoded in 256 MiB units per device: base and size "
                               "must be multiples of 256MiB (x " + std::to_string(ways) + " devices)");
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
    bool all_cxl = true;
    for (std::size_t i = 0; i < r.targets.size(); ++i) {
        const MemoryConfig* m = cfg.find_memory(r.targets[i]);
        const Cursor t = r.targets.size() == 1 ? at.child("target") : at.child("target").child(i);
        if (m == nullptr) {
            t.error("names no memory: \"" + r.targets[i] + "\" is not a key of /memories");
            return;
        }
        all_cxl = all_cxl && m->kind == MemoryKind::CxlType3;
        const std::uint64_t dev = m->size_bytes();
        const std::uint64_t share = r.size_per_target();
        if (r.target_offset > dev || share > dev - r.target_offset) {
            at.child("size").error("range of " + format_size(r.size_bytes) + " at device offset " +
                                   format_address(r.target_offset) + " does not fit in \"" +
                                   r.targets[i] + "\" (" + format_size(dev) + ")");
        }
    }
    if (r.targets.size() > 1 && !all_cxl) {
        at.child("target").error("only CXL Type-3 devices can be interleaved in one range");
    } else if (all_cxl) {
        validate_cxl_range(r, at);
    }
}

// A device listed twice would serve two positions of one interleave set.
void validate_distinct_targets(const RangeConfig& r, const Cursor& at) {
    for (std::size_t i = 1; i < r.targets.size(); ++i) {
        const auto before = r.targets.begin() + static_cast<std::ptrdiff_t>(i);
        if (std::find(r.targets.begin(), before, r.targets[i]) != before) {
            at.child("target").child(i).error("\"" + r.targets[i] + "\" is already in this interleave set; "
                                              "each device serves one position");
        }
    }
}

// Two ranges on the same device bytes would show one media byte at two host
// addresses: caches would hold two copies that no invalidate of one range
// reaches. Run once each range is known to fit its devices.
void validate_device_sharing(const SystemConfig& cfg, const Cursor& at) {
    struct Share {
        std::size_t range;
        std::uint64_t begin, end;
    };
    std::map<std::string, std::vector<Share>> by_device;
    for (std::size_t i = 0; i < cfg.address_map.size(); ++i) {
        const RangeConfig& r = cfg.address_map[i];
        const Share mine{i, r.target_offset, r.target_offset + r.size_per_target()};
        for (const auto& t : r.targets) {
            for (const Share& s : by_device[t]) {
                if (mine.begin < s.end && s.begin < mine.end) {
                    at.child(i).child("target_offset").error(
                        "maps bytes of \"" + t + "\" that /address_map/" + std::to_string(s.range) +
                        " maps too (device offsets " + format_address(s.begin) + "-" + format_address(s.end - 1) + ")");
                }
            }
            by_device[t].push_back(mine);
        }
    }
}

void validate_address_map(const SystemConfig& cfg, const Cursor& at) {
    if (cfg.address_map.empty()) at.error("must contain at least one range");
    std::vector<noc::AddressRange> ranges;
    std::set<std::string> names;
    for (std::size_t i = 0; i < cfg.address_map.size(); ++i) {
        const RangeConfig& r = cfg.address_map[i];
        validate_range(cfg, r, at.child(i));
        validate_distinct_targets(r, at.child(i));
        if (!r.name.empty() && !names.insert(r.name).second) {
            at.child(i).child("name").error("\"" + r.name + "\" names another range already");
        }
        if (r.size_bytes == 0 || r.base + (r.size_bytes - 1) < r.base) return;
        ranges.push_back(noc::AddressRange::single(r.name, r.base, r.size_bytes, 0, r.target_offset));
    }
    if (auto o = noc::AddressMap::find_overlap(ranges)) {
        const auto& a = cfg.address_map[o->first];
        const auto& b = cfg.address_map[o->second];
        at.child(o->second).error("range " + format_address(b.base) + "+" + format_size(b.size_bytes) +
                                  " overlaps /address_map/" + std::to_string(o->first) + " (" +
                                  format_address(a.base) + "+" + format_size(a.size_bytes) + ")");
    }
}

// A zero poll interval would have the driver poll without time passing.
void validate_invalidate(const SystemConfig& cfg, const Cursor& at) {
    if (cfg.invalidate.hha.poll_interval.as_ps() == 0) {
        at.child("poll_interval").error("must be greater than zero (the driver would poll without time passing)");
    }
}

void validate_home_agents(const SystemConfig& cfg, const Cursor& at) {
    report(cfg.home_agents.validate(), at);
    const std::uint64_t mmio = cfg.home_agents.mmio_base;
    const std::uint64_t mmio_len = std::uint64_t{cfg.home_agents.count} * 4096;
    for (std::size_t i = 0; i < cfg.address_map.size(); ++i) {
        const RangeConfig& r = cfg.address_map[i];
        if (mmio < r.base + r.size_bytes && r.base < mmio + mmio_len) {
            at.child("mmio_base").error("the agents' registers at " + format_address(mmio) + "+" +
                                        format_size(mmio_len) + " overlap /address_map/" +
                                        std::to_string(i));
        }
    }
    const auto& slc = cfg.home_agents.slc;
    if (slc.enabled() && slc.line_bytes < cfg.private_line_bytes()) {
        at.child("slc").child("line_size").error(
            "must be at least the private line size (" + std::to_string(cfg.private_line_bytes()) +
            " bytes), got " + std::to_string(slc.line_bytes));
    }
}

// What the model's state costs the host before the first access. Each part
// is bounded on its own; this catches their product (CPUs x private caches,
// agents x slices and filters, many devices) outgrowing any machine.
constexpr std::uint64_t kMaxHostStateBytes = 8ULL << 30;

void validate_host_memory(const SystemConfig& cfg, const Cursor& root) {
    struct Part {
        Cursor at;
        std::uint64_t bytes;
        const char* note;
    };
    std::vector<Part> parts;
    for (const auto* c : cfg.private_caches()) {
        parts.push_back({root.child("caches").child(c->name).child("size"), cfg.cpu.count * c->params.host_bytes(), ""});
    }
    const auto& ha = cfg.home_agents;
    const Cursor agents = root.child("home_agents");
    if (ha.slc.enabled()) {
        parts.push_back({agents.child("slc").child("size"), ha.count * ha.slc.cache_params().host_bytes(), ""});
    }
    parts.push_back({agents.child("snoop_filter_entries"),
                     ha.count * home_agent::SnoopFilter::host_bytes(cfg.snoop_filter_entries()),
                     ha.snoop_filter_entries ? "" : " (automatic: twice the CPUs' last-level private lines)"});
    for (const auto& m : cfg.memories) {
        parts.push_back({root.child("memories").child(m.name).child("size"),
                         mem::SparseStore::host_bytes(m.size_bytes()), ""});
    }
    std::uint64_t total = 0;
    const Part* largest = &parts.front();
    for (const auto& p : parts) {
        total += p.bytes;
        if (p.bytes > largest->bytes) largest = &p;
    }
    if (total <= kMaxHostStateBytes) return;
    auto gib = [](std::uint64_t b) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.1fGiB", static_cast<double>(b) / (1ULL << 30));
        return std::string(buf);
    };
    largest->at.error("the model would take " + gib(total) + " of host memory before the run starts " +
                      "(caches, snoop filters, device page directories), " + gib(largest->bytes) +
                      " of it here" + largest->note + ", counting every CPU's or agent's copy; the " +
                      "simulator allows at most " + gib(kMaxHostStateBytes));
}

}  // namespace

void validate_system(const SystemConfig& cfg, const Cursor& root) {
    if (cfg.simulation.quantum.as_ps() == 0) {
        root.child("simulation").child("quantum").error("must be greater than zero");
    }
    validate_cpu(cfg, root.child("cpu"));
    validate_caches(cfg, root.child("caches"));
    validate_home_agents(cfg, root.child("home_agents"));
    report(cfg.interconnect.validate(), root.child("interconnect"));
    report(cfg.dma.validate(), root.child("dma"));
    if (cfg.memories.empty()) root.child("memories").error("must declare at least one memory");
    for (const auto& m : cfg.memories) {
        const Cursor at = root.child("memories").child(m.name);
        switch (m.kind) {
            case MemoryKind::Dram: report(m.dram.validate(), at); break;
            case MemoryKind::CxlType3: report(m.cxl.validate(), at); break;
            case MemoryKind::Nvdimm: report(m.nvdimm.validate(), at); break;
        }
    }
    const std::size_t before = root.diag.count();
    validate_address_map(cfg, root.child("address_map"));
    if (root.diag.count() == before) validate_device_sharing(cfg, root.child("address_map"));
    validate_invalidate(cfg, root.child("invalidate"));
    // The estimate needs valid sizes, and a wrong one would only add noise.
    if (root.diag.empty()) validate_host_memory(cfg, root);
}

}  // namespace invalsim::config
