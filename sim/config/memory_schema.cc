// Parameter tables of the memory devices and the address map.
#include "sim/config/config_schema.h"

namespace invalsim::config {

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
            byte_field("fill_byte", &DramParams::fill_byte, "value read from never-written memory"),
        };
        return lift(&MemoryConfig::dram, p);
    }();
    return s;
}

const Schema<MemoryConfig>& cxl_schema() {
    static const Schema<MemoryConfig> s = [] {
        using cxl::CxlParams;
        const Schema<CxlParams> p = {
            size_field("size", &CxlParams::size_bytes, "device capacity (a multiple of 256 MiB)"),
            time_field("root_port_latency", &CxlParams::root_port_latency,
                       "host root port and CXL controller, each direction"),
            time_field("link_latency", &CxlParams::link_latency,
                       "link traversal (PHY, flit packing, retimers) each direction, before "
                       "serialisation"),
            integer_field("link_gts", &CxlParams::link_gts,
                          "per-lane transfer rate in GT/s: 8, 16 or 32 (PCIe 5.0; 128b/130b, 68-byte "
                          "flits) or 64 (PCIe 6.0; 256-byte flits)"),
            integer_field("link_width", &CxlParams::link_width, "lanes (1, 2, 4, 8, 16)"),
            time_field("controller_latency", &CxlParams::controller_latency,
                       "device controller (CXL IP and memory controller), each direction"),
            time_field("media_read_latency", &CxlParams::media_read_latency, "DRAM media read"),
            time_field("media_write_latency", &CxlParams::media_write_latency, "DRAM media write"),
            bandwidth_field("media_channel_bandwidth", &CxlParams::media_channel_bandwidth_gbps,
                            "peak data rate of one media channel"),
            integer_field("media_channels", &CxlParams::media_channels, "media channels (1-16)"),
            byte_field("fill_byte", &CxlParams::fill_byte, "value read from never-written media"),
            time_field("sanitize_time", &CxlParams::sanitize_time, "duration of a Sanitize"),
            byte_field("sanitize_fill", &CxlParams::sanitize_fill, "what the media reads as after a Sanitize"),
            time_field("secure_erase_time", &CxlParams::secure_erase_time, "duration of a Secure Erase"),
            byte_field("secure_erase_fill", &CxlParams::secure_erase_fill,
                       "what the media reads as after a Secure Erase"),
            time_field("decoder_commit_time", &CxlParams::decoder_commit_time,
                       "HDM decoder commit inside the device (assumption; the spec allows up to 10 ms)"),
            time_field("decoder_reset_time", &CxlParams::decoder_reset_time, "HDM decoder reset inside the device"),
            bool_field("back_invalidate", &CxlParams::back_invalidate,
                       "CXL 3.x HDM-DB: the device back-invalidates host caches for what it changes"),
            integer_field("back_invalidate_outstanding", &CxlParams::back_invalidate_outstanding,
                          "back-invalidate snoops (BISnp) the device keeps in flight (1-4096; an assumption)"),
        };
        return lift(&MemoryConfig::cxl, p);
    }();
    return s;
}

const Schema<MemoryConfig>& nvdimm_schema() {
    static const Schema<MemoryConfig> s = [] {
        using nvdimm::NvdimmParams;
        const Schema<NvdimmParams> p = {
            size_field("size", &NvdimmParams::size_bytes, "capacity"),
            time_field("read_latency", &NvdimmParams::read_latency, "media read latency"),
            time_field("write_latency", &NvdimmParams::write_latency,
                       "time to accept a write into the power-fail-safe buffer"),
            bandwidth_field("read_bandwidth", &NvdimmParams::read_bandwidth_gbps,
                            "media read bandwidth"),
            bandwidth_field("write_bandwidth", &NvdimmParams::write_bandwidth_gbps,
                            "media write bandwidth"),
            integer_field("access_unit", &NvdimmParams::access_unit_bytes,
                          "media access unit in bytes; smaller accesses still cost one"),
            byte_field("fill_byte", &NvdimmParams::fill_byte, "value read from never-written media"),
            bool_field("locked", &NvdimmParams::locked,
                       "starts locked (security): reads return locked_fill_byte, writes are "
                       "dropped"),
            byte_field("locked_fill_byte", &NvdimmParams::locked_fill_byte,
                       "what a locked DIMM returns"),
            time_field("overwrite_time", &NvdimmParams::overwrite_time, "duration of an overwrite"),
            byte_field("overwrite_fill", &NvdimmParams::overwrite_fill, "what the media reads as after it"),
            time_field("secure_erase_time", &NvdimmParams::secure_erase_time, "duration of a secure erase"),
            byte_field("secure_erase_fill", &NvdimmParams::secure_erase_fill,
                       "what the media reads as after it"),
            time_field("lock_time", &NvdimmParams::lock_time, "duration of a lock command (assumption)"),
            time_field("unlock_time", &NvdimmParams::unlock_time, "duration of an unlock command (assumption)"),
        };
        return lift(&MemoryConfig::nvdimm, p);
    }();
    return s;
}

const std::vector<std::pair<std::string, MemoryKind>>& memory_types() {
    static const std::vector<std::pair<std::string, MemoryKind>> t = {
        {"dram", MemoryKind::Dram}, {"cxl_type3", MemoryKind::CxlType3}, {"nvdimm", MemoryKind::Nvdimm}};
    return t;
}

const Schema<MemoryConfig>* memory_schema(MemoryKind kind) {
    switch (kind) {
        case MemoryKind::Dram: return &dram_schema();
        case MemoryKind::CxlType3: return &cxl_schema();
        case MemoryKind::Nvdimm: return &nvdimm_schema();
    }
    return nullptr;
}

const Schema<RangeConfig>& range_schema() {
    static const Schema<RangeConfig> s = {
        string_field("name", &RangeConfig::name,
                     "label, unique; trace replay names its target range by it"),
        required(address_field("base", &RangeConfig::base, "first system physical address")),
        required(size_field("size", &RangeConfig::size_bytes, "length of the range")),
        required(names_field("target", &RangeConfig::targets,
                             "memory device (a key of /memories), or a list of CXL Type-3 "
                             "devices interleaved in this order")),
        size_field("interleave_granularity", &RangeConfig::interleave_granularity,
                   "CXL interleave: bytes on one device before the next (256B-16KiB)"),
        size_field("target_offset", &RangeConfig::target_offset,
                   "device address at which the range starts (CXL: the decoders' DPA base)"),
        bool_field("committed", &RangeConfig::committed,
                   "CXL: the HDM decoders of this range are committed at start; uncommitted "
                   "ranges read as all ones"),
    };
    return s;
}

std::vector<SchemaSection> config_schema_doc() {
    MemoryConfig mem_defaults;
    return {
        {"Simulation", "/simulation", "Run-wide settings.",
         schema_rows(simulation_schema(), SimulationConfig{})},
        {"CPUs", "/cpu",
         "Identical in-order, blocking CPUs, each running its program from the scenario.",
         schema_rows(cpu_schema(), CpuConfig{})},
        {"Private caches", "/caches/<name>",
         "Each entry is instantiated once per CPU (system.cpuN.<name>) when it lies on a CPU's "
         "path. Write-back, write-allocate, MESI, real data.",
         schema_rows(cache_schema(), CacheConfig{})},
        {"Home agents", "/home_agents",
         "Points of coherence, each owning an interleaved share of the physical addresses, "
         "with a snoop filter and a system-level cache slice.",
         schema_rows(home_agents_schema(), home_agent::HomeAgentParams{})},
        {"System-level cache slice", "/home_agents/slc",
         "Memory-side, write-back; one slice per agent (system.haN.slc).",
         schema_rows(slc_schema(), home_agent::SlcParams{})},
        {"Maintenance engine", "/home_agents/engine",
         "The HHA-like engine behind each agent's registers (docs/invalidate.md gives the timing "
         "formulas).",
         schema_rows(engine_schema(), home_agent::EngineParams{})},
        {"Memregion-invalidate port", "/invalidate",
         "The kernel framework of cpu_cache_invalidate_memregion() and its mechanism.",
         schema_rows(invalidate_schema(), invalidate::FrameworkParams{})},
        {"Interconnect", "/interconnect",
         "The crossbar between CPUs, home agents and memory devices.",
         schema_rows(interconnect_schema(), noc::CrossbarParams{})},
        {"DMA engine", "/dma",
         "The device DMA of dma_write ops: writes host memory in 4 KiB pieces without passing the caches.",
         schema_rows(dma_schema(), events::DmaParams{})},
        {"DRAM device", "/memories/<name> with \"type\": \"dram\"",
         "Local DRAM with channels; a sparse backing store (host memory only for touched pages).",
         schema_rows(dram_schema(), mem_defaults)},
        {"CXL Type-3 device", "/memories/<name> with \"type\": \"cxl_type3\"",
         "A memory expander behind a root port and a CXL link, decoding host addresses with "
         "HDM decoders set up from the address map.",
         schema_rows(cxl_schema(), mem_defaults)},
        {"NVDIMM device", "/memories/<name> with \"type\": \"nvdimm\"",
         "Persistent memory with asymmetric bandwidth and a security lock.",
         schema_rows(nvdimm_schema(), mem_defaults)},
        {"Address map", "/address_map/<index>",
         "System physical address ranges and the devices they map onto. Ranges must not "
         "overlap and must be 4 KiB aligned.",
         schema_rows(range_schema(), RangeConfig{})},
    };
}

}  // namespace invalsim::config
