#include <catch2/catch.hpp>

#include "models/common/link_rate.h"
#include "models/common/occupancy.h"
#include "models/mem/channel_timing.h"

using invalsim::common::Duration;
using invalsim::common::LinkRate;
using invalsim::common::Occupancy;
using invalsim::common::transfer_time;
using invalsim::mem::ChannelTiming;

TEST_CASE("transfer time is bytes over bandwidth, rounded up", "[timing]") {
    CHECK(transfer_time(64, 64.0) == Duration::ns(1));
    CHECK(transfer_time(64, 25.6) == Duration::ps(2500));
    CHECK(transfer_time(1, 3.0) == Duration::ps(334));
    CHECK(transfer_time(64, 0.0) == Duration());
}

TEST_CASE("a link rate adds its overhead and stays exact as message sizes change", "[timing]") {
    LinkRate rate(3.0, 16);
    // Sizes alternate and change within each memo slot (empty / not empty).
    for (std::uint64_t bytes : {0, 64, 64, 1, 0, 48, 64, 0, 1}) {
        CHECK(rate.transfer(bytes) == transfer_time(16 + bytes, 3.0));
    }
    CHECK(rate.transfer(1) == Duration::ps(5667));
    LinkRate unlimited(0.0);
    CHECK(unlimited.transfer(64) == Duration());
}

TEST_CASE("an occupied resource queues arrivals in order like a FIFO", "[timing]") {
    Occupancy o;
    CHECK(o.reserve(Duration::ns(10), Duration::ns(5)) == Duration::ns(10));
    CHECK(o.reserve(Duration::ns(12), Duration::ns(5)) == Duration::ns(15));
    CHECK(o.reserve(Duration::ns(40), Duration::ns(5)) == Duration::ns(40));
    CHECK(o.busy_total() == Duration::ns(15));
    CHECK(o.queued_total() == Duration::ns(3));
}

TEST_CASE("a lagging initiator does not queue behind another's future", "[timing]") {
    Occupancy o;
    // One initiator ran 1 us ahead and used the resource lightly there.
    for (int i = 0; i < 10; ++i) o.reserve(Duration::ns(1000 + 100 * i), Duration::ns(2));
    // Another, still at time 0, finds the present idle.
    CHECK(o.reserve(Duration::ns(0), Duration::ns(2)) == Duration::ns(0));
}

TEST_CASE("bandwidth holds under saturation whatever the arrival order", "[timing]") {
    Occupancy o;
    Duration last;
    // 100 requests of 4 ns all arriving at once need 400 ns of service.
    for (int i = 0; i < 100; ++i) last = o.reserve(Duration::ns(50), Duration::ns(4));
    CHECK(last.as_ns() >= 50 + 396 - 16);
    CHECK(last.as_ns() <= 50 + 396 + 16);
    // A later arrival that falls inside that busy period waits for its end.
    CHECK(o.reserve(Duration::ns(100), Duration::ns(4)).as_ns() >= 440);
}

TEST_CASE("DRAM channels interleave and queue independently", "[timing][mem]") {
    ChannelTiming t(2, 256, 25.6);
    const Duration lat = Duration::ns(50);
    CHECK(t.channel_of(0) == 0);
    CHECK(t.channel_of(256) == 1);
    CHECK(t.channel_of(512) == 0);
    // Idle: latency plus the transfer.
    CHECK(t.access(Duration(), 0, 64, lat) == Duration::ps(52500));
    // Same channel at the same instant waits for the first transfer.
    CHECK(t.access(Duration(), 64, 64, lat) == Duration::ps(55000));
    // The other channel is free.
    CHECK(t.access(Duration(), 256, 64, lat) == Duration::ps(52500));
}
