#!/usr/bin/python3
"""The benchmark workloads of bench/ are scenarios we ship too: each, scaled
down (every generator's count divided by FACTOR, as `tools/bench --short`
does), gives a byte-identical stats.json when run twice, from two working
folders, naming the scenario by a relative path in the second.

    bench_determinism.py INVALSIM REPO OUTDIR FACTOR
"""
import filecmp
import glob
import json
import os
import shutil
import subprocess
import sys

invalsim, repo, out, factor = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])


def short_sets(path):
    doc = json.load(open(path))
    sets = []
    for cpu, ops in doc["cpus"].items():
        for i, op in enumerate(ops):
            if op.get("op") == "generate" and "count" in op:
                sets += ["--scenario-set", "cpus.%s.%d.count=%d" % (cpu, i, max(1, op["count"] // factor))]
    return sets


shutil.rmtree(out, ignore_errors=True)
# Configs there may carry comments; scenarios are plain JSON (tools/bench reads them).
scenarios = [p for p in sorted(glob.glob(os.path.join(repo, "bench", "*.json"))) if '"cpus"' in open(p).read()]
if not scenarios:
    sys.exit("no scenario found in %s/bench" % repo)
fail = 0
for scn in scenarios:
    name = os.path.basename(scn)[:-5]
    stats = []
    for run in ("a", "b"):
        cwd = os.path.join(out, run, "cwd")
        os.makedirs(cwd)
        arg = scn if run == "a" else os.path.relpath(scn, cwd)
        dest = os.path.join(out, run, name)
        subprocess.run([invalsim, "run", "-q", "--scenario", arg, "--out", dest] + short_sets(scn), cwd=cwd,
                       check=True)
        stats.append(os.path.join(dest, "stats.json"))
    same = filecmp.cmp(stats[0], stats[1], shallow=False)
    print("%s: %s" % (name, "identical" if same else "DIFFERS"))
    fail = fail or not same
    shutil.rmtree(os.path.join(out, "a", "cwd"))
    shutil.rmtree(os.path.join(out, "b", "cwd"))
sys.exit(1 if fail else 0)
