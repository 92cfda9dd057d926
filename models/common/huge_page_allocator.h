#pragma once

#include <cstddef>
#include <memory>

#include "models/common/zeroed_array.h"

namespace invalsim::common {

// An allocator for big lists built in one go (a maintenance engine's units,
// an occupancy calendar that grew): from 256 KiB up, memory mapped for
// transparent huge pages. On a virtual machine each first touch of a 4 KiB
// page is a fault of tens of microseconds, so a 10 MiB list on ordinary
// pages cost tens of milliseconds before any work was done. Smaller lists
// come from the heap as usual (the packed huge-page slabs of allocate_zeroed
// are for arrays that live as long as the model: they never reuse space).
template <class T>
struct HugePageAllocator {
    using value_type = T;
    // From here up a list gets whole huge pages of its own; it touches most
    // of what it asks for, so the rounding costs little.
    static constexpr std::size_t kMinBytes = 256u << 10;
    static constexpr std::size_t kHugePageBytes = 2u << 20;

    HugePageAllocator() = default;
    template <class U>
    HugePageAllocator(const HugePageAllocator<U>&) {}

    T* allocate(std::size_t n) {
        if (n * sizeof(T) < kMinBytes) return std::allocator<T>().allocate(n);
        return static_cast<T*>(allocate_zeroed(mapped_bytes(n), true, AtFork::Share));
    }
    void deallocate(T* p, std::size_t n) {
        if (n * sizeof(T) < kMinBytes) return std::allocator<T>().deallocate(p, n);
        release_zeroed(p, mapped_bytes(n));
    }

    template <class U>
    bool operator==(const HugePageAllocator<U>&) const { return true; }
    template <class U>
    bool operator!=(const HugePageAllocator<U>&) const { return false; }

private:
    static std::size_t mapped_bytes(std::size_t n) {
        return (n * sizeof(T) + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes;
    }
};

}  // namespace invalsim::common
