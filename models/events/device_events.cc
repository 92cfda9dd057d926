#define SC_INCLUDE_DYNAMIC_PROCESSES
#include "models/events/device_events.h"

#include "models/common/sc_time_conv.h"

namespace invalsim::events {

using common::Duration;

namespace {

Duration now() { return common::from_sc(sc_core::sc_time_stamp()); }

void wait_for(Duration d) {
    if (d != Duration()) sc_core::wait(common::to_sc(d));
}

constexpr std::uint64_t kPieceBytes = 4096;

}  // namespace

DeviceEvents::DeviceEvents(sc_core::sc_module_name name, DeviceEventsCore::Wiring wiring, cpu::SyncHub& sync)
    : sc_module(name), m_core(std::move(wiring)), m_sync(sync) {}

template <class Work>
void DeviceEvents::run(bool wait, Work work) {
    if (wait) {
        work();
    } else {
        sc_core::sc_spawn(work);
    }
}

void DeviceEvents::finish(const std::string& signal) {
    if (!signal.empty()) m_sync.signal(signal);
}

void DeviceEvents::wipe(const std::string& name, Wipe kind, bool wait, const std::string& signal) {
    const std::uint32_t dev = m_core.device_index(name);
    const Duration t = m_core.wipe_time(dev, kind);
    m_core.set_busy_until(dev, now() + t);
    run(wait, [this, dev, t, kind, signal] {
        const Duration t0 = now();
        wait_for(t);
        const Duration bi = m_core.land_wipe(dev, kind);
        m_core.set_busy_until(dev, now() + bi);
        wait_for(bi);
        if (m_trace) m_trace->span(m_core.device(dev).name, to_string(kind), t0, now());
        finish(signal);
    });
}

void DeviceEvents::set_committed(const std::string& name, bool committed, std::optional<std::uint64_t> dpa_base) {
    const RangeSlot& r = m_core.range(name);
    const Duration t0 = now();
    wait_for(m_core.decoder_time(r, committed));
    m_core.land_decoders(r, committed, dpa_base);
    if (m_trace) {
        for (std::uint32_t dev : r.devices) {
            m_trace->span(m_core.device(dev).name, committed ? "decoder commit" : "decoder reset", t0, now(), name);
        }
    }
}

void DeviceEvents::set_locked(const std::string& name, bool locked) {
    const std::uint32_t dev = m_core.device_index(name);
    const Duration t0 = now();
    wait_for(m_core.lock_time(dev, locked));
    m_core.land_lock(dev, locked);
    if (m_trace) m_trace->span(name, locked ? "lock" : "unlock", t0, now());
}

void DeviceEvents::write_pieces(common::Addr hpa, std::uint64_t len, std::uint8_t pattern, double gb_per_s,
                                Writer who, const std::string& signal) {
    const Duration t0 = now();
    for (std::uint64_t done = 0; done < len; done += kPieceBytes) {
        const std::uint64_t n = std::min(kPieceBytes, len - done);
        wait_for(common::transfer_time(n, gb_per_s));
        wait_for(m_core.write(hpa + done, n, pattern, who));
    }
    if (m_trace) {
        m_trace->span(who == Writer::Dma ? "dma" : "peer host", who == Writer::Dma ? "dma write" : "peer write", t0,
                      now(), std::to_string(len) + " bytes");
    }
    finish(signal);
}

void DeviceEvents::dma_write(common::Addr hpa, std::uint64_t len, std::uint8_t pattern, double gb_per_s, bool wait,
                             const std::string& signal) {
    const double rate = gb_per_s > 0 ? gb_per_s : m_core.dma_rate_gbps();
    run(wait, [=] { write_pieces(hpa, len, pattern, rate, Writer::Dma, signal); });
}

void DeviceEvents::peer_write(common::Addr hpa, std::uint64_t len, std::uint8_t pattern, double gb_per_s, bool wait,
                              const std::string& signal) {
    run(wait, [=] { write_pieces(hpa, len, pattern, gb_per_s, Writer::PeerHost, signal); });
}

bool DeviceEvents::any_committed(const std::string& name) const {
    return m_core.any_committed(m_core.device_index(name));
}

bool DeviceEvents::busy(const std::string& name) const { return m_core.busy(m_core.device_index(name), now()); }

std::vector<std::string> DeviceEvents::devices_of(const std::string& name) const { return m_core.devices_of(name); }

std::vector<std::string> DeviceEvents::ranges_of(const std::string& name) const { return m_core.ranges_of(name); }

invalidate::MemRange DeviceEvents::span_of(const std::string& name) const {
    const RangeSlot& r = m_core.range(name);
    return {r.base, r.size};
}

}  // namespace invalsim::events
