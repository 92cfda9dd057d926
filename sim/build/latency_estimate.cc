#include "sim/build/latency_estimate.h"

#include "sim/build/backend_factory.h"

namespace invalsim::build {

using common::Duration;

Duration idle_miss_latency(const config::SystemConfig& cfg, const config::RangeConfig& range) {
    const Duration cycle = cfg.cpu.params.cycle();
    const std::uint32_t line = cfg.private_line_bytes();
    Duration t;
    for (const auto* c : cfg.data_path()) t += cycle * c->params.hit_latency_cycles;
    const auto& noc = cfg.interconnect;
    // A read's crossing: a header out, a header and the data back.
    auto crossing = [&noc](std::uint32_t data) {
        return noc.hop_latency * 2 + common::transfer_time(noc.header_bytes, noc.link_bandwidth_gbps) +
               common::transfer_time(std::uint64_t{noc.header_bytes} + data, noc.link_bandwidth_gbps);
    };
    // CPU side to the home agent and back.
    t += crossing(line) + cfg.home_agents.lookup_latency;
    const auto& slc = cfg.home_agents.slc;
    std::uint32_t fill = line;
    if (slc.enabled()) {
        t += slc.latency;
        fill = slc.line_bytes;
    }
    // Home agent to the device and back.
    const config::MemoryConfig* m = cfg.find_memory(range.targets.front());
    t += crossing(fill) + make_backend(cfg, *m)->idle_read_latency(fill);
    return t;
}

}  // namespace invalsim::build
