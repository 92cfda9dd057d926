#include <catch2/catch.hpp>

#include "sim/config/config_loader.h"
#include "sim/config/json_source.h"

using namespace invalsim::config;

namespace {

// A small valid config; each test breaks one thing in it.
Json base() {
    return parse_json_text(R"({
      "name": "t",
      "cpu": {"count": 2, "frequency": "2GHz", "dcache": "l1d"},
      "caches": {
        "l1d": {"size": "4KiB", "ways": 4, "line_size": 64, "next": "l2"},
        "l2": {"size": "64KiB", "ways": 8, "line_size": 64}
      },
      "memories": {"dram0": {"type": "dram", "size": "1GiB"},
                   "dram1": {"type": "dram", "size": "1GiB"}},
      "address_map": [
        {"name": "low", "base": "0x0", "size": "1GiB", "target": "dram0"},
        {"name": "high", "base": "0x1_0000_0000", "size": "1GiB", "target": "dram1"}
      ]
    })", "t.json");
}

// The diagnostics of loading `doc`, which must be invalid.
std::vector<Diagnostic> errors(const Json& doc, const std::vector<std::string>& sets = {}) {
    std::vector<Override> ov;
    for (const auto& s : sets) ov.push_back(parse_override(s));
    try {
        parse_system_config(doc, "t.json", ov);
    } catch (const InputError& e) {
        return e.diagnostics();
    }
    FAIL("config was accepted");
    return {};
}

// Exactly one diagnostic, at `pointer`, whose message contains `text`.
void check_one(const std::vector<Diagnostic>& ds, const std::string& pointer,
               const std::string& text) {
    INFO(ds.size() << " diagnostics; first: " << (ds.empty() ? "" : to_string(ds[0])));
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].file == "t.json");
    CHECK(ds[0].pointer == pointer);
    CHECK_THAT(ds[0].message, Catch::Contains(text));
}

}  // namespace

TEST_CASE("a valid config resolves with defaults filled in", "[config]") {
    const SystemConfig cfg = parse_system_config(base(), "t.json");
    CHECK(cfg.cpu.count == 2);
    CHECK(cfg.cpu.params.frequency_hz == 2000000000ULL);
    REQUIRE(cfg.data_path().size() == 2);
    CHECK(cfg.data_path()[1]->name == "l2");
    CHECK(cfg.caches[1].params.hit_latency_cycles == 2);  // default
    CHECK(cfg.find_memory("dram1")->dram.size_bytes == 1ULL << 30);
    const Json r = resolved_json(cfg);
    CHECK(r["caches"]["l2"]["replacement"] == "lru");
    CHECK(r["memories"]["dram0"]["read_latency"] == "50ns");
    CHECK(r["simulation"]["quantum"] == "1us");
    // The resolved form is itself a valid config describing the same system.
    const SystemConfig again = parse_system_config(r, "resolved.json");
    CHECK(resolved_json(again) == r);
}

TEST_CASE("command-line overrides pass through the same validation", "[config]") {
    const SystemConfig cfg = parse_system_config(
        base(), "t.json", {parse_override("caches.l1d.size=8KiB"), parse_override("cpu.count=4")});
    CHECK(cfg.caches[0].params.size_bytes == 8192);
    CHECK(cfg.cpu.count == 4);
    const auto ds = errors(base(), {"caches.l1d.ways=0"});
    check_one(ds, "/caches/l1d/ways", "must be between 1 and 64");
    CHECK(ds[0].origin == "--set caches.l1d.ways=0");
}

TEST_CASE("bad configs are rejected with path and reason", "[config]") {
    Json j = base();
    SECTION("1 zero ways") {
        j["caches"]["l1d"]["ways"] = 0;
        check_one(errors(j), "/caches/l1d/ways", "must be between 1 and 64, got 0");
    }
    SECTION("2 size not a multiple of ways x line") {
        j["caches"]["l1d"]["size"] = 1000;
        check_one(errors(j), "/caches/l1d/size", "multiple of ways x line size (256 bytes)");
    }
    SECTION("3 non-power-of-two line") {
        j["caches"]["l1d"]["line_size"] = 48;
        check_one(errors(j), "/caches/l1d/line_size", "power of two");
    }
    SECTION("4 unknown key with suggestion") {
        j["caches"]["l1d"]["wayz"] = 4;
        check_one(errors(j), "/caches/l1d/wayz", "unknown key \"wayz\" (did you mean \"ways\"?)");
    }
    SECTION("5 unknown top-level key") {
        j["memorys"] = Json::object();
        check_one(errors(j), "/memorys", "did you mean \"memories\"?");
    }
    SECTION("6 size with decimal unit") {
        j["caches"]["l2"]["size"] = "64KB";
        check_one(errors(j), "/caches/l2/size", "binary units");
    }
    SECTION("7 time without unit") {
        j["memories"]["dram0"]["read_latency"] = 50;
        check_one(errors(j), "/memories/dram0/read_latency", "expected a time with a unit");
    }
    SECTION("8 dangling next") {
        j["caches"]["l1d"]["next"] = "l3";
        check_one(errors(j), "/caches/l1d/next", "\"l3\" is not a key of /caches");
    }
    SECTION("9 cache pointing to itself") {
        j["caches"]["l2"]["next"] = "l2";
        check_one(errors(j), "/caches/l2/next", "cannot be its own next level");
    }
    SECTION("10 cycle of caches") {
        j["caches"]["l2"]["next"] = "l1d";
        check_one(errors(j), "/caches/l1d/next", "loops without reaching \"memory\"");
    }
    SECTION("11 overlapping address ranges") {
        j["address_map"][1]["base"] = "0x3000_0000";
        check_one(errors(j), "/address_map/1", "overlaps /address_map/0");
    }
    SECTION("12 range naming an unknown memory") {
        j["address_map"][0]["target"] = "dram7";
        check_one(errors(j), "/address_map/0/target", "\"dram7\" is not a key of /memories");
    }
    SECTION("13 range larger than its device") {
        j["address_map"][0]["size"] = "2GiB";
        check_one(errors(j), "/address_map/0/size", "does not fit in \"dram0\"");
    }
    SECTION("14 misaligned range base") {
        j["address_map"][1]["base"] = "0x1_0000_0100";
        check_one(errors(j), "/address_map/1/base", "4 KiB aligned");
    }
    SECTION("15 range wrapping past 2^64") {
        j["memories"]["dram1"]["size"] = "1TiB";
        j["address_map"][1]["base"] = "0xffff_ffff_ffff_f000";
        j["address_map"][1]["size"] = "8KiB";
        check_one(errors(j), "/address_map/1/size", "wraps past the end");
    }
    SECTION("16 unknown enum value with suggestion") {
        j["caches"]["l1d"]["replacement"] = "lur";
        check_one(errors(j), "/caches/l1d/replacement", "(did you mean \"lru\"?)");
    }
    SECTION("17 negative integer") {
        j["cpu"]["count"] = -1;
        check_one(errors(j), "/cpu/count", "not negative");
    }
    SECTION("18 zero CPUs") {
        j["cpu"]["count"] = 0;
        check_one(errors(j), "/cpu/count", "between 1 and 256");
    }
    SECTION("19 unknown memory type") {
        j["memories"]["dram0"]["type"] = "sram";
        check_one(errors(j), "/memories/dram0/type", "expected one of \"dram\"");
    }
    SECTION("20 missing required range key") {
        j["address_map"][0].erase("target");
        check_one(errors(j), "/address_map/0", "missing required key \"target\"");
    }
    SECTION("21 cache not on any path") {
        j["caches"]["l3"] = {{"size", "1MiB"}, {"ways", 16}};
        check_one(errors(j), "/caches/l3", "not on any CPU's path");
    }
    SECTION("22 private levels with different lines") {
        j["caches"]["l2"]["line_size"] = 128;
        check_one(errors(j), "/caches/l2/line_size", "share one line size");
    }
    SECTION("23 invalid component name") {
        j["memories"]["DRAM-0"] = j["memories"]["dram0"];
        check_one(errors(j), "/memories/DRAM-0", "must start with a lowercase letter");
    }
    SECTION("24 wrong JSON type for an object") {
        j["cpu"] = 4;
        check_one(errors(j), "/cpu", "expected an object, got number 4");
    }
    SECTION("25 zero quantum") {
        j["simulation"] = {{"quantum", "0ns"}};
        check_one(errors(j), "/simulation/quantum", "greater than zero");
    }
    SECTION("26 a cache larger than host memory allows") {
        j["caches"]["l2"]["size"] = "1TiB";
        check_one(errors(j), "/caches/l2/size", "must be at most 1GiB");
    }
    SECTION("27 an SLC slice larger than host memory allows") {
        j["home_agents"] = {{"slc", {{"size", "2GiB"}}}};
        check_one(errors(j), "/home_agents/slc/size", "must be at most 1GiB");
    }
    SECTION("28 a device larger than its page directory allows") {
        j["memories"]["dram1"]["size"] = "2048PiB";
        check_one(errors(j), "/memories/dram1/size", "must be at most 1PiB");
    }
    SECTION("29 a snoop filter larger than host memory allows") {
        j["home_agents"] = {{"snoop_filter_entries", 1ULL << 27}};
        check_one(errors(j), "/home_agents/snoop_filter_entries", "must be at most 67108864");
    }
    SECTION("30 two ranges on the same device bytes") {
        j["address_map"][1]["target"] = "dram0";
        j["address_map"][1]["target_offset"] = "512MiB";
        j["address_map"][1]["size"] = "512MiB";
        j["address_map"][0]["size"] = "768MiB";
        check_one(errors(j), "/address_map/1/target_offset",
                  "maps bytes of \"dram0\" that /address_map/0 maps too (device offsets 0x0-0x2fffffff)");
    }
    SECTION("31 a device twice in one interleave set") {
        j["memories"] = {{"dram0", {{"type", "dram"}, {"size", "1GiB"}}},
                         {"cxl0", {{"type", "cxl_type3"}, {"size", "1GiB"}}}};
        j["address_map"] = Json::array({{{"name", "r"}, {"base", "0x0"}, {"size", "1GiB"},
                                         {"target", {"cxl0", "cxl0"}}}});
        check_one(errors(j), "/address_map/0/target/1", "\"cxl0\" is already in this interleave set");
    }
    SECTION("32 zero poll interval") {
        j["invalidate"] = {{"poll_interval", "0ns"}};
        check_one(errors(j), "/invalidate/poll_interval", "greater than zero");
    }
}

TEST_CASE("ranges on one device side by side are accepted", "[config]") {
    Json j = base();
    j["address_map"][0]["size"] = "512MiB";
    j["address_map"][1]["target"] = "dram0";
    j["address_map"][1]["target_offset"] = "512MiB";
    j["address_map"][1]["size"] = "512MiB";
    CHECK(parse_system_config(j, "t.json").address_map.size() == 2);
}

TEST_CASE("caches within limits can still add up past the host budget", "[config]") {
    Json j = base();
    j["cpu"]["count"] = 256;
    j["caches"]["l2"]["size"] = "64MiB";
    SECTION("private caches times CPUs") {
        j["home_agents"] = {{"snoop_filter_entries", 16 * 1024}};
        check_one(errors(j), "/caches/l2/size", "would take 20.3GiB of host memory");
        CHECK_THAT(errors(j)[0].message, Catch::Contains("20.2GiB of it here"));
    }
    SECTION("the automatic snoop filter grows with them") {
        check_one(errors(j), "/home_agents/snoop_filter_entries", "(automatic: twice the CPUs' last-level");
    }
    SECTION("the largest shipped shape fits") {
        j["cpu"]["count"] = 64;
        j["caches"]["l2"]["size"] = "2MiB";
        CHECK_NOTHROW(parse_system_config(j, "t.json"));
    }
}

TEST_CASE("several problems are reported together", "[config]") {
    Json j = base();
    j["caches"]["l1d"]["ways"] = "four";
    j["cpu"]["frequency"] = "fast";
    const auto ds = errors(j);
    REQUIRE(ds.size() == 2);
    CHECK(ds[0].pointer == "/cpu/frequency");
    CHECK(ds[1].pointer == "/caches/l1d/ways");
}

TEST_CASE("syntax errors name the line and column", "[config]") {
    try {
        parse_json_text("{\n  \"a\": 1,\n  }", "bad.json");
        FAIL("accepted");
    } catch (const InputError& e) {
        CHECK(e.diagnostics()[0].file == "bad.json");
        CHECK_THAT(e.diagnostics()[0].message, Catch::Contains("line 3"));
    }
}

TEST_CASE("an override's value with a repeated key is rejected", "[config]") {
    CHECK_THROWS_AS(parse_override(R"(caches.l1d={"ways": 2, "ways": 4})"), InputError);
    CHECK(parse_override(R"(caches.l1d={"ways": 2})").value["ways"] == 2);
}

TEST_CASE("an unknown key typed in --set says it came from --set", "[config]") {
    const auto ds = errors(base(), {"cachez.l1d.ways=4"});
    check_one(ds, "/cachez", "unknown key \"cachez\" (did you mean \"caches\"?)");
    CHECK(ds[0].origin == "--set cachez.l1d.ways=4");
    // A value set inside an existing object keeps its own origin, and an
    // error elsewhere in that object does not claim one.
    const auto other = errors(base(), {"caches.l1d.wayz=4"});
    check_one(other, "/caches/l1d/wayz", "did you mean \"ways\"");
    CHECK(other[0].origin == "--set caches.l1d.wayz=4");
    Json j = base();
    j["caches"]["l1d"]["ways"] = 0;
    const auto file_error = errors(j, {"caches.l1d.size=8KiB"});
    REQUIRE(!file_error.empty());
    CHECK(file_error[0].pointer == "/caches/l1d/ways");
    CHECK(file_error[0].origin.empty());
}

TEST_CASE("configs may carry comments", "[config]") {
    const Json j = parse_json_text("{ // c\n \"a\": /* x */ 1 }", "c.json");
    CHECK(j["a"] == 1);
}

TEST_CASE("override syntax errors and unreachable paths", "[config]") {
    CHECK_THROWS_AS(parse_override("no-equals-sign"), InputError);
    CHECK_THROWS_AS(parse_override("a..b=1"), InputError);
    CHECK(parse_override("a.b=64KiB").value == "64KiB");
    CHECK(parse_override("a.b=4").value == 4);
    const auto ds = errors(base(), {"address_map.7.size=4KiB"});
    check_one(ds, "/address_map", "not an index of this array of 2");
    check_one(errors(base(), {"cpu.count.x=1"}), "/cpu/count", "not an object");
}

TEST_CASE("relative paths resolve against the referring file", "[config]") {
    CHECK(resolve_relative("scenarios/a.json", "../configs/x.json") == "configs/x.json");
    CHECK(resolve_relative("/abs/s/a.json", "c.json") == "/abs/s/c.json");
    CHECK(resolve_relative("builtin:scenarios/default.json", "../configs/default.json") ==
          "builtin:configs/default.json");
    CHECK(resolve_relative("s/a.json", "/etc/c.json") == "/etc/c.json");
}
