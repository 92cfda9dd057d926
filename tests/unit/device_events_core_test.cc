#include <catch2/catch.hpp>

#include <memory>
#include <vector>

#include "models/events/device_events_core.h"

using namespace invalsim;
using common::Addr;
using common::Duration;
using events::DeviceEventsCore;
using events::Wipe;
using events::Writer;

namespace {

constexpr Addr kCxlBase = 0x100'0000'0000ULL;
constexpr std::uint64_t kCxlSpan = 1ULL << 30;  // 2-way, 4 KiB granules: 512 MiB of each device
constexpr Addr kPmemBase = 0x200'0000'0000ULL;
constexpr std::uint64_t kPmemBytes = 1ULL << 30;

// Host caches as a device's back-invalidation sees them: each cached line
// that `owned` accepts is snooped, and resolving one takes `cost`.
class FakeHost : public events::HostCaches {
public:
    std::vector<Addr> back_invalidate_lines(Addr start, Addr end, const std::function<bool(Addr)>& owned) override {
        std::vector<Addr> out;
        for (Addr a : cached) {
            if (a >= start && a < end && owned(a)) out.push_back(a);
        }
        return out;
    }
    Duration back_invalidate_line(Addr line, Duration at, home_agent::BackInvalidation& tally) override {
        dropped.push_back(line);
        arrivals.push_back(at);
        ++tally.copies;
        return at + cost;
    }
    std::vector<Addr> cached;
    std::vector<Addr> dropped;
    std::vector<Duration> arrivals;
    Duration cost = Duration::ns(40);
};

// Two CXL expanders interleaved over one range and an NVDIMM, with the
// system's decode (address map, then the device's own decoders).
struct Rig : golden::Decoder {
    Rig(bool bi = false) : golden(*this) {
        cxl::CxlParams p;
        p.size_bytes = 1ULL << 30;
        p.sanitize_time = Duration::ms(10);
        p.sanitize_fill = 0xA5;
        for (std::uint32_t i = 0; i < 2; ++i) {
            auto b = std::make_unique<cxl::CxlBackend>(p);
            b->add_decoder({kCxlBase, kCxlSpan, 2, 4096, i, 0, true});
            cxl_backend[i] = b.get();
            mem.push_back(std::make_unique<mem::MemoryCore>(std::move(b)));
        }
        nvdimm::NvdimmParams n;
        n.size_bytes = kPmemBytes;
        n.locked_fill_byte = 0xEE;
        n.unlock_time = Duration::us(300);
        auto nb = std::make_unique<nvdimm::NvdimmBackend>(n);
        pmem = nb.get();
        mem.push_back(std::make_unique<mem::MemoryCore>(std::move(nb)));

        DeviceEventsCore::Wiring w;
        for (std::uint32_t i = 0; i < 3; ++i) {
            events::DeviceSlot d;
            d.name = i < 2 ? "cxl" + std::to_string(i) : "pmem0";
            d.memory = mem[i].get();
            d.cxl = i < 2 ? cxl_backend[i] : nullptr;
            d.nvdimm = i == 2 ? pmem : nullptr;
            d.sanitize_time = p.sanitize_time;
            d.sanitize_fill = p.sanitize_fill;
            d.decoder_commit_time = Duration::us(i == 0 ? 2 : 5);
            d.decoder_reset_time = Duration::us(1);
            d.unlock_time = n.unlock_time;
            d.back_invalidate = bi && i < 2;
            d.bi_outstanding = 2;
            d.bi_round_trip = Duration::ns(100);
            w.devices.push_back(d);
            golden.add_device(i < 2 ? p.size_bytes : n.size_bytes, 0x00);
        }
        w.ranges = {{"region", kCxlBase, kCxlSpan, {0, 1}}, {"pmem", kPmemBase, kPmemBytes, {2}}};
        w.decoder = this;
        w.golden = &golden;
        w.host = &host;
        events = std::make_unique<DeviceEventsCore>(w);
    }

    golden::Location locate(Addr hpa) const override {
        golden::Location l;
        std::uint32_t dev = 2;
        Addr incoming = hpa - kPmemBase;
        if (hpa >= kCxlBase && hpa < kCxlBase + kCxlSpan) {
            dev = static_cast<std::uint32_t>(((hpa - kCxlBase) / 4096) % 2);
            incoming = hpa;
        } else if (hpa < kPmemBase || hpa >= kPmemBase + kPmemBytes) {
            return l;
        }
        l.device = dev;
        l.mapped = mem[dev]->resolve(incoming, 1, l.dpa);
        l.locked = mem[dev]->backend().locked();
        l.locked_fill = mem[dev]->backend().locked_fill_byte();
        return l;
    }

    std::uint8_t media(std::uint32_t dev, std::uint64_t dpa) const {
        std::uint8_t b = 0;
        mem[dev]->store().read(dpa, &b, 1);
        return b;
    }
    std::uint8_t gold(Addr hpa) const {
        std::uint8_t b = 0;
        golden.expected(hpa, &b, 1);
        return b;
    }

    std::vector<std::unique_ptr<mem::MemoryCore>> mem;
    cxl::CxlBackend* cxl_backend[2] = {nullptr, nullptr};
    nvdimm::NvdimmBackend* pmem = nullptr;
    FakeHost host;
    golden::GoldenModel golden;
    std::unique_ptr<DeviceEventsCore> events;
};

}  // namespace

SCENARIO("a sanitize fills the whole media with its pattern once its time has passed", "[events]") {
    Rig rig;
    const std::uint8_t data[64] = {1, 2, 3};
    rig.mem[0]->store().write(0x1000, data, 64);
    rig.golden.device_write(0, 0x1000, data, 64);
    const std::uint32_t dev = rig.events->device_index("cxl0");
    const Duration t = rig.events->wipe_time(dev, Wipe::CxlSanitize);
    CHECK(t == Duration::ms(10));
    rig.events->set_busy_until(dev, t);
    CHECK(rig.events->busy(dev, Duration::ms(9)));
    CHECK_FALSE(rig.events->busy(dev, Duration::ms(10)));
    WHEN("it lands") {
        CHECK(rig.events->land_wipe(dev, Wipe::CxlSanitize) == Duration());
        THEN("media and golden copy read as the fill everywhere, and nothing is held") {
            CHECK(rig.media(0, 0x1000) == 0xA5);
            CHECK(rig.media(0, (1ULL << 30) - 1) == 0xA5);
            CHECK(rig.mem[0]->store().pages_allocated() == 0);
            CHECK(rig.gold(kCxlBase) == 0xA5);  // cxl0's first granule
            CHECK(rig.media(1, 0) == 0x00);     // the other device is untouched
            CHECK(rig.events->stats(dev).wipes == 1);
            CHECK(rig.events->stats(dev).wipe_time == Duration::ms(10));
        }
    }
}

SCENARIO("decoder reset unmaps the range; a commit can map it onto other media", "[events]") {
    Rig rig;
    const events::RangeSlot& r = rig.events->range("region");
    std::uint64_t dpa = 0;
    REQUIRE(rig.mem[1]->resolve(kCxlBase + 4096, 64, dpa));
    CHECK(dpa == 0);
    CHECK(rig.events->decoder_time(r, true) == Duration::us(5));  // the slower device
    WHEN("the decoders reset") {
        rig.events->land_decoders(r, false, std::nullopt);
        THEN("nothing answers for the range, and the golden view reads all ones") {
            CHECK_FALSE(rig.mem[1]->resolve(kCxlBase + 4096, 64, dpa));
            CHECK_FALSE(rig.events->any_committed(1));
            CHECK(rig.gold(kCxlBase + 4096) == 0xff);
            CHECK(rig.events->stats(1).decoder_resets == 1);
        }
        AND_WHEN("they commit again 512 MiB into the media") {
            const std::uint8_t other = 0x77;
            rig.mem[1]->store().write(512ULL << 20, &other, 1);
            rig.golden.device_write(1, 512ULL << 20, &other, 1);
            rig.events->land_decoders(r, true, 512ULL << 20);
            THEN("the same host address reaches that media") {
                REQUIRE(rig.mem[1]->resolve(kCxlBase + 4096, 64, dpa));
                CHECK(dpa == 512ULL << 20);
                CHECK(rig.gold(kCxlBase + 4096) == 0x77);
                CHECK(rig.events->stats(1).decoder_commits == 1);
                CHECK(rig.events->stats(1).decoder_time == Duration::us(6));
            }
        }
        AND_WHEN("a commit would put the range past the end of the media") {
            THEN("it is refused and nothing changes") {
                CHECK_THROWS_AS(rig.events->land_decoders(r, true, 768ULL << 20), std::out_of_range);
                CHECK_FALSE(rig.events->any_committed(0));
                CHECK(rig.cxl_backend[0]->decoders()[0].dpa_base == 0);
            }
        }
    }
}

TEST_CASE("a locked NVDIMM reads as its locked pattern until unlocked", "[events]") {
    Rig rig;
    const std::uint32_t dev = rig.events->device_index("pmem0");
    CHECK(rig.events->lock_time(dev, false) == Duration::us(300));
    CHECK(rig.events->lock_time(0, false) == Duration());  // not an NVDIMM
    rig.events->land_lock(dev, true);
    std::uint8_t b = 0;
    REQUIRE(rig.mem[2]->peek(0x40, &b, 1));
    CHECK(b == 0xEE);
    CHECK(rig.gold(kPmemBase + 0x40) == 0xEE);
    rig.events->write(kPmemBase, 64, 0x12, Writer::Dma);  // lost: the DIMM is locked
    CHECK(rig.events->stats(dev).dma_bytes == 0);
    rig.events->land_lock(dev, false);
    REQUIRE(rig.mem[2]->peek(0x40, &b, 1));
    CHECK(b == 0x00);
    CHECK(rig.events->stats(dev).locks == 1);
    CHECK(rig.events->stats(dev).unlocks == 1);
}

TEST_CASE("DMA and peer writes land on the devices that decode them, counted per device", "[events]") {
    Rig rig;
    rig.events->write(kCxlBase + 4096 - 64, 4096 + 128, 0x6A, Writer::Dma);
    CHECK(rig.media(0, 4096 - 64) == 0x6A);
    CHECK(rig.media(1, 0) == 0x6A);
    CHECK(rig.media(1, 4095) == 0x6A);
    CHECK(rig.media(0, 4096) == 0x6A);  // cxl0's second granule: host kCxlBase + 8 KiB
    CHECK(rig.media(0, 4096 + 64) == 0x00);
    CHECK(rig.gold(kCxlBase + 4096) == 0x6A);
    CHECK(rig.events->stats(0).dma_bytes == 128);
    CHECK(rig.events->stats(1).dma_bytes == 4096);
    rig.events->write(kPmemBase, 256, 0x7B, Writer::PeerHost);
    CHECK(rig.events->stats(2).peer_bytes == 256);
    CHECK(rig.events->stats(2).dma_bytes == 0);
    rig.events->land_decoders(rig.events->range("region"), false, std::nullopt);
    rig.events->write(kCxlBase, 64, 0x11, Writer::Dma);  // nothing decodes it: lost
    CHECK(rig.media(0, 0) == 0x00);
    CHECK(rig.events->stats(0).dma_bytes == 128);
    CHECK(rig.events->dma_rate_gbps() == 16.0);
}

SCENARIO("a back-invalidating device snoops the host for its own lines before it changes them", "[events]") {
    Rig rig(true);
    // Three cached lines of cxl0 (granules 0 and 2) and one of cxl1.
    rig.host.cached = {kCxlBase, kCxlBase + 64, kCxlBase + 4096, kCxlBase + 8192};
    WHEN("cxl0 is sanitized") {
        const Duration bi = rig.events->land_wipe(0, Wipe::CxlSanitize);
        THEN("only cxl0's lines are snooped, two at a time") {
            CHECK(rig.host.dropped == std::vector<Addr>{kCxlBase, kCxlBase + 64, kCxlBase + 8192});
            // Three snoops of 100 + 40 ns over two slots: the third leaves at 140 ns.
            CHECK(rig.host.arrivals == std::vector<Duration>{Duration::ns(50), Duration::ns(50), Duration::ns(190)});
            CHECK(bi == Duration::ns(280));
            CHECK(rig.events->stats(0).bi_copies == 3);
            CHECK(rig.events->stats(0).bi_snoops == 3);
            CHECK(rig.events->stats(0).bi_time == Duration::ns(280));
            CHECK(rig.events->stats(1).bi_snoops == 0);
        }
    }
    WHEN("a DMA write covers a line of each device") {
        const Duration bi = rig.events->write(kCxlBase + 4096 - 64, 128, 0x33, Writer::Dma);
        THEN("each device snoops its own line; the write waits for the slower") {
            CHECK(rig.host.dropped == std::vector<Addr>{kCxlBase + 4096});
            CHECK(bi == Duration::ns(140));
            CHECK(rig.events->stats(1).bi_snoops == 1);
            CHECK(rig.events->stats(0).bi_snoops == 0);
        }
    }
}

TEST_CASE("back-invalidate snoops share the device's outstanding slots", "[events]") {
    const Duration rt = Duration::ns(100);
    auto four = [rt](std::uint32_t outstanding, std::vector<Duration>* arrivals = nullptr) {
        events::SnoopPipe pipe(outstanding, rt);
        for (int i = 0; i < 4; ++i) {
            pipe.issue([arrivals](Duration at) {
                if (arrivals) arrivals->push_back(at);
                return at + Duration::ns(20);
            });
        }
        return pipe.done();
    };
    CHECK(events::SnoopPipe(4, rt).done() == Duration());
    CHECK(four(1) == Duration::ns(480));
    std::vector<Duration> arrivals;
    CHECK(four(2, &arrivals) == Duration::ns(240));
    CHECK(arrivals == std::vector<Duration>{Duration::ns(50), Duration::ns(50), Duration::ns(170), Duration::ns(170)});
    CHECK(four(8) == Duration::ns(120));
}

TEST_CASE("a back-invalidating device still snoops its lines after its decoders reset", "[events]") {
    Rig rig(true);
    rig.host.cached = {kCxlBase, kCxlBase + 4096};
    rig.events->land_decoders(rig.events->range("region"), false, std::nullopt);
    rig.events->land_wipe(1, Wipe::CxlSanitize);
    CHECK(rig.host.dropped == std::vector<Addr>{kCxlBase + 4096});
}
