#include "sim/config/config_schema.h"

namespace invalsim::config {

using cache::CacheParams;
using cache::PrefetcherKind;
using cache::ReplacementKind;

namespace {

const Choices<ReplacementKind> kReplacement = {{"lru", ReplacementKind::Lru},
                                               {"tree-plru", ReplacementKind::TreePlru},
                                               {"random", ReplacementKind::Random}};

}  // namespace

const Schema<SimulationConfig>& simulation_schema() {
    static const Schema<SimulationConfig> s = {
        time_field("quantum", &SimulationConfig::quantum,
                   "temporal-decoupling quantum: how far a CPU may run ahead of simulated time "
                   "before synchronising; larger is faster and less exact in contention"),
        integer_field("seed", &SimulationConfig::seed,
                      "seed of every random choice (random replacement, generators); "
                      "--seed overrides it"),
        bool_field("private_fast_path", &SimulationConfig::private_fast_path,
                   "calls within a CPU's private caches skip the TLM sockets: same results, "
                   "faster; false sends every hop through TLM"),
        bool_field("fabric_fast_path", &SimulationConfig::fabric_fast_path,
                   "line requests from the last private caches through the interconnect to the "
                   "home agents, and from the home agents to memory, skip the TLM sockets: same "
                   "results, faster; false sends them through TLM"),
    };
    return s;
}

const Schema<CpuConfig>& cpu_schema() {
    static const Schema<CpuConfig> s = [] {
        Schema<CpuConfig> t = {
            integer_field("count", &CpuConfig::count, "number of CPUs (cpu0, cpu1, ...), 1-256"),
            string_field("dcache", &CpuConfig::dcache,
                         "first private cache of loads and stores (a key of /caches); empty for "
                         "none"),
            string_field("icache", &CpuConfig::icache,
                         "first private cache of instruction fetches; empty sends them down the "
                         "data path"),
        };
        const Schema<cpu::CpuParams> p = {
            frequency_field("frequency", &cpu::CpuParams::frequency_hz,
                            "core clock; cache hit latencies are in its cycles"),
            integer_field("think_cycles", &cpu::CpuParams::think_cycles,
                          "core cycles spent before each memory access"),
        };
        for (auto& f : lift(&CpuConfig::params, p)) t.push_back(f);
        return t;
    }();
    return s;
}

const Schema<CacheConfig>& cache_schema() {
    static const Schema<CacheConfig> s = [] {
        const Schema<CacheParams> p = {
            size_field("size", &CacheParams::size_bytes,
                       "capacity, at most 1GiB; a multiple of ways x line size giving a power-of-two "
                       "set count"),
            integer_field("ways", &CacheParams::ways, "associativity (1-64)"),
            integer_field("line_size", &CacheParams::line_bytes,
                          "line size in bytes, a power of two (8-4096); equal for all private "
                          "levels (it is the coherence granule)"),
            integer_field("hit_latency_cycles", &CacheParams::hit_latency_cycles,
                          "tag and data access time, in CPU cycles; paid by hits and misses"),
            enum_field("replacement", &CacheParams::replacement, kReplacement,
                       "victim selection in a full set"),
            integer_field("replacement_seed", &CacheParams::replacement_seed,
                          "seed of the random policy; 0 derives it from the simulation seed "
                          "and the cache's path"),
            bool_field("inclusive", &CacheParams::inclusive,
                       "inclusive of the levels above: evicting here first recalls the line "
                       "from them"),
            enum_field("prefetcher", &CacheParams::prefetcher,
                       Choices<PrefetcherKind>{{"none", PrefetcherKind::None},
                                               {"next-line", PrefetcherKind::NextLine},
                                               {"stride", PrefetcherKind::Stride}},
                       "hardware prefetcher (never crosses a 4 KiB page)"),
            integer_field("prefetch_degree", &CacheParams::prefetch_degree,
                          "lines fetched ahead per trigger (1-16)"),
        };
        Schema<CacheConfig> t = lift(&CacheConfig::params, p);
        t.push_back(string_field("next", &CacheConfig::next,
                                 "the level below: another cache's name, or \"memory\" (the home "
                                 "agents)"));
        return t;
    }();
    return s;
}

const Schema<home_agent::SlcParams>& slc_schema() {
    using home_agent::SlcParams;
    static const Schema<SlcParams> s = {
        size_field("size", &SlcParams::size_bytes, "capacity per agent, at most 1GiB; 0 for no system-level cache"),
        integer_field("ways", &SlcParams::ways, "associativity (1-64)"),
        integer_field("line_size", &SlcParams::line_bytes,
                      "line size, at least the private line size"),
        time_field("latency", &SlcParams::latency, "tag and data access time"),
        enum_field("replacement", &SlcParams::replacement, kReplacement, "victim selection"),
    };
    return s;
}

const Schema<home_agent::HomeAgentParams>& home_agents_schema() {
    using home_agent::HomeAgentParams;
    using home_agent::InterleaveHash;
    static const Schema<HomeAgentParams> s = {
        integer_field("count", &HomeAgentParams::count, "number of home agents (ha0, ha1, ...), 1-64"),
        size_field("interleave", &HomeAgentParams::interleave_bytes,
                   "consecutive bytes owned by one agent before the next takes over"),
        enum_field("hash", &HomeAgentParams::hash,
                   Choices<InterleaveHash>{{"none", InterleaveHash::None}, {"xor", InterleaveHash::Xor}},
                   "agent selection: chunk number modulo count, or after XOR-folding the higher "
                   "address bits into it"),
        time_field("lookup_latency", &HomeAgentParams::lookup_latency,
                   "snoop-filter lookup paid by every request at the agent"),
        integer_field("snoop_filter_entries", &HomeAgentParams::snoop_filter_entries,
                      "entries per agent, at most 64Mi; 0 sizes it to twice the private last-level "
                      "lines the agent tracks"),
        integer_field("snoop_filter_ways", &HomeAgentParams::snoop_filter_ways,
                      "snoop filter associativity; a full set back-invalidates its LRU line"),
        object_field("slc", &HomeAgentParams::slc, slc_schema(),
                     "the agent's system-level cache slice (see below)"),
        object_field("engine", &HomeAgentParams::engine, engine_schema(),
                     "the agent's maintenance engine (see below)"),
        address_field("mmio_base", &HomeAgentParams::mmio_base,
                      "maintenance registers: agent i at mmio_base + i x 4 KiB; must not overlap "
                      "the address map"),
        time_field("mmio_latency", &HomeAgentParams::mmio_latency,
                   "register access inside the agent, per MMIO read or write"),
    };
    return s;
}

const Schema<noc::CrossbarParams>& interconnect_schema() {
    static const Schema<noc::CrossbarParams> s = {
        time_field("hop_latency", &noc::CrossbarParams::hop_latency,
                   "one traversal of the crossbar, paid by the request and again by the response"),
        bandwidth_field("link_bandwidth", &noc::CrossbarParams::link_bandwidth_gbps,
                        "data rate of each direction of each output port: requests (and write data) "
                        "out, responses (and read data) back; a busy link queues messages"),
        integer_field("header_bytes", &noc::CrossbarParams::header_bytes,
                      "bytes of header on every message besides its data (requests, read data, "
                      "write completions); at most 256"),
    };
    return s;
}

const Schema<events::DmaParams>& dma_schema() {
    static const Schema<events::DmaParams> s = {
        bandwidth_field("rate", &events::DmaParams::rate_gbps,
                        "rate of dma_write ops that give none (an assumption: about a PCIe 4.0 x8 link)"),
    };
    return s;
}

const std::vector<std::string>& top_level_keys() {
    static const std::vector<std::string> k = {
        "name",        "description",  "simulation", "cpu",        "caches",
        "home_agents", "interconnect", "invalidate", "dma",        "memories",   "address_map"};
    return k;
}

}  // namespace invalsim::config
