#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "models/common/zeroed_array.h"

namespace invalsim::mem {

// Byte-addressed backing store of a memory device. Pages are allocated on
// the first write, so a device declared at TiB scale costs host memory only
// for what a simulation touches. Never-written bytes read as `fill_byte`.
//
// Pages are found through a two-level table (a directory of 1 GiB chunks,
// each a table of 262,144 page pointers allocated when first written), so a
// lookup is two indexings, with no hashing, whatever the device size.
class SparseStore {
public:
    static constexpr std::uint64_t kPageBytes = 4096;
    static constexpr std::uint64_t kPagesPerChunk = 1ULL << 18;  // 1 GiB per chunk
    // The directory costs 16 bytes per GiB of device up front: 16 MiB at
    // this size, far beyond any device built, and 256 GiB at 2^64.
    static constexpr std::uint64_t kMaxSizeBytes = 1ULL << 50;

    SparseStore(std::uint64_t size_bytes, std::uint8_t fill_byte);

    // Host memory an empty store of `size_bytes` occupies (its directory).
    static std::uint64_t host_bytes(std::uint64_t size_bytes) { return chunks(size_bytes) * sizeof(Chunk); }

    std::uint64_t size_bytes() const { return m_size_bytes; }
    std::uint8_t fill_byte() const { return m_fill_byte; }

    // Offsets are device offsets; [offset, offset+len) must lie inside the
    // device (callers decode addresses first, so a violation is a bug and
    // throws std::out_of_range).
    void read(std::uint64_t offset, std::uint8_t* out, std::size_t len) const;
    void write(std::uint64_t offset, const std::uint8_t* in, std::size_t len);

    // Every byte becomes `byte` (a media wipe): O(pages held), whatever the size.
    void fill_all(std::uint8_t byte);
    // Calls fn(page_offset) for every page held, in page order. Visits the
    // pages held only: scanning the chunk tables would fault in their
    // untouched parts.
    template <class Fn>
    void for_each_page(Fn&& fn) const {
        std::vector<std::uint64_t> pages = m_held;
        std::sort(pages.begin(), pages.end());
        for (std::uint64_t p : pages) fn(p * kPageBytes);
    }

    std::size_t pages_allocated() const { return m_held.size(); }
    std::uint64_t bytes_allocated() const { return m_held.size() * kPageBytes; }

private:
    // A chunk's page table is zeroed memory whose untouched parts cost no
    // host memory; pages are carved from 32 MiB slabs (huge pages, so random
    // accesses over a big footprint miss the TLB less).
    using Chunk = common::ZeroedArray<std::uint8_t*>;
    static constexpr std::uint64_t kSlabBytes = 32u << 20;

    static std::uint64_t chunks(std::uint64_t size_bytes) {
        return (size_bytes / kPageBytes + kPagesPerChunk - 1) / kPagesPerChunk + 1;
    }
    void check_range(std::uint64_t offset, std::size_t len) const;
    const std::uint8_t* find_page(std::uint64_t page) const {
        const Chunk& c = m_dir[page / kPagesPerChunk];
        return c.empty() ? nullptr : c[page % kPagesPerChunk];
    }
    std::uint8_t* page_for_write(std::uint64_t page);
    std::uint8_t* new_page(std::uint64_t page);

    std::uint64_t m_size_bytes;
    std::uint8_t m_fill_byte;
    std::vector<Chunk> m_dir;
    std::vector<common::ZeroedArray<std::uint8_t>> m_slabs;
    std::uint64_t m_slab_used = kSlabBytes;  // bytes handed out of the newest slab
    std::vector<std::uint64_t> m_held;  // page numbers, in allocation order
};

}  // namespace invalsim::mem
