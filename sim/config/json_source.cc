#include "sim/config/json_source.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/config/builtin_files.h"

namespace invalsim::config {

namespace fs = std::filesystem;

namespace {

bool is_index(const std::string& s) {
    return !s.empty() && s.size() < 10 && s.find_first_not_of("0123456789") == std::string::npos;
}

InputError usage_error(const std::string& arg, const std::string& message) {
    return InputError({{"--set", "", message + ", got \"" + arg + "\"", ""}});
}

}  // namespace

bool is_utf8(const std::string& text) {
    try {
        (void)Json(text).dump();  // the JSON writer checks the encoding
        return true;
    } catch (const Json::type_error&) {
        return false;
    }
}

Override parse_override(const std::string& arg) {
    // Files are checked by the JSON parser; arguments would reach output
    // files unchecked, where writing them fails.
    if (!is_utf8(arg)) throw usage_error(arg, "not valid UTF-8");
    const auto eq = arg.find('=');
    if (eq == std::string::npos || eq == 0) {
        throw usage_error(arg, "expected PATH=VALUE such as caches.l1d.size=64KiB");
    }
    Override o;
    o.text = "--set " + arg;
    const std::string path = arg.substr(0, eq);
    std::size_t start = 0;
    while (true) {
        const auto dot = path.find('.', start);
        const std::string seg = path.substr(start, dot - start);
        if (seg.empty()) throw usage_error(arg, "empty key in the path");
        o.path.push_back(seg);
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    const std::string value = arg.substr(eq + 1);
    o.value = Json::accept(value) ? parse_json_text(value, o.text) : Json(value);
    return o;
}

void apply_overrides(Json& doc, const std::vector<Override>& overrides, Diagnostics& diag) {
    for (const auto& o : overrides) {
        Json* node = &doc;
        std::string pointer;
        // Keys the override brings into the document: an error about one of
        // them (an unknown key) is an error in the --set, and says so.
        std::vector<std::string> created;
        bool ok = true;
        for (std::size_t i = 0; i < o.path.size() && ok; ++i) {
            const std::string& seg = o.path[i];
            const bool last = i + 1 == o.path.size();
            if (node->is_array()) {
                if (!is_index(seg) || std::stoul(seg) >= node->size()) {
                    diag.error(pointer, "cannot apply " + o.text + ": \"" + seg +
                                            "\" is not an index of this array of " +
                                            std::to_string(node->size()));
                    ok = false;
                    break;
                }
                pointer = child_pointer(pointer, seg);
                node = &(*node)[std::stoul(seg)];
            } else if (node->is_object() || node->is_null()) {
                const bool exists = node->is_object() && node->contains(seg);
                pointer = child_pointer(pointer, seg);
                if (!exists) created.push_back(pointer);
                node = &(*node)[seg];
            } else {
                diag.error(pointer, "cannot apply " + o.text + ": the value here is not an object");
                ok = false;
                break;
            }
            if (last) *node = o.value;
        }
        if (!ok) continue;
        diag.note_origin(pointer, o.text);
        for (const auto& p : created) diag.note_origin(p, o.text);
    }
}

bool is_builtin(const std::string& path) { return path.rfind(kBuiltinPrefix, 0) == 0; }

Json load_json_file(const std::string& path) {
    if (is_builtin(path)) {
        const std::string* text = builtin_file(path.substr(std::string(kBuiltinPrefix).size()));
        if (text == nullptr) throw InputError({{path, "", "no such built-in file", ""}});
        return parse_json_text(*text, path);
    }
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw InputError({{path, "", "is a directory, not a JSON file", ""}});
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError({{path, "", "cannot open file", ""}});
    std::ostringstream ss;
    ss << in.rdbuf();
    return parse_json_text(ss.str(), path);
}

std::string resolve_relative(const std::string& base_file, const std::string& relative) {
    if (fs::path(relative).is_absolute()) return relative;
    std::string prefix;
    std::string base = base_file;
    if (is_builtin(base)) {
        prefix = kBuiltinPrefix;
        base = base.substr(prefix.size());
    }
    const fs::path joined = fs::path(base).parent_path() / relative;
    return prefix + joined.lexically_normal().generic_string();
}

}  // namespace invalsim::config
