#include "sim/build/backend_factory.h"

#include "models/cxl/cxl_backend.h"
#include "models/mem/dram_backend.h"
#include "models/nvdimm/nvdimm_backend.h"

namespace invalsim::build {

std::unique_ptr<mem::Backend> make_backend(const config::SystemConfig& cfg,
                                           const config::MemoryConfig& m) {
    switch (m.kind) {
        case config::MemoryKind::Dram: return std::make_unique<mem::DramBackend>(m.dram);
        case config::MemoryKind::Nvdimm: return std::make_unique<nvdimm::NvdimmBackend>(m.nvdimm);
        case config::MemoryKind::CxlType3: break;
    }
    auto b = std::make_unique<cxl::CxlBackend>(m.cxl);
    for (const auto& r : cfg.address_map) {
        for (std::uint32_t i = 0; i < r.targets.size(); ++i) {
            if (r.targets[i] != m.name) continue;
            b->add_decoder({r.base, r.size_bytes, static_cast<std::uint32_t>(r.targets.size()),
                            r.interleave_granularity, i, r.target_offset, r.committed});
        }
    }
    return b;
}

}  // namespace invalsim::build
