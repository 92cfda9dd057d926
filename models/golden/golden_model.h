#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "models/coherence/request.h"
#include "models/common/duration.h"
#include "models/common/types.h"
#include "models/golden/line_store.h"
#include "models/mem/sparse_store.h"

namespace invalsim::golden {

// Where a host physical address lives right now, as the system decodes it.
struct Location {
    bool mapped = false;   // false: no decoder claims it (reads as all ones)
    std::uint32_t device = 0;
    std::uint64_t dpa = 0;
    bool locked = false;   // the device is locked: reads as `locked_fill`
    std::uint8_t locked_fill = 0xff;
};

class Decoder {
public:
    virtual ~Decoder() = default;
    virtual Location locate(common::Addr hpa) const = 0;
};

struct StaleRead {
    common::Duration time;
    std::uint32_t cpu = 0;
    common::Addr addr = 0;
    std::uint64_t expected = 0;  // up to 8 bytes from the first differing byte, little-endian
    std::uint64_t got = 0;
    std::uint32_t bytes = 0;
    coherence::Source source = coherence::Source::None;
    std::string step;
};

struct Resurrection {
    common::Duration time;
    std::uint32_t device = 0;
    std::uint64_t dpa = 0;
    std::uint64_t expected = 0;
    std::uint64_t got = 0;
    std::uint32_t bytes = 0;
    std::string step;
};

// A line whose media differs from the golden copy at the end of the run.
struct Mismatch {
    std::uint64_t dpa = 0;
    std::uint64_t expected = 0;  // up to 8 bytes from the first differing byte
    std::uint64_t got = 0;
    std::uint32_t bytes = 0;
};

// The end-of-run comparison of one device.
struct DeviceCheck {
    std::uint64_t lines = 0;  // mismatched lines
    std::vector<Mismatch> examples;
};

// Counts per flow step (the scenario's `step` ops), with the first examples
// of each step.
struct StepCounts {
    explicit StepCounts(std::string name = "") : step(std::move(name)) {}
    std::string step;
    std::uint64_t loads_checked = 0;
    std::uint64_t stale_reads = 0;
    std::uint64_t resurrections = 0;
    std::vector<StaleRead> stale_examples;
    std::vector<Resurrection> resurrection_examples;
};

// The value a coherent system would hold, per line, at each point of the
// run: the last CPU store or the last device change, in execution order.
// It keeps its own copy of every device's media, per line (so its memory
// follows the lines touched, not the span they cover), updated only by what is legitimately newest:
// CPU stores, DMA and peer writes, media wipes. Cache write-backs never
// update it; a write-back that replaces up-to-date media with something
// else is a data resurrection. A CPU
// load that differs from it is a stale read. It never changes timing.
class GoldenModel {
public:
    // `examples_per_step`: how many stale reads and resurrections each step
    // keeps as examples (the counts are always complete).
    explicit GoldenModel(const Decoder& decoder, std::size_t examples_per_step = 4)
        : m_decoder(decoder), m_examples(examples_per_step) {}

    void add_device(std::uint64_t size_bytes, std::uint8_t fill_byte);
    void set_step(const std::string& step);

    // Legitimate changes.
    void cpu_store(common::Addr hpa, const std::uint8_t* data, std::uint32_t len);
    void device_write(std::uint32_t device, std::uint64_t dpa, const std::uint8_t* data, std::uint64_t len);
    void device_fill(std::uint32_t device, std::uint8_t byte);

    // The golden bytes of [hpa, hpa+len).
    void expected(common::Addr hpa, std::uint8_t* out, std::uint32_t len) const;

    // Checks. Return true when the data matches.
    bool check_load(std::uint32_t cpu, common::Duration time, common::Addr hpa, const std::uint8_t* got,
                    std::uint32_t len, coherence::Source source);
    // A write reaching a device: `before` is what the media held. Only bytes
    // where the media was up to date and the write replaces that with
    // something else are a resurrection; a write that leaves stale media
    // stale (a memory-side cache line carrying an old half, say) is not, and
    // shows at the end as a device mismatch if nothing fixes it.
    bool check_writeback(std::uint32_t device, std::uint64_t dpa, const std::uint8_t* data,
                         const std::uint8_t* before, std::uint32_t len, common::Duration time);

    // Lines (of `line_bytes`) of a device whose media differs from the
    // golden copy, over every line either of them holds, with the first
    // `examples_per_step` of them.
    DeviceCheck check_device(std::uint32_t device, const mem::SparseStore& media, std::uint32_t line_bytes) const;

    std::uint64_t loads_checked() const { return m_loads; }
    std::uint64_t stale_reads() const { return m_stale; }
    std::uint64_t resurrections() const { return m_resurrected; }
    std::size_t examples_per_step() const { return m_examples; }
    const std::vector<StepCounts>& steps() const { return m_steps; }
    // Lines the golden copies hold, and the host memory they take.
    std::uint64_t lines_held() const;
    std::uint64_t bytes_used() const;

private:
    StepCounts& step() { return m_steps.back(); }

    const Decoder& m_decoder;
    std::size_t m_examples;
    std::vector<LineStore> m_media;
    std::vector<StepCounts> m_steps{StepCounts{"start"}};
    std::uint64_t m_loads = 0;
    std::uint64_t m_stale = 0;
    std::uint64_t m_resurrected = 0;
};

}  // namespace invalsim::golden
