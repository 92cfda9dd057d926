#include "models/cpu/cpu.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "models/coherence/line_extension.h"
#include "models/common/payload.h"
#include "models/common/sc_time_conv.h"
#include "models/cpu/access_split.h"
#include "models/cpu/lackey_reader.h"
#include "models/cpu/synthetic_source.h"
#include "models/cpu/trace_source.h"

namespace invalsim::cpu {

using common::Addr;
using common::Duration;

Cpu::Cpu(sc_core::sc_module_name name, const Setup& setup, Program program)
    : sc_module(name), data("data"), m_setup(setup), m_program(std::move(program)), m_buf(setup.granule) {
    if (setup.icache) m_inst = std::make_unique<tlm_utils::simple_initiator_socket<Cpu>>("inst");
    m_track = "cpu" + std::to_string(setup.index);
    m_source = new coherence::SourceExtension;
    m_trans.set_extension(m_source);  // the payload owns it
    SC_HAS_PROCESS(Cpu);
    SC_THREAD(run);
}

void Cpu::replace_ops_after(std::size_t index, const Program& program) {
    if (program.size() != m_program.size()) throw std::logic_error(m_track + ": programs of different lengths");
    for (std::size_t i = index + 1; i < m_program.size(); ++i) m_program[i] = program[i];
}

void Cpu::run() {
    m_clock.reset(common::from_sc(tlm::tlm_global_quantum::instance().get()));
    for (m_pc = 0; m_pc < m_program.size() && m_error.empty(); ++m_pc) execute(m_program[m_pc], m_pc);
    m_clock.sync();
    m_stats.finish_time = common::from_sc(sc_core::sc_time_stamp());
    m_finished = m_error.empty();
    // Idle from now on: IPIs still stop the CPU, with nothing else to delay.
    m_idle = true;
    for (const PendingStall& s : m_stalls) account_stall(s, common::max(s.not_before, m_stats.finish_time));
    m_stalls.clear();
}

Duration Cpu::now() const { return m_clock.now(); }

void Cpu::execute(const Op& op, std::size_t index) {
    ++m_stats.ops;
    const Duration t0 = m_trace ? now() : Duration();
    switch (op.kind) {
        case Op::Kind::Delay: m_clock.advance(op.time); break;
        case Op::Kind::Read: read(op, index); break;
        case Op::Kind::Write: write(op); break;
        case Op::Kind::Barrier:
        case Op::Kind::Signal:
        case Op::Kind::WaitEvent: block(op); break;
        case Op::Kind::Generate: {
            SyntheticSource src(op.gen, op.gen.seed ? op.gen.seed : m_setup.seed * 1000003 + m_setup.index);
            stream(src, op.gen.duration);
            break;
        }
        case Op::Kind::Invalidate:
        case Op::Kind::InvalidateAll:
        case Op::Kind::Register:
        case Op::Kind::Unregister:
        case Op::Kind::HasInvalidate: call_port(op, index); break;
        case Op::Kind::CheckMemory:
        case Op::Kind::CheckCached: inspect(op, index); break;
        case Op::Kind::Step:
            if (m_setup.golden) m_setup.golden->set_step(op.name);
            break;
        case Op::Kind::Sanitize:
        case Op::Kind::SecureErase:
        case Op::Kind::NvdimmOverwrite:
        case Op::Kind::NvdimmSecureErase:
        case Op::Kind::Lock:
        case Op::Kind::Unlock:
        case Op::Kind::RegionCommit:
        case Op::Kind::RegionReset:
        case Op::Kind::DmaWrite:
        case Op::Kind::PeerWrite: device_op(op); break;
        case Op::Kind::KernelRegionCommit:
        case Op::Kind::KernelRegionReset:
        case Op::Kind::KernelSanitize:
        case Op::Kind::KernelSecureErase:
        case Op::Kind::KernelNvdimmOverwrite:
        case Op::Kind::KernelNvdimmSecureErase:
        case Op::Kind::KernelNvdimmUnlock:
        case Op::Kind::KernelRegionActivate:
        case Op::Kind::KernelRegionRemove: kernel_op(op, index); break;
        case Op::Kind::Trace:
            try {
                TraceSource src(op.trace);
                stream(src, Duration());
            } catch (const TraceError& e) {
                m_error = op.trace.file + ": " + e.what();
                m_error_where = op.where;
                sc_core::sc_stop();
            }
            break;
    }
    // (The port draws its own span for an invalidate call.)
    if (m_trace && op.kind != Op::Kind::Invalidate && op.kind != Op::Kind::InvalidateAll) {
        m_trace->span(m_track, to_string(op.kind), t0, now(), op.where);
    }
    if (m_clock.need_sync()) m_clock.sync();
}

// Barriers and events order CPUs in simulated time, so the CPU first brings
// the kernel's time up to its own.
void Cpu::block(const Op& op) {
    m_clock.sync();
    const sc_core::sc_time before = sc_core::sc_time_stamp();
    if (op.kind == Op::Kind::Barrier) {
        m_setup.sync->barrier(op.name);
    } else if (op.kind == Op::Kind::Signal) {
        m_setup.sync->signal(op.name);
    } else {
        m_setup.sync->wait_event(op.name);
    }
    m_stats.stall += common::from_sc(sc_core::sc_time_stamp() - before);
    m_clock.resync();
}

// The kernel entry points run on this CPU: it is busy for the whole call.
// The port lets simulated time pass on this thread, so the clock is brought
// up to the kernel's time before the call's time is taken or a failure is
// stamped.
void Cpu::call_port(const Op& op, std::size_t index) {
    m_clock.sync();
    take_stalls();
    const Duration t0 = now();
    invalidate::Port& port = *m_setup.port;
    if (op.expect_rc || op.expect_flag) ++m_stats.expects_checked;
    if (op.kind == Op::Kind::HasInvalidate) {
        const bool has = port.has_invalidate();
        if (op.expect_flag && *op.expect_flag != has) {
            fail(op, index, std::string("has_invalidate returned ") + (has ? "true" : "false"));
        }
    } else if (op.kind == Op::Kind::Register || op.kind == Op::Kind::Unregister) {
        const bool on = op.kind == Op::Kind::Register;
        ++m_stats.expects_checked;
        const bool changed = port.set_registered(m_setup.index, op.name, on);
        m_clock.resync();
        if (!changed) {
            fail(op, index, "cannot " + std::string(on ? "register" : "unregister") + " \"" + op.name +
                                "\": no such instance, or it already is");
        }
    } else {
        const bool all = op.kind == Op::Kind::InvalidateAll;
        invalidate::CallTiming timing;
        const int rc = port.invalidate(m_setup.index, {op.addr, op.size}, all, op.where, timing);
        m_clock.resync();
        note_irq_off(timing.irq_off);
        ++m_stats.invalidate_calls;
        m_stats.invalidate_time += now() - t0;
        if (op.expect_rc && *op.expect_rc != rc) {
            fail(op, index, "returned " + std::string(invalidate::errno_name(rc)) + ", expected " +
                                invalidate::errno_name(static_cast<int>(*op.expect_rc)));
        }
    }
    m_clock.resync();
}

void Cpu::note_irq_off(const std::vector<invalidate::TimeWindow>& windows) {
    for (const invalidate::TimeWindow& w : windows) {
        m_stats.irq_off += w.length();
        if (m_trace) m_trace->span(m_track, "interrupts off", w.start, w.end);
    }
}

// Looks at the machine at this CPU's current time, without changing it.
void Cpu::inspect(const Op& op, std::size_t index) {
    m_clock.sync();
    if (op.kind == Op::Kind::CheckCached) {
        const std::uint64_t n = m_setup.inspector->cached_lines(op.addr, op.size, static_cast<CacheScope>(op.scope));
        ++m_stats.expects_checked;
        if (op.expect_flag && *op.expect_flag != (n > 0)) {
            fail(op, index, std::to_string(n) + " cached line(s) of the range, expected " +
                                (*op.expect_flag ? "some" : "none"));
        }
        m_clock.resync();
        return;
    }
    std::vector<std::uint8_t> bytes(op.size);
    m_setup.inspector->read_memory(op.addr, bytes.data(), op.size);
    ++m_stats.expects_checked;
    for (std::uint64_t i = 0; i < op.size; ++i) {
        if (bytes[i] == op.data.byte_at(i)) continue;
        char buf[96];
        std::snprintf(buf, sizeof buf, "memory at 0x%llx holds 0x%02x, expected 0x%02x",
                      static_cast<unsigned long long>(op.addr + i), bytes[i], op.data.byte_at(i));
        fail(op, index, buf);
        break;
    }
    m_clock.resync();
}

// A failed check that is not about read data; the caller counted the check.
void Cpu::fail(const Op& op, std::size_t index, std::string message) {
    ++m_stats.expects_failed;
    if (m_failures.size() >= kMaxFailuresKept) return;
    ExpectFailure f;
    f.time = now();
    f.addr = op.addr;
    f.size = op.size;
    f.op_index = index;
    f.message = std::move(message);
    m_failures.push_back(f);
}

void Cpu::inject_stall(Duration not_before, Duration length, bool irqs_off) {
    if (m_idle) {
        account_stall({not_before, length, irqs_off}, not_before);
    } else {
        m_stalls.push_back({not_before, length, irqs_off});
    }
}

// Pending IPI work runs once this CPU's time reaches it.
void Cpu::take_stalls() {
    for (std::size_t i = 0; i < m_stalls.size();) {
        const PendingStall s = m_stalls[i];
        const Duration t = now();
        if (t < s.not_before) {
            ++i;
            continue;
        }
        account_stall(s, t);
        m_clock.advance(s.length);
        m_stalls.erase(m_stalls.begin() + static_cast<std::ptrdiff_t>(i));
    }
}

void Cpu::account_stall(const PendingStall& s, Duration at) {
    if (m_trace) {
        m_trace->span(m_track, s.irqs_off ? "IPI work, interrupts off" : "IPI work", at, at + s.length);
    }
    m_stats.ipi_stall += s.length;
    if (s.irqs_off) m_stats.irq_off += s.length;
}

template <class Source>
void Cpu::stream(Source& source, Duration limit) {
    Access a;
    if (limit.as_ps() == 0) {
        while (source.next(a)) issue(a);
        return;
    }
    const Duration end = now() + limit;
    while (now() < end && source.next(a)) issue(a);
}

void Cpu::issue(const Access& a) {
    // Most accesses stay within one line: no splitting loop for them.
    if (a.size <= m_setup.granule - (a.addr & (m_setup.granule - 1))) {
        issue_piece(a, a.addr, a.size);
        return;
    }
    for_each_piece(a.addr, a.size, m_setup.granule, [&](Addr p, std::uint32_t len) { issue_piece(a, p, len); });
}

void Cpu::issue_piece(const Access& a, Addr p, std::uint32_t len) {
    switch (a.kind) {
        case Access::Kind::Load: transport(tlm::TLM_READ_COMMAND, p, len, false); break;
        case Access::Kind::Fetch: transport(tlm::TLM_READ_COMMAND, p, len, true); break;
        case Access::Kind::Store:
            fill_repeating(m_buf.data(), len, a.value, p - a.addr);
            transport(tlm::TLM_WRITE_COMMAND, p, len, false);
            break;
    }
}

void Cpu::transport(tlm::tlm_command cmd, Addr addr, std::uint32_t len, bool fetch) {
    if (m_setup.params.think_cycles) m_clock.advance(m_setup.params.cycle() * m_setup.params.think_cycles);
    if (!m_stalls.empty()) take_stalls();
    const bool read = cmd == tlm::TLM_READ_COMMAND;
    if (m_setup.golden && !read) m_setup.golden->cpu_store(addr, m_buf.data(), len);
    const Duration start = m_clock.offset();
    cache::CacheCore* direct = fetch && m_inst ? m_direct_inst : m_direct_data;
    coherence::Source source = coherence::Source::None;
    if (direct) {
        Duration d = start;
        if (read) {
            direct->load(addr, m_buf.data(), len, d, &source);
        } else {
            direct->store(addr, m_buf.data(), len, d);
        }
        m_clock.set_offset(d);
    } else {
        source = tlm_access(cmd, addr, len, fetch);
    }
    if (read && m_setup.golden) m_setup.golden->check_load(m_setup.index, now(), addr, m_buf.data(), len, source);
    if (fetch) {
        ++m_stats.fetches;
    } else if (read) {
        ++m_stats.loads;
        m_stats.load_bytes += len;
        const Duration latency = m_clock.offset() - start;
        m_stats.load_latency.record(latency);
        if (m_setup.windows && m_setup.windows->watching()) {
            m_setup.windows->record(m_setup.index, now() - latency, latency, m_clock.kernel());
        }
    } else {
        ++m_stats.stores;
        m_stats.store_bytes += len;
    }
    if (m_clock.need_sync()) m_clock.sync();
}

// The same access through the TLM socket (no private cache, or the fast
// path turned off); returns where the data came from.
coherence::Source Cpu::tlm_access(tlm::tlm_command cmd, Addr addr, std::uint32_t len, bool fetch) {
    common::prepare(m_trans, cmd, addr, m_buf.data(), len);
    m_source->source = coherence::Source::None;
    sc_core::sc_time t = common::to_sc(m_clock.offset());
    tlm::tlm_initiator_socket<>& socket = fetch && m_inst ? *m_inst : data;
    socket->b_transport(m_trans, t);
    if (m_trans.is_response_error()) {
        SC_REPORT_ERROR(name(), ("access to address " + std::to_string(addr) +
                                 " failed: " + m_trans.get_response_string())
                                    .c_str());
    }
    m_clock.set_offset(common::from_sc(t));
    return m_source->source;
}

void Cpu::read(const Op& op, std::size_t index) {
    const bool check = op.data.kind != DataSpec::Kind::None;
    ExpectFailure f;
    for_each_piece(op.addr, op.size, m_setup.granule, [&](Addr a, std::uint32_t len) {
        transport(tlm::TLM_READ_COMMAND, a, len, false);
        if (check) compare(op, a, len, f);
    });
    if (!check) return;
    ++m_stats.expects_checked;
    if (f.bad_bytes == 0) return;
    ++m_stats.expects_failed;
    if (m_failures.size() >= kMaxFailuresKept) return;
    f.time = now();
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
    for_each_piece(op.addr, op.size, m_setup.granule, [&](Addr a, std::uint32_t len) {
        for (std::uint32_t i = 0; i < len; ++i) m_buf[i] = op.data.byte_at(a + i - op.addr);
        transport(tlm::TLM_WRITE_COMMAND, a, len, false);
    });
}

std::string Cpu::blocked_on() const {
    if (m_finished) return "";
    if (!m_error.empty()) return m_error;
    if (m_pc >= m_program.size()) return "stopped";
    const Op& op = m_program[m_pc];
    const std::string what = op.kind == Op::Kind::Barrier ? "barrier" : op.kind == Op::Kind::WaitEvent ? "event" : "lock";
    return "waiting for " + what + " \"" + op.name + "\" at " + op.where;
}

}  // namespace invalsim::cpu
