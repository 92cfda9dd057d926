#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "models/common/duration.h"
#include "models/common/types.h"

namespace invalsim::invalidate {

// Kernel return codes, as negative errno values.
constexpr int kOk = 0;
constexpr int kENXIO = -6;
constexpr int kEBUSY = -16;
constexpr int kEINVAL = -22;
constexpr int kEOPNOTSUPP = -95;
constexpr int kETIMEDOUT = -110;
const char* errno_name(int rc);

struct MemRange {
    common::Addr start = 0;
    std::uint64_t len = 0;
    common::Addr end() const { return start + len; }
};

// An interval of simulated time, [start, end).
struct TimeWindow {
    common::Duration start;
    common::Duration end;
    common::Duration length() const { return end - start; }
};
common::Duration total_length(const std::vector<TimeWindow>& windows);

// What one instance did during a call: times by the framework's policy,
// the rest accumulated by the instance.
struct InstanceReport {
    std::string name;
    std::uint32_t caller = 0;  // input: the CPU making the call
    int rc = kOk;
    common::Duration wbinv_start;  // when wbinv was called
    common::Duration wbinv_time;   // inside wbinv (waiting for a previous op, programming)
    common::Duration done_start;   // when done was called (if it was)
    common::Duration done_time;    // inside done (polling for completion)
    common::Duration engine_time;  // the hardware's own busy time for this request (so far)
    bool engine_complete = true;   // false: the hardware was still working when done gave up
    std::uint64_t polls = 0;
    std::uint64_t written_back = 0;
    std::uint64_t invalidated = 0;
    std::uint64_t collateral = 0;  // invalidated lines not wholly inside the requested range
    std::uint64_t bytes_outside = 0;  // bytes maintained beyond the request (alignment)
    std::vector<TimeWindow> caller_irq_off;  // when the calling CPU ran with interrupts off
};

// A registered controller's operations, as `struct cache_coherency_ops_inst`
// in the kernel: wbinv starts write-back+invalidate of a range, done waits
// for it. Implementations run on the calling CPU's thread and may let
// simulated time pass.
class OpsInstance {
public:
    virtual ~OpsInstance() = default;
    virtual const std::string& name() const = 0;
    virtual int wbinv(const MemRange& range, InstanceReport& report) = 0;
    virtual bool has_done() const { return true; }
    virtual int done(InstanceReport& report) = 0;
};

}  // namespace invalsim::invalidate
