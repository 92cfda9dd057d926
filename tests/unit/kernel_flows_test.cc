#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "models/kernel/kernel_flows.h"

using namespace invalsim;
using events::Wipe;
using invalidate::MemRange;

namespace {

class FakePort : public invalidate::Port {
public:
    // The call runs from 1 us to 3 us, interrupts off for the last 1.5 us.
    int invalidate(std::uint32_t, const MemRange& r, bool, const std::string&,
                   invalidate::CallTiming& timing) override {
        log->push_back("invalidate");
        calls.push_back(r);
        using common::Duration;
        timing = {true, {Duration::us(1), Duration::us(3)}, {{Duration::ns(1500), Duration::us(3)}}};
        return rc;
    }
    bool has_invalidate() const override { return has; }
    bool set_registered(std::uint32_t, const std::string&, bool) override { return true; }
    std::vector<std::string>* log = nullptr;
    std::vector<MemRange> calls;
    bool has = true;
    int rc = 0;
};

class FakeDevices : public events::DeviceControl {
public:
    void wipe(const std::string& d, Wipe, bool wait, const std::string&) override {
        log->push_back("wipe " + d + (wait ? "" : " (background)"));
        if (!wait) busy_devices[d] = true;
    }
    void set_committed(const std::string& r, bool on, std::optional<std::uint64_t> dpa) override {
        log->push_back(std::string(on ? "commit " : "reset ") + r + (dpa ? " at " + std::to_string(*dpa) : ""));
        committed[r] = on;
    }
    void set_locked(const std::string& d, bool on) override { log->push_back((on ? "lock " : "unlock ") + d); }
    void dma_write(common::Addr, std::uint64_t, std::uint8_t, double, bool, const std::string&) override {}
    void peer_write(common::Addr, std::uint64_t, std::uint8_t, double, bool, const std::string&) override {}
    bool any_committed(const std::string&) const override { return committed.at("region"); }
    bool busy(const std::string& d) const override { return busy_devices.count(d) && busy_devices.at(d); }
    std::vector<std::string> devices_of(const std::string&) const override { return {"dev"}; }
    std::vector<std::string> ranges_of(const std::string&) const override { return {"region"}; }
    MemRange span_of(const std::string&) const override { return {0x1000, 0x2000}; }
    std::vector<std::string>* log = nullptr;
    std::map<std::string, bool> committed{{"region", true}};
    std::map<std::string, bool> busy_devices;
};

struct Rig {
    Rig(bool bypass = false) : flows(port, devices, bypass) {
        port.log = &log;
        devices.log = &log;
    }
    std::vector<std::string> log;
    FakePort port;
    FakeDevices devices;
    kernel::KernelFlows flows;
    invalidate::CallTiming t;
};

}  // namespace

TEST_CASE("CXL commit and teardown invalidate first; a failure cancels", "[kernel]") {
    Rig rig;
    CHECK(rig.flows.cxl_region_reset(0, "region", "", rig.t) == 0);
    CHECK(rig.log == std::vector<std::string>{"invalidate", "reset region"});
    CHECK(rig.port.calls[0].start == 0x1000);
    rig.log.clear();
    CHECK(rig.flows.cxl_region_commit(0, "region", "", std::nullopt, rig.t) == 0);
    CHECK(rig.log == std::vector<std::string>{"invalidate", "commit region"});
    rig.log.clear();
    CHECK(rig.flows.cxl_region_commit(0, "region", "", 1ULL << 30, rig.t) == 0);
    CHECK(rig.log == std::vector<std::string>{"invalidate", "commit region at 1073741824"});
    rig.log.clear();
    rig.port.rc = invalidate::kETIMEDOUT;
    CHECK(rig.flows.cxl_region_reset(0, "region", "", rig.t) == invalidate::kETIMEDOUT);
    CHECK(rig.log == std::vector<std::string>{"invalidate"});
    CHECK(rig.devices.committed["region"]);
}

TEST_CASE("no mechanism: -ENXIO, unless the test bypass is configured", "[kernel]") {
    Rig strict;
    strict.port.has = false;
    CHECK(strict.flows.cxl_region_commit(0, "region", "", std::nullopt, strict.t) == invalidate::kENXIO);
    CHECK(strict.log.empty());
    Rig bypass(true);
    bypass.port.has = false;
    CHECK(bypass.flows.cxl_region_commit(0, "region", "", std::nullopt, bypass.t) == 0);
    CHECK(bypass.log == std::vector<std::string>{"commit region"});
}

TEST_CASE("sanitize is refused while a decoder is committed", "[kernel]") {
    Rig rig;
    CHECK(rig.flows.cxl_wipe("dev", Wipe::CxlSanitize) == invalidate::kEBUSY);
    rig.devices.committed["region"] = false;
    CHECK(rig.flows.cxl_wipe("dev", Wipe::CxlSanitize) == 0);
    CHECK(rig.log == std::vector<std::string>{"wipe dev"});
}

TEST_CASE("NVDIMM overwrite: region removal, background overwrite, guarded activation", "[kernel]") {
    Rig rig;
    CHECK(rig.flows.nvdimm_overwrite("dev") == invalidate::kEBUSY);  // region active
    CHECK(rig.flows.nvdimm_region_remove(0, "region", "", rig.t) == 0);
    CHECK(rig.flows.nvdimm_overwrite("dev") == 0);
    CHECK(rig.flows.incoherent("dev"));
    CHECK(rig.flows.nvdimm_region_activate(0, "region", "", rig.t) == invalidate::kEBUSY);
    rig.devices.busy_devices["dev"] = false;
    rig.log.clear();
    CHECK(rig.flows.nvdimm_region_activate(0, "region", "", rig.t) == 0);
    CHECK(rig.log == std::vector<std::string>{"invalidate"});
    CHECK_FALSE(rig.flows.incoherent("dev"));
    rig.log.clear();
    CHECK(rig.flows.nvdimm_region_activate(0, "region", "", rig.t) == 0);  // coherent: nothing to do
    CHECK(rig.log.empty());
    CHECK(rig.flows.nvdimm_unlock("dev") == 0);
    CHECK(rig.flows.incoherent("dev"));
}

TEST_CASE("a flow hands back its invalidate call's timing, for the caller's records", "[kernel]") {
    Rig rig;
    REQUIRE(rig.flows.cxl_region_reset(0, "region", "", rig.t) == 0);
    CHECK(rig.t.called);
    CHECK(rig.t.call.length() == common::Duration::us(2));
    REQUIRE(rig.t.irq_off.size() == 1);
    CHECK(rig.t.irq_off[0].start == common::Duration::ns(1500));
    Rig coherent;
    CHECK(coherent.flows.nvdimm_region_activate(0, "region", "", coherent.t) == 0);  // nothing to sync
    CHECK_FALSE(coherent.t.called);
}
