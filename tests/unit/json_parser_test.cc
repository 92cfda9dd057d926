#include <catch2/catch.hpp>

#include "sim/config/diagnostics.h"
#include "sim/config/json_parser.h"

using namespace invalsim::config;

TEST_CASE("a key repeated in one object is an error at its path", "[config]") {
    auto duplicate = [](const std::string& text) {
        try {
            parse_json_text(text, "dup.json");
        } catch (const InputError& e) {
            REQUIRE(e.diagnostics().size() == 1);
            CHECK(e.diagnostics()[0].file == "dup.json");
            CHECK_THAT(e.diagnostics()[0].message, Catch::Contains("duplicate key"));
            return e.diagnostics()[0].pointer;
        }
        FAIL("accepted " << text);
        return std::string();
    };
    CHECK(duplicate(R"({"name": "a", "name": "b"})") == "/name");
    CHECK(duplicate(R"({"caches": {"l1d": {"ways": 2, "size": "4KiB", "ways": 4}}})") == "/caches/l1d/ways");
    CHECK(duplicate(R"({"address_map": [{"base": 0}, {"base": 0, /* again */ "base": 1}]})") ==
          "/address_map/1/base");
    CHECK(duplicate(R"([[1, 2], {"a/b": {"x": 1, "x": 1}}])") == "/1/a~1b/x");
    // The same key in sibling objects is not a repeat.
    CHECK(parse_json_text(R"({"a": {"k": 1}, "b": {"k": 2}})", "ok.json")["b"]["k"] == 2);
}

TEST_CASE("the checking parser builds the same document as nlohmann's", "[config]") {
    const std::string text = R"({"z": [1, -2, 3.5, 18446744073709551615, true, null, "s", [], {}],
                                 "a": {"nested": [{"x": [0]}, {"y": {"w": false}}]}, "m": 1e3})";
    const Json j = parse_json_text(text, "same.json");
    CHECK(j == Json::parse(text));
    CHECK(j.dump() == Json::parse(text).dump());  // same key order too
    CHECK(j["z"][3].is_number_unsigned());
    CHECK(j["z"][1].get<int>() == -2);
}
