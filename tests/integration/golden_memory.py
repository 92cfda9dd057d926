#!/usr/bin/python3
"""The golden model's memory follows the lines touched: validate on a
scenario whose lines lie 1 GiB apart needs no more host memory than run
(within a margin for the checker's bookkeeping), and its own accounting
says so.

    golden_memory.py INVALSIM SCENARIO OUTDIR LINES
"""
import json
import os
import subprocess
import sys

invalsim, scenario, out, lines = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
peak = {}
for cmd in ("run", "validate"):
    d = os.path.join(out, cmd)
    subprocess.run([invalsim, cmd, "-q", "--scenario", scenario, "--out", d], check=True)
    peak[cmd] = json.load(open(os.path.join(d, "host.json")))["peak_rss_bytes"]
c = json.load(open(os.path.join(out, "validate", "stats.json")))["coherence"]
fail = []
if c["golden_lines"] != lines:
    fail.append("golden_lines %d, expected %d" % (c["golden_lines"], lines))
if not 64 * lines <= c["golden_bytes"] <= 256 * lines:
    fail.append("golden_bytes %d is not between 64 and 256 bytes per line" % c["golden_bytes"])
margin = 16 << 20
if peak["validate"] > peak["run"] + margin:
    fail.append("validate peaked at %d bytes, run at %d: more than 16 MiB apart" % (peak["validate"], peak["run"]))
print("run %.1f MiB, validate %.1f MiB, golden %d lines in %d bytes" %
      (peak["run"] / 2**20, peak["validate"] / 2**20, c["golden_lines"], c["golden_bytes"]))
for f in fail:
    print("FAIL:", f)
sys.exit(1 if fail else 0)
