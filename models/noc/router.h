#pragma once

#include <cstdint>

#include "models/common/types.h"
#include "models/home_agent/interleave.h"
#include "models/noc/address_map.h"

namespace invalsim::noc {

struct Route {
    std::uint32_t port = 0;
    common::Addr addr = 0;  // address as it leaves the crossbar
};

// Chooses the crossbar output for a request arriving on one group of inputs.
class Router {
public:
    virtual ~Router() = default;
    // False when nothing serves [addr, addr+len).
    virtual bool route(common::Addr addr, std::uint32_t len, Route& out) const = 0;
};

// Requests from the CPUs go to the home agent owning the address (outputs
// first_port .. first_port + agents - 1), address unchanged. Holes in the
// address map are refused here already.
class AgentRouter final : public Router {
public:
    AgentRouter(home_agent::Interleave interleave, std::uint32_t first_port, const AddressMap& map)
        : m_interleave(interleave), m_first_port(first_port), m_map(map) {}
    bool route(common::Addr addr, std::uint32_t len, Route& out) const override {
        const AddressRange* r = m_map.decode(addr);
        if (r == nullptr || !r->contains(addr, len)) return false;
        out = {m_first_port + m_interleave.agent_of(addr), addr};
        return true;
    }

private:
    home_agent::Interleave m_interleave;
    std::uint32_t m_first_port;
    const AddressMap& m_map;
};

// Requests from the home agents go to memory devices by the address map
// (outputs first_port + range target).
class MapRouter final : public Router {
public:
    MapRouter(const AddressMap& map, std::uint32_t first_port) : m_map(map), m_first_port(first_port) {}
    bool route(common::Addr addr, std::uint32_t len, Route& out) const override {
        const AddressRange* r = m_map.decode(addr);
        if (r == nullptr || !r->contains(addr, len)) return false;
        out = {m_first_port + r->target_of(addr), r->outgoing(addr)};
        return true;
    }

private:
    const AddressMap& m_map;
    std::uint32_t m_first_port;
};

}  // namespace invalsim::noc

namespace invalsim::noc {

// Register accesses to the agents' maintenance blocks: agent i at
// base + i x stride (outputs first_port + i), address unchanged.
class MmioRouter final : public Router {
public:
    MmioRouter(common::Addr base, std::uint64_t stride, std::uint32_t count, std::uint32_t first_port)
        : m_base(base), m_stride(stride), m_count(count), m_first_port(first_port) {}
    bool route(common::Addr addr, std::uint32_t, Route& out) const override {
        if (addr < m_base || (addr - m_base) / m_stride >= m_count) return false;
        out = {m_first_port + static_cast<std::uint32_t>((addr - m_base) / m_stride), addr};
        return true;
    }

private:
    common::Addr m_base;
    std::uint64_t m_stride;
    std::uint32_t m_count;
    std::uint32_t m_first_port;
};

}  // namespace invalsim::noc
