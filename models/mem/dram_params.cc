#include "models/mem/dram_params.h"

#include <string>

#include "models/mem/sparse_store.h"

namespace invalsim::mem {

common::Violations DramParams::validate() const {
    common::Violations v;
    if (size_bytes > SparseStore::kMaxSizeBytes) {
        v.push_back({"size", "must be at most 1PiB (each device keeps a page directory in host memory), got " +
                                 std::to_string(size_bytes) + " bytes"});
    } else if (size_bytes == 0 || size_bytes % 4096 != 0) {
        v.push_back({"size", "must be a non-zero multiple of 4 KiB, got " + std::to_string(size_bytes)});
    }
    if (channels == 0 || channels > 64) {
        v.push_back({"channels", "must be between 1 and 64, got " + std::to_string(channels)});
    }
    if (!common::is_power_of_two(channel_interleave_bytes) || channel_interleave_bytes < 64) {
        v.push_back({"channel_interleave", "must be a power of two of at least 64 bytes, got " +
                                               std::to_string(channel_interleave_bytes)});
    }
    if (!(channel_bandwidth_gbps > 0.0)) {
        v.push_back({"channel_bandwidth", "must be positive"});
    }
    return v;
}

}  // namespace invalsim::mem
