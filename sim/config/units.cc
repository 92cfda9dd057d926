#include "sim/config/units.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <optional>
#include <stdexcept>
#include <utility>
#include <vector>

namespace invalsim::config {
namespace {

using Unit = std::pair<std::string_view, double>;

const std::vector<Unit> kSizeUnits = {{"B", 1.0},
                                      {"KiB", 1024.0},
                                      {"MiB", 1024.0 * 1024},
                                      {"GiB", 1024.0 * 1024 * 1024},
                                      {"TiB", 1024.0 * 1024 * 1024 * 1024},
                                      {"PiB", 1024.0 * 1024 * 1024 * 1024 * 1024}};
const std::vector<Unit> kTimeUnits = {
    {"ps", 1.0}, {"ns", 1e3}, {"us", 1e6}, {"ms", 1e9}, {"s", 1e12}};
const std::vector<Unit> kFreqUnits = {{"Hz", 1.0}, {"kHz", 1e3}, {"MHz", 1e6}, {"GHz", 1e9}};
const std::vector<Unit> kBandwidthUnits = {{"B/s", 1e-9},
                                           {"KB/s", 1e-6},
                                           {"MB/s", 1e-3},
                                           {"GB/s", 1.0},
                                           {"TB/s", 1e3},
                                           {"KiB/s", 1024e-9},
                                           {"MiB/s", 1048576e-9},
                                           {"GiB/s", 1073741824e-9},
                                           {"TiB/s", 1099511627776e-9}};

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string strip_underscores(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c != '_') out += c;
    }
    return out;
}

// Splits "1.5MiB" into the number and the unit, both trimmed.
std::pair<std::string, std::string> split_number(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    std::size_t j = i;
    while (j < text.size() && (std::isdigit(static_cast<unsigned char>(text[j])) || text[j] == '.' ||
                               text[j] == '_')) {
        ++j;
    }
    std::size_t k = j;
    while (k < text.size() && std::isspace(static_cast<unsigned char>(text[k]))) ++k;
    std::size_t end = text.size();
    while (end > k && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
    return {strip_underscores(text.substr(i, j - i)), std::string(text.substr(k, end - k))};
}

bool is_plain_integer(const std::string& s) {
    if (s.empty()) return false;
    for (char c : s) {
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    }
    return true;
}

double to_double(const std::string& number) {
    if (number.empty() || number.find('.') != number.rfind('.') || number == ".") {
        throw std::invalid_argument("no number");
    }
    return std::stod(number);
}

// Parses "<number><unit>" against a unit table; `what` names the quantity.
double parse_with_units(std::string_view text, const std::vector<Unit>& units, const char* what,
                        const char* example, bool unit_required) {
    auto [number, unit] = split_number(text);
    const std::string expected = std::string("expected ") + what + " such as " + example +
                                 ", got " + quoted(text);
    double value = 0;
    try {
        value = to_double(number);
    } catch (const std::exception&) {
        throw std::invalid_argument(expected);
    }
    if (unit.empty()) {
        if (unit_required) throw std::invalid_argument(expected + " (a unit is required)");
        return value;
    }
    for (const auto& [name, scale] : units) {
        if (unit == name) return value * scale;
    }
    std::string known;
    for (const auto& u : units) known += (known.empty() ? "" : ", ") + std::string(u.first);
    throw std::invalid_argument(expected + " (unknown unit " + quoted(unit) + "; known: " + known +
                                ")");
}

std::uint64_t to_whole(double v, std::string_view text, const char* what) {
    if (!(v >= 0) || v >= 18446744073709551616.0) {
        throw std::invalid_argument(std::string(what) + " " + quoted(text) + " is out of range");
    }
    const double r = std::round(v);
    if (std::fabs(v - r) > 1e-6 * std::max(1.0, r)) {
        throw std::invalid_argument(std::string(what) + " " + quoted(text) +
                                    " is not a whole number of its base unit");
    }
    return static_cast<std::uint64_t>(r);
}

std::uint64_t parse_integer_digits(std::string_view text);

// "<integer><unit>" in exact 64-bit arithmetic, since a double drops digits
// past 2^53; nullopt when the number has a fraction or the unit is not in
// the table (the general path then reads or reports it).
std::optional<std::uint64_t> whole_with_units(std::string_view text, const std::vector<Unit>& units,
                                              const char* what) {
    const auto [number, unit] = split_number(text);
    if (!is_plain_integer(number)) return std::nullopt;
    for (const auto& [name, scale] : units) {
        if (unit != name) continue;
        const auto factor = static_cast<std::uint64_t>(scale);
        const std::uint64_t n = parse_integer_digits(number);
        if (n > std::numeric_limits<std::uint64_t>::max() / factor) {
            throw std::invalid_argument(std::string(what) + " " + quoted(text) + " is out of range");
        }
        return n * factor;
    }
    return std::nullopt;
}

}  // namespace

std::uint64_t parse_integer(std::string_view text) {
    std::string s = strip_underscores(text);
    if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        const std::string digits = s.substr(2);
        if (digits.size() > 16 || digits.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos) {
            throw std::invalid_argument("expected a hexadecimal number such as 0x1_0000, got " +
                                        quoted(text));
        }
        return std::stoull(digits, nullptr, 16);
    }
    if (!is_plain_integer(s)) {
        throw std::invalid_argument("expected an integer, got " + quoted(text));
    }
    return parse_integer_digits(s);
}

namespace {

// Decimal digits only, leading zeros allowed.
std::uint64_t parse_integer_digits(std::string_view digits) {
    const auto first = std::min(digits.find_first_not_of('0'), digits.size());
    const std::string s(digits.substr(first));
    if (s.size() > 20 || (s.size() == 20 && s > "18446744073709551615")) {
        throw std::invalid_argument("integer " + quoted(digits) + " is out of range");
    }
    return s.empty() ? 0 : std::stoull(s);
}

}  // namespace

std::uint64_t parse_size(std::string_view text) {
    const auto [number, unit] = split_number(text);
    if (unit.empty() && is_plain_integer(number)) return parse_integer(number);
    if (unit == "K" || unit == "M" || unit == "G" || unit == "T" || unit == "KB" || unit == "MB" ||
        unit == "GB" || unit == "TB" || unit == "k" || unit == "kB") {
        throw std::invalid_argument("expected a size such as 64KiB, got " + quoted(text) +
                                    " (sizes use binary units: KiB, MiB, GiB, TiB)");
    }
    if (const auto v = whole_with_units(text, kSizeUnits, "size")) return *v;
    const double v = parse_with_units(text, kSizeUnits, "a size", "64KiB or 4096", false);
    return to_whole(v, text, "size");
}

std::uint64_t parse_address(std::string_view text) {
    const std::string s = strip_underscores(text);
    if (s.size() > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) return parse_integer(s);
    try {
        return parse_size(text);
    } catch (const std::invalid_argument&) {
        throw std::invalid_argument("expected an address such as 0x1_0000_0000 or 4GiB, got " +
                                    quoted(text));
    }
}

common::Duration parse_time(std::string_view text) {
    if (const auto ps = whole_with_units(text, kTimeUnits, "time")) return common::Duration::ps(*ps);
    const double ps = parse_with_units(text, kTimeUnits, "a time", "2ns or 10us", true);
    return common::Duration::ps(to_whole(ps, text, "time"));
}

std::uint64_t parse_frequency_hz(std::string_view text) {
    if (const auto hz = whole_with_units(text, kFreqUnits, "frequency")) return *hz;
    const double hz = parse_with_units(text, kFreqUnits, "a frequency", "2GHz", true);
    return to_whole(hz, text, "frequency");
}

double parse_bandwidth_gbps(std::string_view text) {
    const double v = parse_with_units(text, kBandwidthUnits, "a bandwidth", "25.6GB/s", true);
    if (!(v > 0) || !std::isfinite(v)) {
        throw std::invalid_argument("bandwidth " + quoted(text) + " must be positive");
    }
    return v;
}

namespace {

// Largest unit of the table in which `v` is a whole number.
std::string format_whole(std::uint64_t v, const std::vector<Unit>& units) {
    for (auto it = units.rbegin(); it != units.rend(); ++it) {
        const auto scale = static_cast<std::uint64_t>(it->second);
        if (scale >= 1 && v >= scale && v % scale == 0) {
            return std::to_string(v / scale) + std::string(it->first);
        }
    }
    return std::to_string(v) + std::string(units.front().first);
}

}  // namespace

std::string format_size(std::uint64_t bytes) {
    if (bytes == 0) return "0B";
    return format_whole(bytes, kSizeUnits);
}

std::string format_address(std::uint64_t addr) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(addr));
    return buf;
}

std::string format_time(common::Duration d) {
    if (d.as_ps() == 0) return "0ns";
    return format_whole(d.as_ps(), kTimeUnits);
}

std::string format_frequency(std::uint64_t hz) {
    return format_whole(hz, kFreqUnits);
}

// The shortest fixed-point decimal that reads back as the same double, so
// that a resolved config reruns bit-identically ("25.6GB/s", never
// 25.600000000000001); fixed-point because the parser takes no exponent.
std::string format_bandwidth(double gbps) {
    std::string text;
    for (int decimals = 0; decimals <= 1100; ++decimals) {
        const int n = std::snprintf(nullptr, 0, "%.*f", decimals, gbps);
        text.assign(static_cast<std::size_t>(n) + 1, '\0');
        std::snprintf(text.data(), text.size(), "%.*f", decimals, gbps);
        text.pop_back();
        if (std::strtod(text.c_str(), nullptr) == gbps) break;
    }
    return text + "GB/s";
}

}  // namespace invalsim::config
