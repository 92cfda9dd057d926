#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

namespace invalsim::cli {

namespace po = boost::program_options;

// The options `run` and `check` share: which inputs, and their overrides.
struct InputOptions {
    std::string config;
    std::string scenario;
    std::vector<std::string> sets;
    std::vector<std::string> scenario_sets;
};

void add_input_options(po::options_description& desc, InputOptions& opts);

// Parses `args`; returns false after printing help when --help was given.
// Throws po::error on bad usage, including any word that is not an option
// or its value. `positional`, when given, names the option that one such
// word stands for (`invalsim run S.json` for `--scenario S.json`).
bool parse_options(const std::vector<std::string>& args, const po::options_description& desc,
                   const std::string& usage, const char* positional = nullptr);

}  // namespace invalsim::cli
