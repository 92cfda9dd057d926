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
    // Each value from its index, rounded: no 0.30000000000000004, and the
    // end value is not lost to accumulated error.
    CHECK(values("0.1..0.5+0.1") == std::vector<Json>{0.1, 0.2, 0.3, 0.4, 0.5});
    CHECK(values("0..1+0.1").size() == 11);
    CHECK(values("0..1+0.1")[7] == 0.7);
    CHECK(values("1us..1ms*10") == std::vector<Json>{"1us", "10us", "100us", "1ms"});
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
    using P = std::pair<std::string, Json>;
    CHECK(sweep::read_parameter_arg("config.home_agents.count=1,2,4", "--param") ==
          P{"config.home_agents.count", Json::array({1, 2, 4})});
    CHECK(sweep::read_parameter_arg("config.invalidate.mechanism=hha,wbinvd", "--param").second ==
          Json::array({"hha", "wbinvd"}));
    CHECK(sweep::read_parameter_arg("scenario.cpus.cpu0.0.len=4KiB..16KiB*2", "--zip").second == "4KiB..16KiB*2");
    CHECK(sweep::read_parameter_arg(R"(config.x=["a","b"])", "--param").second.size() == 2);
    CHECK_THROWS_AS(sweep::read_parameter_arg("novalue", "--param"), config::InputError);
    CHECK_THROWS_AS(sweep::read_parameter_arg(R"(config.x=[{"a": 1, "a": 2}])", "--param"), config::InputError);
}

TEST_CASE("command-line parameters are checked with the spec, naming the option", "[sweep]") {
    // What `sweep --zip a=... --zip b=...` merges into the spec document.
    const Json doc = {{"scenario", "s.json"},
                      {"zip", {{"config.invalidate.policy", "parallel,sequential,single-irqoff"},
                               {"config.home_agents.count", {1, 2}}}}};
    Json zipped = doc;
    zipped["zip"]["config.invalidate.policy"] = {"parallel", "sequential", "single-irqoff"};
    try {
        sweep::parse_sweep_spec(zipped, "command line",
                                {{"/zip/config.home_agents.count", "--zip config.home_agents.count=1,2"}});
        FAIL("accepted");
    } catch (const config::InputError& e) {
        REQUIRE(e.diagnostics().size() == 1);
        CHECK(to_string(e.diagnostics()[0]) ==
              "command line: /zip/config.home_agents.count: has 2 values; every zip parameter needs the same "
              "number (3) (value from --zip config.home_agents.count=1,2)");
    }
    Json huge = {{"scenario", "s.json"},
                 {"parameters", {{"config.a", "1..1000+1"}, {"config.b", "1..1000+1"}}}};
    CHECK_THROWS_WITH(sweep::parse_sweep_spec(huge, "command line"),
                      Catch::Contains("the sweep has 1000000 points; at most 100000"));
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
    one(R"({"scenario": "s", "parameters": {"config.a": [1]}, "zip": {"config.a": [2]}})", "/zip/config.a",
        "is also under \"parameters\"");
    one(R"({"scenario": "s", "paramters": {}})", "/paramters", "did you mean \"parameters\"?");
    one(R"({"scenario": "s", "parameters": {"config.x": "1..1000000+1"}})", "/parameters/config.x",
        "more than 100000 values");
    // A parameter given twice would otherwise sweep only its last list.
    one(R"({"scenario": "s", "parameters": {"config.x": [1, 2], "config.y": [3], "config.x": [4]}})",
        "/parameters/config.x", "duplicate key \"config.x\"");
}

TEST_CASE("a spec may name the barrier its points share a run up to", "[sweep]") {
    const auto spec = sweep::parse_sweep_spec(
        config::parse_json_text(R"({"scenario": "s.json", "fork_at": "warm", "parameters": {"seed": [1, 2]}})", "s.json"),
        "dir/s.json");
    CHECK(spec.fork_at == "warm");
    const auto empty = errors(R"({"scenario": "s.json", "fork_at": ""})");
    REQUIRE(empty.size() == 1);
    CHECK(empty[0].pointer == "/fork_at");
    const auto number = errors(R"({"scenario": "s.json", "fork_at": 3})");
    REQUIRE(number.size() == 1);
    CHECK(number[0].pointer == "/fork_at");
}
