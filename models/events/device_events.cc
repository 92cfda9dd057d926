#define SC_INCLUDE_DYNAMIC_PROCESSES
#include "models/events/device_events.h"

#include <stdexcept>

#include "models/common/sc_time_conv.h"

namespace invalsim::events {

using common::Duration;

namespace {
Duration now() { return common::from_sc(sc_core::sc_time_stamp()); }
}  // namespace

const char* to_string(Wipe w) {
    switch (w) {
        case Wipe::CxlSanitize: return "sanitize";
        case Wipe::CxlSecureErase: return "secure_erase";
        case Wipe::NvdimmOverwrite: return "overwrite";
        case Wipe::NvdimmSecureErase: return "secure_erase";
    }
    return "?";
}

DeviceEvents::DeviceEvents(sc_core::sc_module_name name, Wiring wiring)
    : sc_module(name), m_w(std::move(wiring)), m_busy_until(m_w.devices.size()) {}

std::uint32_t DeviceEvents::device_index(const std::string& name) const {
    for (std::uint32_t i = 0; i < m_w.devices.size(); ++i) {
        if (m_w.devices[i].name == name) return i;
    }
    throw std::invalid_argument("no device " + name);  // scenario validation prevents it
}

const RangeSlot& DeviceEvents::range(const std::string& name) const {
    for (const auto& r : m_w.ranges) {
        if (r.name == name) return r;
    }
    throw std::invalid_argument("no range " + name);
}

void DeviceEvents::finish(const std::string& signal) {
    if (!signal.empty()) m_w.sync->signal(signal);
}

void DeviceEvents::wipe(const std::string& name, Wipe kind, bool wait, const std::string& signal) {
    const std::uint32_t dev = device_index(name);
    const DeviceSlot& d = m_w.devices[dev];
    Duration t;
    std::uint8_t fill = 0;
    switch (kind) {
        case Wipe::CxlSanitize: t = d.sanitize_time; fill = d.sanitize_fill; break;
        case Wipe::CxlSecureErase: t = d.secure_erase_time; fill = d.secure_erase_fill; break;
        case Wipe::NvdimmOverwrite: t = d.overwrite_time; fill = d.overwrite_fill; break;
        case Wipe::NvdimmSecureErase: t = d.secure_erase_time; fill = d.secure_erase_fill; break;
    }
    m_busy_until[dev] = now() + t;
    auto work = [this, dev, t, fill, signal, kind] {
        const Duration t0 = now();
        sc_core::wait(common::to_sc(t));
        apply_wipe(dev, fill);
        if (m_trace) m_trace->span(m_w.devices[dev].name, to_string(kind), t0, now());
        finish(signal);
    };
    if (wait) {
        work();
    } else {
        sc_core::sc_spawn(work);
    }
}

void DeviceEvents::apply_wipe(std::uint32_t dev, std::uint8_t fill) {
    ++m_stats.wipes;
    if (m_w.devices[dev].back_invalidate) back_invalidate_device(dev);
    m_w.devices[dev].device->store().fill_all(fill);
    if (m_w.golden) m_w.golden->device_fill(dev, fill);
}

void DeviceEvents::back_invalidate_device(std::uint32_t dev) {
    for (const auto& r : m_w.ranges) {
        for (std::uint32_t d : r.devices) {
            if (d == dev) m_stats.back_invalidations += m_w.back_invalidate(r.base, r.base + r.size);
        }
    }
}

void DeviceEvents::back_invalidate_span(std::uint32_t dev, common::Addr start, common::Addr end) {
    if (m_w.devices[dev].back_invalidate) m_stats.back_invalidations += m_w.back_invalidate(start, end);
}

void DeviceEvents::set_committed(const std::string& name, bool committed,
                                 std::optional<std::uint64_t> dpa_base) {
    const RangeSlot& r = range(name);
    for (std::uint32_t dev : r.devices) {
        cxl::CxlBackend* cxl = m_w.devices[dev].cxl;
        if (cxl == nullptr) continue;
        for (cxl::HdmDecoder& d : cxl->decoders()) {
            if (d.hpa_base != r.base || d.hpa_size != r.size) continue;
            d.committed = committed;
            if (dpa_base) d.dpa_base = *dpa_base;
        }
        if (m_trace) m_trace->instant(m_w.devices[dev].name, committed ? "decoder commit" : "decoder reset", now(), name);
    }
    ++m_stats.decoder_changes;
}

void DeviceEvents::set_locked(const std::string& name, bool locked) {
    const std::uint32_t dev = device_index(name);
    if (m_w.devices[dev].nvdimm) m_w.devices[dev].nvdimm->set_locked(locked);
}

// Writes bypassing the caches, in pieces cut at 256-byte boundaries, the
// smallest interleave granularity, so that no piece spans two devices.
void DeviceEvents::write_host_range(common::Addr hpa, std::uint64_t len, std::uint8_t pattern) {
    std::vector<std::uint8_t> buf(256, pattern);
    for (std::uint64_t done = 0; done < len;) {
        const common::Addr a = hpa + done;
        const std::uint64_t n = std::min<std::uint64_t>(len - done, 256 - a % 256);
        const golden::Location loc = m_w.decoder->locate(a);
        if (loc.mapped && !loc.locked) {
            back_invalidate_span(loc.device, a, a + n);
            m_w.devices[loc.device].device->store().write(loc.dpa, buf.data(), n);
            if (m_w.golden) m_w.golden->device_write(loc.device, loc.dpa, buf.data(), n);
        }
        done += n;
    }
}

void DeviceEvents::dma_write(common::Addr hpa, std::uint64_t len, std::uint8_t pattern) {
    const Duration t0 = now();
    sc_core::wait(common::to_sc(common::transfer_time(len, m_w.dma_gb_per_s)));
    write_host_range(hpa, len, pattern);
    if (m_trace) m_trace->span("dma", "dma write", t0, now(), std::to_string(len) + " bytes");
    m_stats.dma_bytes += len;
}

void DeviceEvents::peer_write(common::Addr hpa, std::uint64_t len, std::uint8_t pattern, double gb_per_s,
                              bool wait, const std::string& signal) {
    auto work = [this, hpa, len, pattern, gb_per_s, signal] {
        const Duration t0 = now();
        constexpr std::uint64_t kPiece = 4096;
        for (std::uint64_t done = 0; done < len; done += kPiece) {
            const std::uint64_t n = std::min(kPiece, len - done);
            sc_core::wait(common::to_sc(common::transfer_time(n, gb_per_s)));
            write_host_range(hpa + done, n, pattern);
            m_stats.peer_bytes += n;
        }
        if (m_trace) m_trace->span("peer host", "peer write", t0, now(), std::to_string(len) + " bytes");
        finish(signal);
    };
    if (wait) {
        work();
    } else {
        sc_core::sc_spawn(work);
    }
}

bool DeviceEvents::any_committed(const std::string& name) const {
    const std::uint32_t dev = device_index(name);
    const cxl::CxlBackend* cxl = m_w.devices[dev].cxl;
    if (cxl == nullptr) return false;
    for (const auto& d : cxl->decoders()) {
        if (d.committed) return true;
    }
    return false;
}

bool DeviceEvents::busy(const std::string& name) const { return now() < m_busy_until[device_index(name)]; }

std::vector<std::string> DeviceEvents::devices_of(const std::string& name) const {
    std::vector<std::string> out;
    for (std::uint32_t d : range(name).devices) out.push_back(m_w.devices[d].name);
    return out;
}

std::vector<std::string> DeviceEvents::ranges_of(const std::string& name) const {
    const std::uint32_t dev = device_index(name);
    std::vector<std::string> out;
    for (const auto& r : m_w.ranges) {
        for (std::uint32_t d : r.devices) {
            if (d == dev) out.push_back(r.name);
        }
    }
    return out;
}

invalidate::MemRange DeviceEvents::span_of(const std::string& name) const {
    const RangeSlot& r = range(name);
    return {r.base, r.size};
}

}  // namespace invalsim::events
