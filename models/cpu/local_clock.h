#pragma once

#include <systemc>

#include "models/common/duration.h"
#include "models/common/sc_time_conv.h"

namespace invalsim::cpu {

// A CPU's temporal decoupling, as tlm_quantumkeeper does it but in core time
// (no sc_time conversions or kernel calls on the hot path): the CPU's time
// runs ahead of the kernel's by `offset` and it synchronises at the next
// boundary of the global quantum.
class LocalClock {
public:
    // From the calling thread: take the kernel's time, no offset.
    void reset(common::Duration quantum) {
        m_quantum = quantum;
        resync();
    }
    void resync() {
        m_kernel = common::from_sc(sc_core::sc_time_stamp());
        m_offset = common::Duration();
        const std::uint64_t q = m_quantum.as_ps() ? m_quantum.as_ps() : 1;
        m_next_sync = common::Duration::ps((m_kernel.as_ps() / q + 1) * q);
    }

    common::Duration now() const { return m_kernel + m_offset; }
    // The kernel's time when this CPU last synchronised.
    common::Duration kernel() const { return m_kernel; }
    common::Duration offset() const { return m_offset; }
    void set_offset(common::Duration d) { m_offset = d; }
    void advance(common::Duration d) { m_offset += d; }

    bool need_sync() const { return now() >= m_next_sync; }
    // Lets the kernel catch up with this CPU's time.
    void sync() {
        sc_core::wait(common::to_sc(m_offset));
        resync();
    }

private:
    common::Duration m_quantum;
    common::Duration m_kernel;
    common::Duration m_offset;
    common::Duration m_next_sync;
};

}  // namespace invalsim::cpu
