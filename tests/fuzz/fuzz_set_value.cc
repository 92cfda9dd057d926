// Fuzz target: one command-line argument PATH=VALUE, as --set,
// --scenario-set and sweep --param take it, applied to the built-in config
// and scenario; and its VALUE through every unit parser, whose formatted
// result must parse back to the same value (resolved configs depend on it).
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <stdexcept>
#include <string>

#include "sim/cli/inputs.h"
#include "sim/config/config_loader.h"
#include "sim/config/diagnostics.h"
#include "sim/config/json_source.h"
#include "sim/config/units.h"
#include "sim/scenario/scenario_loader.h"
#include "sim/sweep/sweep_spec.h"

namespace {

namespace config = invalsim::config;
using config::InputError;
using config::Json;

void fail(const std::string& what, const std::string& text) {
    std::cerr << what << " for \"" << text << "\"\n";
    std::abort();
}

template <class Parse, class Format>
void round_trip(const std::string& text, Parse parse, Format format, const char* what) {
    decltype(parse(text)) v{};
    try {
        v = parse(text);
    } catch (const std::invalid_argument&) {
        return;
    }
    try {
        if (!(parse(format(v)) == v)) fail(std::string(what) + " does not survive formatting as " + format(v), text);
    } catch (const std::invalid_argument&) {
        fail(std::string(what) + " formatted as " + format(v) + " is rejected", text);
    }
}

void unit_parsers(const std::string& text) {
    round_trip(text, config::parse_size, config::format_size, "size");
    round_trip(text, config::parse_address, config::format_address, "address");
    round_trip(text, config::parse_time, config::format_time, "time");
    round_trip(text, config::parse_frequency_hz, config::format_frequency, "frequency");
    round_trip(text, config::parse_bandwidth_gbps, config::format_bandwidth, "bandwidth");
    round_trip(text, config::parse_integer, [](std::uint64_t v) { return std::to_string(v); }, "integer");
}

void set_and_scenario_set(const std::string& arg) {
    const std::string cfg_file = "builtin:configs/default.json";
    const std::string scn_file = "builtin:scenarios/default.json";
    try {
        const auto cfg = config::load_system_config(cfg_file, {config::parse_override(arg)});
        Json scn = config::load_json_file(scn_file);
        config::Diagnostics diag(scn_file);
        config::apply_overrides(scn, {config::parse_override(arg)}, diag);
        diag.throw_if_any();
        invalsim::scenario::parse_scenario(scn, scn_file, cfg);
    } catch (const InputError&) {
    }
}

void sweep_param(const std::string& arg) {
    try {
        auto [path, values] = invalsim::sweep::read_parameter_arg(arg, "--param");
        Json doc = {{"scenario", "s.json"}, {"parameters", Json::object()}};
        doc["parameters"][path] = values;
        const auto points = invalsim::sweep::parse_sweep_spec(doc, "command line").points();
        if (points.empty() || points.size() > invalsim::sweep::kMaxPoints) std::abort();
    } catch (const InputError&) {
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string arg(reinterpret_cast<const char*>(data), size);
    const auto eq = arg.find('=');
    unit_parsers(eq == std::string::npos ? arg : arg.substr(eq + 1));
    set_and_scenario_set(arg);
    sweep_param(arg);
    return 0;
}
