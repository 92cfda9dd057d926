// Fuzz target: the text of a sweep spec, read as `invalsim sweep SPEC`
// does, then expanded into its points. Bad input must end in InputError;
// an accepted spec never has more than kMaxPoints points.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "sim/config/diagnostics.h"
#include "sim/config/json_source.h"
#include "sim/sweep/sweep_spec.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const std::string file = std::string(INVALSIM_SOURCE_DIR) + "/sweeps/fuzz.json";
    try {
        const auto doc = invalsim::config::parse_json_text(text, file);
        const auto spec = invalsim::sweep::parse_sweep_spec(doc, file);
        const auto points = spec.points();
        if (points.empty() || points.size() > invalsim::sweep::kMaxPoints) std::abort();
    } catch (const invalsim::config::InputError&) {
    }
    return 0;
}
