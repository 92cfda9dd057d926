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
// the target device.
struct AddressRange {
    std::string name;
    common::Addr base = 0;
    std::uint64_t size_bytes = 0;
    std::uint32_t target = 0;
    std::uint64_t target_offset = 0;

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
};

}  // namespace invalsim::noc
