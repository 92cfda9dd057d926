#include <catch2/catch.hpp>

#include "sim/config/diagnostics.h"
#include "sim/config/json_source.h"
#include "sim/sweep/sweep_spec.h"

using namespace invalsim;
using config::Json;

namespace {

std::vector<Json> values(const Json& v) {
    config::Diagnostics d("t");
    auto out = sweep::expand_values(v, config::Cursor{d, "/p"});
    d.throw_if_any();
    return out;
}

std::vector<config::Diagnostic> errors(const std::string& text) {
    try {
        sweep::parse_sweep_spec(config::parse_json_text(text, "s.json"), "dir/s.json");
    } catch (const config::InputError& e) {
        return e.diagnostics();
    }
    FAIL("accepted");
    return {};
}

}  // namespace

TEST_CASE("sweep values: lists, linear and geometric ranges, with units", "[sweep]") {
    CHECK(values(Json::array({1, 2, 4})) == std::vector<Json>{1, 2, 4});
    CHECK(values("1..4+1") == std::vector<Json>{1, 2, 3, 4});
    CHECK(values("0.5..1.5+0.5") == std::vector<Json>{0.5, 1, 1.5});
    const auto sizes = values("4KiB..1TiB*2");
    CHECK(sizes.size() == 29);
    CHECK(sizes.front() == "4KiB");
    CHECK(sizes[8] == "1MiB");
    CHECK(sizes.back() == "1TiB");
    CHECK(values("4KiB..16KiB+4KiB") == std::vector<Json>{"4KiB", "8KiB", "12KiB", "16KiB"});
    CHECK(values("10us..40us*2") == std::vector<Json>{"10us", "20us", "40us"});
    CHECK(values("hha") == std::vector<Json>{"hha"});
}

TEST_CASE("products and zips enumerate points row-major", "[sweep]") {
    const auto spec = sweep::parse_sweep_spec(config::parse_json_text(R"({
        "scenario": "../s.json",
        "parameters": {"config.a": [1, 2], "scenario.b": ["x", "y", "z"]},
        "zip": {"config.m": ["hha", "wbinvd"], "config.n": [1, 2]}
      })", "sweeps/t.json"), "sweeps/t.json");
    CHECK(spec.scenario == "s.json");
    const auto pts = spec.points();
    REQUIRE(pts.size() == 12);
    CHECK(pts[0].values[0].second == 1);
    CHECK(pts[0].values[2].second == "hha");
    CHECK(pts[1].values[2].second == "wbinvd");
    CHECK(pts[1].values[3].second == 2);  // zipped with wbinvd
    CHECK(pts[2].values[1].second == "y");
    CHECK(pts[11].values[0].second == 2);
    CHECK(pts[11].index == 11);
}

TEST_CASE("command-line parameters: lists, ranges and JSON", "[sweep]") {
    CHECK(sweep::parse_parameter_arg("config.home_agents.count=1,2,4").values == std::vector<Json>{1, 2, 4});
    CHECK(sweep::parse_parameter_arg("config.invalidate.mechanism=hha,wbinvd").values ==
          std::vector<Json>{"hha", "wbinvd"});
    CHECK(sweep::parse_parameter_arg("scenario.cpus.cpu0.0.len=4KiB..16KiB*2").values.size() == 3);
    CHECK(sweep::parse_parameter_arg(R"(config.x=["a","b"])").values.size() == 2);
    CHECK_THROWS_AS(sweep::parse_parameter_arg("novalue"), config::InputError);
    CHECK_THROWS_AS(sweep::parse_parameter_arg(R"(config.x=[{"a": 1, "a": 2}])"), config::InputError);
}

TEST_CASE("bad sweep specs name the path and the problem", "[sweep]") {
    auto one = [](const std::string& text, const std::string& ptr, const std::string& msg) {
        const auto ds = errors(text);
        INFO((ds.empty() ? "" : to_string(ds[0])));
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].pointer == ptr);
        CHECK_THAT(ds[0].message, Catch::Contains(msg));
    };
    one(R"({"parameters": {}})", "", "missing required key \"scenario\"");
    one(R"({"scenario": "s", "parameters": {"cache.l1d.size": [1]}})", "/parameters/cache.l1d.size",
        "\"config.<path>\"");
    one(R"({"scenario": "s", "parameters": {"config.x": "8..4+1"}})", "/parameters/config.x",
        "from a smaller to a larger value");
    one(R"({"scenario": "s", "parameters": {"config.x": "4KiB..1MiB*1"}})", "/parameters/config.x",
        "factor above 1");
    one(R"({"scenario": "s", "parameters": {"config.x": "4KiB..10us+1"}})", "/parameters/config.x",
        "cannot read the range");
    one(R"({"scenario": "s", "parameters": {"config.x": []}})", "/parameters/config.x", "at least one value");
    one(R"({"scenario": "s", "zip": {"config.a": [1, 2], "config.b": [1]}})", "/zip/config.b",
        "the same number (2)");
    one(R"({"scenario": "s", "paramters": {}})", "/paramters", "did you mean \"parameters\"?");
    one(R"({"scenario": "s", "parameters": {"config.x": "1..1000000+1"}})", "/parameters/config.x",
        "more than 100000 values");
    // A parameter given twice would otherwise sweep only its last list.
    one(R"({"scenario": "s", "parameters": {"config.x": [1, 2], "config.y": [3], "config.x": [4]}})",
        "/parameters/config.x", "duplicate key \"config.x\"");
}
