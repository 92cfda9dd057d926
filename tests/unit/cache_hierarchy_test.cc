#include <catch2/catch.hpp>

#include "fake_memory.h"
#include "models/cache/cache_core.h"

using namespace invalsim;
using cache::CacheCore;
using cache::CacheParams;
using cache::LineState;
using coherence::LineRequest;
using coherence::Req;
using common::Duration;

namespace {

// An L1 above an L2: the L1's port is the L2 core itself; the hierarchy view
// recalls from the L1 and probes both, as the CPU tile does.
struct TwoLevels : cache::LinePort {
    struct View : cache::Hierarchy {
        TwoLevels* t;
        CacheCore* self;
        bool recall_above(common::Addr addr, std::uint8_t* data) override {
            if (self != t->l2.get()) return false;
            return t->l1->snoop(coherence::Snoop::Invalidate, addr, data, false).dirty;
        }
        bool held_elsewhere(common::Addr addr) const override {
            CacheCore* other = self == t->l1.get() ? t->l2.get() : t->l1.get();
            return cache::is_valid(other->probe(addr));
        }
    };

    explicit TwoLevels(bool inclusive) {
        CacheParams p1;
        p1.size_bytes = 512;  // 1 set x 8 ways: holds more of L2 set 0 than the L2 can
        p1.ways = 8;
        CacheParams p2;
        p2.size_bytes = 1024;  // 4 sets x 4 ways
        p2.ways = 4;
        p2.inclusive = inclusive;
        cache::Placement top;
        top.below_includes = inclusive;
        cache::Placement last;
        last.source = coherence::Source::L2;
        last.last_private = true;
        l2 = std::make_unique<CacheCore>(p2, Duration::ns(5), mem, 1, last);
        l1 = std::make_unique<CacheCore>(p1, Duration::ns(1), *this, 1, top);
        v1.t = v2.t = this;
        v1.self = l1.get();
        v2.self = l2.get();
        l1->set_hierarchy(&v1);
        l2->set_hierarchy(&v2);
    }
    void request(LineRequest& r, Duration& d) override { l2->serve(r, d); }

    test::FakeMemory mem;
    std::unique_ptr<CacheCore> l1, l2;
    View v1, v2;
};

void store(CacheCore& c, common::Addr a, std::uint8_t v) {
    Duration d;
    c.store(a, &v, 1, d);
}

}  // namespace

SCENARIO("an inclusive last level recalls dirty lines from above before evicting", "[cache][hierarchy]") {
    TwoLevels h(true);
    // Lines 0x000, 0x100, 0x200, 0x300 and 0x400 all map to L2 set 0.
    store(*h.l1, 0x000, 0xAB);
    REQUIRE(h.l1->probe(0x000) == LineState::Modified);
    REQUIRE(h.l2->probe(0x000) == LineState::Exclusive);  // granted to the L1, not yet dirty here
    for (common::Addr a = 0x100; a <= 0x400; a += 0x100) {
        Duration d;
        std::uint8_t b;
        h.l1->load(a, &b, 1, d);
    }
    THEN("the L1's newer data reaches memory and neither level keeps the line") {
        CHECK(h.l1->probe(0x100) == LineState::Exclusive);
        CHECK(h.l2->probe(0x000) == LineState::Invalid);
        CHECK(h.l1->probe(0x000) == LineState::Invalid);
        CHECK(h.mem.byte(0x000) == 0xAB);
        CHECK(h.mem.count(Req::WriteBack) == 1);
    }
}

SCENARIO("a non-inclusive last level evicts without touching the level above", "[cache][hierarchy]") {
    TwoLevels h(false);
    store(*h.l1, 0x000, 0xCD);
    for (common::Addr a = 0x100; a <= 0x400; a += 0x100) {
        Duration d;
        std::uint8_t b;
        std::uint8_t line[64];
        LineRequest r{Req::ReadShared, a, 64, line, 0};
        h.l2->serve(r, d);  // traffic that only the L2 sees
        (void)b;
    }
    THEN("the L1 keeps its dirty line, and the clean L2 copy leaves silently") {
        CHECK(h.l1->probe(0x000) == LineState::Modified);
        CHECK(h.l2->probe(0x000) == LineState::Invalid);
        CHECK(h.mem.count(Req::CleanEvict) == 0);  // the CPU still holds the line
    }
    AND_THEN("the L1's later write-back allocates in the L2") {
        Duration d;
        h.l1->maintain_line(cache::MaintenanceOp::CleanInvalidate, 0x000, d);
        CHECK(h.l2->probe(0x000) == LineState::Modified);
    }
}

TEST_CASE("a clean line leaving the last private level is reported below", "[cache][hierarchy]") {
    TwoLevels h(true);
    Duration d;
    std::uint8_t b;
    for (common::Addr a = 0x000; a <= 0x400; a += 0x100) h.l1->load(a, &b, 1, d);
    CHECK(h.mem.count(Req::CleanEvict) == 1);  // the snoop filter learns the CPU let go
}

TEST_CASE("a store to a Shared line upgrades instead of refetching", "[cache][hierarchy]") {
    test::FakeMemory mem;
    mem.grant_on_read = LineState::Shared;
    CacheParams p;
    p.size_bytes = 1024;
    p.ways = 4;
    cache::Placement last;
    last.last_private = true;
    CacheCore c(p, Duration::ns(1), mem, 1, last);
    Duration d;
    std::uint8_t b = 1;
    c.load(0x40, &b, 1, d);
    REQUIRE(c.probe(0x40) == LineState::Shared);
    c.store(0x40, &b, 1, d);
    CHECK(c.probe(0x40) == LineState::Modified);
    CHECK(mem.count(Req::Upgrade) == 1);
    CHECK(mem.count(Req::ReadUnique) == 0);
    CHECK(c.stats().upgrades == 1);
}

TEST_CASE("prefetched lines are counted when demand first uses them", "[cache][prefetch]") {
    test::FakeMemory mem;
    CacheParams p;
    p.size_bytes = 4096;
    p.ways = 4;
    p.prefetcher = cache::PrefetcherKind::NextLine;
    p.prefetch_degree = 2;
    CacheCore c(p, Duration::ns(1), mem, 1);
    Duration d;
    std::uint8_t b;
    c.load(0x1000, &b, 1, d);
    CHECK(c.stats().prefetch_misses == 2);
    CHECK(d == Duration::ns(101));  // prefetches do not delay the demand
    c.load(0x1040, &b, 1, d);
    c.load(0x1048, &b, 1, d);
    CHECK(c.stats().prefetch_useful == 1);
    CHECK(c.stats().read_hits == 2);
    CHECK(c.stats().read_misses == 1);
    CHECK(c.stats().accesses() == 3);  // prefetch fills are not demand accesses
}

TEST_CASE("a prefetch whose line is already cached is counted as a prefetch hit", "[cache][prefetch]") {
    test::FakeMemory mem;
    CacheParams p;
    p.size_bytes = 4096;
    p.ways = 4;
    p.prefetcher = cache::PrefetcherKind::NextLine;
    p.prefetch_degree = 1;
    CacheCore c(p, Duration::ns(1), mem, 1);
    Duration d;
    std::uint8_t b;
    c.load(0x1040, &b, 1, d);  // miss: prefetches 0x1080
    c.load(0x1000, &b, 1, d);  // miss: its next line 0x1040 is already here
    CHECK(c.stats().prefetch_misses == 1);
    CHECK(c.stats().prefetch_hits == 1);
    CHECK(c.stats().prefetches() == 2);
    CHECK(c.stats().prefetch_received == 0);
    CHECK(mem.reads == 3);  // two demand misses and one prefetch fill
}

SCENARIO("a lower level keeps demand, prefetch and write-back traffic from above apart",
         "[cache][hierarchy][stats]") {
    test::FakeMemory mem;
    CacheParams p2;
    p2.size_bytes = 4096;
    p2.ways = 4;
    cache::Placement last;
    last.last_private = true;
    CacheCore l2(p2, Duration::ns(5), mem, 1, last);
    std::uint8_t line[64] = {};
    auto ask = [&](Req type, common::Addr a, bool prefetch) {
        LineRequest r{type, a, 64, line, 0};
        r.prefetch = prefetch;
        Duration d;
        l2.serve(r, d);
    };
    GIVEN("a demand miss, a prefetch miss, a prefetch hit and two write-backs from the L1") {
        ask(Req::ReadShared, 0x000, false);
        ask(Req::ReadShared, 0x040, true);
        ask(Req::ReadShared, 0x000, true);
        ask(Req::WriteBack, 0x000, false);  // the line is here
        ask(Req::WriteBack, 0x080, false);  // it is not: the whole line allocates
        ask(Req::ReadShared, 0x080, false);
        THEN("only the demand reads make the hit rate") {
            const cache::CacheStats& s = l2.stats();
            CHECK(s.read_misses == 1);
            CHECK(s.read_hits == 1);
            CHECK(s.write_hits + s.write_misses == 0);
            CHECK(s.accesses() == 2);
            CHECK(s.hit_rate() == Approx(0.5));
            CHECK(s.prefetch_received == 2);
            CHECK(s.prefetch_misses == 1);
            CHECK(s.prefetch_hits == 1);
            CHECK(s.received_writeback_hits == 1);
            CHECK(s.received_writeback_misses == 1);
            CHECK(s.received_writebacks() == 2);
            CHECK(mem.reads == 2);  // no read for the allocating write-back
        }
    }
}

SCENARIO("an L1 prefetch reaches the level below marked as a prefetch", "[cache][hierarchy][stats]") {
    test::FakeMemory mem;
    CacheParams p2;
    p2.size_bytes = 4096;
    p2.ways = 4;
    cache::Placement last;
    last.last_private = true;
    CacheCore l2(p2, Duration::ns(5), mem, 1, last);
    struct Port : cache::LinePort {
        CacheCore* below = nullptr;
        void request(LineRequest& r, Duration& d) override { below->serve(r, d); }
    } port;
    port.below = &l2;
    CacheParams p1;
    p1.size_bytes = 1024;
    p1.ways = 4;
    p1.prefetcher = cache::PrefetcherKind::NextLine;
    p1.prefetch_degree = 2;
    cache::Placement top;
    CacheCore l1(p1, Duration::ns(1), port, 1, top);
    Duration d;
    std::uint8_t b;
    l1.load(0x2000, &b, 1, d);
    CHECK(l1.stats().read_misses == 1);
    CHECK(l1.stats().prefetch_misses == 2);
    CHECK(l2.stats().read_misses == 1);
    CHECK(l2.stats().accesses() == 1);
    CHECK(l2.stats().prefetch_received == 2);
    CHECK(l2.stats().prefetch_misses == 2);
    CHECK(mem.prefetches == 2);  // the L2's fills for them stay marked below
    CHECK(mem.reads == 3);
}

TEST_CASE("snoops that miss are counted as received too", "[cache][stats]") {
    test::FakeMemory mem;
    CacheParams p;
    p.size_bytes = 1024;
    p.ways = 4;
    CacheCore c(p, Duration::ns(1), mem, 1);
    Duration d;
    std::uint8_t b;
    c.load(0x40, &b, 1, d);
    std::uint8_t data[64];
    c.snoop(coherence::Snoop::Shared, 0x40, data, false);
    c.snoop(coherence::Snoop::Invalidate, 0x1000, data, false);
    c.snoop(coherence::Snoop::Invalidate, 0x40, data, false);
    CHECK(c.stats().snoop_hits == 2);
    CHECK(c.stats().snoop_misses == 1);
    CHECK(c.stats().snoops() == 3);
    CHECK(c.stats().snoop_invalidations == 1);
}
