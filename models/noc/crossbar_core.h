#pragma once

#include <memory>
#include <string>
#include <vector>

#include "models/common/duration.h"
#include "models/common/occupancy.h"
#include "models/noc/crossbar_params.h"
#include "models/noc/crossbar_stats.h"
#include "models/noc/router.h"

namespace invalsim::noc {

// The crossbar's routing and timing, shared by its TLM shell and by the
// direct calls of the fast path: each input (in binding order) belongs to a
// routing group whose Router picks the output; every output port is a link
// with its own occupancy.
class CrossbarCore {
public:
    struct Hop {
        bool ok = false;
        std::uint32_t port = 0;
        common::Addr addr = 0;  // as it leaves the crossbar
    };

    CrossbarCore(const CrossbarParams& params, std::vector<std::unique_ptr<Router>> routers,
                 std::vector<std::uint32_t> input_router, std::vector<std::string> port_names);

    // Routes a request arriving at `now` (absolute) and adds the hop, the wait
    // for the output link and the transfer of `len` bytes to `delay`.
    Hop forward(std::uint32_t input, common::Addr addr, std::uint32_t len, common::Duration now,
                common::Duration& delay);
    // The response's hop back.
    void back(common::Duration& delay) const { delay += m_params.hop_latency; }
    // Routing only (debug accesses).
    Hop route(std::uint32_t input, common::Addr addr, std::uint32_t len) const;

    CrossbarStats stats() const;

private:
    CrossbarParams m_params;
    std::vector<std::unique_ptr<Router>> m_routers;
    std::vector<std::uint32_t> m_input_router;
    std::vector<common::Occupancy> m_links;
    CrossbarStats m_stats;
};

}  // namespace invalsim::noc
