#pragma once

#include <cstdint>

#include "models/cache/line_state.h"
#include "models/common/types.h"

namespace invalsim::coherence {

// Line requests between cache levels and to the home agents (MESI, with
// the request set of an AMBA CHI-like protocol, simplified to atomic
// transactions: a request and all the snoops it causes complete within one
// blocking call, so there are no transient states).
enum class Req : std::uint8_t {
    ReadShared,   // load miss: data, at least Shared
    ReadUnique,   // store miss (read for ownership): data, Exclusive
    Upgrade,      // store hit on Shared: permission only
    WriteBack,    // dirty line leaving a level (full line of the sender)
    CleanEvict,   // clean line leaving the CPU (keeps the snoop filter precise)
    ReadOnce,     // uncached read: data, nothing cached
    WriteUnique,  // uncached write of part of a line
};

inline bool carries_data_down(Req r) { return r == Req::WriteBack || r == Req::WriteUnique; }
// Whether the request travels as a TLM write (it moves data or ownership
// away from the sender).
inline bool is_write(Req r) { return r == Req::WriteBack || r == Req::WriteUnique || r == Req::CleanEvict; }
inline bool wants_data(Req r) {
    return r == Req::ReadShared || r == Req::ReadUnique || r == Req::ReadOnce;
}
const char* to_string(Req r);

// Where the data of a read came from, for statistics and stale-data reports.
enum class Source : std::uint8_t { None, L1, L2, L3, Peer, Slc, Memory };
const char* to_string(Source s);

// One line request. `data` points at `bytes` of the sender's buffer: filled
// by reads, read by writes. `granted` is the state the sender may install.
struct LineRequest {
    Req type = Req::ReadShared;
    common::Addr addr = 0;  // aligned to `bytes`
    std::uint32_t bytes = 0;
    std::uint8_t* data = nullptr;
    std::uint32_t requester = 0;  // CPU number
    cache::LineState granted = cache::LineState::Invalid;
    Source source = Source::None;
    bool ok = true;     // false when the address is not backed by memory
    bool keep = false;  // WriteBack: the sender's CPU still holds a (clean) copy
    bool prefetch = false;  // a prefetcher's fill, not a demand miss (statistics only)
};

}  // namespace invalsim::coherence
