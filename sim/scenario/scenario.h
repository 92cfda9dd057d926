#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/cpu/op.h"

namespace invalsim::scenario {

struct Scenario {
    std::string file;
    std::string name;         // file name without folder and extension
    std::string description;
    std::string config;       // the config it names, resolved against its folder; "" if none
    std::optional<std::uint64_t> seed;
    std::vector<cpu::Program> programs;  // one per CPU, index = CPU number
};

}  // namespace invalsim::scenario
