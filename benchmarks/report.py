#!/usr/bin/env python3
"""Turns benchmarks/results/<run>/summary.json into report.md (goals, measured ratios) and report.html (charts)."""
import json
import sys

summary = json.load(open(sys.argv[1]))
out = sys.argv[2]
runs = {r["name"]: r for r in summary["runs"] if "name" in r}


def get(name, key):
    return runs.get(name, {}).get(key)


def ratio(a, b):
    return None if a is None or not b else a / b


def fmt(x, digits=2):
    return "n/a" if x is None else f"{x:.{digits}f}"


goals = []
pool = summary["pool"]
ceiling = get(f"S1-pgbench-c{pool}", "tps")
for c in (64, 256, 1000):
    r = ratio(get(f"S1-app-c{c}", "rps"), ceiling)
    goals.append((f"S1 ticks page, {c} connections: app req/s / pgbench TPS (pool {pool})", fmt(r), ">= 0.5 (stretch 0.7)",
                  r is not None and r >= 0.5))
app, mvc, vt = (runs.get(n, {}) for n in ("S2-app", "S2-mvc-platform", "S2-mvc-virtual"))
r = ratio(app.get("rps"), mvc.get("rps"))
goals.append(("S2 1000 connections, open model: app throughput / platform-thread baseline", fmt(r), ">= 1.25", r is not None and r >= 1.25))
r = ratio(app.get("p99"), mvc.get("p99"))
goals.append(("S2 app p99 / platform-thread baseline p99", fmt(r), "<= 0.5", r is not None and r <= 0.5))
goals.append(("S2 app errors", str(app.get("errors", "n/a")), "0", app.get("errors") == 0))
r = ratio(app.get("rps"), vt.get("rps"))
goals.append(("S2 app throughput / virtual-thread baseline", fmt(r), ">= 1.0", r is not None and r >= 1.0))
for c in (4, 8):
    r = ratio(get(f"S3-app-c{c}", "rps"), get(f"S3-mvc-c{c}", "rps"))
    goals.append((f"S3 {c} connections: app / baseline throughput", fmt(r), "within 10% (>= 0.9)", r is not None and r >= 0.9))
for kind in ("pyramid", "overview"):
    p99 = get(f"S4-{kind}-half", "p99")
    goals.append((f"S4 {kind} p99 at half of max rate (ms)", fmt(p99, 1), "<= 50", p99 is not None and p99 <= 50))
r = ratio(get("S4-pyramid-max", "rps"), get(f"S4-pgbench-pyramid-c{pool}", "tps"))
goals.append(("S4 pyramid req/s / pgbench TPS of its SQL", fmt(r), ">= 0.5", r is not None and r >= 0.5))
s5 = runs.get("S5", {})
r = ratio(s5.get("importRowsPerSecond"), s5.get("copyRowsPerSecond"))
goals.append(("S5 import rows/s / psql \\copy rows/s", fmt(r), ">= 0.5", r is not None and r >= 0.5))
if s5:
    goals.append(("S5 app RSS growth during the import (MB)", fmt((s5["rssPeakKb"] - s5["rssStartKb"]) / 1024, 0),
                  "flat (report)", None))
r = ratio(get("S6-importing", "p99"), get("S6-idle", "p99"))
goals.append(("S6 read p99 while 4 imports run / idle p99", fmt(r), "<= 2", r is not None and r <= 2))
s7 = runs.get("S7", {})
if s7:
    goals.append((f"S7 app threads with {s7['connections']} idle connections (before: {s7['threadsBefore']})",
                  str(s7["threadsWith"]), "O(cores)", None))
    goals.append(("S7 app RSS before / with them (MB)", f"{s7['rssBeforeKb'] // 1024} / {s7['rssWithKb'] // 1024}", "report", None))

lines = ["# Benchmark run", "", f"Machine: {summary['machine']}; {summary['java']}; PostgreSQL {summary['postgres']}; "
         f"pool {pool}; {summary['users']} climbers x {summary['ticksPerUser']} ticks (seed {summary['seed']}); "
         f"{summary['secondsPerRun']} s per run after warm-up; pinning {summary['pinning']}.", "",
         "| goal | measured | target | met |", "|---|---|---|---|"]
for name, measured, target, met in goals:
    lines.append(f"| {name} | {measured} | {target} | {'yes' if met else 'no' if met is False else '-'} |")
lines += ["", "| run | mode | conns | rate | req/s | p50 ms | p99 ms | p99.9 ms | errors | app CPU (cores) | RSS MB | threads |",
          "|---|---|---|---|---|---|---|---|---|---|---|---|"]
for name, r in sorted(runs.items()):
    if "rps" in r:
        lines.append(f"| {name} | {r['mode']} | {r['connections']} | {fmt(r['targetRate'], 0)} | {fmt(r['rps'], 0)} | "
                     f"{fmt(r['p50'], 1)} | {fmt(r['p99'], 1)} | {fmt(r['p999'], 1)} | {r['errors']} | {r.get('appCpuCores')} | "
                     f"{r.get('appRssKb', 0) // 1024} | {r.get('appThreads')} |")
    elif "tps" in r:
        lines.append(f"| {name} | pgbench | {r['clients']} | - | {fmt(r['tps'], 0)} | | | | | | | |")
open(f"{out}/report.md", "w").write("\n".join(lines) + "\n")

# A chart per load: p50/p99/p99.9 bars for each run that measured latency (inline SVG, no libraries).
bars = [(n, r) for n, r in sorted(runs.items()) if "p99" in r]
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
