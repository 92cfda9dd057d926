#include "sim/sweep/point_command.h"

#include <cstdio>

#include "sim/config/json_source.h"

namespace invalsim::sweep {

namespace {

// A value as --set takes it: strings raw, everything else as JSON.
std::string text_of(const config::Json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

}  // namespace

std::vector<std::string> point_argv(const SweepSpec& spec, const Point& p, const std::string& exe,
                                    const std::string& out_dir) {
    std::string scenario = spec.scenario;
    std::string cfg = spec.config;
    std::vector<std::string> tail;
    for (const auto& [path, value] : p.values) {
        if (path == "scenario") {
            scenario = config::resolve_relative(spec.file, text_of(value));
        } else if (path == "config") {
            cfg = config::resolve_relative(spec.file, text_of(value));
        } else if (path == "seed") {
            tail.insert(tail.end(), {"--seed", text_of(value)});
        } else if (path.rfind("config.", 0) == 0) {
            tail.insert(tail.end(), {"--set", path.substr(7) + "=" + text_of(value)});
        } else {
            tail.insert(tail.end(), {"--scenario-set", path.substr(9) + "=" + text_of(value)});
        }
    }
    std::vector<std::string> argv = {exe, spec.check ? "validate" : "run", "-q", "--scenario", scenario};
    if (!cfg.empty()) argv.insert(argv.end(), {"--config", cfg});
    argv.insert(argv.end(), tail.begin(), tail.end());
    argv.insert(argv.end(), {"--out", out_dir});
    return argv;
}

std::string point_dir(const std::string& results, std::size_t index) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%05zu", index);
    return results + "/points/" + buf;
}

std::string shell_line(const std::vector<std::string>& argv) {
    std::string out;
    for (const auto& a : argv) {
        if (!out.empty()) out += ' ';
        out += '\'';
        for (char c : a) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
        out += '\'';
    }
    return out;
}

}  // namespace invalsim::sweep
