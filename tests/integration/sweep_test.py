#!/usr/bin/python3
"""End-to-end tests of `invalsim sweep` and the plotting tools, one group per
CTest test:

    sweep_test.py GROUP INVALSIM REPO WORKDIR

runs      the CSV and JSON-lines outputs, a failing point, re-runs, --force, --jobs
inputs    re-runs redo points whose command, inputs or binary changed
cli       command-line parameters and --zip checked with the spec, bad specs exit 2
emit      job lists and Slurm scripts record a point's error as a local run does
resolved  a point's folder alone reruns it with identical statistics
progress  the terminal bar (under `script`) and plain progress lines
plots     every figure kind from the shipped sweeps, and the report
interrupt SIGINT, kill -9 and a crashing point lose no finished point, and a
          re-run completes the sweep; an interrupted or failing `run` writes
          a whole stats.json marked incomplete
shared    --fork-at: points that differ only after the barrier share one run
          up to it and get byte-identical statistics (run and validate),
          others do not share, a run that stops before the barrier fails
          its group's points, SIGINT reaches the forked copy, bad uses exit 2
"""
import csv
import filecmp
import glob
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time

GROUP, INVALSIM, REPO, WORK = sys.argv[1:5]
SCN = os.path.join(REPO, "tests", "integration", "scenarios", "inv_policy.json")
PYTHON = "/usr/bin/python3"


def sweep(*args, expect, exe=INVALSIM, cwd=None):
    r = subprocess.run([exe, "sweep", *args], capture_output=True, text=True, cwd=cwd)
    assert r.returncode == expect, (args, r.returncode, r.stdout, r.stderr)
    return r


def rows(d):
    with open(os.path.join(d, "results.csv")) as f:
        return list(csv.DictReader(f))


def to_run(r):
    """How many points a sweep ran, from its plain progress lines."""
    m = re.search(r"sweep: (\d+) points, (\d+) to run", r.stderr)
    assert m, r.stderr
    return int(m.group(2))


def write_json(path, doc):
    with open(path, "w") as f:
        json.dump(doc, f, indent=1)
    return path


def small_spec(name, **extra):
    doc = {"scenario": SCN, "parameters": {"config.home_agents.count": [1, 0],
                                           "scenario.cpus.cpu0.0.len": "4KiB..64GiB*16"}}
    doc.update(extra)
    return write_json(os.path.join(WORK, name), doc)


def test_runs():
    spec = small_spec("spec.json")
    a, b = os.path.join(WORK, "a"), os.path.join(WORK, "b")
    # A point that fails (no home agent) is recorded and the others still run.
    r = sweep(spec, "--jobs", "2", "--out", a, expect=1)
    assert "14 points, 7 completed, 7 failed" in r.stdout, r.stdout
    table = rows(a)
    assert len(table) == 14
    assert list(table[0])[:5] == ["point", "config.home_agents.count", "scenario.cpus.cpu0.0.len", "status", "error"]
    assert "system.memregion.records.0.latency_ns" in table[0]
    bad = [t for t in table if t["config.home_agents.count"] == "0"]
    assert all(t["status"] == "failed" and "/home_agents/count" in t["error"] for t in bad), bad[0]
    # The range engine's latency grows with the region.
    good = [t for t in table if t["config.home_agents.count"] == "1"]
    assert [t["scenario.cpus.cpu0.0.len"] for t in good] == ["4KiB", "64KiB", "1MiB", "16MiB", "256MiB", "4GiB",
                                                              "64GiB"]
    lat = [float(t["system.memregion.records.0.latency_ns"]) for t in good]
    assert lat == sorted(lat) and lat[-1] > 10 * lat[0], lat
    # A re-run skips the finished points and redoes only the failed ones.
    r = sweep(spec, "--jobs", "2", "--out", a, expect=1)
    assert "7 of 14 points already complete, skipped" in r.stderr and to_run(r) == 7, r.stderr
    # --force redoes every point, with the same results.
    before = open(os.path.join(a, "results.csv")).read()
    stamp = os.path.getmtime(os.path.join(a, "points", "00000", "stats.json"))
    r = sweep(spec, "--jobs", "2", "--out", a, "--force", expect=1)
    assert "already complete" not in r.stderr and to_run(r) == 14, r.stderr
    assert os.path.getmtime(os.path.join(a, "points", "00000", "stats.json")) > stamp
    assert open(os.path.join(a, "results.csv")).read() == before
    # Results do not depend on --jobs: the tables and every point's stats.json.
    sweep(spec, "--jobs", "1", "--out", b, expect=1)
    for name in ["results.csv", "results.jsonl"] + [os.path.join("points", "%05d" % i, "stats.json") for i in
                                                    range(7)]:
        assert filecmp.cmp(os.path.join(a, name), os.path.join(b, name), shallow=False), name
    lines = [json.loads(l) for l in open(os.path.join(a, "results.jsonl")) if l.strip()]
    assert len(lines) == 14 and lines[1]["stats"]["config"] == "arm64-hha"
    assert lines[1]["values"] == {"config.home_agents.count": 1, "scenario.cpus.cpu0.0.len": "64KiB"}


def test_inputs():
    """A point is complete only for the same command, inputs and binary."""
    bindir = os.path.join(WORK, "bin")
    os.makedirs(bindir)
    exe = shutil.copy(INVALSIM, os.path.join(bindir, "invalsim"))
    scn = shutil.copy(SCN, os.path.join(WORK, "scenario.json"))
    cfg = shutil.copy(os.path.join(REPO, "configs", "arm64-hha.json"), os.path.join(WORK, "arm64-hha.json"))
    doc = json.load(open(scn))
    doc["config"] = "arm64-hha.json"
    write_json(scn, doc)
    out = os.path.join(WORK, "out")
    args = ["--scenario", scn, "--param", "scenario.cpus.cpu0.0.len=4KiB,64KiB", "--out", out]

    def runs(*more):
        return to_run(sweep(*args, *more, expect=0, exe=exe))

    assert runs() == 2
    assert runs() == 0
    point = json.load(open(os.path.join(out, "points", "00001", "point.json")))
    fp = point["fingerprint"]
    assert fp["argv"][0] == exe and "--scenario-set" in fp["argv"] and fp["invalsim"]["version"]
    assert set(fp["inputs"]) == {scn, cfg}, fp["inputs"]
    # A different command (validate) or base config redoes every point.
    assert runs("--check") == 2 and runs("--check") == 0
    assert runs("--config", cfg) == 2 and runs("--config", cfg) == 0
    # So does a change to the scenario's or the config's contents.
    doc["description"] = "changed"
    write_json(scn, doc)
    assert runs("--config", cfg) == 2 and runs("--config", cfg) == 0
    text = open(cfg).read()  # it has comments: edit the text
    with open(cfg, "w") as f:
        f.write(text.replace('"description": "', '"description": "changed: ', 1))
    assert runs("--config", cfg) == 2 and runs("--config", cfg) == 0
    # And another build of invalsim.
    with open(exe, "ab") as f:
        f.write(b"\0")
    assert runs("--config", cfg) == 2 and runs("--config", cfg) == 0
    # Trace files a scenario replays are inputs too.
    tdir = os.path.join(WORK, "traced")
    os.makedirs(tdir)
    trace = shutil.copy(os.path.join(REPO, "tests", "integration", "traces", "startup.lackey"), tdir)
    tscn = os.path.join(tdir, "trace.json")
    write_json(tscn, {"config": cfg, "cpus": {"cpu0": [{"op": "trace", "file": "startup.lackey", "range": "dram",
                                                         "placement": "first_touch"}]}})
    targs = ["--scenario", tscn, "--param", "seed=1,2", "--out", os.path.join(WORK, "tout")]
    assert to_run(sweep(*targs, expect=0, exe=exe)) == 2
    assert to_run(sweep(*targs, expect=0, exe=exe)) == 0
    with open(trace, "a") as f:
        f.write(" L 04000000,8\n")
    assert to_run(sweep(*targs, expect=0, exe=exe)) == 2


def expect_error(args, *messages, cwd=None):
    r = sweep(*args, expect=2, cwd=cwd)
    for m in messages:
        assert m in r.stderr, (m, r.stderr)
    return r


def test_cli():
    out = os.path.join(WORK, "out")
    policy = "config.invalidate.policy=parallel,sequential,single-irqoff"
    count = "config.home_agents.count=1,2"
    # Zipped lists of different lengths, in either order, are a bad spec.
    expect_error(["--scenario", SCN, "--zip", policy, "--zip", count, "--out", out],
                 "invalsim: error: command line: /zip/config.home_agents.count: has 2 values; every zip parameter "
                 "needs the same number (3) (value from --zip %s)" % count)
    expect_error(["--scenario", SCN, "--zip", count, "--zip", policy, "--out", out],
                 "/zip/config.invalidate.policy: has 3 values; every zip parameter needs the same number (2) "
                 "(value from --zip %s)" % policy)
    # The point cap counts the command line's parameters too.
    expect_error(["--scenario", SCN, "--param", "config.a=1..1000+1", "--param", "config.b=1..1000+1", "--out", out],
                 "command line: /: the sweep has 1000000 points; at most 100000")
    # A bad range in a spec file names the file and the parameter.
    bad = write_json(os.path.join(WORK, "bad.json"), {"scenario": SCN, "parameters": {
        "scenario.cpus.cpu0.0.len": "64KiB..4KiB*2"}})
    expect_error([bad, "--out", out], "bad.json: /parameters/scenario.cpus.cpu0.0.len: range \"64KiB..4KiB*2\" must go "
                                      "from a smaller to a larger value")
    # A path that names nothing stops the sweep before any point runs.
    r = expect_error(["--scenario", SCN, "--param", "config.home_agents.engine.poll_interval=10us,20us",
                      "--out", out],
                     "command line: /parameters/config.home_agents.engine.poll_interval: names no config value: ",
                     "/home_agents/engine/poll_interval: unknown key \"poll_interval\"",
                     "(value from --param config.home_agents.engine.poll_interval=10us,20us)")
    assert not glob.glob(os.path.join(out, "points", "*")), "points ran"
    spec = write_json(os.path.join(WORK, "spec.json"), {"scenario": SCN, "parameters": {
        "scenario.cpus.cpu0.7.len": ["4KiB"]}})
    expect_error([spec, "--out", out], "spec.json: /parameters/scenario.cpus.cpu0.7.len: names no scenario value: ",
                 "\"7\" is not an index of this array of 1")
    # A bad value is the point's own failure, not the spec's.
    r = sweep("--scenario", SCN, "--param", "config.invalidate.policy=parallel,sideways", "--out", out, expect=1)
    assert [t["status"] for t in rows(out)] == ["ok", "failed"], rows(out)
    # --zip pairs values; --param replaces the spec file's parameter.
    spec = small_spec("pair.json")
    sweep(spec, "--param", "config.home_agents.count=2", "--param", "scenario.cpus.cpu0.0.len=4KiB",
          "--zip", "config.invalidate.policy=parallel,sequential", "--zip", "config.invalidate.poll_interval=1us,2us",
          "--out", out, expect=0)
    got = [(t["config.home_agents.count"], t["scenario.cpus.cpu0.0.len"], t["config.invalidate.policy"],
            t["config.invalidate.poll_interval"]) for t in rows(out)]
    assert got == [("2", "4KiB", "parallel", "1us"), ("2", "4KiB", "sequential", "2us")], got
    # A parameter swept both ways is a bad spec.
    expect_error([spec, "--zip", "config.home_agents.count=2,4", "--zip", "config.invalidate.policy=parallel,sequential",
                  "--out", out], "pair.json: /zip/config.home_agents.count: is also under \"parameters\"; sweep it "
                                 "once (value from --zip config.home_agents.count=2,4)")
    # Relative file values on the command line are relative to the working directory.
    sub = os.path.join(WORK, "sub")
    os.makedirs(sub)
    sweep("--scenario", os.path.relpath(SCN, sub), "--param", "scenario=%s" % os.path.relpath(SCN, sub),
          "--out", "rel", expect=0, cwd=sub)
    assert rows(os.path.join(sub, "rel"))[0]["status"] == "ok"


def test_emit():
    """Emitted jobs record a failing point's error in its folder, as a local
    run does, and work from any folder."""
    spec = write_json(os.path.join(WORK, "spec.json"), {
        "scenario": os.path.relpath(SCN, WORK),
        "parameters": {"config.home_agents.count": [1, 0], "scenario.cpus.cpu0.0.len": ["4KiB", "1MiB"]}})
    local = os.path.join(WORK, "local")
    sweep(spec, "--out", local, expect=1)
    sub = os.path.join(WORK, "sub")
    os.makedirs(sub)
    r = sweep("../spec.json", "--emit", "slurm", "cluster", "--chunk", "3", expect=0, cwd=sub)
    c = os.path.join(sub, "cluster")
    assert "sbatch %s/sweep.sbatch" % c in r.stdout, r.stdout
    jobs = open(os.path.join(c, "jobs.txt")).read().splitlines()
    assert len(jobs) == 4 and all("'%s'" % c in j and j.startswith("'/") for j in jobs), jobs
    sb = open(os.path.join(c, "sweep.sbatch")).read()
    assert "#SBATCH --array=0-1" in sb and "#SBATCH --output=%s/slurm-%%A_%%a.out" % c in sb, sb
    codes = [subprocess.run(["bash", "-c", line], cwd="/").returncode for line in jobs]  # as GNU parallel would
    assert codes == [0, 0, 2, 2], codes
    r = sweep("--collect", c, expect=1)
    assert "4 points, 2 completed, 2 failed" in r.stdout, r.stdout
    assert filecmp.cmp(os.path.join(local, "results.csv"), os.path.join(c, "results.csv"), shallow=False), \
        (open(os.path.join(local, "results.csv")).read(), open(os.path.join(c, "results.csv")).read())
    failed = rows(c)[2]
    assert failed["error"].startswith("exit status 2: invalsim: error: ") and "/home_agents/count" in failed["error"]
    assert "home_agents/count" in open(os.path.join(c, "points", "00002", "stderr.txt")).read()
    # A point the plan does not have is bad usage.
    r = sweep("--out", c, "--run-point", "9", expect=2)
    assert "sweep.json: /points: has no point 9 (it has 4)" in r.stderr, r.stderr


def test_resolved():
    """Each point's folder holds a scenario and config that rerun it alone,
    with identical statistics."""
    out = os.path.join(WORK, "out")
    sweep("--scenario", os.path.join(REPO, "scenarios", "invalidate-region-size-arm64.json"),
          "--param", "scenario.cpus.cpu0.2.len=64KiB,4MiB", "--param", "config.invalidate.mechanism=hha,va-loop",
          "--param", "seed=3", "--out", out, expect=0)
    for d in sorted(glob.glob(os.path.join(out, "points", "*"))):
        scn = json.load(open(os.path.join(d, "scenario", "invalidate-region-size-arm64.json")))
        point = json.load(open(os.path.join(d, "point.json")))
        assert scn["cpus"]["cpu0"][2]["len"] == point["values"]["scenario.cpus.cpu0.2.len"], scn
        assert scn["config"] == "../config.resolved.json" and scn["seed"] == 3
        again = os.path.join(WORK, "again", os.path.basename(d))
        subprocess.run([INVALSIM, "run", "-q", "--scenario", "scenario/invalidate-region-size-arm64.json",
                        "--out", again], cwd=d, check=True)
        assert filecmp.cmp(os.path.join(d, "stats.json"), os.path.join(again, "stats.json"), shallow=False), d
        assert point["reproduce"] == "cd %s && invalsim run --scenario scenario/invalidate-region-size-arm64.json" % d


def slow_point_args(out):
    # A short point, then one of a few seconds: a co-runner running 40 ms.
    return ["--scenario", os.path.join(REPO, "scenarios", "invalidate-region-size-arm64.json"),
            "--param", "scenario.cpus.cpu1.1.duration=1ms,40ms", "--jobs", "1", "--out", out]


def test_progress():
    out = os.path.join(WORK, "plain")
    # Not a terminal: one plain line per point.
    r = sweep(*slow_point_args(out), expect=0)
    lines = r.stderr.splitlines()
    assert lines[0] == "sweep: 2 points, 2 to run", r.stderr
    assert re.fullmatch(r"sweep: 1/2 points done, 0 failed, elapsed \d+:\d\d, ETA \d+:\d\d", lines[1]), lines
    assert re.fullmatch(r"sweep: 2/2 points done, 0 failed, elapsed \d+:\d\d, ETA 0:00", lines[2]), lines
    assert "\r" not in r.stderr
    # A terminal (script gives the sweep one): a bar from 0/2, redrawn every
    # second while the long point runs, ending its line when done.
    cmd = " ".join("'%s'" % a for a in [INVALSIM, "sweep", *slow_point_args(os.path.join(WORK, "tty"))])
    r = subprocess.run(["script", "-qec", cmd, "/dev/null"], capture_output=True, stdin=subprocess.DEVNULL)
    r.stdout = r.stdout.decode()  # not as text: that would turn each \r into \n
    assert r.returncode == 0, (r.returncode, r.stdout)
    bars = re.findall(r"\r\[([#.]{30})\] (\d)/2 points, 0 failed, elapsed (\d+:\d\d), ETA ([-\d:]+)\x1b\[K",
                      r.stdout)
    assert bars[0] == ("." * 30, "0", "0:00", "--:--"), bars
    assert bars[-1] == ("#" * 30, "2", bars[-1][2], "0:00"), bars
    redraws = [b for b in bars if b[1] == "1"]
    assert len(redraws) >= 2 and redraws[-1][2] != redraws[0][2], bars  # the clock moved between points
    assert "2/2 points, 0 failed" in r.stdout and "\x1b[K\r\n" in r.stdout


# One CPU of the minimal config: three quick points, a slow one (seconds),
# a quick one.
INTERRUPTIBLE = ["--scenario", os.path.join(WORK, "generate.json"),
                 "--param", "scenario.cpus.cpu0.1.count=1000,2000,3000,10000000,4000"]


def write_interruptible_scenario():
    write_json(INTERRUPTIBLE[1], {"config": os.path.join(REPO, "configs", "minimal.json"), "cpus": {"cpu0": [
        {"op": "write", "addr": "0x8000_0000", "size": 64, "pattern": "0x11"},
        {"op": "generate", "pattern": "uniform", "base": "0x8000_0000", "footprint": "1MiB", "count": 1000}]}})


def wait_for(cond, what, timeout=120):
    end = time.time() + timeout
    while not cond():
        assert time.time() < end, "timed out waiting for " + what
        time.sleep(0.05)


def point_file(out, i, name):
    return os.path.join(out, "points", "%05d" % i, name)


def point_pid(out, i):
    """The pid of the process running point i, from /proc."""
    needle = os.path.join(out, "points", "%05d" % i).encode()
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            argv = open("/proc/%s/cmdline" % pid, "rb").read().split(b"\0")
        except OSError:
            continue
        if needle in argv and b"--out" in argv:
            return int(pid)
    return None


def start_and_stop_at_point_3(out, stop):
    """Starts a sweep one point at a time; once points 0-2 are done and point
    3 is running, calls stop(sweep process)."""
    p = subprocess.Popen([INVALSIM, "sweep", *INTERRUPTIBLE, "--jobs", "1", "--out", out],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_for(lambda: all(os.path.exists(point_file(out, i, "status.json")) for i in range(3)), "points 0-2")
    wait_for(lambda: point_pid(out, 3) is not None, "point 3 to start")
    time.sleep(0.5)  # into its simulation
    stop(p)
    return p


def assert_finished_points_intact(out, ref, finished):
    for i in finished:
        assert json.load(open(point_file(out, i, "status.json")))["status"] == "ok", i
        assert filecmp.cmp(point_file(out, i, "stats.json"), point_file(ref, i, "stats.json"), shallow=False), i
    leftovers = glob.glob(os.path.join(out, "**", "*.tmp*"), recursive=True)
    assert not leftovers, leftovers


def assert_partial(stats_file, reason):
    stats = json.load(open(stats_file))  # whole: it parses
    assert stats["outcome"]["status"] == "incomplete", stats["outcome"]
    assert stats["incomplete"]["reason"] == reason, stats["incomplete"]
    assert "cpu0" in stats["system"] and "dram0" in stats["system"]
    return stats


def rerun_completes(out, ref, done_before):
    r = sweep(*INTERRUPTIBLE, "--jobs", "2", "--out", out, expect=0)
    assert "%d of 5 points already complete, skipped" % done_before in r.stderr, r.stderr
    for name in ("results.csv", "results.jsonl"):
        assert filecmp.cmp(os.path.join(out, name), os.path.join(ref, name), shallow=False), name


def test_interrupt():
    write_interruptible_scenario()
    ref = os.path.join(WORK, "ref")
    sweep(*INTERRUPTIBLE, "--jobs", "2", "--out", ref, expect=0)

    # Ctrl-C (SIGINT to the sweep): the running point gets it once, writes
    # its partial statistics and is recorded as failed; the tables list it
    # without them.
    a = os.path.join(WORK, "sigint")
    p = start_and_stop_at_point_3(a, lambda p: p.send_signal(signal.SIGINT))
    out, err = p.communicate(timeout=120)
    assert p.returncode == 128 + signal.SIGINT, (p.returncode, out, err)
    assert "sweep: interrupted; finished points are kept" in err, err
    assert_finished_points_intact(a, ref, range(3))
    assert "interrupted" in json.load(open(point_file(a, 3, "status.json")))["error"]
    assert_partial(point_file(a, 3, "stats.json"), "interrupted by SIGINT")
    assert not os.path.exists(point_file(a, 4, "point.json"))  # never started
    table = rows(a)
    assert [t["status"] for t in table] == ["ok", "ok", "ok", "failed", "failed"], table
    assert table[3]["system.cpu0.loads"] == "" and table[0]["system.cpu0.loads"] != ""
    rerun_completes(a, ref, 3)

    # kill -9 of the sweep: the running point is sent SIGTERM (its parent
    # died), writes its partial statistics and stops; the re-run redoes it.
    b = os.path.join(WORK, "kill9")
    p = start_and_stop_at_point_3(b, lambda p: p.kill())
    p.communicate(timeout=60)
    wait_for(lambda: os.path.exists(point_file(b, 3, "stats.json")), "point 3's partial stats")
    wait_for(lambda: point_pid(b, 3) is None, "point 3 to end")
    assert_finished_points_intact(b, ref, range(3))
    assert_partial(point_file(b, 3, "stats.json"), "interrupted by SIGTERM")
    assert not os.path.exists(point_file(b, 3, "status.json"))
    rerun_completes(b, ref, 3)

    # A point that crashes (SIGSEGV): recorded as failed, the sweep goes on.
    # In the sanitized build AddressSanitizer catches the SIGSEGV, reports
    # it and aborts (tools/test-sanitized sets abort_on_error=1): the point
    # dies of SIGABRT instead.
    c = os.path.join(WORK, "crash")
    p = start_and_stop_at_point_3(c, lambda p: os.kill(point_pid(c, 3), signal.SIGSEGV))
    out, err = p.communicate(timeout=120)
    assert p.returncode == 1 and "5 points, 4 completed, 1 failed" in out, (p.returncode, out, err)
    assert_finished_points_intact(c, ref, [0, 1, 2, 4])
    died_of = signal.SIGABRT if b"__asan_init" in open(INVALSIM, "rb").read() else signal.SIGSEGV
    error = json.load(open(point_file(c, 3, "status.json")))["error"]
    assert "killed by signal %d" % died_of in error, error
    rerun_completes(c, ref, 4)

    # `invalsim run` stopped by SIGINT or SIGTERM: exit 128 + signal, a whole
    # stats.json marked incomplete, the other result files too.
    for sig in (signal.SIGINT, signal.SIGTERM):
        d = os.path.join(WORK, "run-" + signal.Signals(sig).name)
        p = subprocess.Popen([INVALSIM, "run", "--scenario", INTERRUPTIBLE[1],
                              "--scenario-set", "cpus.cpu0.1.count=1000000000", "--out", d],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(3.0)  # well into the simulation
        p.send_signal(sig)
        out, err = p.communicate(timeout=60)
        name = signal.Signals(sig).name
        assert p.returncode == 128 + sig, (p.returncode, out, err)
        assert "INCOMPLETE: interrupted by " + name in out, out
        stats = assert_partial(os.path.join(d, "stats.json"), "interrupted by " + name)
        assert stats["simulated_time_ns"] > 0 and stats["system"]["cpu0"]["loads"] > 0, stats["system"]["cpu0"]
        assert json.load(open(os.path.join(d, "host.json")))["host_seconds"] > 0
        assert json.load(open(os.path.join(d, "config.resolved.json")))["name"] == "minimal"
        assert not glob.glob(os.path.join(d, "*.tmp*"))


def plot(results, *args):
    r = subprocess.run([PYTHON, os.path.join(REPO, "tools", "plot-sweep"), results, *args],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return r.stdout.split()


def svg_text(path):
    return open(path).read()


def test_plots():
    flows, corun, poll = (os.path.join(WORK, n) for n in ("flows", "corun", "poll"))
    sweeps = os.path.join(REPO, "sweeps")
    sweep(os.path.join(sweeps, "flows-arm64.json"), "--jobs", "2", "--out", flows, expect=0)
    sweep(os.path.join(sweeps, "corun-arm64.json"), "--jobs", "2", "--out", corun, expect=0)
    sweep(os.path.join(sweeps, "poll-interval-arm64.json"), "--jobs", "2", "--out", poll, expect=0)
    made = plot(flows, "--out", os.path.join(WORK, "f-flows")) + plot(corun, "--out", os.path.join(WORK, "f-corun"))
    names = sorted(os.path.relpath(m, WORK) for m in made)
    assert names == ["f-corun/corun.png", "f-corun/corun.svg", "f-corun/latency.png", "f-corun/latency.svg",
                     "f-flows/coherence.png", "f-flows/coherence.svg"], names
    for m in made:
        assert os.path.getsize(m) > 5000, m
    coh = svg_text(os.path.join(WORK, "f-flows", "coherence.svg"))
    for text in ("flow variant (scenario)", "arm64-sanitize-missing", "stale reads", "count (cache lines)"):
        assert text in coh, text
    lat = svg_text(os.path.join(WORK, "f-corun", "latency.svg"))
    # Log axes of times carry their unit on every tick.
    for text in ("region size", ">invalidate latency</text>", ">10 us</text>", ">1 ms</text>", "mechanism=va-loop",
                 "64 MiB", "arm64-hha"):
        assert text in lat, text
    assert "(bytes)" not in lat
    cor = svg_text(os.path.join(WORK, "f-corun", "corun.svg"))
    assert "during the call, p999" in cor and "after the call, p50" in cor and "load latency</text>" in cor
    assert ">100 ns</text>" in cor
    # A time on the x axis, in its unit, legends in numeric order.
    made = plot(poll, "--out", os.path.join(WORK, "f-poll"))
    svg = svg_text(os.path.join(WORK, "f-poll", "latency.svg"))
    assert "poll interval (us)" in svg and "(bytes)" not in svg, "x label"
    assert svg.index("region size=64KiB") < svg.index("region size=16MiB")
    # --metric names its own figure, label and scale.
    made = plot(poll, "--out", os.path.join(WORK, "f-poll"), "--metric", "system.memregion.records.0.polls")
    assert [os.path.basename(m) for m in made][:2] == ["system-memregion-records-0-polls.png",
                                                       "system-memregion-records-0-polls.svg"], made
    svg = svg_text(made[1])
    assert ">polls</text>" in svg, "y label"
    assert "system.memregion.records.0.polls on arm64-hha" in svg and "invalidate latency" not in svg
    # Legends sort numerically: 10us before 100us.
    made = plot(poll, "--out", os.path.join(WORK, "f-poll2"), "--x", "scenario.cpus.cpu0.2.len")
    svg = svg_text(made[1])
    assert svg.index("poll interval=10us") < svg.index("poll interval=100us") < svg.index("poll interval=1ms")
    # The report lists every point with its figures.
    subprocess.run([PYTHON, os.path.join(REPO, "tools", "report-sweep"), flows], check=True, capture_output=True)
    report = open(os.path.join(flows, "report.md")).read()
    assert "![coherence](figures/coherence.png)" in report and report.count("| ok |") == 12, report


REGION = os.path.join(REPO, "scenarios", "invalidate-region-size-arm64.json")
SHARED_PARAMS = ["--param", "scenario.cpus.cpu0.2.len=64KiB,16MiB",
                 "--param", "config.invalidate.mechanism=hha,wbinvd",
                 "--param", "scenario.cpus.cpu2.1.read_fraction=1.0,0.5",  # after the barrier: shared
                 "--param", "scenario.cpus.cpu0.0.size=8MiB,4MiB"]         # before it: not shared


def same_stats(a, b):
    for d in sorted(glob.glob(os.path.join(a, "points", "*"))):
        other = os.path.join(b, "points", os.path.basename(d))
        for f in ("stats.json", "config.resolved.json"):
            assert filecmp.cmp(os.path.join(d, f), os.path.join(other, f), shallow=False), (d, f)


def shared_starts(out):
    """point folder -> its host.json "shared_start" note."""
    return {d: json.load(open(os.path.join(d, "host.json"))).get("shared_start")
            for d in sorted(glob.glob(os.path.join(out, "points", "*")))}


def test_shared():
    alone, shared = os.path.join(WORK, "alone"), os.path.join(WORK, "shared")
    sweep("--scenario", REGION, *SHARED_PARAMS, "--out", alone, "--jobs", "2", expect=0)
    sweep("--scenario", REGION, *SHARED_PARAMS, "--out", shared, "--jobs", "2", "--fork-at", "start", expect=0)
    same_stats(alone, shared)
    notes = shared_starts(shared)
    assert len(notes) == 16, notes
    leaders = {d: n for d, n in notes.items() if "forked" in n}
    # mechanism x the pre-barrier size: 4 groups; len x read_fraction: 4 points each
    assert len(leaders) == 4 and all(n["forked"] == 3 for n in leaders.values()), leaders
    for d, n in notes.items():
        assert n["barrier"] == "start", n
        if d in leaders:
            continue
        lead = json.load(open(os.path.join(n["forked_from"], "point.json")))["values"]
        mine = json.load(open(os.path.join(d, "point.json")))["values"]
        for key in ("config.invalidate.mechanism", "scenario.cpus.cpu0.0.size"):
            assert lead[key] == mine[key], (d, lead, mine)
    for s in sorted(glob.glob(os.path.join(shared, "points", "*", "status.json"))):
        assert json.load(open(s))["status"] == "ok", s

    # the same from a spec file's "fork_at"
    spec = write_json(os.path.join(WORK, "spec.json"), {
        "scenario": REGION, "fork_at": "start",
        "parameters": {"scenario.cpus.cpu0.2.len": ["64KiB", "16MiB"], "config.invalidate.mechanism": ["hha", "wbinvd"]}})
    from_spec = os.path.join(WORK, "from-spec")
    sweep(spec, "--out", from_spec, expect=0)
    assert sum("forked_from" in n for n in shared_starts(from_spec).values()) == 2
    r = sweep(spec, "--emit", "slurm", os.path.join(WORK, "spec-emit"), expect=0)
    assert "fork_at does not apply to emitted jobs" in r.stderr, r.stderr

    # validate: the golden model's state is shared as well
    va, vs = os.path.join(WORK, "check-alone"), os.path.join(WORK, "check-shared")
    params = ["--param", "scenario.cpus.cpu0.2.len=64KiB,16MiB", "--param", "config.invalidate.mechanism=hha,va-loop"]
    sweep("--scenario", REGION, *params, "--check", "--out", va, expect=0)
    sweep("--scenario", REGION, *params, "--check", "--out", vs, "--fork-at", "start", expect=0)
    same_stats(va, vs)
    assert "coherence" in json.load(open(os.path.join(vs, "points", "00001", "stats.json")))

    # a point with a bad value fails as it does alone, also when it is the
    # one that would have run the group; the others go on
    params = ["--param", "scenario.cpus.cpu0.2.len=oops,64KiB,16MiB"]
    ba, bs = os.path.join(WORK, "badval-alone"), os.path.join(WORK, "badval-shared")
    sweep("--scenario", REGION, *params, "--out", ba, expect=1)
    sweep("--scenario", REGION, *params, "--out", bs, "--fork-at", "start", expect=1)
    statuses = [[json.load(open(point_file(o, i, "status.json"))) for i in range(3)] for o in (ba, bs)]
    assert [s["status"] for s in statuses[1]] == ["failed", "ok", "ok"], statuses
    assert statuses[0] == statuses[1], statuses
    for i in (1, 2):
        assert filecmp.cmp(point_file(ba, i, "stats.json"), point_file(bs, i, "stats.json"), shallow=False), i

    # a run that stops before the barrier: each point then runs and fails
    # on its own, with its own error
    bad = write_json(os.path.join(WORK, "bad.json"), {
        "config": os.path.join(REPO, "configs", "arm64-hha.json"),
        "cpus": {"cpu0": [{"op": "read", "addr": "0x7fff_0000_0000", "size": 8},
                          {"op": "barrier", "name": "start"},
                          {"op": "invalidate", "start": "0x0", "len": "4KiB"}]}})
    out = os.path.join(WORK, "bad")
    sweep("--scenario", bad, "--param", "scenario.cpus.cpu0.2.len=4KiB,8KiB,16KiB", "--out", out,
          "--fork-at", "start", expect=1)
    st = [json.load(open(f)) for f in sorted(glob.glob(os.path.join(out, "points", "*", "status.json")))]
    assert [s["status"] for s in st] == ["failed"] * 3, st
    assert all(s["exit_code"] == 2 and "0x7fff00000000" in s["error"] for s in st), st

    # SIGINT while a forked copy runs: the copy stops with its statistics
    # marked, so does the run it forked from, the next copy is recorded as
    # not run;
    # the same command then completes all three
    slow = os.path.join(WORK, "slow")
    durations = ["--param", "scenario.cpus.cpu1.1.duration=1ms,40ms,2ms"]
    p = subprocess.Popen([INVALSIM, "sweep", "--scenario", REGION, "--out", slow, "--jobs", "1", "--fork-at", "start",
                          *durations], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wait_for(lambda: os.path.exists(point_file(slow, 1, "stdout.txt")), "the forked copy of point 1")
    time.sleep(0.3)
    p.send_signal(signal.SIGINT)
    _, err = p.communicate(timeout=120)
    assert p.returncode == 128 + signal.SIGINT, (p.returncode, err)
    st = [json.load(open(point_file(slow, i, "status.json"))) for i in range(3)]
    assert [s["status"] for s in st] == ["failed"] * 3, st
    assert_partial(point_file(slow, 1, "stats.json"), "interrupted by SIGINT")
    assert_partial(point_file(slow, 0, "stats.json"), "interrupted by SIGINT")
    assert "not run: the sweep was stopped" in st[2]["error"], st
    sweep("--scenario", REGION, "--out", slow, "--jobs", "1", "--fork-at", "start", *durations, expect=0)
    alone = os.path.join(WORK, "slow-alone")
    sweep("--scenario", REGION, "--out", alone, "--jobs", "2", *durations, expect=0)
    same_stats(alone, slow)

    expect_error(["--scenario", REGION, "--param", "scenario.cpus.cpu0.2.len=4KiB,8KiB", "--fork-at", "nope",
                  "--out", os.path.join(WORK, "nope")], "no CPU waits at a barrier named \"nope\"")
    expect_error(["--scenario", REGION, "--param", "scenario.cpus.cpu0.2.len=4KiB,8KiB", "--fork-at", "start",
                  "--emit", "slurm", os.path.join(WORK, "emit")], "--fork-at", "--emit")


def main():
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    globals()["test_" + GROUP]()
    print("sweep %s test ok" % GROUP)
    return 0


if __name__ == "__main__":
    sys.exit(main())
