#pragma once

#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>

namespace invalsim::common {

// Raw zero-filled memory for big model arrays (tag arrays, cache data,
// snoop filters, page tables). The kernel supplies the zeroes page by page
// on first touch, so building a system with hundreds of MiB of caches costs
// nothing up front and host memory follows what a run touches; arrays of
// 2 MiB or more ask for transparent huge pages, which cut the TLB misses of
// random accesses over them.
// `huge`: ask for huge pages (dense arrays); sparse tables leave it off so
// that one touched entry costs a 4 KiB page, not 2 MiB.
// `at_fork`: what unshare_dense_arrays does with a big array's touched memory.
enum class AtFork {
    Copy,   // copies it (caches, snoop filters: a forked copy writes them all over)
    Share,  // leaves it copy-on-write (scratch lists)
    // Copies it if all such arrays together hold at most kForkCopyBudgetBytes
    // (a memory device's data: a copy that invalidates writes much of it back,
    // one 4 KiB copy-on-write fault at a time, but a big store copied for
    // every copy would multiply its host memory).
    CopyIfSmall,
};
inline constexpr std::size_t kForkCopyBudgetBytes = std::size_t{128} << 20;
void* allocate_zeroed(std::size_t bytes, bool huge = true, AtFork at_fork = AtFork::Copy);
void release_zeroed(void* p, std::size_t bytes);

// In a child of fork() (a sweep's shared start): gives the child its own
// copy of the dense arrays' touched memory now, in huge pages, instead of
// letting copy-on-write copy it 4 KiB page by page as the child writes,
// each copy a page fault (tens of microseconds each on a virtual machine).
// Contents are unchanged; sparse tables and arrays allocated with
// AtFork::Share keep copy-on-write, and so do AtFork::CopyIfSmall arrays
// past their budget.
void unshare_dense_arrays();

// A fixed-size array of a trivially copyable T whose all-zero bit pattern is
// the element's empty state.
template <class T>
class ZeroedArray {
    static_assert(std::is_trivially_copyable_v<T>, "elements are created as zero bytes");

public:
    ZeroedArray() = default;
    explicit ZeroedArray(std::size_t n, bool huge = true, AtFork at_fork = AtFork::Copy)
        : m_data(static_cast<T*>(allocate_zeroed(n * sizeof(T), huge, at_fork))), m_size(n) {}
    ~ZeroedArray() { release_zeroed(m_data, m_size * sizeof(T)); }
    ZeroedArray(ZeroedArray&& o) noexcept : m_data(std::exchange(o.m_data, nullptr)), m_size(std::exchange(o.m_size, 0)) {}
    ZeroedArray& operator=(ZeroedArray&& o) noexcept {
        std::swap(m_data, o.m_data);
        std::swap(m_size, o.m_size);
        return *this;
    }
    ZeroedArray(const ZeroedArray&) = delete;
    ZeroedArray& operator=(const ZeroedArray&) = delete;

    T& operator[](std::size_t i) { return m_data[i]; }
    const T& operator[](std::size_t i) const { return m_data[i]; }
    T* data() { return m_data; }
    const T* data() const { return m_data; }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }

private:
    T* m_data = nullptr;
    std::size_t m_size = 0;
};

}  // namespace invalsim::common
