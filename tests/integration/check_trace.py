#!/usr/bin/python3
"""Checks a timeline written by `invalsim run --trace`: valid Chrome trace-event
JSON with named tracks and the spans the scenario must produce.

    check_trace.py TRACE.json TRACK:SPAN_NAME ...
"""
import json
import sys


def main():
    doc = json.load(open(sys.argv[1]))
    events = doc["traceEvents"]
    names = {(e["pid"], e["tid"]): e["args"]["name"] for e in events if e.get("name") == "thread_name"}
    spans = set()
    for e in events:
        if e["ph"] == "X":
            assert e["dur"] >= 0, e
            spans.add((names[(e["pid"], e["tid"])], e["name"]))
        elif e["ph"] == "i":
            spans.add((names[(e["pid"], e["tid"])], e["name"]))
    missing = [w for w in sys.argv[2:] if tuple(w.split(":", 1)) not in spans]
    if missing:
        print("missing from the trace:", missing)
        print("present:", sorted(spans))
        return 1
    print("trace ok: %d events" % len(events))
    return 0


if __name__ == "__main__":
    sys.exit(main())
