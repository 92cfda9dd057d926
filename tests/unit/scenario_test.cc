#include <catch2/catch.hpp>

#include "sim/config/config_loader.h"
#include "sim/config/json_source.h"
#include "sim/scenario/scenario_loader.h"

using namespace invalsim;
using config::Json;

namespace {

config::SystemConfig cfg() {
    return config::parse_system_config(config::parse_json_text(R"({
      "cpu": {"count": 2, "dcache": "l1d"},
      "caches": {"l1d": {"size": "4KiB", "ways": 4}},
      "memories": {"dram0": {"type": "dram", "size": "64MiB"}},
      "address_map": [{"base": "0x8000_0000", "size": "64MiB", "target": "dram0"}]
    })", "c.json"), "c.json");
}

std::vector<config::Diagnostic> errors(const std::string& text) {
    try {
        scenario::parse_scenario(config::parse_json_text(text, "s.json"), "s.json", cfg());
    } catch (const config::InputError& e) {
        return e.diagnostics();
    }
    FAIL("scenario was accepted");
    return {};
}

void check_one(const std::string& text, const std::string& pointer, const std::string& msg) {
    const auto ds = errors(text);
    INFO((ds.empty() ? "" : to_string(ds[0])));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].pointer == pointer);
    CHECK_THAT(ds[0].message, Catch::Contains(msg));
}

}  // namespace

TEST_CASE("a scenario becomes one program per CPU", "[scenario]") {
    const auto s = scenario::parse_scenario(config::parse_json_text(R"({
      "config": "../configs/c.json", "seed": 9,
      "cpus": {"cpu1": [
        {"op": "write", "addr": "0x8000_1000", "value": "0x1122"},
        {"op": "read", "addr": "0x8000_1000", "size": 2, "expect": "0x1122"},
        {"op": "write", "addr": "0x8000_2000", "size": "4KiB", "pattern": "0xA5"},
        {"op": "delay", "time": "1us"}
      ]}})", "dir/s.json"), "dir/s.json", cfg());
    CHECK(s.name == "s");
    CHECK(s.config == "configs/c.json");
    CHECK(*s.seed == 9);
    REQUIRE(s.programs.size() == 2);
    CHECK(s.programs[0].empty());
    REQUIRE(s.programs[1].size() == 4);
    const auto& w = s.programs[1][0];
    CHECK(w.kind == cpu::Op::Kind::Write);
    CHECK(w.size == 8);
    CHECK(w.data.byte_at(0) == 0x22);
    CHECK(w.data.byte_at(1) == 0x11);
    CHECK(w.where == "/cpus/cpu1/0");
    CHECK(s.programs[1][2].data.byte_at(4095) == 0xA5);
    CHECK(s.programs[1][3].time == common::Duration::us(1));
}

TEST_CASE("\"all\" gives its program to every CPU the scenario does not name", "[scenario]") {
    const auto s = scenario::parse_scenario(config::parse_json_text(R"({
      "cpus": {"all": [{"op": "delay", "time": "2us"}, {"op": "barrier", "name": "b"}],
               "cpu0": [{"op": "barrier", "name": "b"}]}})", "s.json"), "s.json", cfg());
    REQUIRE(s.programs.size() == 2);
    REQUIRE(s.programs[0].size() == 1);
    CHECK(s.programs[0][0].kind == cpu::Op::Kind::Barrier);
    REQUIRE(s.programs[1].size() == 2);
    CHECK(s.programs[1][0].time == common::Duration::us(2));
    CHECK(s.programs[1][1].where == "/cpus/all/1");
    check_one(R"({"cpus": {"all": [{"op": "nap"}]}})", "/cpus/all/0/op", "nap");
}

TEST_CASE("bad scenarios are rejected with path and reason", "[scenario]") {
    check_one(R"({"cpus": {"cpu2": []}})", "/cpus/cpu2", "no CPU \"cpu2\"");
    check_one(R"({"cpus": {"cpu0": [{"op": "raed", "addr": "0x8000_0000"}]}})", "/cpus/cpu0/0/op",
              "did you mean \"read\"?");
    check_one(R"({"cpus": {"cpu0": [{"op": "read", "addr": "0x1000"}]}})", "/cpus/cpu0/0/addr",
              "not inside one range");
    check_one(R"({"cpus": {"cpu0": [{"op": "read", "addr": "0x83ff_fffc"}]}})",
              "/cpus/cpu0/0/addr", "not inside one range");
    check_one(R"({"cpus": {"cpu0": [{"op": "write", "addr": "0x8000_0000"}]}})", "/cpus/cpu0/0",
              "needs \"value\" or \"pattern\"");
    check_one(R"({"cpus": {"cpu0": [{"op": "write", "addr": "0x8000_0000", "size": 2, "value": "0x10000"}]}})",
              "/cpus/cpu0/0/value", "does not fit in 2 bytes");
    check_one(R"({"cpus": {"cpu0": [{"op": "write", "addr": "0x8000_0000", "value": 1, "pattern": 2}]}})",
              "/cpus/cpu0/0/pattern", "either a value or a pattern");
    check_one(R"({"cpus": {"cpu0": [{"op": "read", "addr": "0x8000_0000", "size": 16, "expect": 1}]}})",
              "/cpus/cpu0/0/expect", "at most 8 bytes");
    check_one(R"({"cpus": {"cpu0": [{"op": "delay"}]}})", "/cpus/cpu0/0",
              "missing required key \"time\"");
    check_one(R"({"cpus": {"cpu0": [{"op": "delay", "time": "1us", "addr": 0}]}})",
              "/cpus/cpu0/0/addr", "unknown key \"addr\"");
    check_one(R"({"cpus": {}, "seeed": 1})", "/seeed", "did you mean \"seed\"?");
    check_one(R"({"cpus": {"cpu0": [{"op": "read", "addr": "0x8000_0000", "size": 0}]}})",
              "/cpus/cpu0/0/size", "between 1 byte");
    check_one(R"({"cpus": {"cpu0": [{"op": "write", "addr": "0x8000_0000", "pattern": 256}]}})",
              "/cpus/cpu0/0/pattern", "at most 255");
}

TEST_CASE("coherence expectations: run-wide bounds, per-step bounds, labels", "[scenario]") {
    const auto s = scenario::parse_scenario(config::parse_json_text(R"({
      "flow": "sanitize", "variant": "window-traffic",
      "expect": {"stale_reads": ">0", "loads_checked": ">= 10",
                 "steps": {"after": {"stale_reads": 0, "loads_checked": 256}}},
      "cpus": {"cpu0": []}})", "s.json"), "s.json", cfg());
    CHECK(s.flow == "sanitize");
    CHECK(s.variant == "window-traffic");
    const auto all = s.coherence_expectations();
    REQUIRE(all.size() == 6);
    CHECK(all[0].name == "stale_reads");
    CHECK(all[0].op == ">");
    CHECK(all[0].holds(1));
    CHECK_FALSE(all[0].holds(0));
    CHECK(all[1].name == "resurrections");  // unstated: must be 0
    CHECK(all[1].holds(0));
    CHECK_FALSE(all[1].holds(1));
    CHECK(all[3].name == "loads_checked");
    CHECK(all[3].step.empty());
    CHECK_FALSE(all[3].holds(9));
    CHECK(all[4].step == "after");
    CHECK(all[4].name == "stale_reads");
    CHECK(all[5].name == "loads_checked");
    CHECK(all[5].value == 256);
    CHECK_FALSE(all[5].holds(255));
}

TEST_CASE("bad coherence expectations are rejected with path and reason", "[scenario]") {
    check_one(R"({"cpus": {}, "expect": {"stale_read": 0}})", "/expect/stale_read", "did you mean \"stale_reads\"?");
    check_one(R"({"cpus": {}, "expect": {"stale_reads": "lots"}})", "/expect/stale_reads", "a count or a bound");
    check_one(R"({"cpus": {}, "expect": {"stale_reads": -1}})", "/expect/stale_reads", "a count or a bound");
    check_one(R"({"cpus": {}, "expect": {"steps": {"after": {"device_mismatches": 0}}}})",
              "/expect/steps/after/device_mismatches", "unknown key");
    check_one(R"({"cpus": {}, "expect": {"steps": {"after": 3}}})", "/expect/steps/after", "expected an object");
}
