// Fuzz target: the text of a scenario file, read as `invalsim check
// --scenario` does: its "set" overrides applied to the config it names
// (looked up by file name among the shipped configs, never read from the
// path in the input), then its programs checked against that config. Bad
// input must end in InputError.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include "sim/cli/inputs.h"
#include "sim/config/config_loader.h"
#include "sim/config/diagnostics.h"
#include "sim/config/json_source.h"
#include "sim/scenario/scenario_loader.h"

namespace {

namespace fs = std::filesystem;
using invalsim::config::InputError;
using invalsim::config::Json;

// File name -> parsed document, of every config the seeds name.
const std::map<std::string, Json>& shipped_configs() {
    static const std::map<std::string, Json> docs = [] {
        std::map<std::string, Json> m;
        for (const char* dir : {"configs", "bench", "tests/integration/configs"}) {
            for (const auto& e : fs::directory_iterator(fs::path(INVALSIM_SOURCE_DIR) / dir)) {
                if (e.path().extension() != ".json") continue;
                try {
                    m.emplace(e.path().filename().string(), invalsim::config::load_json_file(e.path().string()));
                } catch (const InputError&) {
                }
            }
        }
        return m;
    }();
    return docs;
}

const std::string kFile = std::string(INVALSIM_SOURCE_DIR) + "/scenarios/fuzz.json";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const Json doc = invalsim::config::parse_json_text(text, kFile);
        const std::string named = invalsim::scenario::config_named_by(doc, kFile);
        const auto it = shipped_configs().find(fs::path(named).filename().string());
        const bool found = it != shipped_configs().end();
        const Json& cfg_doc = found ? it->second : shipped_configs().at("default.json");
        const auto cfg = invalsim::config::parse_system_config(
            cfg_doc, found ? named : "default.json", invalsim::cli::scenario_overrides(doc, kFile));
        invalsim::scenario::parse_scenario(doc, kFile, cfg);
    } catch (const InputError&) {
    }
    return 0;
}
