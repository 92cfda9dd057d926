#include "sim/config/value_readers.h"

#include <stdexcept>

#include "sim/config/units.h"

namespace invalsim::config {

std::string describe(const Json& j) {
    std::string s = j.dump(-1, ' ', false, Json::error_handler_t::replace);
    if (s.size() > 60) s = s.substr(0, 57) + "...";
    switch (j.type()) {
        case Json::value_t::object: return "an object";
        case Json::value_t::array: return "an array";
        case Json::value_t::null: return "null";
        case Json::value_t::boolean: return "boolean " + s;
        case Json::value_t::string: return "string " + s;
        default: return "number " + s;
    }
}

namespace {

// Applies a unit parser to a string value, turning its exception into a
// diagnostic at the cursor.
template <class T, class Parse>
bool parse_string(const Json& j, const Cursor& at, T& out, Parse parse) {
    try {
        out = parse(j.get<std::string>());
        return true;
    } catch (const std::invalid_argument& e) {
        at.error(e.what());
    } catch (const std::out_of_range&) {
        at.error("value " + describe(j) + " is out of range");
    }
    return false;
}

bool unsigned_number(const Json& j, const Cursor& at, const char* what, std::uint64_t& out) {
    if (j.is_number_unsigned() || (j.is_number_integer() && j.get<std::int64_t>() >= 0)) {
        out = j.get<std::uint64_t>();
        return true;
    }
    if (j.is_number_integer()) {
        at.error(std::string("expected ") + what + " (not negative), got " + describe(j));
    } else {
        at.error(std::string("expected ") + what + ", got " + describe(j));
    }
    return false;
}

}  // namespace

bool read_integer(const Json& j, const Cursor& at, std::uint64_t max, std::uint64_t& out) {
    std::uint64_t v = 0;
    if (j.is_string()) {
        if (!parse_string(j, at, v, parse_integer)) return false;
    } else if (!unsigned_number(j, at, "an integer", v)) {
        return false;
    }
    if (v > max) {
        at.error("expected an integer of at most " + std::to_string(max) + ", got " + describe(j));
        return false;
    }
    out = v;
    return true;
}

bool read_size(const Json& j, const Cursor& at, std::uint64_t& out) {
    if (j.is_string()) return parse_string(j, at, out, parse_size);
    return unsigned_number(j, at, "a size such as 4096 or \"64KiB\"", out);
}

bool read_address(const Json& j, const Cursor& at, std::uint64_t& out) {
    if (j.is_string()) return parse_string(j, at, out, parse_address);
    return unsigned_number(j, at, "an address such as \"0x1_0000_0000\"", out);
}

bool read_time(const Json& j, const Cursor& at, common::Duration& out) {
    if (j.is_string()) return parse_string(j, at, out, parse_time);
    at.error("expected a time with a unit such as \"2ns\" or \"10us\", got " + describe(j));
    return false;
}

bool read_frequency(const Json& j, const Cursor& at, std::uint64_t& out) {
    if (j.is_string()) return parse_string(j, at, out, parse_frequency_hz);
    at.error("expected a frequency with a unit such as \"2GHz\", got " + describe(j));
    return false;
}

bool read_bandwidth(const Json& j, const Cursor& at, double& out) {
    if (j.is_string()) return parse_string(j, at, out, parse_bandwidth_gbps);
    at.error("expected a bandwidth with a unit such as \"25.6GB/s\", got " + describe(j));
    return false;
}

bool read_real(const Json& j, const Cursor& at, double& out) {
    if (j.is_number()) {
        out = j.get<double>();
        return true;
    }
    at.error("expected a number, got " + describe(j));
    return false;
}

bool read_bool(const Json& j, const Cursor& at, bool& out) {
    if (j.is_boolean()) {
        out = j.get<bool>();
        return true;
    }
    at.error("expected true or false, got " + describe(j));
    return false;
}

bool read_string(const Json& j, const Cursor& at, std::string& out) {
    if (j.is_string()) {
        out = j.get<std::string>();
        return true;
    }
    at.error("expected a string, got " + describe(j));
    return false;
}

bool expect_object(const Json& j, const Cursor& at) {
    if (j.is_object()) return true;
    at.error("expected an object, got " + describe(j));
    return false;
}

bool expect_array(const Json& j, const Cursor& at) {
    if (j.is_array()) return true;
    at.error("expected an array, got " + describe(j));
    return false;
}

}  // namespace invalsim::config
