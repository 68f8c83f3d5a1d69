#!/usr/bin/env bash
# PostgreSQL's CPU per ticks-page request beside the server's, for Cruxlog and then the fair platform
# baseline, each pinned to core 0 (the load generator on core 1, PostgreSQL floating as in run.sh):
# three 10 s warm-up loops at 64 connections, then three measured 10 s closed loops at CONNS (8).
# PostgreSQL's CPU is the sum over this machine's postgres processes (/proc, utime + stime) plus
# what the postmaster has collected of children that ended (cutime + cstime), so a backend or an
# autovacuum worker that exits inside a loop still counts. The server's figure leaves out its JIT
# compiler threads, as run.sh does (their share is printed beside it): six warm-up loops are not
# always enough for a server to stop compiling on one core.
# Uses the data run.sh loaded into cruxlog_bench.
#   benchmarks/pg-cpu.sh > benchmarks/results/pg-cpu-<date>.txt
set -euo pipefail
cd "$(dirname "$0")/.."; ROOT=$(pwd)
DB=cruxlog_bench; HZ=$(getconf CLK_TCK); WORK=$(mktemp -d)
export PGHOST=localhost PGPORT=5432 PGUSER=postgres
SECRET=$(head -c 32 /dev/urandom | base64 -w0)
LOADGEN="taskset -c 1 java -Xss512k -jar $ROOT/benchmarks/loadgen/target/loadgen.jar"
psql -qtA -d "$DB" -F ' ' -c "SELECT id, 'bench' || n FROM bench.owner WHERE n > 0 ORDER BY n" > "$WORK/owners.txt"
java -jar benchmarks/loadgen/target/loadgen.jar tokens "$SECRET" "$WORK/owners.txt" > "$WORK/tokens.txt"
. "$ROOT/benchmarks/pg-ticks.sh"
. "$ROOT/benchmarks/jit-ticks.sh"
PID=""
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT
up() { # URL: waits up to 120 s for the server, or fails the script
  for _ in $(seq 1 120); do curl -s -o /dev/null "$1" && return 0; sleep 1; done
  echo "the server at $1 did not come up" >&2; exit 1
}
measure() { # NAME PID URL
  for i in 1 2 3 4 5 6; do $LOADGEN load "$3" "$WORK/tokens.txt" 64 10 > /dev/null; done
  for i in 1 2 3; do
    p0=$(pg_ticks); a0=$(awk '{print $14 + $15}' /proc/$2/stat); j0=$(jit_ticks "$2")
    r=$($LOADGEN load "$3" "$WORK/tokens.txt" ${CONNS:-8} 10)
    p1=$(pg_ticks); a1=$(awk '{print $14 + $15}' /proc/$2/stat); j1=$(jit_ticks "$2")
    n=$(echo "$r" | sed 's/.*"requests":\([0-9]*\).*/\1/')
    echo "$1 run $i: $(echo "$r" | sed 's/.*"rps":\([0-9.]*\).*/\1/') req/s; PostgreSQL $(awk -v a=$p0 -v b=$p1 -v n=$n -v hz=$HZ 'BEGIN{printf "%.0f", (b-a)/hz*1e6/n}') us/request; server $(awk -v a=$a0 -v b=$a1 -v j=$((j1 - j0)) -v n=$n -v hz=$HZ 'BEGIN{printf "%.0f", (b-a-j)/hz*1e6/n}') us/request (JIT compilers $(awk -v j=$((j1 - j0)) -v hz=$HZ 'BEGIN{printf "%.2f", j/hz/10}') of a core)"
  done
}
DATABASE_URL="postgresql://postgres@127.0.0.1:5432/$DB" SERVER_PORT=18070 SPRING_PROFILES_ACTIVE=prod CRUXLOG_TOKEN_SECRET="$SECRET" \
  LOG_LEVEL=WARN JOBS_ENABLED=false taskset -c 0 java -Xmx1g ${APP_OPTS:-} -jar app/target/cruxlog-exec.jar > "$WORK/app.log" 2>&1 &
PID=$!
up http://localhost:18070/actuator/health
measure app $PID "http://localhost:18070/api/v1/logbook/ticks?limit=50"
kill $PID; wait $PID 2>/dev/null || true
BASELINE_MODE=fair JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" SERVER_PORT=18071 POOL_MAX=15 CRUXLOG_TOKEN_SECRET="$SECRET" \
  VIRTUAL_THREADS=false TOMCAT_MAX_THREADS=200 TICKS_PAGE_SQL="$ROOT/benchmarks/sql/ticks-page.sql" \
  taskset -c 0 java -Xmx1g -jar benchmarks/baseline/target/baseline.jar > "$WORK/base.log" 2>&1 &
PID=$!
up http://localhost:18071/api/v1/logbook/ticks
measure platform $PID "http://localhost:18071/api/v1/logbook/ticks?limit=50"
kill $PID; wait $PID 2>/dev/null || true
PID=""
