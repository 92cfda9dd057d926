#pragma once

#include <cstdint>
#include <string>

#include "models/common/duration.h"
#include "models/common/types.h"

namespace invalsim::noc {

struct CrossbarParams {
    // One traversal of the crossbar, paid on the request and on the response.
    common::Duration hop_latency = common::Duration::ns(5);
    // Each output port is a pair of links, one per direction, each moving
    // this many bytes per second; a busy link queues messages.
    double link_bandwidth_gbps = 64.0;
    // Every message (request, read data, write completion) carries a header
    // of this size besides its data.
    std::uint32_t header_bytes = 16;

    common::Violations validate() const {
        common::Violations v;
        if (!(link_bandwidth_gbps > 0.0)) v.push_back({"link_bandwidth", "must be positive"});
        if (header_bytes > 256) {
            v.push_back({"header_bytes", "must be at most 256, got " + std::to_string(header_bytes)});
        }
        return v;
    }
};

}  // namespace invalsim::noc
