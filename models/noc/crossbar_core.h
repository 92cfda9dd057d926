#pragma once

#include <memory>
#include <string>
#include <vector>

#include "models/common/duration.h"
#include "models/common/link_rate.h"
#include "models/common/occupancy.h"
#include "models/noc/crossbar_params.h"
#include "models/noc/crossbar_stats.h"
#include "models/noc/router.h"

namespace invalsim::noc {

// The crossbar's routing and timing, shared by its TLM shell and by direct
// callers: each input (in binding order) belongs to a routing group whose
// Router picks the output. Every output port has a request link and a
// response link, each with its own occupancy: a request carries a header
// (and a write's data) out, its response a header (and a read's data) back.
class CrossbarCore {
public:
    struct Hop {
        bool ok = false;
        std::uint32_t port = 0;
        common::Addr addr = 0;  // as it leaves the crossbar
        std::uint32_t response_bytes = 0;  // data the response carries back
    };

    CrossbarCore(const CrossbarParams& params, std::vector<std::unique_ptr<Router>> routers,
                 std::vector<std::uint32_t> input_router, std::vector<std::string> port_names);

    // Routes an access of `len` bytes arriving at `now` (absolute) and adds
    // the request leg to `delay`: the hop, the wait for the port's request
    // link and the transfer of the header (and of the data, for a write).
    Hop forward(std::uint32_t input, common::Addr addr, std::uint32_t len, bool is_read,
                common::Duration now, common::Duration& delay);
    // The response leg of `hop`, leaving the target at `now` (absolute): the
    // wait for the port's response link, the transfer of the header (and of
    // the data, for a read) and the hop back.
    void back(const Hop& hop, common::Duration now, common::Duration& delay);
    // Routing only (debug accesses).
    Hop route(std::uint32_t input, common::Addr addr, std::uint32_t len) const;

    CrossbarStats stats() const;

private:
    struct Port {
        common::Occupancy request;
        common::Occupancy response;
    };
    common::Duration leg(common::Occupancy& link, common::Duration arrival, std::uint32_t data_bytes);

    CrossbarParams m_params;
    common::LinkRate m_link;  // a header plus the data a message carries
    std::vector<std::unique_ptr<Router>> m_routers;
    std::vector<std::uint32_t> m_input_router;
    std::vector<Port> m_ports;
    CrossbarStats m_stats;
};

}  // namespace invalsim::noc
