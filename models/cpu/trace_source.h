#pragma once

#include <fstream>
#include <string>

#include "models/cpu/access.h"
#include "models/cpu/lackey_reader.h"
#include "models/cpu/trace_placement.h"
#include "models/cpu/workload_spec.h"

namespace invalsim::cpu {

// A lackey trace as an access stream: placed into physical memory, each
// access split at 64-byte boundaries so that no piece crosses a line or a
// page, and a modify turned into a load then a store of the same bytes.
// Throws TraceError (with the line) for a bad record or an unplaceable one.
class TraceSource final : public AccessSource {
public:
    explicit TraceSource(const TraceSpec& spec);
    bool next(Access& a) override;
    std::uint64_t records() const { return m_records; }

private:
    bool refill();

    TraceSpec m_spec;
    std::ifstream m_file;
    LackeyReader m_reader;
    TracePlacement m_placement;
    TraceRecord m_rec;
    std::uint32_t m_done = 0;    // bytes of m_rec already issued
    bool m_store_half = false;   // the store half of a modify is next
    std::uint32_t m_piece = 0;   // size of the current piece
    common::Addr m_paddr = 0;
    std::uint64_t m_records = 0;
    bool m_have = false;
};

}  // namespace invalsim::cpu
