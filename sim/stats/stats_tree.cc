#include "sim/stats/stats_tree.h"

namespace invalsim::stats {

Json histogram_json(const common::Histogram& h) {
    Json buckets = Json::array();
    h.for_each_bucket([&buckets](std::uint64_t from_ps, std::uint64_t to_ps, std::uint64_t count) {
        buckets.push_back(Json{{"from_ns", static_cast<double>(from_ps) / 1000.0},
                               {"to_ns", static_cast<double>(to_ps) / 1000.0},
                               {"count", count}});
    });
    return buckets;
}

void StatsTree::add(std::string path, std::function<Json()> emit) {
    m_entries.emplace_back(std::move(path), std::move(emit));
}

Json StatsTree::to_json() const {
    Json root = Json::object();
    for (const auto& [path, emit] : m_entries) {
        Json* node = &root;
        std::size_t start = 0;
        while (true) {
            const auto dot = path.find('.', start);
            node = &(*node)[path.substr(start, dot - start)];
            if (dot == std::string::npos) break;
            start = dot + 1;
        }
        // Children may have been added first; keep them, add this entry's values.
        const Json values = emit();
        for (auto it = values.begin(); it != values.end(); ++it) (*node)[it.key()] = it.value();
    }
    return root;
}

}  // namespace invalsim::stats
