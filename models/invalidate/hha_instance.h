#pragma once

#include <string>

#include <systemc>

#include "models/home_agent/home_agent_core.h"
#include "models/invalidate/hha_driver.h"
#include "models/invalidate/ops.h"

namespace invalsim::invalidate {

// The operations instance a home agent's driver registers: the driver logic
// over the agent's registers, with the per-instance mutex that serialises
// concurrent callers.
class HhaInstance final : public OpsInstance {
public:
    HhaInstance(std::string name, const HhaDriverParams& params, MmioBus& bus,
                home_agent::HomeAgentCore& agent);

    const std::string& name() const override { return m_name; }
    int wbinv(const MemRange& range, InstanceReport& report) override;
    int done(InstanceReport& report) override;

private:
    void lock();
    void unlock();

    std::string m_name;
    HhaDriver m_driver;
    MmioBus& m_bus;
    home_agent::HomeAgentCore& m_agent;
    bool m_locked = false;
    sc_core::sc_event m_unlocked;
};

}  // namespace invalsim::invalidate
