#include <catch2/catch.hpp>

#include <set>
#include <vector>

#include "models/cxl/hdm_decoder.h"
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

TEST_CASE("decoding remembers the last range without answering for its neighbours", "[noc]") {
    AddressMap map({AddressRange::single("a", 0x0, 0x1000, 0, 0), AddressRange::single("b", 0x1000, 0x1000, 1, 0),
                    AddressRange::single("c", 0x3000, 0x1000, 2, 0)});
    CHECK(map.decode(0x1800)->name == "b");
    CHECK(map.decode(0x0fff)->name == "a");      // just below the remembered range
    CHECK(map.decode(0x1000)->name == "b");
    CHECK(map.decode(0x2000) == nullptr);        // the hole just above it
    CHECK(map.decode(0x3000)->name == "c");
    const AddressMap copy = map;                 // a copy answers from its own ranges
    CHECK(copy.decode(0x3fff) == &copy.ranges()[2]);
    CHECK(copy.decode(0x4000) == nullptr);
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

// The router deals a multi-device range over its targets and each CXL
// device's HDM decoder claims its share by its position in the target list:
// both must agree on every address, for every interleave the CXL
// specification allows.
TEST_CASE("router interleave agrees with the HDM decoder positions", "[noc][cxl]") {
    using invalsim::cxl::HdmDecoder;
    const invalsim::common::Addr base = 0x40'0000'0000ULL;
    for (std::uint32_t ways : {1u, 2u, 3u, 4u, 6u, 8u, 12u, 16u}) {
        for (std::uint64_t g = 256; g <= 16384; g *= 2) {
            CAPTURE(ways, g);
            const std::uint64_t rounds = 4;
            const std::uint64_t size = ways * g * rounds;
            // Output ports unlike positions, as in a system where devices are
            // numbered among all memories.
            auto port_of = [](std::uint32_t position) { return 50 + 3 * position; };
            AddressRange r = AddressRange::single("region", base, size, port_of(0), 0);
            r.rebase = false;
            if (ways > 1) {
                for (std::uint32_t i = 0; i < ways; ++i) r.interleave_targets.push_back(port_of(i));
                r.interleave_granularity = g;
            }
            std::vector<HdmDecoder> dev;
            for (std::uint32_t i = 0; i < ways; ++i) dev.push_back({base, size, ways, g, i, 0x10'0000ULL * i, true});
            std::vector<std::set<std::uint64_t>> dpas(ways);
            for (std::uint64_t chunk = 0; chunk < ways * rounds; ++chunk) {
                for (std::uint64_t off : {std::uint64_t{0}, g / 2, g - 1}) {
                    const invalsim::common::Addr a = base + chunk * g + off;
                    const std::uint32_t port = r.target_of(a);
                    REQUIRE((port - 50) % 3 == 0);
                    const std::uint32_t position = (port - 50) / 3;
                    REQUIRE(position < ways);
                    CHECK(position == chunk % ways);
                    for (std::uint32_t i = 0; i < ways; ++i) CHECK(dev[i].owns(a) == (i == position));
                    const std::uint64_t dpa = dev[position].to_dpa(a);
                    CHECK(dpa - dev[position].dpa_base == (chunk / ways) * g + off);
                    dpas[position].insert(dpa);
                }
            }
            // Each device gets the same share and no two host addresses collide.
            for (std::uint32_t i = 0; i < ways; ++i) CHECK(dpas[i].size() == rounds * 3);
        }
    }
}
