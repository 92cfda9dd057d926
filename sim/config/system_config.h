#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "models/cache/cache_params.h"
#include "models/common/duration.h"
#include "models/cpu/cpu_params.h"
#include "models/cxl/cxl_params.h"
#include "models/events/dma_params.h"
#include "models/home_agent/home_agent_params.h"
#include "models/invalidate/framework_params.h"
#include "models/mem/dram_params.h"
#include "models/noc/crossbar_params.h"
#include "models/nvdimm/nvdimm_params.h"

namespace invalsim::config {

// The typed, validated form of a config file. Built by config_loader from
// JSON; the builder instantiates the system from it. Model parameters are
// the models' own structs; the rest is wiring.

struct SimulationConfig {
    // Temporal-decoupling quantum: how far a CPU may run ahead of the others
    // before it synchronises. The accuracy/speed knob (see docs/config.md).
    common::Duration quantum = common::Duration::us(1);
    std::uint64_t seed = 1;
    // Calls within a CPU's private hierarchy skip the TLM sockets (same
    // results; false runs every hop through TLM, for checking that).
    bool private_fast_path = true;
    // The same for the interconnect: caches to home agents to memory.
    bool fabric_fast_path = true;
};

// The name a cache's `next` uses for the path to memory.
inline constexpr const char* kMemory = "memory";

struct CpuConfig {
    std::uint32_t count = 1;
    cpu::CpuParams params;
    std::string dcache;  // first cache of the data path; "" connects the CPU to memory directly
    std::string icache;  // first cache of instruction fetches; "" sends them down the data path
};

struct CacheConfig {
    std::string name;
    cache::CacheParams params;
    std::string next = kMemory;
};

enum class MemoryKind { Dram, CxlType3, Nvdimm };
const char* to_string(MemoryKind k);

struct MemoryConfig {
    std::string name;
    MemoryKind kind = MemoryKind::Dram;
    mem::DramParams dram;
    cxl::CxlParams cxl;
    nvdimm::NvdimmParams nvdimm;

    std::uint64_t size_bytes() const;
};

struct RangeConfig {
    std::string name;
    std::uint64_t base = 0;
    std::uint64_t size_bytes = 0;
    std::vector<std::string> targets;           // one device, or a CXL interleave set
    std::uint64_t interleave_granularity = 4096;  // CXL: bytes per device before the next
    std::uint64_t target_offset = 0;            // device address where the range starts
    bool committed = true;                      // CXL: decoders committed at start

    std::uint64_t size_per_target() const { return targets.empty() ? 0 : size_bytes / targets.size(); }
};

struct SystemConfig {
    std::string file;  // where it was read from, for messages
    std::string name;
    std::string description;
    SimulationConfig simulation;
    CpuConfig cpu;
    std::vector<CacheConfig> caches;
    home_agent::HomeAgentParams home_agents;
    noc::CrossbarParams interconnect;
    invalidate::FrameworkParams invalidate;
    events::DmaParams dma;
    std::vector<MemoryConfig> memories;
    std::vector<RangeConfig> address_map;

    const CacheConfig* find_cache(const std::string& name) const;
    const MemoryConfig* find_memory(const std::string& name) const;
    const RangeConfig* find_range(const std::string& name) const;
    // The private caches an access passes through, first to last.
    std::vector<const CacheConfig*> data_path() const;
    std::vector<const CacheConfig*> instruction_path() const;
    // Every private cache a CPU has, each once, upper levels first.
    std::vector<const CacheConfig*> private_caches() const;
    // Line size of the private caches (all equal), which is the coherence
    // granule; 64 when the CPUs have no caches.
    std::uint32_t private_line_bytes() const;
    // Names of the operations instances the invalidate mechanism provides.
    std::vector<std::string> invalidate_instances() const;
    // Snoop-filter entries per agent: as configured, or when automatic twice
    // the agent's share of all CPUs' last-level private lines.
    std::uint64_t snoop_filter_entries() const;
};

}  // namespace invalsim::config
