#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "models/invalidate/ops.h"

namespace invalsim::invalidate {

// A call of the port on the calling CPU's time line.
struct CallTiming {
    bool called = false;  // false: no call was made (a kernel flow that did not need one)
    TimeWindow call;
    std::vector<TimeWindow> irq_off;
};

// The memregion-invalidate port as a CPU's program sees it: the kernel entry
// points, each run on the calling CPU's thread. `where` says which scenario
// op made the call, for the records.
class Port {
public:
    virtual ~Port() = default;
    // cpu_cache_invalidate_memregion(start, len), or with `all`,
    // cpu_cache_invalidate_all(). `timing` receives when the call ran and
    // when the calling CPU had interrupts off.
    virtual int invalidate(std::uint32_t cpu, const MemRange& range, bool all, const std::string& where,
                           CallTiming& timing) = 0;
    virtual bool has_invalidate() const = 0;
    // Registers (or unregisters) an operations instance by name; false when
    // there is no such instance or it is already in that state.
    virtual bool set_registered(std::uint32_t cpu, const std::string& instance, bool on) = 0;
};

// Lets the invalidate mechanisms interrupt other CPUs (IPIs) and take their
// caches' maintenance entry points.
class CpuControl {
public:
    virtual ~CpuControl() = default;
    virtual std::uint32_t cpu_count() const = 0;
    // The CPU stops for `length` no earlier than `not_before` (an IPI handler
    // or WBINVD), with interrupts off when `irqs_off`.
    virtual void stall(std::uint32_t cpu, common::Duration not_before, common::Duration length,
                       bool irqs_off) = 0;
};

}  // namespace invalsim::invalidate
