#!/usr/bin/env bash
# S5's import, three times in a row on one app start (each by another climber), to tell the first
# import's JIT warm-up from the import's steady cost: per import, the upload request's time (curl)
# and upload-to-finished. Uses the data run.sh loaded into cruxlog_bench and the built app jar.
#   benchmarks/repeat-imports.sh      -> benchmarks/results/imports-<timestamp>.txt
# JAR picks another build of the app (default app/target/cruxlog-exec.jar); JOPTS adds JVM options to the app (a GC log, a JFR recording); APP_LOG keeps its log at that path.
# AP_LIB=/path/to/libasyncProfiler.so profiles the third import alone (async-profiler attached by
# results/s8-questions-20261202/Ap.java, CPU every millisecond, collapsed stacks per thread) into AP_OUT.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="benchmarks/results/imports-$(date -u +%Y%m%dT%H%M%SZ).txt"
DB=${BENCH_DB:-cruxlog_bench}; PORT=18074; WORK=$(mktemp -d)
export PGHOST=localhost PGPORT=5432 PGUSER=postgres
SECRET=$(head -c 32 /dev/urandom | base64 -w0)
psql -qtA -d "$DB" -F ' ' -c "SELECT id, 'bench' || n FROM bench.owner WHERE n > 0 ORDER BY n" > "$WORK/owners.txt"
java -jar benchmarks/loadgen/target/loadgen.jar tokens "$SECRET" "$WORK/owners.txt" > "$WORK/tokens.txt"
env DATABASE_URL="postgresql://postgres@localhost:5432/$DB" SERVER_PORT=$PORT SPRING_PROFILES_ACTIVE=prod \
  CRUXLOG_TOKEN_SECRET="$SECRET" LOG_LEVEL=WARN \
  taskset -c 0 java -Xmx1g ${JOPTS:-} -jar "${JAR:-app/target/cruxlog-exec.jar}" > "${APP_LOG:-$WORK/app.log}" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do curl -sf "http://localhost:$PORT/actuator/health" >/dev/null 2>&1 && break; sleep 1; done
python3 benchmarks/sql/mp_export.py 50000 0.42 > "$WORK/f.csv"; ls -la "$WORK/f.csv" | awk '{print "file bytes", $5}' | tee "$OUT"
FIRST=$(psql -qtA -d "$DB" -c "SELECT coalesce(max(o.n), 1) + 1 FROM bench.owner o WHERE EXISTS (SELECT 1 FROM logbook.import i WHERE i.owner_id = o.id)")
for i in 1 2 3; do
  # Climbers who have imported nothing yet (run.sh S5 uses the first; earlier runs of this script others).
  TOKEN=$(sed -n "$((FIRST + i))p" "$WORK/tokens.txt")
  if [ "$i" = 3 ] && [ -n "${AP_LIB:-}" ]; then
    java benchmarks/results/s8-questions-20261202/Ap.java "$PID" "$AP_LIB" "start,event=cpu,interval=1ms,threads,file=${AP_OUT:-/tmp/import3.collapsed}"
  fi
  t0=$(date +%s.%N)
  out=$(curl -s -w '\n%{time_total} %{time_starttransfer}' -H "Authorization: Bearer $TOKEN" -F "file=@$WORK/f.csv;type=text/csv" "http://localhost:$PORT/api/v1/logbook/imports")
  ID=$(echo "$out" | head -1 | sed 's/.*"id":"\([^"]*\)".*/\1/'); echo "import $i upload request (curl total, first byte): $(echo "$out" | tail -1)" | tee -a "$OUT"
  while :; do st=$(curl -sf -H "Authorization: Bearer $TOKEN" "http://localhost:$PORT/api/v1/logbook/imports/$ID"); case $st in *succeeded*|*failed*) break;; esac; sleep 0.1; done
  t1=$(date +%s.%N)
  if [ "$i" = 3 ] && [ -n "${AP_LIB:-}" ]; then
    java benchmarks/results/s8-questions-20261202/Ap.java "$PID" "$AP_LIB" "stop,collapsed,threads,file=${AP_OUT:-/tmp/import3.collapsed}"
  fi
  echo "$st" | python3 -c "import sys,json; from datetime import datetime as D; d=json.load(sys.stdin); a=D.fromisoformat(d['createdAt'].replace('Z','+00:00')); b=D.fromisoformat(d['finishedAt'].replace('Z','+00:00')); print('import', $i, d['status'], d['ticksAdded'], 'ticks; createdAt->finishedAt', (b-a).total_seconds(), 's; upload to finished', round($t1-$t0,2), 's; from', d['createdAt'], 'to', d['finishedAt'])" | tee -a "$OUT"
done
