#include "models/cxl/cxl_params.h"

#include <string>

#include "models/mem/sparse_store.h"

namespace invalsim::cxl {

common::Violations CxlParams::validate() const {
    common::Violations v;
    if (size_bytes > mem::SparseStore::kMaxSizeBytes) {
        v.push_back({"size", "must be at most 1PiB (each device keeps a page directory in host memory), got " +
                                 std::to_string(size_bytes) + " bytes"});
    } else if (size_bytes == 0 || size_bytes % (256ULL << 20) != 0) {
        v.push_back({"size", "must be a non-zero multiple of 256 MiB (the CXL decoder unit), got " +
                                 std::to_string(size_bytes)});
    }
    if (link_gts != 8 && link_gts != 16 && link_gts != 32 && link_gts != 64) {
        v.push_back({"link_gts", "must be 8, 16, 32 or 64 GT/s, got " + std::to_string(link_gts)});
    }
    if (link_width != 1 && link_width != 2 && link_width != 4 && link_width != 8 && link_width != 16) {
        v.push_back({"link_width", "must be 1, 2, 4, 8 or 16 lanes, got " + std::to_string(link_width)});
    }
    if (media_channels == 0 || media_channels > 16) {
        v.push_back({"media_channels", "must be between 1 and 16"});
    }
    if (!(media_channel_bandwidth_gbps > 0)) v.push_back({"media_channel_bandwidth", "must be positive"});
    if (back_invalidate_outstanding == 0 || back_invalidate_outstanding > 4096) {
        v.push_back({"back_invalidate_outstanding", "must be between 1 and 4096, got " +
                                                        std::to_string(back_invalidate_outstanding)});
    }
    return v;
}

}  // namespace invalsim::cxl
