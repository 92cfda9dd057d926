#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sim/config/json.h"
#include "sim/config/value_readers.h"

namespace invalsim::sweep {

// One swept parameter: "config.<path>" or "scenario.<path>" (a value inside
// the file), or "scenario" / "config" (the file itself), or "seed".
struct Parameter {
    std::string path;
    std::vector<config::Json> values;
};

// Where values came from when not from the file, by JSON pointer
// ("/parameters/config.x" -> "--param config.x=1,2"), so errors say so.
using Origins = std::map<std::string, std::string>;

// One point of the sweep: a value for every parameter, in spec order.
struct Point {
    std::size_t index = 0;
    std::vector<std::pair<std::string, config::Json>> values;
};

struct SweepSpec {
    std::string file;      // where it was read from ("" for the command line)
    std::string scenario;  // resolved against the spec file's folder
    std::string config;    // optional
    bool check = false;    // run points through `validate`
    std::string fork_at;   // a barrier: points differing only after it share their run up to it
    std::vector<Parameter> product;  // every combination
    std::vector<Parameter> zip;      // taken together, one more dimension of the product
    Origins origins;                 // command-line parameters, for messages

    // Row-major: the first product parameter varies slowest, the zip group
    // fastest. Deterministic, so results never depend on how points run.
    std::vector<Point> points() const;
};

// Values of a parameter: a JSON array, a range string "A..B+STEP" (linear)
// or "A..B*FACTOR" (geometric; sizes and times keep their units, e.g.
// "4KiB..1TiB*2"), or a single value. Reports through `at`.
std::vector<config::Json> expand_values(const config::Json& v, const config::Cursor& at);

// Reads a spec document; throws InputError with every problem.
SweepSpec parse_sweep_spec(const config::Json& doc, const std::string& file, const Origins& origins = {});

// "PATH=VALUES" from the command line (VALUES: JSON, a range, or a
// comma-separated list) as the path and the JSON a spec file would hold;
// parse_sweep_spec checks it. `option` names the flag in messages.
std::pair<std::string, config::Json> read_parameter_arg(const std::string& arg, const std::string& option);

// Upper bound on the points of one sweep.
constexpr std::size_t kMaxPoints = 100000;

}  // namespace invalsim::sweep
