#!/usr/bin/env python3
"""Where a request's bytes are allocated: JFR's allocation samples grouped by site.

    benchmarks/alloc-sites.py RECORDING.jfr [REQUESTS] [TOP]

Reads `jdk.ObjectAllocationSample` events (JFR's `profile` settings record them; steady.sh makes
such a recording with STEADY_JAVA_OPTS="-XX:StartFlightRecording=settings=profile,filename=...")
through the `jfr` tool of the JDK on PATH, and prints the sampled weight per site twice: by the
first frame outside the JDK (which library or Cruxlog class asked for the memory), and by the
three frames below that (what it was doing). With REQUESTS, the number of requests the recording
covers, each line also says bytes per request. JFR samples allocations with a weight that sums
to about what was allocated, so the shares are what matters; steady.sh's thread counters give the
total.
"""
import collections
import re
import subprocess
import sys

JDK = ("java.", "jdk.", "sun.", "javax.")


def samples(path):
    out = subprocess.run(["jfr", "print", "--events", "jdk.ObjectAllocationSample", "--stack-depth", "24", path],
                         check=True, capture_output=True, text=True).stdout
    for event in out.split("jdk.ObjectAllocationSample {")[1:]:
        weight = re.search(r"weight = ([\d.]+) (bytes|kB|MB|GB)", event)
        cls = re.search(r"objectClass = (\S+)", event)
        frames = re.findall(r"^\s+([\w.$<>]+)\(", event.split("stackTrace = [", 1)[-1], re.M)
        if not weight:
            continue
        scale = {"bytes": 1, "kB": 1024, "MB": 1024 ** 2, "GB": 1024 ** 3}[weight.group(2)]
        yield float(weight.group(1)) * scale, cls.group(1) if cls else "?", frames


def main():
    path = sys.argv[1]
    requests = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 30
    by_caller, by_path, total = collections.Counter(), collections.Counter(), 0.0
    for weight, cls, frames in samples(path):
        total += weight
        outside = next((i for i, f in enumerate(frames) if not f.startswith(JDK)), None)
        if outside is None:
            by_caller["(JDK only) " + (frames[0] if frames else cls)] += weight
            continue
        by_caller[frames[outside]] += weight
        by_path[" < ".join(frames[outside:outside + 3]) + "  [" + cls + "]"] += weight

    def show(title, counter):
        print(f"\n{title}")
        for site, weight in counter.most_common(top):
            per = f"{weight / requests:9.0f} B/req" if requests else ""
            print(f"{100 * weight / total:5.1f} % {per}  {site}")

    print(f"sampled weight {total / 1e6:.1f} MB" + (f", {total / requests:.0f} B per request" if requests else ""))
    show("by the first frame outside the JDK", by_caller)
    show("by that frame and its two callers", by_path)


if __name__ == "__main__":
    main()
