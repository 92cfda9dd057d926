#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "models/common/histogram.h"
#include "sim/config/json.h"

namespace invalsim::stats {

using config::Json;

// A model's statistics struct as a JSON object, through its visit().
template <class Stats>
Json to_json(const Stats& s) {
    Json j = Json::object();
    s.visit([&j](const char* name, auto value) { j[name] = value; });
    return j;
}

// A histogram's non-empty buckets, in order, as {"from_ns", "to_ns",
// "count"} objects; a bucket holds the samples in [from_ns, to_ns).
Json histogram_json(const common::Histogram& h);

// Statistics of all components, each registered under its component path
// ("system.cpu0.l1d") and emitted as one nested JSON document. Models only
// own plain structs; this is where they meet JSON.
class StatsTree {
public:
    void add(std::string path, std::function<Json()> emit);

    template <class Getter>
    void add_stats(std::string path, Getter get) {
        add(std::move(path), [get] { return stats::to_json(get()); });
    }

    // Evaluates every entry now; later calls reflect later values.
    Json to_json() const;

private:
    std::vector<std::pair<std::string, std::function<Json()>>> m_entries;
};

}  // namespace invalsim::stats
