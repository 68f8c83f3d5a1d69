#!/usr/bin/env bash
# Reproduces every figure in docs/benchmarks.md:
#   benchmarks/run.sh                 all scenarios (21.1 minutes at full speed on 2 cores on 2026-12-05, before this day's shorter warm-ups; 28.4 at a third of that speed)
#   benchmarks/run.sh S1 S2           only those (S1N/S2N always run last: they restart the app behind a proxy)
#   benchmarks/run.sh S6 S6W          S6W (never in the default set): S6 with the imports on a job-worker instance
# Needs: PostgreSQL on localhost:5432 (trust auth, as on CI), pgbench, Java 17 (java, jcmd), and for the
# virtual-thread baseline the Temurin 25 JDK (JDK25_HOME, default /usr/lib/jvm/temurin-25-jdk-amd64).
# Writes benchmarks/results/<timestamp>/ (raw JSON per run, summary.json, report.md, report.html).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
STARTED=$(date +%s)
SCENARIOS=${*:-S3 S2 S1 S4 S5 S6 S7 S8 S1N S2N}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-8}    # measured seconds per run (and pgbench -T)
WARMUP=${WARMUP:-2}                      # unmeasured seconds before each run
JIT_WARMUP=${JIT_WARMUP:-10}             # 64-connection warm-up slices after each server start, repeated ...
JIT_WARMUP_MAX=${JIT_WARMUP_MAX:-70}     # ... until the JIT compilers use under JIT_QUIET of a core, or this long
JIT_QUIET=${JIT_QUIET:-0.05}
JIT_SIMMER=${JIT_SIMMER:-0.25}          # ... or until a slice under this share of a core did not bring the compilers' share
JIT_PLATEAU=${JIT_PLATEAU:-0.9}          # below this fraction of the slice before (the servlet baselines recompile at
                                         # 0.12-0.19 of a core from about 20 s on, however long they warm: 20261204T100100Z,
                                         # 20261205T011242Z; above the simmer a share may still drop, as one did at 60 s there;
                                         # two such slices in a row before 2026-12-05, 10 s more for each baseline)
JIT_WARMUP_CPUS=${JIT_WARMUP_CPUS:-0,1}  # a pinned server may use these cores while it warms up (empty: its own core only)
STEP_START=${STEP_START:-1000}           # S2/S2N: first open-model rate (req/s; a first step that fails steps down; 800 before
                                         # 2026-12-05: the same rates, a step fewer when 1,000 holds) ...
STEP_FACTOR=${STEP_FACTOR:-1.25}         # ... multiplied after each step that held ...
STEP_MAX=${STEP_MAX:-12}                 # ... at most this many steps ...
STEP_SECONDS=${STEP_SECONDS:-6}          # ... of this length (at 500 req/s and up, 3,000 requests: p99 from 30 above it) ...
STEP_WARMUP=${STEP_WARMUP:-3}            # ... after this warm-up at the first rate;
STEP_P99_MS=${STEP_P99_MS:-250}          # a step holds with p99 <= this and no error
NET_DELAY_MS=${NET_DELAY_MS:-1}          # S1N/S2N: added each way between server and PostgreSQL
S8_STREAMS=${S8_STREAMS:-1000}           # S8: concurrent streamed answers,
S8_RAMP=${S8_RAMP:-5}                    # started evenly over this many seconds,
S8_TOKENS_PER_SECOND=${S8_TOKENS_PER_SECOND:-20}
S8_ANSWER_SECONDS=${S8_ANSWER_SECONDS:-10}
S8_WARMUP_ROUNDS=${S8_WARMUP_ROUNDS:-3}   # S8: unmeasured rounds of S8_STREAMS answers first, until the compilers are quiet
ALLOC=${ALLOC:-true}                     # JFR allocation counters, bytes per request in closed loops
HISTORIC_CEILINGS=${HISTORIC_CEILINGS:-false} # also the pgbench ceilings older reports compare with (simple protocol; the pyramid from ticks)
USERS=${USERS:-1000}
TICKS=${TICKS:-500}
SEED=${SEED:-0.42}
DB=${BENCH_DB:-cruxlog_bench}
APP_PORT=18080
WORKER_PORT=18081
BASE_PORT=18090
STUB_PORT=18100
PROXY_PORT=15433
POOL=15
JDK25_HOME=${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
OUT="$ROOT/benchmarks/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
# The run's own log beside its results: when each part started says where the wall time went.
exec > >(tee -a "$OUT/run.log") 2>&1
export PGHOST=localhost PGPORT=5432 PGUSER=${PGUSER:-postgres}
SECRET=$(head -c 32 /dev/urandom | base64 -w0)
CORES=$(nproc)
HZ=$(getconf CLK_TCK)
# Pin the load generator away from the app where cores allow (2 cores: app on 0, load on 1;
# PostgreSQL and the latency proxy float). The report records it.
if [ "$CORES" -ge 2 ] && command -v taskset >/dev/null; then APP_CPU="taskset -c 0"; LOAD_CPU="taskset -c 1"; else APP_CPU=""; LOAD_CPU=""; fi
# A pinned server's JVM is told its one core outright: it would count the cores it may run on
# each time it is asked (pools sized on first use), and warm_up lets it onto more for a while.
SERVER_CPUS_OPT=""; [ -n "$APP_CPU" ] && SERVER_CPUS_OPT="-XX:ActiveProcessorCount=1"
# PG_CPU=1 also pins PostgreSQL (the postmaster, so every backend it forks, and the processes
# already running) to that core for the run, as a database on a host of its own would leave the
# server's core alone; the trap below gives it every core back. Off by default: the targets'
# runs keep the machine as it is.
PG_CPU=${PG_CPU:-}
PG_MASKS=""
# pin_postgres CPUS: every postgres process on this machine (one cluster here), each one's mask kept
# first so unpin_postgres puts back exactly what it had; fails if any could not be pinned.
pin_postgres() {
  local pid
  for pid in $(pgrep -x postgres); do
    PG_MASKS="$PG_MASKS $pid:$(taskset -p "$pid" | sed 's/.*: //')"
    taskset -a -p -c "$1" "$pid" > /dev/null || return 1
  done
}
unpin_postgres() { local entry; for entry in $PG_MASKS; do taskset -a -p "${entry#*:}" "${entry%%:*}" > /dev/null 2>&1 || true; done; }
LOADGEN_JAR=$ROOT/benchmarks/loadgen/target/loadgen.jar
LOADGEN="$LOAD_CPU java -Xss512k -jar $LOADGEN_JAR"
# Reads JFR files of both JDKs (17 and 25).
if [ -x "$JDK25_HOME/bin/java" ]; then PARSE_JAVA=$JDK25_HOME/bin/java; else PARSE_JAVA=java; fi
JFR_OPTS=""
[ "$ALLOC" = true ] && JFR_OPTS="-XX:StartFlightRecording=name=alloc,settings=$ROOT/benchmarks/alloc.jfc,maxage=15m"
log() { echo "== $(date -u +%H:%M:%S) $*"; }
has() { case " $SCENARIOS " in *" $1 "*) return 0;; esac; return 1; }
# The value of a numeric field in a one-line JSON object.
field() { echo "$1" | sed -n 's/.*"'"$2"'":\(-\{0,1\}[0-9.]*\).*/\1/p' | head -1; }

log "building (app jar if missing; baseline and load generator if missing or older than their sources)"
[ -f app/target/cruxlog-exec.jar ] || ./mvnw -q -B -DskipTests package
stale() { [ ! -f "$1/target/$2" ] || [ -n "$(find "$1/src" "$1/pom.xml" -newer "$1/target/$2" | head -1)" ]; }
if stale benchmarks/baseline baseline.jar; then (cd benchmarks/baseline && ../../mvnw -q -B -DskipTests package); fi
if stale benchmarks/loadgen loadgen.jar; then (cd benchmarks/loadgen && ../../mvnw -q -B package); fi

# pgbench runs exactly the SQL of sql/ticks-page.sql: :owner a random bench climber, :size 50. The
# climber is looked up in the same statement, beside the function rather than as its argument: the
# planner inlines no function whose argument is a sub-select, and the servers' calls are inlined.
pgbench_script() {
  echo "-- S1 ceiling, generated from sql/ticks-page.sql (run.sh checks it still matches): the SQL Cruxlog and the"
  echo "-- fair baseline run for GET /api/v1/logbook/ticks, for a random climber (:owner) and a page of 50 (:size)."
  echo '\set n random(1, :users)'
  grep -v '^[[:space:]]*--' "$1" | sed -e '/^[[:space:]]*$/d' -e 's/:size\b/50/g' \
    -e 's/^SELECT \* FROM \(.*\)(:owner, \(.*\));*[[:space:]]*$/SELECT page.* FROM bench.owner CROSS JOIN LATERAL \1(bench.owner.id, \2) page WHERE bench.owner.n = :n;/'
}
pgbench_script benchmarks/sql/ticks-page.sql > "$OUT/ticks-page.pgbench"
if ! cmp -s "$OUT/ticks-page.pgbench" benchmarks/sql/ticks-page.pgbench; then
  log "WARNING: sql/ticks-page.pgbench no longer matches sql/ticks-page.sql; pgbench uses the one derived now ($OUT/ticks-page.pgbench)"
fi

log "database $DB"
psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"

APP_PID=""; BASE_PID=""; BASE_KIND=""; BASE_JCMD=jcmd; STUB_PID=""; PROXY_PID=""; STREAM_PID=""
stop() { [ -n "${1:-}" ] && kill "$1" 2>/dev/null && wait "$1" 2>/dev/null || true; }
trap 'stop "$STREAM_PID"; stop "$WORKER_PID"; stop "$APP_PID"; stop "$BASE_PID"; stop "$STUB_PID"; stop "$PROXY_PID"; unpin_postgres' EXIT
if [ -n "$PG_CPU" ]; then
  pin_postgres "$PG_CPU" || { echo "PostgreSQL could not be pinned to core $PG_CPU" >&2; exit 1; }
  log "PostgreSQL pinned to core $PG_CPU for this run"
fi


# launch_cruxlog PORT CPU LOG DB_PORT [KEY=VALUE ...]: a Cruxlog, prod profile, with the environment given; the
# coach's model is the S8 stub (only called when someone asks the coach), premium questions unlimited. Waits
# until it is healthy; its pid in LAUNCHED_PID.
launch_cruxlog() {
  local port=$1 cpu=$2 log=$3 dbport=$4; shift 4
  env "$@" DATABASE_URL="postgresql://$PGUSER@127.0.0.1:$dbport/$DB" SERVER_PORT=$port SPRING_PROFILES_ACTIVE=prod \
    CRUXLOG_TOKEN_SECRET="$SECRET" LOG_LEVEL=WARN SECURE_COOKIES=false \
    CRUXLOG_COACH_BASE_URL="http://127.0.0.1:$STUB_PORT/v1" CRUXLOG_COACH_PREMIUM_QUESTIONS_PER_DAY=-1 \
    CRUXLOG_ANALYTICS_REBUILD_CHECK_INTERVAL=2s \
    $cpu java -Xmx1g $SERVER_CPUS_OPT -Dlogging.level.dev.cruxlog.logbook.application.LogbookChanges=DEBUG $JFR_OPTS ${APP_JAVA_OPTS:-} -jar app/target/cruxlog-exec.jar > "$log" 2>&1 &
  LAUNCHED_PID=$!
  for _ in $(seq 1 120); do
    curl -sf "http://localhost:$port/actuator/health" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "Cruxlog did not start; see $log"; exit 1
}
# start_app [DB_PORT] [LOG_SUFFIX]: the measured Cruxlog on the app's core (APP_ENV: more of its environment).
start_app() {
  launch_cruxlog "$APP_PORT" "$APP_CPU" "$OUT/app${2:-}.log" "${1:-5432}" ${APP_ENV:-}
  APP_PID=$LAUNCHED_PID
}
stop_app() { stop "$APP_PID"; APP_PID=""; }
# start_worker: a second Cruxlog that only runs jobs (imports), pinned to the load generator's core, as a
# job-worker instance beside web-only ones (docs/deployment.md, JOBS_ENABLED). For S6W.
WORKER_PID=""
start_worker() {
  launch_cruxlog "$WORKER_PORT" "$LOAD_CPU" "$OUT/worker.log" 5432 JOBS_ENABLED=true
  WORKER_PID=$LAUNCHED_PID
}

# Baselines by kind: lean | fair-platform | fair-virtual | relay (fair, platform threads, a Tomcat
# thread per S8 stream); a -net suffix reaches PostgreSQL through the latency proxy.
start_baseline() {
  local kind=$1 java=java jcmd=jcmd mode=fair virtual=false threads=200 dbport=5432
  case $kind in *-net) dbport=$PROXY_PORT;; esac
  case ${kind%-net} in
    lean) mode=lean ;;
    fair-platform) ;;
    fair-virtual) java=$JDK25_HOME/bin/java; jcmd=$JDK25_HOME/bin/jcmd; virtual=true ;;
    relay) threads=$((S8_STREAMS + 200)) ;;
    *) echo "unknown baseline $kind"; exit 1 ;;
  esac
  BASELINE_MODE=$mode JDBC_URL="jdbc:postgresql://127.0.0.1:$dbport/$DB" SERVER_PORT=$BASE_PORT POOL_MAX=$POOL \
    CRUXLOG_TOKEN_SECRET="$SECRET" VIRTUAL_THREADS=$virtual TOMCAT_MAX_THREADS=$threads \
    TICKS_PAGE_SQL="$ROOT/benchmarks/sql/ticks-page.sql" COACH_BASE_URL="http://127.0.0.1:$STUB_PORT/v1" \
    $APP_CPU "$java" -Xmx1g $SERVER_CPUS_OPT $JFR_OPTS ${BASE_JAVA_OPTS:-} -jar benchmarks/baseline/target/baseline.jar > "$OUT/baseline-$kind.log" 2>&1 &
  BASE_PID=$!; BASE_KIND=$kind; BASE_JCMD=$jcmd
  for _ in $(seq 1 120); do
    curl -s -o /dev/null "http://localhost:$BASE_PORT/api/v1/logbook/ticks" && return 0
    sleep 1
  done
  echo "the baseline did not start; see $OUT/baseline-$kind.log"; exit 1
}
stop_baseline() { stop "$BASE_PID"; BASE_PID=""; BASE_KIND=""; }
# ensure_baseline KIND: keep the running one if it is that kind, else restart and warm it up.
ensure_baseline() {
  [ "$BASE_KIND" = "$1" ] && [ -n "$BASE_PID" ] && kill -0 "$BASE_PID" 2>/dev/null && return 0
  stop_baseline
  log "starting the $1 baseline"
  start_baseline "$1"
  [ "${1%-net}" = relay ] || warm_up "$BASE_URL" "$BASE_PID"
}

# Sample CPU time, RSS and threads of a process around a run.
proc_stats() { # $1 pid -> "cpu_ticks rss_kb threads"
  local stat; stat=$(cat /proc/"$1"/stat); local ut st
  ut=$(echo "$stat" | awk '{print $14}'); st=$(echo "$stat" | awk '{print $15}')
  echo "$((ut + st)) $(awk '/VmRSS/{print $2}' /proc/"$1"/status) $(awk '/Threads/{print $2}' /proc/"$1"/status)"
}
jcmd_of() { if [ "$1" = "$BASE_PID" ]; then echo "$BASE_JCMD"; else echo jcmd; fi; }
# run NAME PID URL TOKENS CONNECTIONS [RATE]: warm up, measure, record the server's CPU (cores and
# microseconds per request), RSS and threads; closed loops also bytes allocated per request (JFR
# dumps around the run, see loadgen's Allocation).
run() {
  local name=$1 pid=$2 url=$3 tokens=$4 conns=$5 rate=${6:-}
  $LOADGEN load "$url" "$tokens" "$conns" "$WARMUP" $rate > /dev/null
  local measure_alloc=""; [ -z "$rate" ] && [ "$ALLOC" = true ] && measure_alloc=1
  local jfr="$OUT/jfr"; mkdir -p "$jfr"
  if [ -n "$measure_alloc" ]; then
    $LOAD_CPU "$(jcmd_of "$pid")" "$pid" JFR.dump name=alloc filename="$jfr/$name-before.jfr" > /dev/null || measure_alloc=""
  fi
  read -r cpu0 _ _ < <(proc_stats "$pid"); local jit0; jit0=$(jit_ticks "$pid")
  local result; result=$($LOADGEN load "$url" "$tokens" "$conns" "$SECONDS_PER_RUN" $rate)
  read -r cpu1 rss threads < <(proc_stats "$pid"); local jit1; jit1=$(jit_ticks "$pid")
  local requests; requests=$(field "$result" requests)
  local alloc="null" allocated="null"
  if [ -n "$measure_alloc" ] && $LOAD_CPU "$(jcmd_of "$pid")" "$pid" JFR.dump name=alloc filename="$jfr/$name-after.jfr" > /dev/null; then
    local counted; counted=$($LOAD_CPU "$PARSE_JAVA" -jar "$LOADGEN_JAR" alloc "$jfr/$name-before.jfr" "$jfr/$name-after.jfr" || true)
    allocated=$(field "$counted" allocatedBytes)
    if [ -n "$allocated" ]; then
      alloc=$(awk -v a="$allocated" -v n="$requests" 'BEGIN{ if (n > 0) printf "%.0f", a / n; else print "null" }')
    else
      allocated=null
    fi
  fi
  rm -f "$jfr/$name-before.jfr" "$jfr/$name-after.jfr"
  # CPU per request leaves out the JIT compilers' threads: compilation is a warm-up cost that
  # lingers longest in the server with the most code to compile (on one pinned core Cruxlog's
  # compilers still used 10-15 % of it after 75 s of warm-up), not a cost of a request.
  # cpuUsPerRequestWithJit keeps the total.
  local cpu us all jit
  cpu=$(awk -v a="$cpu0" -v b="$cpu1" -v s="$(field "$result" seconds)" -v hz="$HZ" 'BEGIN{printf "%.2f", (b-a)/hz/(s > 0 ? s : 1)}')
  us=$(awk -v a="$cpu0" -v b="$cpu1" -v j="$((jit1 - jit0))" -v hz="$HZ" -v n="$requests" 'BEGIN{ if (n > 0) printf "%.0f", (b-a-j)/hz*1e6/n; else print "null" }')
  all=$(awk -v a="$cpu0" -v b="$cpu1" -v hz="$HZ" -v n="$requests" 'BEGIN{ if (n > 0) printf "%.0f", (b-a)/hz*1e6/n; else print "null" }')
  jit=$(awk -v j="$((jit1 - jit0))" -v hz="$HZ" 'BEGIN{printf "%.0f", j/hz*1e6}')
  echo "${result%\}},\"name\":\"$name\",\"appCpuCores\":$cpu,\"cpuUsPerRequest\":$us,\"cpuUsPerRequestWithJit\":$all,\"jitCpuUs\":$jit,\"allocatedBytes\":$allocated,\"allocBytesPerRequest\":$alloc,\"appRssKb\":$rss,\"appThreads\":$threads}" | tee "$OUT/$name.json"
}
# pgbench_run NAME SCRIPT CLIENTS [PROTOCOL]: PROTOCOL "prepared" (the default) is how the servers
# run their SQL: parsed and planned once per connection, then bound and executed (r2dbc-postgresql
# caches its statements, pgjdbc prepares on the fifth use). "simple" parses and plans every
# transaction: on this machine that halves the ticks page's TPS, a ceiling the servers never face
# (reports before 2026-11-30 evening used it).
# The read model's rules version, which the S4 scripts' figure queries ask for as the app does.
RULES_VERSION=$(sed -n 's/.*int VERSION = \([0-9]*\);.*/\1/p' modules/analytics/src/main/java/dev/cruxlog/analytics/domain/ReadModelRules.java)
pgbench_run() {
  local protocol=${4:-prepared}
  local tps; tps=$(pgbench -n -M "$protocol" -d "$DB" -f "$2" -D users="$USERS" -D rules_version="$RULES_VERSION" -c "$3" -j "$CORES" -T "$SECONDS_PER_RUN" 2>/dev/null \
    | awk '/^tps/{print $3; exit}' || true)
  echo "{\"name\":\"$1\",\"clients\":$3,\"protocol\":\"$protocol\",\"tps\":${tps:-0}}" | tee "$OUT/$1.json"
}
# ramp_search LABEL PREFIX PID URL [START]: the maximum sustainable throughput at 1000 connections
# (loadgen ramp): one JSON per step (PREFIX-step-LABEL-r<rate>), the result in PREFIX-max-LABEL.
ramp_search() {
  local label=$1 prefix=$2 pid=$3 url=$4 start=${5:-$STEP_START}
  local steps="$OUT/$prefix-steps-$label.jsonl" line rate summary=""
  $LOADGEN ramp "$url" "$OUT/tokens.txt" 1000 "$start" "$STEP_FACTOR" "$STEP_MAX" "$STEP_SECONDS" "$STEP_WARMUP" \
    "$STEP_P99_MS" "$pid" "$JIT_QUIET" > "$steps" || true
  while IFS= read -r line; do
    case $line in
      *'"summary":true'*) summary=$line ;;
      '{'*) rate=$(field "$line" rate)
            echo "${line%\}},\"name\":\"$prefix-step-$label-r$rate\",\"server\":\"$label\"}" > "$OUT/$prefix-step-$label-r$rate.json" ;;
    esac
  done < "$steps"
  [ -n "$summary" ] || summary='{"maxRps":0,"error":"the ramp did not finish"}'
  echo "${summary%\}},\"name\":\"$prefix-max-$label\",\"server\":\"$label\"}" | tee "$OUT/$prefix-max-$label.json"
}
max_of() { field "$(cat "$OUT/$1.json" 2>/dev/null || true)" maxRps; }
# widen PID: lets a pinned server onto JIT_WARMUP_CPUS (WIDENED set when it did); pin_back PID: back on its core.
WIDENED=""
widen() {
  WIDENED=""
  if [ -n "$APP_CPU" ] && [ -n "$JIT_WARMUP_CPUS" ]; then
    taskset -a -p -c "$JIT_WARMUP_CPUS" "$1" > /dev/null && WIDENED=1
  fi
  return 0
}
# (|| true: a server that died meanwhile is reported by the run that follows, not by ending the whole run here.)
pin_back() { if [ -n "$WIDENED" ]; then taskset -a -p -c "${APP_CPU#taskset -c }" "$1" > /dev/null || true; fi; WIDENED=""; }
# stream_run NAME PID URL: S8 against one server: warm-up rounds, then S8_STREAMS streamed answers; the
# server's threads and RSS sampled every second, its compilers' CPU over the measured round, and the stub's
# own first-token times beside.
stream_run() {
  local name=$1 pid=$2 url=$3 tokens=$((S8_TOKENS_PER_SECOND * S8_ANSWER_SECONDS))
  # Warm as every other measured path is (warm_up): full-size rounds, the server let onto both cores,
  # until its compilers used under JIT_QUIET of a core in a round. One round of 100 answers left
  # Cruxlog's C2 compiling through the measured round on the app's one core (2026-12-05: first token
  # p50 9.0 s after 100, 6.9 s on the same build after one round of 1,000; docs/benchmarks.md).
  local round j0 j1 t0 share
  widen "$pid"
  for round in $(seq 1 "$S8_WARMUP_ROUNDS"); do
    j0=$(jit_ticks "$pid"); t0=$(date +%s.%N)
    $LOADGEN stream "$url" "$OUT/premium-tokens.txt" "$S8_STREAMS" "$tokens" "$S8_RAMP" 90 >> "$OUT/$name-warmup.txt" || true
    j1=$(jit_ticks "$pid")
    share=$(awk -v a="$j0" -v b="$j1" -v hz="$HZ" -v t0="$t0" -v t1="$(date +%s.%N)" 'BEGIN{printf "%.3f", (b-a)/hz/(t1-t0)}')
    echo "{\"server\":\"$name\",\"warmupRound\":$round,\"streams\":$S8_STREAMS,\"jitShareOfRound\":$share,\"cpus\":\"${WIDENED:+$JIT_WARMUP_CPUS}\"}" >> "$OUT/jit-warmup.jsonl"
    awk -v x="$share" -v q="$JIT_QUIET" 'BEGIN{exit !(x < q)}' && break
  done
  pin_back "$pid"
  curl -sf "http://127.0.0.1:$STUB_PORT/stats?reset=true" > /dev/null || true
  read -r _ rss0 thr0 < <(proc_stats "$pid")
  local rssmax=$rss0 thrmax=$thr0 rss thr
  j0=$(jit_ticks "$pid")
  $LOADGEN stream "$url" "$OUT/premium-tokens.txt" "$S8_STREAMS" "$tokens" "$S8_RAMP" 90 > "$OUT/$name.stream" &
  STREAM_PID=$!
  for _ in $(seq 1 $((S8_RAMP + 240))); do
    kill -0 "$STREAM_PID" 2>/dev/null || break
    read -r _ rss thr < <(proc_stats "$pid")
    [ "$rss" -gt "$rssmax" ] && rssmax=$rss
    [ "$thr" -gt "$thrmax" ] && thrmax=$thr
    sleep 1
  done
  wait "$STREAM_PID" || true; STREAM_PID=""
  j1=$(jit_ticks "$pid")
  local result stub
  result=$(cat "$OUT/$name.stream"); rm -f "$OUT/$name.stream"
  [ -n "$result" ] || result='{"complete":0,"error":"the stream client failed"}'
  stub=$(curl -sf "http://127.0.0.1:$STUB_PORT/stats" || echo '{"stubStreams":0}')
  echo "${result%\}},\"name\":\"$name\",\"appThreadsBefore\":$thr0,\"appThreadsMax\":$thrmax,\"appRssBeforeKb\":$rss0,\"appRssMaxKb\":$rssmax,\"appJitCpuSeconds\":$(awk -v j=$((j1 - j0)) -v hz="$HZ" 'BEGIN{printf "%.2f", j/hz}'),\"cores\":$CORES,${stub#\{}" \
    | tee "$OUT/$name.json"
}

log "starting Cruxlog (prod profile) to migrate the schema"
start_app
log "loading $USERS climbers x $TICKS ticks (+1 climber x 10,000), seed $SEED"
psql -q -d "$DB" -v users="$USERS" -v ticks="$TICKS" -v seed="$SEED" -f benchmarks/sql/data.sql | tee "$OUT/data.txt"
psql -qtA -d "$DB" -F ' ' -c "SELECT id, 'bench' || n FROM bench.owner WHERE n > 0 ORDER BY n" > "$OUT/owners.txt"
psql -qtA -d "$DB" -F ' ' -c "SELECT id, 'heavy' FROM bench.owner WHERE n = 0" > "$OUT/heavy-owner.txt"
# The climbers were written straight into the tables, not through the app: rebuild their
# analytics read model (issue #17) with the operator's command, as after a restore, and wait for it.
log "rebuilding the analytics read model (app/ops/rebuild-analytics.sh)"
rebuild_from=$(psql -qtA -d "$DB" -c "SELECT clock_timestamp()")
rebuild_t0=$(date +%s.%N)
DATABASE_URL="postgresql://$PGUSER@127.0.0.1:5432/$DB" bash app/ops/rebuild-analytics.sh
for _ in $(seq 1 900); do
  left=$(psql -qtA -d "$DB" -c "SELECT count(*) FROM bench.owner o WHERE NOT EXISTS (SELECT 1 FROM analytics.logbook_figure f
                                  WHERE f.owner_id = o.id AND f.computed_at >= '$rebuild_from')")
  [ "$left" = 0 ] && break
  sleep 1
done
echo "{\"name\":\"rebuild\",\"climbers\":$((USERS + 1)),\"notRebuilt\":$left,\"seconds\":$(awk -v a="$rebuild_t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')}" \
  | tee "$OUT/read-model-rebuild.json"
java -jar "$LOADGEN_JAR" tokens "$SECRET" "$OUT/owners.txt" > "$OUT/tokens.txt"
java -jar "$LOADGEN_JAR" tokens "$SECRET" "$OUT/heavy-owner.txt" > "$OUT/heavy-token.txt"
# S8: the coach's allowance comes from the token's tier claim (not the database; bench climbers
# are not accounts, and the coach needs none), so the same climbers get PREMIUM tokens.
java -jar "$LOADGEN_JAR" tokens "$SECRET" "$OUT/owners.txt" PREMIUM > "$OUT/premium-tokens.txt"
TICKS_URL="http://localhost:$APP_PORT/api/v1/logbook/ticks?limit=50"
BASE_URL="http://localhost:$BASE_PORT/api/v1/logbook/ticks?limit=50"
# Every server gets the same JIT warm-up after it starts, before anything is measured: on one
# pinned core the compiler threads compete with the request threads at first (JFR showed it).
# warm_up URL PID: on one pinned core a server's C1/C2 compiler threads compete with its request
# threads for a minute or more after start (Cruxlog's reactive stack has far more code to compile
# than the servlet baselines); measuring then charges compilation to the requests. Warm up in
# slices until the compilers are nearly idle (or JIT_WARMUP_MAX), and record what they still used.
. "$ROOT/benchmarks/jit-ticks.sh"
# The server starts pinned (its JVM sizes its compilers, collector and event loops for one core)
# and is let onto JIT_WARMUP_CPUS only while it warms up: the compile queue drains on the second
# core instead of for a minute beside the requests (seven starts held the whole run over its 20
# minutes, up to 75 s each). Then every thread is pinned back before anything is measured.
# URL may be several, space-separated, each as URL (asking for JSON) or URL|ACCEPT: warmed at once, the 64
# connections shared (S4's three pages compiled side by side end on one quiet slice, not three).
warm_up() {
  local spent=0 j0 j1 share previous="" entry url accept pids
  local -a urls
  read -r -a urls <<< "$1"
  widen "$2"
  while :; do
    j0=$(jit_ticks "$2")
    pids=""
    for entry in "${urls[@]}"; do
      url=${entry%%|*}; accept=application/json; [ "$entry" = "$url" ] || accept=${entry#*|}
      LOADGEN_ACCEPT=$accept $LOADGEN load "$url" "$OUT/tokens.txt" $((64 / ${#urls[@]})) "$JIT_WARMUP" > /dev/null &
      pids="$pids $!"
    done
    # shellcheck disable=SC2086
    wait $pids
    j1=$(jit_ticks "$2"); spent=$((spent + JIT_WARMUP))
    share=$(awk -v a="$j0" -v b="$j1" -v hz="$HZ" -v s="$JIT_WARMUP" 'BEGIN{printf "%.3f", (b-a)/hz/s}')
    echo "{\"server\":\"$1\",\"warmedSeconds\":$spent,\"jitShareLastSlice\":$share,\"cpus\":\"${WIDENED:+$JIT_WARMUP_CPUS}\"}" >> "$OUT/jit-warmup.jsonl"
    awk -v x="$share" -v q="$JIT_QUIET" 'BEGIN{exit !(x < q)}' && break
    [ "$spent" -ge "$JIT_WARMUP_MAX" ] && break
    # Compilers that stopped quieting down: more warm-up would not make the measured server any warmer.
    if [ -n "$previous" ] && awk -v x="$share" -v p="$previous" -v f="$JIT_PLATEAU" -v m="$JIT_SIMMER" \
        'BEGIN{exit !(x < m && x >= p * f)}'; then
      break
    fi
    previous=$share
  done
  pin_back "$2"
}
# import_file LINE FILE: the climber on that line of tokens.txt uploads FILE; waits for the import to end. Sets
# IMPORT_ID, IMPORT_STATUS (its last JSON), IMPORT_SECONDS (upload to finished, polled every 0.2 s) and the
# app's RSS before it and at most during it (IMPORT_RSS0, IMPORT_RSSMAX, kB).
import_file() {
  local token t0 rss
  token=$(sed -n "${1}p" "$OUT/tokens.txt")
  t0=$(date +%s.%N)
  IMPORT_ID=$(curl -sf -H "Authorization: Bearer $token" -F "file=@$2;type=text/csv" \
       "http://localhost:$APP_PORT/api/v1/logbook/imports" | sed 's/.*"id":"\([^"]*\)".*/\1/')
  IMPORT_RSS0=$(awk '/VmRSS/{print $2}' /proc/"$APP_PID"/status); IMPORT_RSSMAX=$IMPORT_RSS0
  for _ in $(seq 1 3000); do # at most 10 minutes
    IMPORT_STATUS=$(curl -sf -H "Authorization: Bearer $token" "http://localhost:$APP_PORT/api/v1/logbook/imports/$IMPORT_ID")
    rss=$(awk '/VmRSS/{print $2}' /proc/"$APP_PID"/status); [ "$rss" -gt "$IMPORT_RSSMAX" ] && IMPORT_RSSMAX=$rss
    case $IMPORT_STATUS in *'"status":"succeeded"'*|*'"status":"failed"'*) break;; esac
    sleep 0.2
  done
  IMPORT_SECONDS=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.2f", b-a}')
}
# reads_while_importing NAME FIRST: S6's measure. The ticks page at 200 req/s alone (NAME-idle), then
# while the climbers on token lines FIRST..FIRST+3 each upload the same 20,000-row export (NAME-importing).
reads_while_importing() {
  local name=$1 first=$2 i ids
  python3 benchmarks/sql/mp_export.py 20000 "$SEED" > "$OUT/import-20k.csv"
  # The idle run must be warm like every other: after S5 the compilers still work through the import's
  # paths (1.1 s of the idle run's 8 s in 20261205T011242Z, its p99 164 ms against 39 ms importing).
  warm_up "$TICKS_URL" "$APP_PID"
  run "$name-idle" "$APP_PID" "$TICKS_URL" "$OUT/tokens.txt" 64 200
  local uploads=()
  for i in $(seq "$first" $((first + 3))); do
    TOKEN=$(sed -n "${i}p" "$OUT/tokens.txt")
    curl -sf -H "Authorization: Bearer $TOKEN" -F "file=@$OUT/import-20k.csv;type=text/csv" \
      "http://localhost:$APP_PORT/api/v1/logbook/imports" > "$OUT/$name-upload-$i.json" &
    uploads+=($!)
  done
  run "$name-importing" "$APP_PID" "$TICKS_URL" "$OUT/tokens.txt" 64 200
  wait "${uploads[@]}"
  rm -f "$OUT/import-20k.csv"
  # The imports must really have run during the reads: each one's rows, status and time taken.
  ids=$(sed -n 's/.*"id":"\([^"]*\)".*/\1/p' "$OUT/$name"-upload-*.json | sed "s/.*/'&'/" | paste -sd,)
  psql -qtA -d "$DB" -c "SELECT json_agg(json_build_object('rows', rows_read, 'status', status,
      'seconds', extract(epoch FROM finished_at - started_at))) FROM logbook.import WHERE id IN ($ids)" \
      > "$OUT/$name-imports.json"
}
log "warming up Cruxlog (${JIT_WARMUP} s)"
warm_up "$TICKS_URL" "$APP_PID"

for s in $SCENARIOS; do case $s in
S3)
  log "S3: 4 and 8 connections, Cruxlog vs the fair blocking baseline (and the lean one, the floor)"
  for c in 4 8; do run "S3-app-c$c" "$APP_PID" "$TICKS_URL" "$OUT/tokens.txt" $c; done
  ensure_baseline lean
  for c in 4 8; do run "S3-lean-c$c" "$BASE_PID" "$BASE_URL" "$OUT/tokens.txt" $c; done
  ensure_baseline fair-platform
  for c in 4 8; do run "S3-mvc-c$c" "$BASE_PID" "$BASE_URL" "$OUT/tokens.txt" $c; done ;;
S2)
  log "S2: maximum sustainable throughput at 1000 connections (p99 <= ${STEP_P99_MS} ms, no errors), then each at 80% of the platform baseline's"
  ensure_baseline fair-platform
  ramp_search mvc-platform S2 "$BASE_PID" "$BASE_URL"
  RATE80=$(awk -v m="$(max_of S2-max-mvc-platform)" 'BEGIN{r = int(m * 0.8); if (r < 1) r = 1; print r}')
  echo "{\"name\":\"S2-rate\",\"platformMaxRps\":$(max_of S2-max-mvc-platform),\"rate\":$RATE80}" > "$OUT/S2-rate.json"
  run "S2-at80-mvc-platform" "$BASE_PID" "$BASE_URL" "$OUT/tokens.txt" 1000 "$RATE80"
  if [ -x "$JDK25_HOME/bin/java" ]; then
    ensure_baseline fair-virtual
    ramp_search mvc-virtual S2 "$BASE_PID" "$BASE_URL"
    run "S2-at80-mvc-virtual" "$BASE_PID" "$BASE_URL" "$OUT/tokens.txt" 1000 "$RATE80"
  fi
  stop_baseline
  ramp_search app S2 "$APP_PID" "$TICKS_URL"
  run "S2-at80-app" "$APP_PID" "$TICKS_URL" "$OUT/tokens.txt" 1000 "$RATE80" ;;
S1)
  stop_baseline
  log "S1: ticks page at 64, 256, 1000 connections; pgbench ceiling at the pool size"
  for c in 64 256 1000; do run "S1-app-c$c" "$APP_PID" "$TICKS_URL" "$OUT/tokens.txt" $c; done
  pgbench_run "S1-pgbench-c$POOL" "$OUT/ticks-page.pgbench" $POOL
  pgbench_run "S1-pgbench-c64" "$OUT/ticks-page.pgbench" 64
  # Reports before 2026-11-30 (evening) used pgbench's simple protocol.
  if [ "$HISTORIC_CEILINGS" = true ]; then pgbench_run "S1-pgbench-simple-c$POOL" "$OUT/ticks-page.pgbench" $POOL simple; fi ;;
S4)
  stop_baseline
  log "S4: pyramid and overview of the 10,000-tick climber"
  PYR="http://localhost:$APP_PORT/api/v1/analytics/pyramid?discipline=sport"
  OVR="http://localhost:$APP_PORT/api/v1/analytics/overview"
  # Their code paths are cold after the ticks page's warm-up: the compilers took a quarter of the
  # core through the first S4 runs (run 20261201T020314Z). Warm them the same way first, the three
  # at once: each needs its own (since the pyramid's JSON is kept with it, PyramidMemo, its warm-up
  # no longer compiles the encoder the overview needs: run 20261201T074254Z), and one after the
  # other they took 70 s (20261205T011242Z), each ending on a quiet slice of its own.
  warm_up "$PYR $OVR http://localhost:$APP_PORT/dashboard|text/html" "$APP_PID"
  run "S4-pyramid-max" "$APP_PID" "$PYR" "$OUT/heavy-token.txt" 16
  run "S4-overview-max" "$APP_PID" "$OVR" "$OUT/heavy-token.txt" 16
  # The dashboard page: the overview, the sport pyramid and the climber's settings, as HTML.
  LOADGEN_ACCEPT=text/html run "S4-dashboard-max" "$APP_PID" "http://localhost:$APP_PORT/dashboard" "$OUT/heavy-token.txt" 16
  for kind in pyramid overview; do
    url=$PYR; [ $kind = overview ] && url=$OVR
    half=$(sed 's/.*"rps":\([0-9.]*\).*/\1/' "$OUT/S4-$kind-max.json" | awk '{r = int($1 / 2); if (r < 1) r = 1; print r}')
    run "S4-$kind-half" "$APP_PID" "$url" "$OUT/heavy-token.txt" 64 "$half"
  done
  pgbench_run "S4-pgbench-pyramid-c$POOL" benchmarks/sql/pyramid.pgbench $POOL
  pgbench_run "S4-pgbench-overview-c$POOL" benchmarks/sql/overview.pgbench $POOL
  # Before the read model, for the report's before/after: the pyramid's SQL over the ticks.
  if [ "$HISTORIC_CEILINGS" = true ]; then
    pgbench_run "S4-pgbench-pyramid-from-ticks-c$POOL" benchmarks/sql/pyramid-from-ticks.pgbench $POOL
  fi ;;
S5)
  stop_baseline
  log "S5: import a 50,000-row Mountain Project export, against psql \\copy of the same rows"
  python3 benchmarks/sql/mp_export.py 50000 "$SEED" > "$OUT/import-50k.csv"
  # Warm as every other measured path is: the first import after the start compiles the upload, parsing,
  # translation and COPY paths on the app's one core (about half of it, repeat-imports.sh). Another climber
  # imports the same file first, timed apart (coldImportSeconds); the measured import is the next one.
  import_file 10 "$OUT/import-50k.csv"; cold=$IMPORT_SECONDS; echo "$IMPORT_STATUS" > "$OUT/S5-cold-import-status.json"
  import_file 1 "$OUT/import-50k.csv"
  ID=$IMPORT_ID; st=$IMPORT_STATUS; heap0=$IMPORT_RSS0; heapmax=$IMPORT_RSSMAX
  echo "$st" > "$OUT/S5-import-status.json"
  # What keeping the read model current took inside the import (issue #17: at most 15 % of it).
  refresh_ms=$( (grep 'Listeners of a changed logbook took' "$OUT/app.log" || true) | tail -1 | sed 's/.*took \([0-9]*\) ms.*/\1/')
  # The same rows, the same indexes, the stored columns only (generated ones are computed by PostgreSQL).
  COLS=$(psql -qtA -d "$DB" -c "SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns
         WHERE table_schema = 'logbook' AND table_name = 'tick' AND is_generated = 'NEVER'")
  psql -q -d "$DB" -c "DROP TABLE IF EXISTS bench.tick_copy" -c "CREATE TABLE bench.tick_copy (LIKE logbook.tick INCLUDING ALL)"
  psql -q -d "$DB" -c "\\copy (SELECT $COLS FROM logbook.tick WHERE import_id = '$ID') TO '$OUT/import-rows.copy'"
  c0=$(date +%s.%N)
  psql -q -d "$DB" -c "\\copy bench.tick_copy ($COLS) FROM '$OUT/import-rows.copy'"
  c1=$(date +%s.%N)
  # The same rows into the table the import wrote, with what Cruxlog's COPY pays and the copy
  # above does not (LIKE copies no foreign keys): the owner and import references checked per row.
  psql -q -d "$DB" -c "DELETE FROM logbook.tick WHERE import_id = '$ID'" -c "VACUUM logbook.tick"
  s0=$(date +%s.%N)
  psql -q -d "$DB" -c "\\copy logbook.tick ($COLS) FROM '$OUT/import-rows.copy'"
  s1=$(date +%s.%N)
  psql -q -d "$DB" -c "VACUUM (ANALYZE) logbook.tick"   # the scenarios after this read these rows
  rm -f "$OUT/import-rows.copy" "$OUT/import-50k.csv"
  awk -v t="$IMPORT_SECONDS" -v c="$c0" -v d="$c1" -v e="$s0" -v f="$s1" -v r0="$heap0" -v r1="$heapmax" -v rm="${refresh_ms:-0}" -v cold="$cold" \
    'BEGIN{printf "{\"name\":\"S5\",\"rows\":50000,\"coldImportSeconds\":%.2f,\"importSeconds\":%.2f,\"importRowsPerSecond\":%.0f,\"copySeconds\":%.2f,\"copyRowsPerSecond\":%.0f,\"copySameTableSeconds\":%.2f,\"copySameTableRowsPerSecond\":%.0f,\"rssStartKb\":%d,\"rssPeakKb\":%d,\"readModelSeconds\":%.2f,\"readModelShare\":%.3f}\n", cold, t, 50000/t, d-c, 50000/(d-c), f-e, 50000/(f-e), r0, r1, rm/1000, rm/1000/t}' \
    | tee "$OUT/S5.json" ;;
S6)
  stop_baseline
  log "S6: ticks page while four imports run"
  reads_while_importing S6 2 ;;
S6W)
  # S6 with the imports run by a job-worker instance on the other core, the pages served by a
  # web-only instance (JOBS_ENABLED=false) on the app's core: the deployment that keeps an import's
  # collector pauses and CPU off the instance serving pages. Other climbers than S6's upload.
  stop_baseline
  log "S6W: ticks page on a web-only instance while a job worker on core 1 runs four imports"
  stop_app; APP_ENV=JOBS_ENABLED=false start_app 5432 -web; start_worker
  warm_up "$TICKS_URL" "$APP_PID"
  reads_while_importing S6W 6
  stop "$WORKER_PID"; WORKER_PID=""
  stop_app; start_app; warm_up "$TICKS_URL" "$APP_PID" ;;
S7)
  stop_baseline
  log "S7: 1000 idle keep-alive connections"
  read -r _ rss0 thr0 < <(proc_stats "$APP_PID")
  $LOADGEN idle localhost $APP_PORT 1000 10 > "$OUT/S7-idle.txt" &
  IDLE=$!; sleep 7
  read -r _ rss1 thr1 < <(proc_stats "$APP_PID")
  wait "$IDLE" || true
  echo "{\"name\":\"S7\",\"connections\":$(sed 's/.*:\([0-9]*\).*/\1/' "$OUT/S7-idle.txt"),\"rssBeforeKb\":$rss0,\"rssWithKb\":$rss1,\"threadsBefore\":$thr0,\"threadsWith\":$thr1,\"cores\":$CORES}" | tee "$OUT/S7.json" ;;
S8)
  stop_baseline
  log "S8: $S8_STREAMS streamed coach answers from a slow model ($S8_TOKENS_PER_SECOND tokens/s for $S8_ANSWER_SECONDS s), Cruxlog vs a thread per answer"
  $LOAD_CPU java -jar "$LOADGEN_JAR" model-stub $STUB_PORT "$S8_TOKENS_PER_SECOND" "$S8_ANSWER_SECONDS" 600 > "$OUT/model-stub.log" 2>&1 &
  STUB_PID=$!
  for _ in $(seq 1 30); do curl -sf "http://127.0.0.1:$STUB_PORT/stats" > /dev/null && break; sleep 0.5; done
  stream_run S8-app "$APP_PID" "http://localhost:$APP_PORT/api/v1/coach/conversations"
  ensure_baseline relay
  stream_run S8-relay "$BASE_PID" "http://localhost:$BASE_PORT/api/v1/coach/relay"
  stop_baseline
  stop "$STUB_PID"; STUB_PID="" ;;
S1N|S2N) ;; # below, last
*) echo "unknown scenario $s" ;;
esac; done

# S1N/S2N: the same through a network: every server reaches PostgreSQL through the latency proxy
# (NET_DELAY_MS each way). The app is restarted behind it, so these run after everything else.
net_server() { # LABEL PID URL
  local label=$1 pid=$2 url=$3
  if has S1N; then
    for c in 64 1000; do run "S1N-$label-c$c" "$pid" "$url" "$OUT/tokens.txt" $c; done
  fi
  if has S2N; then
    # Start at 75% of the same server's local maximum when S2 ran, else at STEP_START: the rates of 60% (before
    # 2026-12-05) one step up, a step fewer when the first holds.
    local start; start=$(awk -v m="$(max_of "S2-max-$label")" -v s="$STEP_START" 'BEGIN{r = int(m * 0.75); print (r > 0 ? r : s)}')
    ramp_search "$label" S2N "$pid" "$url" "$start"
  fi
}
if has S1N || has S2N; then
  log "S1N/S2N: PostgreSQL behind a ${NET_DELAY_MS} ms (each way) proxy"
  stop_baseline
  java -jar "$LOADGEN_JAR" proxy $PROXY_PORT 127.0.0.1 5432 "$NET_DELAY_MS" 3600 > "$OUT/proxy.json" 2> "$OUT/proxy.log" &
  PROXY_PID=$!
  for _ in $(seq 1 30); do psql -h 127.0.0.1 -p $PROXY_PORT -d "$DB" -qAtc "SELECT 1" > /dev/null 2>&1 && break; sleep 0.5; done
  stop_app
  start_app $PROXY_PORT -net
  warm_up "$TICKS_URL" "$APP_PID"
  net_server app "$APP_PID" "$TICKS_URL"
  ensure_baseline fair-platform-net
  net_server mvc-platform "$BASE_PID" "$BASE_URL"
  if [ -x "$JDK25_HOME/bin/java" ]; then
    ensure_baseline fair-virtual-net
    net_server mvc-virtual "$BASE_PID" "$BASE_URL"
  fi
  stop_baseline; stop_app
  stop "$PROXY_PID"; PROXY_PID=""
fi
rmdir "$OUT/jfr" 2>/dev/null || true

log "report"
{
  echo "{\"machine\":\"$(uname -srm), $CORES cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo)\","
  echo "\"java\":\"$(java -version 2>&1 | head -1 | tr -d '"')\",\"postgres\":\"$(psql -tAc 'show server_version' -d postgres)\","
  echo "\"users\":$USERS,\"ticksPerUser\":$TICKS,\"seed\":$SEED,\"secondsPerRun\":$SECONDS_PER_RUN,\"warmup\":$WARMUP,\"jitWarmup\":$JIT_WARMUP,\"pool\":$POOL,"
  echo "\"steps\":{\"start\":$STEP_START,\"factor\":$STEP_FACTOR,\"max\":$STEP_MAX,\"seconds\":$STEP_SECONDS,\"p99LimitMs\":$STEP_P99_MS},"
  echo "\"netDelayMs\":$NET_DELAY_MS,\"scenarios\":\"$SCENARIOS\",\"wallSeconds\":$(( $(date +%s) - STARTED )),"
  echo "\"pinning\":\"${APP_CPU:-none} (app) / ${LOAD_CPU:-none} (load)${PG_CPU:+ / taskset -c $PG_CPU (PostgreSQL)}\",\"runs\":["
  for f in "$OUT"/*.json; do # every run's JSON (empty ones, e.g. a failed curl, left out)
    case $f in */summary.json) continue;; esac
    if [ -s "$f" ]; then cat "$f"; echo ,; fi
  done | sed '$ s/,$//'
  echo "]}"
} > "$OUT/summary.json"
python3 benchmarks/report.py "$OUT/summary.json" "$OUT"
log "done in $(( $(date +%s) - STARTED )) s: $OUT/report.md"
