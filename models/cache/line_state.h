#pragma once

#include <cstdint>

namespace invalsim::cache {

// MESI. Without a home agent a fill is granted Exclusive; the coherence
// protocol (home agent and snoop filter) grants Shared when others hold it.
enum class LineState : std::uint8_t { Invalid, Shared, Exclusive, Modified };

inline bool is_valid(LineState s) { return s != LineState::Invalid; }
inline bool is_dirty(LineState s) { return s == LineState::Modified; }
inline bool is_writable(LineState s) {
    return s == LineState::Exclusive || s == LineState::Modified;
}
inline const char* to_string(LineState s) {
    switch (s) {
        case LineState::Invalid: return "I";
        case LineState::Shared: return "S";
        case LineState::Exclusive: return "E";
        case LineState::Modified: return "M";
    }
    return "?";
}

}  // namespace invalsim::cache
