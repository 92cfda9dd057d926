#pragma once

#include "models/common/duration.h"
#include "models/common/types.h"

namespace invalsim::noc {

struct CrossbarParams {
    // One traversal of the crossbar, paid on the request and on the response.
    common::Duration hop_latency = common::Duration::ns(5);
    // Each output port moves data at this rate; a busy port queues requests.
    double link_bandwidth_gbps = 64.0;

    common::Violations validate() const {
        common::Violations v;
        if (!(link_bandwidth_gbps > 0.0)) v.push_back({"link_bandwidth", "must be positive"});
        return v;
    }
};

}  // namespace invalsim::noc
