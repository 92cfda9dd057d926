#pragma once

#include <memory>

#include "models/mem/backend.h"
#include "sim/config/system_config.h"

namespace invalsim::build {

// The backend of a configured memory device; a CXL device gets one HDM
// decoder per address-map range that targets it.
std::unique_ptr<mem::Backend> make_backend(const config::SystemConfig& cfg,
                                           const config::MemoryConfig& m);

}  // namespace invalsim::build
