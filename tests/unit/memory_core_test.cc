#include <catch2/catch.hpp>

#include <memory>
#include <vector>

#include "models/cxl/cxl_backend.h"
#include "models/mem/memory_core.h"
#include "models/nvdimm/nvdimm_backend.h"

using namespace invalsim;
using common::Duration;

namespace {

struct Recorder : mem::WriteObserver {
    void on_write(std::uint32_t, std::uint64_t dpa, const std::uint8_t*, std::uint32_t) override {
        seen.push_back(dpa);
    }
    std::vector<std::uint64_t> seen;
};

}  // namespace

SCENARIO("a locked NVDIMM drops writes without showing them to the checker", "[mem]") {
    nvdimm::NvdimmParams p;
    p.size_bytes = 1ULL << 30;
    p.locked = true;
    mem::MemoryCore core(std::make_unique<nvdimm::NvdimmBackend>(p));
    Recorder rec;
    core.observe(&rec, 0);
    std::vector<std::uint8_t> line(64, 0x5A);
    Duration d;
    WHEN("a dirty line is written back while it is locked") {
        CHECK(core.access(0x1000, line.data(), 64, false, Duration(), d));
        THEN("the media keeps its contents and the observer sees nothing") {
            CHECK(rec.seen.empty());
            CHECK(core.stats().dropped_writes == 1);
            CHECK(core.stats().writes == 1);
            std::uint8_t b = 0;
            core.store().read(0x1000, &b, 1);
            CHECK(b == 0x00);
        }
    }
    WHEN("it is unlocked and written") {
        dynamic_cast<nvdimm::NvdimmBackend&>(core.backend()).set_locked(false);
        CHECK(core.access(0x1000, line.data(), 64, false, Duration(), d));
        THEN("the observer sees the write and the media takes it") {
            CHECK(rec.seen == std::vector<std::uint64_t>{0x1000});
            CHECK(core.stats().dropped_writes == 0);
            std::uint8_t b = 0;
            core.store().read(0x1000, &b, 1);
            CHECK(b == 0x5A);
        }
    }
}

TEST_CASE("a CXL decoder past the media's end does not answer", "[mem]") {
    cxl::CxlParams p;
    p.size_bytes = 256ULL << 20;
    auto b = std::make_unique<cxl::CxlBackend>(p);
    // A 512 MiB decoder on a 256 MiB device: its upper half has no media.
    b->add_decoder({0x1000'0000'0000ULL, 512ULL << 20, 1, 4096, 0, 0, true});
    mem::MemoryCore core(std::move(b));
    std::uint64_t dpa = 0;
    CHECK(core.resolve(0x1000'0000'0000ULL + (256ULL << 20) - 64, 64, dpa));
    CHECK_FALSE(core.resolve(0x1000'0000'0000ULL + (256ULL << 20), 64, dpa));
    std::vector<std::uint8_t> out(64, 0);
    Duration d;
    CHECK_FALSE(core.access(0x1000'0000'0000ULL + (300ULL << 20), out.data(), 64, true, Duration(), d));
    CHECK(out == std::vector<std::uint8_t>(64, 0xff));
    CHECK(core.stats().undecoded == 1);
}
