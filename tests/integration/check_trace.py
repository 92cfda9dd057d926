#!/usr/bin/python3
"""Checks a timeline written by `invalsim run --trace`: valid Chrome trace-event
JSON with named tracks, the spans the scenario must produce, spans on each
track that nest (a span starting inside another ends inside it too), and
optional placement checks.

    check_trace.py TRACE.json [--expect EXPR ...] TRACK:SPAN_NAME ...

EXPR is a Python expression over S(track, name, k=0), the k-th span of that
name on that track in time order, with .start, .end and .dur in microseconds;
N(track, name) counts them. Example: "S('ha1','wbinv').start >= S('ha0','done').end".
"""
import json
import sys

EPS = 1e-6  # us; the trace holds picosecond values printed as microseconds


class Span:
    def __init__(self, e):
        self.start = e["ts"]
        self.dur = e["dur"]
        self.end = e["ts"] + e["dur"]
        self.name = e["name"]

    def __repr__(self):
        return "%s[%.6f, %.6f]" % (self.name, self.start, self.end)


def nesting_errors(by_track):
    errors = []
    for track, spans in by_track.items():
        stack = []
        for s in sorted(spans, key=lambda s: (s.start, -s.dur)):
            while stack and s.start >= stack[-1].end - EPS:
                stack.pop()
            if stack and s.end > stack[-1].end + EPS:
                errors.append("%s: %r overlaps %r without nesting" % (track, s, stack[-1]))
            stack.append(s)
    return errors


def main():
    args = sys.argv[2:]
    expects = []
    wanted = []
    while args:
        a = args.pop(0)
        if a == "--expect":
            expects.append(args.pop(0))
        else:
            wanted.append(a)
    doc = json.load(open(sys.argv[1]))
    events = doc["traceEvents"]
    names = {(e["pid"], e["tid"]): e["args"]["name"] for e in events if e.get("name") == "thread_name"}
    present = set()
    by_track = {}
    for e in events:
        if e["ph"] == "X":
            assert e["dur"] >= 0, e
            track = names[(e["pid"], e["tid"])]
            present.add((track, e["name"]))
            by_track.setdefault(track, []).append(Span(e))
        elif e["ph"] == "i":
            present.add((names[(e["pid"], e["tid"])], e["name"]))
    failed = False
    missing = [w for w in wanted if tuple(w.split(":", 1)) not in present]
    if missing:
        print("missing from the trace:", missing)
        print("present:", sorted(present))
        failed = True
    for err in nesting_errors(by_track):
        print(err)
        failed = True

    def spans_of(track, name):
        return sorted((s for s in by_track.get(track, []) if s.name == name), key=lambda s: s.start)

    def S(track, name, k=0):
        found = spans_of(track, name)
        if k >= len(found):
            raise LookupError("no span %d named %r on %s" % (k, name, track))
        return found[k]

    def N(track, name):
        return len(spans_of(track, name))

    for x in expects:
        try:
            ok = eval(x, {"S": S, "N": N, "EPS": EPS})
        except LookupError as err:
            print("FAILED %s: %s" % (x, err))
            failed = True
            continue
        if not ok:
            print("FAILED", x)
            failed = True
    if failed:
        return 1
    print("trace ok: %d events" % len(events))
    return 0


if __name__ == "__main__":
    sys.exit(main())
