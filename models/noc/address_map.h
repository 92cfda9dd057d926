#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "models/common/types.h"

namespace invalsim::noc {

// One range of the system physical address map. `target` indexes the
// router's output ports; `target_offset` is where the range starts inside
// the target device. A range interleaved over several devices (a CXL
// region) lists them in `interleave_targets` and is not rebased: each
// device decodes host addresses itself.
struct AddressRange {
    std::string name;
    common::Addr base = 0;
    std::uint64_t size_bytes = 0;
    std::uint32_t target = 0;
    std::uint64_t target_offset = 0;
    bool rebase = true;
    std::vector<std::uint32_t> interleave_targets;
    std::uint64_t interleave_granularity = 0;

    static AddressRange single(std::string name, common::Addr base, std::uint64_t size,
                               std::uint32_t target, std::uint64_t target_offset) {
        AddressRange r;
        r.name = std::move(name);
        r.base = base;
        r.size_bytes = size;
        r.target = target;
        r.target_offset = target_offset;
        return r;
    }

    // Output port serving `a` (which must be inside the range).
    std::uint32_t target_of(common::Addr a) const {
        if (interleave_targets.empty()) return target;
        const std::uint64_t chunk = (a - base) / interleave_granularity;
        return interleave_targets[chunk % interleave_targets.size()];
    }
    common::Addr outgoing(common::Addr a) const { return rebase ? a - base + target_offset : a; }

    common::Addr last() const { return base + (size_bytes - 1); }
    bool contains(common::Addr a) const { return a >= base && a - base < size_bytes; }
    bool contains(common::Addr a, std::uint64_t len) const {
        return contains(a) && len <= size_bytes - (a - base);
    }
};

class AddressMap {
public:
    AddressMap() = default;
    // Ranges must not overlap (check with find_overlap first).
    explicit AddressMap(std::vector<AddressRange> ranges);

    // Range holding `addr`, or nullptr for a hole.
    const AddressRange* decode(common::Addr addr) const;
    const std::vector<AddressRange>& ranges() const { return m_ranges; }

    // Indices (in the given order) of the first two ranges that overlap.
    static std::optional<std::pair<std::size_t, std::size_t>> find_overlap(
        const std::vector<AddressRange>& ranges);

private:
    std::vector<AddressRange> m_ranges;  // sorted by base
    // The range the last decode found: runs of accesses mostly stay in one
    // range, and checking it is cheaper than the search. An index, so that
    // a copied map stays valid.
    mutable std::size_t m_last = 0;
};

}  // namespace invalsim::noc
