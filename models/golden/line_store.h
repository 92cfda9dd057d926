#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace invalsim::golden {

// The golden copy of one device's media, kept per 64-byte line: a line costs
// host memory once something legitimately wrote it, and nothing else does,
// however far apart the touched lines are. Never-written lines read as the
// fill byte; a wipe drops every line and changes the fill.
class LineStore {
public:
    static constexpr std::uint64_t kLineBytes = 64;
    using Line = std::array<std::uint8_t, kLineBytes>;

    LineStore(std::uint64_t size_bytes, std::uint8_t fill_byte) : m_size_bytes(size_bytes), m_fill(fill_byte) {}

    std::uint64_t size_bytes() const { return m_size_bytes; }
    std::uint8_t fill_byte() const { return m_fill; }

    // [offset, offset+len) must lie inside the device (std::out_of_range
    // otherwise: callers decode addresses first).
    void read(std::uint64_t offset, std::uint8_t* out, std::size_t len) const;
    void write(std::uint64_t offset, const std::uint8_t* in, std::size_t len);
    void fill_all(std::uint8_t byte);

    std::size_t lines_held() const { return m_lines.size(); }
    // Host memory the store itself holds: one node per line (key, data and
    // the chain pointer) and the bucket array. Grows with lines, not with
    // the address span they cover.
    std::uint64_t bytes_used() const;
    // Device offsets of the lines held, ascending.
    std::vector<std::uint64_t> line_offsets() const;

private:
    void check_range(std::uint64_t offset, std::size_t len) const;

    std::uint64_t m_size_bytes;
    std::uint8_t m_fill;
    std::unordered_map<std::uint64_t, Line> m_lines;  // key: offset / kLineBytes
};

}  // namespace invalsim::golden
