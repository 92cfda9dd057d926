#include "models/cpu/lackey_reader.h"

#include <cctype>

namespace invalsim::cpu {

namespace {

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

bool LackeyReader::next(TraceRecord& r) {
    while (std::getline(m_in, m_text)) {
        ++m_line;
        const std::string& t = m_text;
        if (t.empty() || t.rfind("==", 0) == 0 || t.rfind("--", 0) == 0) continue;
        std::size_t i = 0;
        while (i < t.size() && t[i] == ' ') ++i;
        if (i >= t.size()) continue;
        switch (t[i]) {
            case 'I': r.kind = TraceRecord::Kind::Instr; break;
            case 'L': r.kind = TraceRecord::Kind::Load; break;
            case 'S': r.kind = TraceRecord::Kind::Store; break;
            case 'M': r.kind = TraceRecord::Kind::Modify; break;
            default: throw TraceError(m_line, "expected I, L, S or M, got \"" + t + "\"");
        }
        ++i;
        while (i < t.size() && t[i] == ' ') ++i;
        std::uint64_t addr = 0;
        std::size_t digits = 0;
        for (int d; i < t.size() && (d = hex_digit(t[i])) >= 0; ++i, ++digits) {
            if (digits == 16) throw TraceError(m_line, "address longer than 64 bits");
            addr = (addr << 4) | static_cast<std::uint64_t>(d);
        }
        if (digits == 0 || i >= t.size() || t[i] != ',') {
            throw TraceError(m_line, "expected \"hexaddress,size\" in \"" + t + "\"");
        }
        ++i;
        std::uint64_t size = 0;
        std::size_t size_digits = 0;
        for (; i < t.size() && std::isdigit(static_cast<unsigned char>(t[i])); ++i, ++size_digits) {
            size = size * 10 + static_cast<std::uint64_t>(t[i] - '0');
            if (size > 4096) throw TraceError(m_line, "access size above 4096 bytes");
        }
        while (i < t.size() && std::isspace(static_cast<unsigned char>(t[i]))) ++i;
        if (size_digits == 0 || size == 0 || i != t.size()) {
            throw TraceError(m_line, "expected a decimal size after the comma in \"" + t + "\"");
        }
        r.addr = addr;
        r.size = static_cast<std::uint32_t>(size);
        return true;
    }
    return false;
}

}  // namespace invalsim::cpu
