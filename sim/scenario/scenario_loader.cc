#include "sim/scenario/scenario_loader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "models/noc/address_map.h"
#include "sim/config/json_source.h"
#include "sim/config/units.h"
#include "sim/config/value_readers.h"
#include "sim/scenario/op_schema.h"

namespace invalsim::scenario {

using config::Cursor;
using config::Json;
using cpu::DataSpec;
using cpu::Op;

namespace {

constexpr std::uint64_t kMaxAccessBytes = 1ULL << 30;
const std::vector<std::string> kTopKeys = {"description", "flow", "variant", "config", "set", "seed", "cpus",
                                           "expect"};

// A count or a bound: 0, ">0", "<=3".
bool read_bound(const Json& j, const Cursor& at, CoherenceExpect& e) {
    std::string text = j.is_string() ? j.get<std::string>() : j.dump();
    e.text = text;
    for (const char* op : {">=", "<=", "!=", "==", ">", "<"}) {
        if (text.rfind(op, 0) == 0) {
            e.op = op;
            text = text.substr(std::string(op).size());
            break;
        }
    }
    const auto first = text.find_first_not_of(' ');
    try {
        if (!j.is_string() && !j.is_number_unsigned()) throw std::invalid_argument("not a count");
        e.value = config::parse_integer(text.substr(first == std::string::npos ? 0 : first));
    } catch (const std::exception&) {
        at.error("expected a count or a bound such as 0, \">0\", \"<=3\", got " + config::describe(j));
        return false;
    }
    return true;
}

// "steps": {"after": {"stale_reads": 0, "loads_checked": ">=256"}}
void read_step_expect(const Json& j, const Cursor& at, Scenario& s) {
    if (!config::expect_object(j, at)) return;
    const std::vector<std::string> names = {"loads_checked", "stale_reads", "resurrections"};
    for (auto st = j.begin(); st != j.end(); ++st) {
        const Cursor sc = at.child(st.key());
        if (!config::expect_object(st.value(), sc)) continue;
        for (auto it = st.value().begin(); it != st.value().end(); ++it) {
            if (std::find(names.begin(), names.end(), it.key()) == names.end()) {
                config::unknown_key(sc, it.key(), names);
                continue;
            }
            CoherenceExpect e;
            e.name = it.key();
            e.step = st.key();
            if (read_bound(it.value(), sc.child(it.key()), e)) s.coherence.push_back(e);
        }
    }
}

// "expect": {"stale_reads": ">0", "resurrections": 0, "device_mismatches": "<=2", "steps": {...}}
void read_coherence_expect(const Json& j, const Cursor& at, Scenario& s) {
    if (!config::expect_object(j, at)) return;
    const std::vector<std::string> names = {"stale_reads", "resurrections", "device_mismatches", "loads_checked",
                                            "steps"};
    for (auto it = j.begin(); it != j.end(); ++it) {
        if (std::find(names.begin(), names.end(), it.key()) == names.end()) {
            config::unknown_key(at, it.key(), names);
        } else if (it.key() == "steps") {
            read_step_expect(it.value(), at.child("steps"), s);
        } else {
            CoherenceExpect e;
            e.name = it.key();
            if (read_bound(it.value(), at.child(it.key()), e)) s.coherence.push_back(e);
        }
    }
}

Op::Kind kind_of(const std::string& name) {
    static const std::map<std::string, Op::Kind> kinds = {
        {"read", Op::Kind::Read},           {"write", Op::Kind::Write},
        {"delay", Op::Kind::Delay},         {"barrier", Op::Kind::Barrier},
        {"signal", Op::Kind::Signal},       {"wait_event", Op::Kind::WaitEvent},
        {"generate", Op::Kind::Generate},   {"trace", Op::Kind::Trace},
        {"invalidate", Op::Kind::Invalidate}, {"invalidate_all", Op::Kind::InvalidateAll},
        {"register", Op::Kind::Register},   {"unregister", Op::Kind::Unregister},
        {"has_invalidate", Op::Kind::HasInvalidate}, {"check_memory", Op::Kind::CheckMemory},
        {"check_cached", Op::Kind::CheckCached}, {"step", Op::Kind::Step},
        {"sanitize", Op::Kind::Sanitize}, {"secure_erase", Op::Kind::SecureErase},
        {"nvdimm_overwrite", Op::Kind::NvdimmOverwrite}, {"nvdimm_secure_erase", Op::Kind::NvdimmSecureErase},
        {"lock", Op::Kind::Lock}, {"unlock", Op::Kind::Unlock},
        {"region_commit", Op::Kind::RegionCommit}, {"region_reset", Op::Kind::RegionReset},
        {"dma_write", Op::Kind::DmaWrite}, {"peer_host_write", Op::Kind::PeerWrite},
        {"kernel_cxl_region_commit", Op::Kind::KernelRegionCommit},
        {"kernel_cxl_region_reset", Op::Kind::KernelRegionReset},
        {"kernel_cxl_sanitize", Op::Kind::KernelSanitize},
        {"kernel_cxl_secure_erase", Op::Kind::KernelSecureErase},
        {"kernel_nvdimm_overwrite", Op::Kind::KernelNvdimmOverwrite},
        {"kernel_nvdimm_secure_erase", Op::Kind::KernelNvdimmSecureErase},
        {"kernel_nvdimm_unlock", Op::Kind::KernelNvdimmUnlock},
        {"kernel_nvdimm_region_activate", Op::Kind::KernelRegionActivate},
        {"kernel_nvdimm_region_remove", Op::Kind::KernelRegionRemove}};
    return kinds.at(name);
}

// Checks of an op against the config it will run on, and across its keys.
class OpChecker {
public:
    OpChecker(const config::SystemConfig& cfg, std::string scenario_file)
        : m_cfg(cfg), m_file(std::move(scenario_file)), m_map(map_of(cfg)) {}

    void check(Op& op, const Cursor& at) const {
        switch (op.kind) {
            case Op::Kind::Read:
            case Op::Kind::Write: check_access(op, at); break;
            case Op::Kind::Generate: check_generator(op.gen, at); break;
            case Op::Kind::Trace: check_trace(op, at); break;
            case Op::Kind::Invalidate:
                if (op.size != 0 && op.addr + (op.size - 1) < op.addr) {
                    at.child("len").error("the region wraps past the end of the 64-bit address space");
                }
                break;
            case Op::Kind::Register:
            case Op::Kind::Unregister: check_instance(op, at); break;
            case Op::Kind::CheckMemory:
                if (op.data.kind == DataSpec::Kind::None) at.error("needs \"expect\" or \"expect_pattern\"");
                check_access(op, at);
                break;
            case Op::Kind::CheckCached:
                if (!op.expect_flag) at.error("needs \"expect\": true or false");
                mapped(op.addr, op.size, at.child("addr"));
                break;
            case Op::Kind::Sanitize:
            case Op::Kind::SecureErase:
            case Op::Kind::KernelSanitize:
            case Op::Kind::KernelSecureErase: check_device(op, at, config::MemoryKind::CxlType3); break;
            case Op::Kind::NvdimmOverwrite:
            case Op::Kind::NvdimmSecureErase:
            case Op::Kind::Lock:
            case Op::Kind::Unlock:
            case Op::Kind::KernelNvdimmOverwrite:
            case Op::Kind::KernelNvdimmSecureErase:
            case Op::Kind::KernelNvdimmUnlock: check_device(op, at, config::MemoryKind::Nvdimm); break;
            case Op::Kind::RegionCommit:
            case Op::Kind::KernelRegionCommit:
                if (check_range(op, at, config::MemoryKind::CxlType3)) check_dpa_base(op, at);
                break;
            case Op::Kind::RegionReset:
            case Op::Kind::KernelRegionReset: check_range(op, at, config::MemoryKind::CxlType3); break;
            case Op::Kind::KernelRegionActivate:
            case Op::Kind::KernelRegionRemove: check_range(op, at, config::MemoryKind::Nvdimm); break;
            case Op::Kind::DmaWrite:
            case Op::Kind::PeerWrite:
                if (op.size == 0) at.child("size").error("must not be zero");
                mapped(op.addr, op.size, at.child("addr"));
                break;
            default: break;
        }
    }

private:
    static noc::AddressMap map_of(const config::SystemConfig& cfg) {
        std::vector<noc::AddressRange> ranges;
        for (const auto& r : cfg.address_map) ranges.push_back(noc::AddressRange::single(r.name, r.base, r.size_bytes, 0, 0));
        return noc::AddressMap(std::move(ranges));
    }

    bool mapped(common::Addr addr, std::uint64_t size, const Cursor& at) const {
        const noc::AddressRange* r = m_map.decode(addr);
        if (r != nullptr && r->contains(addr, size)) return true;
        at.error("[" + config::format_address(addr) + ", +" + std::to_string(size) +
                 ") is not inside one range of the config's address map");
        return false;
    }

    void check_access(const Op& op, const Cursor& at) const {
        if (op.size == 0 || op.size > kMaxAccessBytes) {
            at.child("size").error("must be between 1 byte and 1GiB, got " + std::to_string(op.size));
            return;
        }
        if (op.kind == Op::Kind::Write && op.data.kind == DataSpec::Kind::None) {
            at.error("a write needs \"value\" or \"pattern\"");
        }
        if (op.data.kind == DataSpec::Kind::Value) {
            const char* key = op.kind == Op::Kind::Write ? "value" : "expect";
            if (op.kind == Op::Kind::CheckMemory && op.size > 8) {
                at.child(key).error("a value covers at most 8 bytes; use expect_pattern");
                return;
            }
            if (op.size > 8) {
                at.child(key).error("a value covers at most 8 bytes; use a pattern for size " +
                                    std::to_string(op.size));
            } else if (op.size < 8 && (op.data.value >> (8 * op.size)) != 0) {
                at.child(key).error("value " + config::format_address(op.data.value) +
                                    " does not fit in " + std::to_string(op.size) + " bytes");
            }
        }
        mapped(op.addr, op.size, at.child("addr"));
    }

    void check_generator(const cpu::GeneratorSpec& g, const Cursor& at) const {
        const std::uint32_t line = m_cfg.private_line_bytes();
        if (!common::is_power_of_two(g.access_bytes) || g.access_bytes > line) {
            at.child("access_size").error("must be a power of two up to the line size (" +
                                          std::to_string(line) + "), got " +
                                          std::to_string(g.access_bytes));
            return;
        }
        if (g.footprint_bytes < g.access_bytes) {
            at.child("footprint").error("must hold at least one access");
        } else if (g.base % g.access_bytes != 0) {
            at.child("base").error("must be aligned to access_size");
        } else {
            mapped(g.base, g.footprint_bytes, at.child("base"));
        }
        if (!(g.read_fraction >= 0.0 && g.read_fraction <= 1.0)) {
            at.child("read_fraction").error("must be between 0 and 1");
        }
        if ((g.count == 0) == (g.duration.as_ps() == 0)) {
            at.error("give exactly one of \"count\" and \"duration\"");
        }
        if (g.pattern == cpu::Pattern::Stride &&
            (g.stride_bytes == 0 || g.stride_bytes % g.access_bytes != 0)) {
            at.child("stride").error("must be a non-zero multiple of access_size");
        }
        if (g.pattern == cpu::Pattern::HotSet && !(g.skew > 0.0 && g.skew < 1.0)) {
            at.child("skew").error("must be between 0 and 1 (exclusive)");
        }
    }

    void check_trace(Op& op, const Cursor& at) const {
        const config::RangeConfig* r = m_cfg.find_range(op.name);
        if (r == nullptr) {
            at.child("range").error("names no range of the config's address map: \"" + op.name + "\"");
        } else {
            op.trace.range_base = r->base;
            op.trace.range_bytes = r->size_bytes;
        }
        op.trace.file = config::resolve_relative(m_file, op.trace.file);
        if (config::is_builtin(op.trace.file) || !std::ifstream(op.trace.file)) {
            at.child("file").error("cannot open trace file " + op.trace.file);
        }
    }

    void check_device(const Op& op, const Cursor& at, config::MemoryKind kind) const {
        const config::MemoryConfig* m = m_cfg.find_memory(op.name);
        if (m == nullptr) {
            at.child("device").error("names no memory: \"" + op.name + "\" is not a key of the config's /memories");
        } else if (m->kind != kind) {
            at.child("device").error("\"" + op.name + "\" is a " + config::to_string(m->kind) + " device; this op needs a " +
                                     config::to_string(kind) + " device");
        }
    }

    bool check_range(const Op& op, const Cursor& at, config::MemoryKind kind) const {
        const config::RangeConfig* r = m_cfg.find_range(op.name);
        if (r == nullptr) {
            at.child("range").error("names no range of the config's address map: \"" + op.name + "\"");
            return false;
        }
        for (const auto& t : r->targets) {
            if (m_cfg.find_memory(t)->kind != kind) {
                at.child("range").error("range \"" + op.name + "\" maps " + t + ", not a " +
                                        config::to_string(kind) + " device");
                return false;
            }
        }
        return true;
    }

    // A commit onto other media: each device's share of the range must fit
    // between dpa_base and the end of that device.
    void check_dpa_base(const Op& op, const Cursor& at) const {
        if (!op.dpa_base) return;
        constexpr std::uint64_t kDecoderUnit = 256ULL << 20;
        const std::uint64_t base = *op.dpa_base;
        const Cursor c = at.child("dpa_base");
        if (base % kDecoderUnit != 0) {
            c.error("must be a multiple of 256 MiB (the CXL decoder unit), got " + config::format_address(base));
            return;
        }
        const config::RangeConfig* r = m_cfg.find_range(op.name);
        for (const auto& t : r->targets) {
            const std::uint64_t dev = m_cfg.find_memory(t)->size_bytes();
            const std::uint64_t share = r->size_per_target();
            if (base > dev || share > dev - base) {
                c.error("range \"" + op.name + "\" puts its " + config::format_size(share) + " share of \"" + t +
                        "\" at " + config::format_address(base) + ", past the end of the device (" +
                        config::format_size(dev) + ")");
                return;
            }
        }
    }

    void check_instance(const Op& op, const Cursor& at) const {
        const auto names = m_cfg.invalidate_instances();
        if (std::find(names.begin(), names.end(), op.name) != names.end()) return;
        std::string msg = "no operations instance \"" + op.name + "\" with mechanism \"" +
                          invalidate::to_string(m_cfg.invalidate.mechanism) + "\" (it has";
        for (const auto& n : names) msg += " " + n;
        at.child("instance").error(msg + (names.empty() ? " none)" : ")"));
    }

    const config::SystemConfig& m_cfg;
    std::string m_file;
    noc::AddressMap m_map;
};

Op read_op(const Json& j, const Cursor& at, const OpChecker& checker) {
    Op op;
    op.where = at.pointer;
    if (!config::expect_object(j, at)) return op;
    auto it = j.find("op");
    if (it == j.end()) {
        at.error("missing required key \"op\"");
        return op;
    }
    std::string name;
    if (!config::read_string(*it, at.child("op"), name)) return op;
    const config::Schema<Op>* schema = op_schema(name);
    if (schema == nullptr) {
        std::string msg = "unknown op \"" + name + "\"; expected one of";
        for (const auto& n : op_names()) msg += " " + n;
        const std::string near = config::closest(name, op_names());
        if (!near.empty()) msg += " (did you mean \"" + near + "\"?)";
        at.child("op").error(msg);
        return op;
    }
    op.kind = kind_of(name);
    if (op.kind == Op::Kind::Read || op.kind == Op::Kind::Write || op.kind == Op::Kind::CheckMemory ||
        op.kind == Op::Kind::CheckCached || op.kind == Op::Kind::DmaWrite || op.kind == Op::Kind::PeerWrite) {
        op.size = 8;
    }
    if (op.kind == Op::Kind::DmaWrite) op.rate_gbps = 0;  // the configured DMA rate
    const std::size_t before = at.diag.count();
    config::read_object(*schema, j, at, op, {"op"});
    if (at.diag.count() == before) checker.check(op, at);
    return op;
}

constexpr const char* kEveryCpu = "all";

void read_program(const Json& j, const Cursor& at, const OpChecker& checker, cpu::Program& program) {
    if (!config::expect_array(j, at)) return;
    for (std::size_t k = 0; k < j.size(); ++k) program.push_back(read_op(j[k], at.child(k), checker));
}

void read_programs(const Json& j, const Cursor& at, const config::SystemConfig& cfg, Scenario& s) {
    if (!config::expect_object(j, at)) return;
    const OpChecker checker(cfg, s.file);
    std::vector<std::string> names;
    for (std::uint32_t i = 0; i < cfg.cpu.count; ++i) names.push_back("cpu" + std::to_string(i));
    std::vector<bool> named(cfg.cpu.count, false);
    for (auto it = j.begin(); it != j.end(); ++it) {
        const Cursor c = at.child(it.key());
        if (it.key() == kEveryCpu) continue;
        const auto pos = std::find(names.begin(), names.end(), it.key());
        if (pos == names.end()) {
            std::string msg = "no CPU \"" + it.key() + "\" in the config (it has cpu0";
            if (cfg.cpu.count > 1) msg += "..cpu" + std::to_string(cfg.cpu.count - 1);
            c.error(msg + " and \"" + kEveryCpu + "\" for every other CPU)");
            continue;
        }
        const auto index = static_cast<std::size_t>(pos - names.begin());
        named[index] = true;
        read_program(it.value(), c, checker, s.programs[index]);
    }
    // "all": the program of every CPU the scenario does not name, so a
    // workload scales with cpu.count without a list per CPU.
    const auto every = j.find(kEveryCpu);
    if (every == j.end()) return;
    cpu::Program program;
    read_program(*every, at.child(kEveryCpu), checker, program);
    for (std::size_t i = 0; i < named.size(); ++i) {
        if (!named[i]) s.programs[i] = program;
    }
}

std::string stem(const std::string& file) {
    std::string f = file;
    if (config::is_builtin(f)) f = f.substr(std::string(config::kBuiltinPrefix).size());
    return std::filesystem::path(f).stem().string();
}

}  // namespace

std::string config_named_by(const Json& doc, const std::string& file) {
    if (!doc.is_object()) return "";
    auto it = doc.find("config");
    if (it == doc.end()) return "";
    if (!it->is_string() || it->get<std::string>().empty()) {
        throw config::InputError({{file, "/config", "expected a path to a config file, got " +
                                                        config::describe(*it), ""}});
    }
    return config::resolve_relative(file, it->get<std::string>());
}

Scenario parse_scenario(const Json& doc, const std::string& file, const config::SystemConfig& cfg) {
    config::Diagnostics diag(file);
    const Cursor root{diag, ""};
    Scenario s;
    s.file = file;
    s.name = stem(file);
    s.programs.resize(cfg.cpu.count);
    if (!config::expect_object(doc, root)) diag.throw_if_any();
    s.config = config_named_by(doc, file);
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        const Cursor c = root.child(it.key());
        if (it.key() == "description") {
            config::read_string(it.value(), c, s.description);
        } else if (it.key() == "flow") {
            config::read_string(it.value(), c, s.flow);
        } else if (it.key() == "variant") {
            config::read_string(it.value(), c, s.variant);
        } else if (it.key() == "seed") {
            std::uint64_t seed = 0;
            if (config::read_integer(it.value(), c, ~0ULL, seed)) s.seed = seed;
        } else if (it.key() == "cpus") {
            read_programs(it.value(), c, cfg, s);
        } else if (it.key() == "expect") {
            read_coherence_expect(it.value(), c, s);
        } else if (it.key() != "config" && it.key() != "set") {
            config::unknown_key(root, it.key(), kTopKeys);
        }
    }
    if (!doc.contains("cpus")) root.error("missing required key \"cpus\"");
    diag.throw_if_any();
    return s;
}

}  // namespace invalsim::scenario
