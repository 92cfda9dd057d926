#pragma once

#include <cstdint>

#include "models/common/duration.h"
#include "models/common/types.h"

namespace invalsim::nvdimm {

// A persistent-memory DIMM (Optane-like) on the memory bus.
struct NvdimmParams {
    std::uint64_t size_bytes = 128ULL << 30;
    common::Duration read_latency = common::Duration::ns(250);
    // Writes are accepted into the DIMM's power-fail-safe buffer (ADR).
    common::Duration write_latency = common::Duration::ns(90);
    double read_bandwidth_gbps = 6.6;
    double write_bandwidth_gbps = 2.3;
    // The media reads and writes whole units; a 64-byte access costs one.
    std::uint32_t access_unit_bytes = 256;
    std::uint8_t fill_byte = 0x00;
    // A locked DIMM (security state) returns `locked_fill_byte` for reads and
    // drops writes, until unlocked.
    bool locked = false;
    std::uint8_t locked_fill_byte = 0xff;
    // Security operations: overwrite (asynchronous, long) and secure erase.
    common::Duration overwrite_time = common::Duration::ms(20);
    std::uint8_t overwrite_fill = 0x00;
    common::Duration secure_erase_time = common::Duration::ms(1);
    std::uint8_t secure_erase_fill = 0x00;
    // Lock and unlock are firmware commands (an ACPI DSM mailbox on Intel
    // DIMMs); no public figure gives their time, 1 ms is an assumption.
    common::Duration lock_time = common::Duration::ms(1);
    common::Duration unlock_time = common::Duration::ms(1);

    common::Violations validate() const;
};

}  // namespace invalsim::nvdimm
