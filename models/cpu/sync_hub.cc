#include "models/cpu/sync_hub.h"

#include <utility>

namespace invalsim::cpu {

void SyncHub::declare_barrier(const std::string& name, std::uint32_t participants) {
    auto& b = m_barriers[name];
    if (!b) b = std::make_unique<Barrier>();
    b->needed = participants;
}

void SyncHub::declare_event(const std::string& name) {
    auto& f = m_flags[name];
    if (!f) f = std::make_unique<Flag>();
}

void SyncHub::barrier(const std::string& name) {
    Barrier& b = *m_barriers.at(name);
    if (++b.arrived == b.needed) {
        if (b.first_release) std::exchange(b.first_release, nullptr)();
        b.arrived = 0;
        ++b.generation;
        b.released.notify(sc_core::SC_ZERO_TIME);
        return;
    }
    const std::uint64_t gen = b.generation;
    while (b.generation == gen) sc_core::wait(b.released);
}

void SyncHub::signal(const std::string& name) {
    Flag& f = *m_flags.at(name);
    f.set = true;
    f.raised.notify(sc_core::SC_ZERO_TIME);
}

void SyncHub::wait_event(const std::string& name) {
    Flag& f = *m_flags.at(name);
    while (!f.set) sc_core::wait(f.raised);
}

void SyncHub::on_first_release(const std::string& name, std::function<void()> hook) {
    m_barriers.at(name)->first_release = std::move(hook);
}

bool SyncHub::is_set(const std::string& name) const {
    auto it = m_flags.find(name);
    return it != m_flags.end() && it->second->set;
}

}  // namespace invalsim::cpu
