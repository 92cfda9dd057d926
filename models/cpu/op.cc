#include "models/cpu/op.h"

namespace invalsim::cpu {

const char* to_string(Op::Kind k) {
    switch (k) {
        case Op::Kind::Read: return "read";
        case Op::Kind::Write: return "write";
        case Op::Kind::Delay: return "delay";
        case Op::Kind::Barrier: return "barrier";
        case Op::Kind::Signal: return "signal";
        case Op::Kind::WaitEvent: return "wait_event";
        case Op::Kind::Generate: return "generate";
        case Op::Kind::Trace: return "trace";
        case Op::Kind::Invalidate: return "cpu_cache_invalidate_memregion";
        case Op::Kind::InvalidateAll: return "cpu_cache_invalidate_all";
        case Op::Kind::Register: return "register";
        case Op::Kind::Unregister: return "unregister";
        case Op::Kind::HasInvalidate: return "has_invalidate";
        case Op::Kind::CheckMemory: return "check_memory";
        case Op::Kind::CheckCached: return "check_cached";
        case Op::Kind::Step: return "step";
        case Op::Kind::Sanitize: return "sanitize";
        case Op::Kind::SecureErase: return "secure_erase";
        case Op::Kind::NvdimmOverwrite: return "nvdimm_overwrite";
        case Op::Kind::NvdimmSecureErase: return "nvdimm_secure_erase";
        case Op::Kind::Lock: return "lock";
        case Op::Kind::Unlock: return "unlock";
        case Op::Kind::RegionCommit: return "region_commit";
        case Op::Kind::RegionReset: return "region_reset";
        case Op::Kind::DmaWrite: return "dma_write";
        case Op::Kind::PeerWrite: return "peer_host_write";
        case Op::Kind::KernelRegionCommit: return "kernel_cxl_region_commit";
        case Op::Kind::KernelRegionReset: return "kernel_cxl_region_reset";
        case Op::Kind::KernelSanitize: return "kernel_cxl_sanitize";
        case Op::Kind::KernelSecureErase: return "kernel_cxl_secure_erase";
        case Op::Kind::KernelNvdimmOverwrite: return "kernel_nvdimm_overwrite";
        case Op::Kind::KernelNvdimmSecureErase: return "kernel_nvdimm_secure_erase";
        case Op::Kind::KernelNvdimmUnlock: return "kernel_nvdimm_unlock";
        case Op::Kind::KernelRegionActivate: return "kernel_nvdimm_region_activate";
        case Op::Kind::KernelRegionRemove: return "kernel_nvdimm_region_remove";
    }
    return "?";
}

}  // namespace invalsim::cpu
