#include "models/common/zeroed_array.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstdlib>
#include <mutex>
#include <new>
#include <vector>

namespace invalsim::common {

namespace {
constexpr std::size_t kHugePage = 2u << 20;
constexpr std::size_t kSmallPage = 4u << 10;
// Dense arrays from this size up to a huge page share huge pages (below).
constexpr std::size_t kPackedMin = 64u << 10;
constexpr std::size_t kSlabBytes = 32u << 20;

std::size_t round_up(std::size_t n, std::size_t to) { return (n + to - 1) / to * to; }

// Anonymous memory aligned to a huge page, zero until touched.
char* map_aligned(std::size_t len, bool huge) {
    void* raw = mmap(nullptr, len + kHugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                     -1, 0);
    if (raw == MAP_FAILED) throw std::bad_alloc();
    auto* base = static_cast<char*>(raw);
    char* p = reinterpret_cast<char*>(round_up(reinterpret_cast<std::uintptr_t>(base), kHugePage));
    if (p > base) munmap(base, static_cast<std::size_t>(p - base));
    const std::size_t tail = static_cast<std::size_t>(base + len + kHugePage - (p + len));
    if (tail) munmap(p + len, tail);
    if (huge) madvise(p, len, MADV_HUGEPAGE);  // advice only: fine if the kernel declines
    return p;
}

// Dense arrays below a huge page (a private cache's tags and data: 32 cores
// of them on 4 KiB pages meant thousands of page faults and TLB misses) are
// carved one after another from huge-page slabs. A freed array's pages go
// back to the system at once; a slab is unmapped when its last array goes.
class PackedSlabs {
public:
    void* take(std::size_t bytes) {
        const std::lock_guard<std::mutex> lock(m_mutex);
        const std::size_t len = round_up(bytes, kSmallPage);
        if (m_slabs.empty() || m_slabs.back().used + len > kSlabBytes) {
            m_slabs.push_back(Slab{map_aligned(kSlabBytes, true), 0, 0});
        }
        Slab& s = m_slabs.back();
        char* p = s.base + s.used;
        s.used += len;
        ++s.live;
        return p;
    }

    // False if `p` is not from a slab (it came from calloc).
    bool give_back(void* p, std::size_t bytes) {
        const std::lock_guard<std::mutex> lock(m_mutex);
        auto* c = static_cast<char*>(p);
        const auto it = std::find_if(m_slabs.begin(), m_slabs.end(),
                                     [c](const Slab& s) { return c >= s.base && c < s.base + kSlabBytes; });
        if (it == m_slabs.end()) return false;
        if (--it->live == 0) {
            munmap(it->base, kSlabBytes);
            m_slabs.erase(it);
        } else {
            madvise(c, round_up(bytes, kSmallPage), MADV_DONTNEED);  // never handed out again
        }
        return true;
    }

private:
    struct Slab {
        char* base;
        std::size_t used;
        std::size_t live;
    };
    std::mutex m_mutex;
    std::vector<Slab> m_slabs;
};

PackedSlabs& packed_slabs() {
    static PackedSlabs* slabs = new PackedSlabs;  // never destroyed: arrays may outlive static destruction
    return *slabs;
}
}  // namespace

// Small arrays come from calloc (which, for fresh memory, does not write the
// zeroes either); big ones are mapped directly so that they can be backed by
// huge pages and returned to the system when freed.
void* allocate_zeroed(std::size_t bytes, bool huge) {
    if (bytes == 0) return nullptr;
    if (huge && bytes >= kPackedMin && bytes < kHugePage) return packed_slabs().take(bytes);
    if (bytes < kHugePage) {
        void* p = std::calloc(1, bytes);
        if (p == nullptr) throw std::bad_alloc();
        return p;
    }
    return map_aligned(round_up(bytes, kHugePage), huge);
}

void release_zeroed(void* p, std::size_t bytes) {
    if (p == nullptr) return;
    if (bytes >= kHugePage) {
        munmap(p, round_up(bytes, kHugePage));
    } else if (bytes < kPackedMin || !packed_slabs().give_back(p, bytes)) {
        std::free(p);
    }
}

}  // namespace invalsim::common
