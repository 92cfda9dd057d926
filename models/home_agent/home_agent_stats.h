#pragma once

#include <cstdint>

namespace invalsim::home_agent {

struct HomeAgentStats {
    std::uint64_t read_shared = 0;
    std::uint64_t read_unique = 0;
    std::uint64_t upgrades = 0;
    std::uint64_t writebacks = 0;
    std::uint64_t clean_evicts = 0;
    std::uint64_t read_once = 0;
    std::uint64_t write_unique = 0;
    std::uint64_t snoops_sent = 0;
    std::uint64_t snoops_hit = 0;        // the snooped CPU held the line
    std::uint64_t peer_data = 0;         // reads served with another CPU's dirty data
    std::uint64_t sf_evictions = 0;      // snoop-filter entries given up for capacity
    std::uint64_t back_invalidations = 0;  // private copies invalidated for them
    std::uint64_t device_bisnps = 0;     // device back-invalidate snoops (CXL HDM-DB) resolved
    std::uint64_t memory_reads = 0;
    std::uint64_t memory_writes = 0;
    std::uint64_t sf_entries_used = 0;

    template <class Visitor>
    void visit(Visitor&& v) const {
        v("read_shared", read_shared);
        v("read_unique", read_unique);
        v("upgrades", upgrades);
        v("writebacks", writebacks);
        v("clean_evicts", clean_evicts);
        v("read_once", read_once);
        v("write_unique", write_unique);
        v("snoops_sent", snoops_sent);
        v("snoops_hit", snoops_hit);
        v("peer_data", peer_data);
        v("sf_evictions", sf_evictions);
        v("back_invalidations", back_invalidations);
        v("device_bisnps", device_bisnps);
        v("memory_reads", memory_reads);
        v("memory_writes", memory_writes);
        v("sf_entries_used", sf_entries_used);
    }
};

}  // namespace invalsim::home_agent
