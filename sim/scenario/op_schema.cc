#include "sim/scenario/op_schema.h"

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
    if (op == "read") return &read;
    if (op == "write") return &write;
    if (op == "delay") return &delay;
    return nullptr;
}

const std::vector<std::string>& op_names() {
    static const std::vector<std::string> names = {"read", "write", "delay"};
    return names;
}

}  // namespace invalsim::scenario
