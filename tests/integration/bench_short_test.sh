#!/usr/bin/env bash
# The benchmark suite in its short form (seconds): every workload runs and
# bench.json carries the figures the docs quote. Speed is not judged here.
set -euo pipefail
repo=$1 invalsim=$2 out=$3
rm -rf "$out"
"$repo/tools/bench" --no-build --short --scaling --invalsim "$invalsim" --out "$out" > "$out.log"
cat "$out.log"
/usr/bin/python3 - "$out/bench.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
w = doc["workloads"]
assert doc["short"] is True
hm = doc["host_memory"]
assert hm["probe_bytes"] == 16 << 20 and hm["fresh_bytes_per_second"] > 0 and hm["touched_bytes_per_second"] > 0, hm
# A child inherits its parent's peak RSS on Linux: a probe run inside the
# suite's own process (about 45 MiB at its peak) would become every short
# run's figure. W3's 16 KiB per core needs less host memory than W1's
# random accesses over 64 MiB (26 against 30 MiB in Release, 85 against
# 91 MiB with the sanitizers' shadow memory).
assert w["W3"]["peak_rss_bytes"] < w["W1"]["peak_rss_bytes"], (w["W3"]["peak_rss_bytes"], w["W1"]["peak_rss_bytes"])
for name in ("W1", "W2", "W3", "W5"):
    r = w[name]
    assert r["accesses"] > 0 and r["host_seconds"] > 0 and r["accesses_per_second"] > 0, name
    assert r["peak_rss_bytes"] > 0 and r["simulated_seconds"] > 0, name
assert w["W1"]["accesses"] == 4 * 10000 and w["W3"]["accesses"] == 4 * 100000, "short counts scale by 100"
assert 0 < w["W1"]["hit_rates"]["slc"] < 1
w4 = w["W4"]
assert w4["points"] == 15, w4["points"]
assert all(c["call_host_seconds"] is not None for c in w4["calls"])
assert w4["sweep_host_seconds"] > 0 and w4["unshared_sweep_host_seconds"] > 0, w4
assert len(doc["scaling"]) == 11
assert [r["accesses"] for r in doc["scaling"][:5]] == [2500 * n for n in (1, 2, 4, 8, 16)]
print("bench.json complete")
PY
