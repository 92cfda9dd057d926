#include "models/common/zeroed_array.h"

#include <sys/mman.h>

#include <cstdlib>
#include <new>

namespace invalsim::common {

namespace {
constexpr std::size_t kHugePage = 2u << 20;

std::size_t round_up(std::size_t n) { return (n + kHugePage - 1) / kHugePage * kHugePage; }
}  // namespace

// Small arrays come from calloc (which, for fresh memory, does not write the
// zeroes either); big ones are mapped directly so that they can be backed by
// huge pages and returned to the system when freed.
void* allocate_zeroed(std::size_t bytes, bool huge) {
    if (bytes == 0) return nullptr;
    if (bytes < kHugePage) {
        void* p = std::calloc(1, bytes);
        if (p == nullptr) throw std::bad_alloc();
        return p;
    }
    // Huge pages need 2 MiB alignment: map one more and trim both ends.
    const std::size_t len = round_up(bytes);
    void* raw = mmap(nullptr, len + kHugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                     -1, 0);
    if (raw == MAP_FAILED) throw std::bad_alloc();
    auto* base = static_cast<char*>(raw);
    char* p = reinterpret_cast<char*>(round_up(reinterpret_cast<std::uintptr_t>(base)));
    if (p > base) munmap(base, static_cast<std::size_t>(p - base));
    const std::size_t tail = static_cast<std::size_t>(base + len + kHugePage - (p + len));
    if (tail) munmap(p + len, tail);
    if (huge) madvise(p, len, MADV_HUGEPAGE);  // advice only: fine if the kernel declines
    return p;
}

void release_zeroed(void* p, std::size_t bytes) {
    if (p == nullptr) return;
    if (bytes < kHugePage) {
        std::free(p);
    } else {
        munmap(p, round_up(bytes));
    }
}

}  // namespace invalsim::common
