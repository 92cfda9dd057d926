// Fuzz target: the text of a config file, read and checked as `invalsim
// check --config` does. Bad input must end in InputError (exit 2); anything
// else escaping is a crash. A config that is accepted must accept its own
// resolved form (config.resolved.json reruns a sweep point) and resolve to
// the same document again.
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>

#include "sim/config/config_loader.h"
#include "sim/config/diagnostics.h"
#include "sim/config/json_source.h"

namespace {

using invalsim::config::InputError;
using invalsim::config::Json;

void check_round_trip(const invalsim::config::SystemConfig& cfg) {
    const Json resolved = invalsim::config::resolved_json(cfg);
    try {
        const Json again = invalsim::config::resolved_json(
            invalsim::config::parse_system_config(resolved, "config.resolved.json"));
        if (again == resolved) return;
        std::cerr << "resolved config changed on a second round:\n" << resolved.dump(2) << "\n"
                  << again.dump(2) << "\n";
    } catch (const InputError& e) {
        std::cerr << "resolved config rejected: " << invalsim::config::to_string(e.diagnostics().front())
                  << "\n" << resolved.dump(2) << "\n";
    }
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const Json doc = invalsim::config::parse_json_text(text, "fuzz.json");
        check_round_trip(invalsim::config::parse_system_config(doc, "fuzz.json"));
    } catch (const InputError&) {
    }
    return 0;
}
