#include <catch2/catch.hpp>

#include "models/common/occupancy.h"
#include "models/mem/channel_timing.h"

using invalsim::common::Duration;
using invalsim::common::Occupancy;
using invalsim::common::transfer_time;
using invalsim::mem::ChannelTiming;

TEST_CASE("transfer time is bytes over bandwidth, rounded up", "[timing]") {
    CHECK(transfer_time(64, 64.0) == Duration::ns(1));
    CHECK(transfer_time(64, 25.6) == Duration::ps(2500));
    CHECK(transfer_time(1, 3.0) == Duration::ps(334));
    CHECK(transfer_time(64, 0.0) == Duration());
}

TEST_CASE("an occupied resource queues later arrivals", "[timing]") {
    Occupancy o;
    CHECK(o.reserve(Duration::ns(10), Duration::ns(5)) == Duration::ns(10));
    CHECK(o.reserve(Duration::ns(12), Duration::ns(5)) == Duration::ns(15));
    CHECK(o.reserve(Duration::ns(30), Duration::ns(5)) == Duration::ns(30));
    CHECK(o.busy_total() == Duration::ns(15));
    CHECK(o.queued_total() == Duration::ns(3));
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
