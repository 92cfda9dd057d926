#include "models/cpu/trace_placement.h"

#include <cstdio>

namespace invalsim::cpu {

namespace {

// Trace addresses are written in hex by lackey, so errors say them in hex.
std::string hex(std::uint64_t v) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
    return buf;
}

}  // namespace

TracePlacement::TracePlacement(TracePlacementMode mode, common::Addr range_base,
                               std::uint64_t range_bytes, common::Addr trace_base)
    : m_mode(mode), m_base(range_base), m_bytes(range_bytes), m_trace_base(trace_base) {}

bool TracePlacement::place(common::Addr vaddr, std::uint32_t size, common::Addr& paddr,
                           std::string& error) {
    if (m_mode == TracePlacementMode::Offset) {
        const std::uint64_t off = vaddr - m_trace_base;
        if (vaddr < m_trace_base || off >= m_bytes || size > m_bytes - off) {
            error = "trace address " + hex(vaddr) + " (+" + std::to_string(size) +
                    ") falls outside the range with offset placement (" + hex(m_trace_base) +
                    " up to " + hex(m_trace_base + m_bytes) + ")";
            return false;
        }
        paddr = m_base + off;
        return true;
    }
    const std::uint64_t page = vaddr / kPageBytes;
    if (page != m_last_page) {
        auto [it, inserted] = m_frames.try_emplace(page, m_frames.size());
        if (inserted && it->second >= m_bytes / kPageBytes) {
            m_frames.erase(it);
            error = "the trace touches more pages than the range holds (" +
                    std::to_string(m_bytes / kPageBytes) + ")";
            return false;
        }
        m_last_page = page;
        m_last_frame = it->second;
    }
    paddr = m_base + m_last_frame * kPageBytes + vaddr % kPageBytes;
    return true;
}

}  // namespace invalsim::cpu
