#include "sim/config/config_loader.h"

#include "sim/config/config_reader.h"
#include "sim/config/config_schema.h"
#include "sim/config/config_validator.h"

namespace invalsim::config {

SystemConfig parse_system_config(const Json& doc, const std::string& file,
                                 const std::vector<Override>& overrides) {
    Diagnostics diag(file);
    Json patched = doc;
    apply_overrides(patched, overrides, diag);
    diag.throw_if_any();
    const Cursor root{diag, ""};
    SystemConfig cfg = read_system(patched, root);
    // Rules across fields only make sense once every field read cleanly.
    diag.throw_if_any();
    validate_system(cfg, root);
    diag.throw_if_any();
    return cfg;
}

SystemConfig load_system_config(const std::string& path, const std::vector<Override>& overrides) {
    return parse_system_config(load_json_file(path), path, overrides);
}

Json resolved_json(const SystemConfig& cfg) {
    Json j = Json::object();
    j["name"] = cfg.name;
    j["description"] = cfg.description;
    j["simulation"] = write_object(simulation_schema(), cfg.simulation);
    j["cpu"] = write_object(cpu_schema(), cfg.cpu);
    j["caches"] = Json::object();
    for (const auto& c : cfg.caches) j["caches"][c.name] = write_object(cache_schema(), c);
    j["home_agents"] = write_object(home_agents_schema(), cfg.home_agents);
    j["interconnect"] = write_object(interconnect_schema(), cfg.interconnect);
    j["invalidate"] = write_object(invalidate_schema(), cfg.invalidate);
    j["dma"] = write_object(dma_schema(), cfg.dma);
    j["memories"] = Json::object();
    for (const auto& m : cfg.memories) {
        Json mj = {{"type", to_string(m.kind)}};
        mj.update(write_object(*memory_schema(m.kind), m));
        j["memories"][m.name] = mj;
    }
    j["address_map"] = Json::array();
    for (const auto& r : cfg.address_map) j["address_map"].push_back(write_object(range_schema(), r));
    return j;
}

}  // namespace invalsim::config
