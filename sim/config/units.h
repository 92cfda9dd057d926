#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "models/common/duration.h"

namespace invalsim::config {

// Parsers for the unit-carrying strings of configs and scenarios. Each throws
// std::invalid_argument with a sentence saying what was expected; the JSON
// reader adds the file and path.
std::uint64_t parse_size(std::string_view text);        // "64KiB", "4096", "1.5MiB"
std::uint64_t parse_address(std::string_view text);     // "0x1_0000_0000", "4GiB", "4096"
common::Duration parse_time(std::string_view text);     // "2ns", "10us", "1.5ms"
std::uint64_t parse_frequency_hz(std::string_view text);  // "2GHz", "800MHz"
double parse_bandwidth_gbps(std::string_view text);     // "25.6GB/s", "32GiB/s", "800MB/s"
std::uint64_t parse_integer(std::string_view text);     // "0x20", "1_000", "42"

// Inverse formatting, used for resolved configs and docs: exact, and in the
// largest unit that keeps the value whole.
std::string format_size(std::uint64_t bytes);
std::string format_address(std::uint64_t addr);
std::string format_time(common::Duration d);
std::string format_frequency(std::uint64_t hz);
std::string format_bandwidth(double gbps);

}  // namespace invalsim::config
