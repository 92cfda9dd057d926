#pragma once

#include "models/common/types.h"

namespace invalsim::events {

// The DMA engine of `dma_write` ops: a device writing host memory without
// passing the host's caches. 16 GB/s is about the raw rate of a PCIe 4.0 x8
// (or 3.0 x16) link, 15.75 GB/s: an assumption, which an op can override.
struct DmaParams {
    double rate_gbps = 16.0;

    common::Violations validate() const {
        common::Violations v;
        if (!(rate_gbps > 0)) v.push_back({"rate", "must be positive"});
        return v;
    }
};

}  // namespace invalsim::events
