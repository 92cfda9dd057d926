// Fuzz target: a valgrind lackey trace, replayed by TraceSource as a
// `trace` op does (records read, placed into a 1 MiB range both ways,
// split at line boundaries). A bad line must end in TraceError.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "models/cpu/access.h"
#include "models/cpu/trace_source.h"

namespace {

using invalsim::cpu::Access;
using invalsim::cpu::TraceSpec;

// One scratch file per process: TraceSource reads files, as the simulator does.
const std::string& scratch_file() {
    static const std::string path = [] {
        char name[] = "/tmp/invalsim-fuzz-lackey-XXXXXX";
        const int fd = mkstemp(name);
        if (fd < 0) std::abort();
        close(fd);
        std::atexit([] { std::remove(scratch_file().c_str()); });
        return std::string(name);
    }();
    return path;
}

void replay(const TraceSpec& spec) {
    try {
        invalsim::cpu::TraceSource source(spec);
        Access a;
        while (source.next(a)) {
            const bool inside = a.addr >= spec.range_base && a.addr - spec.range_base < spec.range_bytes &&
                                a.size > 0 && a.size <= spec.range_bytes - (a.addr - spec.range_base);
            if (!inside || (a.addr % 64) + a.size > 64) std::abort();  // placed outside, or across a line
        }
    } catch (const invalsim::cpu::TraceError&) {
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FILE* f = std::fopen(scratch_file().c_str(), "wb");
    if (f == nullptr || std::fwrite(data, 1, size, f) != size || std::fclose(f) != 0) std::abort();
    TraceSpec spec;
    spec.file = scratch_file();
    spec.range_base = 0x8000'0000;
    spec.range_bytes = 1 << 20;
    spec.placement = invalsim::cpu::TracePlacementMode::FirstTouch;
    replay(spec);
    spec.placement = invalsim::cpu::TracePlacementMode::Offset;
    spec.trace_base = 0x0040'0000;
    spec.limit = 1000;
    replay(spec);
    return 0;
}
