#include "models/cpu/trace_source.h"

#include <algorithm>

namespace invalsim::cpu {

namespace {
constexpr std::uint32_t kPiece = 64;
}

TraceSource::TraceSource(const TraceSpec& spec)
    : m_spec(spec),
      m_file(spec.file),
      m_reader(m_file),
      m_placement(spec.placement, spec.range_base, spec.range_bytes, spec.trace_base) {
    if (!m_file) throw TraceError(0, "cannot open trace file " + spec.file);
}

bool TraceSource::refill() {
    if (m_spec.limit != 0 && m_records >= m_spec.limit) return false;
    if (!m_reader.next(m_rec)) return false;
    ++m_records;
    m_done = 0;
    m_store_half = false;
    return true;
}

bool TraceSource::next(Access& a) {
    if (!m_have || (m_done >= m_rec.size && !m_store_half)) {
        if (!refill()) return false;
        m_have = true;
    }
    if (!m_store_half) {
        const common::Addr v = m_rec.addr + m_done;
        m_piece = std::min<std::uint32_t>(m_rec.size - m_done, kPiece - v % kPiece);
        std::string error;
        if (!m_placement.place(v, m_piece, m_paddr, error)) throw TraceError(m_reader.line(), error);
    }
    a.addr = m_paddr;
    a.size = m_piece;
    a.value = m_rec.addr;  // stores write their own virtual address: real, checkable data
    switch (m_rec.kind) {
        case TraceRecord::Kind::Instr: a.kind = Access::Kind::Fetch; break;
        case TraceRecord::Kind::Load: a.kind = Access::Kind::Load; break;
        case TraceRecord::Kind::Store: a.kind = Access::Kind::Store; break;
        case TraceRecord::Kind::Modify:
            a.kind = m_store_half ? Access::Kind::Store : Access::Kind::Load;
            if (!m_store_half) {
                m_store_half = true;
                return true;
            }
            break;
    }
    m_store_half = false;
    m_done += m_piece;
    return true;
}

}  // namespace invalsim::cpu
