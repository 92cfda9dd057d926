#include "models/invalidate/call_policy.h"

namespace invalsim::invalidate {

namespace {

int call_wbinv(OpsInstance& inst, const MemRange& range, const Clock& clock, InstanceReport& rep) {
    rep.wbinv_start = clock.now();
    rep.rc = inst.wbinv(range, rep);
    rep.wbinv_time = clock.now() - rep.wbinv_start;
    return rep.rc;
}

int call_done(OpsInstance& inst, const Clock& clock, InstanceReport& rep) {
    if (!inst.has_done()) return rep.rc;
    rep.done_start = clock.now();
    rep.rc = inst.done(rep);
    rep.done_time = clock.now() - rep.done_start;
    return rep.rc;
}

void keep_first(int& first, int rc) {
    if (rc != kOk && first == kOk) first = rc;
}

// Upstream lib/cache_maint.c: wbinv on every instance, then done on every
// instance whose wbinv succeeded, so the agents work at the same time. The
// first error is returned, but every instance is still called.
class Parallel : public CallPolicy {
public:
    const char* name() const override { return "parallel"; }
    int run(const std::vector<OpsInstance*>& instances, const MemRange& range, const Clock& clock,
            std::vector<InstanceReport>& reports) const override {
        int first = kOk;
        for (std::size_t k = 0; k < instances.size(); ++k) {
            keep_first(first, call_wbinv(*instances[k], range, clock, reports[k]));
        }
        for (std::size_t k = 0; k < instances.size(); ++k) {
            if (reports[k].rc == kOk) keep_first(first, call_done(*instances[k], clock, reports[k]));
        }
        return first;
    }
};

// wbinv then done, one instance at a time: the agents' times add up.
class Sequential : public CallPolicy {
public:
    const char* name() const override { return "sequential"; }
    int run(const std::vector<OpsInstance*>& instances, const MemRange& range, const Clock& clock,
            std::vector<InstanceReport>& reports) const override {
        int first = kOk;
        for (std::size_t k = 0; k < instances.size(); ++k) {
            if (call_wbinv(*instances[k], range, clock, reports[k]) == kOk) {
                call_done(*instances[k], clock, reports[k]);
            }
            keep_first(first, reports[k].rc);
        }
        return first;
    }
};

// The earlier design (../shared/seed/): one registered platform method,
// called under a spinlock with interrupts off. That one method must cover
// the whole system, so it drives every agent the way `parallel` does (start
// all, then wait for all), all of it with interrupts off.
class SingleIrqOff : public Parallel {
public:
    const char* name() const override { return "single-irqoff"; }
    bool spinlock_irqs_off() const override { return true; }
};

}  // namespace

const std::vector<const CallPolicy*>& call_policies() {
    static const Parallel parallel;
    static const Sequential sequential;
    static const SingleIrqOff single;
    static const std::vector<const CallPolicy*> all = {&parallel, &sequential, &single};
    return all;
}

const CallPolicy* find_call_policy(const std::string& name) {
    for (const CallPolicy* p : call_policies()) {
        if (name == p->name()) return p;
    }
    return nullptr;
}

const CallPolicy& default_call_policy() { return *call_policies().front(); }

}  // namespace invalsim::invalidate
