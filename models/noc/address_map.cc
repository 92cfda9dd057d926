#include "models/noc/address_map.h"

#include <algorithm>
#include <numeric>

namespace invalsim::noc {

AddressMap::AddressMap(std::vector<AddressRange> ranges) : m_ranges(std::move(ranges)) {
    std::sort(m_ranges.begin(), m_ranges.end(),
              [](const AddressRange& a, const AddressRange& b) { return a.base < b.base; });
}

const AddressRange* AddressMap::decode(common::Addr addr) const {
    if (m_last < m_ranges.size() && m_ranges[m_last].contains(addr)) return &m_ranges[m_last];
    auto it = std::upper_bound(m_ranges.begin(), m_ranges.end(), addr,
                               [](common::Addr a, const AddressRange& r) { return a < r.base; });
    if (it == m_ranges.begin()) return nullptr;
    --it;
    if (!it->contains(addr)) return nullptr;
    m_last = static_cast<std::size_t>(it - m_ranges.begin());
    return &*it;
}

std::optional<std::pair<std::size_t, std::size_t>> AddressMap::find_overlap(
    const std::vector<AddressRange>& ranges) {
    std::vector<std::size_t> order(ranges.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return ranges[a].base < ranges[b].base; });
    for (std::size_t i = 1; i < order.size(); ++i) {
        const AddressRange& prev = ranges[order[i - 1]];
        const AddressRange& cur = ranges[order[i]];
        if (cur.base <= prev.last()) {
            return std::make_pair(std::min(order[i - 1], order[i]), std::max(order[i - 1], order[i]));
        }
    }
    return std::nullopt;
}

}  // namespace invalsim::noc
