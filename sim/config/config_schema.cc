#include "sim/config/config_schema.h"

namespace invalsim::config {

using cache::CacheParams;
using cache::ReplacementKind;

const Schema<SimulationConfig>& simulation_schema() {
    static const Schema<SimulationConfig> s = {
        time_field("quantum", &SimulationConfig::quantum,
                   "temporal-decoupling quantum: how far a CPU may run ahead of simulated time "
                   "before synchronising; larger is faster and less exact in contention"),
        integer_field("seed", &SimulationConfig::seed,
                      "seed of every random choice (random replacement, generators); "
                      "--seed overrides it"),
    };
    return s;
}

const Schema<CpuConfig>& cpu_schema() {
    static const Schema<CpuConfig> s = [] {
        Schema<CpuConfig> t = {
            integer_field("count", &CpuConfig::count, "number of CPUs (cpu0, cpu1, ...)"),
            string_field("dcache", &CpuConfig::dcache,
                         "name of the first private cache of the data path (a key of /caches); "
                         "empty for no cache"),
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
                       "capacity; a multiple of ways x line size giving a power-of-two set count"),
            integer_field("ways", &CacheParams::ways, "associativity (1-64)"),
            integer_field("line_size", &CacheParams::line_bytes,
                          "line size in bytes, a power of two (8-4096)"),
            integer_field("hit_latency_cycles", &CacheParams::hit_latency_cycles,
                          "tag and data access time, in CPU cycles; paid by hits and misses"),
            enum_field("replacement", &CacheParams::replacement,
                       Choices<ReplacementKind>{{"lru", ReplacementKind::Lru},
                                                {"tree-plru", ReplacementKind::TreePlru},
                                                {"random", ReplacementKind::Random}},
                       "victim selection in a full set"),
            integer_field("replacement_seed", &CacheParams::replacement_seed,
                          "seed of the random policy; 0 derives it from the simulation seed "
                          "and the cache's path"),
        };
        Schema<CacheConfig> t = lift(&CacheConfig::params, p);
        t.push_back(string_field("next", &CacheConfig::next,
                                 "the level below: another cache's name, or \"memory\""));
        return t;
    }();
    return s;
}

const Schema<noc::CrossbarParams>& interconnect_schema() {
    static const Schema<noc::CrossbarParams> s = {
        time_field("hop_latency", &noc::CrossbarParams::hop_latency,
                   "one traversal of the crossbar, paid by the request and again by the response"),
        bandwidth_field("link_bandwidth", &noc::CrossbarParams::link_bandwidth_gbps,
                        "data rate of each output port; a busy port queues requests"),
    };
    return s;
}

const Schema<MemoryConfig>& dram_schema() {
    static const Schema<MemoryConfig> s = [] {
        using mem::DramParams;
        const Schema<DramParams> p = {
            size_field("size", &DramParams::size_bytes, "capacity of the device"),
            time_field("read_latency", &DramParams::read_latency,
                       "idle read latency inside the device (controller and row access)"),
            time_field("write_latency", &DramParams::write_latency,
                       "time for the controller to accept a posted write"),
            bandwidth_field("channel_bandwidth", &DramParams::channel_bandwidth_gbps,
                            "peak data rate of one channel"),
            integer_field("channels", &DramParams::channels, "independent channels (1-64)"),
            size_field("channel_interleave", &DramParams::channel_interleave_bytes,
                       "consecutive bytes mapped to one channel before moving to the next"),
            byte_field("fill_byte", &DramParams::fill_byte,
                       "value read from never-written memory"),
        };
        return lift(&MemoryConfig::dram, p);
    }();
    return s;
}

const Schema<RangeConfig>& range_schema() {
    static const Schema<RangeConfig> s = {
        string_field("name", &RangeConfig::name, "label shown by `invalsim check`"),
        required(address_field("base", &RangeConfig::base, "first system physical address")),
        required(size_field("size", &RangeConfig::size_bytes, "length of the range")),
        required(string_field("target", &RangeConfig::target, "memory device (a key of /memories)")),
        size_field("target_offset", &RangeConfig::target_offset,
                   "device offset at which the range starts"),
    };
    return s;
}

const std::vector<std::string>& top_level_keys() {
    static const std::vector<std::string> k = {"name",         "description", "simulation",
                                               "cpu",          "caches",      "interconnect",
                                               "memories",     "address_map"};
    return k;
}

std::vector<SchemaSection> config_schema_doc() {
    MemoryConfig dram_defaults;
    return {
        {"Simulation", "/simulation", "Run-wide settings.",
         schema_rows(simulation_schema(), SimulationConfig{})},
        {"CPUs", "/cpu",
         "Identical in-order, blocking CPUs, each running its program from the scenario.",
         schema_rows(cpu_schema(), CpuConfig{})},
        {"Private caches", "/caches/<name>",
         "Each entry is instantiated once per CPU (system.cpuN.<name>) when it lies on a CPU's "
         "path. Write-back, write-allocate, real data.",
         schema_rows(cache_schema(), CacheConfig{})},
        {"Interconnect", "/interconnect", "The crossbar between the caches and the memories.",
         schema_rows(interconnect_schema(), noc::CrossbarParams{})},
        {"DRAM device", "/memories/<name> with \"type\": \"dram\"",
         "A DRAM device with a sparse backing store (host memory only for touched pages).",
         schema_rows(dram_schema(), dram_defaults)},
        {"Address map", "/address_map/<index>",
         "System physical address ranges and the device each maps onto. Ranges must not "
         "overlap and must be 4 KiB aligned.",
         schema_rows(range_schema(), RangeConfig{})},
    };
}

}  // namespace invalsim::config
