#pragma once

#include <cstring>
#include <map>
#include <vector>

#include "models/cache/line_port.h"

namespace invalsim::test {

// A LinePort backed by a map of lines, counting traffic, with a fixed cost
// per transfer: the mock neighbour of cache-core tests.
class FakeMemory : public cache::LinePort {
public:
    explicit FakeMemory(common::Duration cost = common::Duration::ns(100)) : m_cost(cost) {}

    void read_line(common::Addr addr, std::uint8_t* data, std::uint32_t bytes,
                   common::Duration& delay) override {
        ++reads;
        auto& line = lines[addr];
        line.resize(bytes, fill);
        std::memcpy(data, line.data(), bytes);
        delay += m_cost;
    }
    void write_line(common::Addr addr, const std::uint8_t* data, std::uint32_t bytes,
                    common::Duration& delay) override {
        ++writes;
        lines[addr].assign(data, data + bytes);
        delay += m_cost;
    }
    std::uint8_t byte(common::Addr addr, std::uint32_t line_bytes = 64) {
        auto it = lines.find(addr - addr % line_bytes);
        return it == lines.end() ? fill : it->second[addr % line_bytes];
    }

    std::map<common::Addr, std::vector<std::uint8_t>> lines;
    std::uint8_t fill = 0;
    int reads = 0;
    int writes = 0;

private:
    common::Duration m_cost;
};

}  // namespace invalsim::test
