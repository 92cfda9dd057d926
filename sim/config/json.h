#pragma once

#include <nlohmann/json.hpp>

namespace invalsim::config {

// Ordered so that resolved configs and statistics keep the order in which
// they were written, which makes them easy to read and to diff.
using Json = nlohmann::ordered_json;

}  // namespace invalsim::config
