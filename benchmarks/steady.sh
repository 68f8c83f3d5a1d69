#!/usr/bin/env bash
# The ticks page's steady-state cost for one build of the app, for before/after comparisons of a
# single change (docs/benchmarks.md, "Changes one at a time"):
#   benchmarks/steady.sh JAR LABEL [KEY=VALUE ...]     e.g. benchmarks/steady.sh app/target/cruxlog-exec.jar window-0 DB_POOL_VALIDATION_WINDOW=0
# Uses the data run.sh loaded into cruxlog_bench (run `benchmarks/run.sh S3` once first). Warms the
# app at 64 connections in 10 s slices until its JIT compiler threads are idle (on one pinned core
# they otherwise take a quarter of it for the first minute or two), then measures three 10 s
# closed loops at 8 and at 64 connections. Prints one JSON line per loop and appends them to
# benchmarks/results/steady-<timestamp>-<label>.jsonl, with the app's CPU microseconds and heap bytes
# allocated per request (the same JFR thread-allocation counters as run.sh; allocation varies far
# less between runs than CPU does, so it shows small changes CPU cannot). STEADY_JAVA_OPTS adds JVM
# options (a profiling JFR recording). STEADY_PATH measures another read than the ticks page
# (e.g. /api/v1/analytics/pyramid?discipline=sport) and STEADY_CLIMBER=heavy as the 10,000-tick climber
# of S4 instead of the 1,000 ordinary ones; STEADY_ACCEPT=text/html for a page.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
JAR=$1; LABEL=$2; shift 2
DB=${BENCH_DB:-cruxlog_bench}
PORT=18070
HZ=$(getconf CLK_TCK)
OUT="$ROOT/benchmarks/results/steady-$(date -u +%Y%m%dT%H%M%SZ)-$LABEL.jsonl"
WORK=$(mktemp -d)
export PGHOST=localhost PGPORT=5432 PGUSER=${PGUSER:-postgres}
SECRET=$(head -c 32 /dev/urandom | base64 -w0)
JDK25_HOME=${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
# Parsing JFR dumps needs a newer JDK than the app's when there is one, as in run.sh.
if [ -x "$JDK25_HOME/bin/java" ]; then PARSE_JAVA=$JDK25_HOME/bin/java; else PARSE_JAVA=java; fi
LOADGEN="taskset -c 1 java -Xss512k -jar $ROOT/benchmarks/loadgen/target/loadgen.jar"
if [ "${STEADY_CLIMBER:-}" = heavy ]; then WHO="n = 0"; else WHO="n > 0"; fi
psql -qtA -d "$DB" -F ' ' -c "SELECT id, 'bench' || n FROM bench.owner WHERE $WHO ORDER BY n" > "$WORK/owners.txt"
java -jar benchmarks/loadgen/target/loadgen.jar tokens "$SECRET" "$WORK/owners.txt" > "$WORK/tokens.txt"

env "$@" DATABASE_URL="postgresql://$PGUSER@localhost:5432/$DB" SERVER_PORT=$PORT SPRING_PROFILES_ACTIVE=prod \
  CRUXLOG_TOKEN_SECRET="$SECRET" LOG_LEVEL=WARN JOBS_ENABLED=false \
  taskset -c 0 java -Xmx1g -XX:StartFlightRecording=name=alloc,settings="$ROOT/benchmarks/alloc.jfc",maxage=15m \
  ${STEADY_JAVA_OPTS:-} -jar "$JAR" > "$WORK/app.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do curl -sf "http://localhost:$PORT/actuator/health" >/dev/null 2>&1 && break; sleep 1; done
URL="http://localhost:$PORT${STEADY_PATH:-/api/v1/logbook/ticks?limit=50}"
[ -n "${STEADY_ACCEPT:-}" ] && export LOADGEN_ACCEPT=$STEADY_ACCEPT

cpu() { awk '{print $14 + $15}' /proc/"$PID"/stat; }
. "$ROOT/benchmarks/jit-ticks.sh"
jit() { jit_ticks "$PID"; }
for slice in $(seq 1 12); do
  j0=$(jit); $LOADGEN load "$URL" "$WORK/tokens.txt" 64 10 > /dev/null; j1=$(jit)
  share=$(awk -v a="$j0" -v b="$j1" -v hz="$HZ" 'BEGIN{printf "%.3f", (b-a)/hz/10}')
  echo "warm-up slice $slice: JIT compilers used $share of a core" >&2
  awk -v s="$share" 'BEGIN{exit !(s < 0.03)}' && break
done
for c in 8 64; do
  for i in 1 2 3; do
    taskset -c 1 jcmd $PID JFR.dump name=alloc filename="$WORK/before.jfr" > /dev/null
    c0=$(cpu); j0=$(jit)
    r=$($LOADGEN load "$URL" "$WORK/tokens.txt" $c 10)
    c1=$(cpu); j1=$(jit)
    taskset -c 1 jcmd $PID JFR.dump name=alloc filename="$WORK/after.jfr" > /dev/null
    allocated=$(taskset -c 1 "$PARSE_JAVA" -jar "$ROOT/benchmarks/loadgen/target/loadgen.jar" alloc "$WORK/before.jfr" "$WORK/after.jfr" \
      | sed -n 's/.*"allocatedBytes":\([0-9]*\).*/\1/p')
    n=$(echo "$r" | sed 's/.*"requests":\([0-9]*\).*/\1/')
    echo "$r" | sed "s/}\$/,\"label\":\"$LABEL\",\"appCpuUsPerRequest\":$(awk -v a="$c0" -v b="$c1" -v n="$n" -v hz="$HZ" 'BEGIN{printf "%.0f", (b-a)/hz*1e6/n}'),\"allocBytesPerRequest\":$(awk -v a="${allocated:-0}" -v n="$n" 'BEGIN{printf "%.0f", a/n}'),\"jitCpuUs\":$(awk -v a="$j0" -v b="$j1" -v hz="$HZ" 'BEGIN{printf "%.0f", (b-a)/hz*1e6}')}/" | tee -a "$OUT"
  done
done
