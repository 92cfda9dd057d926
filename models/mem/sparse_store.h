#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

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
    // The directory costs 8 bytes per GiB of device up front: 8 MiB at this
    // size, far beyond any device built, and 128 GiB at 2^64.
    static constexpr std::uint64_t kMaxSizeBytes = 1ULL << 50;

    SparseStore(std::uint64_t size_bytes, std::uint8_t fill_byte);

    // Host memory an empty store of `size_bytes` occupies (its directory).
    static std::uint64_t host_bytes(std::uint64_t size_bytes) { return chunks(size_bytes) * sizeof(std::unique_ptr<Chunk>); }

    std::uint64_t size_bytes() const { return m_size_bytes; }
    std::uint8_t fill_byte() const { return m_fill_byte; }

    // Offsets are device offsets; [offset, offset+len) must lie inside the
    // device (callers decode addresses first, so a violation is a bug and
    // throws std::out_of_range).
    void read(std::uint64_t offset, std::uint8_t* out, std::size_t len) const;
    void write(std::uint64_t offset, const std::uint8_t* in, std::size_t len);

    // Every byte becomes `byte` (a media wipe): O(pages held), whatever the size.
    void fill_all(std::uint8_t byte);
    // Calls fn(page_offset) for every page held, in page order.
    template <class Fn>
    void for_each_page(Fn&& fn) const {
        for (std::size_t c = 0; c < m_dir.size(); ++c) {
            if (!m_dir[c]) continue;
            for (std::uint64_t p = 0; p < kPagesPerChunk; ++p) {
                if ((*m_dir[c])[p]) fn((c * kPagesPerChunk + p) * kPageBytes);
            }
        }
    }

    std::size_t pages_allocated() const { return m_pages; }
    std::uint64_t bytes_allocated() const { return m_pages * kPageBytes; }

private:
    using Page = std::unique_ptr<std::uint8_t[]>;
    using Chunk = std::vector<Page>;

    static std::uint64_t chunks(std::uint64_t size_bytes) {
        return (size_bytes / kPageBytes + kPagesPerChunk - 1) / kPagesPerChunk + 1;
    }
    void check_range(std::uint64_t offset, std::size_t len) const;
    const std::uint8_t* find_page(std::uint64_t page) const {
        const Chunk* c = m_dir[page / kPagesPerChunk].get();
        return c ? (*c)[page % kPagesPerChunk].get() : nullptr;
    }
    std::uint8_t* page_for_write(std::uint64_t page);

    std::uint64_t m_size_bytes;
    std::uint8_t m_fill_byte;
    std::vector<std::unique_ptr<Chunk>> m_dir;
    std::size_t m_pages = 0;
};

}  // namespace invalsim::mem
