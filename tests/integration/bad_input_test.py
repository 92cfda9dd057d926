#!/usr/bin/python3
"""One row of impossible_inputs.json through the binary:

    bad_input_test.py INVALSIM REPO WORKDIR CASE

`invalsim run` must exit with status 2 before simulating anything (no
stats.json written), and print "FILE: POINTER: MESSAGE" for the row.
With CASE --catalogue: every case is listed in docs/errors.md.
"""
import json
import os
import shutil
import subprocess
import sys

INVALSIM, REPO, WORK, CASE = sys.argv[1:5]


def subst(text, scenario):
    return text.replace("@REPO@", REPO).replace("@SCENARIO@", scenario)


def main():
    table = json.load(open(os.path.join(REPO, "tests", "integration", "impossible_inputs.json")))
    if CASE == "--catalogue":
        doc = open(os.path.join(REPO, "docs", "errors.md")).read()
        missing = [r["case"] for r in table["rows"] if "| `%s` |" % r["case"] not in doc]
        print("docs/errors.md lacks: %s" % missing if missing else "every case is in docs/errors.md")
        return 1 if missing else 0
    row = next(r for r in table["rows"] if r["case"] == CASE)
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    scenario = os.path.join(WORK, CASE + ".json")
    args = [INVALSIM, "run", "--out", os.path.join(WORK, "out")]
    if "scenario" in row:
        with open(scenario, "w") as f:
            f.write(subst(json.dumps(row["scenario"], indent=1), scenario))
        args += ["--scenario", scenario]
    if "config" in row:
        args += ["--config", subst(row["config"], scenario)]
    for s in row.get("set", []):
        args += ["--set", s]
    for s in row.get("scenario_set", []):
        args += ["--scenario-set", s]
    r = subprocess.run(args, capture_output=True, text=True)
    want = "%s: %s: " % (subst(row["file"], scenario), row["pointer"])
    lines = [l for l in r.stderr.splitlines() if want in l and row["message"] in l]
    ok = r.returncode == 2 and lines and not os.path.exists(os.path.join(WORK, "out", "stats.json"))
    if not ok:
        print("exit status %d (expected 2); stderr lacks a line with %r and %r" % (r.returncode, want, row["message"]))
        print("--- command:", " ".join(args))
        print("--- stderr:\n" + r.stderr)
        return 1
    print("rejected:", lines[0])
    return 0


if __name__ == "__main__":
    sys.exit(main())
