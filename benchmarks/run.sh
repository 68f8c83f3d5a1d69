#!/usr/bin/env bash
# Reproduces every figure in docs/benchmarks.md:
#   benchmarks/run.sh                 all scenarios
#   benchmarks/run.sh S1 S2           only those
# Needs: PostgreSQL on localhost:5432 (trust auth, as on CI), pgbench, Java 17, and for the
# virtual-thread baseline the Temurin 25 JDK (JDK25_HOME, default /usr/lib/jvm/temurin-25-jdk-amd64).
# Writes benchmarks/results/<timestamp>/ (raw JSON per run, summary.json, report.md, report.html).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SCENARIOS=${*:-S3 S1 S2 S4 S5 S6 S7}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-15}
WARMUP=${WARMUP:-5}
USERS=${USERS:-1000}
TICKS=${TICKS:-500}
SEED=${SEED:-0.42}
DB=${BENCH_DB:-cruxlog_bench}
APP_PORT=18080
BASE_PORT=18090
POOL=15
JDK25_HOME=${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
OUT="$ROOT/benchmarks/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
export PGHOST=localhost PGPORT=5432 PGUSER=${PGUSER:-postgres}
SECRET=$(head -c 32 /dev/urandom | base64 -w0)
CORES=$(nproc)
# Pin the load generator away from the app where cores allow (2 cores: app on 0, load on 1;
# PostgreSQL floats). The report records it.
if [ "$CORES" -ge 2 ] && command -v taskset >/dev/null; then APP_CPU="taskset -c 0"; LOAD_CPU="taskset -c 1"; else APP_CPU=""; LOAD_CPU=""; fi
LOADGEN="$LOAD_CPU java -Xss512k -jar $ROOT/benchmarks/loadgen/target/loadgen.jar"
log() { echo "== $(date -u +%H:%M:%S) $*"; }

log "building (app jar, baseline, load generator)"
[ -f app/target/cruxlog-exec.jar ] || ./mvnw -q -B -DskipTests package
(cd benchmarks/baseline && [ -f target/baseline.jar ] || ../../mvnw -q -B -DskipTests package)
(cd benchmarks/loadgen && [ -f target/loadgen.jar ] || ../../mvnw -q -B package)

log "database $DB"
psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"

APP_PID=""
start_app() {
  DATABASE_URL="postgresql://$PGUSER@localhost:5432/$DB" SERVER_PORT=$APP_PORT SPRING_PROFILES_ACTIVE=prod \
    CRUXLOG_TOKEN_SECRET="$SECRET" LOG_LEVEL=WARN SECURE_COOKIES=false \
    $APP_CPU java -Xmx1g -jar app/target/cruxlog-exec.jar > "$OUT/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 120); do
    curl -sf "http://localhost:$APP_PORT/actuator/health" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "the app did not start; see $OUT/app.log"; exit 1
}
BASE_PID=""
start_baseline() { # $1 = java binary, $2 = virtual threads true|false
  JDBC_URL="jdbc:postgresql://localhost:5432/$DB" SERVER_PORT=$BASE_PORT POOL_MAX=$POOL CRUXLOG_TOKEN_SECRET="$SECRET" \
    VIRTUAL_THREADS=$2 $APP_CPU "$1" -Xmx1g -jar benchmarks/baseline/target/baseline.jar > "$OUT/baseline-$2.log" 2>&1 &
  BASE_PID=$!
  for _ in $(seq 1 120); do
    curl -s -o /dev/null "http://localhost:$BASE_PORT/api/v1/logbook/ticks" && return 0
    sleep 1
  done
  echo "the baseline did not start; see $OUT/baseline-$2.log"; exit 1
}
stop() { [ -n "${1:-}" ] && kill "$1" 2>/dev/null && wait "$1" 2>/dev/null || true; }
trap 'stop "$APP_PID"; stop "$BASE_PID"' EXIT

# Sample CPU time, RSS and threads of a process around a run.
proc_stats() { # $1 pid -> "cpu_ticks rss_kb threads"
  local stat; stat=$(cat /proc/"$1"/stat); local ut st
  ut=$(echo "$stat" | awk '{print $14}'); st=$(echo "$stat" | awk '{print $15}')
  echo "$((ut + st)) $(awk '/VmRSS/{print $2}' /proc/"$1"/status) $(awk '/Threads/{print $2}' /proc/"$1"/status)"
}
# run NAME PID URL TOKENS CONNECTIONS [RATE]: warm up, measure, record app CPU/RSS/threads
run() {
  local name=$1 pid=$2 url=$3 tokens=$4 conns=$5 rate=${6:-}
  $LOADGEN load "$url" "$tokens" "$conns" "$WARMUP" $rate > /dev/null
  read -r cpu0 _ _ < <(proc_stats "$pid")
  local result; result=$($LOADGEN load "$url" "$tokens" "$conns" "$SECONDS_PER_RUN" $rate)
  read -r cpu1 rss threads < <(proc_stats "$pid")
  local cpu; cpu=$(awk -v a="$cpu0" -v b="$cpu1" -v s="$SECONDS_PER_RUN" -v hz="$(getconf CLK_TCK)" 'BEGIN{printf "%.2f", (b-a)/hz/s}')
  echo "${result%\}},\"name\":\"$name\",\"appCpuCores\":$cpu,\"appRssKb\":$rss,\"appThreads\":$threads}" | tee "$OUT/$name.json"
}
pgbench_run() { # NAME SCRIPT CLIENTS
  local tps; tps=$(pgbench -n -d "$DB" -f "benchmarks/sql/$2" -D users="$USERS" -c "$3" -j "$CORES" -T "$SECONDS_PER_RUN" 2>/dev/null \
    | awk '/^tps/{print $3; exit}')
  echo "{\"name\":\"$1\",\"clients\":$3,\"tps\":${tps:-0}}" | tee "$OUT/$1.json"
}

log "starting Cruxlog (prod profile) to migrate the schema"
start_app
log "loading $USERS climbers x $TICKS ticks (+1 climber x 10,000), seed $SEED"
psql -q -d "$DB" -v users="$USERS" -v ticks="$TICKS" -v seed="$SEED" -f benchmarks/sql/data.sql | tee "$OUT/data.txt"
psql -qtA -d "$DB" -F ' ' -c "SELECT id, 'bench' || n FROM bench.owner WHERE n > 0 ORDER BY n" > "$OUT/owners.txt"
psql -qtA -d "$DB" -F ' ' -c "SELECT id, 'heavy' FROM bench.owner WHERE n = 0" > "$OUT/heavy-owner.txt"
java -jar benchmarks/loadgen/target/loadgen.jar tokens "$SECRET" "$OUT/owners.txt" > "$OUT/tokens.txt"
java -jar benchmarks/loadgen/target/loadgen.jar tokens "$SECRET" "$OUT/heavy-owner.txt" > "$OUT/heavy-token.txt"
TICKS_URL="http://localhost:$APP_PORT/api/v1/logbook/ticks?limit=50"
BASE_URL="http://localhost:$BASE_PORT/api/v1/logbook/ticks?limit=50"
# Both servers get the same JIT warm-up before anything is measured: on one pinned core the
# compiler threads compete with the request threads for the first minute (JFR showed it).
JIT_WARMUP=${JIT_WARMUP:-30}
warm_up() { $LOADGEN load "$1" "$OUT/tokens.txt" 64 "$JIT_WARMUP" > /dev/null; }
log "warming up Cruxlog (${JIT_WARMUP} s)"
warm_up "$TICKS_URL"

for s in $SCENARIOS; do case $s in
S3)
  log "S3: 4 and 8 connections, Cruxlog vs the blocking baseline"
  for c in 4 8; do run "S3-app-c$c" "$APP_PID" "$TICKS_URL" "$OUT/tokens.txt" $c; done
  start_baseline java false
  warm_up "$BASE_URL"
  for c in 4 8; do run "S3-mvc-c$c" "$BASE_PID" "$BASE_URL" "$OUT/tokens.txt" $c; done
  stop "$BASE_PID"; BASE_PID="" ;;
S1)
  log "S1: ticks page at 64, 256, 1000 connections; pgbench ceiling at the pool size"
  for c in 64 256 1000; do run "S1-app-c$c" "$APP_PID" "$TICKS_URL" "$OUT/tokens.txt" $c; done
  pgbench_run "S1-pgbench-c$POOL" ticks-page.pgbench $POOL
  pgbench_run "S1-pgbench-c64" ticks-page.pgbench 64 ;;
S2)
  log "S2: 1000 connections, open model at 80% of Cruxlog's max rate, vs platform and virtual threads"
  MAX=$(cat "$OUT"/S1-app-c*.json 2>/dev/null | sed 's/.*"rps":\([0-9.]*\).*/\1/' | sort -g | tail -1)
  [ -n "$MAX" ] || { run "S2-probe" "$APP_PID" "$TICKS_URL" "$OUT/tokens.txt" 256 >/dev/null; MAX=$(sed 's/.*"rps":\([0-9.]*\).*/\1/' "$OUT/S2-probe.json"); }
  RATE=$(awk -v m="$MAX" 'BEGIN{printf "%d", m*0.8}')
  echo "{\"name\":\"S2-rate\",\"maxRps\":$MAX,\"rate\":$RATE}" > "$OUT/S2-rate.json"
  run "S2-app" "$APP_PID" "$TICKS_URL" "$OUT/tokens.txt" 1000 "$RATE"
  start_baseline java false
  warm_up "$BASE_URL"
  run "S2-mvc-platform" "$BASE_PID" "$BASE_URL" "$OUT/tokens.txt" 1000 "$RATE"
  stop "$BASE_PID"; BASE_PID=""
  if [ -x "$JDK25_HOME/bin/java" ]; then
    start_baseline "$JDK25_HOME/bin/java" true
    warm_up "$BASE_URL"
    run "S2-mvc-virtual" "$BASE_PID" "$BASE_URL" "$OUT/tokens.txt" 1000 "$RATE"
    stop "$BASE_PID"; BASE_PID=""
  fi ;;
S4)
  log "S4: pyramid and overview of the 10,000-tick climber"
  PYR="http://localhost:$APP_PORT/api/v1/analytics/pyramid?discipline=sport"
  OVR="http://localhost:$APP_PORT/api/v1/analytics/overview"
  run "S4-pyramid-max" "$APP_PID" "$PYR" "$OUT/heavy-token.txt" 16
  run "S4-overview-max" "$APP_PID" "$OVR" "$OUT/heavy-token.txt" 16
  for kind in pyramid overview; do
    url=$PYR; [ $kind = overview ] && url=$OVR
    half=$(sed 's/.*"rps":\([0-9.]*\).*/\1/' "$OUT/S4-$kind-max.json" | awk '{printf "%d", $1/2}')
    run "S4-$kind-half" "$APP_PID" "$url" "$OUT/heavy-token.txt" 64 "$half"
  done
  pgbench_run "S4-pgbench-pyramid-c$POOL" pyramid.pgbench $POOL ;;
S5)
  log "S5: import a 50,000-row Mountain Project export, against psql \\copy of the same rows"
  python3 benchmarks/sql/mp_export.py 50000 "$SEED" > "$OUT/import-50k.csv"
  TOKEN=$(head -1 "$OUT/tokens.txt")
  t0=$(date +%s.%N)
  ID=$(curl -sf -H "Authorization: Bearer $TOKEN" -F "file=@$OUT/import-50k.csv;type=text/csv" \
       "http://localhost:$APP_PORT/api/v1/logbook/imports" | sed 's/.*"id":"\([^"]*\)".*/\1/')
  heap0=$(awk '/VmRSS/{print $2}' /proc/"$APP_PID"/status); heapmax=$heap0
  while :; do
    st=$(curl -sf -H "Authorization: Bearer $TOKEN" "http://localhost:$APP_PORT/api/v1/logbook/imports/$ID")
    rss=$(awk '/VmRSS/{print $2}' /proc/"$APP_PID"/status); [ "$rss" -gt "$heapmax" ] && heapmax=$rss
    case $st in *'"status":"succeeded"'*|*'"status":"failed"'*) break;; esac
    sleep 0.2
  done
  t1=$(date +%s.%N)
  echo "$st" > "$OUT/S5-import-status.json"
  # The same rows, the same indexes, the stored columns only (generated ones are computed by PostgreSQL).
  COLS=$(psql -qtA -d "$DB" -c "SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns
         WHERE table_schema = 'logbook' AND table_name = 'tick' AND is_generated = 'NEVER'")
  psql -q -d "$DB" -c "DROP TABLE IF EXISTS bench.tick_copy" -c "CREATE TABLE bench.tick_copy (LIKE logbook.tick INCLUDING ALL)"
  psql -q -d "$DB" -c "\\copy (SELECT $COLS FROM logbook.tick WHERE import_id = '$ID') TO '$OUT/import-rows.copy'"
  c0=$(date +%s.%N)
  psql -q -d "$DB" -c "\\copy bench.tick_copy ($COLS) FROM '$OUT/import-rows.copy'"
  c1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" -v c="$c0" -v d="$c1" -v r0="$heap0" -v r1="$heapmax" \
    'BEGIN{printf "{\"name\":\"S5\",\"rows\":50000,\"importSeconds\":%.2f,\"importRowsPerSecond\":%.0f,\"copySeconds\":%.2f,\"copyRowsPerSecond\":%.0f,\"rssStartKb\":%d,\"rssPeakKb\":%d}\n", b-a, 50000/(b-a), d-c, 50000/(d-c), r0, r1}' \
    | tee "$OUT/S5.json" ;;
S6)
  log "S6: ticks page while four imports run"
  python3 benchmarks/sql/mp_export.py 20000 "$SEED" > "$OUT/import-20k.csv"
  run "S6-idle" "$APP_PID" "$TICKS_URL" "$OUT/tokens.txt" 64 200
  UPLOADS=()
  for i in 2 3 4 5; do
    TOKEN=$(sed -n "${i}p" "$OUT/tokens.txt")
    curl -sf -H "Authorization: Bearer $TOKEN" -F "file=@$OUT/import-20k.csv;type=text/csv" \
      "http://localhost:$APP_PORT/api/v1/logbook/imports" > "$OUT/S6-upload-$i.json" &
    UPLOADS+=($!)
  done
  run "S6-importing" "$APP_PID" "$TICKS_URL" "$OUT/tokens.txt" 64 200
  wait "${UPLOADS[@]}"
  # The imports must really have run during the reads: each one's rows and finish time.
  psql -qtA -d "$DB" -c "SELECT json_agg(json_build_object('rows', rows_read, 'status', status,
      'seconds', extract(epoch FROM finished_at - started_at))) FROM logbook.import WHERE rows_read = 20000" \
      > "$OUT/S6-imports.json" ;;
S7)
  log "S7: 1000 idle keep-alive connections"
  read -r _ rss0 thr0 < <(proc_stats "$APP_PID")
  $LOADGEN idle localhost $APP_PORT 1000 10 > "$OUT/S7-idle.txt" &
  IDLE=$!; sleep 7
  read -r _ rss1 thr1 < <(proc_stats "$APP_PID")
  wait "$IDLE" || true
  echo "{\"name\":\"S7\",\"connections\":$(sed 's/.*:\([0-9]*\).*/\1/' "$OUT/S7-idle.txt"),\"rssBeforeKb\":$rss0,\"rssWithKb\":$rss1,\"threadsBefore\":$thr0,\"threadsWith\":$thr1,\"cores\":$CORES}" | tee "$OUT/S7.json" ;;
esac; done

log "report"
{
  echo "{\"machine\":\"$(uname -srm), $CORES cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo)\","
  echo "\"java\":\"$(java -version 2>&1 | head -1 | tr -d '"')\",\"postgres\":\"$(psql -tAc 'show server_version' -d postgres)\","
  echo "\"users\":$USERS,\"ticksPerUser\":$TICKS,\"seed\":$SEED,\"secondsPerRun\":$SECONDS_PER_RUN,\"pool\":$POOL,"
  echo "\"pinning\":\"${APP_CPU:-none} (app) / ${LOAD_CPU:-none} (load)\",\"runs\":["
  ls "$OUT"/*.json | grep -v summary | xargs -I{} sh -c 'cat {}; echo ,' | sed '$ s/,$//'
  echo "]}"
} > "$OUT/summary.json"
python3 benchmarks/report.py "$OUT/summary.json" "$OUT"
log "done: $OUT/report.md"
