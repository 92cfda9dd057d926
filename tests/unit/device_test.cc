#include <catch2/catch.hpp>

#include <set>
#include <vector>

#include "models/cxl/cxl_backend.h"
#include "models/cxl/hdm_decoder.h"
#include "models/nvdimm/nvdimm_backend.h"

using namespace invalsim;
using common::Duration;
using cxl::HdmDecoder;

TEST_CASE("HDM decode squeezes the interleave out of host addresses", "[cxl]") {
    const common::Addr base = 0x100'0000'0000ULL;
    HdmDecoder d0{base, 1ULL << 30, 2, 4096, 0, 0, true};
    HdmDecoder d1{base, 1ULL << 30, 2, 4096, 1, 0, true};
    CHECK(d0.owns(base));
    CHECK(d1.owns(base + 4096));
    CHECK_FALSE(d0.owns(base + 4096));
    CHECK(d0.to_dpa(base + 8192 + 5) == 4096 + 5);
    CHECK(d1.to_dpa(base + 4096 + 100) == 100);
    CHECK(d0.dpa_size() == 512ULL << 20);
    // Every host address is owned by exactly one device, and each device's
    // addresses are dense.
    std::set<std::uint64_t> dpa0, dpa1;
    for (common::Addr a = base; a < base + 16 * 4096; a += 512) {
        CHECK(d0.owns(a) != d1.owns(a));
        (d0.owns(a) ? dpa0 : dpa1).insert((d0.owns(a) ? d0 : d1).to_dpa(a));
    }
    CHECK(*dpa0.rbegin() < 8 * 4096);
    CHECK(dpa0.size() == dpa1.size());
}

TEST_CASE("three-way interleave uses modulo arithmetic", "[cxl]") {
    HdmDecoder d{0, 3 * 256 * 4, 3, 256, 2, 0x1000, true};
    CHECK(cxl::interleave_position(512, 0, 3, 256) == 2);
    CHECK(d.owns(512));
    CHECK(d.to_dpa(512 + 7) == 0x1000 + 7);
    CHECK(d.to_dpa(3 * 256 + 512) == 0x1000 + 256);
    CHECK(HdmDecoder::valid_ways(12));
    CHECK_FALSE(HdmDecoder::valid_ways(5));
    CHECK_FALSE(HdmDecoder::valid_granularity(128));
    CHECK(HdmDecoder::valid_granularity(16384));
}

TEST_CASE("CXL timing: idle read is the sum of its parts; the link queues", "[cxl]") {
    cxl::CxlParams p;
    cxl::CxlBackend b(p);
    b.add_decoder({0, 1ULL << 30, 1, 4096, 0, 0, true});
    std::uint64_t dpa = 0;
    REQUIRE(b.translate(0x1234, dpa));
    CHECK(dpa == 0x1234);
    b.decoders()[0].committed = false;
    CHECK_FALSE(b.translate(0x1234, dpa));
    const Duration idle = b.idle_read_latency(64);
    // 2 x (20 + 15 + 25) + 50 + 64 B at 25.6 GB/s + 64 B at 29.65 GB/s
    CHECK(idle.as_ps() == 120000 + 50000 + 2500 + 2159);
    CHECK(b.access(Duration(), 0, 64, true) == idle);
    // A second read at the same instant waits for the first one's transfers.
    CHECK(b.access(Duration(), 64, 64, true) > idle);
    CHECK(p.link_bandwidth_gbps() == Approx(29.6541).epsilon(0.0001));
}

TEST_CASE("CXL link efficiency follows the link generation", "[cxl]") {
    cxl::CxlParams p;
    p.link_width = 8;
    // 8-32 GT/s: 128b/130b encoding and 68-byte flits carrying 64 bytes.
    for (std::uint32_t gts : {8u, 16u, 32u}) {
        p.link_gts = gts;
        CHECK(p.flit_bytes() == 68);
        CHECK(p.link_bandwidth_gbps() == Approx(gts * 128.0 / 130.0 * 64.0 / 68.0));
    }
    // 64 GT/s: PCIe 6.0 flit mode, 256-byte flits with 240 bytes of slots.
    p.link_gts = 64;
    CHECK(p.flit_bytes() == 256);
    CHECK(p.link_bandwidth_gbps() == Approx(60.0));
    p.link_width = 16;
    CHECK(p.link_bandwidth_gbps() == Approx(120.0));
    // 64 GT/s x8 moves a 64-byte line in 64 / 60 GB/s, not 64 / (64 x 64/68).
    cxl::CxlBackend b(p);
    CHECK(b.idle_read_latency(64) == p.root_port_latency * 2 + p.link_latency * 2 +
                                         p.controller_latency * 2 + p.media_read_latency +
                                         common::transfer_time(64, 25.6) + common::transfer_time(64, 120.0));
}

TEST_CASE("NVDIMM accesses cost whole media units at asymmetric bandwidth", "[nvdimm]") {
    nvdimm::NvdimmParams p;
    nvdimm::NvdimmBackend b(p);
    const Duration read64 = b.access(Duration(), 0, 64, true);
    CHECK(read64 == p.read_latency + common::transfer_time(256, 6.6));
    CHECK(b.idle_read_latency(64) == read64);
    nvdimm::NvdimmBackend w(p);
    CHECK(w.access(Duration(), 0, 64, false) == p.write_latency + common::transfer_time(256, 2.3));
    // 64 bytes straddling two units cost both.
    nvdimm::NvdimmBackend s(p);
    CHECK(s.access(Duration(), 224, 64, true) == p.read_latency + common::transfer_time(512, 6.6));
    CHECK_FALSE(b.locked());
    b.set_locked(true);
    CHECK(b.locked());
}

TEST_CASE("HDM decode at 4, 8 and 16 ways with 16 KiB granularity", "[cxl]") {
    const common::Addr base = 0x200'0000'0000ULL;
    const std::uint64_t g = 16384;
    SECTION("4 ways, position 3") {
        HdmDecoder d{base, 4 * g * 8, 4, g, 3, 0x4000'0000ULL, true};
        CHECK(d.owns(base + 3 * g));
        CHECK(d.owns(base + 3 * g + g - 1));
        CHECK_FALSE(d.owns(base + 4 * g));
        CHECK(d.to_dpa(base + 3 * g + 10) == 0x4000'0000ULL + 10);
        CHECK(d.to_dpa(base + 7 * g + 10) == 0x4000'0000ULL + g + 10);
        CHECK(d.dpa_size() == 8 * g);
    }
    SECTION("8 ways, position 5") {
        HdmDecoder d{base, 8 * g * 8, 8, g, 5, 0, true};
        CHECK(d.owns(base + 5 * g));
        CHECK_FALSE(d.owns(base + 6 * g));
        CHECK(d.owns(base + (8 * 3 + 5) * g + 123));
        CHECK(d.to_dpa(base + (8 * 3 + 5) * g + 123) == 3 * g + 123);
        CHECK_FALSE(d.owns(base + 8 * g * 8 + 5 * g));  // beyond the decoder's range
    }
    SECTION("16 ways, position 11 and 0") {
        HdmDecoder d11{base, 16 * g * 4, 16, g, 11, 0x1000'0000ULL, true};
        HdmDecoder d0{base, 16 * g * 4, 16, g, 0, 0, true};
        CHECK(d11.owns(base + 11 * g));
        CHECK(d11.to_dpa(base + (16 + 11) * g + 1) == 0x1000'0000ULL + g + 1);
        CHECK(d0.owns(base + 16 * g));
        CHECK(d0.to_dpa(base + 48 * g + g - 1) == 3 * g + g - 1);
        CHECK_FALSE(d0.owns(base + 11 * g));
        CHECK(d11.dpa_size() == 4 * g);
    }
    SECTION("every host address is owned once and device addresses are dense") {
        for (std::uint32_t ways : {4u, 8u, 16u}) {
            std::vector<HdmDecoder> d;
            for (std::uint32_t i = 0; i < ways; ++i) d.push_back({base, ways * g * 2, ways, g, i, 0, true});
            std::vector<std::set<std::uint64_t>> dpa(ways);
            for (common::Addr a = base; a < base + ways * g * 2; a += 4096) {
                int owners = 0;
                for (std::uint32_t i = 0; i < ways; ++i) {
                    if (!d[i].owns(a)) continue;
                    ++owners;
                    dpa[i].insert(d[i].to_dpa(a));
                }
                CHECK(owners == 1);
            }
            for (std::uint32_t i = 0; i < ways; ++i) {
                REQUIRE(dpa[i].size() == 2 * g / 4096);
                CHECK(*dpa[i].rbegin() == 2 * g - 4096);
            }
        }
    }
}
