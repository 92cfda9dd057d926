#include "sim/cli/summary.h"

#include <sys/resource.h>

#include <cstdio>
#include <sstream>

namespace invalsim::cli {

using config::Json;

namespace {

std::string fmt(const char* format, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
}

std::string time_text(double ns) {
    if (ns >= 1e6) return fmt("%.3f ms", ns / 1e6);
    if (ns >= 1e3) return fmt("%.3f us", ns / 1e3);
    return fmt("%.1f ns", ns);
}

void cpu_lines(std::ostringstream& out, const std::string& name, const Json& cpu) {
    out << "  " << name << ": " << cpu.value("ops", 0) << " ops, " << cpu.value("loads", 0)
        << " loads, " << cpu.value("stores", 0) << " stores, avg load "
        << fmt("%.1f ns", cpu.value("load_latency_avg_ns", 0.0)) << "\n";
    for (auto it = cpu.begin(); it != cpu.end(); ++it) {
        if (!it->is_object() || !it->contains("hit_rate")) continue;
        const Json& c = *it;
        out << "    " << it.key() << ": " << fmt("%.1f%%", 100.0 * c.value("hit_rate", 0.0))
            << " of demand accesses hit (" << c.value("hits", 0) << " hits, "
            << c.value("misses", 0) << " misses); " << c.value("writebacks", 0)
            << " write-backs sent";
        if (c.value("received_writebacks", 0) > 0) {
            out << ", " << c.value("received_writebacks", 0) << " received";
        }
        if (c.value("prefetches", 0) > 0) {
            out << "; " << c.value("prefetches", 0) << " prefetches (" << c.value("prefetch_hits", 0)
                << " already cached)";
        }
        out << "\n";
    }
}

}  // namespace

HostFigures measure_host(double seconds, const Json& stats) {
    HostFigures h;
    h.seconds = seconds;
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    h.peak_rss_bytes = static_cast<std::uint64_t>(ru.ru_maxrss) * 1024;
    for (const auto& [name, comp] : stats["system"].items()) {
        if (name.rfind("cpu", 0) == 0) {
            h.accesses += comp.value("loads", 0ULL) + comp.value("stores", 0ULL);
        }
    }
    return h;
}

Json host_json(const HostFigures& h) {
    Json j{{"host_seconds", h.seconds},
           {"peak_rss_bytes", h.peak_rss_bytes},
           {"accesses", h.accesses},
           {"accesses_per_host_second", h.seconds > 0 ? h.accesses / h.seconds : 0.0},
           {"invalidate_call_host_seconds", h.invalidate_seconds}};
    if (!h.shared_start.is_null()) j["shared_start"] = h.shared_start;
    return j;
}

std::string run_summary(const Json& stats, const HostFigures& host) {
    std::ostringstream out;
    out << "config \"" << stats["config"].get<std::string>() << "\", scenario \""
        << stats["scenario"].get<std::string>() << "\", seed " << stats["seed"] << "\n";
    out << "simulated " << time_text(stats["simulated_time_ns"].get<double>()) << " in "
        << fmt("%.3f s", host.seconds) << " of host time (" << host.accesses << " accesses, "
        << fmt("%.0f", host.seconds > 0 ? host.accesses / host.seconds : 0.0) << "/s)\n";
    std::uint64_t idle = 0;
    for (const auto& [name, comp] : stats["system"].items()) {
        if (name.rfind("cpu", 0) != 0) continue;
        if (comp.value("ops", 0) == 0) {
            ++idle;
        } else {
            cpu_lines(out, name, comp);
        }
    }
    if (idle) out << "  (" << idle << " CPUs ran no ops)\n";
    for (const auto& [name, comp] : stats["system"].items()) {
        if (comp.contains("reads") && comp.contains("read_bytes")) {
            out << "  " << name << ": " << comp["reads"] << " reads, " << comp["writes"]
                << " writes\n";
        }
    }
    const Json& m = stats["system"]["memregion"];
    if (!m["records"].empty()) {
        out << "invalidate (" << m["mechanism"].get<std::string>() << ", "
            << m["policy"].get<std::string>() << "):\n";
        for (const auto& r : m["records"]) {
            out << "  " << r["cpu"].get<std::string>() << " " << r["kind"].get<std::string>() << " "
                << (r["requested"].is_object() ? r["requested"]["start"].get<std::string>() + "+" +
                                                     std::to_string(r["requested"]["len"].get<std::uint64_t>())
                                               : std::string("all"))
                << ": rc " << r["rc_name"].get<std::string>() << ", "
                << time_text(r["latency_ns"].get<double>()) << ", " << r["written_back"]
                << " written back, " << r["invalidated"] << " invalidated\n";
        }
    }
    if (stats.contains("incomplete")) {
        out << "INCOMPLETE: " << stats["incomplete"]["reason"].get<std::string>()
            << " (statistics up to the stop)\n";
    }
    const Json& o = stats["outcome"];
    out << "expectations: " << o["expects_checked"] << " checked, " << o["expects_failed"]
        << " failed\n";
    for (const auto& b : o["blocked"]) {
        out << "  BLOCKED " << b["cpu"].get<std::string>() << ": " << b["reason"].get<std::string>()
            << " (the simulation ran out of events)\n";
    }
    for (const auto& f : o["failures"]) {
        out << "  FAILED " << f["cpu"].get<std::string>() << " " << f["where"].get<std::string>()
            << " at " << time_text(f["time_ns"].get<double>()) << ": ";
        if (f.contains("message")) {
            out << f["message"].get<std::string>() << "\n";
            continue;
        }
        out << "read "
            << f["addr"].get<std::string>() << " (" << f["size"] << " bytes): at "
            << f["first_bad_addr"].get<std::string>() << " expected "
            << f["expected"].get<std::string>() << ", got " << f["got"].get<std::string>() << "\n";
    }
    return out.str();
}

}  // namespace invalsim::cli
