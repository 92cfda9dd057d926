#pragma once

#include <string>
#include <vector>

#include "sim/config/field.h"
#include "sim/config/system_config.h"

namespace invalsim::config {

// The parameter tables of every config section: the single place where keys,
// types and descriptions are written.
const Schema<SimulationConfig>& simulation_schema();
const Schema<CpuConfig>& cpu_schema();
const Schema<CacheConfig>& cache_schema();
const Schema<home_agent::HomeAgentParams>& home_agents_schema();
const Schema<home_agent::SlcParams>& slc_schema();
const Schema<noc::CrossbarParams>& interconnect_schema();
const Schema<home_agent::EngineParams>& engine_schema();
const Schema<invalidate::FrameworkParams>& invalidate_schema();
const Schema<events::DmaParams>& dma_schema();
const Schema<MemoryConfig>& dram_schema();
const Schema<MemoryConfig>& cxl_schema();
const Schema<MemoryConfig>& nvdimm_schema();
const Schema<RangeConfig>& range_schema();

// The memory schema for a "type" value, or nullptr.
const Schema<MemoryConfig>* memory_schema(MemoryKind kind);
const std::vector<std::pair<std::string, MemoryKind>>& memory_types();

// The top-level keys of a config file.
const std::vector<std::string>& top_level_keys();

// One documented section: where it lives and its rows.
struct SchemaRow {
    std::string key, type, default_value, description;
};
struct SchemaSection {
    std::string title;
    std::string location;  // JSON pointer pattern, e.g. "/caches/<name>"
    std::string text;
    std::vector<SchemaRow> rows;
};
std::vector<SchemaSection> config_schema_doc();

template <class S>
std::vector<SchemaRow> schema_rows(const Schema<S>& schema, const S& defaults) {
    std::vector<SchemaRow> rows;
    for (const auto& f : schema) {
        rows.push_back({f.key, f.type, f.required ? "(required)" : f.write(defaults).dump(),
                        f.description});
    }
    return rows;
}

}  // namespace invalsim::config
