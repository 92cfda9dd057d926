#include "models/invalidate/hha_instance.h"

namespace invalsim::invalidate {

HhaInstance::HhaInstance(std::string name, const HhaDriverParams& params, MmioBus& bus,
                         home_agent::HomeAgentCore& agent)
    : m_name(std::move(name)), m_driver(params), m_bus(bus), m_agent(agent) {}

void HhaInstance::lock() {
    while (m_locked) sc_core::wait(m_unlocked);
    m_locked = true;
}

void HhaInstance::unlock() {
    m_locked = false;
    m_unlocked.notify(sc_core::SC_ZERO_TIME);
}

int HhaInstance::wbinv(const MemRange& range, InstanceReport& report) {
    lock();
    // Instrumentation, not a register: lets the engine count what it throws
    // away outside the caller's range.
    m_agent.engine().set_interest({range.start, range.end()});
    const int rc = m_driver.wbinv(range, m_bus, report);
    unlock();
    return rc;
}

// What the engine did for this request: all of it, or (after -ETIMEDOUT)
// as much as it had done when the driver gave up.
int HhaInstance::done(InstanceReport& report) {
    lock();
    const int rc = m_driver.done(m_bus, report);
    const home_agent::EngineOp& op = m_agent.engine().op();
    report.engine_complete = op.complete;
    report.engine_time = (op.complete ? op.finished : m_bus.now()) - op.started;
    report.written_back = op.result.written_back;
    report.invalidated = op.result.invalidated;
    report.collateral = op.result.collateral;
    unlock();
    return rc;
}

}  // namespace invalsim::invalidate
