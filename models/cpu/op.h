#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/common/duration.h"
#include "models/common/types.h"
#include "models/cpu/workload_spec.h"

namespace invalsim::cpu {

// The bytes a write stores or a read expects: a little-endian value of up
// to 8 bytes, or one byte repeated over the whole access.
struct DataSpec {
    enum class Kind : std::uint8_t { None, Value, Pattern };
    Kind kind = Kind::None;
    std::uint64_t value = 0;
    std::uint8_t pattern = 0;

    static DataSpec of_value(std::uint64_t v) { return {Kind::Value, v, 0}; }
    static DataSpec of_pattern(std::uint8_t p) { return {Kind::Pattern, 0, p}; }

    // Byte `i` of the access.
    std::uint8_t byte_at(std::uint64_t i) const {
        if (kind == Kind::Pattern) return pattern;
        return i < 8 ? static_cast<std::uint8_t>(value >> (8 * i)) : 0;
    }
};

// One step of a CPU's program.
struct Op {
    enum class Kind : std::uint8_t {
        Read, Write, Delay, Barrier, Signal, WaitEvent, Generate, Trace,
        Invalidate, InvalidateAll, Register, Unregister, HasInvalidate,
        CheckMemory, CheckCached, Step,
        // device-side changes, as the devices (or another host) make them
        Sanitize, SecureErase, NvdimmOverwrite, NvdimmSecureErase, Lock, Unlock,
        RegionCommit, RegionReset, DmaWrite, PeerWrite,
        // the kernel's flows around them
        KernelRegionCommit, KernelRegionReset, KernelSanitize, KernelSecureErase,
        KernelNvdimmOverwrite, KernelNvdimmSecureErase, KernelNvdimmUnlock,
        KernelRegionActivate, KernelRegionRemove
    };
    Kind kind = Kind::Delay;
    common::Addr addr = 0;
    std::uint64_t size = 0;
    DataSpec data;          // write data, or the expected value of a read
    common::Duration time;  // for Delay
    std::string name;       // barrier, event or operations-instance name
    std::optional<std::int64_t> expect_rc;  // invalidate: the return code it must give
    std::optional<bool> expect_flag;        // has_invalidate / check_cached: the answer
    std::uint8_t scope = 0;                 // check_cached: a cpu::CacheScope
    bool wait = true;                       // device changes: the CPU waits for completion
    std::string signal;                     // device changes: event raised on completion
    double rate_gbps = 1.0;                 // peer_host_write; dma_write (0: the configured rate)
    std::optional<std::uint64_t> dpa_base;  // (kernel_cxl_)region_commit onto other media
    GeneratorSpec gen;
    TraceSpec trace;
    std::string where;      // where the op was written, for reports
};

using Program = std::vector<Op>;

// The scenario name of an op kind ("read", "kernel_cxl_region_commit", ...).
const char* to_string(Op::Kind k);

}  // namespace invalsim::cpu
