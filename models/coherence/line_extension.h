#pragma once

#include <tlm>

#include "models/coherence/request.h"

namespace invalsim::coherence {

// Carries a LineRequest alongside a TLM payload between cache levels and
// to the home agents. Payloads without it are plain accesses (a CPU without
// caches, or a home agent reading memory).
class LineExtension : public tlm::tlm_extension<LineExtension> {
public:
    LineRequest* request = nullptr;

    tlm::tlm_extension_base* clone() const override {
        auto* e = new LineExtension;
        e->request = request;
        return e;
    }
    void copy_from(const tlm::tlm_extension_base& other) override {
        request = static_cast<const LineExtension&>(other).request;
    }
};

inline LineRequest* line_request_of(tlm::tlm_generic_payload& trans) {
    LineExtension* e = nullptr;
    trans.get_extension(e);
    return e ? e->request : nullptr;
}

}  // namespace invalsim::coherence

namespace invalsim::coherence {

// Rides on a CPU's own payload: the first cache says where the data of a
// load came from (for stale-read reports).
class SourceExtension : public tlm::tlm_extension<SourceExtension> {
public:
    Source source = Source::None;

    tlm::tlm_extension_base* clone() const override {
        auto* e = new SourceExtension;
        e->source = source;
        return e;
    }
    void copy_from(const tlm::tlm_extension_base& other) override {
        source = static_cast<const SourceExtension&>(other).source;
    }
};

}  // namespace invalsim::coherence
