#include "models/invalidate/framework_core.h"

#include <algorithm>
#include <utility>

namespace invalsim::invalidate {

const char* to_string(Policy p) {
    switch (p) {
        case Policy::Parallel: return "parallel";
        case Policy::Sequential: return "sequential";
        case Policy::SingleIrqOff: return "single-irqoff";
    }
    return "?";
}

void FrameworkCore::add(OpsInstance* inst) { m_instances.push_back(inst); }

bool FrameworkCore::remove(const std::string& name) {
    auto it = std::find_if(m_instances.begin(), m_instances.end(),
                           [&](OpsInstance* i) { return i->name() == name; });
    if (it == m_instances.end()) return false;
    m_instances.erase(it);
    return true;
}

int FrameworkCore::invalidate(Policy policy, const MemRange& range, std::uint32_t caller,
                              std::vector<InstanceReport>& reports) {
    reports.clear();
    if (m_instances.empty()) return kEOPNOTSUPP;
    std::vector<OpsInstance*> called = m_instances;
    if (policy == Policy::SingleIrqOff) called.resize(1);
    for (OpsInstance* i : called) {
        InstanceReport r;
        r.name = i->name();
        r.caller = caller;
        reports.push_back(std::move(r));
    }
    int first_error = kOk;
    auto note = [&first_error](int rc) {
        if (rc != kOk && first_error == kOk) first_error = rc;
    };
    if (policy == Policy::Parallel) {
        for (std::size_t k = 0; k < called.size(); ++k) note(reports[k].rc = called[k]->wbinv(range, reports[k]));
        for (std::size_t k = 0; k < called.size(); ++k) {
            if (reports[k].rc == kOk && called[k]->has_done()) note(reports[k].rc = called[k]->done(reports[k]));
        }
        return first_error;
    }
    for (std::size_t k = 0; k < called.size(); ++k) {
        int rc = called[k]->wbinv(range, reports[k]);
        if (rc == kOk && called[k]->has_done()) rc = called[k]->done(reports[k]);
        note(reports[k].rc = rc);
    }
    return first_error;
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
