#pragma once

#include <string>
#include <vector>

#include "sim/config/diagnostics.h"
#include "sim/config/json.h"
#include "sim/config/json_parser.h"

namespace invalsim::config {

// A command-line override "a.b.c=VALUE" of one value in a JSON document.
struct Override {
    std::vector<std::string> path;
    Json value;        // VALUE parsed as JSON, or as a string when it is not JSON
    std::string text;  // as typed, for messages
};

// Whether `text` is valid UTF-8, as every string of a JSON document must be.
bool is_utf8(const std::string& text);

// Throws InputError (file "--set") when the argument is not "path=value"
// or not UTF-8.
Override parse_override(const std::string& arg);
// Applies overrides in order and notes their origin for later messages.
void apply_overrides(Json& doc, const std::vector<Override>& overrides, Diagnostics& diag);

// Files built into the binary (the default config and scenario) are named
// "builtin:<path>", so the default run works from any directory.
constexpr const char* kBuiltinPrefix = "builtin:";
bool is_builtin(const std::string& path);

// Reads and parses a JSON file with parse_json_text (comments allowed,
// duplicate keys rejected). Throws InputError naming the file.
Json load_json_file(const std::string& path);

// `relative` resolved against the folder holding `base_file`.
std::string resolve_relative(const std::string& base_file, const std::string& relative);

}  // namespace invalsim::config
