#include "models/cpu/cpu.h"

#include <algorithm>
#include <string>

#include "models/common/payload.h"
#include "models/common/sc_time_conv.h"
#include "models/cpu/access_split.h"

namespace invalsim::cpu {

using common::Addr;
using common::Duration;

Cpu::Cpu(sc_core::sc_module_name name, const CpuParams& params, std::uint32_t granule,
         Program program)
    : sc_module(name),
      data("data"),
      m_params(params),
      m_granule(granule),
      m_program(std::move(program)),
      m_buf(granule) {
    SC_HAS_PROCESS(Cpu);
    SC_THREAD(run);
}

void Cpu::run() {
    m_qk.reset();
    for (std::size_t i = 0; i < m_program.size(); ++i) execute(m_program[i], i);
    m_qk.sync();
    m_stats.finish_time = common::from_sc(sc_core::sc_time_stamp());
}

void Cpu::execute(const Op& op, std::size_t index) {
    ++m_stats.ops;
    switch (op.kind) {
        case Op::Kind::Delay: m_qk.inc(common::to_sc(op.time)); break;
        case Op::Kind::Read: read(op, index); break;
        case Op::Kind::Write: write(op); break;
    }
    if (m_qk.need_sync()) m_qk.sync();
}

void Cpu::transport(tlm::tlm_command cmd, Addr addr, std::uint32_t len) {
    if (m_params.think_cycles) m_qk.inc(common::to_sc(m_params.cycle() * m_params.think_cycles));
    common::prepare(m_trans, cmd, addr, m_buf.data(), len);
    sc_core::sc_time t = m_qk.get_local_time();
    data->b_transport(m_trans, t);
    if (m_trans.is_response_error()) {
        SC_REPORT_ERROR(name(), ("access to address " + std::to_string(addr) +
                                 " failed: " + m_trans.get_response_string())
                                    .c_str());
    }
    m_qk.set(t);
    if (m_qk.need_sync()) m_qk.sync();
}

void Cpu::read(const Op& op, std::size_t index) {
    const bool check = op.data.kind != DataSpec::Kind::None;
    ExpectFailure f;
    for_each_piece(op.addr, op.size, m_granule, [&](Addr a, std::uint32_t len) {
        const sc_core::sc_time before = m_qk.get_local_time() + sc_core::sc_time_stamp();
        transport(tlm::TLM_READ_COMMAND, a, len);
        const sc_core::sc_time after = m_qk.get_local_time() + sc_core::sc_time_stamp();
        ++m_stats.loads;
        m_stats.load_bytes += len;
        m_stats.load_latency_total += common::from_sc(after - before);
        if (check) compare(op, a, len, f);
    });
    if (!check) return;
    ++m_stats.expects_checked;
    if (f.bad_bytes == 0) return;
    ++m_stats.expects_failed;
    if (m_failures.size() >= kMaxFailuresKept) return;
    f.time = common::from_sc(sc_core::sc_time_stamp() + m_qk.get_local_time());
    f.addr = op.addr;
    f.size = op.size;
    f.op_index = index;
    m_failures.push_back(f);
}

// Compares one piece just read (in m_buf) with the expected bytes. The first
// mismatch keeps up to 8 bytes of expected and actual data for the report.
void Cpu::compare(const Op& op, Addr a, std::uint32_t len, ExpectFailure& f) const {
    for (std::uint32_t i = 0; i < len; ++i) {
        if (m_buf[i] == op.data.byte_at(a + i - op.addr)) continue;
        if (f.bad_bytes++ > 0) continue;
        f.first_bad_addr = a + i;
        f.compared_bytes = std::min<std::uint32_t>(8, len - i);
        for (std::uint32_t k = 0; k < f.compared_bytes; ++k) {
            f.expected |= std::uint64_t{op.data.byte_at(a + i + k - op.addr)} << (8 * k);
            f.got |= std::uint64_t{m_buf[i + k]} << (8 * k);
        }
    }
}

void Cpu::write(const Op& op) {
    for_each_piece(op.addr, op.size, m_granule, [&](Addr a, std::uint32_t len) {
        for (std::uint32_t i = 0; i < len; ++i) m_buf[i] = op.data.byte_at(a + i - op.addr);
        transport(tlm::TLM_WRITE_COMMAND, a, len);
        ++m_stats.stores;
        m_stats.store_bytes += len;
    });
}

}  // namespace invalsim::cpu
