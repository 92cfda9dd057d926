#include "sim/config/config_reader.h"

#include "sim/config/config_schema.h"

namespace invalsim::config {

bool valid_component_name(const std::string& name) {
    if (name.empty() || name.size() > 64 || !(name[0] >= 'a' && name[0] <= 'z')) return false;
    for (char c : name) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    }
    return true;
}

namespace {

bool check_name(const std::string& name, const Cursor& at) {
    if (valid_component_name(name)) return true;
    at.error("name \"" + name +
             "\" must start with a lowercase letter and use only a-z, 0-9 and _ (it becomes "
             "a statistics path)");
    return false;
}

void read_caches(const Json& j, const Cursor& at, SystemConfig& cfg) {
    if (!expect_object(j, at)) return;
    for (auto it = j.begin(); it != j.end(); ++it) {
        const Cursor c = at.child(it.key());
        if (!check_name(it.key(), c)) continue;
        if (it.key() == kMemory) {
            c.error("\"memory\" is reserved for the path to memory in `next`");
            continue;
        }
        CacheConfig cache;
        cache.name = it.key();
        read_object(cache_schema(), it.value(), c, cache);
        cfg.caches.push_back(cache);
    }
}

void read_memory(const std::string& name, const Json& j, const Cursor& at, SystemConfig& cfg) {
    if (!expect_object(j, at)) return;
    std::vector<std::string> names;
    for (const auto& t : memory_types()) names.push_back(t.first);
    auto type = j.find("type");
    if (type == j.end()) {
        at.error("missing required key \"type\" (one of dram, cxl_type3, nvdimm)");
        return;
    }
    std::string kind;
    if (!read_string(*type, at.child("type"), kind)) return;
    MemoryConfig m;
    m.name = name;
    for (const auto& [tname, tkind] : memory_types()) {
        if (tname != kind) continue;
        m.kind = tkind;
        read_object(*memory_schema(tkind), j, at, m, {"type"});
        cfg.memories.push_back(m);
        return;
    }
    std::string msg = "expected one of \"dram\", \"cxl_type3\", \"nvdimm\", got \"" + kind + "\"";
    const std::string near = closest(kind, names);
    if (!near.empty()) msg += " (did you mean \"" + near + "\"?)";
    at.child("type").error(msg);
}

// Memory devices sit beside cpuN, haN and noc under "system".
bool reserved_system_name(const std::string& n) {
    auto numbered = [&n](const char* prefix) {
        const std::string p(prefix);
        return n.rfind(p, 0) == 0 && n.size() > p.size() &&
               n.find_first_not_of("0123456789", p.size()) == std::string::npos;
    };
    return n == "noc" || numbered("cpu") || numbered("ha");
}

void read_memories(const Json& j, const Cursor& at, SystemConfig& cfg) {
    if (!expect_object(j, at)) return;
    for (auto it = j.begin(); it != j.end(); ++it) {
        const Cursor c = at.child(it.key());
        if (!check_name(it.key(), c)) continue;
        if (reserved_system_name(it.key())) {
            c.error("\"" + it.key() + "\" is the name of another component (cpuN, haN, noc)");
            continue;
        }
        read_memory(it.key(), it.value(), c, cfg);
    }
}

void read_address_map(const Json& j, const Cursor& at, SystemConfig& cfg) {
    if (!expect_array(j, at)) return;
    for (std::size_t i = 0; i < j.size(); ++i) {
        RangeConfig r;
        read_object(range_schema(), j[i], at.child(i), r);
        cfg.address_map.push_back(r);
    }
}

}  // namespace

SystemConfig read_system(const Json& doc, const Cursor& at) {
    SystemConfig cfg;
    cfg.file = at.diag.file();
    if (!expect_object(doc, at)) return cfg;
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        const std::string& key = it.key();
        const Json& v = it.value();
        const Cursor c = at.child(key);
        if (key == "name") {
            read_string(v, c, cfg.name);
        } else if (key == "description") {
            read_string(v, c, cfg.description);
        } else if (key == "simulation") {
            read_object(simulation_schema(), v, c, cfg.simulation);
        } else if (key == "cpu") {
            read_object(cpu_schema(), v, c, cfg.cpu);
        } else if (key == "caches") {
            read_caches(v, c, cfg);
        } else if (key == "home_agents") {
            read_object(home_agents_schema(), v, c, cfg.home_agents);
        } else if (key == "invalidate") {
            read_object(invalidate_schema(), v, c, cfg.invalidate);
        } else if (key == "interconnect") {
            read_object(interconnect_schema(), v, c, cfg.interconnect);
        } else if (key == "dma") {
            read_object(dma_schema(), v, c, cfg.dma);
        } else if (key == "memories") {
            read_memories(v, c, cfg);
        } else if (key == "address_map") {
            read_address_map(v, c, cfg);
        } else {
            unknown_key(at, key, top_level_keys());
        }
    }
    for (const char* key : {"memories", "address_map"}) {
        if (!doc.contains(key)) at.error(std::string("missing required key \"") + key + "\"");
    }
    return cfg;
}

}  // namespace invalsim::config
