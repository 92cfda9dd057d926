#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "models/home_agent/hha_registers.h"
#include "models/home_agent/maintenance_engine.h"
#include "models/invalidate/framework_core.h"
#include "models/invalidate/hha_driver.h"

using namespace invalsim;
using common::Duration;
using invalidate::FrameworkCore;
using invalidate::InstanceReport;
using invalidate::MemRange;
using invalidate::Policy;
namespace hha = home_agent::hha;

namespace {

// An engine behind a bus with its own clock: the driver's view of hardware.
class FakeTarget : public home_agent::EngineTarget {
public:
    cache::MaintenanceResult clean_invalidate(common::Addr start, common::Addr end,
                                              const cache::Interest&, Duration at) override {
        calls.push_back({start, end - start});
        cache::MaintenanceResult r;
        r.done = at + writeback_time;
        return r;
    }
    std::uint64_t searchable_sets() const override { return sets; }
    std::vector<MemRange> calls;
    std::uint64_t sets = 1000;
    Duration writeback_time;
};

class FakeBus : public invalidate::MmioBus {
public:
    explicit FakeBus(home_agent::MaintenanceEngine& e) : m_engine(e) {}
    std::uint32_t read32(std::uint32_t off) override { return m_engine.read(off, m_now); }
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

struct Rig {
    Rig() : engine(params(), target), bus(engine) {}
    static home_agent::EngineParams params() {
        home_agent::EngineParams p;
        p.mode = home_agent::EngineMode::Range;
        p.per_granule = Duration::ns(1);
        p.parallelism = 1;
        p.start_latency = Duration();
        return p;
    }
    FakeTarget target;
    home_agent::MaintenanceEngine engine;
    FakeBus bus;
    invalidate::HhaDriver driver{{}};
};

}  // namespace

TEST_CASE("driver alignment: start down, end up, to the granule", "[invalidate]") {
    using invalidate::HhaDriver;
    CHECK(HhaDriver::align({0x1010, 0x20}, 128).start == 0x1000);
    CHECK(HhaDriver::align({0x1010, 0x20}, 128).len == 128);
    CHECK(HhaDriver::align({0x1070, 0x20}, 128).len == 256);
    CHECK(HhaDriver::align({0x1000, 128}, 128).len == 128);
    CHECK(HhaDriver::align({0, ~0ULL}, 128).len == (~0ULL & ~127ULL));
}

TEST_CASE("engine timing formulas", "[invalidate]") {
    home_agent::EngineParams p;
    p.per_granule = Duration::ns(1);
    p.per_set = Duration::ns(10);
    p.parallelism = 4;
    p.mode = home_agent::EngineMode::Auto;
    auto t = home_agent::engine_search_time(p, 1000, 100);
    CHECK(t.range == Duration::ns(250));  // ceil(1000 / 4) x 1
    CHECK(t.walk == Duration::ns(250));   // ceil(100 / 4) x 10
    CHECK_FALSE(t.walked);
    t = home_agent::engine_search_time(p, 1001, 100);
    CHECK(t.range == Duration::ns(251));
    CHECK(t.walked);
    CHECK(t.search == Duration::ns(250));
    p.mode = home_agent::EngineMode::Range;
    CHECK(home_agent::engine_search_time(p, 1ULL << 33, 100).search == Duration::ns(1ULL << 31));
}

TEST_CASE("wbinv programs the registers and the engine runs the aligned range", "[invalidate]") {
    Rig rig;
    InstanceReport rep;
    REQUIRE(rig.driver.wbinv({0x12345, 1000}, rig.bus, rep) == invalidate::kOk);
    CHECK(rig.bus.writes == std::vector<std::uint32_t>{hha::kStartL, hha::kStartH, hha::kLenL, hha::kLenH, hha::kCtrl});
    REQUIRE(rig.target.calls.size() == 1);
    CHECK(rig.target.calls[0].start == 0x12300);
    // 0x12345 + 1000 = 0x1272d, rounded up to 0x12780: nine 128-byte granules.
    CHECK(rig.target.calls[0].len == 0x12780 - 0x12300);
    CHECK(rep.bytes_outside == (0x12780 - 0x12300) - 1000);
    // 9 granules at 1 ns each: busy for 9 ns after the start.
    CHECK(rig.engine.busy(Duration::ns(8)));
    CHECK_FALSE(rig.engine.busy(Duration::ns(9)));
    CHECK(rig.driver.done(rig.bus, rep) == invalidate::kOk);
    CHECK(rep.polls == 3);  // one in wbinv, one busy, one idle 10 us later
    CHECK(rig.bus.now() == Duration::us(10));
}

TEST_CASE("the engine stays busy until its write-backs land", "[invalidate]") {
    Rig rig;
    rig.target.writeback_time = Duration::us(35);
    InstanceReport rep;
    rig.driver.wbinv({0, 128}, rig.bus, rep);
    CHECK(rig.driver.done(rig.bus, rep) == invalidate::kOk);
    CHECK(rig.bus.now() == Duration::us(40));  // polls quantise to 10 us
}

TEST_CASE("driver error codes", "[invalidate]") {
    Rig rig;
    InstanceReport rep;
    SECTION("an empty range is invalid and touches nothing") {
        CHECK(rig.driver.wbinv({0x1000, 0}, rig.bus, rep) == invalidate::kEINVAL);
        CHECK(rig.bus.writes.empty());
    }
    SECTION("a slow operation times out in done, then makes the next wbinv busy") {
        REQUIRE(rig.driver.wbinv({0, 128ULL << 30}, rig.bus, rep) == invalidate::kOk);  // 1 s of work
        CHECK(rig.driver.done(rig.bus, rep) == invalidate::kETIMEDOUT);
        CHECK(rig.bus.now() >= Duration::ms(50));
        CHECK(rig.bus.now() < Duration::ms(51));
        CHECK(rig.driver.wbinv({0, 128}, rig.bus, rep) == invalidate::kEBUSY);
        CHECK(rig.target.calls.size() == 1);
    }
    SECTION("writing CTRL while busy is ignored by the hardware") {
        rig.driver.wbinv({0, 1 << 20}, rig.bus, rep);
        rig.bus.write32(hha::kCtrl, hha::kCtrlEn | hha::kCtrlRange | (1U << hha::kCtrlTypeShift));
        CHECK(rig.engine.stats().ignored_starts == 1);
    }
}

namespace {

// Records the order of every operation across instances.
class Recorder : public invalidate::OpsInstance {
public:
    Recorder(std::string n, std::vector<std::string>& log, int wbinv_rc = 0, int done_rc = 0)
        : m_name(std::move(n)), m_log(log), m_wbinv_rc(wbinv_rc), m_done_rc(done_rc) {}
    const std::string& name() const override { return m_name; }
    int wbinv(const MemRange&, InstanceReport&) override {
        m_log.push_back("wbinv:" + m_name);
        return m_wbinv_rc;
    }
    int done(InstanceReport&) override {
        m_log.push_back("done:" + m_name);
        return m_done_rc;
    }

private:
    std::string m_name;
    std::vector<std::string>& m_log;
    int m_wbinv_rc, m_done_rc;
};

}  // namespace

TEST_CASE("framework policies call instances in their order", "[invalidate]") {
    std::vector<std::string> log;
    Recorder a("a", log), b("b", log), c("c", log);
    FrameworkCore fw;
    std::vector<InstanceReport> reps;
    CHECK(fw.invalidate(Policy::Parallel, {0, 64}, 0, reps) == invalidate::kEOPNOTSUPP);
    CHECK_FALSE(fw.has_invalidate());
    fw.add(&a);
    fw.add(&b);
    fw.add(&c);
    CHECK(fw.has_invalidate());
    SECTION("parallel: every wbinv before any done") {
        CHECK(fw.invalidate(Policy::Parallel, {0, 64}, 3, reps) == invalidate::kOk);
        CHECK(log == std::vector<std::string>{"wbinv:a", "wbinv:b", "wbinv:c", "done:a", "done:b", "done:c"});
        REQUIRE(reps.size() == 3);
        CHECK(reps[1].caller == 3);
    }
    SECTION("sequential: each instance finishes before the next starts") {
        fw.invalidate(Policy::Sequential, {0, 64}, 0, reps);
        CHECK(log == std::vector<std::string>{"wbinv:a", "done:a", "wbinv:b", "done:b", "wbinv:c", "done:c"});
    }
    SECTION("single-irqoff: only the first registered method") {
        fw.invalidate(Policy::SingleIrqOff, {0, 64}, 0, reps);
        CHECK(log == std::vector<std::string>{"wbinv:a", "done:a"});
        CHECK(reps.size() == 1);
    }
    SECTION("unregistering removes an instance") {
        CHECK(fw.remove("b"));
        CHECK_FALSE(fw.remove("b"));
        fw.invalidate(Policy::Parallel, {0, 64}, 0, reps);
        CHECK(log == std::vector<std::string>{"wbinv:a", "wbinv:c", "done:a", "done:c"});
    }
}

TEST_CASE("the first error wins, and the others still run", "[invalidate]") {
    std::vector<std::string> log;
    Recorder ok1("ok1", log), busy("busy", log, invalidate::kEBUSY), slow("slow", log, 0, invalidate::kETIMEDOUT);
    FrameworkCore fw;
    fw.add(&ok1);
    fw.add(&busy);
    fw.add(&slow);
    std::vector<InstanceReport> reps;
    CHECK(fw.invalidate(Policy::Parallel, {0, 64}, 0, reps) == invalidate::kEBUSY);
    // An instance whose wbinv failed is not waited for.
    CHECK(log == std::vector<std::string>{"wbinv:ok1", "wbinv:busy", "wbinv:slow", "done:ok1", "done:slow"});
    CHECK(reps[2].rc == invalidate::kETIMEDOUT);
    log.clear();
    CHECK(fw.invalidate(Policy::Sequential, {0, 64}, 0, reps) == invalidate::kEBUSY);
    CHECK(reps[2].rc == invalidate::kETIMEDOUT);
}
