#include "models/common/zeroed_array.h"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <new>
#include <vector>

namespace invalsim::common {

namespace {
constexpr std::size_t kHugePage = 2u << 20;
// Dense arrays from this size up to a huge page share huge pages (below).
constexpr std::size_t kPackedMin = 64u << 10;
constexpr std::size_t kSlabBytes = 32u << 20;

std::size_t round_up(std::size_t n, std::size_t to) { return (n + to - 1) / to * to; }
std::size_t page_bytes() { return static_cast<std::size_t>(sysconf(_SC_PAGESIZE)); }

// The dense arrays' mappings, for unshare_dense_arrays.
struct DenseRegion {
    std::size_t len;
    bool if_small;  // AtFork::CopyIfSmall
};

class DenseRegions {
public:
    void add(char* p, std::size_t len, bool if_small = false) {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_regions[p] = DenseRegion{len, if_small};
    }
    void remove(char* p) {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_regions.erase(p);
    }
    std::map<char*, DenseRegion> all() {
        const std::lock_guard<std::mutex> lock(m_mutex);
        return m_regions;
    }

private:
    std::mutex m_mutex;
    std::map<char*, DenseRegion> m_regions;
};

DenseRegions& dense_regions() {
    static DenseRegions* r = new DenseRegions;  // never destroyed: arrays may outlive static destruction
    return *r;
}

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
        const std::size_t len = round_up(bytes, page_bytes());
        if (m_slabs.empty() || m_slabs.back().used + len > kSlabBytes) {
            m_slabs.push_back(Slab{map_aligned(kSlabBytes, true), 0, 0});
            dense_regions().add(m_slabs.back().base, kSlabBytes);
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
            dense_regions().remove(it->base);
            munmap(it->base, kSlabBytes);
            m_slabs.erase(it);
        } else {
            madvise(c, round_up(bytes, page_bytes()), MADV_DONTNEED);  // never handed out again
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
void* allocate_zeroed(std::size_t bytes, bool huge, AtFork at_fork) {
    if (bytes == 0) return nullptr;
    if (huge && bytes >= kPackedMin && bytes < kHugePage) return packed_slabs().take(bytes);
    if (bytes < kHugePage) {
        void* p = std::calloc(1, bytes);
        if (p == nullptr) throw std::bad_alloc();
        return p;
    }
    char* p = map_aligned(round_up(bytes, kHugePage), huge);
    if (huge && at_fork != AtFork::Share) {
        dense_regions().add(p, round_up(bytes, kHugePage), at_fork == AtFork::CopyIfSmall);
    }
    return p;
}

void release_zeroed(void* p, std::size_t bytes) {
    if (p == nullptr) return;
    if (bytes >= kHugePage) {
        dense_regions().remove(static_cast<char*>(p));
        munmap(p, round_up(bytes, kHugePage));
    } else if (bytes < kPackedMin || !packed_slabs().give_back(p, bytes)) {
        std::free(p);
    }
}

namespace {

// Which pages of [p, p + len) are in memory; all of them if unknown.
std::vector<bool> resident_pages(char* p, std::size_t len) {
    std::vector<unsigned char> in((len + page_bytes() - 1) / page_bytes(), 1);
    if (mincore(p, len, in.data()) != 0) std::fill(in.begin(), in.end(), 1);
    std::vector<bool> out(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) out[i] = (in[i] & 1) != 0;
    return out;
}

// [p, p + len) replaced by a private copy of its contents made in one go.
// All of it is read: a page mincore calls absent may be in swap.
void replace_with_copy(char* p, std::size_t len) {
    char* fresh = map_aligned(len, true);
    std::memcpy(fresh, p, len);
    if (mremap(fresh, len, len, MREMAP_MAYMOVE | MREMAP_FIXED, p) == MAP_FAILED) munmap(fresh, len);
}

// Whole huge pages at a time: runs of those with a page in memory are
// copied together; the others (never touched, or all in swap) keep
// copy-on-write.
void copy_touched(char* base, std::size_t len, const std::vector<bool>& resident) {
    const std::size_t per_huge = kHugePage / page_bytes();
    std::size_t run = 0;  // touched huge pages just before `h`
    for (std::size_t h = 0; h <= len / kHugePage; ++h) {
        const auto first = resident.begin() + static_cast<std::ptrdiff_t>(std::min(h * per_huge, resident.size()));
        const auto last = resident.begin() + static_cast<std::ptrdiff_t>(std::min((h + 1) * per_huge, resident.size()));
        if (h < len / kHugePage && std::find(first, last, true) != last) {
            ++run;
            continue;
        }
        if (run) replace_with_copy(base + (h - run) * kHugePage, run * kHugePage);
        run = 0;
    }
}

std::size_t touched_bytes(const std::vector<bool>& resident) {
    return static_cast<std::size_t>(std::count(resident.begin(), resident.end(), true)) * page_bytes();
}

}  // namespace

void unshare_dense_arrays() {
    const std::map<char*, DenseRegion> regions = dense_regions().all();
    std::map<char*, std::vector<bool>> resident;
    std::size_t if_small_bytes = 0;
    for (const auto& [base, r] : regions) {
        resident[base] = resident_pages(base, r.len);
        if (r.if_small) if_small_bytes += touched_bytes(resident[base]);
    }
    for (const auto& [base, r] : regions) {
        if (!r.if_small || if_small_bytes <= kForkCopyBudgetBytes) copy_touched(base, r.len, resident[base]);
    }
}

}  // namespace invalsim::common
