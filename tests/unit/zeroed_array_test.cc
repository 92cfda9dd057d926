#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdint>
#include <utility>
#include <vector>

#include "models/common/huge_page_allocator.h"
#include "models/common/zeroed_array.h"

using invalsim::common::ZeroedArray;

namespace {
bool all_zero(const ZeroedArray<std::uint8_t>& a) {
    return std::all_of(a.data(), a.data() + a.size(), [](std::uint8_t b) { return b == 0; });
}
}  // namespace

SCENARIO("zeroed arrays start zero whatever their size and whatever was freed before", "[common]") {
    // Sizes on each path: calloc, packed into shared huge-page slabs, mapped alone.
    const std::size_t size = GENERATE(std::size_t{4096}, std::size_t{64} << 10, std::size_t{300} << 10,
                                      (std::size_t{2} << 20) - 64, std::size_t{3} << 20);
    GIVEN("arrays of " << size << " bytes written all over and freed") {
        std::vector<ZeroedArray<std::uint8_t>> arrays;
        for (int i = 0; i < 3; ++i) {
            arrays.emplace_back(size);
            std::fill(arrays.back().data(), arrays.back().data() + size, std::uint8_t(0xA5));
        }
        THEN("they do not overlap") {
            for (std::size_t i = 0; i < arrays.size(); ++i) {
                for (std::size_t j = i + 1; j < arrays.size(); ++j) {
                    const auto* a = arrays[i].data();
                    const auto* b = arrays[j].data();
                    CHECK((a + size <= b || b + size <= a));
                }
            }
        }
        WHEN("one is freed and new ones are made") {
            arrays.erase(arrays.begin() + 1);
            ZeroedArray<std::uint8_t> fresh(size);
            ZeroedArray<std::uint8_t> sparse(size, false);
            THEN("the new ones read zero, the others keep their data") {
                CHECK(all_zero(fresh));
                CHECK(all_zero(sparse));
                CHECK(arrays[0][size - 1] == 0xA5);
                CHECK(arrays[1][0] == 0xA5);
            }
        }
    }
}

TEST_CASE("packed arrays are page aligned, so that freeing one returns whole pages", "[common]") {
    std::vector<ZeroedArray<std::uint64_t>> arrays;
    for (int i = 0; i < 200; ++i) arrays.emplace_back(std::size_t{9000} + i);  // 72 KiB+: packed; 200 of them span slabs
    for (auto& a : arrays) {
        CHECK(reinterpret_cast<std::uintptr_t>(a.data()) % 4096 == 0);
        a[a.size() - 1] = 7;
    }
    arrays.erase(arrays.begin(), arrays.begin() + 100);  // the first slab's arrays all go
    ZeroedArray<std::uint64_t> again(9000);
    CHECK(again[8999] == 0);
    for (const auto& a : arrays) CHECK(a[a.size() - 1] == 7);
}

namespace {
// What the test writes at page offset i of an array of `size` bytes: its page
// number, except in one huge page of the biggest array, left untouched.
std::uint8_t page_mark(std::size_t size, std::size_t i) {
    if (size > (8u << 20) && i >= (2u << 20) && i < (4u << 20)) return 0;
    return static_cast<std::uint8_t>(i >> 12);
}

// In a forked child: the arrays' contents survive unshare_dense_arrays and
// writes there stay the child's. Returns the child's verdict as its exit code.
int child_checks(std::vector<ZeroedArray<std::uint8_t>>& arrays) {
    invalsim::common::unshare_dense_arrays();
    int bad = 0;
    for (auto& a : arrays) {
        for (std::size_t i = 0; i < a.size(); i += 4096) bad += a[i] != page_mark(a.size(), i);
        bad += a[a.size() - 1] != 0x5a;
        std::fill(a.data(), a.data() + a.size(), std::uint8_t(0xC3));
    }
    return bad == 0 ? 0 : 1;
}
}  // namespace

TEST_CASE("a forked child's own copy of the dense arrays keeps their contents and leaves the parent's alone",
          "[common]") {
    std::vector<ZeroedArray<std::uint8_t>> arrays;
    // mapped alone (huge pages, one of them untouched in the middle), packed, and sparse (left to copy-on-write)
    for (const auto& [size, huge] : {std::pair{std::size_t{9} << 20, true}, {std::size_t{200} << 10, true},
                                     {std::size_t{5} << 20, false}}) {
        arrays.emplace_back(size, huge);
        auto& a = arrays.back();
        for (std::size_t i = 0; i < size; i += 4096) {
            if (page_mark(size, i) != 0) a[i] = page_mark(size, i);
        }
        a[size - 1] = 0x5a;
    }
    const pid_t pid = fork();
    if (pid == 0) _exit(child_checks(arrays));
    int status = -1;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    for (auto& a : arrays) {
        CHECK(a[0] == 0);
        CHECK(a[a.size() - 1] == 0x5a);
        CHECK(a[4096 * 5] == 5);
    }
}

namespace {
// Whether the page holding `p` is mapped by this process alone
// (/proc/self/pagemap bit 56): after fork, a page still shared copy-on-write
// with the parent is not.
bool exclusively_mapped(const void* p) {
    FILE* f = std::fopen("/proc/self/pagemap", "rb");
    if (f == nullptr) return false;
    std::uint64_t entry = 0;
    const long at = static_cast<long>(reinterpret_cast<std::uintptr_t>(p) / 4096 * sizeof entry);
    const bool ok = std::fseek(f, at, SEEK_SET) == 0 && std::fread(&entry, sizeof entry, 1, f) == 1;
    std::fclose(f);
    return ok && ((entry >> 56) & 1) != 0;
}
}  // namespace

TEST_CASE("a forked child copies a small memory store at once and leaves scratch lists shared", "[common]") {
    using invalsim::common::AtFork;
    ZeroedArray<std::uint8_t> store(std::size_t{4} << 20, true, AtFork::CopyIfSmall);
    ZeroedArray<std::uint8_t> scratch(std::size_t{4} << 20, true, AtFork::Share);
    store[100] = 1;
    scratch[100] = 2;
    const pid_t pid = fork();
    if (pid == 0) {
        invalsim::common::unshare_dense_arrays();
        const bool right = exclusively_mapped(&store[100]) && !exclusively_mapped(&scratch[100]) && store[100] == 1 &&
                           scratch[100] == 2;
        _exit(right ? 0 : 1);
    }
    int status = -1;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
}

TEST_CASE("lists on the huge-page allocator keep their elements as they grow past its threshold", "[common]") {
    using invalsim::common::HugePageAllocator;
    std::vector<std::uint64_t, HugePageAllocator<std::uint64_t>> v;
    const std::size_t n = (std::size_t{5} << 20) / sizeof(std::uint64_t) + 3;  // past 2 MiB, not a multiple of it
    for (std::size_t i = 0; i < n; ++i) v.push_back(i * 0x9E3779B97F4A7C15ULL);
    bool kept = true;
    for (std::size_t i = 0; i < n; ++i) kept = kept && v[i] == i * 0x9E3779B97F4A7C15ULL;
    CHECK(kept);
    // From the threshold up, a list gets whole huge pages of its own: its
    // memory starts on a huge-page boundary.
    CHECK(reinterpret_cast<std::uintptr_t>(v.data()) % HugePageAllocator<std::uint64_t>::kHugePageBytes == 0);
    std::vector<std::uint64_t, HugePageAllocator<std::uint64_t>> small(16, 7);
    CHECK(small[15] == 7);
    v.clear();
    v.shrink_to_fit();
    CHECK(v.capacity() == 0);
}
