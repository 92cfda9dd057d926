#include "models/invalidate/hha_instance.h"

#include "models/common/sc_time_conv.h"

namespace invalsim::invalidate {

using common::Duration;

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
    const Duration t0 = m_bus.now();
    // Instrumentation, not a register: lets the engine count what it throws
    // away outside the caller's range.
    m_agent.engine().set_interest({range.start, range.end()});
    const int rc = m_driver.wbinv(range, m_bus, report);
    report.wbinv_time += m_bus.now() - t0;
    unlock();
    return rc;
}

int HhaInstance::done(InstanceReport& report) {
    lock();
    const Duration t0 = m_bus.now();
    const int rc = m_driver.done(m_bus, report);
    report.done_time += m_bus.now() - t0;
    const home_agent::EngineOp& op = m_agent.engine().last();
    report.engine_time = op.finished - op.started;
    report.written_back = op.result.written_back;
    report.invalidated = op.result.invalidated;
    report.collateral = op.result.collateral;
    unlock();
    return rc;
}

}  // namespace invalsim::invalidate
