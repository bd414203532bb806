#!/usr/bin/env python3
"""Prints the table of benchmarks/run.sh from the measurements it left in RESULTS_DIR.

RESULTS_DIR holds:
  machine.txt            header lines, printed as they are
  rows.tsv               key, target, baseline arm, measured arm, goal ratio (empty: information only),
                         mode (wallcpu: both ratios must meet the goal; wall: wall time only), counter,
                         the exit codes the arms may end with (others make the row FAILED)
  <key>/<arm>.<n>.json   hyperfine --export-json of one run (one run per file, so CPU is per run too)
  <key>/<arm>.<n>.out    that run's output, where the test counts are read from
  <key>/<arm>.stderr     stderr of an untimed rerun of an arm that exited with an unexpected code
  jmh.json               JMH's JSON result (target 3), if JMH ran
  jmh.tsv                JMH row settings: include regex, goal in us
  external.tsv           target, ratio, goal: ratios another script printed (report-tools/bench/big-report.sh)
Medians of per-run wall and CPU (user + sys) times; ratio = median(arm) / median(baseline). Under each
ratio, in brackets, the 90% bootstrap interval of that ratio (both arms' runs resampled): on a shared,
noisy machine it tells a verdict the runs support from one they cannot, which is marked "within noise".
"""
import glob
import json
import os
import random
import re
import statistics
import sys

RESAMPLES = 2000

COUNTERS = {
    # what each launcher prints about the tests it ran
    "junit5": (r"\[\s*(\d+) tests successful\s*\]", r"\[\s*(\d+) tests failed\s*\]"),
    "junit4": (r"OK \((\d+) tests?\)|Tests run: (\d+)", r"Failures: (\d+)"),
    "testng": (r"Passes: (\d+)", r"Failures: (\d+)"),
}


def runs(results, key, arm):
    walls, cpus, codes, outs = [], [], [], []
    for path in sorted(glob.glob(os.path.join(results, key, arm + ".*.json"))):
        with open(path) as f:
            r = json.load(f)["results"][0]
        walls.append(r["times"][0])
        cpus.append(r["user"] + r["system"])
        codes.append(r["exit_codes"][0])
        out = path[:-len(".json")] + ".out"
        if os.path.exists(out):
            with open(out, errors="replace") as f:
                outs.append(f.read())
    return walls, cpus, codes, outs


def counts(counter, outs):
    """(passed, failed) per run, as the launcher printed them; None when it printed nothing we know."""
    if counter not in COUNTERS:
        return []
    ok_re, failed_re = COUNTERS[counter]
    seen = []
    for text in outs:
        ok = [int(g) for m in re.finditer(ok_re, text) for g in m.groups() if g]
        failed = [int(g) for m in re.finditer(failed_re, text) for g in m.groups() if g]
        seen.append((ok[-1] if ok else None, failed[-1] if failed else 0))
    return seen


def seconds(t):
    return f"{t * 1000:.0f} ms" if t < 1 else f"{t:.2f} s"


def ratio_cell(r, goal, interval=None):
    if r is None:
        return "–"
    return f"{r:.3f}×" + (f" [{interval[0]:.2f}, {interval[1]:.2f}]" if interval else "")


def interval(base, arm, seed):
    """The 5th and 95th percentiles of median(arm) / median(base) over bootstrap resamples of the runs."""
    if len(base) < 3 or len(arm) < 3 or min(base) <= 0:
        return None
    rnd = random.Random(seed)
    ratios = sorted(
        statistics.median(rnd.choices(arm, k=len(arm))) / statistics.median(rnd.choices(base, k=len(base)))
        for _ in range(RESAMPLES))
    return ratios[int(0.05 * RESAMPLES)], ratios[int(0.95 * RESAMPLES) - 1]


def verdict(ratios, goal):
    if goal is None:
        return "info"
    if any(r is None for r in ratios):
        return "no data"
    return "PASS" if all(r <= goal for r in ratios) else "MISS"


def main(results):
    with open(os.path.join(results, "machine.txt")) as f:
        print(f.read().rstrip())
    print()
    table = []
    notes = []
    rows_path = os.path.join(results, "rows.tsv")
    rows = []
    if os.path.exists(rows_path):
        with open(rows_path) as f:
            rows = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    for key, target, base, arm, goal, mode, counter, *allowed in rows:
        goal = float(goal) if goal else None
        allowed = {int(c) for c in (allowed[0] if allowed else "0").split(",")}
        bw, bc, bcodes, bouts = runs(results, key, base)
        aw, ac, acodes, aouts = runs(results, key, arm)
        if not bw or not aw:
            table.append(f"| {target} | {base} | {arm} | – | – | – | – | {goal_text(goal)} | no data |")
            continue
        mbw, maw = statistics.median(bw), statistics.median(aw)
        mbc, mac = statistics.median(bc), statistics.median(ac)
        rw = maw / mbw
        rc = mac / mbc if mbc > 0 else None
        iw, ic = interval(bw, aw, key + "wall"), interval(bc, ac, key + "cpu")
        checked = [rw, rc] if mode == "wallcpu" else [rw]
        failed = [name for name, codes in ((base, bcodes), (arm, acodes)) if any(c not in allowed for c in codes)]
        outcome = f"FAILED ({', '.join(failed)})" if failed else verdict(checked, goal)
        straddled = [i for i in ([iw, ic] if mode == "wallcpu" else [iw]) if i and goal is not None and i[0] <= goal <= i[1]]
        if straddled and outcome in ("PASS", "MISS"):
            outcome += ", within noise"
        table.append(f"| {target} | {base} | {arm} | {seconds(mbw)} → {seconds(maw)} | {ratio_cell(rw, goal, iw)} "
              f"| {seconds(mbc)} → {seconds(mac)} | {ratio_cell(rc, goal, ic)} | {goal_text(goal)} "
              f"| {outcome} |")
        for name, codes in ((base, bcodes), (arm, acodes)):
            bad = [c for c in codes if c != 0]
            if bad:
                why = "" if all(c in allowed for c in bad) else stderr_line(results, key, name)
                notes.append(f"{target}, {name}: {len(bad)} of {len(codes)} runs exited non-zero "
                             f"({', '.join(map(str, sorted(set(bad))))}){why}")
        bcounts, acounts = counts(counter, bouts), counts(counter, aouts)
        if bcounts or acounts:
            every = sorted(set(bcounts + acounts), key=str)
            same = "the same in every run of both" if len(every) == 1 else "DIFFERENT between runs"
            shown = ", ".join(f"{ok} passed, {failed} failed" for ok, failed in every)
            notes.append(f"{target}: tests {shown} ({same}; {len(bw)} + {len(aw)} runs)")
        else:
            notes.append(f"{target}: {len(bw)} + {len(aw)} runs")
    jmh(results, table, notes)
    external(results, table)
    print("| target | baseline | measured | wall, median | wall ratio | CPU, median | CPU ratio | goal | |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    order, last = [], 0
    for line in table:  # by target number; an information row stays under the row before it
        m = re.match(r"\| (\d+)\.", line)
        last = int(m.group(1)) if m else last
        order.append(last)
    for _, line in sorted(zip(order, table), key=lambda p: p[0]):
        print(line)
    print()
    for n in notes:
        print(f"- {n}")


def stderr_line(results, key, arm):
    """The first line of the stderr an unexpected exit left, e.g. an OutOfMemoryError."""
    path = os.path.join(results, key, arm + ".stderr")
    if not os.path.exists(path):
        return ""
    with open(path, errors="replace") as f:
        lines = [l.strip() for l in f if l.strip() and not l.startswith("Picked up ")]
    return f": {lines[0]}" if lines else ""


def goal_text(goal):
    return f"≤ {goal:g}×" if goal is not None else "(info)"


def jmh(results, table, notes):
    path = os.path.join(results, "jmh.json")
    settings = os.path.join(results, "jmh.tsv")
    if not os.path.exists(settings):
        return
    with open(settings) as f:
        include, goal_us = f.read().strip().split("\t")
    goal_us = float(goal_us)
    data = []
    if os.path.exists(path) and os.path.getsize(path) > 0:
        with open(path) as f:
            data = json.load(f)
    measured = [b for b in data if "baseline" not in b["benchmark"].rsplit(".", 1)[-1].lower()]
    if not measured:
        table.append(f"| 3. one test's marker traffic (JMH `{include}`) | | no benchmark ran | | | | | ≤ {goal_us:g} µs | no data |")
        return
    for b in measured:
        m = b["primaryMetric"]
        score, error, unit = float(m["score"]), float(m["scoreError"]), m["scoreUnit"]  # JMH writes "NaN" as a string
        us = score * {"us/op": 1, "ns/op": 0.001, "ms/op": 1000}.get(unit, float("nan"))
        name = ".".join(b["benchmark"].rsplit(".", 2)[-2:])
        ok = "PASS" if us <= goal_us else "MISS"
        table.append(f"| 3. one test's marker traffic (JMH {name}) | | | {score:.2f} ± {error:.2f} {unit} "
              f"| | | | ≤ {goal_us:g} µs | {ok} |")
    others = [b for b in data if b not in measured]
    for b in others:
        m = b["primaryMetric"]
        notes.append(f"JMH {b['benchmark'].rsplit('.', 2)[-2]}.{b['benchmark'].rsplit('.', 1)[-1]} "
                     f"(baseline): {float(m['score']):.3f} ± {float(m['scoreError']):.3f} {m['scoreUnit']}")


def external(results, table):
    """Rows another script measured: target, baseline, arm, wall base, wall arm, wall ratio, CPU base,
    CPU arm, goal (seconds; empty where its output had no such line)."""
    path = os.path.join(results, "external.tsv")
    if not os.path.exists(path):
        return
    with open(path) as f:
        for line in f:
            if not line.strip():
                continue
            target, base, arm, wb, wa, ratio, cb, ca, goal = line.rstrip("\n").split("\t")
            g = float(goal)
            num = lambda v: float(v) if v else None
            wb, wa, r, cb, ca = num(wb), num(wa), num(ratio), num(cb), num(ca)
            wall = f"{seconds(wb)} → {seconds(wa)}" if wb and wa else "–"
            cpu = f"{seconds(cb)} → {seconds(ca)}" if cb and ca else "–"
            rc = ca / cb if cb and ca else None
            outcome = "FAILED (see big-report.txt)" if r is None else ("PASS" if r <= g else "MISS")
            table.append(f"| {target} | {base} | {arm} | {wall} | {ratio_cell(r, g)} | {cpu} "
                         f"| {ratio_cell(rc, g)} | ≤ {g:g}× | {outcome} |")


if __name__ == "__main__":
    main(sys.argv[1])
