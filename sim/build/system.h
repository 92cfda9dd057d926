#pragma once

#include <functional>
#include <memory>
#include <vector>

#include <systemc>

#include "models/cpu/latency_windows.h"
#include "models/events/device_events.h"
#include "models/golden/golden_model.h"
#include "models/kernel/kernel_flows.h"
#include "models/cpu/sync_hub.h"
#include "models/invalidate/framework.h"
#include "models/home_agent/home_agent.h"
#include "models/home_agent/interleave.h"
#include "models/mem/memory_device.h"
#include "models/noc/crossbar.h"
#include "models/noc/fabric_port.h"
#include "sim/build/cpu_tile.h"
#include "sim/config/system_config.h"
#include "sim/scenario/scenario.h"
#include "sim/stats/stats_tree.h"

namespace invalsim::build {

// The whole simulated machine, elaborated from a validated config: module
// "system" with children cpuN (tiles), haN (home agents), noc, and one module
// per memory device.
class System : public sc_core::sc_module,
               private invalidate::CpuControl,
               private cpu::Inspector,
               private golden::Decoder,
               private mem::WriteObserver,
               private events::HostCaches {
public:
    // With `check`, a golden memory model checks every CPU load and every
    // write reaching a device.
    System(sc_core::sc_module_name name, const config::SystemConfig& cfg,
           const scenario::Scenario& scn, std::uint64_t seed, bool check, std::size_t examples_per_step = 4);

    void register_stats(stats::StatsTree& tree) const;
    std::vector<const cpu::Cpu*> cpus() const;
    invalidate::Framework& framework() { return *m_framework; }
    cpu::SyncHub& sync() { return m_sync; }
    cpu::Cpu& cpu(std::size_t index) { return m_tiles.at(index)->core(); }
    // Timeline events go to `sink` (null: tracing off).
    void set_trace(common::TraceSink* sink);
    const golden::GoldenModel* golden() const { return m_golden.get(); }
    // After the run, with checking: writes every dirty line back (a stale one
    // counts as a resurrection in step "end-of-run write-back"), then
    // compares each device's contents with the golden model, per device.
    std::vector<golden::DeviceCheck> final_check();
    std::vector<std::string> memory_names() const;

private:
    void build_memories(const config::SystemConfig& cfg);
    void build_agents(const config::SystemConfig& cfg, std::uint64_t seed);
    void build_noc(const config::SystemConfig& cfg);
    void connect_fabric_directly();
    void declare_sync(const scenario::Scenario& scn);
    void build_framework(const config::SystemConfig& cfg);
    void build_events(const config::SystemConfig& cfg);
    golden::Location locate(common::Addr hpa) const override;
    void on_write(std::uint32_t device, std::uint64_t dpa, const std::uint8_t* data,
                  std::uint32_t len) override;
    std::vector<common::Addr> back_invalidate_lines(common::Addr start, common::Addr end,
                                                    const std::function<bool(common::Addr)>& owned) override;
    common::Duration back_invalidate_line(common::Addr line, common::Duration at,
                                          home_agent::BackInvalidation& tally) override;

    std::uint32_t cpu_count() const override { return static_cast<std::uint32_t>(m_tiles.size()); }
    void stall(std::uint32_t cpu, common::Duration not_before, common::Duration length,
               bool irqs_off) override;
    bool read_memory(common::Addr addr, std::uint8_t* out, std::uint64_t len) override;
    std::uint64_t cached_lines(common::Addr addr, std::uint64_t len, cpu::CacheScope scope) override;

    cpu::SyncHub m_sync;
    cpu::LatencyWindows m_windows;
    std::uint32_t m_config_granule;
    std::uint32_t m_config_line;
    noc::AddressMap m_map;
    std::vector<std::unique_ptr<CpuTile>> m_tiles;
    std::vector<std::unique_ptr<home_agent::HomeAgent>> m_agents;
    home_agent::Interleave m_homes;
    std::unique_ptr<noc::Crossbar> m_noc;
    std::vector<std::unique_ptr<mem::MemoryDevice>> m_memories;
    std::vector<cache::LinePort*> m_fabric_targets;  // per crossbar output
    std::vector<std::unique_ptr<noc::FabricPort>> m_fabric_ports;
    std::unique_ptr<invalidate::Framework> m_framework;
    std::unique_ptr<golden::GoldenModel> m_golden;
    std::unique_ptr<events::DeviceEvents> m_events;
    std::unique_ptr<kernel::KernelFlows> m_kernel;
    const config::SystemConfig& m_cfg;
};

}  // namespace invalsim::build
