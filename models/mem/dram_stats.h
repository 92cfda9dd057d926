#pragma once

#include <cstdint>

#include "models/common/duration.h"

namespace invalsim::mem {

struct DramStats {
    std::uint64_t reads = 0;
    std::uint64_t writes = 0;
    std::uint64_t read_bytes = 0;
    std::uint64_t write_bytes = 0;
    common::Duration busy;    // summed over channels
    common::Duration queued;  // time requests waited for a busy channel
    std::uint64_t pages_allocated = 0;

    template <class Visitor>
    void visit(Visitor&& v) const {
        v("reads", reads);
        v("writes", writes);
        v("read_bytes", read_bytes);
        v("write_bytes", write_bytes);
        v("busy_ns", busy.as_ns());
        v("queued_ns", queued.as_ns());
        v("backing_pages", pages_allocated);
    }
};

}  // namespace invalsim::mem
