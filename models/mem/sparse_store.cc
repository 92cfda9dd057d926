#include "models/mem/sparse_store.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <string>

namespace invalsim::mem {

SparseStore::SparseStore(std::uint64_t size_bytes, std::uint8_t fill_byte)
    : m_size_bytes(size_bytes),
      m_fill_byte(fill_byte),
      m_dir(chunks(size_bytes)) {}

void SparseStore::check_range(std::uint64_t offset, std::size_t len) const {
    if (offset > m_size_bytes || len > m_size_bytes - offset) {
        throw std::out_of_range("sparse store access [" + std::to_string(offset) + ", +" +
                                std::to_string(len) + ") beyond device size " +
                                std::to_string(m_size_bytes));
    }
}

std::uint8_t* SparseStore::page_for_write(std::uint64_t page) {
    Chunk& chunk = m_dir[page / kPagesPerChunk];
    if (chunk.empty()) chunk = Chunk(kPagesPerChunk, false);
    std::uint8_t*& slot = chunk[page % kPagesPerChunk];
    if (!slot) slot = new_page(page);
    return slot;
}

std::uint8_t* SparseStore::new_page(std::uint64_t page) {
    if (m_slab_used == kSlabBytes) {
        // A forked copy that invalidates writes much of it back: copied at the
        // fork, unless the stores are too big to copy for every copy.
        m_slabs.emplace_back(kSlabBytes, true, common::AtFork::CopyIfSmall);
        m_slab_used = 0;
    }
    std::uint8_t* p = m_slabs.back().data() + m_slab_used;
    m_slab_used += kPageBytes;
    if (m_fill_byte != 0) std::memset(p, m_fill_byte, kPageBytes);  // slabs start zeroed
    m_held.push_back(page);
    return p;
}

void SparseStore::fill_all(std::uint8_t byte) {
    for (auto& c : m_dir) c = Chunk();
    m_slabs.clear();
    m_slab_used = kSlabBytes;
    m_held.clear();
    m_fill_byte = byte;
}

void SparseStore::read(std::uint64_t offset, std::uint8_t* out, std::size_t len) const {
    check_range(offset, len);
    while (len > 0) {
        const std::uint64_t page = offset / kPageBytes;
        const std::size_t in_page = offset % kPageBytes;
        const std::size_t n = std::min<std::size_t>(len, kPageBytes - in_page);
        if (const std::uint8_t* data = find_page(page)) {
            std::memcpy(out, data + in_page, n);
        } else {
            std::memset(out, m_fill_byte, n);
        }
        out += n;
        offset += n;
        len -= n;
    }
}

void SparseStore::write(std::uint64_t offset, const std::uint8_t* in, std::size_t len) {
    check_range(offset, len);
    while (len > 0) {
        const std::uint64_t page = offset / kPageBytes;
        const std::size_t in_page = offset % kPageBytes;
        const std::size_t n = std::min<std::size_t>(len, kPageBytes - in_page);
        std::memcpy(page_for_write(page) + in_page, in, n);
        in += n;
        offset += n;
        len -= n;
    }
}

}  // namespace invalsim::mem
