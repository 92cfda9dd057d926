#pragma once

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

#include "models/mem/channel_timing.h"
#include "models/mem/dram_params.h"
#include "models/mem/dram_stats.h"
#include "models/mem/sparse_store.h"

namespace invalsim::mem {

// DRAM target. Addresses arriving here are device offsets: the router has
// already removed the range base.
class Dram : public sc_core::sc_module {
public:
    tlm_utils::simple_target_socket<Dram> socket;

    Dram(sc_core::sc_module_name name, const DramParams& params);

    SparseStore& store() { return m_store; }
    const SparseStore& store() const { return m_store; }
    DramStats stats() const;
    const DramParams& params() const { return m_params; }

private:
    void b_transport(tlm::tlm_generic_payload& trans, sc_core::sc_time& delay);
    unsigned int transport_dbg(tlm::tlm_generic_payload& trans);
    bool in_range(const tlm::tlm_generic_payload& trans) const;

    DramParams m_params;
    SparseStore m_store;
    ChannelTiming m_timing;
    DramStats m_stats;
};

}  // namespace invalsim::mem
