#pragma once

namespace invalsim {

inline constexpr const char* kVersion = "0.1.0";

}  // namespace invalsim
