#!/usr/bin/python3
"""End-to-end test of `invalsim sweep`, its outputs, re-runs, failures, job
counts, Slurm emission and the plotting tools.

    sweep_test.py INVALSIM REPO WORKDIR
"""
import csv
import json
import os
import shutil
import subprocess
import sys

INVALSIM, REPO, WORK = sys.argv[1:4]
SCN = os.path.join(REPO, "tests", "integration", "scenarios", "inv_policy.json")


def sweep(*args, expect):
    r = subprocess.run([INVALSIM, "sweep", *args], capture_output=True, text=True)
    assert r.returncode == expect, (args, r.returncode, r.stdout, r.stderr)
    return r


def rows(d):
    with open(os.path.join(d, "results.csv")) as f:
        return list(csv.DictReader(f))


def main():
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    spec = os.path.join(WORK, "spec.json")
    json.dump({"scenario": SCN,
               "parameters": {"config.home_agents.count": [1, 0],
                              "scenario.cpus.cpu0.0.len": "4KiB..64GiB*16"}}, open(spec, "w"))
    a, b = os.path.join(WORK, "a"), os.path.join(WORK, "b")
    # A point that fails (no home agent) is recorded and the others still run.
    r = sweep(spec, "--jobs", "2", "--out", a, expect=1)
    assert "14 points, 7 completed, 7 failed" in r.stdout, r.stdout
    table = rows(a)
    assert len(table) == 14
    for col in ("point", "config.home_agents.count", "scenario.cpus.cpu0.0.len", "status",
                "system.memregion.records.0.latency_ns"):
        assert col in table[0], col
    bad = [t for t in table if t["config.home_agents.count"] == "0"]
    assert all(t["status"] == "failed" and "/home_agents/count" in t["error"] for t in bad), bad[0]
    # The range engine's latency grows with the region.
    good = [t for t in table if t["config.home_agents.count"] == "1"]
    lat = [float(t["system.memregion.records.0.latency_ns"]) for t in good]
    assert lat == sorted(lat) and lat[-1] > 10 * lat[0], lat
    # A re-run skips the finished points and redoes only the failed ones.
    r = sweep(spec, "--jobs", "2", "--out", a, expect=1)
    assert "7 of 14 points already complete, skipped" in r.stderr, r.stderr
    # Results do not depend on --jobs.
    sweep(spec, "--jobs", "1", "--out", b, expect=1)
    assert open(os.path.join(a, "results.csv")).read() == open(os.path.join(b, "results.csv")).read()
    lines = [l for l in open(os.path.join(a, "results.jsonl")) if l.strip()]
    assert len(lines) == 14 and json.loads(lines[1])["stats"]["config"] == "arm64-hha"
    # The same sweep from the command line, emitted for Slurm and GNU parallel.
    c = os.path.join(WORK, "cluster")
    r = sweep("--scenario", SCN, "--param", "config.home_agents.count=1",
              "--param", "scenario.cpus.cpu0.0.len=4KiB..64GiB*16", "--emit", "slurm", c, "--chunk", "3", expect=0)
    jobs = open(os.path.join(c, "jobs.txt")).read().splitlines()
    assert len(jobs) == 7, jobs
    sb = open(os.path.join(c, "sweep.sbatch")).read()
    assert "#SBATCH --array=0-2" in sb, sb
    for line in jobs:  # what GNU parallel would run; 1 means an expectation failed, the point ran
        assert subprocess.run(["bash", "-c", line]).returncode in (0, 1), line
    r = sweep("--collect", c, expect=0)
    assert "7 points, 7 completed, 0 failed" in r.stdout, r.stdout
    assert [t["system.memregion.records.0.latency_ns"] for t in rows(c)] == \
           [t["system.memregion.records.0.latency_ns"] for t in good]
    # Figures and report.
    figs = os.path.join(WORK, "figs")
    subprocess.run(["/usr/bin/python3", os.path.join(REPO, "tools", "plot-sweep"), a, "--out", figs], check=True,
                   capture_output=True)
    for f in ("latency.png", "latency.svg"):
        assert os.path.getsize(os.path.join(figs, f)) > 1000, f
    subprocess.run(["/usr/bin/python3", os.path.join(REPO, "tools", "report-sweep"), a], check=True, capture_output=True)
    assert "| status |" in open(os.path.join(a, "report.md")).read()
    print("sweep test ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
