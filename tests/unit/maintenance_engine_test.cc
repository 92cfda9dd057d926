#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <vector>

#include "models/home_agent/hha_registers.h"
#include "models/home_agent/maintenance_engine.h"
#include "models/invalidate/hha_driver.h"

using namespace invalsim;
using common::Addr;
using common::Duration;
using home_agent::EngineMode;
using home_agent::EngineParams;
using home_agent::UnitWork;
using home_agent::UnitList;
using invalidate::InstanceReport;
namespace hha = home_agent::hha;

namespace {

// Cached units of 128 bytes, some dirty, some with private copies to snoop.
// A dirty unit's write-back leaves when asked and lands `writeback_latency`
// later.
class FakeTarget : public home_agent::EngineTarget {
public:
    struct Unit {
        bool dirty = false;
        Duration busy;  // snooping private copies
    };
    std::uint32_t unit_bytes() const override { return 128; }
    void cached_units(Addr start, Addr end, UnitList& out) override {
        for (const auto& [a, u] : units) {
            if (a + 128 > start && a < end) out.push_back(a);
        }
    }
    std::uint64_t searchable_sets() const override { return sets; }
    std::uint64_t walk_position(Addr unit) const override { return (unit / 128) % sets; }
    UnitWork maintain_unit(Addr lo, Addr, const cache::Interest&, Duration visit, Duration not_before) override {
        maintained.push_back(lo);
        visits.push_back(visit);
        UnitWork w;
        auto it = units.find(lo - lo % 128);
        if (it == units.end()) return w;
        w.invalidated = 1;
        w.busy = it->second.busy;
        if (it->second.dirty) {
            w.written_back = 1;
            w.to_memory = true;
            w.posted = common::max(visit + w.busy, not_before);
            w.landed = w.posted + writeback_latency;
        }
        units.erase(it);
        return w;
    }

    std::map<Addr, Unit> units;
    std::vector<Addr> maintained;
    std::vector<Duration> visits;
    std::uint64_t sets = 1000;
    Duration writeback_latency = Duration::ns(100);
};

// The driver's view: registers behind a bus with its own clock. Delays to
// the target count from time zero, so the fake target sees absolute times.
class FakeBus : public invalidate::MmioBus {
public:
    explicit FakeBus(home_agent::MaintenanceEngine& e) : m_engine(e) {}
    std::uint32_t read32(std::uint32_t off) override { return m_engine.read(off, m_now, Duration()); }
    void write32(std::uint32_t off, std::uint32_t v) override {
        writes.push_back(off);
        m_engine.write(off, v, m_now, Duration());
    }
    void sleep(Duration d) override { m_now += d; }
    Duration now() const override { return m_now; }
    std::vector<std::uint32_t> writes;

private:
    home_agent::MaintenanceEngine& m_engine;
    Duration m_now;
};

EngineParams one_ns_per_granule() {
    EngineParams p;
    p.mode = EngineMode::Range;
    p.per_granule = Duration::ns(1);
    p.parallelism = 1;
    p.start_latency = Duration();
    return p;
}

struct Rig {
    explicit Rig(EngineParams p = one_ns_per_granule()) : engine(p, target), bus(engine) {}
    // Starts an operation on [start, start + len) at the bus's time.
    void start(Addr start, std::uint64_t len) {
        InstanceReport rep;
        REQUIRE(driver.wbinv({start, len}, bus, rep) == invalidate::kOk);
    }
    Duration finish() {
        engine.advance(Duration::max() - Duration::ns(1), Duration());
        REQUIRE(engine.op().complete);
        return engine.op().finished;
    }
    FakeTarget target;
    home_agent::MaintenanceEngine engine;
    FakeBus bus;
    invalidate::HhaDriver driver{{}};
};

}  // namespace

TEST_CASE("engine timing formulas", "[engine]") {
    EngineParams p;
    p.per_granule = Duration::ns(1);
    p.per_set = Duration::ns(10);
    p.parallelism = 4;
    p.mode = EngineMode::Auto;
    auto t = home_agent::engine_search_time(p, 1000, 100);
    CHECK(t.range == Duration::ns(250));  // ceil(1000 / 4) x 1
    CHECK(t.walk == Duration::ns(250));   // ceil(100 / 4) x 10
    CHECK_FALSE(t.walked);
    t = home_agent::engine_search_time(p, 1001, 100);
    CHECK(t.range == Duration::ns(251));
    CHECK(t.walked);
    CHECK(t.search == Duration::ns(250));
    p.mode = EngineMode::Range;
    CHECK(home_agent::engine_search_time(p, 1ULL << 33, 100).search == Duration::ns(1ULL << 31));
    // The whole address space in 128-byte granules cannot be searched by range.
    CHECK(home_agent::engine_search_time(p, 1ULL << 57, 100).range == Duration::max());
}

TEST_CASE("wbinv programs the registers and the engine runs the aligned range", "[engine]") {
    Rig rig;
    InstanceReport rep;
    REQUIRE(rig.driver.wbinv({0x12345, 1000}, rig.bus, rep) == invalidate::kOk);
    CHECK(rig.bus.writes == std::vector<std::uint32_t>{hha::kStartL, hha::kStartH, hha::kLenL, hha::kLenH, hha::kCtrl});
    CHECK(rig.engine.op().start == 0x12300);
    // 0x12345 + 1000 = 0x1272d, rounded up to 0x12780: nine 128-byte granules.
    CHECK(rig.engine.op().len == 0x12780 - 0x12300);
    CHECK(rep.bytes_outside == (0x12780 - 0x12300) - 1000);
    // 9 granules at 1 ns each: busy for 9 ns after the start.
    CHECK(rig.engine.read(hha::kCtrl, Duration::ns(8), Duration()) == hha::kCtrlEn);
    CHECK(rig.engine.read(hha::kCtrl, Duration::ns(9), Duration()) == 0);
    CHECK(rig.engine.op().complete);
    CHECK(rig.engine.op().finished == Duration::ns(9));
    CHECK(rig.driver.done(rig.bus, rep) == invalidate::kOk);
    CHECK(rep.polls == 3);  // one in wbinv, one busy at 0, one idle 10 us later
    CHECK(rig.bus.now() == Duration::us(10));
}

TEST_CASE("the engine stays busy until its write-backs land", "[engine]") {
    Rig rig;
    rig.target.units[0] = {true, Duration()};
    rig.target.writeback_latency = Duration::us(35);
    InstanceReport rep;
    rig.start(0, 128);
    CHECK(rig.driver.done(rig.bus, rep) == invalidate::kOk);
    CHECK(rig.bus.now() == Duration::us(40));  // polls quantise to 10 us
    CHECK(rig.engine.op().finished == Duration::ns(35001));  // visited at 1 ns
    CHECK(rig.engine.op().result.written_back == 1);
}

SCENARIO("the engine works through its range as simulated time passes", "[engine]") {
    GIVEN("units cached at granules 0, 10 and 100 of a 200-granule range, 1 ns per granule") {
        Rig rig;
        for (Addr g : {0, 10, 100}) rig.target.units[g * 128] = {};
        rig.start(0, 200 * 128);
        WHEN("50 ns have passed") {
            rig.engine.advance(Duration::ns(50), Duration());
            THEN("only the units the search has reached are maintained, when it reached them") {
                CHECK(rig.target.maintained == std::vector<Addr>{0, 10 * 128});
                CHECK(rig.target.visits == std::vector<Duration>{Duration::ns(1), Duration::ns(11)});
                CHECK(rig.target.units.count(100 * 128) == 1);
                CHECK(rig.engine.busy(Duration::ns(50)));
                CHECK_FALSE(rig.engine.op().complete);
                CHECK(rig.engine.op().result.invalidated == 2);
            }
            AND_WHEN("a line behind the search and one ahead of it are cached again") {
                rig.target.units[5 * 128] = {};
                rig.target.units[150 * 128] = {};
                rig.engine.note_cached(5 * 128 + 64, Duration::ns(50));
                rig.engine.note_cached(150 * 128, Duration::ns(50));
                THEN("the one behind survives the operation, the one ahead does not") {
                    CHECK(rig.finish() == Duration::ns(200));
                    CHECK(rig.target.units.count(5 * 128) == 1);
                    CHECK(rig.target.units.count(150 * 128) == 0);
                    CHECK(rig.target.maintained.back() == 150 * 128);
                }
            }
        }
        WHEN("the engine is driven by its own clock") {
            THEN("each unit is visited when the search reaches it") {
                CHECK(rig.engine.next_due() == Duration::ns(1));
                rig.engine.advance(Duration::ns(1), Duration());
                CHECK(rig.engine.next_due() == Duration::ns(11));
                rig.engine.advance(Duration::ns(11), Duration());
                CHECK(rig.engine.next_due() == Duration::ns(101));
                rig.engine.advance(Duration::ns(101), Duration());
                // Nothing left to visit: the next event is the end of the search.
                CHECK(rig.engine.next_due() == Duration::ns(200));
                CHECK(rig.target.visits == std::vector<Duration>{Duration::ns(1), Duration::ns(11), Duration::ns(101)});
            }
        }
    }
}

TEST_CASE("a walk reaches units in set order, not address order", "[engine]") {
    EngineParams p = one_ns_per_granule();
    p.mode = EngineMode::Walk;
    p.per_set = Duration::ns(10);
    Rig rig(p);
    rig.target.sets = 4;
    rig.target.units[3 * 128] = {};  // set 3
    rig.target.units[4 * 128] = {};  // set 0
    rig.start(0, 1 << 20);
    CHECK(rig.engine.op().timing.walked);
    CHECK(rig.finish() == Duration::ns(40));
    CHECK(rig.target.maintained == std::vector<Addr>{4 * 128, 3 * 128});
    CHECK(rig.target.visits == std::vector<Duration>{Duration::ns(10), Duration::ns(40)});
}

// Lists every unit twice, in descending order: the engine must sort and
// drop the repeats itself, whichever way it orders them.
class ShuffledTarget : public FakeTarget {
public:
    void cached_units(Addr start, Addr end, UnitList& out) override {
        UnitList mine;
        FakeTarget::cached_units(start, end, mine);
        for (int pass = 0; pass < 2; ++pass) out.insert(out.end(), mine.rbegin(), mine.rend());
    }
};

TEST_CASE("units listed out of order and twice are maintained once each, in search order", "[engine]") {
    for (const EngineMode mode : {EngineMode::Walk, EngineMode::Range}) {
        EngineParams p = one_ns_per_granule();
        p.mode = mode;
        p.per_set = Duration::ns(10);
        ShuffledTarget target;
        target.sets = 8;  // 40 units over 8 sets: the walk's counting sort
        std::vector<Addr> expected;
        for (Addr i = 0; i < 40; ++i) target.units[(i * 7 % 40) * 128] = {};
        for (const auto& [a, u] : target.units) expected.push_back(a);
        if (mode == EngineMode::Walk) {
            std::stable_sort(expected.begin(), expected.end(),
                             [](Addr a, Addr b) { return (a / 128) % 8 < (b / 128) % 8; });
        }
        home_agent::MaintenanceEngine engine(p, target);
        FakeBus bus(engine);
        InstanceReport rep;
        REQUIRE(invalidate::HhaDriver({}).wbinv({0, 1 << 20}, bus, rep) == invalidate::kOk);
        engine.advance(Duration::max() - Duration::ns(1), Duration());
        REQUIRE(engine.op().complete);
        CHECK(engine.op().result.examined == 40);
        CHECK(target.maintained == expected);
    }
}

TEST_CASE("write-backs add to the engine's time once its slots are full", "[engine]") {
    // Three dirty units at granules 0..2; each write-back lands 100 ns after it
    // leaves. With one slot the search waits for each landing:
    //   unit 0: visit 1, lands 101; unit 1: visit 2, waits to 101, lands 201;
    //   unit 2: visit 3 + 99, waits to 201, lands 301.
    EngineParams p = one_ns_per_granule();
    auto run = [&](std::uint32_t slots, bool dirty) {
        p.writebacks_in_flight = slots;
        Rig rig(p);
        for (Addr g : {0, 1, 2}) rig.target.units[g * 128] = {dirty, Duration()};
        rig.start(0, 3 * 128);
        const Duration end = rig.finish();
        CHECK(rig.engine.stats().operations == 1);
        return std::make_pair(end, rig.engine.op().stall);
    };
    CHECK(run(1, false) == std::make_pair(Duration::ns(3), Duration()));
    CHECK(run(1, true) == std::make_pair(Duration::ns(301), Duration::ns(198)));
    CHECK(run(16, true) == std::make_pair(Duration::ns(103), Duration()));
}

TEST_CASE("snooping private copies costs the engine, shared by its parallelism", "[engine]") {
    EngineParams p = one_ns_per_granule();
    p.parallelism = 4;
    Rig rig(p);
    rig.target.units[0] = {false, Duration::ns(40)};
    rig.target.units[2 * 128] = {false, Duration::ns(40)};
    rig.start(0, 4 * 128);
    // One step of 4 granules (1 ns), plus 40 ns / 4 per snooped unit.
    CHECK(rig.finish() == Duration::ns(21));
    CHECK(rig.engine.op().stall == Duration::ns(20));
}

TEST_CASE("a timed-out operation has not finished its range", "[engine]") {
    EngineParams p = one_ns_per_granule();
    p.per_granule = Duration::us(2);
    Rig rig(p);
    rig.target.units[10 * 128] = {true, Duration()};
    rig.target.units[90000 * 128] = {true, Duration()};
    rig.start(0, 100000 * 128);  // 200 ms of search
    InstanceReport rep;
    CHECK(rig.driver.done(rig.bus, rep) == invalidate::kETIMEDOUT);
    CHECK(rig.bus.now() < Duration::ms(51));
    CHECK_FALSE(rig.engine.op().complete);
    CHECK(rig.target.maintained == std::vector<Addr>{10 * 128});
    CHECK(rig.target.units.count(90000 * 128) == 1);
    CHECK(rig.engine.op().result.written_back == 1);
    CHECK(rig.engine.stats().operations == 0);
    SECTION("the next operation finds the engine busy, and writing CTRL is ignored") {
        CHECK(rig.driver.wbinv({0, 128}, rig.bus, rep) == invalidate::kEBUSY);
        rig.bus.write32(hha::kCtrl, hha::kCtrlEn | hha::kCtrlRange | (1U << hha::kCtrlTypeShift));
        CHECK(rig.engine.stats().ignored_starts == 1);
        CHECK(rig.engine.op().len == 100000 * 128);
    }
    SECTION("once the search gets there, the rest is maintained") {
        rig.bus.sleep(Duration::ms(150));
        CHECK(rig.driver.done(rig.bus, rep) == invalidate::kOk);
        CHECK(rig.target.units.empty());
        CHECK(rig.engine.op().finished == Duration::ms(200));
        CHECK(rig.engine.stats().written_back == 2);
    }
}
