#include <catch2/catch.hpp>

#include <set>

#include "models/home_agent/interleave.h"
#include "models/home_agent/snoop_filter.h"

using namespace invalsim::home_agent;

TEST_CASE("snoop filter tracks sharers and frees empty entries", "[home_agent]") {
    SnoopFilter sf(4, 2);
    std::optional<SnoopFilter::Entry> victim;
    auto& e = sf.obtain(10, victim);
    e.sharers.add(3);
    e.sharers.add(200);
    CHECK_FALSE(victim);
    CHECK(sf.used() == 1);
    REQUIRE(sf.find(10) != nullptr);
    CHECK(sf.find(10)->sharers.count() == 2);
    CHECK(sf.find(10)->sharers.has_other_than(3));
    sf.remove(10, 3);
    CHECK(sf.find(10) != nullptr);
    sf.remove(10, 200);
    CHECK(sf.find(10) == nullptr);
    CHECK(sf.used() == 0);
}

TEST_CASE("a full snoop-filter set gives up its least recently used entry", "[home_agent]") {
    SnoopFilter sf(1, 2);
    std::optional<SnoopFilter::Entry> victim;
    sf.obtain(1, victim).sharers.add(0);
    sf.obtain(2, victim).sharers.add(1);
    sf.find(1);  // line 2 is now the LRU
    sf.obtain(3, victim);
    REQUIRE(victim);
    CHECK(victim->line == 2);
    CHECK(victim->sharers.has(1));
    CHECK(sf.find(2) == nullptr);
    CHECK(sf.find(1) != nullptr);
}

TEST_CASE("taking a line's entry returns its sharers and frees its slot", "[home_agent]") {
    SnoopFilter sf(1, 2);
    std::optional<SnoopFilter::Entry> victim;
    sf.obtain(1, victim).sharers.add(5);
    sf.obtain(2, victim).sharers.add(7);
    const std::optional<SnoopFilter::Entry> taken = sf.take(1);
    REQUIRE(taken);
    CHECK(taken->line == 1);
    CHECK(taken->sharers.count() == 1);
    CHECK_FALSE(taken->sharers.has_other_than(5));
    CHECK(sf.find(1) == nullptr);
    CHECK(sf.used() == 1);
    CHECK_FALSE(sf.take(1));
    // The freed slot takes the next line: line 2 is not pushed out.
    sf.obtain(3, victim);
    CHECK_FALSE(victim);
    CHECK(sf.find(2) != nullptr);
}

TEST_CASE("sharer sets enumerate up to 256 CPUs", "[home_agent]") {
    SharerSet s;
    for (std::uint32_t c : {0u, 63u, 64u, 130u, 255u}) s.add(c);
    std::vector<std::uint32_t> seen;
    s.for_each([&](std::uint32_t c) { seen.push_back(c); });
    CHECK(seen == std::vector<std::uint32_t>{0, 63, 64, 130, 255});
    CHECK_FALSE(SharerSet{}.has_other_than(5));
}

TEST_CASE("interleave deals chunks round-robin, hashed or not", "[home_agent]") {
    Interleave plain(4, 4096, InterleaveHash::None);
    CHECK(plain.agent_of(0) == 0);
    CHECK(plain.agent_of(4095) == 0);
    CHECK(plain.agent_of(4096) == 1);
    CHECK(plain.agent_of(4 * 4096) == 0);
    // A 16 KiB stride hits one agent without hashing, all of them with it.
    Interleave hashed(4, 4096, InterleaveHash::Xor);
    std::set<std::uint32_t> plain_hit, hashed_hit;
    for (std::uint64_t i = 0; i < 1024; ++i) {
        plain_hit.insert(plain.agent_of(i * 16384));
        hashed_hit.insert(hashed.agent_of(i * 16384));
    }
    CHECK(plain_hit.size() == 1);
    CHECK(hashed_hit.size() == 4);
}
