#include "sim/config/field.h"

namespace invalsim::config {

void unknown_key(const Cursor& at, const std::string& key, const std::vector<std::string>& known) {
    std::string msg = "unknown key \"" + key + "\"";
    const std::string near = closest(key, known);
    if (!near.empty()) {
        msg += " (did you mean \"" + near + "\"?)";
    } else if (!known.empty()) {
        msg += "; valid keys:";
        for (const auto& k : known) msg += " " + k;
    }
    at.child(key).error(msg);
}

}  // namespace invalsim::config
