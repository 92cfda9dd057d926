#include "sim/build/system.h"

#include <string>

namespace invalsim::build {

namespace {

noc::AddressMap build_address_map(const config::SystemConfig& cfg) {
    std::vector<noc::AddressRange> ranges;
    for (const auto& r : cfg.address_map) {
        std::uint32_t port = 0;
        while (cfg.memories[port].name != r.target) ++port;  // validated to exist
        ranges.push_back({r.name, r.base, r.size_bytes, port, r.target_offset});
    }
    return noc::AddressMap(std::move(ranges));
}

}  // namespace

System::System(sc_core::sc_module_name name, const config::SystemConfig& cfg,
               const scenario::Scenario& scn, std::uint64_t seed)
    : sc_module(name) {
    std::vector<std::string> ports;
    for (const auto& m : cfg.memories) ports.push_back(m.name);
    m_noc = std::make_unique<noc::Crossbar>("noc", cfg.interconnect, build_address_map(cfg), ports);
    for (const auto& m : cfg.memories) {
        m_memories.push_back(std::make_unique<mem::Dram>(m.name.c_str(), m.dram));
        m_noc->out.bind(m_memories.back()->socket);
    }
    for (std::uint32_t i = 0; i < cfg.cpu.count; ++i) {
        const std::string tile = "cpu" + std::to_string(i);
        m_tiles.push_back(std::make_unique<CpuTile>(tile.c_str(), cfg, seed, scn.programs[i]));
        m_tiles.back()->memory_socket().bind(m_noc->in);
    }
}

void System::register_stats(stats::StatsTree& tree) const {
    const std::string root = basename();
    for (const auto& t : m_tiles) t->register_stats(tree, root + "." + t->basename());
    const noc::Crossbar* noc = m_noc.get();
    tree.add(root + ".noc", [noc] {
        const noc::CrossbarStats s = noc->stats();
        stats::Json j = stats::to_json(s);
        for (const auto& p : s.ports) j["to_" + p.name] = stats::to_json(p);
        return j;
    });
    for (const auto& m : m_memories) {
        const mem::Dram* d = m.get();
        tree.add_stats(root + "." + m->basename(), [d] { return d->stats(); });
    }
}

std::vector<const cpu::Cpu*> System::cpus() const {
    std::vector<const cpu::Cpu*> v;
    for (const auto& t : m_tiles) v.push_back(&t->core());
    return v;
}

}  // namespace invalsim::build
