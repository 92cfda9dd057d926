#pragma once

#include <cstdint>

namespace invalsim::home_agent::hha {

// The maintenance register block of a HiSilicon-Hydra-like home agent, one
// 32-bit register per offset (names as in domain.md section 3).
constexpr std::uint32_t kCtrl = 0x00;
constexpr std::uint32_t kStartL = 0x04;
constexpr std::uint32_t kStartH = 0x08;
constexpr std::uint32_t kLenL = 0x0c;  // length minus one
constexpr std::uint32_t kLenH = 0x10;
constexpr std::uint32_t kBlockBytes = 0x1000;

constexpr std::uint32_t kCtrlEn = 1U << 0;     // write 1: start; reads 1 while busy
constexpr std::uint32_t kCtrlRange = 1U << 1;  // the operation covers START/LEN
constexpr std::uint32_t kCtrlTypeShift = 2;    // bits 3:2
constexpr std::uint32_t kCtrlTypeMask = 3U << kCtrlTypeShift;
constexpr std::uint32_t kTypeCleanInvalidate = 1;

}  // namespace invalsim::home_agent::hha
