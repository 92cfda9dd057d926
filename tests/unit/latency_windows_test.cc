#include <catch2/catch.hpp>

#include "models/cpu/latency_windows.h"

using invalsim::common::Duration;
using invalsim::cpu::LatencyWindows;

TEST_CASE("co-runner windows count other CPUs' loads and retire once past", "[cpu]") {
    LatencyWindows w;
    CHECK_FALSE(w.watching());
    const std::size_t a = w.open(Duration::ns(10), 0);
    w.close(a, Duration::ns(20));
    const std::size_t b = w.open(Duration::ns(15), 1);  // open-ended
    w.record(1, Duration::ns(12), Duration::ns(5), Duration());  // a only: b excludes CPU 1
    w.record(2, Duration::ns(16), Duration::ns(7), Duration());  // both
    w.record(0, Duration::ns(17), Duration::ns(9), Duration());  // b only
    CHECK(w.window(a).latency.count() == 2);
    CHECK(w.window(b).latency.count() == 2);
    CHECK(w.open_windows() == 2);
    // Once no load before 21 ns can come, window a (ending at 20 ns) retires.
    w.record(2, Duration::ns(25), Duration::ns(3), Duration::ns(21));
    CHECK(w.open_windows() == 1);
    CHECK(w.window(a).latency.count() == 2);
    CHECK(w.window(b).latency.count() == 3);
    w.close(b, Duration::ns(30));
    w.record(2, Duration::ns(40), Duration::ns(3), Duration::ns(40));
    CHECK_FALSE(w.watching());
    CHECK(w.window(b).latency.count() == 3);
}
