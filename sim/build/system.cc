#include "sim/build/system.h"

#include <algorithm>
#include <map>
#include <string>

#include "models/home_agent/hha_registers.h"
#include "models/common/sc_time_conv.h"
#include "sim/build/backend_factory.h"
#include "sim/stats/invalidate_json.h"

namespace invalsim::build {

namespace {

std::uint32_t memory_index(const config::SystemConfig& cfg, const std::string& name) {
    std::uint32_t i = 0;
    while (cfg.memories[i].name != name) ++i;  // validated to exist
    return i;
}

noc::AddressMap build_address_map(const config::SystemConfig& cfg) {
    std::vector<noc::AddressRange> ranges;
    for (const auto& r : cfg.address_map) {
        noc::AddressRange a = noc::AddressRange::single(
            r.name, r.base, r.size_bytes, memory_index(cfg, r.targets[0]), r.target_offset);
        // CXL devices decode host addresses with their HDM decoders.
        a.rebase = cfg.find_memory(r.targets[0])->kind != config::MemoryKind::CxlType3;
        if (r.targets.size() > 1) {
            for (const auto& t : r.targets) a.interleave_targets.push_back(memory_index(cfg, t));
            a.interleave_granularity = r.interleave_granularity;
        }
        ranges.push_back(a);
    }
    return noc::AddressMap(std::move(ranges));
}

}  // namespace

System::System(sc_core::sc_module_name name, const config::SystemConfig& cfg,
               const scenario::Scenario& scn, std::uint64_t seed, bool check, std::size_t examples_per_step)
    : sc_module(name),
      m_config_granule(cfg.home_agents.engine.granule_bytes),
      m_config_line(cfg.private_line_bytes()),
      m_map(build_address_map(cfg)),
      m_homes(cfg.home_agents.count, cfg.home_agents.interleave_bytes, cfg.home_agents.hash),
      m_cfg(cfg) {
    const golden::Decoder& decoder = *this;
    if (check) m_golden = std::make_unique<golden::GoldenModel>(decoder, examples_per_step);
    declare_sync(scn);
    for (std::uint32_t i = 0; i < cfg.cpu.count; ++i) {
        const std::string tile = "cpu" + std::to_string(i);
        m_tiles.push_back(
            std::make_unique<CpuTile>(tile.c_str(), cfg, i, seed, scn.programs[i], m_sync, m_windows));
    }
    build_agents(cfg, seed);
    build_memories(cfg);
    build_framework(cfg);
    build_events(cfg);
    build_noc(cfg);
}

namespace {

events::DeviceSlot device_slot(const config::MemoryConfig& m, mem::MemoryCore& core) {
    events::DeviceSlot d;
    d.name = m.name;
    d.memory = &core;
    d.cxl = dynamic_cast<cxl::CxlBackend*>(&core.backend());
    d.nvdimm = dynamic_cast<nvdimm::NvdimmBackend*>(&core.backend());
    d.sanitize_time = m.cxl.sanitize_time;
    d.sanitize_fill = m.cxl.sanitize_fill;
    d.secure_erase_time = d.nvdimm ? m.nvdimm.secure_erase_time : m.cxl.secure_erase_time;
    d.secure_erase_fill = d.nvdimm ? m.nvdimm.secure_erase_fill : m.cxl.secure_erase_fill;
    d.overwrite_time = m.nvdimm.overwrite_time;
    d.overwrite_fill = m.nvdimm.overwrite_fill;
    d.decoder_commit_time = m.cxl.decoder_commit_time;
    d.decoder_reset_time = m.cxl.decoder_reset_time;
    d.lock_time = m.nvdimm.lock_time;
    d.unlock_time = m.nvdimm.unlock_time;
    d.back_invalidate = d.cxl && m.cxl.back_invalidate;
    d.bi_outstanding = m.cxl.back_invalidate_outstanding;
    d.bi_round_trip = m.cxl.back_invalidate_round_trip();
    return d;
}

}  // namespace

void System::build_events(const config::SystemConfig& cfg) {
    events::DeviceEventsCore::Wiring w;
    for (std::uint32_t i = 0; i < cfg.memories.size(); ++i) {
        const config::MemoryConfig& m = cfg.memories[i];
        mem::MemoryCore& core = m_memories[i]->core();
        w.devices.push_back(device_slot(m, core));
        if (m_golden) {
            m_golden->add_device(m.size_bytes(), core.backend().fill_byte());
            core.observe(this, i);
        }
    }
    for (const auto& r : cfg.address_map) {
        events::RangeSlot slot{r.name, r.base, r.size_bytes, {}};
        for (const auto& t : r.targets) slot.devices.push_back(memory_index(cfg, t));
        w.ranges.push_back(slot);
    }
    w.decoder = this;
    w.golden = m_golden.get();
    w.host = this;
    w.dma = cfg.dma;
    m_events = std::make_unique<events::DeviceEvents>("devices", std::move(w), m_sync);
    m_kernel = std::make_unique<kernel::KernelFlows>(*m_framework, *m_events, cfg.invalidate.bypass_for_testing);
    for (auto& t : m_tiles) {
        t->core().set_devices(m_events.get(), m_kernel.get());
        t->core().set_golden(m_golden.get());
    }
}

golden::Location System::locate(common::Addr hpa) const {
    golden::Location loc;
    const noc::AddressRange* r = m_map.decode(hpa);
    if (r == nullptr) return loc;
    loc.device = r->target_of(hpa);
    const mem::MemoryCore& core = m_memories[loc.device]->core();
    const mem::Backend& b = core.backend();
    // As the device answers: nothing past its media's end either.
    loc.mapped = core.resolve(r->outgoing(hpa), 1, loc.dpa);
    loc.locked = b.locked();
    loc.locked_fill = b.locked_fill_byte();
    return loc;
}

void System::on_write(std::uint32_t device, std::uint64_t dpa, const std::uint8_t* data, std::uint32_t len) {
    std::vector<std::uint8_t> before(len);
    m_memories[device]->core().store().read(dpa, before.data(), len);
    m_golden->check_writeback(device, dpa, data, before.data(), len, common::from_sc(sc_core::sc_time_stamp()));
}

std::vector<common::Addr> System::back_invalidate_lines(common::Addr start, common::Addr end,
                                                       const std::function<bool(common::Addr)>& owned) {
    std::vector<common::Addr> all;
    for (auto& a : m_agents) {
        const std::vector<common::Addr> l = a->back_invalidate_lines(start, end, owned);
        all.insert(all.end(), l.begin(), l.end());
    }
    std::sort(all.begin(), all.end());
    return all;
}

common::Duration System::back_invalidate_line(common::Addr line, common::Duration at,
                                              home_agent::BackInvalidation& tally) {
    return m_agents[m_homes.agent_of(line)]->back_invalidate_line(line, at, tally);
}

std::vector<golden::DeviceCheck> System::final_check() {
    m_golden->set_step("end-of-run write-back");
    for (auto& t : m_tiles) {
        for (cache::CacheCore* c : t->cache_cores()) c->maintain_all(cache::MaintenanceOp::Clean, common::Duration());
    }
    for (auto& a : m_agents) {
        if (a->core().slc()) a->core().slc()->maintain_all(cache::MaintenanceOp::Clean, common::Duration());
    }
    std::vector<golden::DeviceCheck> bad;
    for (std::uint32_t i = 0; i < m_memories.size(); ++i) {
        bad.push_back(m_golden->check_device(i, m_memories[i]->core().store(), m_cfg.private_line_bytes()));
    }
    return bad;
}

void System::set_trace(common::TraceSink* sink) {
    for (auto& t : m_tiles) t->core().set_trace(sink);
    m_framework->set_trace(sink);
    m_events->set_trace(sink);
}

std::vector<std::string> System::memory_names() const {
    std::vector<std::string> n;
    for (const auto& m : m_memories) n.push_back(m->basename());
    return n;
}

void System::build_framework(const config::SystemConfig& cfg) {
    invalidate::Machine machine;
    for (auto& t : m_tiles) machine.cpu_caches.push_back(t->cache_cores());
    for (auto& a : m_agents) machine.agents.push_back(&a->core());
    machine.cpus = this;
    std::vector<common::Addr> mmio;
    for (auto& a : m_agents) mmio.push_back(a->mmio_base());
    m_framework = std::make_unique<invalidate::Framework>("memregion", cfg.invalidate, machine, m_windows, mmio);
    for (auto& t : m_tiles) {
        t->core().set_port(m_framework.get());
        t->core().set_inspector(this);
    }
}

bool System::read_memory(common::Addr addr, std::uint8_t* out, std::uint64_t len) {
    for (std::uint64_t done = 0; done < len;) {
        const noc::AddressRange* r = m_map.decode(addr + done);
        if (r == nullptr) return false;
        // Byte by byte across interleave chunks would be slow; a chunk at a time.
        const std::uint64_t chunk = r->interleave_targets.empty() ? r->size_bytes : r->interleave_granularity;
        const std::uint64_t in_chunk = chunk - ((addr + done - r->base) % chunk);
        const std::uint64_t n = std::min(len - done, in_chunk);
        if (!m_memories[r->target_of(addr + done)]->core().peek(r->outgoing(addr + done), out + done, n)) {
            return false;
        }
        done += n;
    }
    return true;
}

std::uint64_t System::cached_lines(common::Addr addr, std::uint64_t len, cpu::CacheScope scope) {
    std::uint64_t n = 0;
    if (scope != cpu::CacheScope::Slc) {
        for (auto& t : m_tiles) {
            for (cache::CacheCore* c : t->cache_cores()) n += c->count_valid_in(addr, len);
        }
    }
    if (scope != cpu::CacheScope::Private) {
        for (auto& a : m_agents) {
            if (a->core().slc()) n += a->core().slc()->count_valid_in(addr, len);
        }
    }
    return n;
}

void System::stall(std::uint32_t cpu, common::Duration not_before, common::Duration length,
                   bool irqs_off) {
    m_tiles.at(cpu)->core().inject_stall(not_before, length, irqs_off);
}

void System::declare_sync(const scenario::Scenario& scn) {
    std::map<std::string, std::uint32_t> users;
    for (const auto& program : scn.programs) {
        std::map<std::string, bool> seen;
        for (const auto& op : program) {
            if (op.kind == cpu::Op::Kind::Barrier && !seen[op.name]) {
                seen[op.name] = true;
                ++users[op.name];
            } else if (op.kind == cpu::Op::Kind::Signal || op.kind == cpu::Op::Kind::WaitEvent) {
                m_sync.declare_event(op.name);
            }
            // Device changes and kernel calls raise theirs on completion.
            if (!op.signal.empty()) m_sync.declare_event(op.signal);
        }
    }
    for (const auto& [barrier, n] : users) m_sync.declare_barrier(barrier, n);
}

void System::build_agents(const config::SystemConfig& cfg, std::uint64_t seed) {
    home_agent::HomeAgentCore::Wiring w;
    for (auto& t : m_tiles) w.cpus.push_back(t.get());
    w.snoop_round_trip = cfg.interconnect.hop_latency * 2;
    w.granule_bytes = cfg.private_line_bytes();
    w.snoop_filter_entries = cfg.snoop_filter_entries();
    for (std::uint32_t i = 0; i < cfg.home_agents.count; ++i) {
        w.slc_seed = seed * 7919 + i;
        const std::string n = "ha" + std::to_string(i);
        const common::Addr mmio = cfg.home_agents.mmio_base + std::uint64_t{i} * home_agent::hha::kBlockBytes;
        m_agents.push_back(std::make_unique<home_agent::HomeAgent>(n.c_str(), cfg.home_agents, w, mmio));
    }
}

void System::build_memories(const config::SystemConfig& cfg) {
    for (const auto& m : cfg.memories) {
        m_memories.push_back(std::make_unique<mem::MemoryDevice>(m.name.c_str(), make_backend(cfg, m)));
    }
}

// Outputs: the agents, then the devices. Inputs: the CPUs (routed to their
// home agent), then the agents (routed to memory by the address map).
void System::build_noc(const config::SystemConfig& cfg) {
    const auto agents = static_cast<std::uint32_t>(m_agents.size());
    std::vector<std::string> ports;
    for (const auto& a : m_agents) ports.push_back(a->basename());
    for (const auto& m : m_memories) ports.push_back(m->basename());
    std::vector<std::unique_ptr<noc::Router>> routers;
    const auto& ha = cfg.home_agents;
    routers.push_back(std::make_unique<noc::AgentRouter>(
        home_agent::Interleave(agents, ha.interleave_bytes, ha.hash), 0, m_map));
    routers.push_back(std::make_unique<noc::MapRouter>(m_map, agents));
    routers.push_back(std::make_unique<noc::MmioRouter>(ha.mmio_base, home_agent::hha::kBlockBytes, agents, 0));
    std::vector<std::uint32_t> input_router(m_tiles.size(), 0);
    input_router.resize(m_tiles.size() + agents, 1);
    input_router.push_back(2);
    m_noc = std::make_unique<noc::Crossbar>("noc", cfg.interconnect, std::move(routers),
                                            std::move(input_router), ports);
    for (auto& t : m_tiles) t->memory_socket().bind(m_noc->in);
    for (auto& a : m_agents) a->memory.bind(m_noc->in);
    m_framework->mmio.bind(m_noc->in);
    for (auto& a : m_agents) m_noc->out.bind(a->target);
    for (auto& m : m_memories) m_noc->out.bind(m->socket);
    if (cfg.simulation.fabric_fast_path) connect_fabric_directly();
}

// The fabric fast path: the CPU tiles and the agents call the crossbar core
// and, through it, the agents and devices directly. The sockets stay bound
// for everything else (uncached CPUs, MMIO, debug accesses).
void System::connect_fabric_directly() {
    for (auto& a : m_agents) m_fabric_targets.push_back(a.get());
    for (auto& m : m_memories) m_fabric_targets.push_back(m.get());
    const auto input = [this](std::size_t i) {
        m_fabric_ports.push_back(std::make_unique<noc::FabricPort>(
            m_noc->core(), static_cast<std::uint32_t>(i), m_fabric_targets, &common::kernel_now));
        return m_fabric_ports.back().get();
    };
    for (std::size_t i = 0; i < m_tiles.size(); ++i) {
        noc::FabricPort* p = input(i);
        if (!m_tiles[i]->set_memory_port(*p)) m_fabric_ports.pop_back();
    }
    for (std::size_t k = 0; k < m_agents.size(); ++k) m_agents[k]->core().set_memory(*input(m_tiles.size() + k));
}

void System::register_stats(stats::StatsTree& tree) const {
    const std::string root = basename();
    const invalidate::Framework* fw = m_framework.get();
    const std::uint32_t granule = m_config_granule;
    const std::uint32_t line = m_config_line;
    tree.add(root + ".memregion", [fw, granule, line] { return stats::framework_json(*fw, granule, line); });
    for (const auto& t : m_tiles) t->register_stats(tree, root + "." + t->basename());
    for (const auto& a : m_agents) {
        const home_agent::HomeAgentCore* core = &a->core();
        const std::string path = root + "." + a->basename();
        tree.add_stats(path, [core] { return core->stats(); });
        if (core->slc()) tree.add_stats(path + ".slc", [core] { return core->slc()->stats(); });
        tree.add_stats(path + ".engine", [core] { return core->engine().stats(); });
    }
    const noc::Crossbar* noc = m_noc.get();
    tree.add(root + ".noc", [noc] {
        const noc::CrossbarStats s = noc->stats();
        stats::Json j = stats::to_json(s);
        for (const auto& p : s.ports) j["to_" + p.name] = stats::to_json(p);
        return j;
    });
    for (std::uint32_t i = 0; i < m_memories.size(); ++i) {
        const mem::MemoryCore* d = &m_memories[i]->core();
        const std::string path = root + "." + m_memories[i]->basename();
        tree.add_stats(path, [d] { return d->stats(); });
        const events::DeviceEventsCore* ev = &m_events->core();
        tree.add_stats(path + ".events", [ev, i] { return ev->stats(i); });
    }
}

std::vector<const cpu::Cpu*> System::cpus() const {
    std::vector<const cpu::Cpu*> v;
    for (const auto& t : m_tiles) v.push_back(&t->core());
    return v;
}

}  // namespace invalsim::build
