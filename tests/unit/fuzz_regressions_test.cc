// Inputs the fuzz targets of tests/fuzz found to crash or misbehave, each
// kept as a test of the fixed behaviour (the raw input is also under
// tests/fuzz/regressions/, which the targets replay).
#include <catch2/catch.hpp>

#include <limits>

#include "sim/config/diagnostics.h"
#include "sim/config/json_source.h"
#include "sim/config/units.h"
#include "sim/config/value_readers.h"

using namespace invalsim::config;

namespace {
constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
}

// fuzz_set_value, "x=18446744073709551615": the largest size was accepted,
// written as "18446744073709551615B" in a resolved config, and that text
// was then rejected (the unit path went through a double, which rounds
// 2^64-1 up to 2^64).
TEST_CASE("fuzz: the largest size survives formatting", "[units][fuzz]") {
    CHECK(parse_size("18446744073709551615") == kMax);
    CHECK(format_size(kMax) == "18446744073709551615B");
    CHECK(parse_size(format_size(kMax)) == kMax);
    CHECK(parse_time("18446744073709551615ps").as_ps() == kMax);
    CHECK(parse_frequency_hz("18446744073709551615Hz") == kMax);
    CHECK_THROWS_WITH(parse_size("16384PiB"), Catch::Contains("out of range"));
    CHECK_THROWS_WITH(parse_time("18446745s"), Catch::Contains("out of range"));
}

// fuzz_set_value, "x=9007199254740993B": integers with a unit past 2^53
// were silently rounded to a neighbouring value.
TEST_CASE("fuzz: integer sizes and times with units are exact", "[units][fuzz]") {
    CHECK(parse_size("9007199254740993B") == 9007199254740993ULL);
    CHECK(parse_size("8388607TiB") == 8388607ULL << 40);
    CHECK(parse_time("9007199254740993ps").as_ps() == 9007199254740993ULL);
    CHECK(parse_size("0001KiB") == 1024);
}

// fuzz_set_value, "x=3TiB/s": a bandwidth was written with 10 significant
// digits, so a resolved config read back another value (3298.534883 GB/s,
// not 3298.534883328) and a point rerun from its folder could differ.
TEST_CASE("fuzz: bandwidths survive formatting exactly", "[units][fuzz]") {
    for (const char* text : {"3TiB/s", "25.6GB/s", "1B/s", "3B/s", "0.1GB/s", "1GiB/s", "123456789.123456789GB/s"}) {
        const double v = parse_bandwidth_gbps(text);
        INFO(text << " -> " << format_bandwidth(v));
        CHECK(parse_bandwidth_gbps(format_bandwidth(v)) == v);
    }
    CHECK(format_bandwidth(25.6) == "25.6GB/s");
    CHECK(format_bandwidth(parse_bandwidth_gbps("1B/s")) == "0.000000001GB/s");
}

// fuzz_config, a number "1e3090" anywhere in a file: the JSON library threw
// its out_of_range, not a parse error, so the CLI reported an internal
// error (exit 3) instead of the file's problem (exit 2).
TEST_CASE("fuzz: a number too large for a double is bad input", "[config][fuzz]") {
    CHECK_THROWS_WITH(parse_json_text(R"({"cpu": {"count": 1e3090}})", "big.json"),
                      Catch::Contains("invalid JSON: number overflow parsing '1e3090'"));
    CHECK_THROWS_AS(parse_json_text("[-1e400]", "big.json"), InputError);
}

// fuzz_set_value, caches={"l1d"<NUL bytes><0xce>:{"size":"32Ki}}: a --set
// value that is not JSON becomes a string, and one with bytes that are not
// UTF-8 made the JSON writer throw when the message quoted it (exit 3); it
// would also have failed when stats.json was written. Such arguments are
// now bad input, and messages quote any value safely.
TEST_CASE("fuzz: arguments that are not UTF-8 are bad input", "[config][fuzz]") {
    const std::string bad = std::string("caches={\"l1d\"") + std::string(21, '\0') + "\xce:{\"size\":\"32Ki}}";
    CHECK_THROWS_WITH(parse_override(bad), Catch::Contains("not valid UTF-8"));
    CHECK_THROWS_WITH(parse_override("name=caf\xe9"), Catch::Contains("not valid UTF-8"));
    CHECK(parse_override("name=caf\xc3\xa9").value == "caf\xc3\xa9");
    CHECK(is_utf8("plain"));
    CHECK_FALSE(is_utf8("\xff"));
    CHECK(describe(Json(std::string("\xff"))).find("string") == 0);
}
