#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "models/common/histogram.h"
#include "models/cpu/access.h"
#include "models/cpu/lackey_reader.h"
#include "models/cpu/synthetic_source.h"
#include "models/cpu/trace_placement.h"
#include "models/cpu/zipf.h"

using namespace invalsim;
using namespace invalsim::cpu;

TEST_CASE("zipf ranks follow the skew", "[workload]") {
    Zipf z(1000, 0.99);
    common::Rng rng(3);
    std::map<std::uint64_t, int> hits;
    const int n = 200000;
    for (int i = 0; i < n; ++i) ++hits[z.rank(rng.unit())];
    // P(rank 0) = 1 / zeta(1000, 0.99) = 0.1335...
    CHECK(hits[0] / double(n) == Approx(1.0 / Zipf::zeta(1000, 0.99)).epsilon(0.03));
    CHECK(hits[0] > hits[1]);
    CHECK(hits[1] > hits[10]);
    CHECK(hits.rbegin()->first < 1000);
    // The approximate tail of zeta stays close to the exact sum.
    CHECK(Zipf::zeta(3'000'000, 0.5) == Approx(3461.2).epsilon(0.001));
}

TEST_CASE("synthetic patterns cover their footprint as described", "[workload]") {
    GeneratorSpec g;
    g.base = 0x10000;
    g.footprint_bytes = 64 * 16;
    g.access_bytes = 64;
    g.count = 32;
    g.pattern = Pattern::Sequential;
    SyntheticSource seq(g, 1);
    Access a;
    std::vector<common::Addr> addrs;
    while (seq.next(a)) addrs.push_back(a.addr);
    REQUIRE(addrs.size() == 32);
    CHECK(addrs[0] == 0x10000);
    CHECK(addrs[15] == 0x10000 + 15 * 64);
    CHECK(addrs[16] == 0x10000);

    g.pattern = Pattern::Stride;
    g.stride_bytes = 256;
    SyntheticSource stride(g, 1);
    stride.next(a);
    stride.next(a);
    CHECK(a.addr == 0x10100);

    g.pattern = Pattern::Uniform;
    g.count = 4000;
    g.read_fraction = 0.7;
    SyntheticSource uni(g, 5), again(g, 5);
    std::set<common::Addr> seen;
    int loads = 0;
    Access b;
    while (uni.next(a)) {
        again.next(b);
        CHECK(a.addr == b.addr);
        CHECK(a.addr % 64 == 0);
        CHECK(a.addr >= 0x10000);
        CHECK(a.addr < 0x10000 + 1024);
        seen.insert(a.addr);
        loads += a.kind == Access::Kind::Load;
    }
    CHECK(seen.size() == 16);
    CHECK(loads / 4000.0 == Approx(0.7).epsilon(0.05));
}

TEST_CASE("the hot set concentrates accesses on few lines, scattered", "[workload]") {
    GeneratorSpec g;
    g.pattern = Pattern::HotSet;
    g.footprint_bytes = 64 * 4096;
    g.access_bytes = 64;
    g.count = 20000;
    g.skew = 0.99;
    SyntheticSource src(g, 9);
    std::map<common::Addr, int> freq;
    Access a;
    while (src.next(a)) ++freq[a.addr];
    std::vector<int> counts;
    for (auto& [addr, c] : freq) counts.push_back(c);
    std::sort(counts.rbegin(), counts.rend());
    int top = 0;
    for (int i = 0; i < 40; ++i) top += counts[i];
    CHECK(top > 20000 / 3);  // 1% of the lines take over a third of the accesses
    const auto hottest = std::max_element(freq.begin(), freq.end(),
                                          [](auto& a, auto& b) { return a.second < b.second; });
    CHECK(hottest->first != 0);  // popular lines are scattered, not packed at the start
}

TEST_CASE("lackey traces parse line by line", "[workload][trace]") {
    std::istringstream in(
        "==123== Lackey, an example Valgrind tool\n"
        "I  04000000,3\n"
        " S 7ff000398,8\n"
        " L 04a23f98,8\n"
        " M 0421b0e0,4\n"
        "\n");
    LackeyReader r(in);
    TraceRecord rec;
    REQUIRE(r.next(rec));
    CHECK(rec.kind == TraceRecord::Kind::Instr);
    CHECK(rec.addr == 0x4000000);
    CHECK(rec.size == 3);
    REQUIRE(r.next(rec));
    CHECK(rec.kind == TraceRecord::Kind::Store);
    CHECK(rec.addr == 0x7ff000398ULL);
    REQUIRE(r.next(rec));
    REQUIRE(r.next(rec));
    CHECK(rec.kind == TraceRecord::Kind::Modify);
    CHECK_FALSE(r.next(rec));
}

TEST_CASE("bad trace lines name their line number", "[workload][trace]") {
    for (const char* bad : {" X 1000,8\n", " L 1000\n", " L zz,8\n", " L 1000,0\n", " L 1000,8x\n"}) {
        std::istringstream in(std::string("I  1,1\n") + bad);
        LackeyReader r(in);
        TraceRecord rec;
        r.next(rec);
        CHECK_THROWS_WITH(r.next(rec), Catch::StartsWith("line 2: "));
    }
}

TEST_CASE("first-touch placement hands out frames in order, keeping page offsets", "[workload][trace]") {
    TracePlacement p(TracePlacementMode::FirstTouch, 0x8000'0000, 3 * 4096, 0);
    common::Addr pa = 0;
    std::string err;
    REQUIRE(p.place(0x7ff000398ULL, 8, pa, err));
    CHECK(pa == 0x8000'0398);
    REQUIRE(p.place(0x400010, 8, pa, err));
    CHECK(pa == 0x8000'1010);
    REQUIRE(p.place(0x7ff000fc0ULL, 8, pa, err));
    CHECK(pa == 0x8000'0fc0);
    REQUIRE(p.place(0x123000, 8, pa, err));
    CHECK_FALSE(p.place(0x999000, 8, pa, err));
    CHECK_THAT(err, Catch::Contains("more pages than the range holds (3)"));

    TracePlacement off(TracePlacementMode::Offset, 0x1'0000'0000ULL, 1 << 20, 0x400000);
    REQUIRE(off.place(0x400040, 8, pa, err));
    CHECK(pa == 0x1'0000'0040ULL);
    CHECK_FALSE(off.place(0x3fffff, 1, pa, err));
    CHECK_THAT(err, Catch::Contains("trace address 0x3fffff (+1) falls outside") &&
                        Catch::Contains("(0x400000 up to 0x500000)"));
    CHECK_FALSE(off.place(0x400000 + (1 << 20), 1, pa, err));
    CHECK_THAT(err, Catch::Contains("trace address 0x500000 "));
}

TEST_CASE("histogram buckets list the non-empty ones in order, each holding its samples",
          "[histogram]") {
    common::Histogram h;
    h.record(common::Duration::ps(3));
    h.record(common::Duration::ns(100));
    h.record(common::Duration::ns(100));
    h.record(common::Duration::ns(1000));
    std::vector<std::uint64_t> from, to, count;
    h.for_each_bucket([&](std::uint64_t f, std::uint64_t t, std::uint64_t n) {
        from.push_back(f);
        to.push_back(t);
        count.push_back(n);
    });
    REQUIRE(count == std::vector<std::uint64_t>{1, 2, 1});
    CHECK(from[0] == 3);
    CHECK(to[0] == 4);  // below 16 ps every value has its own bucket
    for (std::size_t i = 1; i < 3; ++i) {
        const std::uint64_t v = i == 1 ? 100'000 : 1'000'000;
        CHECK(from[i] <= v);
        CHECK(to[i] > v);
        CHECK(static_cast<double>(to[i] - from[i]) <= v / 16.0);  // 16 buckets per power of two
    }
    CHECK(from[1] == 98'304);  // 100 ns lies in [2^16 + 8 x 2^12, 2^16 + 9 x 2^12) ps
    CHECK(to[1] == 102'400);
}

TEST_CASE("histogram percentiles are within a bucket of the truth", "[histogram]") {
    common::Histogram h;
    for (int i = 1; i <= 1000; ++i) h.record(common::Duration::ns(i));
    CHECK(h.count() == 1000);
    CHECK(h.max() == common::Duration::ns(1000));
    CHECK(h.percentile(0.5).as_ns() == Approx(500).epsilon(0.04));
    CHECK(h.percentile(0.99).as_ns() == Approx(990).epsilon(0.04));
    CHECK(h.percentile(0.999).as_ns() <= 1000.0);
    CHECK(h.mean_ps() / 1000 == Approx(500.5));
    common::Histogram one;
    one.record(common::Duration::ps(7));
    CHECK(one.percentile(0.5) == common::Duration::ps(7));
}

TEST_CASE("store data repeats the value's bytes from the access's own offset", "[workload]") {
    const std::uint64_t v = 0x8877665544332211ULL;
    std::uint8_t buf[24];
    // Bytes 3..22 of an access: byte k is byte k % 8 of the value.
    fill_repeating(buf, 20, v, 3);
    for (unsigned i = 0; i < 20; ++i) {
        CHECK(buf[i] == static_cast<std::uint8_t>(v >> (8 * ((3 + i) % 8))));
    }
    fill_repeating(buf, 8, v, 0);
    CHECK(buf[0] == 0x11);
    CHECK(buf[7] == 0x88);
}
