#pragma once

#include <cstdint>

#include "models/common/duration.h"
#include "models/common/types.h"

namespace invalsim::cxl {

// A CXL Type-3 memory expander behind a root port. Latencies are one way.
struct CxlParams {
    std::uint64_t size_bytes = 256ULL << 30;
    // Host root port and CXL controller, each direction.
    common::Duration root_port_latency = common::Duration::ns(20);
    // Link traversal (PHY, flit packing, retimer) each direction, before
    // the serialisation time that the bandwidth adds.
    common::Duration link_latency = common::Duration::ns(15);
    std::uint32_t link_gts = 32;   // per-lane rate: 32 GT/s is PCIe 5.0
    std::uint32_t link_width = 8;  // lanes
    // Device controller (CXL IP and memory controller), each direction.
    common::Duration controller_latency = common::Duration::ns(25);
    common::Duration media_read_latency = common::Duration::ns(50);
    common::Duration media_write_latency = common::Duration::ns(20);
    double media_channel_bandwidth_gbps = 25.6;
    std::uint32_t media_channels = 2;
    std::uint8_t fill_byte = 0x00;
    // Media wipes (CXL Sanitize and Secure Erase): how long, and what the
    // media reads as afterwards.
    common::Duration sanitize_time = common::Duration::ms(10);
    std::uint8_t sanitize_fill = 0x00;
    common::Duration secure_erase_time = common::Duration::ms(1);
    std::uint8_t secure_erase_fill = 0x00;
    // HDM decoder programming inside the device. The CXL 2.0 specification
    // (8.2.5.12.20) lets a commit take up to 10 ms; no public figure says how
    // long real devices take, so 1 us is an assumption (a register-level
    // operation). Linux polls for the commit every 1 ms (cxld_await_commit);
    // set 1ms to model a kernel that sleeps once. A reset is register writes.
    common::Duration decoder_commit_time = common::Duration::us(1);
    common::Duration decoder_reset_time = common::Duration::us(1);
    // CXL 3.x HDM-DB: the device back-invalidates host caches for what it
    // changes, before it changes it: one BISnp per host-cached line, each
    // answered (BIRsp) once the host dropped its copies and wrote dirty data
    // back. The device keeps this many in flight (an assumption: the
    // specification leaves it to credits and the device's tracker).
    bool back_invalidate = false;
    std::uint32_t back_invalidate_outstanding = 32;

    // Up to 32 GT/s (PCIe 3.0-5.0 signalling) the link uses 128b/130b
    // encoding and CXL 68-byte flits carrying 64 bytes of slots; at 64 GT/s
    // (PCIe 6.0, PAM4, no line encoding) CXL 3.x uses 256-byte flits of which
    // 240 carry slots (2 B header, 8 B CRC and 6 B FEC are the rest).
    std::uint32_t flit_bytes() const { return link_gts > 32 ? 256 : 68; }
    double link_efficiency() const {
        if (link_gts > 32) return 240.0 / 256.0;
        return 128.0 / 130.0 * 64.0 / 68.0;
    }
    // Payload bandwidth of one direction.
    double link_bandwidth_gbps() const {
        return static_cast<double>(link_gts) * link_width / 8.0 * link_efficiency();
    }
    // A BISnp and its BIRsp: the link path both ways (device controller,
    // link, root port) and one flit each way.
    common::Duration back_invalidate_round_trip() const {
        return (root_port_latency + link_latency + controller_latency) * 2 +
               common::transfer_time(68, link_bandwidth_gbps() * 68.0 / 64.0) * 2;
    }
    common::Violations validate() const;
};

}  // namespace invalsim::cxl
