#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <unordered_map>

namespace invalsim::mem {

// Byte-addressed backing store of a memory device. Pages are allocated on
// the first write, so a device declared at TiB scale costs host memory only
// for what a simulation touches. Never-written bytes read as `fill_byte`.
class SparseStore {
public:
    static constexpr std::uint64_t kPageBytes = 4096;

    SparseStore(std::uint64_t size_bytes, std::uint8_t fill_byte);

    std::uint64_t size_bytes() const { return m_size_bytes; }
    std::uint8_t fill_byte() const { return m_fill_byte; }

    // Offsets are device offsets; [offset, offset+len) must lie inside the
    // device (callers decode addresses first, so a violation is a bug and
    // throws std::out_of_range).
    void read(std::uint64_t offset, std::uint8_t* out, std::size_t len) const;
    void write(std::uint64_t offset, const std::uint8_t* in, std::size_t len);

    // Every byte becomes `byte` (a media wipe): O(pages held), whatever the size.
    void fill_all(std::uint8_t byte);
    // Calls fn(page_offset) for every page held, in no particular order.
    template <class Fn>
    void for_each_page(Fn&& fn) const {
        for (const auto& [page, data] : m_pages) fn(page * kPageBytes);
    }

    std::size_t pages_allocated() const { return m_pages.size(); }
    std::uint64_t bytes_allocated() const { return m_pages.size() * kPageBytes; }

private:
    using Page = std::unique_ptr<std::uint8_t[]>;

    void check_range(std::uint64_t offset, std::size_t len) const;
    const std::uint8_t* find_page(std::uint64_t page) const;
    std::uint8_t* page_for_write(std::uint64_t page);

    std::uint64_t m_size_bytes;
    std::uint8_t m_fill_byte;
    std::unordered_map<std::uint64_t, Page> m_pages;
    // One-entry lookup cache: device accesses are strongly page-local.
    mutable std::uint64_t m_last_page = ~0ULL;
    mutable std::uint8_t* m_last_data = nullptr;
};

}  // namespace invalsim::mem
