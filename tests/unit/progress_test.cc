#include <catch2/catch.hpp>

#include <cstdio>
#include <string>

#include "sim/sweep/progress.h"

using invalsim::sweep::Progress;

namespace {

// Everything written to a temporary stream.
std::string text_of(std::FILE* f) {
    std::fflush(f);
    std::rewind(f);
    std::string s;
    for (int c; (c = std::fgetc(f)) != EOF;) s += static_cast<char>(c);
    return s;
}

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
    return n;
}

}  // namespace

SCENARIO("sweep progress on a terminal and in a log", "[sweep]") {
    std::FILE* f = std::tmpfile();
    REQUIRE(f);
    GIVEN("a terminal and 4 points, 1 of them already complete") {
        Progress p(f, true, 4, 1);
        WHEN("the sweep starts") {
            p.start();
            THEN("a bar shows the points done so far before any point finishes") {
                const std::string s = text_of(f);
                CHECK(s.rfind("\r[#######", 0) == 0);
                CHECK_THAT(s, Catch::Contains("1/4 points, 0 failed, elapsed 0:00, ETA --:--"));
            }
        }
        WHEN("points finish, one failing") {
            p.start();
            p.finished(true);
            p.finished(false);
            p.finished(true);
            THEN("the bar is redrawn in place each time and ends the line when done") {
                const std::string s = text_of(f);
                CHECK(count(s, "\r[") == 4);
                CHECK_THAT(s, Catch::Contains("3/4 points, 1 failed"));
                CHECK_THAT(s, Catch::EndsWith("4/4 points, 1 failed, elapsed 0:00, ETA 0:00\033[K\n"));
                CHECK(count(s, "\n") == 1);
            }
        }
        WHEN("no second has passed") {
            p.start();
            p.tick();
            THEN("tick does not redraw") { CHECK(count(text_of(f), "\r[") == 1); }
        }
    }
    GIVEN("a log and 2 points") {
        Progress p(f, false, 2, 0);
        p.start();
        p.finished(false);
        p.tick();
        p.finished(true);
        THEN("one plain line per finished point, no carriage returns") {
            const std::string s = text_of(f);
            CHECK(s.find('\r') == std::string::npos);
            CHECK_THAT(s, Catch::StartsWith("sweep: 2 points, 2 to run\n"
                                            "sweep: 1/2 points done, 1 failed, elapsed 0:00, ETA "));
            CHECK_THAT(s, Catch::Contains("sweep: 2/2 points done, 1 failed, elapsed 0:00, ETA 0:00\n"));
            CHECK(count(s, "\n") == 3);
        }
    }
    std::fclose(f);
}
