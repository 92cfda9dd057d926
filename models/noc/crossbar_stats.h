#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "models/common/duration.h"

namespace invalsim::noc {

struct PortStats {
    std::string name;
    std::uint64_t requests = 0;
    std::uint64_t bytes = 0;
    common::Duration busy;
    common::Duration queued;

    template <class Visitor>
    void visit(Visitor&& v) const {
        v("requests", requests);
        v("bytes", bytes);
        v("busy_ns", busy.as_ns());
        v("queued_ns", queued.as_ns());
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
