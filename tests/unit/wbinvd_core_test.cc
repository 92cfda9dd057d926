#include <catch2/catch.hpp>

#include <memory>
#include <vector>

#include "fake_memory.h"
#include "models/invalidate/wbinvd_core.h"

using namespace invalsim;
using cache::CacheCore;
using cache::LineState;
using common::Duration;
using invalidate::WbinvdTimeline;

namespace {

cache::CacheParams sixteen_lines(std::uint32_t line) {
    cache::CacheParams p;
    p.size_bytes = 16 * line;
    p.ways = 4;
    p.line_bytes = line;
    return p;
}

// Two CPUs with one 16-line cache each, and one agent with a 16-line slice,
// over memories that take 100 ns per request.
struct Rig {
    Rig() {
        home_agent::HomeAgentParams p;
        p.slc.size_bytes = 16 * 128;
        p.slc.ways = 4;
        p.slc.line_bytes = 128;
        home_agent::HomeAgentCore::Wiring w;
        w.granule_bytes = 64;
        w.snoop_filter_entries = 64;
        agent = std::make_unique<home_agent::HomeAgentCore>(p, w, slc_mem);
        for (auto* c : {&cpu0, &cpu1}) machine.cpu_caches.push_back({c});
        machine.agents.push_back(agent.get());
    }
    void dirty_cpu0(int lines) {
        std::uint8_t b[8] = {1, 2, 3, 4, 5, 6, 7, 8};
        for (int i = 0; i < lines; ++i) {
            Duration d;
            cpu0.store(0x1000 + 64 * i, b, 8, d);
        }
    }
    void dirty_slice() {
        std::vector<std::uint8_t> data(128, 0x5a);
        coherence::LineRequest wb{coherence::Req::WriteBack, 0x8000, 128, data.data(), 0};
        Duration d;
        agent->handle(wb, d);
    }
    WbinvdTimeline run() { return invalidate::run_wbinvd(machine, Duration::us(2), Duration::ns(5), {}); }

    test::FakeMemory cpu_mem{Duration::ns(100)};
    test::FakeMemory slc_mem{Duration::ns(100), 128};
    CacheCore cpu0{sixteen_lines(64), Duration::ns(1), cpu_mem, 1};
    CacheCore cpu1{sixteen_lines(64), Duration::ns(1), cpu_mem, 2};
    std::unique_ptr<home_agent::HomeAgentCore> agent;
    invalidate::Machine machine;
};

}  // namespace

SCENARIO("WBINVD: every CPU's caches, then the shared caches, walk then drain", "[wbinvd]") {
    GIVEN("nothing dirty") {
        Rig rig;
        const WbinvdTimeline t = rig.run();
        THEN("each part is its walk: 16 lines x 5 ns") {
            CHECK(t.land == Duration::us(2));
            CHECK(t.private_part == std::vector<Duration>{Duration::ns(80), Duration::ns(80)});
            CHECK(t.shared_start == Duration::us(2) + Duration::ns(80));
            CHECK(t.end == t.shared_start + Duration::ns(80));
            CHECK(t.totals.written_back == 0);
        }
    }
    GIVEN("dirty lines in CPU 0 and in the slice") {
        Rig rig;
        rig.dirty_cpu0(4);
        rig.dirty_slice();
        const WbinvdTimeline t = rig.run();
        THEN("the write-backs' drain adds to the walks") {
            CHECK(t.private_part == std::vector<Duration>{Duration::ns(180), Duration::ns(80)});
            CHECK(t.shared_start == Duration::us(2) + Duration::ns(180));
            CHECK(t.end == t.shared_start + Duration::ns(180));
            CHECK(t.totals.written_back == 5);
        }
        THEN("the data is in memory and nothing is cached") {
            CHECK(rig.cpu_mem.byte(0x10c0) == 1);
            CHECK(rig.slc_mem.byte(0x8000) == 0x5a);
            CHECK(rig.cpu0.valid_lines() == 0);
            CHECK(rig.agent->slc()->valid_lines() == 0);
        }
    }
}
