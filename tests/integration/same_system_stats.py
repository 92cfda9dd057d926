#!/usr/bin/python3
"""The golden model must not change timing: `run` and `validate` give the same
`system` statistics, simulated time and outcome for each scenario.

    same_system_stats.py INVALSIM OUTDIR SCENARIO...
"""
import json
import os
import subprocess
import sys

invalsim, out = sys.argv[1], sys.argv[2]
fail = 0
for scenario in sys.argv[3:]:
    name = os.path.basename(scenario)[:-5]
    docs = {}
    bad = 0
    for cmd in ("run", "validate"):
        d = os.path.join(out, name, cmd)
        subprocess.run([invalsim, cmd, "-q", "--scenario", scenario, "--out", d])
        docs[cmd] = json.load(open(os.path.join(d, "stats.json")))
    for key in ("system", "simulated_time_ns", "outcome"):
        if docs["run"][key] != docs["validate"][key]:
            print("FAIL %s: \"%s\" differs between run and validate" % (name, key))
            bad = 1
    if "coherence" not in docs["validate"] or "coherence" in docs["run"]:
        print("FAIL %s: only validate should have a coherence section" % name)
        bad = 1
    print("%s: %s" % (name, "differs" if bad else "identical system statistics"))
    fail = fail or bad
sys.exit(fail)
