#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "models/invalidate/call_policy.h"
#include "models/invalidate/framework_core.h"
#include "models/invalidate/hha_driver.h"

using namespace invalsim;
using common::Duration;
using invalidate::FrameworkCore;
using invalidate::InstanceReport;
using invalidate::MemRange;

namespace {

const invalidate::CallPolicy& policy(const std::string& name) {
    const invalidate::CallPolicy* p = invalidate::find_call_policy(name);
    REQUIRE(p != nullptr);
    return *p;
}

class FakeClock : public invalidate::Clock {
public:
    Duration now() const override { return t; }
    Duration t;
};

// Records the order of every operation across instances; wbinv takes 5 ns
// of the shared clock, done 10 ns.
class Recorder : public invalidate::OpsInstance {
public:
    Recorder(std::string n, std::vector<std::string>& log, FakeClock& clock, int wbinv_rc = 0, int done_rc = 0)
        : m_name(std::move(n)), m_log(log), m_clock(clock), m_wbinv_rc(wbinv_rc), m_done_rc(done_rc) {}
    const std::string& name() const override { return m_name; }
    int wbinv(const MemRange&, InstanceReport&) override {
        m_log.push_back("wbinv:" + m_name);
        m_clock.t += Duration::ns(5);
        return m_wbinv_rc;
    }
    int done(InstanceReport&) override {
        m_log.push_back("done:" + m_name);
        m_clock.t += Duration::ns(10);
        return m_done_rc;
    }

private:
    std::string m_name;
    std::vector<std::string>& m_log;
    FakeClock& m_clock;
    int m_wbinv_rc, m_done_rc;
};

// Registers that must never be touched.
class NoBus : public invalidate::MmioBus {
public:
    std::uint32_t read32(std::uint32_t) override { return ++accesses, 0; }
    void write32(std::uint32_t, std::uint32_t) override { ++accesses; }
    void sleep(Duration) override {}
    Duration now() const override { return Duration(); }
    int accesses = 0;
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

TEST_CASE("an empty range is invalid and touches no register", "[invalidate]") {
    NoBus bus;
    InstanceReport rep;
    CHECK(invalidate::HhaDriver({}).wbinv({0x1000, 0}, bus, rep) == invalidate::kEINVAL);
    CHECK(bus.accesses == 0);
}

TEST_CASE("policies are chosen by name", "[invalidate]") {
    CHECK(std::string(policy("parallel").name()) == "parallel");
    CHECK(std::string(invalidate::default_call_policy().name()) == "parallel");
    CHECK(invalidate::find_call_policy("fastest") == nullptr);
    CHECK(invalidate::call_policies().size() == 3);
    CHECK_FALSE(policy("parallel").spinlock_irqs_off());
    CHECK_FALSE(policy("sequential").spinlock_irqs_off());
    CHECK(policy("single-irqoff").spinlock_irqs_off());
}

TEST_CASE("framework policies call instances in their order, and record when", "[invalidate]") {
    std::vector<std::string> log;
    FakeClock clock;
    Recorder a("a", log, clock), b("b", log, clock), c("c", log, clock);
    FrameworkCore fw;
    std::vector<InstanceReport> reps;
    CHECK(fw.invalidate(policy("parallel"), {0, 64}, 0, clock, reps) == invalidate::kEOPNOTSUPP);
    CHECK_FALSE(fw.has_invalidate());
    fw.add(&a);
    fw.add(&b);
    fw.add(&c);
    CHECK(fw.has_invalidate());
    SECTION("parallel: every wbinv before any done") {
        CHECK(fw.invalidate(policy("parallel"), {0, 64}, 3, clock, reps) == invalidate::kOk);
        CHECK(log == std::vector<std::string>{"wbinv:a", "wbinv:b", "wbinv:c", "done:a", "done:b", "done:c"});
        REQUIRE(reps.size() == 3);
        CHECK(reps[1].caller == 3);
        CHECK(reps[1].wbinv_start == Duration::ns(5));
        CHECK(reps[1].wbinv_time == Duration::ns(5));
        CHECK(reps[0].done_start == Duration::ns(15));
        CHECK(reps[2].done_start == Duration::ns(35));
        CHECK(reps[2].done_time == Duration::ns(10));
    }
    SECTION("sequential: each instance finishes before the next starts") {
        fw.invalidate(policy("sequential"), {0, 64}, 0, clock, reps);
        CHECK(log == std::vector<std::string>{"wbinv:a", "done:a", "wbinv:b", "done:b", "wbinv:c", "done:c"});
        CHECK(reps[1].wbinv_start == Duration::ns(15));
        CHECK(reps[2].done_start == Duration::ns(35));
    }
    SECTION("single-irqoff: the one method drives every instance") {
        CHECK(fw.invalidate(policy("single-irqoff"), {0, 64}, 0, clock, reps) == invalidate::kOk);
        CHECK(log == std::vector<std::string>{"wbinv:a", "wbinv:b", "wbinv:c", "done:a", "done:b", "done:c"});
        CHECK(reps.size() == 3);
        CHECK(clock.t == Duration::ns(45));
    }
    SECTION("unregistering removes an instance") {
        CHECK(fw.remove("b"));
        CHECK_FALSE(fw.remove("b"));
        fw.invalidate(policy("parallel"), {0, 64}, 0, clock, reps);
        CHECK(log == std::vector<std::string>{"wbinv:a", "wbinv:c", "done:a", "done:c"});
    }
}

TEST_CASE("the first error wins, and the others still run", "[invalidate]") {
    std::vector<std::string> log;
    FakeClock clock;
    Recorder ok1("ok1", log, clock), busy("busy", log, clock, invalidate::kEBUSY),
        slow("slow", log, clock, 0, invalidate::kETIMEDOUT);
    FrameworkCore fw;
    fw.add(&ok1);
    fw.add(&busy);
    fw.add(&slow);
    std::vector<InstanceReport> reps;
    for (const char* name : {"parallel", "single-irqoff"}) {
        log.clear();
        CHECK(fw.invalidate(policy(name), {0, 64}, 0, clock, reps) == invalidate::kEBUSY);
        // An instance whose wbinv failed is not waited for.
        CHECK(log == std::vector<std::string>{"wbinv:ok1", "wbinv:busy", "wbinv:slow", "done:ok1", "done:slow"});
        CHECK(reps[1].done_time == Duration());
        CHECK(reps[2].rc == invalidate::kETIMEDOUT);
    }
    log.clear();
    CHECK(fw.invalidate(policy("sequential"), {0, 64}, 0, clock, reps) == invalidate::kEBUSY);
    CHECK(log == std::vector<std::string>{"wbinv:ok1", "done:ok1", "wbinv:busy", "wbinv:slow", "done:slow"});
    CHECK(reps[2].rc == invalidate::kETIMEDOUT);
}
