#pragma once

#include <cstdint>
#include <limits>
#include <string>

#include "models/common/duration.h"
#include "sim/config/diagnostics.h"
#include "sim/config/json.h"

namespace invalsim::config {

// Where in which file a value is being read.
struct Cursor {
    Diagnostics& diag;
    std::string pointer;

    Cursor child(const std::string& key) const { return {diag, child_pointer(pointer, key)}; }
    Cursor child(std::size_t index) const { return {diag, child_pointer(pointer, index)}; }
    void error(const std::string& message) const { diag.error(pointer, message); }
};

// Each reader reports a diagnostic and returns false when the value is not
// of its kind; `out` is only written on success.
bool read_integer(const Json& j, const Cursor& at, std::uint64_t max, std::uint64_t& out);
bool read_size(const Json& j, const Cursor& at, std::uint64_t& out);
bool read_address(const Json& j, const Cursor& at, std::uint64_t& out);
bool read_time(const Json& j, const Cursor& at, common::Duration& out);
bool read_frequency(const Json& j, const Cursor& at, std::uint64_t& out);
bool read_bandwidth(const Json& j, const Cursor& at, double& out);
bool read_real(const Json& j, const Cursor& at, double& out);
bool read_bool(const Json& j, const Cursor& at, bool& out);
bool read_string(const Json& j, const Cursor& at, std::string& out);
bool expect_object(const Json& j, const Cursor& at);
bool expect_array(const Json& j, const Cursor& at);

// A short description of a JSON value for "got ..." in messages.
std::string describe(const Json& j);

template <class T>
bool read_unsigned(const Json& j, const Cursor& at, T& out) {
    std::uint64_t v = 0;
    if (!read_integer(j, at, std::numeric_limits<T>::max(), v)) return false;
    out = static_cast<T>(v);
    return true;
}

}  // namespace invalsim::config
