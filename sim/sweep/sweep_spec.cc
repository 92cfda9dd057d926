#include "sim/sweep/sweep_spec.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include "sim/config/diagnostics.h"
#include "sim/config/field.h"
#include "sim/config/json_source.h"
#include "sim/config/units.h"

namespace invalsim::sweep {

using config::Cursor;
using config::Json;

namespace {

enum class Kind { Number, Size, Time };

struct Bound {
    Kind kind = Kind::Number;
    double value = 0;
};

bool has_letters(const std::string& s) {
    for (char c : s) {
        if (std::isalpha(static_cast<unsigned char>(c)) && c != 'x' && c != 'e') return true;
    }
    return false;
}

// A bound of a range: a size ("4KiB"), a time ("10us") or a plain number.
Bound parse_bound(const std::string& text) {
    if (!has_letters(text)) return {Kind::Number, std::stod(text)};
    try {
        return {Kind::Size, static_cast<double>(config::parse_size(text))};
    } catch (const std::invalid_argument&) {
    }
    return {Kind::Time, static_cast<double>(config::parse_time(text).as_ps())};
}

Json format(Kind kind, double v) {
    if (kind == Kind::Size) return config::format_size(static_cast<std::uint64_t>(std::llround(v)));
    if (kind == Kind::Time) return config::format_time(common::Duration::ps(static_cast<std::uint64_t>(std::llround(v))));
    if (std::fabs(v - std::round(v)) < 1e-9 && std::fabs(v) < 9e15) return static_cast<std::int64_t>(std::llround(v));
    // 15 significant digits drop the last-bit error of lo + i * step.
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.15g", v);
    return std::strtod(buf, nullptr);
}

// "A..B*F" or "A..B+S".
std::vector<Json> expand_range(const std::string& text, const Cursor& at) {
    const auto dots = text.find("..");
    const auto op = text.find_first_of("*+", dots == std::string::npos ? 0 : dots + 2);
    if (dots == std::string::npos || op == std::string::npos) {
        at.error("expected a list, or a range \"A..B+STEP\" or \"A..B*FACTOR\", got \"" + text + "\"");
        return {};
    }
    Bound lo, hi;
    double step = 0;
    try {
        lo = parse_bound(text.substr(0, dots));
        hi = parse_bound(text.substr(dots + 2, op - dots - 2));
        const std::string s = text.substr(op + 1);
        step = text[op] == '*' ? std::stod(s) : parse_bound(s).value;
        if (text[op] == '+' && parse_bound(s).kind != lo.kind) throw std::invalid_argument("step kind");
    } catch (const std::exception&) {
        at.error("cannot read the range \"" + text + "\" (bounds and step must be numbers, sizes or times of one kind)");
        return {};
    }
    if (lo.kind != hi.kind || hi.value < lo.value) {
        at.error("range \"" + text + "\" must go from a smaller to a larger value of one kind");
        return {};
    }
    const bool geometric = text[op] == '*';
    if ((geometric && !(step > 1.0)) || (!geometric && !(step > 0.0)) || (geometric && !(lo.value > 0))) {
        at.error("range \"" + text + "\" needs a factor above 1 (from a positive start) or a positive step");
        return {};
    }
    // Each value from its index, not by accumulation, so "0.1..0.5+0.1"
    // ends on 0.5 and never drifts to 0.30000000000000004.
    const double steps = geometric ? std::log(hi.value / lo.value) / std::log(step) : (hi.value - lo.value) / step;
    if (steps + 1 > static_cast<double>(kMaxPoints)) {
        at.error("range \"" + text + "\" has more than " + std::to_string(kMaxPoints) + " values");
        return {};
    }
    const auto count = static_cast<std::size_t>(std::floor(steps + 1e-9)) + 1;
    std::vector<Json> out;
    for (std::size_t i = 0; i < count; ++i) {
        const double v = geometric ? lo.value * std::pow(step, static_cast<double>(i))
                                   : lo.value + static_cast<double>(i) * step;
        out.push_back(format(lo.kind, v));
    }
    return out;
}

void read_parameters(const Json& j, const Cursor& at, std::vector<Parameter>& out) {
    if (!config::expect_object(j, at)) return;
    for (auto it = j.begin(); it != j.end(); ++it) {
        const Cursor c = at.child(it.key());
        const std::string& p = it.key();
        const bool ok = p == "scenario" || p == "config" || p == "seed" || p.rfind("config.", 0) == 0 ||
                        p.rfind("scenario.", 0) == 0;
        if (!ok) {
            c.error("a parameter is \"config.<path>\", \"scenario.<path>\", \"scenario\", \"config\" or \"seed\"");
            continue;
        }
        Parameter param{p, expand_values(it.value(), c)};
        if (!param.values.empty()) out.push_back(std::move(param));
    }
}

}  // namespace

std::vector<Json> expand_values(const Json& v, const Cursor& at) {
    if (v.is_array()) {
        if (v.empty()) at.error("expected at least one value");
        return std::vector<Json>(v.begin(), v.end());
    }
    if (v.is_string() && v.get<std::string>().find("..") != std::string::npos) {
        return expand_range(v.get<std::string>(), at);
    }
    return {v};
}

SweepSpec parse_sweep_spec(const Json& doc, const std::string& file, const Origins& origins) {
    config::Diagnostics diag(file);
    for (const auto& [pointer, origin] : origins) diag.note_origin(pointer, origin);
    const Cursor root{diag, ""};
    SweepSpec s;
    s.file = file;
    s.origins = origins;
    if (!config::expect_object(doc, root)) diag.throw_if_any();
    const std::vector<std::string> keys = {"description", "scenario", "config", "check", "fork_at", "parameters", "zip"};
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        const Cursor c = root.child(it.key());
        if (it.key() == "scenario" || it.key() == "config") {
            std::string v;
            if (config::read_string(it.value(), c, v)) {
                (it.key() == "scenario" ? s.scenario : s.config) = config::resolve_relative(file, v);
            }
        } else if (it.key() == "check") {
            config::read_bool(it.value(), c, s.check);
        } else if (it.key() == "fork_at") {
            if (config::read_string(it.value(), c, s.fork_at) && s.fork_at.empty()) {
                c.error("must name a barrier of the scenario, got an empty string");
            }
        } else if (it.key() == "parameters") {
            read_parameters(it.value(), c, s.product);
        } else if (it.key() == "zip") {
            read_parameters(it.value(), c, s.zip);
        } else if (it.key() != "description") {
            config::unknown_key(root, it.key(), keys);
        }
    }
    if (s.scenario.empty()) root.error("missing required key \"scenario\" (the scenario every point runs)");
    for (const auto& z : s.zip) {
        for (const auto& p : s.product) {
            if (p.path == z.path) root.child("zip").child(z.path).error("is also under \"parameters\"; sweep it once");
        }
        if (z.values.size() != s.zip.front().values.size()) {
            root.child("zip").child(z.path).error("has " + std::to_string(z.values.size()) +
                                                  " values; every zip parameter needs the same number (" +
                                                  std::to_string(s.zip.front().values.size()) + ")");
        }
    }
    diag.throw_if_any();
    // In floating point, so that a product of huge ranges cannot wrap around.
    double n = s.zip.empty() ? 1.0 : static_cast<double>(s.zip.front().values.size());
    for (const auto& p : s.product) n *= static_cast<double>(p.values.size());
    if (n > static_cast<double>(kMaxPoints)) {
        char count[32];
        std::snprintf(count, sizeof count, "%.0f", n);
        diag.error("", std::string("the sweep has ") + count + " points; at most " + std::to_string(kMaxPoints));
        diag.throw_if_any();
    }
    return s;
}

std::vector<Point> SweepSpec::points() const {
    std::vector<std::size_t> sizes;
    for (const auto& p : product) sizes.push_back(p.values.size());
    if (!zip.empty()) sizes.push_back(zip.front().values.size());
    std::size_t total = 1;
    for (auto n : sizes) total *= n;
    std::vector<Point> out;
    for (std::size_t i = 0; i < total; ++i) {
        Point pt;
        pt.index = i;
        std::size_t rest = i;
        std::vector<std::size_t> digit(sizes.size());
        for (std::size_t d = sizes.size(); d-- > 0;) {
            digit[d] = rest % sizes[d];
            rest /= sizes[d];
        }
        for (std::size_t k = 0; k < product.size(); ++k) pt.values.emplace_back(product[k].path, product[k].values[digit[k]]);
        for (const auto& z : zip) pt.values.emplace_back(z.path, z.values[digit.back()]);
        out.push_back(std::move(pt));
    }
    return out;
}

std::pair<std::string, Json> read_parameter_arg(const std::string& arg, const std::string& option) {
    const auto eq = arg.find('=');
    if (eq == std::string::npos || eq == 0 || !config::is_utf8(arg)) {
        const char* what = eq == std::string::npos || eq == 0 ? "expected PATH=VALUES" : "not valid UTF-8";
        throw config::InputError({{option, "", std::string(what) + ", got \"" + arg + "\"", ""}});
    }
    const std::string text = arg.substr(eq + 1);
    const std::string where = option + " " + arg;
    if (Json::accept(text)) return {arg.substr(0, eq), config::parse_json_text(text, where)};
    if (text.find("..") != std::string::npos) return {arg.substr(0, eq), text};
    Json v = Json::array();
    std::size_t start = 0;
    while (true) {
        const auto comma = text.find(',', start);
        const std::string item = text.substr(start, comma - start);
        v.push_back(Json::accept(item) ? config::parse_json_text(item, where) : Json(item));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return {arg.substr(0, eq), v};
}

}  // namespace invalsim::sweep
