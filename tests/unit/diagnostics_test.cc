#include <catch2/catch.hpp>

#include "sim/config/diagnostics.h"

using namespace invalsim::config;

TEST_CASE("closest key suggestion", "[config]") {
    const std::vector<std::string> keys = {"size", "ways", "line_size", "hit_latency_cycles"};
    CHECK(closest("wayz", keys) == "ways");
    CHECK(closest("line_szie", keys) == "line_size");
    CHECK(closest("hit_latency", keys) == "hit_latency_cycles");
    CHECK(closest("banana_split_x", keys) == "");
}

TEST_CASE("JSON pointers escape / and ~", "[config]") {
    CHECK(child_pointer("/caches", "l1d") == "/caches/l1d");
    CHECK(child_pointer("", "a/b~c") == "/a~1b~0c");
    CHECK(child_pointer("/address_map", 3) == "/address_map/3");
}

TEST_CASE("diagnostics carry the command-line origin of a value", "[config]") {
    Diagnostics d("cfg.json");
    d.note_origin("/caches/l1d", "--set caches.l1d={}");
    d.error("/caches/l1d/ways", "bad");
    d.error("/cpu/count", "also bad");
    try {
        d.throw_if_any();
        FAIL("expected an InputError");
    } catch (const InputError& e) {
        REQUIRE(e.diagnostics().size() == 2);
        CHECK(e.diagnostics()[0].origin == "--set caches.l1d={}");
        CHECK(e.diagnostics()[1].origin.empty());
        CHECK_THAT(std::string(e.what()), Catch::Contains("cfg.json: /cpu/count: also bad"));
    }
}
