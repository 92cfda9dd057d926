#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "models/common/duration.h"

namespace invalsim::noc {

// One output port: its request link (crossbar to target) and its response
// link (target back to the crossbar). Bytes are data only; the headers are
// in the busy times.
struct PortStats {
    std::string name;
    std::uint64_t requests = 0;
    std::uint64_t read_bytes = 0;   // data carried on the response link
    std::uint64_t write_bytes = 0;  // data carried on the request link
    common::Duration busy;           // request link
    common::Duration queued;
    common::Duration response_busy;  // response link
    common::Duration response_queued;

    template <class Visitor>
    void visit(Visitor&& v) const {
        v("requests", requests);
        v("bytes", read_bytes + write_bytes);
        v("read_bytes", read_bytes);
        v("write_bytes", write_bytes);
        v("busy_ns", busy.as_ns());
        v("queued_ns", queued.as_ns());
        v("response_busy_ns", response_busy.as_ns());
        v("response_queued_ns", response_queued.as_ns());
    }
};

struct CrossbarStats {
    std::uint64_t requests = 0;
    std::uint64_t decode_errors = 0;
    std::vector<PortStats> ports;  // one per output, in port order

    template <class Visitor>
    void visit(Visitor&& v) const {
        v("requests", requests);
        v("decode_errors", decode_errors);
    }
};

}  // namespace invalsim::noc
