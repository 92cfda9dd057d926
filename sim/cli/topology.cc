#include "sim/cli/topology.h"

#include <cstdio>
#include <sstream>

#include "sim/build/latency_estimate.h"
#include "sim/build/system.h"
#include "sim/config/units.h"

namespace invalsim::cli {

using config::format_address;
using config::format_bandwidth;
using config::format_size;
using config::format_time;

namespace {

const char* replacement_name(cache::ReplacementKind k) {
    switch (k) {
        case cache::ReplacementKind::Lru: return "lru";
        case cache::ReplacementKind::TreePlru: return "tree-plru";
        case cache::ReplacementKind::Random: return "random";
    }
    return "?";
}

void row(std::ostringstream& out, const std::string& path, const std::string& kind,
         const std::string& text) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "  %-22s %-10s ", path.c_str(), kind.c_str());
    out << buf << text << "\n";
}

std::string cache_text(const cache::CacheParams& p, common::Duration hit) {
    return format_size(p.size_bytes) + ", " + std::to_string(p.ways) + "-way, " +
           std::to_string(p.line_bytes) + " B lines, " + replacement_name(p.replacement) + ", " +
           format_time(hit) + (p.inclusive ? ", inclusive" : ", non-inclusive") +
           (p.prefetcher == cache::PrefetcherKind::None ? "" : ", prefetch");
}

std::string memory_text(const config::MemoryConfig& m) {
    switch (m.kind) {
        case config::MemoryKind::Dram:
            return format_size(m.dram.size_bytes) + ", read " + format_time(m.dram.read_latency) +
                   ", " + std::to_string(m.dram.channels) + " x " +
                   format_bandwidth(m.dram.channel_bandwidth_gbps);
        case config::MemoryKind::CxlType3:
            return format_size(m.cxl.size_bytes) + ", x" + std::to_string(m.cxl.link_width) + " @ " +
                   std::to_string(m.cxl.link_gts) + " GT/s (" +
                   format_bandwidth(m.cxl.link_bandwidth_gbps()) + "), media " +
                   format_time(m.cxl.media_read_latency);
        case config::MemoryKind::Nvdimm:
            return format_size(m.nvdimm.size_bytes) + ", read " + format_time(m.nvdimm.read_latency) +
                   " " + format_bandwidth(m.nvdimm.read_bandwidth_gbps) + ", write " +
                   format_bandwidth(m.nvdimm.write_bandwidth_gbps) +
                   (m.nvdimm.locked ? ", locked" : "");
    }
    return "";
}

void components(std::ostringstream& out, const config::SystemConfig& cfg) {
    out << "components:\n";
    const std::string cpus =
        cfg.cpu.count == 1 ? "system.cpu0" : "system.cpu0..cpu" + std::to_string(cfg.cpu.count - 1);
    row(out, cpus, "cpu",
        config::format_frequency(cfg.cpu.params.frequency_hz) + ", think " +
            std::to_string(cfg.cpu.params.think_cycles) + " cycles");
    for (const auto* c : cfg.private_caches()) {
        row(out, "  ." + c->name, "cache",
            cache_text(c->params, cfg.cpu.params.cycle() * c->params.hit_latency_cycles));
    }
    const auto& ha = cfg.home_agents;
    const std::string agents = ha.count == 1 ? "system.ha0" : "system.ha0..ha" + std::to_string(ha.count - 1);
    row(out, agents, "home agent",
        "interleave " + format_size(ha.interleave_bytes) + ", snoop filter " +
            std::to_string(cfg.snoop_filter_entries()) + " entries, lookup " +
            format_time(ha.lookup_latency));
    if (ha.slc.enabled()) {
        row(out, "  .slc", "slc", cache_text(ha.slc.cache_params(), ha.slc.latency));
    }
    row(out, "system.noc", "crossbar",
        "hop " + format_time(cfg.interconnect.hop_latency) + ", " +
            format_bandwidth(cfg.interconnect.link_bandwidth_gbps) + " per port and direction, " +
            std::to_string(cfg.interconnect.header_bytes) + " B headers");
    for (const auto& m : cfg.memories) {
        row(out, "system." + m.name, config::to_string(m.kind), memory_text(m));
    }
}

std::string join(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ",") + x;
    return s;
}

void address_map(std::ostringstream& out, const config::SystemConfig& cfg) {
    out << "address map (idle load-to-use latency of a read that misses every cache):\n";
    for (const auto& r : cfg.address_map) {
        char buf[200];
        std::string target = join(r.targets);
        if (r.targets.size() > 1) target += " every " + format_size(r.interleave_granularity);
        std::snprintf(buf, sizeof buf, "  0x%012llx-0x%012llx %8s  %-12s -> %-24s %7.1f ns%s\n",
                      static_cast<unsigned long long>(r.base),
                      static_cast<unsigned long long>(r.base + (r.size_bytes - 1)),
                      format_size(r.size_bytes).c_str(), r.name.empty() ? "-" : r.name.c_str(),
                      target.c_str(), build::idle_miss_latency(cfg, r).as_ns(),
                      r.committed ? "" : " (uncommitted)");
        out << buf;
    }
}

void connections(std::ostringstream& out, const config::SystemConfig& cfg) {
    out << "connections:\n  system.cpuN.core";
    for (const auto* c : cfg.data_path()) out << " -> ." << c->name;
    out << " -> system.noc -> system.haN (by interleave) -> system.noc -> {";
    for (std::size_t i = 0; i < cfg.memories.size(); ++i) {
        out << (i ? ", " : "") << "system." << cfg.memories[i].name;
    }
    out << "} (by address map)\n";
    if (!cfg.cpu.icache.empty()) {
        out << "  system.cpuN.core (fetch)";
        for (const auto* c : cfg.instruction_path()) out << " -> ." << c->name;
        out << "\n";
    }
}

}  // namespace

std::string describe_topology(const config::SystemConfig& cfg) {
    std::ostringstream out;
    out << "system \"" << cfg.name << "\"" << (cfg.description.empty() ? "" : ": " + cfg.description)
        << "\n";
    out << "simulation: quantum " << format_time(cfg.simulation.quantum) << ", seed "
        << cfg.simulation.seed << "\n";
    components(out, cfg);
    address_map(out, cfg);
    connections(out, cfg);
    return out.str();
}

}  // namespace invalsim::cli
