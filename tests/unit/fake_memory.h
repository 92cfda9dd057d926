#pragma once

#include <cstring>
#include <map>
#include <vector>

#include "models/cache/line_port.h"

namespace invalsim::test {

// A LinePort backed by a map of lines, with a fixed cost per request, that
// records what it was asked: the mock neighbour of cache and home-agent
// tests. It grants what a home agent with no other sharers would.
class FakeMemory : public cache::LinePort {
public:
    explicit FakeMemory(common::Duration cost = common::Duration::ns(100), std::uint32_t line = 64)
        : m_cost(cost), m_line(line) {}

    void request(coherence::LineRequest& r, common::Duration& delay) override {
        log.push_back(r.type);
        prefetches += r.prefetch;
        delay += m_cost;
        using coherence::Req;
        if (r.type == Req::WriteBack || r.type == Req::WriteUnique) {
            ++writes;
            for (std::uint32_t i = 0; i < r.bytes; ++i) set_byte(r.addr + i, r.data[i]);
        } else if (r.data != nullptr && coherence::wants_data(r.type)) {
            ++reads;
            for (std::uint32_t i = 0; i < r.bytes; ++i) r.data[i] = byte(r.addr + i);
        }
        r.granted = r.type == Req::ReadShared ? grant_on_read : cache::LineState::Exclusive;
        r.source = coherence::Source::Memory;
    }

    std::uint8_t byte(common::Addr addr) const {
        auto it = lines.find(addr - addr % m_line);
        return it == lines.end() ? fill : it->second[addr % m_line];
    }
    void set_byte(common::Addr addr, std::uint8_t v) {
        auto& l = lines[addr - addr % m_line];
        l.resize(m_line, fill);
        l[addr % m_line] = v;
    }
    int count(coherence::Req type) const {
        int n = 0;
        for (auto t : log) n += t == type;
        return n;
    }

    std::map<common::Addr, std::vector<std::uint8_t>> lines;
    std::vector<coherence::Req> log;
    std::uint8_t fill = 0;
    cache::LineState grant_on_read = cache::LineState::Exclusive;
    int reads = 0;
    int writes = 0;
    int prefetches = 0;  // requests marked as prefetches

private:
    common::Duration m_cost;
    std::uint32_t m_line;
};

}  // namespace invalsim::test
