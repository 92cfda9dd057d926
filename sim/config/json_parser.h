#pragma once

#include <string>

#include "sim/config/json.h"

namespace invalsim::config {

// Parses JSON text (comments allowed) into a document. Unlike a plain
// nlohmann parse, an object that names a key twice is an error rather than
// "the last one wins", since either copy may be the one the author meant.
// Throws InputError naming `name` and the JSON pointer of the repeated key,
// or the line and column of a syntax error.
Json parse_json_text(const std::string& text, const std::string& name);

}  // namespace invalsim::config
