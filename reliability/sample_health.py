#!/usr/bin/env python3
"""Samples one health URL at a fixed interval: one line per sample, "epoch_ms http_code seconds".

    reliability/sample_health.py URL FILE [INTERVAL_S] [MAX_SAMPLES]

Each sample opens a new connection, as a load balancer's check does, and times the whole
exchange (connect, request, reading the answer); a sample that gets no answer within 5 s is
written as "000 5". One process for the whole run: the shell loop it replaces started curl,
date and sleep four times a second per URL, and with four URLs sampled those processes took
a large share of the two cores the instances it measured were running on (docs/reliability.md,
R4). Bounded in count (MAX_SAMPLES, default 4,000) and stopped by PID like every helper.
"""
import http.client
import sys
import time
import urllib.parse


def sample(url):
    parts = urllib.parse.urlsplit(url)
    path = parts.path + ("?" + parts.query if parts.query else "")
    started = time.perf_counter()
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status, time.perf_counter() - started
    except OSError:
        return 0, 5.0
    finally:
        connection.close()


def main():
    url, out = sys.argv[1], sys.argv[2]
    interval = float(sys.argv[3]) if len(sys.argv) > 3 else 0.25
    count = int(sys.argv[4]) if len(sys.argv) > 4 else 4000
    with open(out, "a", buffering=1) as file:
        for _ in range(count):
            at = time.time()
            status, seconds = sample(url)
            file.write(f"{int(at * 1000)} {status:03d} {seconds:.6f}\n")
            time.sleep(max(0.0, interval - (time.time() - at)))


if __name__ == "__main__":
    main()
