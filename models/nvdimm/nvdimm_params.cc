#include "models/nvdimm/nvdimm_params.h"

#include <string>

#include "models/mem/sparse_store.h"

namespace invalsim::nvdimm {

common::Violations NvdimmParams::validate() const {
    common::Violations v;
    if (size_bytes > mem::SparseStore::kMaxSizeBytes) {
        v.push_back({"size", "must be at most 1PiB (each device keeps a page directory in host memory), got " +
                                 std::to_string(size_bytes) + " bytes"});
    } else if (size_bytes == 0 || size_bytes % 4096 != 0) {
        v.push_back({"size", "must be a non-zero multiple of 4 KiB, got " + std::to_string(size_bytes)});
    }
    if (!common::is_power_of_two(access_unit_bytes) || access_unit_bytes < 64 ||
        access_unit_bytes > 4096) {
        v.push_back({"access_unit", "must be a power of two between 64 and 4096 bytes, got " +
                                        std::to_string(access_unit_bytes)});
    }
    if (!(read_bandwidth_gbps > 0)) v.push_back({"read_bandwidth", "must be positive"});
    if (!(write_bandwidth_gbps > 0)) v.push_back({"write_bandwidth", "must be positive"});
    return v;
}

}  // namespace invalsim::nvdimm
