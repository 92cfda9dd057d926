#include <catch2/catch.hpp>

#include <vector>

#include "models/golden/golden_model.h"

using namespace invalsim;
using common::Duration;
using golden::GoldenModel;
using golden::Location;

namespace {

// Two devices: [0, 1 MiB) on device 0 at DPA = HPA, [1 MiB, 2 MiB) on device
// 1, which can be unmapped or locked.
class FakeDecoder : public golden::Decoder {
public:
    Location locate(common::Addr hpa) const override {
        Location l;
        if (hpa < (1 << 20)) {
            l.mapped = true;
            l.dpa = hpa;
        } else if (hpa < (2 << 20) && mapped1) {
            l.mapped = true;
            l.device = 1;
            l.dpa = hpa - (1 << 20);
            l.locked = locked1;
        }
        return l;
    }
    bool mapped1 = true;
    bool locked1 = false;
};

std::vector<std::uint8_t> bytes(std::uint8_t v, std::size_t n = 64) { return std::vector<std::uint8_t>(n, v); }

}  // namespace

SCENARIO("the golden model follows CPU stores and device changes", "[golden]") {
    FakeDecoder dec;
    GoldenModel g(dec);
    g.add_device(1 << 20, 0x00);
    g.add_device(1 << 20, 0x00);
    auto a = bytes(0xAA);
    g.cpu_store(0x1000, a.data(), 64);
    WHEN("a load returns the stored data") {
        THEN("it is not stale") { CHECK(g.check_load(0, Duration(), 0x1000, a.data(), 64, coherence::Source::L1)); }
    }
    WHEN("the device is wiped and a load still returns the old data") {
        g.device_fill(0, 0x00);
        const bool ok = g.check_load(1, Duration::ns(5), 0x1008, a.data(), 8, coherence::Source::Slc);
        THEN("it is a stale read, with the example kept") {
            CHECK_FALSE(ok);
            const auto& ex = g.steps().back().stale_examples;
            REQUIRE(ex.size() == 1);
            CHECK(ex[0].addr == 0x1008);
            CHECK(ex[0].expected == 0);
            CHECK(ex[0].got == 0xAAAAAAAAAAAAAAAAULL);
            CHECK(ex[0].source == coherence::Source::Slc);
        }
        AND_WHEN("the old dirty line is written back over the wiped media") {
            auto wiped = bytes(0x00);
            THEN("it is a resurrection") {
                CHECK_FALSE(g.check_writeback(0, 0x1000, a.data(), wiped.data(), 64, Duration()));
                CHECK(g.resurrections() == 1);
                REQUIRE(g.steps().back().resurrection_examples.size() == 1);
                CHECK(g.steps().back().resurrection_examples[0].got == 0xAAAAAAAAAAAAAAAAULL);
            }
        }
    }
    WHEN("the stored data is written back as is") {
        auto old = bytes(0x00);
        THEN("nothing is resurrected") { CHECK(g.check_writeback(0, 0x1000, a.data(), old.data(), 64, Duration())); }
    }
    WHEN("a write leaves media that is not up to date as stale as it was") {
        // A memory-side line carries an old half while a CPU holds the newer
        // data: the media had the old bytes and gets them again.
        auto old = bytes(0x00);
        THEN("no newer device contents were overwritten: not a resurrection") {
            CHECK(g.check_writeback(0, 0x1000, old.data(), old.data(), 64, Duration()));
            CHECK(g.resurrections() == 0);
        }
    }
}

TEST_CASE("unmapped and locked ranges read as their fill", "[golden]") {
    FakeDecoder dec;
    GoldenModel g(dec);
    g.add_device(1 << 20, 0x00);
    g.add_device(1 << 20, 0x11);
    std::uint8_t out[8];
    g.expected((1 << 20) + 8, out, 8);
    CHECK(out[0] == 0x11);
    dec.mapped1 = false;
    g.expected((1 << 20) + 8, out, 8);
    CHECK(out[0] == 0xff);
    dec.mapped1 = true;
    dec.locked1 = true;
    auto v = bytes(0x22);
    g.cpu_store(1 << 20, v.data(), 64);  // lost: the DIMM is locked
    dec.locked1 = false;
    g.expected(1 << 20, out, 8);
    CHECK(out[0] == 0x11);
}

TEST_CASE("steps attribute violations; device contents are compared line by line", "[golden]") {
    FakeDecoder dec;
    GoldenModel g(dec);
    g.add_device(1 << 20, 0x00);
    g.add_device(1 << 20, 0x00);
    g.set_step("after");
    auto stale = bytes(0x33);
    g.check_load(0, Duration(), 0x40, stale.data(), 64, coherence::Source::L2);
    REQUIRE(g.steps().size() == 2);
    CHECK(g.steps()[1].step == "after");
    CHECK(g.steps()[1].stale_reads == 1);
    CHECK(g.steps()[1].stale_examples[0].step == "after");
    CHECK(g.steps()[0].stale_examples.empty());
    mem::SparseStore media(1 << 20, 0x00);
    media.write(0x80, stale.data(), 64);
    media.write(0x2000, stale.data(), 8);
    const golden::DeviceCheck c = g.check_device(0, media, 64);
    CHECK(c.lines == 2);
    REQUIRE(c.examples.size() == 2);
    CHECK(c.examples[0].dpa == 0x80);
    CHECK(c.examples[0].expected == 0);
    CHECK(c.examples[0].got == 0x3333333333333333ULL);
    g.device_write(0, 0x80, stale.data(), 64);
    CHECK(g.check_device(0, media, 64).lines == 1);
}

TEST_CASE("a wipe costs the pages held, not the device size", "[golden][mem]") {
    mem::SparseStore s(1ULL << 40, 0x00);
    std::uint8_t b[4] = {1, 2, 3, 4};
    s.write(12345, b, 4);
    s.fill_all(0xEE);
    CHECK(s.pages_allocated() == 0);
    std::uint8_t out[4];
    s.read(12345, out, 4);
    CHECK(out[0] == 0xEE);
}

SCENARIO("the golden copies cost memory per line touched, not per span", "[golden]") {
    golden::LineStore s(1ULL << 50, 0x00);
    const std::vector<std::uint8_t> line(64, 0x42);
    WHEN("512 lines are written 1 GiB apart") {
        for (std::uint64_t i = 0; i < 512; ++i) s.write(i << 30, line.data(), 64);
        const std::uint64_t bytes_512 = s.bytes_used();
        THEN("512 lines are held, at well under 256 bytes each") {
            CHECK(s.lines_held() == 512);
            CHECK(bytes_512 >= 512 * 64);
            CHECK(bytes_512 < 512 * 256);
        }
        AND_WHEN("512 more are written, 3 GiB further apart") {
            for (std::uint64_t i = 0; i < 512; ++i) s.write((512ULL << 30) + i * (3ULL << 30), line.data(), 64);
            THEN("the cost about doubles") {
                CHECK(s.lines_held() == 1024);
                CHECK(s.bytes_used() > bytes_512 * 3 / 2);
                CHECK(s.bytes_used() < bytes_512 * 5 / 2);
            }
        }
        AND_WHEN("the media is wiped") {
            s.fill_all(0xEE);
            THEN("nothing is held and every byte reads as the new fill") {
                CHECK(s.lines_held() == 0);
                CHECK(s.bytes_used() < 64);
                std::uint8_t b = 0;
                s.read(5ULL << 30, &b, 1);
                CHECK(b == 0xEE);
            }
        }
    }
    WHEN("a write straddles two lines and a read covers it and its neighbours") {
        const std::vector<std::uint8_t> v(16, 0x99);
        s.write(120, v.data(), 16);
        std::vector<std::uint8_t> out(32);
        s.read(112, out.data(), 32);
        THEN("both lines hold their part and the rest reads as the fill") {
            CHECK(s.lines_held() == 2);
            CHECK(out[7] == 0x00);
            CHECK(out[8] == 0x99);
            CHECK(out[23] == 0x99);
            CHECK(out[24] == 0x00);
        }
    }
    THEN("an access past the device's end is a bug, not a silent default") {
        std::uint8_t b = 0;
        CHECK_THROWS_AS(s.read(1ULL << 50, &b, 1), std::out_of_range);
    }
}

TEST_CASE("the golden model counts its lines over every device", "[golden]") {
    FakeDecoder dec;
    GoldenModel g(dec, 2);
    g.add_device(1 << 20, 0x00);
    g.add_device(1 << 20, 0x00);
    auto v = bytes(0x10, 128);
    g.cpu_store(0x0, v.data(), 128);
    g.cpu_store((1 << 20) + 64, v.data(), 64);
    CHECK(g.lines_held() == 3);
    CHECK(g.bytes_used() > 3 * 64);
    CHECK(g.examples_per_step() == 2);
    auto stale = bytes(0x20, 64);
    for (int i = 0; i < 5; ++i) g.check_load(0, Duration(), 0x0, stale.data(), 64, coherence::Source::L1);
    CHECK(g.stale_reads() == 5);
    CHECK(g.steps().back().stale_examples.size() == 2);
}
