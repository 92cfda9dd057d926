#include <catch2/catch.hpp>

#include "sim/config/units.h"

using namespace invalsim::config;
using invalsim::common::Duration;

TEST_CASE("sizes accept integers and binary units", "[units]") {
    CHECK(parse_size("4096") == 4096);
    CHECK(parse_size("64KiB") == 65536);
    CHECK(parse_size("8MiB") == 8ULL << 20);
    CHECK(parse_size("1TiB") == 1ULL << 40);
    CHECK(parse_size("1.5MiB") == 1572864);
    CHECK(parse_size(" 2 GiB ") == 2ULL << 30);
    CHECK(parse_size("1_048_576") == 1048576);
}

TEST_CASE("sizes reject decimal units, junk and fractions of a byte", "[units]") {
    CHECK_THROWS_WITH(parse_size("64KB"), Catch::Contains("binary units"));
    CHECK_THROWS_WITH(parse_size("64K"), Catch::Contains("binary units"));
    CHECK_THROWS_WITH(parse_size("lots"), Catch::Contains("expected a size"));
    CHECK_THROWS_WITH(parse_size("64Qib"), Catch::Contains("unknown unit \"Qib\""));
    CHECK_THROWS_WITH(parse_size("0.5B"), Catch::Contains("not a whole number"));
    CHECK_THROWS_WITH(parse_size("99999999999999999999999"), Catch::Contains("out of range"));
}

TEST_CASE("addresses accept hex with underscores and sizes", "[units]") {
    CHECK(parse_address("0x1_0000_0000") == 0x100000000ULL);
    CHECK(parse_address("0x100000000") == 0x100000000ULL);
    CHECK(parse_address("4GiB") == 4ULL << 30);
    CHECK(parse_address("0xffffffffffffffff") == ~0ULL);
    CHECK_THROWS_WITH(parse_address("0x1_0000_0000_0000_0000"), Catch::Contains("hexadecimal"));
    CHECK_THROWS_WITH(parse_address("0xZZ"), Catch::Contains("hexadecimal"));
    CHECK_THROWS_WITH(parse_address("here"), Catch::Contains("expected an address"));
}

TEST_CASE("times need a unit and resolve to picoseconds", "[units]") {
    CHECK(parse_time("2ns") == Duration::ns(2));
    CHECK(parse_time("10us") == Duration::us(10));
    CHECK(parse_time("1.5ms") == Duration::us(1500));
    CHECK(parse_time("250ps") == Duration::ps(250));
    CHECK(parse_time("1s").as_ps() == 1000000000000ULL);
    CHECK_THROWS_WITH(parse_time("10"), Catch::Contains("a unit is required"));
    CHECK_THROWS_WITH(parse_time("10 min"), Catch::Contains("unknown unit"));
    CHECK_THROWS_WITH(parse_time("0.1ps"), Catch::Contains("not a whole number"));
}

TEST_CASE("frequencies and bandwidths", "[units]") {
    CHECK(parse_frequency_hz("2GHz") == 2000000000ULL);
    CHECK(parse_frequency_hz("2.6GHz") == 2600000000ULL);
    CHECK(parse_frequency_hz("800MHz") == 800000000ULL);
    CHECK(parse_bandwidth_gbps("25.6GB/s") == Approx(25.6));
    CHECK(parse_bandwidth_gbps("800MB/s") == Approx(0.8));
    CHECK(parse_bandwidth_gbps("1GiB/s") == Approx(1.073741824));
    CHECK_THROWS_WITH(parse_bandwidth_gbps("0GB/s"), Catch::Contains("must be positive"));
    CHECK_THROWS_WITH(parse_frequency_hz("2"), Catch::Contains("a unit is required"));
}

TEST_CASE("formatting uses the largest unit that keeps the value whole", "[units]") {
    CHECK(format_size(65536) == "64KiB");
    CHECK(format_size(1572864) == "1536KiB");
    CHECK(format_size(100) == "100B");
    CHECK(format_time(Duration::ns(1500)) == "1500ns");
    CHECK(format_time(Duration::us(10)) == "10us");
    CHECK(format_address(0x80000000ULL) == "0x80000000");
    CHECK(format_frequency(2000000000ULL) == "2GHz");
    CHECK(parse_size(format_size(123456789)) == 123456789);
}
