#!/usr/bin/env bash
# PostgreSQL's CPU per ticks-page request beside the server's, for Cruxlog and then the fair platform
# baseline, each pinned to core 0 (the load generator on core 1, PostgreSQL floating as in run.sh):
# three 10 s warm-up loops at 64 connections, then three measured 10 s closed loops at CONNS (8).
# PostgreSQL's CPU is the sum over its processes (/proc, utime + stime), so a backend that exits
# inside a loop is missed; the pools keep theirs open. Uses the data run.sh loaded into cruxlog_bench.
#   benchmarks/pg-cpu.sh > benchmarks/results/pg-cpu-<date>.txt
set -euo pipefail
cd "$(dirname "$0")/.."; ROOT=$(pwd)
DB=cruxlog_bench; HZ=$(getconf CLK_TCK); WORK=$(mktemp -d)
export PGHOST=localhost PGPORT=5432 PGUSER=postgres
SECRET=$(head -c 32 /dev/urandom | base64 -w0)
LOADGEN="taskset -c 1 java -Xss512k -jar $ROOT/benchmarks/loadgen/target/loadgen.jar"
psql -qtA -d "$DB" -F ' ' -c "SELECT id, 'bench' || n FROM bench.owner WHERE n > 0 ORDER BY n" > "$WORK/owners.txt"
java -jar benchmarks/loadgen/target/loadgen.jar tokens "$SECRET" "$WORK/owners.txt" > "$WORK/tokens.txt"
pgcpu() { local s=0; for p in $(pgrep -x postgres); do v=$(awk '{print $14 + $15}' /proc/$p/stat 2>/dev/null || echo 0); s=$((s + v)); done; echo $s; }
measure() { # NAME PID URL
  for i in 1 2 3; do $LOADGEN load "$3" "$WORK/tokens.txt" 64 10 > /dev/null; done
  for i in 1 2 3; do
    p0=$(pgcpu); a0=$(awk '{print $14 + $15}' /proc/$2/stat)
    r=$($LOADGEN load "$3" "$WORK/tokens.txt" ${CONNS:-8} 10)
    p1=$(pgcpu); a1=$(awk '{print $14 + $15}' /proc/$2/stat)
    n=$(echo "$r" | sed 's/.*"requests":\([0-9]*\).*/\1/')
    echo "$1 run $i: $(echo "$r" | sed 's/.*"rps":\([0-9.]*\).*/\1/') req/s; PostgreSQL $(awk -v a=$p0 -v b=$p1 -v n=$n -v hz=$HZ 'BEGIN{printf "%.0f", (b-a)/hz*1e6/n}') us/request; server $(awk -v a=$a0 -v b=$a1 -v n=$n -v hz=$HZ 'BEGIN{printf "%.0f", (b-a)/hz*1e6/n}') us/request"
  done
}
DATABASE_URL="postgresql://postgres@127.0.0.1:5432/$DB" SERVER_PORT=18070 SPRING_PROFILES_ACTIVE=prod CRUXLOG_TOKEN_SECRET="$SECRET" \
  LOG_LEVEL=WARN JOBS_ENABLED=false taskset -c 0 java -Xmx1g ${APP_OPTS:-} -jar app/target/cruxlog-exec.jar > "$WORK/app.log" 2>&1 &
PID=$!
for _ in $(seq 1 120); do curl -sf http://localhost:18070/actuator/health >/dev/null 2>&1 && break; sleep 1; done
measure app $PID "http://localhost:18070/api/v1/logbook/ticks?limit=50"
kill $PID; wait $PID 2>/dev/null || true
BASELINE_MODE=fair JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" SERVER_PORT=18071 POOL_MAX=15 CRUXLOG_TOKEN_SECRET="$SECRET" \
  VIRTUAL_THREADS=false TOMCAT_MAX_THREADS=200 TICKS_PAGE_SQL="$ROOT/benchmarks/sql/ticks-page.sql" \
  taskset -c 0 java -Xmx1g -jar benchmarks/baseline/target/baseline.jar > "$WORK/base.log" 2>&1 &
PID=$!
for _ in $(seq 1 120); do curl -s -o /dev/null http://localhost:18071/api/v1/logbook/ticks && break; sleep 1; done
measure platform $PID "http://localhost:18071/api/v1/logbook/ticks?limit=50"
kill $PID; wait $PID 2>/dev/null || true
rm -rf "$WORK"
