#include <catch2/catch.hpp>

#include "fake_memory.h"
#include "models/cache/cache_core.h"

namespace coherence = invalsim::coherence;

using namespace invalsim::cache;
using invalsim::common::Duration;
using invalsim::test::FakeMemory;

namespace {

CacheParams small_cache() {
    CacheParams p;
    p.size_bytes = 1024;  // 4 sets x 4 ways x 64 B
    p.ways = 4;
    p.line_bytes = 64;
    return p;
}

std::uint64_t read64(CacheCore& c, std::uint64_t addr, Duration& d) {
    std::uint8_t b[8];
    c.load(addr, b, 8, d);
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | b[i];
    return v;
}

void write64(CacheCore& c, std::uint64_t addr, std::uint64_t v, Duration& d) {
    std::uint8_t b[8];
    for (int i = 0; i < 8; ++i) b[i] = static_cast<std::uint8_t>(v >> (8 * i));
    c.store(addr, b, 8, d);
}

// Stride that maps every access to set 0 of the small cache.
constexpr std::uint64_t kSetStride = 4 * 64;

}  // namespace

SCENARIO("a read misses once, then hits", "[cache]") {
    FakeMemory mem;
    mem.fill = 0x5A;
    CacheCore c(small_cache(), Duration::ns(1), mem, 1);
    Duration d;
    CHECK(read64(c, 0x1000, d) == 0x5A5A5A5A5A5A5A5AULL);
    CHECK(d == Duration::ns(101));  // hit latency + one line from below
    Duration d2;
    read64(c, 0x1008, d2);
    CHECK(d2 == Duration::ns(1));
    CHECK(c.stats().read_misses == 1);
    CHECK(c.stats().read_hits == 1);
    CHECK(mem.reads == 1);
}

SCENARIO("dirty lines are written back when evicted, clean ones are dropped", "[cache]") {
    FakeMemory mem;
    CacheCore c(small_cache(), Duration::ns(1), mem, 1);
    Duration d;
    GIVEN("a set filled with one dirty and three clean lines") {
        write64(c, 0, 0xDEADBEEF, d);
        for (int i = 1; i < 4; ++i) read64(c, i * kSetStride, d);
        WHEN("a fifth line maps to the set") {
            Duration miss;
            read64(c, 4 * kSetStride, miss);
            THEN("the LRU dirty line goes below with its data, off the miss's path") {
                CHECK(c.stats().evictions == 1);
                CHECK(c.stats().writebacks == 1);
                CHECK(mem.writes == 1);
                CHECK(mem.byte(0) == 0xEF);
                CHECK(miss == Duration::ns(101));
                CHECK(c.probe(0) == LineState::Invalid);
            }
        }
    }
}

TEST_CASE("a store miss reads the line for ownership; a write-back from above does not", "[cache]") {
    FakeMemory mem;
    CacheCore c(small_cache(), Duration::ns(1), mem, 1);
    std::uint8_t line[64];
    for (int i = 0; i < 64; ++i) line[i] = static_cast<std::uint8_t>(i);
    Duration d;
    c.store(0x40, line, 64, d);
    CHECK(mem.count(coherence::Req::ReadUnique) == 1);
    CHECK(c.probe(0x40) == LineState::Modified);
    CHECK(read64(c, 0x48, d) == 0x0F0E0D0C0B0A0908ULL);
    // A whole dirty line arriving from an upper level is installed directly.
    coherence::LineRequest wb{coherence::Req::WriteBack, 0x80, 64, line, 0};
    c.serve(wb, d);
    CHECK(mem.reads == 1);
    CHECK(c.probe(0x80) == LineState::Modified);
    CHECK(read64(c, 0x80, d) == 0x0706050403020100ULL);
}

SCENARIO("maintenance of one line", "[cache][maintenance]") {
    FakeMemory mem;
    CacheCore c(small_cache(), Duration::ns(1), mem, 1);
    Duration d;
    write64(c, 0x100, 0x77, d);
    WHEN("cleaned") {
        const auto r = c.maintain_line(MaintenanceOp::Clean, 0x100, d);
        THEN("the data reaches memory and the line stays, clean") {
            CHECK(r.written_back == 1);
            CHECK(r.invalidated == 0);
            CHECK(mem.byte(0x100) == 0x77);
            CHECK(c.probe(0x100) == LineState::Exclusive);
        }
    }
    WHEN("invalidated without cleaning") {
        const auto r = c.maintain_line(MaintenanceOp::Invalidate, 0x100, d);
        THEN("the dirty data is lost, as DC IVAC loses it") {
            CHECK(r.written_back == 0);
            CHECK(r.invalidated == 1);
            CHECK(mem.writes == 0);
            CHECK(c.probe(0x100) == LineState::Invalid);
            CHECK(read64(c, 0x100, d) == 0);
        }
    }
    WHEN("cleaned and invalidated") {
        const auto r = c.maintain_line(MaintenanceOp::CleanInvalidate, 0x100, d);
        THEN("memory has the data and the cache has no copy") {
            CHECK(r.written_back == 1);
            CHECK(r.invalidated == 1);
            CHECK(mem.byte(0x100) == 0x77);
            CHECK(c.probe(0x100) == LineState::Invalid);
        }
    }
}

SCENARIO("range maintenance touches only the range, at bounded cost", "[cache][maintenance]") {
    FakeMemory mem;
    CacheCore c(small_cache(), Duration::ns(1), mem, 1);
    Duration d;
    for (std::uint64_t a = 0; a < 16 * 64; a += 64) write64(c, a, a, d);  // fills the cache
    REQUIRE(c.valid_lines() == 16);
    WHEN("a small range is cleaned and invalidated") {
        const auto r = c.maintain_range(MaintenanceOp::CleanInvalidate, 0x80, 0x80, d);
        THEN("exactly its two lines go, after two lookups") {
            CHECK(r.examined == 2);
            CHECK(r.invalidated == 2);
            CHECK(r.written_back == 2);
            CHECK(c.valid_lines() == 14);
            CHECK(c.probe(0x40) == LineState::Modified);
            CHECK(c.probe(0x100) == LineState::Modified);
        }
    }
    WHEN("a 1 TiB range is maintained") {
        const auto r = c.maintain_range(MaintenanceOp::CleanInvalidate, 0, 1ULL << 40, d);
        THEN("the cost is the tag array (16 entries), not the range") {
            CHECK(r.examined == 16);
            CHECK(r.invalidated == 16);
            CHECK(c.valid_lines() == 0);
            CHECK(mem.byte(0x3C0) == 0xC0);
        }
    }
    WHEN("a range just outside the cached lines is maintained") {
        const auto r = c.maintain_range(MaintenanceOp::CleanInvalidate, 16 * 64, 1ULL << 30, d);
        THEN("nothing is lost") {
            CHECK(r.invalidated == 0);
            CHECK(c.valid_lines() == 16);
        }
    }
}

TEST_CASE("whole-cache clean leaves every line valid and clean", "[cache][maintenance]") {
    FakeMemory mem;
    CacheCore c(small_cache(), Duration::ns(1), mem, 1);
    Duration d;
    for (std::uint64_t a = 0; a < 8 * 64; a += 64) write64(c, a, a + 1, d);
    const auto r = c.maintain_all(MaintenanceOp::Clean, d);
    CHECK(r.examined == 16);
    CHECK(r.written_back == 8);
    CHECK(c.valid_lines() == 8);
    CHECK(c.maintain_all(MaintenanceOp::Clean, d).written_back == 0);
    for (std::uint64_t a = 0; a < 8 * 64; a += 64) CHECK(mem.byte(a) == static_cast<std::uint8_t>(a + 1));
}

TEST_CASE("cache params validation names the parameter at fault", "[cache][config]") {
    CacheParams p;
    p.ways = 0;
    REQUIRE(p.validate().size() == 1);
    CHECK(p.validate()[0].field == "ways");
    p = CacheParams{};
    p.size_bytes = 3 * 64 * 8;  // 3 sets
    REQUIRE(p.validate().size() == 1);
    CHECK(p.validate()[0].field == "size");
    CHECK_THAT(p.validate()[0].message, Catch::Contains("power of two"));
    p = CacheParams{};
    p.line_bytes = 48;
    CHECK(p.validate()[0].field == "line_size");
    p = CacheParams{};
    p.replacement = ReplacementKind::TreePlru;
    p.ways = 6;
    p.size_bytes = 6 * 64 * 16;
    CHECK_THAT(p.validate()[0].message, Catch::Contains("tree-plru"));
}

// One set of four ways with random replacement, seed 42: its victims are
// 0, 1, 2, 3, ... (see the replacement test), so a known access sequence
// gives known hits, misses and contents.
SCENARIO("random replacement on a known access sequence", "[cache][replacement]") {
    FakeMemory mem;
    CacheParams p;
    p.size_bytes = 256;
    p.ways = 4;
    p.replacement = ReplacementKind::Random;
    CacheCore c(p, Duration::ns(1), mem, 42);
    const std::uint64_t line[] = {0x000, 0x100, 0x200, 0x300, 0x400, 0x500};
    // A0-A3 fill the free ways; A4 evicts way 0 (A0), A5 way 1 (A1), A0 way 2
    // (A2); A3 still hits; A1 evicts way 3 (A3).
    const int sequence[] = {0, 1, 2, 3, 4, 5, 0, 3, 1};
    const bool hits[] = {false, false, false, false, false, false, false, true, false};
    for (std::size_t i = 0; i < 9; ++i) {
        Duration d;
        std::uint8_t b;
        CHECK(c.load(line[sequence[i]], &b, 1, d) == hits[i]);
    }
    CHECK(c.stats().read_hits == 1);
    CHECK(c.stats().evictions == 4);
    CHECK(c.probe(line[2]) == LineState::Invalid);
    CHECK(c.probe(line[3]) == LineState::Invalid);
    for (int k : {0, 1, 4, 5}) CHECK(c.probe(line[k]) != LineState::Invalid);
}
