#include "models/invalidate/framework_core.h"

#include <algorithm>

namespace invalsim::invalidate {

void FrameworkCore::add(OpsInstance* inst) { m_instances.push_back(inst); }

bool FrameworkCore::remove(const std::string& name) {
    auto it = std::find_if(m_instances.begin(), m_instances.end(),
                           [&](OpsInstance* i) { return i->name() == name; });
    if (it == m_instances.end()) return false;
    m_instances.erase(it);
    return true;
}

int FrameworkCore::invalidate(const CallPolicy& policy, const MemRange& range, std::uint32_t caller,
                              const Clock& clock, std::vector<InstanceReport>& reports) const {
    reports.clear();
    if (m_instances.empty()) return kEOPNOTSUPP;
    reports.resize(m_instances.size());
    for (std::size_t k = 0; k < m_instances.size(); ++k) {
        reports[k].name = m_instances[k]->name();
        reports[k].caller = caller;
    }
    return policy.run(m_instances, range, clock, reports);
}

}  // namespace invalsim::invalidate

#include "models/invalidate/framework_params.h"

namespace invalsim::invalidate {

const char* to_string(Mechanism m) {
    switch (m) {
        case Mechanism::Hha: return "hha";
        case Mechanism::Wbinvd: return "wbinvd";
        case Mechanism::VaLoop: return "va-loop";
        case Mechanism::None: return "none";
    }
    return "?";
}

}  // namespace invalsim::invalidate
