#include <catch2/catch.hpp>

#include "models/noc/address_map.h"

using namespace invalsim::noc;

TEST_CASE("address map decodes ranges and reports holes", "[noc]") {
    AddressMap map({AddressRange::single("hi", 0x100000000ULL, 0x1000, 1, 0x40), AddressRange::single("lo", 0x0, 0x2000, 0, 0)});
    REQUIRE(map.decode(0x0) != nullptr);
    CHECK(map.decode(0x1fff)->name == "lo");
    CHECK(map.decode(0x2000) == nullptr);
    CHECK(map.decode(0x100000800ULL)->target == 1);
    CHECK(map.decode(0x100001000ULL) == nullptr);
    CHECK(map.decode(~0ULL) == nullptr);
    const AddressRange* r = map.decode(0x1ff8);
    CHECK(r->contains(0x1ff8, 8));
    CHECK_FALSE(r->contains(0x1ff8, 9));
}

TEST_CASE("overlap detection finds the first overlapping pair", "[noc]") {
    std::vector<AddressRange> ok = {AddressRange::single("a", 0, 0x1000, 0, 0), AddressRange::single("b", 0x1000, 0x1000, 0, 0)};
    CHECK_FALSE(AddressMap::find_overlap(ok));
    std::vector<AddressRange> bad = {AddressRange::single("a", 0x3000, 0x1000, 0, 0),
                                     AddressRange::single("b", 0x0, 0x1000, 0, 0),
                                     AddressRange::single("c", 0x3fff, 0x10, 0, 0)};
    auto o = AddressMap::find_overlap(bad);
    REQUIRE(o);
    CHECK(o->first == 0);
    CHECK(o->second == 2);
    std::vector<AddressRange> top = {AddressRange::single("a", ~0ULL - 0xfff, 0x1000, 0, 0), AddressRange::single("b", ~0ULL - 0x7ff, 8, 0, 0)};
    CHECK(AddressMap::find_overlap(top));
}
