#pragma once

#include <cstdint>
#include <istream>
#include <stdexcept>
#include <string>

#include "models/common/types.h"

namespace invalsim::cpu {

// One record of a valgrind `lackey --trace-mem=yes` trace.
struct TraceRecord {
    enum class Kind : std::uint8_t { Instr, Load, Store, Modify };
    Kind kind = Kind::Load;
    common::Addr addr = 0;  // the program's virtual address
    std::uint32_t size = 0;
};

// Thrown for a malformed line; says which line and why.
class TraceError : public std::runtime_error {
public:
    TraceError(std::uint64_t line, const std::string& what)
        : std::runtime_error("line " + std::to_string(line) + ": " + what), m_line(line) {}
    std::uint64_t line() const { return m_line; }

private:
    std::uint64_t m_line;
};

// Reads records one at a time from a stream, never the whole trace.
// Accepted lines: "I  addr,size", " L addr,size", " S addr,size",
// " M addr,size" (hex address, decimal size); valgrind's own "==pid==" lines
// and blank lines are skipped.
class LackeyReader {
public:
    explicit LackeyReader(std::istream& in) : m_in(in) {}
    // False at the end of the trace; throws TraceError on a bad line.
    bool next(TraceRecord& r);
    std::uint64_t line() const { return m_line; }

private:
    std::istream& m_in;
    std::string m_text;
    std::uint64_t m_line = 0;
};

}  // namespace invalsim::cpu
