// The CPU ops that change devices or run the kernel's flows around such
// changes. They run on this CPU's thread, synchronised with the kernel.
#include "models/cpu/cpu.h"

#include "models/common/sc_time_conv.h"

namespace invalsim::cpu {

using events::Wipe;

void Cpu::device_op(const Op& op) {
    m_clock.sync();
    take_stalls();
    events::DeviceControl& d = *m_setup.devices;
    switch (op.kind) {
        case Op::Kind::Sanitize: d.wipe(op.name, Wipe::CxlSanitize, op.wait, op.signal); break;
        case Op::Kind::SecureErase: d.wipe(op.name, Wipe::CxlSecureErase, op.wait, op.signal); break;
        case Op::Kind::NvdimmOverwrite: d.wipe(op.name, Wipe::NvdimmOverwrite, op.wait, op.signal); break;
        case Op::Kind::NvdimmSecureErase: d.wipe(op.name, Wipe::NvdimmSecureErase, op.wait, op.signal); break;
        case Op::Kind::Lock: d.set_locked(op.name, true); break;
        case Op::Kind::Unlock: d.set_locked(op.name, false); break;
        case Op::Kind::RegionCommit: d.set_committed(op.name, true, op.dpa_base); break;
        case Op::Kind::RegionReset: d.set_committed(op.name, false, std::nullopt); break;
        case Op::Kind::DmaWrite:
            d.dma_write(op.addr, op.size, op.data.pattern, op.rate_gbps, op.wait, op.signal);
            break;
        case Op::Kind::PeerWrite:
            d.peer_write(op.addr, op.size, op.data.pattern, op.rate_gbps, op.wait, op.signal);
            break;
        default: break;
    }
    m_clock.resync();
}

void Cpu::kernel_op(const Op& op, std::size_t index) {
    m_clock.sync();
    take_stalls();
    kernel::KernelFlows& k = *m_setup.kernel;
    const std::uint32_t cpu = m_setup.index;
    invalidate::CallTiming timing;
    int rc = 0;
    switch (op.kind) {
        case Op::Kind::KernelRegionCommit:
            rc = k.cxl_region_commit(cpu, op.name, op.where, op.dpa_base, timing);
            break;
        case Op::Kind::KernelRegionReset: rc = k.cxl_region_reset(cpu, op.name, op.where, timing); break;
        case Op::Kind::KernelSanitize: rc = k.cxl_wipe(op.name, Wipe::CxlSanitize); break;
        case Op::Kind::KernelSecureErase: rc = k.cxl_wipe(op.name, Wipe::CxlSecureErase); break;
        case Op::Kind::KernelNvdimmOverwrite: rc = k.nvdimm_overwrite(op.name); break;
        case Op::Kind::KernelNvdimmSecureErase: rc = k.nvdimm_secure_erase(op.name); break;
        case Op::Kind::KernelNvdimmUnlock: rc = k.nvdimm_unlock(op.name); break;
        case Op::Kind::KernelRegionActivate: rc = k.nvdimm_region_activate(cpu, op.name, op.where, timing); break;
        case Op::Kind::KernelRegionRemove: rc = k.nvdimm_region_remove(cpu, op.name, op.where, timing); break;
        default: break;
    }
    // The flow may have let time pass on this thread (an invalidate call).
    m_clock.resync();
    if (timing.called) {
        note_irq_off(timing.irq_off);
        ++m_stats.invalidate_calls;
        m_stats.invalidate_time += timing.call.length();
    }
    if (op.expect_rc) {
        ++m_stats.expects_checked;
        if (*op.expect_rc != rc) {
            fail(op, index, "returned " + std::string(invalidate::errno_name(rc)) + ", expected " +
                                invalidate::errno_name(static_cast<int>(*op.expect_rc)));
        }
    }
    if (!op.signal.empty()) m_setup.sync->signal(op.signal);
    m_clock.resync();
}

}  // namespace invalsim::cpu
