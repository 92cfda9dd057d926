#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>

#include "models/common/types.h"
#include "models/cpu/workload_spec.h"

namespace invalsim::cpu {

// Puts a program's virtual addresses into a physical range of the config.
//  first_touch: like an operating system, each 4 KiB virtual page gets the
//    next free 4 KiB frame of the range when it is first touched; offsets
//    within a page are kept, so set indexing below 4 KiB is the program's.
//  offset: physical = range base + (virtual - trace_base); addresses that
//    fall outside the range are rejected.
class TracePlacement {
public:
    static constexpr std::uint64_t kPageBytes = 4096;

    TracePlacement(TracePlacementMode mode, common::Addr range_base, std::uint64_t range_bytes,
                   common::Addr trace_base);

    // Physical address of [vaddr, vaddr+size) (which must not cross a page);
    // false with `error` set when it cannot be placed.
    bool place(common::Addr vaddr, std::uint32_t size, common::Addr& paddr, std::string& error);
    std::uint64_t pages_used() const { return m_frames.size(); }

private:
    TracePlacementMode m_mode;
    common::Addr m_base;
    std::uint64_t m_bytes;
    common::Addr m_trace_base;
    std::unordered_map<std::uint64_t, std::uint64_t> m_frames;  // virtual page -> frame
    std::uint64_t m_last_page = ~0ULL;
    std::uint64_t m_last_frame = 0;
};

}  // namespace invalsim::cpu
