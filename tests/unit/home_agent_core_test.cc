#include <catch2/catch.hpp>

#include <map>
#include <vector>

#include "fake_memory.h"
#include "models/home_agent/hha_registers.h"
#include "models/home_agent/home_agent_core.h"

using namespace invalsim;
using cache::LineState;
using coherence::LineRequest;
using coherence::Req;
using coherence::Snoop;
using common::Duration;
using home_agent::HomeAgentCore;
using home_agent::HomeAgentParams;

namespace {

// A CPU as the agent sees it: lines with a state and data.
class FakeCpu : public coherence::SnoopTarget {
public:
    struct Line {
        LineState state = LineState::Invalid;
        std::vector<std::uint8_t> data = std::vector<std::uint8_t>(64, 0);
    };
    coherence::SnoopResult snoop(Snoop kind, common::Addr addr, std::uint32_t bytes,
                                 std::uint8_t* data) override {
        ++snoops;
        coherence::SnoopResult r;
        auto it = lines.find(addr);
        if (it == lines.end() || it->second.state == LineState::Invalid) return r;
        r.present = true;
        if (it->second.state == LineState::Modified && data) {
            std::copy(it->second.data.begin(), it->second.data.begin() + bytes, data);
            r.dirty = true;
        }
        if (kind == Snoop::Invalidate) it->second.state = LineState::Invalid;
        if (kind == Snoop::Shared) it->second.state = LineState::Shared;
        if (kind == Snoop::Clean && it->second.state == LineState::Modified) {
            it->second.state = LineState::Exclusive;
        }
        return r;
    }
    Duration snoop_latency() const override { return Duration::ns(3); }

    std::map<common::Addr, Line> lines;
    int snoops = 0;
};

struct Rig {
    explicit Rig(HomeAgentParams p = {}, std::uint64_t sf_entries = 1024) {
        HomeAgentCore::Wiring w;
        w.cpus = {&cpu0, &cpu1, &cpu2};
        w.snoop_round_trip = Duration::ns(10);
        w.granule_bytes = 64;
        w.snoop_filter_entries = sf_entries;
        p.lookup_latency = Duration::ns(2);
        ha = std::make_unique<HomeAgentCore>(p, w, mem);
    }
    // A CPU's request; the fake CPU installs what it was granted.
    LineRequest ask(Req type, std::uint32_t cpu, common::Addr addr, Duration& d) {
        buf.assign(64, 0);
        LineRequest r{type, addr, 64, coherence::wants_data(type) ? buf.data() : nullptr, cpu};
        ha->handle(r, d);
        FakeCpu& c = *cpus()[cpu];
        if (r.granted != LineState::Invalid) {
            c.lines[addr].state = r.granted;
            if (r.data) c.lines[addr].data = buf;
        }
        return r;
    }
    std::vector<FakeCpu*> cpus() { return {&cpu0, &cpu1, &cpu2}; }

    test::FakeMemory mem{Duration::ns(100)};
    FakeCpu cpu0, cpu1, cpu2;
    std::unique_ptr<HomeAgentCore> ha;
    std::vector<std::uint8_t> buf;
};

}  // namespace

SCENARIO("MESI through the home agent", "[home_agent]") {
    Rig rig;
    rig.mem.set_byte(0x1000, 0xAA);
    Duration d;
    GIVEN("a line nobody holds") {
        const LineRequest r = rig.ask(Req::ReadShared, 0, 0x1000, d);
        THEN("the reader gets it Exclusive from memory, no snoop") {
            CHECK(r.granted == LineState::Exclusive);
            CHECK(r.source == coherence::Source::Memory);
            CHECK(rig.buf[0] == 0xAA);
            CHECK(rig.cpu1.snoops == 0);
            CHECK(d == Duration::ns(102));  // lookup + memory
        }
        WHEN("its owner modifies it and another CPU reads it") {
            rig.cpu0.lines[0x1000].state = LineState::Modified;
            rig.cpu0.lines[0x1000].data[0] = 0xBB;
            Duration d2;
            const LineRequest r2 = rig.ask(Req::ReadShared, 1, 0x1000, d2);
            THEN("the owner's data is forwarded, memory updated, both Shared") {
                CHECK(r2.granted == LineState::Shared);
                CHECK(r2.source == coherence::Source::Peer);
                CHECK(rig.buf[0] == 0xBB);
                CHECK(rig.mem.byte(0x1000) == 0xBB);
                CHECK(rig.cpu0.lines[0x1000].state == LineState::Shared);
                CHECK(d2 == Duration::ns(2 + 10 + 3));  // lookup + snoop round trip
            }
            AND_WHEN("a third CPU writes it") {
                Duration d3;
                const LineRequest r3 = rig.ask(Req::ReadUnique, 2, 0x1000, d3);
                THEN("every other copy is invalidated, in parallel") {
                    CHECK(r3.granted == LineState::Exclusive);
                    CHECK(rig.cpu0.lines[0x1000].state == LineState::Invalid);
                    CHECK(rig.cpu1.lines[0x1000].state == LineState::Invalid);
                    CHECK(rig.buf[0] == 0xBB);
                    CHECK(d3 == Duration::ns(2 + 13 + 100));
                    CHECK(rig.ha->stats().snoops_sent == 3);
                }
            }
        }
    }
}

TEST_CASE("an upgrade invalidates the other sharers without moving data", "[home_agent]") {
    Rig rig;
    Duration d;
    rig.ask(Req::ReadShared, 0, 0x40, d);
    rig.ask(Req::ReadShared, 1, 0x40, d);
    REQUIRE(rig.cpu0.lines[0x40].state == LineState::Shared);
    const int reads = rig.mem.reads;
    const LineRequest r = rig.ask(Req::Upgrade, 1, 0x40, d);
    CHECK(r.granted == LineState::Exclusive);
    CHECK(rig.cpu0.lines[0x40].state == LineState::Invalid);
    CHECK(rig.mem.reads == reads);
}

TEST_CASE("write-backs and clean evictions keep the snoop filter precise", "[home_agent]") {
    Rig rig;
    Duration d;
    rig.ask(Req::ReadUnique, 0, 0x80, d);
    std::vector<std::uint8_t> data(64, 0x5C);
    LineRequest wb{Req::WriteBack, 0x80, 64, data.data(), 0};
    rig.ha->handle(wb, d);
    CHECK(rig.mem.byte(0x80) == 0x5C);
    CHECK(rig.ha->snoop_filter().find(0x80 / 64) == nullptr);
    // A CPU that keeps a clean copy after writing back stays tracked.
    rig.ask(Req::ReadUnique, 1, 0xC0, d);
    LineRequest kept{Req::WriteBack, 0xC0, 64, data.data(), 1};
    kept.keep = true;
    rig.ha->handle(kept, d);
    REQUIRE(rig.ha->snoop_filter().find(0xC0 / 64) != nullptr);
    CHECK(rig.ha->snoop_filter().find(0xC0 / 64)->sharers.has(1));
    LineRequest ce{Req::CleanEvict, 0xC0, 64, nullptr, 1};
    rig.ha->handle(ce, d);
    CHECK(rig.ha->snoop_filter().find(0xC0 / 64) == nullptr);
}

TEST_CASE("a full snoop filter back-invalidates the displaced line", "[home_agent]") {
    HomeAgentParams p;
    p.snoop_filter_ways = 2;
    Rig small(p, 2);
    Duration d;
    small.ask(Req::ReadUnique, 0, 0x000, d);
    small.cpu0.lines[0x000].state = LineState::Modified;
    small.cpu0.lines[0x000].data[5] = 0x77;
    small.ask(Req::ReadShared, 1, 0x040, d);
    small.ask(Req::ReadShared, 2, 0x080, d);  // the LRU entry (line 0) must go
    CHECK(small.cpu0.lines[0x000].state == LineState::Invalid);
    CHECK(small.mem.byte(0x005) == 0x77);
    CHECK(small.ha->stats().sf_evictions == 1);
    CHECK(small.ha->stats().back_invalidations == 1);
}

TEST_CASE("the system-level cache serves repeats and absorbs write-backs", "[home_agent]") {
    HomeAgentParams p;
    p.slc.size_bytes = 16 * 1024;
    p.slc.ways = 4;
    p.slc.line_bytes = 128;
    p.slc.latency = Duration::ns(10);
    Rig rig(p);
    Duration d;
    rig.ask(Req::ReadShared, 0, 0x1000, d);
    CHECK(rig.mem.reads == 1);
    LineRequest ce{Req::CleanEvict, 0x1000, 64, nullptr, 0};
    rig.ha->handle(ce, d);
    Duration d2;
    const LineRequest r = rig.ask(Req::ReadShared, 1, 0x1040, d2);  // other half of the 128 B line
    CHECK(rig.mem.reads == 1);
    CHECK(r.source == coherence::Source::Slc);
    CHECK(d2 == Duration::ns(12));
    std::vector<std::uint8_t> data(64, 0x99);
    LineRequest wb{Req::WriteBack, 0x1040, 64, data.data(), 1};
    rig.ha->handle(wb, d);
    CHECK(rig.mem.writes == 0);  // stays in the slice, dirty
    CHECK(rig.ha->slc()->probe(0x1000) == LineState::Modified);
}

TEST_CASE("uncached accesses see the newest data and leave nothing cached", "[home_agent]") {
    Rig rig;
    Duration d;
    rig.ask(Req::ReadUnique, 0, 0x200, d);
    rig.cpu0.lines[0x200].state = LineState::Modified;
    rig.cpu0.lines[0x200].data[8] = 0x42;
    std::uint8_t b[8] = {};
    LineRequest ro{Req::ReadOnce, 0x208, 8, b, home_agent::SharerSet::kMaxCpus};
    rig.ha->handle(ro, d);
    CHECK(b[0] == 0x42);
    CHECK(rig.cpu0.lines[0x200].state == LineState::Exclusive);  // cleaned, kept
    std::uint8_t w[4] = {1, 2, 3, 4};
    LineRequest wu{Req::WriteUnique, 0x204, 4, w, home_agent::SharerSet::kMaxCpus};
    rig.ha->handle(wu, d);
    CHECK(rig.cpu0.lines[0x200].state == LineState::Invalid);
    CHECK(rig.mem.byte(0x204) == 1);
    CHECK(rig.mem.byte(0x208) == 0x42);
    CHECK(rig.ha->snoop_filter().find(0x200 / 64) == nullptr);
}

namespace {

// Starts a clean+invalidate of [start, start + len) on the agent's engine at time zero.
void start_engine(HomeAgentCore& ha, common::Addr start, std::uint64_t len) {
    namespace hha = home_agent::hha;
    home_agent::MaintenanceEngine& e = ha.engine();
    e.write(hha::kStartL, static_cast<std::uint32_t>(start), Duration(), Duration());
    e.write(hha::kStartH, static_cast<std::uint32_t>(start >> 32), Duration(), Duration());
    e.write(hha::kLenL, static_cast<std::uint32_t>(len - 1), Duration(), Duration());
    e.write(hha::kLenH, static_cast<std::uint32_t>((len - 1) >> 32), Duration(), Duration());
    e.write(hha::kCtrl, hha::kCtrlEn | hha::kCtrlRange | (hha::kTypeCleanInvalidate << hha::kCtrlTypeShift),
            Duration(), Duration());
}

}  // namespace

SCENARIO("the maintenance engine cleans private copies through the slice to memory", "[home_agent]") {
    GIVEN("CPU 1 holds a line Modified and the slice holds its other half") {
        HomeAgentParams p;
        p.slc.size_bytes = 16 * 1024;
        p.slc.ways = 4;
        p.slc.line_bytes = 128;
        p.engine.mode = home_agent::EngineMode::Range;
        p.engine.per_granule = Duration::ns(1);
        p.engine.parallelism = 1;
        p.engine.start_latency = Duration();
        Rig rig(p);
        Duration d;
        rig.ask(Req::ReadShared, 0, 0x1040, d);  // the slice gets the whole 128 B line
        rig.ask(Req::ReadUnique, 1, 0x1000, d);
        rig.cpu1.lines[0x1000].state = LineState::Modified;
        rig.cpu1.lines[0x1000].data.assign(64, 0xab);
        WHEN("the engine maintains the line's granule") {
            start_engine(*rig.ha, 0x1000, 128);
            rig.ha->engine().advance(Duration::ms(1), Duration());
            const home_agent::EngineOp& op = rig.ha->engine().op();
            THEN("the dirty data is in memory and no copy is left") {
                REQUIRE(op.complete);
                CHECK(rig.mem.byte(0x1000) == 0xab);
                CHECK(rig.mem.byte(0x103f) == 0xab);
                CHECK(rig.cpu1.lines[0x1000].state == LineState::Invalid);
                CHECK(rig.cpu0.lines[0x1040].state == LineState::Invalid);
                CHECK(rig.ha->slc()->probe(0x1000) == LineState::Invalid);
                CHECK(rig.ha->snoop_filter().find(0x1000 / 64) == nullptr);
                // Two private copies, one slice line; the dirty private copy
                // and then the slice line are written back.
                CHECK(op.result.invalidated == 3);
                CHECK(op.result.written_back == 2);
            }
            THEN("snooping (10 ns + the CPUs' 3 ns) and merging into the slice (10 ns) add to the search") {
                CHECK(op.stall.as_ps() == Duration::ns(23).as_ps());
                // Visited at 1 ns, the slice line leaves at 24 ns and lands
                // 100 ns later.
                CHECK(op.finished.as_ps() == Duration::ns(124).as_ps());
            }
        }
    }
}

SCENARIO("a device back-invalidates the host's copies of its lines, dirty data first", "[home_agent]") {
    Rig rig;
    Duration d;
    rig.ask(Req::ReadUnique, 0, 0x1000, d);
    rig.cpu0.lines[0x1000].state = LineState::Modified;
    rig.cpu0.lines[0x1000].data.assign(64, 0xD1);
    rig.ask(Req::ReadShared, 1, 0x2000, d);
    rig.ask(Req::ReadShared, 2, 0x2000, d);
    rig.ask(Req::ReadShared, 1, 0x3000, d);
    const int writes_before = rig.mem.writes;
    WHEN("a device that owns 0x1000 and 0x2000 (not 0x3000) back-invalidates them all") {
        const auto lines = rig.ha->back_invalidate_lines(0x1000, 0x4000, [](common::Addr a) { return a < 0x3000; });
        REQUIRE(lines == std::vector<common::Addr>{0x1000, 0x2000});
        home_agent::BackInvalidation b;
        std::vector<Duration> done;
        for (common::Addr l : lines) done.push_back(rig.ha->back_invalidate_line(l, Duration::ns(50), b));
        THEN("its lines' copies are gone, the dirty one written back, the others kept") {
            CHECK(b.copies == 3);
            CHECK(b.written_back == 1);
            CHECK(rig.mem.writes == writes_before + 1);
            CHECK(rig.mem.byte(0x1000) == 0xD1);
            CHECK(rig.cpu0.lines[0x1000].state == LineState::Invalid);
            CHECK(rig.cpu2.lines[0x2000].state == LineState::Invalid);
            CHECK(rig.cpu1.lines[0x3000].state != LineState::Invalid);
            CHECK(rig.ha->stats().device_bisnps == 2);
        }
        THEN("each answer waits for the lookup, the CPU snoops, and for the dirty line the write-back") {
            // From 50 ns: 2 ns lookup + 10 ns round trip + 3 ns CPU snoop, then 100 ns to memory.
            CHECK(done == std::vector<Duration>{Duration::ns(165), Duration::ns(65)});
        }
    }
}
