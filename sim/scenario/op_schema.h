#pragma once

#include <string>

#include "models/cpu/op.h"
#include "sim/config/field.h"

namespace invalsim::scenario {

// Parameter tables of the scripted operations, by op name ("read", ...).
// Returns nullptr for an unknown op.
const config::Schema<cpu::Op>* op_schema(const std::string& op);
const std::vector<std::string>& op_names();

}  // namespace invalsim::scenario
