#include <catch2/catch.hpp>

#include "models/cache/tag_array.h"

using namespace invalsim::cache;

TEST_CASE("tag array indexes sets by the low line-number bits", "[cache]") {
    TagArray t(64, 4, 64);  // 16 KiB
    CHECK(t.line_of(0x12345) == 0x12345 / 64);
    CHECK(t.set_of(t.line_of(0x1000)) == (0x1000 / 64) % 64);
    CHECK(t.set_of(t.line_of(0x1000)) == t.set_of(t.line_of(0x1000 + 64 * 64)));
    CHECK(t.addr_of(t.line_of(0x1234)) == 0x1200);
}

TEST_CASE("tag array installs, finds and clears lines", "[cache]") {
    TagArray t(64, 4, 64);
    const std::uint64_t line = t.line_of(0x4000);
    CHECK(t.find(line) == TagArray::kNoWay);
    CHECK(t.free_way(t.set_of(line)) == 0);
    t.install(line, 2, LineState::Exclusive);
    CHECK(t.find(line) == 2);
    CHECK(t.state(t.set_of(line), 2) == LineState::Exclusive);
    CHECK(t.valid_lines() == 1);
    CHECK(t.free_way(t.set_of(line)) == 0);
    t.clear(t.set_of(line), 2);
    CHECK(t.find(line) == TagArray::kNoWay);
    CHECK(t.valid_lines() == 0);
}
