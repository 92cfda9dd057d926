"""Figures of an `invalsim sweep` results folder (used by tools/plot-sweep and
tools/report-sweep). Reads the tidy results.csv; results.jsonl only for the
configs' names. Needs Debian's python3-matplotlib."""
import csv
import json
import math
import os
import re

import matplotlib

matplotlib.use("Agg")
# Text stays text in SVGs: searchable, and smaller.
matplotlib.rcParams["svg.fonttype"] = "none"
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import FuncFormatter, LogLocator  # noqa: E402

SIZE_UNITS = {"B": 1, "KiB": 1 << 10, "MiB": 1 << 20, "GiB": 1 << 30, "TiB": 1 << 40, "PiB": 1 << 50}
TIME_UNITS = {"ps": 1e-12, "ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}
LATENCY = "system.memregion.records.0.latency_ns"
# Friendly names of metrics; others are named from their path.
METRIC_NAMES = {LATENCY: "invalidate latency"}
# Leaves too generic to name a parameter alone: the parent joins them.
GENERIC_LEAVES = {"size", "count", "mode", "name", "type", "enabled", "bytes", "latency"}


class Sweep:
    """A results folder: its swept parameters and one dict per CSV row."""

    def __init__(self, results):
        self.results = results
        with open(os.path.join(results, "sweep.json")) as f:
            self.params = json.load(f)["parameters"]
        with open(os.path.join(results, "results.csv"), newline="") as f:
            self.rows = list(csv.DictReader(f))
        self.names = param_names(self.params)

    def ran(self):
        """Rows of the points that ran to the end."""
        return [r for r in self.rows if r["status"] != "failed"]

    def configs(self):
        names = set()
        path = os.path.join(self.results, "results.jsonl")
        if os.path.exists(path):
            for line in open(path):
                if line.strip():
                    stats = json.loads(line).get("stats") or {}
                    if stats.get("config"):
                        names.add(stats["config"])
        return ", ".join(sorted(names)) or "?"


# --- values and units ---------------------------------------------------------

def parse_value(v):
    """(kind, number) of a swept value: ("size", bytes), ("time", seconds),
    ("number", x) or (None, None) for anything else (names, files)."""
    s = str(v).strip()
    try:
        return "number", float(s)
    except ValueError:
        pass
    m = re.fullmatch(r"([0-9.]+)\s*([A-Za-z]+)", s)
    if m:
        if m.group(2) in SIZE_UNITS:
            return "size", float(m.group(1)) * SIZE_UNITS[m.group(2)]
        if m.group(2) in TIME_UNITS:
            return "time", float(m.group(1)) * TIME_UNITS[m.group(2)]
    return None, None


def kind_of(values):
    """The kind shared by all values, or None."""
    kinds = {parse_value(v)[0] for v in values}
    return kinds.pop() if len(kinds) == 1 else None


def number(v):
    return parse_value(v)[1]


def metric(row, path):
    v = row.get(path, "")
    try:
        return float(v)
    except ValueError:
        return None


def short(v):
    """A value for a label: a file by its name without .json."""
    s = str(v)
    return os.path.basename(s)[:-5] if s.endswith(".json") else s


def sort_key(v, order=None):
    """Numbers (sizes, times) in numeric order; other values (names, files)
    after them, in the order the sweep lists them (`order`: value -> rank)."""
    n = number(v)
    if n is not None:
        return (0, n, "")
    return (1, (order or {}).get(v, 0), str(v))


def time_unit(seconds):
    """The unit ("ns", "us", "ms", "s") that shows `seconds` best."""
    for unit in ("s", "ms", "us"):
        if seconds >= TIME_UNITS[unit]:
            return unit
    return "ns"


def size_label(v, _=None):
    for unit in ("PiB", "TiB", "GiB", "MiB", "KiB"):
        if v >= SIZE_UNITS[unit]:
            return "%g %s" % (v / SIZE_UNITS[unit], unit)
    return "%g B" % v


# --- names --------------------------------------------------------------------

def param_names(params):
    """Short, unambiguous names of swept parameters: the last part of the
    path, with its parent when the last part is generic ("slc size") or
    shared with another parameter."""
    def parts(p):
        return [x for x in p.split(".") if not x.isdigit()]

    def name(p, depth):
        if p in ("scenario", "config", "seed"):
            return p
        if parts(p)[-1] == "len" and p.startswith("scenario."):
            return "region size"
        return " ".join(parts(p)[-depth:]).replace("_", " ")

    depth = {p: 2 if parts(p)[-1] in GENERIC_LEAVES and len(parts(p)) > 2 else 1 for p in params}
    while True:
        names = {p: name(p, depth[p]) for p in params}
        clash = [p for p in params if list(names.values()).count(names[p]) > 1 and depth[p] < len(parts(p)) - 1]
        if not clash:
            return names
        for p in clash:
            depth[p] += 1


def metric_name(path):
    """A metric's name on an axis: its last part without the unit suffix."""
    if path in METRIC_NAMES:
        return METRIC_NAMES[path]
    return re.sub(r"_(ns|ps|us|bytes)$", "", path.split(".")[-1]).replace("_", " ")


# --- axes ---------------------------------------------------------------------

def data_ticks(ax, xs, fmt, most=12):
    """Ticks at the swept values when there are few enough to read, else
    at powers of 2**k spaced to give at most `most`."""
    from matplotlib.ticker import FixedLocator, NullLocator

    vals = sorted(set(xs))
    if len(vals) <= most:
        ax.xaxis.set_major_locator(FixedLocator(vals))
    else:
        span = math.log2(max(vals) / min(vals))
        ax.xaxis.set_major_locator(LogLocator(base=2 ** max(1, math.ceil(span / most)), numticks=100))
    ax.xaxis.set_minor_locator(NullLocator())
    ax.xaxis.set_major_formatter(FuncFormatter(fmt))


def set_x_axis(ax, name, kind, xs, most=12):
    """Scale, ticks and label for the x axis, by the kind of its values.
    Returns the function that maps a value (bytes, seconds) to the axis."""
    wide = min(xs) > 0 and max(xs) / min(xs) >= 16
    if kind == "size":
        ax.set_xscale("log", base=2)
        data_ticks(ax, xs, size_label, most)
        ax.tick_params(axis="x", labelrotation=45)
        ax.set_xlabel(name)
        return lambda x: x
    if kind == "time":
        unit = time_unit(min(xs))
        scale = TIME_UNITS[unit]
        if wide:
            ax.set_xscale("log")
            data_ticks(ax, [x / scale for x in xs], lambda v, _: "%g" % v, most)
        ax.set_xlabel("%s (%s)" % (name, unit))
        return lambda x: x / scale
    if wide:
        ax.set_xscale("log", base=2)
        data_ticks(ax, xs, lambda v, _: "%g" % v, most)
    ax.set_xlabel(name)
    return lambda x: x


def time_label(ns, _=None):
    """A tick of a time axis kept in ns: "100 ns", "10 us", "1.5 ms"."""
    for unit in ("s", "ms", "us"):
        if ns >= TIME_UNITS[unit] / 1e-9:
            return "%g %s" % (ns * 1e-9 / TIME_UNITS[unit], unit)
    return "%g ns" % ns


def set_y_axis(ax, path, name, ys):
    """Scale, ticks and label of a metric's axis. Values that span more than
    a factor of 20 go on a log axis; times (`_ns`) are labelled in units on
    each tick when logarithmic, else in the one unit that fits them. Returns
    the divisor to apply to the values."""
    pos = [y for y in ys if y > 0]
    wide = pos and len(pos) == len(ys) and max(pos) / min(pos) >= 20
    if wide:
        ax.set_yscale("log")
    if path.endswith("_ns") and wide:
        ax.yaxis.set_major_formatter(FuncFormatter(time_label))
        ax.set_ylabel(name)
        return 1
    if path.endswith("_ns"):
        unit = time_unit(max(ys) * 1e-9)
        ax.set_ylabel("%s (%s)" % (name, unit))
        return TIME_UNITS[unit] / 1e-9
    ax.set_ylabel(name + (" (bytes)" if path.endswith("_bytes") else ""))
    return 1


# --- figures ------------------------------------------------------------------

def save(fig, out, name):
    os.makedirs(out, exist_ok=True)
    paths = []
    for ext in ("png", "svg"):
        path = os.path.join(out, "%s.%s" % (name, ext))
        fig.savefig(path, dpi=110, bbox_inches="tight")
        paths.append(path)
    plt.close(fig)
    return paths


def pick_x(sweep, rows):
    """The numeric (size, time, number) parameter with the most values; a
    size wins a tie, sizes being what these sweeps mostly span."""
    numeric = [p for p in sweep.params if len({r[p] for r in rows}) > 1 and kind_of({r[p] for r in rows})]
    if not numeric:
        return None
    return max(numeric, key=lambda p: (len({r[p] for r in rows}), kind_of({r[p] for r in rows}) == "size"))


def first_seen(sweep, p):
    """Each value of parameter p -> its rank in the sweep (its spec order)."""
    order = {}
    for r in sweep.rows:
        order.setdefault(r[p], len(order))
    return order


def series(sweep, rows, x):
    """(label, rows) per combination of the parameters other than x, in
    numeric order of their values."""
    others = [p for p in sweep.params if p != x and len({r[p] for r in rows}) > 1]
    groups = {}
    for r in rows:
        groups.setdefault(tuple(r[p] for p in others), []).append(r)
    out = []
    order = {p: first_seen(sweep, p) for p in others}
    for key in sorted(groups, key=lambda k: [sort_key(v, order[p]) for p, v in zip(others, k)]):
        label = ", ".join("%s=%s" % (sweep.names[p], short(v)) for p, v in zip(others, key)) or "all points"
        out.append((label, groups[key]))
    return out


def line_figure(sweep, out, x=None, path=LATENCY, title=None, name=None):
    """A metric against a numeric parameter, one line per combination of the
    others."""
    rows = [r for r in sweep.ran() if metric(r, path) is not None]
    x = x or pick_x(sweep, rows)
    if not rows or x is None:
        return []
    kind = kind_of({r[x] for r in rows})
    if kind is None:
        raise SystemExit("plot-sweep: --x %s has values that are not numbers, sizes or times" % x)
    fig, ax = plt.subplots(figsize=(7.5, 4.8))
    xs = [number(r[x]) for r in rows]
    to_x = set_x_axis(ax, sweep.names[x], kind, xs)
    div = set_y_axis(ax, path, metric_name(path), [metric(r, path) for r in rows])
    for label, pts in series(sweep, rows, x):
        xy = sorted((number(r[x]), metric(r, path) / div) for r in pts)
        ax.plot([to_x(a) for a, _ in xy], [b for _, b in xy], marker="o", markersize=3, label=label)
    default = ("cpu_cache_invalidate_memregion latency on %s" if path == LATENCY else
               path + " on %s") % sweep.configs()
    ax.set_title(title or default)
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=7, title=None)
    return save(fig, out, name or ("latency" if path == LATENCY else re.sub(r"[^A-Za-z0-9_]+", "-", path)))


def point_label(sweep, r):
    varied = [p for p in sweep.params if len({row[p] for row in sweep.rows}) > 1] or sweep.params
    return ", ".join(short(r[p]) for p in varied)


def coherence_figure(sweep, out, title=None):
    """Stale reads and resurrected write-backs of every point (a flow
    variant when the sweep runs over scenario files with --check)."""
    rows = [r for r in sweep.ran() if metric(r, "coherence.stale_reads") is not None]
    if not rows:
        return []
    stale = [metric(r, "coherence.stale_reads") for r in rows]
    res = [metric(r, "coherence.resurrections") or 0 for r in rows]
    fig, ax = plt.subplots(figsize=(max(6, 0.45 * len(rows) + 2), 4.8))
    idx = list(range(len(rows)))
    for offset, vals, label in ((-0.2, stale, "stale reads"), (0.2, res, "resurrected write-backs")):
        bars = ax.bar([i + offset for i in idx], vals, width=0.4, label=label)
        ax.bar_label(bars, labels=["%d" % v for v in vals], fontsize=6, padding=1)
    ax.set_xticks(idx)
    ax.set_xticklabels([point_label(sweep, r) for r in rows], rotation=60, ha="right", fontsize=7)
    varied = [p for p in sweep.params if len({r[p] for r in sweep.rows}) > 1] or sweep.params
    what = " / ".join(sweep.names[p] for p in varied)
    ax.set_xlabel("flow variant (%s)" % what if varied == ["scenario"] else what)
    ax.set_ylabel("count (cache lines)")
    ax.set_ylim(0, max(stale + res + [1]) * 1.12)
    ax.set_title(title or "stale reads and resurrected write-backs per flow variant\non %s" % sweep.configs())
    ax.grid(True, axis="y", alpha=0.3)
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return save(fig, out, "coherence")


def corun_figure(sweep, out, x=None, record=0, title=None):
    """One panel per combination of the other parameters: p50/p99/p999 of the
    co-running CPUs' loads during the call (solid) and after it (dashed)."""
    base = "system.memregion.records.%d." % record
    rows = [r for r in sweep.ran() if metric(r, base + "corun_during.loads")]
    x = x or pick_x(sweep, rows)
    if not rows or x is None or kind_of({r[x] for r in rows}) is None:
        return []
    groups = series(sweep, rows, x)
    paths = [base + "%s.%s_ns" % (w, q) for w in ("corun_during", "corun_after") for q in ("p50", "p99", "p999")]
    ys = [metric(r, p) for r in rows for p in paths if metric(r, p)]
    fig, axes = plt.subplots(1, len(groups), figsize=(4.4 * len(groups), 4.4), sharey=True, squeeze=False)
    colors = {"p50": "tab:blue", "p99": "tab:orange", "p999": "tab:red"}
    for ax, (label, pts) in zip(axes[0], groups):
        to_x = set_x_axis(ax, sweep.names[x], kind_of({r[x] for r in rows}), [number(r[x]) for r in rows], most=6)
        for window, style in (("corun_during", "-"), ("corun_after", "--")):
            for q in ("p50", "p99", "p999"):
                xy = sorted((number(r[x]), metric(r, base + "%s.%s_ns" % (window, q))) for r in pts)
                xy = [(a, b) for a, b in xy if b]
                if xy:
                    ax.plot([to_x(a) for a, _ in xy], [b for _, b in xy], style, color=colors[q], marker=".",
                            label="%s the call, %s" % (window.split("_")[1], q))
        ax.set_title(label, fontsize=9)
        ax.grid(True, which="both", alpha=0.3)
    set_y_axis(axes[0][0], "_ns", "co-running CPUs' load latency", ys)
    handles, labels = axes[0][0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=6, fontsize=8, bbox_to_anchor=(0.5, -0.16))
    fig.suptitle(title or "co-running CPUs' load latency during and after the invalidate, %s" % sweep.configs())
    return save(fig, out, "corun")


def all_figures(results, out, x=None, metric_path=None, title=None):
    sweep = Sweep(results)
    made = line_figure(sweep, out, x=x, path=metric_path or LATENCY, title=title)
    made += coherence_figure(sweep, out)
    made += corun_figure(sweep, out, x=x)
    return made
