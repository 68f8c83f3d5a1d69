#!/usr/bin/env bash
# What one streamed coach token and one coach question cost the app, in CPU (benchmark S8's two
# parts, measured apart so a change to either shows):
#   benchmarks/coach-costs.sh JAR LABEL        e.g. benchmarks/coach-costs.sh app/target/cruxlog-exec.jar head
# Uses the climbers run.sh loaded into cruxlog_bench. Starts the app on core 0 and the model stub
# on core 1, warms up with three rounds of 300 streamed answers, then:
#   A: 300 answers of 200 tokens (20 tokens/s), started over 3 s;
#   B: 300 answers of 20 tokens, the same way.
# The app's CPU over each round (its threads less the JIT compilers', from /proc) gives
#   per token    = (A - B) / (300 x 180)
#   per question = B / 300 (a conversation created, the question asked, 20 tokens relayed),
#   and PostgreSQL's per question, its CPU over round B / 300 (pg-ticks.sh);
# and, less noisy (no questions in it), a round S of 300 answers of 400 tokens (20 s each), started
# over 3 s: the app's CPU from 8 s to 18 s after S starts, when every answer is being written and
# none has ended, over the tokens the stub wrote to Cruxlog in that window:
#   per token while streaming = that CPU / (300 x 20 tokens/s x 10 s)
# Appends a line to benchmarks/results/coach-costs.txt. JAVA_OPTS adds JVM options.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
JAR=$1; LABEL=$2
DB=${BENCH_DB:-cruxlog_bench}
PORT=18080; STUB_PORT=18100
WORK=$(mktemp -d)
export PGHOST=localhost PGPORT=5432 PGUSER=${PGUSER:-postgres}
SECRET=$(head -c 32 /dev/urandom | base64 -w0)
LOADGEN_JAR=$ROOT/benchmarks/loadgen/target/loadgen.jar
LOADGEN="taskset -c 1 java -Xss512k -jar $LOADGEN_JAR"
psql -qtA -d "$DB" -F ' ' -c "SELECT id, 'bench' || n FROM bench.owner WHERE n > 0 ORDER BY n" > "$WORK/owners.txt"
java -jar "$LOADGEN_JAR" tokens "$SECRET" "$WORK/owners.txt" PREMIUM > "$WORK/premium.txt"
STUB_PID=""; APP_PID=""
trap 'kill $APP_PID $STUB_PID 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT
# stub SECONDS: (re)start the model stub writing 20 tokens a second for that long.
stub() {
  [ -n "$STUB_PID" ] && { kill "$STUB_PID"; wait "$STUB_PID" 2>/dev/null || true; }
  taskset -c 1 java -jar "$LOADGEN_JAR" model-stub $STUB_PORT 20 "$1" 3000 > "$WORK/stub.log" 2>&1 &
  STUB_PID=$!
  for _ in $(seq 1 30); do curl -s -o /dev/null "http://127.0.0.1:$STUB_PORT/stats" && return 0; sleep 0.5; done
}
stub 10
DATABASE_URL="postgresql://$PGUSER@127.0.0.1:5432/$DB" SERVER_PORT=$PORT SPRING_PROFILES_ACTIVE=prod \
  CRUXLOG_TOKEN_SECRET="$SECRET" LOG_LEVEL=WARN SECURE_COOKIES=false \
  CRUXLOG_COACH_BASE_URL="http://127.0.0.1:$STUB_PORT/v1" CRUXLOG_COACH_PREMIUM_QUESTIONS_PER_DAY=-1 \
  taskset -c 0 java -Xmx1g ${JAVA_OPTS:-} -jar "$JAR" > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do curl -sf "http://localhost:$PORT/actuator/health" >/dev/null 2>&1 && break; sleep 1; done
URL="http://localhost:$PORT/api/v1/coach/conversations"
for _ in 1 2 3; do $LOADGEN stream "$URL" "$WORK/premium.txt" 300 200 3 90 > /dev/null; done
# The app's user+system ticks, less its C1/C2 compiler threads': the process's own count, so the
# ticks of threads that ended during a round stay in it (summing the live threads dropped them).
ticks() {
  local all; all=$(sed 's/.*) //' /proc/"$APP_PID"/stat | awk '{print $12 + $13}')
  local jit; jit=$(for t in /proc/"$APP_PID"/task/*; do case $(cat "$t/comm" 2>/dev/null) in C1\ Compi*|C2\ Compi*) sed 's/.*) //' "$t/stat" 2>/dev/null | awk '{print $12 + $13}' ;; esac; done | awk '{s += $1} END {print s + 0}')
  echo $((all - jit))
}
. "$ROOT/benchmarks/pg-ticks.sh"
a0=$(ticks); $LOADGEN stream "$URL" "$WORK/premium.txt" 300 200 3 90 > "$WORK/a.json"; a1=$(ticks)
stub 1
b0=$(ticks); p0=$(pg_ticks); $LOADGEN stream "$URL" "$WORK/premium.txt" 300 20 3 90 > "$WORK/b.json"; b1=$(ticks); p1=$(pg_ticks)
stub 20
$LOADGEN stream "$URL" "$WORK/premium.txt" 300 400 3 90 > "$WORK/s.json" &
S_PID=$!; sleep 8; w0=$(ticks); sleep 10; w1=$(ticks); wait $S_PID
HZ=$(getconf CLK_TCK)
line=$(awk -v l="$LABEL" -v a=$((a1 - a0)) -v b=$((b1 - b0)) -v hz="$HZ" -v d="$(date -u +%Y-%m-%dT%H:%MZ)" 'BEGIN {
  printf "%s %s: A %.2f s, B %.2f s of CPU; per token %.1f us, per question %.0f us", d, l, a / hz, b / hz, (a - b) / hz * 1e6 / 54000, b / hz * 1e6 / 300 }')
line="$line, PostgreSQL per question $(awk -v p=$((p1 - p0)) -v hz="$HZ" 'BEGIN {printf "%.0f", p / hz * 1e6 / 300}') us"
line="$line; per token while streaming $(awk -v w=$((w1 - w0)) -v hz="$HZ" 'BEGIN {printf "%.1f", w / hz * 1e6 / 60000}') us (S complete $(sed -n 's/.*"complete":\([0-9]*\).*/\1/p' "$WORK/s.json")/300)"
complete=$(sed -n 's/.*"complete":\([0-9]*\).*/\1/p' "$WORK/a.json")
echo "$line; A complete $complete/300" | tee -a benchmarks/results/coach-costs.txt
