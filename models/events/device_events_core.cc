#include "models/events/device_events_core.h"

#include <algorithm>
#include <stdexcept>

namespace invalsim::events {

using common::Addr;
using common::Duration;

const char* to_string(Wipe w) {
    switch (w) {
        case Wipe::CxlSanitize: return "sanitize";
        case Wipe::CxlSecureErase: return "secure_erase";
        case Wipe::NvdimmOverwrite: return "overwrite";
        case Wipe::NvdimmSecureErase: return "secure_erase";
    }
    return "?";
}

Duration& SnoopPipe::earliest() { return *std::min_element(m_slots.begin(), m_slots.end()); }

Duration SnoopPipe::next_issue() const { return *std::min_element(m_slots.begin(), m_slots.end()); }

DeviceEventsCore::DeviceEventsCore(Wiring wiring)
    : m_w(std::move(wiring)), m_busy_until(m_w.devices.size()), m_stats(m_w.devices.size()) {}

std::uint32_t DeviceEventsCore::device_index(const std::string& name) const {
    for (std::uint32_t i = 0; i < m_w.devices.size(); ++i) {
        if (m_w.devices[i].name == name) return i;
    }
    throw std::invalid_argument("no device " + name);
}

const RangeSlot& DeviceEventsCore::range(const std::string& name) const {
    for (const auto& r : m_w.ranges) {
        if (r.name == name) return r;
    }
    throw std::invalid_argument("no range " + name);
}

Duration DeviceEventsCore::wipe_time(std::uint32_t dev, Wipe kind) const {
    const DeviceSlot& d = m_w.devices[dev];
    switch (kind) {
        case Wipe::CxlSanitize: return d.sanitize_time;
        case Wipe::CxlSecureErase:
        case Wipe::NvdimmSecureErase: return d.secure_erase_time;
        case Wipe::NvdimmOverwrite: return d.overwrite_time;
    }
    return Duration();
}

Duration DeviceEventsCore::land_wipe(std::uint32_t dev, Wipe kind) {
    const DeviceSlot& d = m_w.devices[dev];
    std::uint8_t fill = d.secure_erase_fill;
    if (kind == Wipe::CxlSanitize) fill = d.sanitize_fill;
    if (kind == Wipe::NvdimmOverwrite) fill = d.overwrite_fill;
    Duration bi;
    if (d.back_invalidate) {
        SnoopPipe pipe = pipe_of(dev);
        for (const auto& r : m_w.ranges) {
            if (std::find(r.devices.begin(), r.devices.end(), dev) != r.devices.end()) {
                snoop(dev, r.base, r.base + r.size, pipe);
            }
        }
        bi = pipe.done();
        m_stats[dev].bi_time += bi;
    }
    d.memory->store().fill_all(fill);
    if (m_w.golden) m_w.golden->device_fill(dev, fill);
    ++m_stats[dev].wipes;
    m_stats[dev].wipe_time += wipe_time(dev, kind);
    return bi;
}

Duration DeviceEventsCore::decoder_time(const RangeSlot& r, bool committed) const {
    Duration t;
    for (std::uint32_t dev : r.devices) {
        const DeviceSlot& d = m_w.devices[dev];
        if (d.cxl) t = common::max(t, committed ? d.decoder_commit_time : d.decoder_reset_time);
    }
    return t;
}

void DeviceEventsCore::land_decoders(const RangeSlot& r, bool committed, std::optional<std::uint64_t> dpa_base) {
    auto each_decoder = [&r, this](auto&& fn) {
        for (std::uint32_t dev : r.devices) {
            const DeviceSlot& d = m_w.devices[dev];
            if (d.cxl == nullptr) continue;
            for (cxl::HdmDecoder& hdm : d.cxl->decoders()) {
                if (hdm.hpa_base == r.base && hdm.hpa_size == r.size) fn(d, hdm);
            }
        }
    };
    // Checked for every device before any changes.
    if (dpa_base) {
        each_decoder([&](const DeviceSlot& d, const cxl::HdmDecoder& hdm) {
            const std::uint64_t cap = d.cxl->capacity_bytes();
            if (*dpa_base > cap || hdm.dpa_size() > cap - *dpa_base) {
                throw std::out_of_range("dpa_base " + std::to_string(*dpa_base) + " puts range " + r.name +
                                        " beyond the capacity of " + d.name);
            }
        });
    }
    each_decoder([&](const DeviceSlot&, cxl::HdmDecoder& hdm) {
        if (dpa_base) hdm.dpa_base = *dpa_base;
        hdm.committed = committed;
    });
    for (std::uint32_t dev : r.devices) {
        const DeviceSlot& d = m_w.devices[dev];
        if (d.cxl == nullptr) continue;
        ++(committed ? m_stats[dev].decoder_commits : m_stats[dev].decoder_resets);
        m_stats[dev].decoder_time += committed ? d.decoder_commit_time : d.decoder_reset_time;
    }
}

bool DeviceEventsCore::any_committed(std::uint32_t dev) const {
    const cxl::CxlBackend* cxl = m_w.devices[dev].cxl;
    if (cxl == nullptr) return false;
    return std::any_of(cxl->decoders().begin(), cxl->decoders().end(),
                       [](const cxl::HdmDecoder& d) { return d.committed; });
}

Duration DeviceEventsCore::lock_time(std::uint32_t dev, bool locked) const {
    const DeviceSlot& d = m_w.devices[dev];
    return d.nvdimm ? (locked ? d.lock_time : d.unlock_time) : Duration();
}

void DeviceEventsCore::land_lock(std::uint32_t dev, bool locked) {
    const DeviceSlot& d = m_w.devices[dev];
    if (d.nvdimm == nullptr) return;
    d.nvdimm->set_locked(locked);
    ++(locked ? m_stats[dev].locks : m_stats[dev].unlocks);
    m_stats[dev].lock_time += lock_time(dev, locked);
}

// In pieces cut at 256-byte boundaries, the smallest interleave
// granularity, so that no piece spans two devices.
Duration DeviceEventsCore::write(Addr hpa, std::uint64_t len, std::uint8_t pattern, Writer who) {
    const std::vector<std::uint8_t> buf(256, pattern);
    std::vector<SnoopPipe> pipes;
    for (std::uint32_t dev = 0; dev < m_w.devices.size(); ++dev) pipes.push_back(pipe_of(dev));
    for (std::uint64_t done = 0; done < len;) {
        const Addr a = hpa + done;
        const std::uint64_t n = std::min<std::uint64_t>(len - done, 256 - a % 256);
        done += n;
        const golden::Location loc = m_w.decoder->locate(a);
        if (!loc.mapped || loc.locked) continue;
        if (m_w.devices[loc.device].back_invalidate) snoop(loc.device, a, a + n, pipes[loc.device]);
        m_w.devices[loc.device].memory->store().write(loc.dpa, buf.data(), n);
        if (m_w.golden) m_w.golden->device_write(loc.device, loc.dpa, buf.data(), n);
        (who == Writer::Dma ? m_stats[loc.device].dma_bytes : m_stats[loc.device].peer_bytes) += n;
    }
    // Every device of the range snoops at once; the write waits for the slowest.
    Duration bi;
    for (std::uint32_t dev = 0; dev < pipes.size(); ++dev) {
        m_stats[dev].bi_time += pipes[dev].done();
        bi = common::max(bi, pipes[dev].done());
    }
    return bi;
}

// A CXL device tracks the host's copies of its lines through its decoders,
// committed or not: lines the host cached before a decoder reset are still
// its to snoop when it changes the media behind them.
void DeviceEventsCore::snoop(std::uint32_t dev, Addr start, Addr end, SnoopPipe& pipe) {
    if (m_w.host == nullptr) return;
    const DeviceSlot& d = m_w.devices[dev];
    const golden::Decoder& dec = *m_w.decoder;
    const std::vector<Addr> lines = m_w.host->back_invalidate_lines(start, end, [&d, &dec, dev](Addr a) {
        if (d.cxl) {
            const auto& hdm = d.cxl->decoders();
            return std::any_of(hdm.begin(), hdm.end(), [a](const cxl::HdmDecoder& h) { return h.owns(a); });
        }
        const golden::Location l = dec.locate(a);
        return l.mapped && l.device == dev;
    });
    home_agent::BackInvalidation tally;
    for (Addr line : lines) {
        pipe.issue([&](Duration at) { return m_w.host->back_invalidate_line(line, at, tally); });
    }
    m_stats[dev].bi_snoops += lines.size();
    m_stats[dev].bi_copies += tally.copies;
    m_stats[dev].bi_written_back += tally.written_back;
}

std::vector<std::string> DeviceEventsCore::devices_of(const std::string& name) const {
    std::vector<std::string> out;
    for (std::uint32_t d : range(name).devices) out.push_back(m_w.devices[d].name);
    return out;
}

std::vector<std::string> DeviceEventsCore::ranges_of(const std::string& name) const {
    const std::uint32_t dev = device_index(name);
    std::vector<std::string> out;
    for (const auto& r : m_w.ranges) {
        if (std::find(r.devices.begin(), r.devices.end(), dev) != r.devices.end()) out.push_back(r.name);
    }
    return out;
}

}  // namespace invalsim::events
