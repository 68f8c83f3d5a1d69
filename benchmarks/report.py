#!/usr/bin/env python3
"""Turns benchmarks/results/<run>/summary.json into report.md (goals, measured ratios) and report.html (charts)."""
import json
import sys

summary = json.load(open(sys.argv[1]))
out = sys.argv[2]
runs = {r["name"]: r for r in summary["runs"] if isinstance(r, dict) and "name" in r}


def get(name, key):
    return runs.get(name, {}).get(key)


def ratio(a, b):
    return None if a is None or not b else a / b


def fmt(x, digits=2):
    return "n/a" if x is None else f"{x:.{digits}f}"


def kb(x):
    return None if x is None else x / 1024


goals = []  # (goal, measured, target, met: True | False | None for "report only")
pool = summary["pool"]
ceiling = get(f"S1-pgbench-c{pool}", "tps")

# S3: few connections, against the fair platform-thread baseline (same work per request).
for c in (8, 4):
    r = ratio(get(f"S3-app-c{c}", "rps"), get(f"S3-mvc-c{c}", "rps"))
    goals.append((f"ticks page, {c} connections (S3): app / fair platform-thread baseline throughput", fmt(r),
                  ">= 0.9 (goal 1.0)", None if r is None else r >= 0.9))
    r = ratio(get(f"S3-app-c{c}", "cpuUsPerRequest"), get(f"S3-mvc-c{c}", "cpuUsPerRequest"))
    goals.append((f"ticks page, {c} connections (S3): app / fair baseline CPU per request "
                  f"({fmt(get(f'S3-app-c{c}', 'cpuUsPerRequest'), 0)} / {fmt(get(f'S3-mvc-c{c}', 'cpuUsPerRequest'), 0)} µs)",
                  fmt(r), "<= 1.2", None if r is None else r <= 1.2))
for c in (4, 8):
    r = ratio(get(f"S3-app-c{c}", "rps"), get(f"S3-lean-c{c}", "rps"))
    goals.append((f"ticks page, {c} connections (S3): app / lean baseline throughput (the floor of what blocking costs)",
                  fmt(r), "report", None))

# S1: against pgbench running the same SQL.
r = ratio(get("S1-app-c64", "rps"), ceiling)
goals.append((f"ticks page, 64 connections (S1): app req/s / pgbench TPS of the same SQL (pool {pool})", fmt(r),
              ">= 0.5", None if r is None else r >= 0.5))
for c in (256, 1000):
    r = ratio(get(f"S1-app-c{c}", "rps"), ceiling)
    goals.append((f"ticks page, {c} connections (S1): app req/s / pgbench TPS (pool {pool})", fmt(r), ">= 0.5 (stretch 0.7)",
                  None if r is None else r >= 0.5))

# Allocation per ticks-page request: the app's worst closed loop.
allocs = [(get(n, "allocBytesPerRequest"), n) for n in ("S3-app-c4", "S3-app-c8", "S1-app-c64", "S1-app-c256", "S1-app-c1000")
          if get(n, "allocBytesPerRequest") is not None]
worst = max(allocs) if allocs else (None, "")
fair_alloc = get("S3-mvc-c8", "allocBytesPerRequest")
goals.append((f"allocation: KB per ticks-page request, app's worst closed loop ({worst[1] or 'n/a'}; "
              f"fair baseline at 8 connections: {fmt(kb(fair_alloc), 0)} KB)", fmt(kb(worst[0]), 0), "<= 100 KB",
              None if worst[0] is None else worst[0] <= 100 * 1024))

# S2: 1000 connections, maximum sustainable throughput, then p99 at 80% of the platform baseline's maximum.
app_max, mvc_max, vt_max = (get(f"S2-max-{s}", "maxRps") for s in ("app", "mvc-platform", "mvc-virtual"))
r = ratio(app_max, mvc_max)
goals.append((f"1,000 connections, local (S2): max sustainable throughput app / platform baseline "
              f"({fmt(app_max, 0)} / {fmt(mvc_max, 0)} req/s)", fmt(r), ">= 1.25", None if r is None else r >= 1.25))
r = ratio(app_max, vt_max)
goals.append((f"1,000 connections, local (S2): max sustainable throughput app / virtual-thread baseline "
              f"({fmt(app_max, 0)} / {fmt(vt_max, 0)} req/s)", fmt(r), ">= 1.0", None if r is None else r >= 1.0))
rate80 = get("S2-rate", "rate")
r = ratio(get("S2-at80-app", "p99"), get("S2-at80-mvc-platform", "p99"))
goals.append((f"1,000 connections, local (S2): p99 at {fmt(rate80, 0)} req/s (80% of the platform baseline's max), "
              f"app / platform baseline ({fmt(get('S2-at80-app', 'p99'), 1)} / {fmt(get('S2-at80-mvc-platform', 'p99'), 1)} ms)",
              fmt(r), "<= 0.5", None if r is None else r <= 0.5))
errors = get("S2-at80-app", "errors")
goals.append(("1,000 connections, local (S2): app errors at 80%", "n/a" if errors is None else str(errors), "0",
              None if errors is None else errors == 0))

# S2N: the same with 1 ms each way between server and PostgreSQL.
napp, nmvc, nvt = (get(f"S2N-max-{s}", "maxRps") for s in ("app", "mvc-platform", "mvc-virtual"))
r = ratio(napp, nmvc)
goals.append((f"1,000 connections, {summary.get('netDelayMs', 1)} ms network (S2N): max sustainable throughput app / "
              f"platform baseline ({fmt(napp, 0)} / {fmt(nmvc, 0)} req/s)", fmt(r), ">= 1.5", None if r is None else r >= 1.5))
r = ratio(napp, nvt)
goals.append((f"1,000 connections, {summary.get('netDelayMs', 1)} ms network (S2N): app / virtual-thread baseline "
              f"({fmt(napp, 0)} / {fmt(nvt, 0)} req/s)", fmt(r), "report", None))

# S8: streamed coach answers from a slow model.
s8, twin = runs.get("S8-app", {}), runs.get("S8-relay", {})
if s8:
    goals.append((f"S8 {s8.get('streams')} streamed coach answers: complete with every token", f"{s8.get('complete')} / {s8.get('streams')}"
                  + (f" ({s8['failures']})" if s8.get("failures") else ""), "all", s8.get("complete") == s8.get("streams")))
    cores = s8.get("cores", 2)
    before, most = s8.get("appThreadsBefore"), s8.get("appThreadsMax")
    goals.append((f"S8 app threads during the streams ({cores} cores; before: {before})", str(most),
                  f"O(cores): <= before + 2 x cores", None if most is None else most <= before + 2 * cores))
    gap = None if s8.get("firstTokenP99Ms") is None else s8["firstTokenP99Ms"] - s8.get("stubFirstTokenP99Ms", 0)
    goals.append((f"S8 first-token p99, app - stub ({fmt(s8.get('firstTokenP99Ms'), 0)} - "
                  f"{fmt(s8.get('stubFirstTokenP99Ms'), 0)} ms)", fmt(gap, 0), "<= 100 ms", None if gap is None else gap <= 100))
    goals.append(("S8 app RSS before / during (MB)", f"{s8['appRssBeforeKb'] // 1024} / {s8['appRssMaxKb'] // 1024}", "report", None))
if twin:
    goals.append(("S8 blocking twin (a thread per answer): complete; threads before / during; RSS before / during (MB)",
                  f"{twin.get('complete')} / {twin.get('streams')}; {twin.get('appThreadsBefore')} / {twin.get('appThreadsMax')}; "
                  f"{twin['appRssBeforeKb'] // 1024} / {twin['appRssMaxKb'] // 1024}", "report beside", None))
    gap = None if twin.get("firstTokenP99Ms") is None else twin["firstTokenP99Ms"] - twin.get("stubFirstTokenP99Ms", 0)
    goals.append(("S8 blocking twin first-token p99 - stub (ms)", fmt(gap, 0), "report beside", None))

# S4, S5, S6, S7 as before.
for kind in ("pyramid", "overview"):
    p99 = get(f"S4-{kind}-half", "p99")
    goals.append((f"S4 {kind} p99 at half of max rate (ms)", fmt(p99, 1), "<= 50", None if p99 is None else p99 <= 50))
r = ratio(get("S4-pyramid-max", "rps"), get(f"S4-pgbench-pyramid-c{pool}", "tps"))
goals.append(("S4 pyramid req/s / pgbench TPS of its SQL", fmt(r), ">= 0.5", None if r is None else r >= 0.5))
s5 = runs.get("S5", {})
r = ratio(s5.get("importRowsPerSecond"), s5.get("copyRowsPerSecond"))
goals.append(("import of 50,000 rows (S5): rows/s / psql \\copy of the same rows", fmt(r), ">= 0.5", None if r is None else r >= 0.5))
r = ratio(s5.get("importRowsPerSecond"), s5.get("copySameTableRowsPerSecond"))
goals.append(("import of 50,000 rows (S5): rows/s / psql \\copy of the same rows into logbook.tick (its foreign keys checked)",
              fmt(r), ">= 0.5", None if r is None else r >= 0.5))
if s5.get("coldImportSeconds") is not None:
    r = ratio(s5["copySeconds"], s5["coldImportSeconds"])
    goals.append((f"S5's first import after the start (its paths not yet compiled; {fmt(s5['coldImportSeconds'])} s) / psql \\copy",
                  fmt(r), "report", None))
if s5.get("readModelShare") is not None:
    share = s5["readModelShare"]
    goals.append(("S5: share of the import spent keeping the analytics read model current (issue #17)", fmt(share), "<= 0.15",
                  share <= 0.15))
if s5:
    goals.append(("import of 50,000 rows (S5): app RSS growth during the import (MB)",
                  fmt((s5["rssPeakKb"] - s5["rssStartKb"]) / 1024, 0), "flat in the file's size (report)", None))
r = ratio(get("S6-importing", "p99"), get("S6-idle", "p99"))
goals.append(("S6 read p99 while 4 imports run / idle p99", fmt(r), "<= 2", None if r is None else r <= 2))
s7 = runs.get("S7", {})
if s7:
    goals.append((f"S7 app threads with {s7['connections']} idle connections (before: {s7['threadsBefore']})",
                  str(s7["threadsWith"]), "O(cores)", None))
    goals.append(("S7 app RSS before / with them (MB)", f"{s7['rssBeforeKb'] // 1024} / {s7['rssWithKb'] // 1024}", "report", None))

lines = ["# Benchmark run", "", f"Machine: {summary['machine']}; {summary['java']}; PostgreSQL {summary['postgres']}; "
         f"pool {pool}; {summary['users']} climbers x {summary['ticksPerUser']} ticks (seed {summary['seed']}); "
         f"{summary['secondsPerRun']} s per run after {summary.get('warmup', '?')} s warm-up "
         f"({summary.get('jitWarmup', '?')} s JIT warm-up per server start); pinning {summary['pinning']}; "
         f"whole run {summary.get('wallSeconds', '?')} s.", "",
         "| goal | measured | target | met |", "|---|---|---|---|"]
for name, measured, target, met in goals:
    lines.append(f"| {name} | {measured} | {target} | {'yes' if met else 'no' if met is False else '-'} |")

lines += ["", "## Runs", "",
          "| run | mode | conns | rate | req/s | p50 ms | p99 ms | p99.9 ms | errors | server CPU (cores) | CPU µs/req (JIT excluded) | with JIT | alloc KB/req | RSS MB | threads |",
          "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
for name, r in sorted(runs.items()):
    if "rps" in r and "step" not in r:
        lines.append(f"| {name} | {r['mode']} | {r['connections']} | {fmt(r['targetRate'], 0)} | {fmt(r['rps'], 0)} | "
                     f"{fmt(r['p50'], 1)} | {fmt(r['p99'], 1)} | {fmt(r['p999'], 1)} | {r['errors']} | {r.get('appCpuCores')} | "
                     f"{fmt(r.get('cpuUsPerRequest'), 0)} | {fmt(r.get('cpuUsPerRequestWithJit'), 0)} | {fmt(kb(r.get('allocBytesPerRequest')), 0)} | "
                     f"{(r.get('appRssKb') or 0) // 1024} | {r.get('appThreads')} |")
    elif "tps" in r:
        lines.append(f"| {name} | pgbench | {r['clients']} | - | {fmt(r['tps'], 0)} | | | | | | | | | | |")

maxima = [(n, r) for n, r in sorted(runs.items()) if "-max-" in n and "maxRps" in r]
if maxima:
    lines += ["", f"## Maximum sustainable throughput at 1,000 connections (S2 local, S2N through the proxy)", "",
              f"Open-model steps of {summary.get('steps', {}).get('seconds', '?')} s from "
              f"{summary.get('steps', {}).get('start', '?')} req/s, x{summary.get('steps', {}).get('factor', '?')} per step; "
              f"a step holds with p99 <= {summary.get('steps', {}).get('p99LimitMs', '?')} ms and no error.", "",
              "| server | max req/s that held | first rate that failed | steps | p99 at max (ms) | CPU µs/req at max |",
              "|---|---|---|---|---|---|"]
    for name, r in maxima:
        lines.append(f"| {name} | {r.get('maxRps')} | {r.get('failedAtRps') or '-'} | {r.get('steps')} | "
                     f"{fmt(r.get('heldP99'), 1)} | {fmt(r.get('heldCpuUsPerRequest'), 0)} |")
    # Beside the server's CPU, the machine's: a step a server fails while using part of its core was
    # bound by what shares the machine with it (PostgreSQL, the load generator, the proxy).
    def per_core(r):
        cores = [r[f"core{i}BusyCores"] for i in range(64) if f"core{i}BusyCores" in r]
        return f" ({', '.join(fmt(c) for c in cores)})" if cores else ""

    lines += ["", "| step | rate | req/s | p50 ms | p99 ms | max ms | errors | held | server CPU (cores) | CPU µs/req | threads "
              "| PostgreSQL (cores) | load generator (cores) | machine busy / idle (cores; each core busy) |",
              "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for name, r in sorted(runs.items(), key=lambda kv: (kv[1].get("server", ""), kv[0].split("-r")[0], kv[1].get("step", 0))):
        if "step" in r:
            lines.append(f"| {name} | {r['rate']} | {fmt(r['rps'], 0)} | {fmt(r['p50'], 1)} | {fmt(r['p99'], 1)} | "
                         f"{fmt(r['max'], 1)} | {r['errors']} | {'yes' if r['held'] else 'no'} | {fmt(r.get('appCpuCores'))} | "
                         f"{fmt(r.get('cpuUsPerRequest'), 0)} | {r.get('appThreads', '')} | {fmt(r.get('postgresCores'))} | "
                         f"{fmt(r.get('loadgenCores'))} | {fmt(r.get('machineBusyCores'))} / {fmt(r.get('machineIdleCores'))}{per_core(r)} |")

streams = [(n, r) for n, r in sorted(runs.items()) if n.startswith("S8-") and "streams" in r]
if streams:
    lines += ["", "## S8: streamed coach answers from a slow model", "",
              "| server | streams | complete | failures | first token p50 / p99 ms | stub's p99 ms | answer p99 ms | "
              "threads before / max | RSS MB before / max | compilers' CPU s |", "|---|---|---|---|---|---|---|---|---|---|"]
    for name, r in streams:
        lines.append(f"| {name} | {r['streams']} | {r.get('complete')} | {r.get('failures') or '-'} | "
                     f"{fmt(r.get('firstTokenP50Ms'), 0)} / {fmt(r.get('firstTokenP99Ms'), 0)} | {fmt(r.get('stubFirstTokenP99Ms'), 0)} | "
                     f"{fmt(r.get('answerP99Ms'), 0)} | {r.get('appThreadsBefore')} / {r.get('appThreadsMax')} | "
                     f"{(r.get('appRssBeforeKb') or 0) // 1024} / {(r.get('appRssMaxKb') or 0) // 1024} | "
                     f"{fmt(r.get('appJitCpuSeconds'), 2)} |")
open(f"{out}/report.md", "w").write("\n".join(lines) + "\n")

# A chart per load: p50/p99/p99.9 bars for each run that measured latency (inline SVG, no libraries); steps left out.
bars = [(n, r) for n, r in sorted(runs.items()) if "p99" in r and "p999" in r and "step" not in r]
width, row = 900, 28
scale = max([r["p999"] for _, r in bars] + [1])
svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{row * len(bars) + 40}" font-family="sans-serif" font-size="12">']
for i, (name, r) in enumerate(bars):
    y = 20 + i * row
    svg.append(f'<text x="0" y="{y + 14}">{name}</text>')
    for value, colour in ((r["p999"], "#f2b134"), (r["p99"], "#b5730a"), (r["p50"], "#1f3a5f")):
        svg.append(f'<rect x="200" y="{y}" width="{max(1, (width - 320) * value / scale):.0f}" height="18" fill="{colour}"/>')
    svg.append(f'<text x="{width - 110}" y="{y + 14}">{r["p99"]:.1f} ms p99</text>')
svg.append("</svg>")
open(f"{out}/report.html", "w").write("<!doctype html><meta charset=utf-8><title>Cruxlog benchmark</title>"
                                      "<h1>Latency percentiles per run</h1><p>p50 (dark), p99, p99.9 (light)</p>"
                                      + "".join(svg))
print("\n".join(lines))
