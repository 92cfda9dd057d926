#include "models/golden/line_store.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <string>

namespace invalsim::golden {

void LineStore::check_range(std::uint64_t offset, std::size_t len) const {
    if (offset > m_size_bytes || len > m_size_bytes - offset) {
        throw std::out_of_range("golden store access [" + std::to_string(offset) + ", +" + std::to_string(len) +
                                ") beyond device size " + std::to_string(m_size_bytes));
    }
}

void LineStore::read(std::uint64_t offset, std::uint8_t* out, std::size_t len) const {
    check_range(offset, len);
    while (len > 0) {
        const std::uint64_t in_line = offset % kLineBytes;
        const std::size_t n = std::min<std::size_t>(len, kLineBytes - in_line);
        const auto it = m_lines.find(offset / kLineBytes);
        if (it == m_lines.end()) {
            std::memset(out, m_fill, n);
        } else {
            std::memcpy(out, it->second.data() + in_line, n);
        }
        out += n;
        offset += n;
        len -= n;
    }
}

void LineStore::write(std::uint64_t offset, const std::uint8_t* in, std::size_t len) {
    check_range(offset, len);
    while (len > 0) {
        const std::uint64_t in_line = offset % kLineBytes;
        const std::size_t n = std::min<std::size_t>(len, kLineBytes - in_line);
        auto [it, added] = m_lines.try_emplace(offset / kLineBytes);
        if (added) it->second.fill(m_fill);
        std::memcpy(it->second.data() + in_line, in, n);
        in += n;
        offset += n;
        len -= n;
    }
}

void LineStore::fill_all(std::uint8_t byte) {
    decltype(m_lines)().swap(m_lines);  // releases the buckets too, not only the nodes
    m_fill = byte;
}

std::uint64_t LineStore::bytes_used() const {
    using Node = std::pair<const std::uint64_t, Line>;
    return m_lines.size() * (sizeof(Node) + sizeof(void*)) + m_lines.bucket_count() * sizeof(void*);
}

std::vector<std::uint64_t> LineStore::line_offsets() const {
    std::vector<std::uint64_t> v;
    v.reserve(m_lines.size());
    for (const auto& kv : m_lines) v.push_back(kv.first * kLineBytes);
    std::sort(v.begin(), v.end());
    return v;
}

}  // namespace invalsim::golden
