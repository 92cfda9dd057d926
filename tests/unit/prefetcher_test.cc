#include <catch2/catch.hpp>

#include "models/cache/prefetcher.h"

using namespace invalsim::cache;

TEST_CASE("next-line prefetches on misses, within the page", "[cache][prefetch]") {
    NextLinePrefetcher p(2, 64);
    PrefetchList out;
    p.on_access(0x1000, false, out);
    CHECK(out.count == 0);
    p.on_access(0x1000, true, out);
    REQUIRE(out.count == 2);
    CHECK(out.addr[0] == 0x1040);
    CHECK(out.addr[1] == 0x1080);
    PrefetchList edge;
    p.on_access(0x1FC0, true, edge);
    CHECK(edge.count == 0);
}

TEST_CASE("stride prefetches once a stride repeats", "[cache][prefetch]") {
    StridePrefetcher p(2, 64);
    PrefetchList out;
    p.on_access(0x2000, true, out);  // new page entry
    p.on_access(0x2100, true, out);  // stride 4 lines seen once
    CHECK(out.count == 0);
    p.on_access(0x2200, true, out);  // seen twice: confident
    REQUIRE(out.count == 2);
    CHECK(out.addr[0] == 0x2300);
    CHECK(out.addr[1] == 0x2400);
    PrefetchList neg;
    StridePrefetcher q(1, 64);
    q.on_access(0x3F00, true, neg);
    q.on_access(0x3E00, true, neg);
    q.on_access(0x3D00, true, neg);
    REQUIRE(neg.count == 1);
    CHECK(neg.addr[0] == 0x3C00);
}
