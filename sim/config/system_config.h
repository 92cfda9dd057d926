#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "models/cache/cache_params.h"
#include "models/common/duration.h"
#include "models/cpu/cpu_params.h"
#include "models/mem/dram_params.h"
#include "models/noc/crossbar_params.h"

namespace invalsim::config {

// The typed, validated form of a config file. Built by config_loader from
// JSON; the builder instantiates the system from it. Model parameters are
// the models' own structs; the rest is wiring.

struct SimulationConfig {
    // Temporal-decoupling quantum: how far a CPU may run ahead of the others
    // before it synchronises. The accuracy/speed knob (see docs/config.md).
    common::Duration quantum = common::Duration::us(1);
    std::uint64_t seed = 1;
};

// The name a cache's `next` uses for the path to memory.
inline constexpr const char* kMemory = "memory";

struct CpuConfig {
    std::uint32_t count = 1;
    cpu::CpuParams params;
    std::string dcache;  // first cache of the data path; "" connects the CPU to memory directly
};

struct CacheConfig {
    std::string name;
    cache::CacheParams params;
    std::string next = kMemory;
};

enum class MemoryKind { Dram };

struct MemoryConfig {
    std::string name;
    MemoryKind kind = MemoryKind::Dram;
    mem::DramParams dram;
};

struct RangeConfig {
    std::string name;
    std::uint64_t base = 0;
    std::uint64_t size_bytes = 0;
    std::string target;
    std::uint64_t target_offset = 0;
};

struct SystemConfig {
    std::string file;  // where it was read from, for messages
    std::string name;
    std::string description;
    SimulationConfig simulation;
    CpuConfig cpu;
    std::vector<CacheConfig> caches;
    noc::CrossbarParams interconnect;
    std::vector<MemoryConfig> memories;
    std::vector<RangeConfig> address_map;

    const CacheConfig* find_cache(const std::string& name) const;
    const MemoryConfig* find_memory(const std::string& name) const;
    // The private caches a CPU's data accesses pass through, first to last.
    std::vector<const CacheConfig*> data_path() const;
    // Line size of the first level the CPU talks to (its access granule).
    std::uint32_t first_line_bytes() const;
};

}  // namespace invalsim::config
