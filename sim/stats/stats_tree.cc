#include "sim/stats/stats_tree.h"

namespace invalsim::stats {

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
