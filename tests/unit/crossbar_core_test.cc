#include <catch2/catch.hpp>

#include "models/noc/crossbar_core.h"

using namespace invalsim;
using common::Duration;
using noc::CrossbarCore;
using noc::CrossbarParams;

namespace {

// Two outputs split at `split`; the second sees addresses rebased to zero.
// Nothing at or above `end` is served.
class SplitRouter final : public noc::Router {
public:
    SplitRouter(common::Addr split, common::Addr end, std::uint32_t first_port)
        : m_split(split), m_end(end), m_first(first_port) {}
    bool route(common::Addr addr, std::uint32_t len, noc::Route& out) const override {
        if (addr + len > m_end) return false;
        out = addr < m_split ? noc::Route{m_first, addr} : noc::Route{m_first + 1, addr - m_split};
        return true;
    }

private:
    common::Addr m_split, m_end;
    std::uint32_t m_first;
};

// Inputs 0 and 1 route with a router over ports 0-1; input 2 with one that
// sends everything to port 2 (its split lies beyond its end).
CrossbarCore make_crossbar(CrossbarParams p = {}) {
    std::vector<std::unique_ptr<noc::Router>> routers;
    routers.push_back(std::make_unique<SplitRouter>(0x1000, 0x10000, 0));
    routers.push_back(std::make_unique<SplitRouter>(0x20000, 0x10000, 2));
    return CrossbarCore(p, std::move(routers), {0, 0, 1}, {"a", "b", "c"});
}

// A whole access: request leg, `service` at the target, response leg.
Duration access(CrossbarCore& x, std::uint32_t input, common::Addr addr, std::uint32_t len, bool read,
                Duration now, Duration service = Duration()) {
    Duration d;
    const CrossbarCore::Hop h = x.forward(input, addr, len, read, now, d);
    REQUIRE(h.ok);
    d += service;
    x.back(h, now + d, d);
    return d;
}

// At 64 GB/s a byte takes 15.625 ps: a 16-byte header 250 ps, header and
// a 64-byte line 1,250 ps.
const Duration kHeader = Duration::ps(250);
const Duration kHeaderAndLine = Duration::ps(1250);
const Duration kHop = Duration::ns(5);

}  // namespace

SCENARIO("a crossbar routes each input group with its own router", "[noc]") {
    CrossbarCore x = make_crossbar();
    Duration d;
    CHECK(x.forward(0, 0x0800, 64, true, Duration(), d).port == 0);
    const CrossbarCore::Hop h = x.forward(1, 0x1040, 64, true, Duration(), d);
    CHECK(h.port == 1);
    CHECK(h.addr == 0x40);
    CHECK(x.forward(2, 0x0800, 64, true, Duration(), d).port == 2);
    WHEN("nothing serves the address") {
        Duration none;
        CHECK_FALSE(x.forward(0, 0x10000, 64, true, Duration(), none).ok);
        THEN("it is a decode error that costs nothing") {
            CHECK(none == Duration());
            CHECK(x.stats().decode_errors == 1);
            CHECK(x.stats().requests == 4);
        }
    }
}

SCENARIO("a read sends a header out and brings the data back", "[noc]") {
    CrossbarCore x = make_crossbar();
    Duration d;
    const CrossbarCore::Hop h = x.forward(0, 0x40, 64, true, Duration(), d);
    THEN("the request leg carries only the header") { CHECK(d == kHop + kHeader); }
    AND_THEN("the response leg carries header and line, then the hop back") {
        x.back(h, d, d);
        CHECK(d == kHop + kHeader + kHeaderAndLine + kHop);
        const noc::PortStats p = x.stats().ports[0];  // a copy: stats() returns by value
        CHECK(p.read_bytes == 64);
        CHECK(p.write_bytes == 0);
        CHECK(p.busy == kHeader);
        CHECK(p.response_busy == kHeaderAndLine);
    }
}

SCENARIO("a write carries its data on the request leg and a completion back", "[noc]") {
    CrossbarCore x = make_crossbar();
    CHECK(access(x, 0, 0x40, 64, false, Duration()) == kHop + kHeaderAndLine + kHeader + kHop);
    const noc::PortStats p = x.stats().ports[0];  // a copy: stats() returns by value
    CHECK(p.write_bytes == 64);
    CHECK(p.busy == kHeaderAndLine);
    CHECK(p.response_busy == kHeader);
}

SCENARIO("the header size is a parameter", "[noc]") {
    CrossbarParams p;
    p.header_bytes = 0;
    CrossbarCore x = make_crossbar(p);
    CHECK(access(x, 0, 0x40, 64, true, Duration()) == kHop + Duration::ns(1) + kHop);
}

SCENARIO("each direction of each port queues on its own", "[noc]") {
    CrossbarCore x = make_crossbar();
    const Duration t0 = Duration::ns(100);
    GIVEN("a write that holds port a's request link") {
        access(x, 0, 0x40, 64, false, t0);
        THEN("a second write to port a queues behind it") {
            CHECK(access(x, 1, 0x80, 64, false, t0) == kHop + kHeaderAndLine * 2 + kHeader + kHop);
            CHECK(x.stats().ports[0].queued == kHeaderAndLine);
        }
        AND_THEN("a write to port b does not") {
            CHECK(access(x, 1, 0x1080, 64, false, t0) == kHop + kHeaderAndLine + kHeader + kHop);
        }
        AND_THEN("a read's data coming back on port a's response link does not") {
            // Its header waits for the write's data on the request link; its
            // response leg finds the response link idle when it gets there.
            CHECK(access(x, 1, 0x80, 64, true, t0) == kHop + kHeaderAndLine + kHeader + kHeaderAndLine + kHop);
            CHECK(x.stats().ports[0].response_queued == Duration());
        }
    }
    GIVEN("two reads whose data leave port a at the same time") {
        Duration d1, d2;
        const auto h1 = x.forward(0, 0x40, 64, true, t0, d1);
        const auto h2 = x.forward(1, 0x1000 - 64, 64, true, t0 + kHeader, d2);
        // Both reach the target and are served by the same instant.
        const Duration ready = t0 + Duration::ns(50);
        Duration r1 = ready - t0, r2 = ready - t0 - kHeader;
        x.back(h1, ready, r1);
        x.back(h2, ready, r2);
        THEN("the second's data waits for the first's on the response link") {
            CHECK(r1 == Duration::ns(50) + kHeaderAndLine + kHop);
            CHECK(r2 == Duration::ns(50) - kHeader + kHeaderAndLine * 2 + kHop);
            CHECK(x.stats().ports[0].response_queued == kHeaderAndLine);
            CHECK(x.stats().ports[0].queued == Duration());
        }
    }
}

TEST_CASE("crossbar links sustain their bandwidth in each direction", "[noc]") {
    CrossbarCore x = make_crossbar();
    // 1,000 line reads at once on one port, 20 ns at the target each: their
    // headers need 250 ns of request link, their data 1,250 ns of response
    // link, which bounds the last completion.
    Duration last;
    for (int i = 0; i < 1000; ++i) {
        Duration d;
        const auto h = x.forward(0, 0x40, 64, true, Duration(), d);
        d += Duration::ns(20);
        x.back(h, d, d);
        last = std::max(last, d);
    }
    const double ideal = 5 + 0.25 + 20 + 1250 + 5;
    CHECK(last.as_ns() >= ideal - 16);
    CHECK(last.as_ns() <= ideal + 16);
    CHECK(x.stats().ports[0].busy == kHeader * 1000);
    CHECK(x.stats().ports[0].read_bytes == 64000);
    CHECK(x.stats().ports[0].response_busy == kHeaderAndLine * 1000);
}
