#include <catch2/catch.hpp>

#include <vector>

#include "models/mem/sparse_store.h"

using invalsim::mem::SparseStore;

SCENARIO("a sparse store allocates pages only when written", "[mem]") {
    GIVEN("a 1 TiB device filled with 0xEE") {
        SparseStore store(1ULL << 40, 0xEE);
        THEN("it costs nothing until touched, and reads the fill value") {
            std::vector<std::uint8_t> buf(100, 0);
            store.read((1ULL << 40) - 100, buf.data(), buf.size());
            CHECK(buf == std::vector<std::uint8_t>(100, 0xEE));
            CHECK(store.pages_allocated() == 0);
        }
        WHEN("a write crosses a page boundary") {
            std::vector<std::uint8_t> data(16);
            for (int i = 0; i < 16; ++i) data[i] = static_cast<std::uint8_t>(i);
            store.write(SparseStore::kPageBytes - 8, data.data(), data.size());
            THEN("two pages exist and the data reads back, fill around it") {
                CHECK(store.pages_allocated() == 2);
                std::vector<std::uint8_t> back(18);
                store.read(SparseStore::kPageBytes - 9, back.data(), back.size());
                CHECK(back[0] == 0xEE);
                for (int i = 0; i < 16; ++i) CHECK(back[i + 1] == i);
                CHECK(back[17] == 0xEE);
            }
        }
    }
}

TEST_CASE("sparse store rejects accesses beyond the device", "[mem]") {
    SparseStore store(8192, 0);
    std::uint8_t b[4] = {};
    CHECK_THROWS_AS(store.read(8190, b, 4), std::out_of_range);
    CHECK_THROWS_AS(store.write(~0ULL - 1, b, 4), std::out_of_range);
    CHECK_NOTHROW(store.read(8188, b, 4));
}
