"""Figures of an `invalsim sweep` results folder (used by tools/plot-sweep and
tools/report-sweep). Needs Debian's python3-matplotlib."""
import json
import os
import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

UNITS = {"B": 1, "KiB": 1 << 10, "MiB": 1 << 20, "GiB": 1 << 30, "TiB": 1 << 40, "PiB": 1 << 50}


def load(results):
    """The sweep's parameters and its points (values, status, stats)."""
    plan = json.load(open(os.path.join(results, "sweep.json")))
    points = [json.loads(line) for line in open(os.path.join(results, "results.jsonl")) if line.strip()]
    return plan["parameters"], points


def as_number(v):
    """A swept value as a number: sizes in bytes, numbers as they are."""
    if isinstance(v, (int, float)):
        return float(v)
    m = re.fullmatch(r"\s*([0-9.]+)\s*([KMGTP]?i?B)\s*", str(v))
    if m and m.group(2) in UNITS:
        return float(m.group(1)) * UNITS[m.group(2)]
    return None


def get(stats, path):
    node = stats
    for part in path.split("."):
        if isinstance(node, list):
            if not part.isdigit() or int(part) >= len(node):
                return None
            node = node[int(part)]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            return None
    return node


def short(v):
    s = str(v)
    return os.path.basename(s)[:-5] if s.endswith(".json") else s


def numeric_param(params, points):
    """The x axis: the swept size with the most values (sizes are what sweeps
    span), else the numeric parameter with the most values."""
    numeric = [p for p in params if all(as_number(pt["values"][p]) is not None for pt in points)]
    sizes = [p for p in numeric if all(isinstance(pt["values"][p], str) for pt in points)]
    candidates = sizes or numeric
    if not candidates:
        return None
    return max(candidates, key=lambda p: len({str(pt["values"][p]) for pt in points}))


def configs(points):
    return ", ".join(sorted({pt["stats"]["config"] for pt in points if pt.get("stats")}))


def series(params, points, x):
    """Points grouped by every swept parameter but x."""
    others = [p for p in params if p != x]
    groups = {}
    for pt in points:
        if not pt.get("stats"):
            continue
        key = ", ".join("%s=%s" % (p.split(".")[-1], short(pt["values"][p])) for p in others) or "all"
        groups.setdefault(key, []).append(pt)
    return groups


def binary_ticks(ax):
    """Size axes labelled 4 KiB, 1 MiB, ... at every other power of two."""
    from matplotlib.ticker import FuncFormatter, LogLocator

    def label(v, _):
        for unit in ("PiB", "TiB", "GiB", "MiB", "KiB"):
            if v >= UNITS[unit]:
                return "%g %s" % (v / UNITS[unit], unit)
        return "%g B" % v

    ax.xaxis.set_major_locator(LogLocator(base=4))
    ax.xaxis.set_major_formatter(FuncFormatter(label))
    ax.tick_params(axis="x", labelrotation=45)


def axis_name(param):
    leaf = param.split(".")[-1]
    return "region size" if leaf == "len" else leaf.replace("_", " ")


def save(fig, out, name):
    os.makedirs(out, exist_ok=True)
    paths = []
    for ext in ("png", "svg"):
        path = os.path.join(out, "%s.%s" % (name, ext))
        fig.savefig(path, dpi=110, bbox_inches="tight")
        paths.append(path)
    plt.close(fig)
    return paths


def latency_figure(params, points, out, x=None, metric="system.memregion.records.0.latency_ns", title=None):
    x = x or numeric_param(params, points)
    if x is None:
        return []
    fig, ax = plt.subplots(figsize=(7, 4.5))
    for label, pts in sorted(series(params, points, x).items()):
        xy = sorted((as_number(p["values"][x]), get(p["stats"], metric)) for p in pts)
        xy = [(a, b / 1e3) for a, b in xy if b is not None and b > 0]
        if xy:
            ax.plot([a for a, _ in xy], [b for _, b in xy], marker="o", label=label)
    ax.set_xscale("log", base=2)
    ax.set_yscale("log")
    binary_ticks(ax)
    ax.set_xlabel("%s (bytes)" % axis_name(x))
    ax.set_ylabel("invalidate latency (us)")
    ax.set_title(title or "cpu_cache_invalidate_memregion latency on %s" % configs(points))
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    return save(fig, out, "latency")


def coherence_figure(params, points, out, title=None):
    pts = [p for p in points if p.get("stats") and "coherence" in p["stats"]]
    if not pts:
        return []
    labels = [", ".join(short(p["values"][k]) for k in params) for p in pts]
    stale = [p["stats"]["coherence"]["stale_reads"] for p in pts]
    res = [p["stats"]["coherence"]["resurrections"] for p in pts]
    fig, ax = plt.subplots(figsize=(max(6, 0.35 * len(pts) + 2), 4.5))
    idx = range(len(pts))
    ax.bar([i - 0.2 for i in idx], stale, width=0.4, label="stale reads")
    ax.bar([i + 0.2 for i in idx], res, width=0.4, label="resurrected write-backs")
    ax.set_xticks(list(idx))
    ax.set_xticklabels(labels, rotation=60, ha="right", fontsize=7)
    ax.set_ylabel("count (lines)")
    ax.set_title(title or "stale data per flow variant on %s" % configs(pts))
    ax.legend()
    return save(fig, out, "coherence")


def corun_figure(params, points, out, x=None, record=0, title=None):
    """One panel per combination of the other parameters: p50/p99/p999 of the
    co-running CPUs' loads during the call (solid) and after it (dashed)."""
    x = x or numeric_param(params, points)
    base = "system.memregion.records.%d." % record
    if x is None or not any(get(p.get("stats") or {}, base + "corun_during.loads") for p in points):
        return []
    groups = sorted(series(params, points, x).items())
    fig, axes = plt.subplots(1, len(groups), figsize=(4.2 * len(groups), 4.2), sharey=True, squeeze=False)
    for ax, (label, pts) in zip(axes[0], groups):
        for window, style in (("corun_during", "-"), ("corun_after", "--")):
            for q in ("p50", "p99", "p999"):
                xy = sorted((as_number(p["values"][x]), get(p["stats"], base + "%s.%s_ns" % (window, q)))
                            for p in pts)
                xy = [(a, b) for a, b in xy if b]
                if xy:
                    ax.plot([a for a, _ in xy], [b for _, b in xy], style, marker=".",
                            label="%s %s" % (window.split("_")[1], q))
        ax.set_xscale("log", base=2)
        ax.set_yscale("log")
        binary_ticks(ax)
        ax.set_xlabel("%s (bytes)" % axis_name(x))
        ax.set_title(label, fontsize=9)
        ax.grid(True, which="both", alpha=0.3)
    axes[0][0].set_ylabel("co-running CPUs' load latency (ns)")
    axes[0][0].legend(fontsize=7)
    fig.suptitle(title or "co-runners during and after the invalidate, %s" % configs(points))
    return save(fig, out, "corun")


def all_figures(results, out, x=None, metric=None, title=None):
    params, points = load(results)
    made = []
    made += latency_figure(params, points, out, x=x, title=title,
                           **({"metric": metric} if metric else {}))
    made += coherence_figure(params, points, out)
    made += corun_figure(params, points, out, x=x)
    return made
