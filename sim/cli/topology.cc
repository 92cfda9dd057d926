#include "sim/cli/topology.h"

#include <cstdio>
#include <sstream>

#include "sim/config/units.h"

namespace invalsim::cli {

using config::format_address;
using config::format_bandwidth;
using config::format_size;
using config::format_time;

namespace {

std::string replacement_name(cache::ReplacementKind k) {
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
    std::snprintf(buf, sizeof buf, "  %-22s %-9s ", path.c_str(), kind.c_str());
    out << buf << text << "\n";
}

void components(std::ostringstream& out, const config::SystemConfig& cfg) {
    const common::Duration cycle = cfg.cpu.params.cycle();
    out << "components:\n";
    const std::string cpus =
        cfg.cpu.count == 1 ? "system.cpu0" : "system.cpu0..cpu" + std::to_string(cfg.cpu.count - 1);
    row(out, cpus, "cpu",
        config::format_frequency(cfg.cpu.params.frequency_hz) + ", think " +
            std::to_string(cfg.cpu.params.think_cycles) + " cycles");
    for (const auto* c : cfg.data_path()) {
        const auto& p = c->params;
        row(out, "  ." + c->name, "cache",
            format_size(p.size_bytes) + ", " + std::to_string(p.ways) + "-way, " +
                std::to_string(p.line_bytes) + " B lines, " + std::to_string(p.sets()) +
                " sets, " + replacement_name(p.replacement) + ", hit " +
                std::to_string(p.hit_latency_cycles) + " cycles (" +
                format_time(cycle * p.hit_latency_cycles) + ")");
    }
    row(out, "system.noc", "crossbar",
        "hop " + format_time(cfg.interconnect.hop_latency) + ", " +
            format_bandwidth(cfg.interconnect.link_bandwidth_gbps) + " per port");
    for (const auto& m : cfg.memories) {
        const auto& d = m.dram;
        row(out, "system." + m.name, "dram",
            format_size(d.size_bytes) + ", read " + format_time(d.read_latency) + ", write " +
                format_time(d.write_latency) + ", " + std::to_string(d.channels) + " x " +
                format_bandwidth(d.channel_bandwidth_gbps));
    }
}

void address_map(std::ostringstream& out, const config::SystemConfig& cfg) {
    out << "address map:\n";
    for (const auto& r : cfg.address_map) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "  0x%016llx-0x%016llx %9s  %-10s -> %s +%s\n",
                      static_cast<unsigned long long>(r.base),
                      static_cast<unsigned long long>(r.base + (r.size_bytes - 1)),
                      format_size(r.size_bytes).c_str(), r.name.empty() ? "-" : r.name.c_str(),
                      r.target.c_str(), format_address(r.target_offset).c_str());
        out << buf;
    }
}

void connections(std::ostringstream& out, const config::SystemConfig& cfg) {
    out << "connections:\n  system.cpuN.core";
    for (const auto* c : cfg.data_path()) out << " -> ." << c->name;
    out << " -> system.noc -> {";
    for (std::size_t i = 0; i < cfg.memories.size(); ++i) {
        out << (i ? ", " : "") << "system." << cfg.memories[i].name;
    }
    out << "}\n";
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
