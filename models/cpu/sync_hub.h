#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>

#include <systemc>

namespace invalsim::cpu {

// Barriers and events that order CPUs (and, later, device actions) against
// each other. Barriers are reusable; an event, once signalled, stays set, so
// a wait that comes late does not hang. Callers must have synchronised their
// quantum keeper before blocking here.
class SyncHub {
public:
    void declare_barrier(const std::string& name, std::uint32_t participants);
    void declare_event(const std::string& name);

    void barrier(const std::string& name);
    void signal(const std::string& name);
    void wait_event(const std::string& name);
    bool is_set(const std::string& name) const;

    // Called once, in the last arriving CPU's thread, when barrier `name`
    // first releases and before anyone passes it: every participant then
    // stands at that barrier (what a sweep's shared start forks at).
    void on_first_release(const std::string& name, std::function<void()> hook);

private:
    struct Barrier {
        std::uint32_t needed = 0;
        std::uint32_t arrived = 0;
        std::uint64_t generation = 0;
        sc_core::sc_event released;
        std::function<void()> first_release;
    };
    struct Flag {
        bool set = false;
        sc_core::sc_event raised;
    };
    std::map<std::string, std::unique_ptr<Barrier>> m_barriers;
    std::map<std::string, std::unique_ptr<Flag>> m_flags;
};

}  // namespace invalsim::cpu
