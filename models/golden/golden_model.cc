#include "models/golden/golden_model.h"

#include <algorithm>
#include <cstring>

namespace invalsim::golden {

namespace {

// Up to 8 bytes from `from`, little-endian, for examples.
std::uint64_t word_at(const std::uint8_t* p, std::uint32_t from, std::uint32_t len, std::uint32_t& n) {
    n = std::min<std::uint32_t>(8, len - from);
    std::uint64_t v = 0;
    for (std::uint32_t i = 0; i < n; ++i) v |= std::uint64_t{p[from + i]} << (8 * i);
    return v;
}

std::uint32_t first_difference(const std::uint8_t* a, const std::uint8_t* b, std::uint32_t len) {
    std::uint32_t i = 0;
    while (i < len && a[i] == b[i]) ++i;
    return i;
}

}  // namespace

void GoldenModel::add_device(std::uint64_t size_bytes, std::uint8_t fill_byte) {
    m_media.emplace_back(size_bytes, fill_byte);
}

void GoldenModel::set_step(const std::string& s) { m_steps.push_back(StepCounts{s}); }

void GoldenModel::cpu_store(common::Addr hpa, const std::uint8_t* data, std::uint32_t len) {
    const Location loc = m_decoder.locate(hpa);
    if (!loc.mapped || loc.locked) return;  // the store is lost, as on the hardware
    m_media[loc.device].write(loc.dpa, data, len);
}

void GoldenModel::device_write(std::uint32_t device, std::uint64_t dpa, const std::uint8_t* data,
                               std::uint64_t len) {
    m_media[device].write(dpa, data, len);
}

void GoldenModel::device_fill(std::uint32_t device, std::uint8_t byte) { m_media[device].fill_all(byte); }

void GoldenModel::expected(common::Addr hpa, std::uint8_t* out, std::uint32_t len) const {
    const Location loc = m_decoder.locate(hpa);
    if (!loc.mapped) {
        std::memset(out, 0xff, len);
    } else if (loc.locked) {
        std::memset(out, loc.locked_fill, len);
    } else {
        m_media[loc.device].read(loc.dpa, out, len);
    }
}

bool GoldenModel::check_load(std::uint32_t cpu, common::Duration time, common::Addr hpa,
                             const std::uint8_t* got, std::uint32_t len, coherence::Source source) {
    std::uint8_t want[4096];
    len = std::min<std::uint32_t>(len, sizeof want);
    expected(hpa, want, len);
    ++m_loads;
    ++step().loads_checked;
    const std::uint32_t i = first_difference(want, got, len);
    if (i == len) return true;
    ++m_stale;
    StepCounts& st = step();
    ++st.stale_reads;
    if (st.stale_examples.size() < m_examples) {
        StaleRead s;
        s.time = time;
        s.cpu = cpu;
        s.addr = hpa + i;
        s.expected = word_at(want, i, len, s.bytes);
        s.got = word_at(got, i, len, s.bytes);
        s.source = source;
        s.step = st.step;
        st.stale_examples.push_back(s);
    }
    return false;
}

bool GoldenModel::check_writeback(std::uint32_t device, std::uint64_t dpa, const std::uint8_t* data,
                                  const std::uint8_t* before, std::uint32_t len, common::Duration time) {
    std::uint8_t want[4096];
    len = std::min<std::uint32_t>(len, sizeof want);
    m_media[device].read(dpa, want, len);
    std::uint32_t i = 0;
    while (i < len && !(before[i] == want[i] && data[i] != want[i])) ++i;
    if (i == len) return true;
    ++m_resurrected;
    StepCounts& st = step();
    ++st.resurrections;
    if (st.resurrection_examples.size() < m_examples) {
        Resurrection r;
        r.time = time;
        r.device = device;
        r.dpa = dpa + i;
        r.expected = word_at(want, i, len, r.bytes);
        r.got = word_at(data, i, len, r.bytes);
        r.step = st.step;
        st.resurrection_examples.push_back(r);
    }
    return false;
}

// Every line either copy holds is compared; lines neither holds read as the
// two fill bytes, which match unless the media and the golden copy were
// wiped differently (then every such line counts, without visiting it).
DeviceCheck GoldenModel::check_device(std::uint32_t device, const mem::SparseStore& media,
                                      std::uint32_t line_bytes) const {
    const LineStore& gold = m_media[device];
    std::vector<std::uint64_t> lines;
    media.for_each_page([&](std::uint64_t p) {
        for (std::uint64_t off = 0; off < mem::SparseStore::kPageBytes; off += line_bytes) lines.push_back(p + off);
    });
    for (std::uint64_t o : gold.line_offsets()) lines.push_back(o - o % line_bytes);
    std::sort(lines.begin(), lines.end());
    lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
    DeviceCheck out;
    std::vector<std::uint8_t> a(line_bytes), b(line_bytes);
    for (std::uint64_t l : lines) {
        gold.read(l, a.data(), line_bytes);
        media.read(l, b.data(), line_bytes);
        const std::uint32_t i = first_difference(a.data(), b.data(), line_bytes);
        if (i == line_bytes) continue;
        ++out.lines;
        if (out.examples.size() < m_examples) {
            Mismatch m;
            m.dpa = l + i;
            m.expected = word_at(a.data(), i, line_bytes, m.bytes);
            m.got = word_at(b.data(), i, line_bytes, m.bytes);
            out.examples.push_back(m);
        }
    }
    if (gold.fill_byte() != media.fill_byte()) out.lines += media.size_bytes() / line_bytes - lines.size();
    return out;
}

std::uint64_t GoldenModel::lines_held() const {
    std::uint64_t n = 0;
    for (const auto& m : m_media) n += m.lines_held();
    return n;
}

std::uint64_t GoldenModel::bytes_used() const {
    std::uint64_t n = 0;
    for (const auto& m : m_media) n += m.bytes_used();
    return n;
}

}  // namespace invalsim::golden
