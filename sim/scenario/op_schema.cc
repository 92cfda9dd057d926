#include "sim/scenario/op_schema.h"

#include <map>

namespace invalsim::scenario {

using config::Cursor;
using config::Field;
using config::Json;
using config::Schema;
using cpu::DataSpec;
using cpu::Op;

namespace {

Field<Op> data_field(std::string key, DataSpec::Kind kind, std::string desc) {
    const bool is_value = kind == DataSpec::Kind::Value;
    return {std::move(key), is_value ? "integer" : "byte", std::move(desc),
            [is_value](Op& op, const Json& j, const Cursor& at) {
                if (op.data.kind != DataSpec::Kind::None) {
                    at.error("give either a value or a pattern, not both");
                    return;
                }
                if (is_value) {
                    std::uint64_t v = 0;
                    if (config::read_integer(j, at, ~0ULL, v)) op.data = DataSpec::of_value(v);
                } else {
                    std::uint8_t b = 0;
                    if (config::read_unsigned(j, at, b)) op.data = DataSpec::of_pattern(b);
                }
            },
            [](const Op&) { return Json(); }};
}

Field<Op> addr_field() {
    return required(config::address_field("addr", &Op::addr, "system physical address"));
}

Field<Op> size_field() {
    return config::size_field("size", &Op::size,
                              "bytes accessed (default 8); split at cache-line boundaries");
}

}  // namespace

namespace {

const Schema<cpu::GeneratorSpec>& generator_fields() {
    using cpu::GeneratorSpec;
    using cpu::Pattern;
    static const Schema<GeneratorSpec> s = {
        config::enum_field("pattern", &GeneratorSpec::pattern,
                           config::Choices<Pattern>{{"sequential", Pattern::Sequential},
                                                    {"stride", Pattern::Stride},
                                                    {"uniform", Pattern::Uniform},
                                                    {"hotset", Pattern::HotSet}},
                           "address pattern; hotset is Zipf-skewed over the footprint"),
        required(config::address_field("base", &GeneratorSpec::base, "first address of the footprint")),
        required(config::size_field("footprint", &GeneratorSpec::footprint_bytes,
                                    "bytes the accesses range over")),
        config::integer_field("access_size", &GeneratorSpec::access_bytes,
                              "bytes per access, a power of two up to the line size; accesses "
                              "are aligned to it"),
        config::real_field("read_fraction", &GeneratorSpec::read_fraction,
                           "probability that an access is a load (the rest are stores)"),
        config::integer_field("count", &GeneratorSpec::count, "accesses to issue"),
        config::time_field("duration", &GeneratorSpec::duration,
                           "issue accesses for this much simulated time instead of a count"),
        config::integer_field("seed", &GeneratorSpec::seed,
                              "seed of this generator; 0 derives it from the run's seed and the CPU"),
        config::size_field("stride", &GeneratorSpec::stride_bytes,
                           "distance between accesses of the stride pattern"),
        config::real_field("skew", &GeneratorSpec::skew, "Zipf exponent of hotset, in (0, 1)"),
    };
    return s;
}

const Schema<cpu::TraceSpec>& trace_fields() {
    using cpu::TracePlacementMode;
    using cpu::TraceSpec;
    static const Schema<TraceSpec> s = {
        required(config::string_field("file", &TraceSpec::file,
                                      "lackey --trace-mem=yes output, relative to the scenario")),
        config::enum_field("placement", &TraceSpec::placement,
                           config::Choices<TracePlacementMode>{{"first_touch", TracePlacementMode::FirstTouch},
                                                               {"offset", TracePlacementMode::Offset}},
                           "how virtual addresses become physical ones (see docs/workloads.md)"),
        config::address_field("trace_base", &TraceSpec::trace_base,
                              "offset placement: the trace address mapped to the range's base"),
        config::integer_field("limit", &TraceSpec::limit, "records to replay; 0 for all"),
    };
    return s;
}

Field<Op> name_field(const char* key, const char* desc) {
    return required(config::string_field(key, &Op::name, desc));
}

// A kernel return code: an integer (0, -16) or its errno name ("-EBUSY").
Field<Op> rc_field() {
    return {"expect_rc", "integer or errno name", "return code the call must give, e.g. 0 or \"-EBUSY\"",
            [](Op& op, const Json& j, const Cursor& at) {
                static const std::map<std::string, int> names = {
                    {"0", 0}, {"-ENXIO", -6}, {"-EBUSY", -16}, {"-EINVAL", -22},
                    {"-EOPNOTSUPP", -95}, {"-ETIMEDOUT", -110}};
                if (j.is_number_integer()) {
                    op.expect_rc = j.get<std::int64_t>();
                } else if (j.is_string() && names.count(j.get<std::string>())) {
                    op.expect_rc = names.at(j.get<std::string>());
                } else {
                    at.error("expected an integer or one of 0, -ENXIO, -EBUSY, -EINVAL, -EOPNOTSUPP, "
                             "-ETIMEDOUT, got " + config::describe(j));
                }
            },
            [](const Op&) { return Json(); }};
}

}  // namespace

const Schema<Op>* op_schema(const std::string& op) {
    static const Schema<Op> read = {
        addr_field(), size_field(),
        data_field("expect", DataSpec::Kind::Value,
                   "value the read must return, little-endian (up to 8 bytes)"),
        data_field("expect_pattern", DataSpec::Kind::Pattern,
                   "byte every byte of the read must equal"),
    };
    static const Schema<Op> write = {
        addr_field(), size_field(),
        data_field("value", DataSpec::Kind::Value, "value to store, little-endian (up to 8 bytes)"),
        data_field("pattern", DataSpec::Kind::Pattern, "byte stored in every byte of the access"),
    };
    static const Schema<Op> delay = {
        required(config::time_field("time", &Op::time, "time the CPU spends idle")),
    };
    static const Schema<Op> barrier = {
        name_field("name", "barrier name; every CPU whose program uses it takes part"),
    };
    static const Schema<Op> event = {
        name_field("event", "event name; once signalled it stays set"),
    };
    static const Schema<Op> generate = config::lift(&Op::gen, generator_fields());
    static const Schema<Op> trace = [] {
        Schema<Op> t = config::lift(&Op::trace, trace_fields());
        t.push_back(name_field("range", "address-map range (its name) that receives the trace"));
        return t;
    }();
    static const Schema<Op> invalidate = {
        required(config::address_field("start", &Op::addr, "first byte of the region")),
        required(config::size_field("len", &Op::size, "length of the region (0 gives -EINVAL)")),
        rc_field(),
    };
    static const Schema<Op> invalidate_all = {rc_field()};
    static const Schema<Op> instance = {
        name_field("instance", "operations instance: hhaN, wbinvd or va-loop, by mechanism"),
    };
    static const Schema<Op> has = {
        {"expect", "boolean", "the answer has_invalidate must give",
         [](Op& op, const Json& j, const Cursor& at) {
             bool b = false;
             if (config::read_bool(j, at, b)) op.expect_flag = b;
         },
         [](const Op&) { return Json(); }},
    };
    static const Schema<Op> check_memory = {
        addr_field(), size_field(),
        data_field("expect", DataSpec::Kind::Value, "value the device must hold (up to 8 bytes)"),
        data_field("expect_pattern", DataSpec::Kind::Pattern, "byte every byte must equal"),
    };
    static const Schema<Op> check_cached = {
        addr_field(), size_field(),
        {"scope", "\"any\" \\| \"private\" \\| \"slc\"", "which caches to look in (default any)",
         [](Op& op, const Json& j, const Cursor& at) {
             std::string v;
             if (!config::read_string(j, at, v)) return;
             static const std::map<std::string, std::uint8_t> m = {{"any", 0}, {"private", 1}, {"slc", 2}};
             if (m.count(v)) {
                 op.scope = m.at(v);
             } else {
                 at.error("expected one of \"any\", \"private\", \"slc\", got \"" + v + "\"");
             }
         },
         [](const Op&) { return Json(); }},
        {"expect", "boolean", "whether some line of the range must be cached",
         [](Op& op, const Json& j, const Cursor& at) {
             bool b = false;
             if (config::read_bool(j, at, b)) op.expect_flag = b;
         },
         [](const Op&) { return Json(); }},
    };
    static const Schema<Op> step = {name_field("name", "label of the flow step that begins here")};
    static const Field<Op> wait = config::bool_field(
        "wait", &Op::wait, "the CPU waits for the device to finish (default); false runs it in the background");
    static const Field<Op> signal = config::string_field("signal", &Op::signal, "event raised when it completes");
    static const Schema<Op> device_change = {
        name_field("device", "memory device (a key of the config's /memories)"), wait, signal};
    static const Schema<Op> device_state = {name_field("device", "memory device (an NVDIMM)")};
    static const Field<Op> dpa_base = {
        "dpa_base", "address",
        "map the range onto other media of each device, from this device address (a multiple of 256 MiB; "
        "the range's share must fit in the device)",
        [](Op& op, const Json& j, const Cursor& at) {
            std::uint64_t v = 0;
            if (config::read_address(j, at, v)) op.dpa_base = v;
        },
        [](const Op&) { return Json(); }};
    static const Schema<Op> region_commit = {
        name_field("range", "address-map range (its name) whose CXL decoders change"), dpa_base};
    static const Schema<Op> region_reset = {
        name_field("range", "address-map range (its name) whose CXL decoders change")};
    static const Schema<Op> dma = {
        required(config::address_field("addr", &Op::addr, "host physical address")),
        required(config::size_field("size", &Op::size, "bytes written")),
        required(data_field("pattern", DataSpec::Kind::Pattern, "byte written")),
        config::bandwidth_field("rate", &Op::rate_gbps, "how fast the device writes (default: /dma/rate)"),
        wait, signal,
    };
    static const Schema<Op> peer = {
        required(config::address_field("addr", &Op::addr, "host physical address")),
        required(config::size_field("size", &Op::size, "bytes written")),
        required(data_field("pattern", DataSpec::Kind::Pattern, "byte written")),
        config::bandwidth_field("rate", &Op::rate_gbps, "how fast the other host writes"),
        wait, signal,
    };
    static const Schema<Op> kernel_range = {
        name_field("range", "address-map range (its name)"), rc_field(), signal};
    static const Schema<Op> kernel_commit = {
        name_field("range", "address-map range (its name)"), dpa_base, rc_field(), signal};
    static const Schema<Op> kernel_device = {
        name_field("device", "memory device (a key of /memories)"), rc_field(), signal};
    static const std::map<std::string, const Schema<Op>*> by_name = {
        {"check_memory", &check_memory}, {"check_cached", &check_cached}, {"step", &step},
        {"sanitize", &device_change}, {"secure_erase", &device_change},
        {"nvdimm_overwrite", &device_change}, {"nvdimm_secure_erase", &device_change},
        {"lock", &device_state}, {"unlock", &device_state},
        {"region_commit", &region_commit}, {"region_reset", &region_reset},
        {"dma_write", &dma}, {"peer_host_write", &peer},
        {"kernel_cxl_region_commit", &kernel_commit}, {"kernel_cxl_region_reset", &kernel_range},
        {"kernel_cxl_sanitize", &kernel_device}, {"kernel_cxl_secure_erase", &kernel_device},
        {"kernel_nvdimm_overwrite", &kernel_device}, {"kernel_nvdimm_secure_erase", &kernel_device},
        {"kernel_nvdimm_unlock", &kernel_device}, {"kernel_nvdimm_region_activate", &kernel_range},
        {"kernel_nvdimm_region_remove", &kernel_range},
        {"read", &read},           {"write", &write},         {"delay", &delay},
        {"barrier", &barrier},     {"signal", &event},        {"wait_event", &event},
        {"generate", &generate},   {"trace", &trace},         {"invalidate", &invalidate},
        {"invalidate_all", &invalidate_all}, {"register", &instance}, {"unregister", &instance},
        {"has_invalidate", &has}};
    auto it = by_name.find(op);
    return it == by_name.end() ? nullptr : it->second;
}

const std::vector<std::string>& op_names() {
    static const std::vector<std::string> names = {
        "read",     "write", "delay",      "barrier",        "signal",   "wait_event", "generate",
        "trace",    "invalidate", "invalidate_all", "register", "unregister", "has_invalidate",
        "check_memory", "check_cached", "step", "sanitize", "secure_erase", "nvdimm_overwrite",
        "nvdimm_secure_erase", "lock", "unlock", "region_commit", "region_reset", "dma_write",
        "peer_host_write", "kernel_cxl_region_commit", "kernel_cxl_region_reset",
        "kernel_cxl_sanitize", "kernel_cxl_secure_erase", "kernel_nvdimm_overwrite",
        "kernel_nvdimm_secure_erase", "kernel_nvdimm_unlock", "kernel_nvdimm_region_activate",
        "kernel_nvdimm_region_remove"};
    return names;
}

}  // namespace invalsim::scenario
