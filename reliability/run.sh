#!/usr/bin/env bash
# Issue #18's reliability harness: two instances of the packaged jar behind HAProxy on loopback,
# one PostgreSQL, the stub model server for the coach, and a mixed load (the benchmarks' load
# generator, `mixed`): ticks pages, tick writes with a ledger of every acknowledged write,
# imports followed on their progress streams, streamed coach answers, token refreshes.
#   reliability/run.sh                  every scenario, R1..R8, then CAP (about 45 minutes)
#   reliability/run.sh R2 R3            only those
#   R1_SECONDS=60 SOAK_SECONDS=120 reliability/run.sh      shorter long scenarios (the report says so)
# Needs PostgreSQL 15 on localhost:5432 (trust auth) that this script may restart (R3), root or sudo
# for apt (haproxy, installed if missing). Everything listens on 127.0.0.1, every loop is bounded
# in count and time, and the script stops what it started by PID. Writes
# reliability/results/<timestamp>/ (raw results) and docs/reliability.md (the report).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SCENARIOS=${*:-R1 R2 R3 R4 R5 R6 R7 R8 CAP}
R1_SECONDS=${R1_SECONDS:-600}
SOAK_SECONDS=${SOAK_SECONDS:-1200}
FAULT_SECONDS=${FAULT_SECONDS:-60}       # R2, R3, R4, R8: load around the fault
HOSTILE_SECONDS=${HOSTILE_SECONDS:-120}  # R7
HOSTILE=${HOSTILE:-1000}
ACQUIRE_TIMEOUT_S=5                      # DB_POOL_ACQUIRE_TIMEOUT of both instances
VISIBILITY_S=20                          # JOBS_VISIBILITY_TIMEOUT: a dead instance's job is taken over after this
ABANDONED_S=20                           # cruxlog.coach.abandoned-after: a dead instance's answer is failed after this
DB=cruxlog_reliability
LB_PORT=18300; A_PORT=18301; B_PORT=18302; STUB_PORT=18310
LB="http://127.0.0.1:$LB_PORT"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="$ROOT/reliability/results/$STAMP"
mkdir -p "$OUT"
WORK=$(mktemp -d)
export PGHOST=localhost PGPORT=5432 PGUSER=${PGUSER:-postgres}
SHARED=${CRUXLOG_SHARED_DATA:-$ROOT/../shared/data}
SMALL_FILE=$SHARED/mountain-project/ticks-sport-trad-567.csv
LOADGEN_JAR=$ROOT/benchmarks/loadgen/target/loadgen.jar
METRICS_TOKEN=$(head -c 24 /dev/urandom | base64 -w0 | tr -d '/+=')
LOCK_TIMEOUT_S=10                        # DB_LOCK_TIMEOUT (the default)
INSTANCE_JVM_OPTS=${INSTANCE_JVM_OPTS:--Xms512m -Xmx512m -XX:+AlwaysPreTouch -XX:MaxGCPauseMillis=20}
PIDS_A=""; PIDS_B=""; LB_PID=""; STUB_PID=""; LOAD_PID=""; SAMPLER_PIDS=()
log() { echo "== $(date -u +%H:%M:%S) $*" >&2; }
has() { case " $SCENARIOS " in *" $1 "*) return 0;; esac; return 1; }
now_ms() { date +%s%3N; }
q() { psql -qtAX -d "$DB" -c "$1"; }
stop() { [ -n "${1:-}" ] && kill "$1" 2>/dev/null && wait "$1" 2>/dev/null || true; }
cleanup() {
  for p in "${SAMPLER_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  stop "$LOAD_PID"; stop "$PIDS_A"; stop "$PIDS_B"; stop "$LB_PID"; stop "$STUB_PID"
  rm -rf "$WORK"
}
trap cleanup EXIT

# ---------------------------------------------------------------- setup
[ -f "$SMALL_FILE" ] || { echo "no $SMALL_FILE: set CRUXLOG_SHARED_DATA to the shared exports"; exit 2; }
log "building (the app jar and the load generator if missing)"
[ -f app/target/cruxlog-exec.jar ] || ./mvnw -q -B -DskipTests package
if [ ! -f "$LOADGEN_JAR" ] || [ -n "$(find benchmarks/loadgen/src benchmarks/loadgen/pom.xml -newer "$LOADGEN_JAR" | head -1)" ]; then
  (cd benchmarks/loadgen && ../../mvnw -q -B package)
fi
command -v haproxy >/dev/null || { log "installing haproxy"; DEBIAN_FRONTEND=noninteractive apt-get install -y -q haproxy >/dev/null; }
PG_CLUSTER=$(pg_lsclusters -h | awk '$3 == 5432 { print $1 " " $2 }' | head -1)

psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "DROP DATABASE IF EXISTS ${DB}_restored" -c "CREATE DATABASE $DB"
java -jar "$LOADGEN_JAR" model-stub $STUB_PORT 20 10 14400 > "$OUT/stub.log" 2>&1 &
STUB_PID=$!

# start_instance NAME PORT: the packaged jar, prod profile, as deployment.md runs it, with the
# timeouts shortened so the scenarios' takeovers happen within minutes. The heap is fixed and touched
# at start (-Xms = -Xmx, AlwaysPreTouch), as deployment.md advises: a heap the JVM grows as it
# pleases makes RSS climb for hours with no leak, and R6 could not tell the two apart. G1 aims at
# 20 ms pauses instead of its default 200: with the cores shared, its default young pauses
# (330 MB of eden) stretched to 200-320 ms and stopped health with everything else (R4 runs of
# 2026-12-01 evening, gc-*.log beside each). Each instance's GC log is kept in the results.
start_instance() {
  local name=$1 port=$2
  DATABASE_URL="postgresql://$PGUSER@127.0.0.1:5432/$DB" SERVER_PORT=$port SPRING_PROFILES_ACTIVE=prod \
    SECURE_COOKIES=false LOG_LEVEL=WARN BREACHED_PASSWORDS_URL= \
    CRUXLOG_COACH_BASE_URL="http://127.0.0.1:$STUB_PORT/v1" CRUXLOG_COACH_FREE_QUESTIONS_PER_DAY=100000 \
    JOBS_WORKER_ID="$name" JOBS_POLL_INTERVAL=1s JOBS_VISIBILITY_TIMEOUT=${VISIBILITY_S}s \
    DB_POOL_ACQUIRE_TIMEOUT=${ACQUIRE_TIMEOUT_S}s DB_LOCK_TIMEOUT=${LOCK_TIMEOUT_S}s METRICS_TOKEN="$METRICS_TOKEN" \
    java $INSTANCE_JVM_OPTS -Xlog:gc:file="$OUT/gc-$name.log":time,uptime -jar app/target/cruxlog-exec.jar --cruxlog.coach.abandoned-after=${ABANDONED_S}s \
      --cruxlog.coach.abandoned-sweep-interval=5s >> "$OUT/instance-$name.log" 2>&1 &
  if [ "$name" = a ]; then PIDS_A=$!; else PIDS_B=$!; fi
}
wait_ready() { # PORT
  for _ in $(seq 1 120); do curl -sf -m 2 "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "instance on $1 did not become ready"; exit 1
}
pid_of() { if [ "$1" = a ]; then echo "$PIDS_A"; else echo "$PIDS_B"; fi; }
port_of() { if [ "$1" = a ]; then echo "$A_PORT"; else echo "$B_PORT"; fi; }

log "two instances and HAProxy (app/ops/haproxy.cfg on this script's ports)"
start_instance a $A_PORT; wait_ready $A_PORT   # the first migrates; the second finds it done
start_instance b $B_PORT; wait_ready $B_PORT
sed -e "s/127.0.0.1:8080/127.0.0.1:$LB_PORT/" -e "s/127.0.0.1:8081/127.0.0.1:$A_PORT/" \
    -e "s/127.0.0.1:8082/127.0.0.1:$B_PORT/" app/ops/haproxy.cfg > "$WORK/haproxy.cfg"
cp app/ops/haproxy-503.http "$WORK/"   # found beside the configuration (default-path config)
haproxy -c -q -f "$WORK/haproxy.cfg"
haproxy -db -f "$WORK/haproxy.cfg" > "$OUT/haproxy.log" 2>&1 &
LB_PID=$!
for _ in $(seq 1 30); do curl -sf -m 2 "$LB/actuator/health/readiness" >/dev/null 2>&1 && break; sleep 0.5; done

# Climbers, signed up through the balancer as climbers would (each from its own address, so the
# per-address sign-up limit is not what is tested here), email verified in the database.
log "climbers"
climbers() { # ROLE PREFIX COUNT FIRST_ADDRESS_BYTE
  local role=$1 prefix=$2 count=$3 net=$4
  for i in $(seq 1 "$count"); do
    local name="$prefix$i" address="10.$net.$((i / 250)).$((i % 250 + 1))"
    code=$(curl -s -m 20 -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -H "X-Forwarded-For: $address" \
      -d "{\"email\":\"$name@example.test\",\"username\":\"$name\",\"password\":\"granite-slab-$name\"}" "$LB/api/v1/auth/register")
    [ "$code" = 201 ] || { echo "sign-up of $name answered $code" >&2; exit 1; }
    echo "$role $name granite-slab-$name $address"
  done
}
# Importers: one per import a full run makes (R1 32, R2 3, R5 2, R6 62, R7 8, R8 8, CAP 0) and spare.
{ climbers traffic traffic 8 71; climbers importer importer 130 72; climbers hostile hostile 1 73; } > "$WORK/climbers.txt"
q "UPDATE identity.account SET email_verified_at = now() WHERE email LIKE '%@example.test'" >/dev/null

token_of() { # LOGIN -> access token (signed in through the balancer)
  curl -s -m 20 -H 'Content-Type: application/json' -d "{\"login\":\"$1\",\"password\":\"granite-slab-$1\"}" "$LB/api/v1/auth/token" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
upload() { # TOKEN FILE [BASE] -> import id
  curl -s -m 120 -H "Authorization: Bearer $1" -F "file=@$2;filename=$(basename "$2")" "${3:-$LB}/api/v1/logbook/imports" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}
wait_import() { # IMPORT_ID SECONDS -> status
  local st=""
  for _ in $(seq 1 $(($2 * 2))); do
    st=$(q "SELECT status FROM logbook.import WHERE id = '$1'")
    case $st in succeeded|failed) echo "$st"; return 0;; esac
    sleep 0.5
  done
  echo "${st:-missing}"
}

# Every traffic climber gets the 567-tick export, so the ticks page is a real page; what that
# import adds is what every later import of the file must add, exactly.
for c in $(awk '$1 == "traffic" { print $2 }' "$WORK/climbers.txt"); do
  id=$(upload "$(token_of "$c")" "$SMALL_FILE"); [ "$(wait_import "$id" 120)" = succeeded ] || { echo "seed import failed"; exit 1; }
done
SMALL_TICKS=$(q "SELECT ticks_added FROM logbook.import WHERE id = '$id'")
log "the 567-row export adds $SMALL_TICKS ticks"

# A large file for imports that must be cut in the middle: the export's rows 90 times over, each
# copy's routes renamed, so every row is a new tick (about 50,000).
python3 - "$SMALL_FILE" "$WORK/large.csv" <<'EOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
head, body = rows[0], rows[1:]
route = head.index('Route')
with open(sys.argv[2], 'w', newline='', encoding='utf-8') as f:
    w = csv.writer(f)
    w.writerow(head)
    for k in range(90):
        for r in body:
            r = list(r)
            r[route] = f"{r[route]} (copy {k})"
            w.writerow(r)
EOF

# ---------------------------------------------------------------- measuring helpers
SUMMARY=()   # one markdown row per scenario
DETAILS=()   # markdown paragraphs
verdict() { # ID INJECT RESULT PASS|FAIL
  SUMMARY+=("| $1 | $2 | $3 | **$4** |"); log "$1 $4: $3"
}
detail() { DETAILS+=("$*"); }

# mixed LABEL SECONDS [VAR=VALUE...]: the mixed load through the balancer, in the background.
# The client resends a request whose reused keep-alive connection was closed before any answer,
# whatever its method, as browsers do: HAProxy closes the client's connection that way when the
# instance behind it died, so the request can go again (nothing of it was answered). The
# ledger's check that no route is stored twice catches a resent write that had been done.
mixed() {
  local label=$1 seconds=$2; shift 2
  mkdir -p "$OUT/$label"
  env MIX_IMPORT_FILE="$SMALL_FILE" "$@" nice -n "${MIX_NICE:-0}" java -Xss512k -Xmx1g -Djdk.httpclient.enableAllMethodRetry=true \
    -jar "$LOADGEN_JAR" mixed "$LB" "$WORK/climbers.$label" "$seconds" "$OUT/$label" \
    > "$OUT/$label/load.json" 2> "$OUT/$label/load.err" &
  LOAD_PID=$!
}
# Each scenario's load gets its own importers (an import must add exactly the file's ticks).
IMPORTER_NEXT=1
climbers_for() { # LABEL IMPORTERS
  { awk '$1 != "importer"' "$WORK/climbers.txt"
    awk -v from="$IMPORTER_NEXT" -v n="$2" '$1 == "importer" { k++; if (k >= from && k < from + n) print }' "$WORK/climbers.txt"
  } > "$WORK/climbers.$1"
  [ "$(grep -c '^importer ' "$WORK/climbers.$1")" = "$2" ] || { echo "out of importing climbers for $1" >&2; exit 1; }
  IMPORTER_NEXT=$((IMPORTER_NEXT + $2))
}
used_today() { # ACCESS_TOKEN -> the climber's coach questions counted today
  curl -s -m 10 -H "Authorization: Bearer $1" "$LB/api/v1/coach/allowance" | python3 -c 'import json,sys; print(json.load(sys.stdin)["usedToday"])'
}
# In-window figures of health samples ("epoch_ms code seconds"): "slowest bad count", bad = not 200 or >= 100 ms.
samples_between() { # FROM_MS TO_MS FILE...
  local from=$1 to=$2; shift 2
  cat "$@" | awk -v a="$from" -v b="$to" 'BEGIN { m = 0 } $1 >= a && $1 <= b { n++; if ($3 > m) m = $3; if ($2 != 200 || $3 >= 0.1) bad++ }
    END { printf "%.3f %d %d\n", m, bad, n }'
}
take_importer() { # VAR: sets VAR to the next unused importing climber's login
  local login
  login=$(awk -v n="$IMPORTER_NEXT" '$1 == "importer" { k++; if (k == n) print $2 }' "$WORK/climbers.txt")
  [ -n "$login" ] || { echo "out of importing climbers" >&2; exit 1; }
  IMPORTER_NEXT=$((IMPORTER_NEXT + 1))
  printf -v "$1" '%s' "$login"
}
finish_load() { wait "$LOAD_PID" || true; LOAD_PID=""; }
events_of() { if [ -f "$OUT/$1/events.txt" ]; then wc -l < "$OUT/$1/events.txt"; else echo "no events file"; fi; }
kind_field() { # LABEL KIND FIELD
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))["kinds"].get(sys.argv[2],{}); print(d.get(sys.argv[3], 0))' \
    "$OUT/$1/load.json" "$2" "$3"
}
answers_of() { # LABEL -> "kind: status×n, ..." for every kind
  python3 -c 'import json,sys
d = json.load(open(sys.argv[1]))["kinds"]
print("; ".join(k + " " + ", ".join(f"{s}×{n}" for s, n in v["answers"].items()) for k, v in d.items()))' "$OUT/$1/load.json"
}
# The ledger: every acknowledged write is stored, and nothing is stored that was not sent.
ledger_check() { # LABEL -> "acknowledged stored/missing, stored-not-acknowledged"
  local dir=$OUT/$1
  awk '{ print $2 }' "$dir/ledger.txt" | sort -u > "$WORK/ack.ids"
  q "SELECT id FROM logbook.tick WHERE route LIKE 'Ledger %'" | sort -u > "$WORK/stored.ids"
  local acked missing extra sent_routes stored_routes unsent
  acked=$(wc -l < "$WORK/ack.ids")
  missing=$(comm -23 "$WORK/ack.ids" "$WORK/stored.ids" | wc -l)
  awk '{ print $2 " " $3 }' "$dir/sent.txt" | sort -u > "$WORK/sent.routes"
  q "SELECT route FROM logbook.tick WHERE route LIKE 'Ledger %'" | sort > "$WORK/stored.routes"
  cat "$OUT"/*/sent.txt 2>/dev/null | awk '{ print $2 " " $3 }' | sort -u > "$WORK/all-sent.routes"
  unsent=$(comm -23 <(sort -u "$WORK/stored.routes") "$WORK/all-sent.routes" | wc -l)
  # A route stored twice would be a write done twice.
  dup=$(uniq -d "$WORK/stored.routes" | wc -l)
  echo "$acked $missing $unsent $dup"
}
# Samples an instance's process and pool every STEP seconds:
# "epoch rss_kb threads fds acquired old_gen_kb nonheap_kb" (the last three from its Prometheus scrape:
# connections handed out, the old generation's use, metaspace and code).
sample_process() { # NAME PID STEP FILE
  ( while kill -0 "$2" 2>/dev/null; do
      rss=$(awk '/VmRSS/ { print $2 }' /proc/"$2"/status 2>/dev/null || echo 0)
      thr=$(awk '/Threads/ { print $2 }' /proc/"$2"/status 2>/dev/null || echo 0)
      fds=$(ls /proc/"$2"/fd 2>/dev/null | wc -l)
      echo "$(date +%s) $rss $thr $fds $(jvm_figures "$(port_of "$1")")" >> "$4"
      sleep "$3"
    done ) &
  SAMPLER_PIDS+=($!)
}
# Samples a health URL every 0.25 s: "epoch_ms http_code seconds", one process per URL (a shell loop
# of curl, date and sleep cost the measured machine about 60 process starts a second with four URLs).
sample_health() { # URL FILE
  python3 reliability/sample_health.py "$1" "$2" 0.25 4000 &
  SAMPLER_PIDS+=($!)
}
stop_samplers() { for p in "${SAMPLER_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; SAMPLER_PIDS=(); }
scrape() { # PORT
  curl -s -m 2 -H "Authorization: Bearer $METRICS_TOKEN" "http://127.0.0.1:$1/actuator/prometheus"
}
# Connections an instance's pool has handed out now (its Prometheus scrape, with the scraper's token).
acquired() { # PORT
  scrape "$1" | awk '/^r2dbc_pool_acquired/ { s += $NF; n++ } END { if (n) printf "%d", s; else print "?" }'
}
# "acquired old_gen_kb nonheap_kb" from one scrape.
jvm_figures() { # PORT
  scrape "$1" | awk '/^r2dbc_pool_acquired/ { a += $NF; n++ }
    /^jvm_memory_used_bytes\{.*id="G1 Old Gen"/ { old = $NF }
    /^jvm_memory_used_bytes\{.*area="nonheap"/ { non += $NF }
    END { if (n) printf "%d %d %d", a, old / 1024, non / 1024; else print "? ? ?" }'
}
# The heap an instance still holds after a full collection, in kB: what it retains, not what waits
# to be collected. The collection is asked for (jcmd GC.run) only before and after the soak.
live_heap() { # NAME
  jcmd "$(pid_of "$1")" GC.run >/dev/null 2>&1
  sleep 1
  scrape "$(port_of "$1")" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ { s += $NF } END { printf "%d", s / 1024 }'
}
pool_idle() { # -> "a=N b=N" once both pools hold nothing (or what they hold after 10 s)
  local a b
  for _ in $(seq 1 20); do
    a=$(acquired $A_PORT); b=$(acquired $B_PORT)
    [ "$a" = 0 ] && [ "$b" = 0 ] && break
    sleep 0.5
  done
  echo "a=$a b=$b"
}
# Every import the load started ended succeeded with exactly the file's ticks, stored once.
imports_check() { # LABEL -> "imports exact wrong"
  # What the database holds for each import the load made, in one query: "id status ticks_added stored".
  local ids
  ids=$(awk -v q="'" '$2 ~ /^[0-9a-f-]+$/ && length($2) == 36 && $3 != "hostile-accepted" { printf "%s%s%s%s", (n++ ? "," : ""), q, $2, q }' "$OUT/$1/imports.txt")
  [ -n "$ids" ] && q "SELECT i.id, i.status, i.ticks_added, (SELECT count(*) FROM logbook.tick t WHERE t.import_id = i.id)
                      FROM logbook.import i WHERE i.id IN ($ids)" | tr '|' ' ' > "$WORK/imports.db" || : > "$WORK/imports.db"
  # Exact: the stream said succeeded with the file's ticks, and the database agrees, stored once.
  awk -v want="$SMALL_TICKS" 'NR == FNR { db[$1] = $2 " " $3 " " $4; next }
    $3 == "hostile-accepted" { next }
    { n++; if ($3 == "succeeded" && $4 == want && db[$2] == "succeeded " want " " want) exact++; else wrong = wrong " " $1 ":" $3 "/" $4 "/" db[$2] }
    END { printf "%d %d%s\n", n, exact, wrong }' "$WORK/imports.db" "$OUT/$1/imports.txt"
}
# Responses per instance from HAProxy's log ("instances/one", "instances/two") since a line number.
served_by() { # FROM_LINE PATTERN -> "one=N two=N"
  tail -n +"$1" "$OUT/haproxy.log" | grep -F "$2" | grep -o 'instances/[a-z]*' | sort | uniq -c | awk '{ printf "%s%s=%s", (NR>1?" ":""), substr($2, 11), $1 }'
}

# Both instances warmed up (their JIT compilers busy for the first minute of traffic would be
# measured as slowness by every scenario).
log "warming up: 60 s of mixed load"
climbers_for warmup 0
mixed warmup 60 MIX_IMPORT_SECONDS=0
finish_load

# ---------------------------------------------------------------- R1: nothing injected
R1_READ_P99=""
if has R1; then
  log "R1: ${R1_SECONDS}s of mixed load, nothing injected"
  climbers_for r1 $((R1_SECONDS / 20 + 2))
  line0=$(($(wc -l < "$OUT/haproxy.log") + 1))
  job0=$(q "SELECT coalesce(max(id), 0) FROM platform.job")
  mixed r1 "$R1_SECONDS" MIX_IMPORT_SECONDS=20
  finish_load
  sleep 3
  events=$(events_of r1)
  read -r imports exact wrong <<< "$(imports_check r1)"
  jobs=$(q "SELECT count(*) || ' ' || count(*) FILTER (WHERE status = 'succeeded' AND attempts = 1) FROM platform.job WHERE id > $job0")
  read -r acked missing unsent dup <<< "$(ledger_check r1)"
  signin=$(served_by "$line0" "/api/v1/auth/token"); refresh=$(served_by "$line0" "/api/v1/auth/refresh"); reads=$(served_by "$line0" "/api/v1/logbook/ticks?size=50")
  R1_READ_P99=$(kind_field r1 read p99)
  pass=PASS
  [ "$events" = 0 ] || pass=FAIL
  [ "$imports" -gt 0 ] && [ "$imports" = "$exact" ] || pass=FAIL
  [ "${jobs% *}" = "${jobs#* }" ] || pass=FAIL
  [ "$missing" = 0 ] && [ "$unsent" = 0 ] && [ "$dup" = 0 ] || pass=FAIL
  case "$refresh" in *one=*two=*) ;; *) pass=FAIL;; esac
  verdict R1 "nothing, ${R1_SECONDS} s" "$(kind_field r1 read count) reads (p99 ${R1_READ_P99} ms), $acked writes acknowledged and stored, $imports imports each exactly $SMALL_TICKS ticks, jobs run once: ${jobs#* } of ${jobs% *}; $events errors" "$pass"
  detail "**R1** ($R1_SECONDS s, nothing injected). Answers: $(answers_of r1). Jobs created during the run: ${jobs% *}, succeeded at the first attempt: ${jobs#* }. Imports: $imports, exact: $exact${wrong:+ (wrong:$wrong)}. Ledger: $acked acknowledged, $missing missing, $unsent stored but never sent, $dup stored twice. Served by each instance (HAProxy log): sign-in $signin; refresh $refresh; ticks pages $reads. Errors: $events."
fi

# ---------------------------------------------------------------- R2: kill -9 mid-import and mid-answer
if has R2; then
  log "R2: kill -9 one instance mid-import and mid-answer"
  climbers_for r2 0
  take_importer asker; take_importer bigger; take_importer control
  # What the large file adds when nothing goes wrong.
  cid=$(upload "$(token_of "$control")" "$WORK/large.csv"); [ "$(wait_import "$cid" 300)" = succeeded ] || { echo "control import failed"; exit 1; }
  LARGE_TICKS=$(q "SELECT ticks_added FROM logbook.import WHERE id = '$cid'")
  mixed r2 "$FAULT_SECONDS" MIX_IMPORT_SECONDS=0
  sleep 5
  # Signed in and a conversation open beforehand: between the upload and its COPY there are
  # about two seconds (the file parsed), in which the question must reach its first token.
  token=$(token_of "$bigger")
  atoken=$(token_of "$asker")
  used_before=$(used_today "$atoken")
  conv=$(curl -s -m 10 -H "Authorization: Bearer $atoken" -H 'Content-Type: application/json' -d '{"title":"R2"}' \
    "$LB/api/v1/coach/conversations" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  iid=$(upload "$token" "$WORK/large.csv")
  victim=""
  for _ in $(seq 1 600); do
    victim=$(q "SELECT locked_by FROM platform.job WHERE kind = 'logbook.import' AND status = 'running' AND payload::text LIKE '%$iid%'")
    [ -n "$victim" ] && break
    sleep 0.05
  done
  [ -n "$victim" ] || { echo "the import did not start"; exit 1; }
  # A question asked on the instance about to die, read until its first token.
  curl -s -N -m 120 -H "Authorization: Bearer $atoken" -H 'Content-Type: application/json' -H 'Accept: text/event-stream' \
    -d '{"content":"What should I work on next?"}' "http://127.0.0.1:$(port_of "$victim")/api/v1/coach/conversations/$conv/messages" \
    > "$WORK/r2-answer.txt" 2>/dev/null &
  for _ in $(seq 1 100); do grep -q '^event:token' "$WORK/r2-answer.txt" 2>/dev/null && break; sleep 0.05; done
  answer=$(sed -n 's/^id://p' "$WORK/r2-answer.txt" | head -1 | tr -d ' \r')
  [ -n "$answer" ] || answer=00000000-0000-0000-0000-000000000000   # no first token: R2 fails below
  # The file is parsed (status running); kill while its ticks are being written: the COPY in flight.
  phase="after parsing, before the COPY was seen"
  for _ in $(seq 1 200); do
    [ "$(q "SELECT count(*) FROM pg_stat_activity WHERE datname = '$DB' AND query ILIKE 'COPY logbook.tick%' AND state = 'active'")" != 0 ] \
      && { phase="during the COPY of its ticks"; break; }
    sleep 0.05
  done
  rows_at_kill=$(q "SELECT rows_read FROM logbook.import WHERE id = '$iid'")
  kill_ms=$(now_ms)
  kill -9 "$(pid_of "$victim")"
  log "R2: killed instance $victim ($phase of $rows_at_kill rows; answer $answer streaming)"
  # Counted when asked (the instance is gone; the count is in the database).
  used_asked=$(used_today "$atoken")
  finish_load
  status=$(wait_import "$iid" $((VISIBILITY_S + 240)))
  stored=$(q "SELECT count(*) FROM logbook.tick WHERE import_id = '$iid'")
  job=$(q "SELECT status || ' ' || attempts FROM platform.job WHERE kind = 'logbook.import' AND payload::text LIKE '%$iid%'")
  for _ in $(seq 1 $(((ABANDONED_S + 30) * 2))); do
    [ "$(q "SELECT status FROM coach.message WHERE id = '$answer'")" = failed ] && break; sleep 0.5
  done
  answer_status=$(q "SELECT status FROM coach.message WHERE id = '$answer'")
  used_after=$(used_today "$atoken")
  # Only requests in flight when the instance died may fail: started before the kill, ended within 5 s of it.
  late=$(awk -v k="$kill_ms" '$3 >= k || $4 > k + 5000' "$OUT/r2/events.txt" | wc -l)
  events=$(events_of r2)
  read -r acked missing unsent dup <<< "$(ledger_check r2)"
  pass=PASS
  [ "$status" = succeeded ] && [ "$stored" = "$LARGE_TICKS" ] || pass=FAIL
  # A takeover, not an import that finished before the kill: cut during its COPY, run twice.
  [ "$phase" = "during the COPY of its ticks" ] && [ "$job" = "succeeded 2" ] || pass=FAIL
  [ "$answer_status" = failed ] && [ "$used_asked" = $((used_before + 1)) ] && [ "$used_after" = "$used_before" ] || pass=FAIL
  [ "$late" = 0 ] && [ "$missing" = 0 ] && [ "$unsent" = 0 ] && [ "$dup" = 0 ] || pass=FAIL
  verdict R2 "\`kill -9\` of the instance running a ${LARGE_TICKS}-row import and streaming an answer" "import taken over: $status with $stored of $LARGE_TICKS ticks (job: $job); answer $answer_status, questions used $used_before → $used_asked when asked → $used_after after; $events requests failed, $late of them started after the kill" "$pass"
  detail "**R2**. Killed instance $victim $phase ($rows_at_kill rows). Import after takeover: $status, $stored ticks stored (the same file imported without a fault: $LARGE_TICKS), job status and attempts: $job. Answer: $answer_status; questions used today $used_before before asking, $used_after after the sweep. Load: $(answers_of r2). Failed requests: $events, of which started after the kill or ended over 5 s after it: $late. Ledger: $acked acknowledged, $missing missing, $unsent unsent stored, $dup twice."
  start_instance "$victim" "$(port_of "$victim")"; wait_ready "$(port_of "$victim")"
fi

# ---------------------------------------------------------------- R3: PostgreSQL restarted mid-load
if has R3; then
  log "R3: PostgreSQL restarted mid-load"
  climbers_for r3 0
  sample_health "http://127.0.0.1:$A_PORT/actuator/health" "$OUT/r3-health-a.txt"
  sample_health "http://127.0.0.1:$B_PORT/actuator/health" "$OUT/r3-health-b.txt"
  mixed r3 "$FAULT_SECONDS" MIX_IMPORT_SECONDS=0
  sleep 15
  restart_ms=$(now_ms)
  pg_ctlcluster $PG_CLUSTER restart -m fast
  log "R3: PostgreSQL back after $(( $(now_ms) - restart_ms )) ms"
  finish_load
  sleep 5
  stop_samplers
  # Every answer: 2xx, or 503 problem+json within the acquire timeout (+1 s for the request itself).
  # (A streamed answer the coach could not finish ends with its own error event: a refusal too.)
  bad=$(awk -v t=$(((ACQUIRE_TIMEOUT_S + 1) * 1000)) '$2 != "error-event" && ($2 != "503-problem" || $4 - $3 > t)' "$OUT/r3/events.txt" | wc -l)
  refused=$(awk '$2 == "503-problem"' "$OUT/r3/events.txt" | wc -l)
  down_a=$(awk '$2 == 503' "$OUT/r3-health-a.txt" | wc -l); up_a=$(tail -1 "$OUT/r3-health-a.txt" | awk '{ print $2 }')
  down_b=$(awk '$2 == 503' "$OUT/r3-health-b.txt" | wc -l); up_b=$(tail -1 "$OUT/r3-health-b.txt" | awk '{ print $2 }')
  read -r acked missing unsent dup <<< "$(ledger_check r3)"
  pool=$(pool_idle)
  pass=PASS
  [ "$bad" = 0 ] && [ "$missing" = 0 ] && [ "$unsent" = 0 ] && [ "$dup" = 0 ] || pass=FAIL
  [ "$down_a" -gt 0 ] && [ "$down_b" -gt 0 ] && [ "$up_a" = 200 ] && [ "$up_b" = 200 ] || pass=FAIL
  [ "$pool" = "a=0 b=0" ] || pass=FAIL
  verdict R3 "PostgreSQL restarted (\`pg_ctlcluster restart -m fast\`) mid-load" "$refused answered 503 problem+json within ${ACQUIRE_TIMEOUT_S} s, $bad otherwise; health DOWN ($down_a, $down_b samples) then UP; ledger $acked acknowledged, $missing missing; pools $pool" "$pass"
  detail "**R3**. Load: $(answers_of r3). Requests not 2xx: $(events_of r3), of which not a prompt 503 problem+json: $bad. Health samples every 0.25 s: instance a DOWN $down_a times, last $up_a; instance b DOWN $down_b, last $up_b. Ledger: $acked acknowledged, $missing missing, $unsent unsent stored, $dup twice. Pool connections held after the load: $pool."
fi

# ---------------------------------------------------------------- R4: PostgreSQL slow (locks held)
if has R4; then
  # 50 clients through the balancer are about 25 per instance, against pools of 15: while the
  # ticks table is locked, 15 requests per instance hold a connection waiting for the lock
  # (answered when it is released or at the lock timeout) and the rest wait for a connection.
  # Each client pauses 500 ms between requests (about 90 requests a second in all), so outside
  # the fault the two cores are not saturated: health then measures the event loops and the
  # database, not the run queue (at 100 ms, one sample in 129 took 118 ms in run 20261201T145009Z).
  log "R4: the ticks table locked for 15 s under 50 clients"
  climbers_for r4 0
  sample_health "http://127.0.0.1:$A_PORT/actuator/health/liveness" "$OUT/r4-live-a.txt"
  sample_health "http://127.0.0.1:$B_PORT/actuator/health/liveness" "$OUT/r4-live-b.txt"
  sample_health "http://127.0.0.1:$A_PORT/actuator/health" "$OUT/r4-health-a.txt"
  sample_health "http://127.0.0.1:$B_PORT/actuator/health" "$OUT/r4-health-b.txt"
  # The load generator runs at a lower priority here: it shares the two cores with what it loads,
  # and R4 asks whether the instances' event loops stay free while PostgreSQL is slow, not how
  # long a health probe waits in the run queue behind the client's own threads (run
  # 20261201T170331Z, the machine at about half its speed: liveness, which reads no database,
  # took up to 0.25 s, and health 0.21 s, in and out of the lock alike).
  vmstat -t 1 $((FAULT_SECONDS + 30)) > "$OUT/r4-vmstat.txt" 2>&1 & SAMPLER_PIDS+=($!)
  COLUMNS=200 top -b -c -w 200 -d 5 -n $(((FAULT_SECONDS + 30) / 5)) 2>&1 | grep -A10 '^ *PID' > "$OUT/r4-top.txt" & SAMPLER_PIDS+=($!)
  top -H -b -d 5 -n $(((FAULT_SECONDS + 30) / 5)) -p "$PIDS_A" 2>&1 | grep -A12 '^ *PID' > "$OUT/r4-threads-a.txt" & SAMPLER_PIDS+=($!)
  # What else ran while it did: the machine (vmstat), the processes (top) and instance a's threads
  # (top -H: password hashing, the JIT compilers, the event loops).
  MIX_NICE=10 mixed r4 "$FAULT_SECONDS" MIX_IMPORT_SECONDS=0 MIX_READERS=46 MIX_WRITERS=4 MIX_PAUSE_MS=500
  sleep 15
  lock_ms=$(now_ms)
  psql -q -d "$DB" -c "BEGIN; LOCK TABLE logbook.tick IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(15); COMMIT;" > /dev/null
  unlock_ms=$(now_ms)
  finish_load
  stop_samplers
  # 503s within the acquire timeout (+1 s): no connection free; later ones: a statement given up at the lock timeout.
  prompt503=$(awk -v t=$(((ACQUIRE_TIMEOUT_S + 1) * 1000)) '$2 == "503-problem" && $4 - $3 <= t' "$OUT/r4/events.txt" | wc -l)
  lock503=$(awk -v t=$(((ACQUIRE_TIMEOUT_S + 1) * 1000)) '$2 == "503-problem" && $4 - $3 > t' "$OUT/r4/events.txt" | wc -l)
  other=$(awk '$2 != "503-problem" && $2 != "error-event"' "$OUT/r4/events.txt" | wc -l)
  max_ms=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))["kinds"]; print(max(v["max"] for k, v in d.items() if k in ("read", "write")))' "$OUT/r4/load.json")
  # Liveness while PostgreSQL is slow (the lock held, and 2 s after it went, while the queue drains);
  # the whole run's slowest is reported beside it (the load's start, 50 clients at once, is in it).
  read -r live_max live_bad live_samples <<< "$(samples_between "$lock_ms" $((unlock_ms + 2000)) "$OUT/r4-live-a.txt" "$OUT/r4-live-b.txt")"
  read -r live_all _ _ <<< "$(samples_between 0 "$(now_ms)" "$OUT/r4-live-a.txt" "$OUT/r4-live-b.txt")"
  # Health with its database component (the last outcome of a probe on a connection of its own, ADR 0020).
  read -r health_max health_bad _ <<< "$(samples_between "$lock_ms" $((unlock_ms + 2000)) "$OUT/r4-health-a.txt" "$OUT/r4-health-b.txt")"
  pool=$(pool_idle)
  pass=PASS
  [ "$prompt503" -gt 0 ] && [ "$other" = 0 ] && [ "$live_bad" = 0 ] && [ "$health_bad" = 0 ] && [ "$pool" = "a=0 b=0" ] || pass=FAIL
  awk -v m="$max_ms" -v t=$(((LOCK_TIMEOUT_S + 1) * 1000)) 'BEGIN { exit !(m <= t) }' || pass=FAIL
  verdict R4 "\`logbook.tick\` locked (ACCESS EXCLUSIVE) for 15 s under 50 clients" "pool exhausted: $prompt503 answered 503 problem+json within the ${ACQUIRE_TIMEOUT_S} s acquire timeout, $lock503 at the ${LOCK_TIMEOUT_S} s lock timeout, $other otherwise; slowest request $max_ms ms (none hangs); while locked, health (with its database component) slowest ${health_max} s ($health_bad samples ≥ 100 ms or not 200), liveness ${live_max} s of $live_samples samples ($live_bad; whole run ${live_all} s)" "$pass"
  detail "**R4**. Load: $(answers_of r4). Liveness sampled every 0.25 s on both instances: slowest $live_max s while the lock was held and 2 s after ($live_samples samples), $live_all s over the whole run. Requests answered 503 problem+json: $prompt503 within the acquire timeout + 1 s (waiting for a connection), $lock503 later (holding one, waiting for the lock until \`DB_LOCK_TIMEOUT\`); other failures: $other; slowest request $max_ms ms. Pool connections held afterwards: $pool."
fi

# ---------------------------------------------------------------- R5: the other instance
if has R5; then
  log "R5: a cancel sent to the other instance; progress on both"
  take_importer asker
  token=$(token_of "$asker")
  conv=$(curl -s -m 10 -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{"title":"R5"}' \
    "http://127.0.0.1:$A_PORT/api/v1/coach/conversations" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  asked_ms=$(now_ms)
  curl -s -N -m 60 -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -H 'Accept: text/event-stream' \
    -d '{"content":"What should I work on next?"}' "http://127.0.0.1:$A_PORT/api/v1/coach/conversations/$conv/messages" \
    > "$WORK/r5-answer.txt" 2>/dev/null &
  answer_pid=$!
  for _ in $(seq 1 100); do grep -q '^event:token' "$WORK/r5-answer.txt" 2>/dev/null && break; sleep 0.1; done
  answer=$(sed -n 's/^id://p' "$WORK/r5-answer.txt" | head -1 | tr -d ' \r')
  [ -n "$answer" ] || answer=00000000-0000-0000-0000-000000000000   # no first token: R5 fails below
  cancel=$(curl -s -o /dev/null -w '%{http_code}' -m 10 -X POST -H "Authorization: Bearer $token" \
    "http://127.0.0.1:$B_PORT/api/v1/coach/conversations/$conv/messages/$answer/cancel")
  wait "$answer_pid" || true
  ended_s=$(awk -v a="$asked_ms" -v n="$(now_ms)" 'BEGIN { printf "%.1f", (n - a) / 1000 }')
  done_status=$(grep -A1 '^event:done' "$WORK/r5-answer.txt" | sed -n 's/.*"status":"\([a-z]*\)".*/\1/p' | head -1)
  stored_status=$(q "SELECT status FROM coach.message WHERE id = '$answer'")
  # An import started on a, its progress followed on a and on b.
  take_importer importer
  itoken=$(token_of "$importer")
  iid=$(upload "$itoken" "$WORK/large.csv" "http://127.0.0.1:$A_PORT")
  for side in a b; do
    curl -s -N -m 300 -H "Authorization: Bearer $itoken" -H 'Accept: text/event-stream' \
      "http://127.0.0.1:$(port_of $side)/api/v1/logbook/imports/$iid/events" > "$WORK/r5-progress-$side.txt" 2>/dev/null &
  done
  wait_import "$iid" 300 > /dev/null; sleep 2
  r5_added=$(q "SELECT ticks_added FROM logbook.import WHERE id = '$iid'")
  progress() { echo "$(grep -c '^event:progress' "$WORK/r5-progress-$1.txt") progress, done $(grep -A1 '^event:done' "$WORK/r5-progress-$1.txt" | sed -n 's/.*"status":"\([a-z]*\)".*"ticksAdded":\([0-9]*\).*/\1 \2/p; s/.*"ticksAdded":\([0-9]*\).*"status":"\([a-z]*\)".*/\2 \1/p' | head -1)"; }
  pa=$(progress a); pb=$(progress b)
  pass=PASS
  [ "$cancel" = 202 ] && [ "$done_status" = cancelled ] && [ "$stored_status" = cancelled ] || pass=FAIL
  case "$pa|$pb" in *"done succeeded $r5_added"*"|"*"done succeeded $r5_added"*) ;; *) pass=FAIL;; esac
  [ "$(grep -c '^event:progress' "$WORK/r5-progress-a.txt")" -gt 0 ] && [ "$(grep -c '^event:progress' "$WORK/r5-progress-b.txt")" -gt 0 ] || pass=FAIL
  verdict R5 "cancel sent to instance b for an answer written by a; an import on a followed on a and b" "cancel $cancel, the stream on a ended \`$done_status\` after ${ended_s} s (a whole answer takes 10 s), stored \`$stored_status\`; progress on a: $pa; on b: $pb" "$pass"
fi

# ---------------------------------------------------------------- R6: soak
if has R6; then
  log "R6: ${SOAK_SECONDS}s soak"
  climbers_for r6 $((SOAK_SECONDS / 20 + 2))
  live_a_before=$(live_heap a); live_b_before=$(live_heap b)
  sample_process a "$PIDS_A" 10 "$OUT/r6-process-a.txt"
  sample_process b "$PIDS_B" 10 "$OUT/r6-process-b.txt"
  mixed r6 "$SOAK_SECONDS" MIX_IMPORT_SECONDS=20
  finish_load
  sleep 3
  stop_samplers
  live_a_after=$(live_heap a); live_b_after=$(live_heap b)
  # Least-squares slope per minute over the second half of the soak (the first is warm-up).
  slope() { # FILE COLUMN
    # Times from the first sample: epoch seconds squared lose the slope in a double's precision.
    awk -v c="$2" 'NR == 1 { t0 = $1 } { t[NR] = $1 - t0; v[NR] = $c } END {
      n = 0; for (i = int(NR / 2) + 1; i <= NR; i++) { n++; sx += t[i]; sy += v[i]; sxx += t[i] * t[i]; sxy += t[i] * v[i] }
      d = n * sxx - sx * sx; printf "%.2f", d == 0 ? 0 : (n * sxy - sx * sy) / d * 60 }' "$1"
  }
  row=""
  pass=PASS
  for side in a b; do
    f=$OUT/r6-process-$side.txt
    rss=$(slope "$f" 2); thr=$(slope "$f" 3); fds=$(slope "$f" 4); non=$(slope "$f" 7)
    first=$(head -1 "$f"); last=$(tail -1 "$f")
    if [ "$side" = a ]; then before=$live_a_before; after=$live_a_after; else before=$live_b_before; after=$live_b_after; fi
    row="$row instance $side: RSS $(echo "$first" | awk '{ printf "%d", $2 / 1024 }') → $(echo "$last" | awk '{ printf "%d", $2 / 1024 }') MB (second half $(awk -v s="$rss" 'BEGIN { printf "%+.2f", s / 1024 }') MB/min), heap after a full collection $((before / 1024)) → $((after / 1024)) MB, metaspace and code $(awk -v s="$non" 'BEGIN { printf "%+.2f", s / 1024 }') MB/min, threads $(echo "$first" | awk '{ print $3 }') → $(echo "$last" | awk '{ print $3 }') ($thr/min), files $(echo "$first" | awk '{ print $4 }') → $(echo "$last" | awk '{ print $4 }') ($fds/min), pool $(echo "$last" | awk '{ print $5 }') at the last sample;"
    awk -v r="$rss" -v t="$thr" -v f="$fds" 'BEGIN { exit !(r / 1024 < 2 && r / 1024 > -50 && t < 1 && f < 1) }' || pass=FAIL
    # What the heap retains may grow by at most 1 MB per soak minute.
    [ $(( (after - before) / 1024 )) -lt $(( SOAK_SECONDS / 60 )) ] || pass=FAIL
  done
  pool=$(pool_idle)
  [ "$pool" = "a=0 b=0" ] || pass=FAIL
  events=$(events_of r6)
  read -r imports exact wrong <<< "$(imports_check r6)"
  [ "$events" = 0 ] && [ "$imports" -gt 0 ] && [ "$imports" = "$exact" ] || pass=FAIL
  verdict R6 "nothing, ${SOAK_SECONDS} s soak" "$(kind_field r6 read count) reads, $exact of $imports imports exact; $events errors;$row pools after the load $pool" "$pass"
  detail "**R6**. Load: $(answers_of r6). The instances' heaps are fixed and touched at start (\`-Xms512m -Xmx512m -XX:+AlwaysPreTouch\`), so RSS moves only with what lies outside the heap. Flat means a second-half slope under 2 MB/min of RSS, under 1 thread and 1 open file a minute, the heap left after a full collection (\`jcmd GC.run\` before and after the soak) grown by less than 1 MB per soak minute, and no pool connection held at the end. Samples every 10 s: \`r6-process-a.txt\`, \`r6-process-b.txt\` (epoch, RSS kB, threads, open files, pool connections held, old generation kB, metaspace and code kB)."
fi

# ---------------------------------------------------------------- R7: hostile requests mixed in
if has R7; then
  log "R7: $HOSTILE hostile requests mixed into ${HOSTILE_SECONDS}s of load"
  if [ -z "$R1_READ_P99" ]; then
    climbers_for r7-quiet 0
    mixed r7-quiet 60 MIX_IMPORT_SECONDS=0; finish_load
    R1_READ_P99=$(kind_field r7-quiet read p99); reference="a 60 s run without them"
  else
    reference="R1"
  fi
  climbers_for r7 $((HOSTILE_SECONDS / 20 + 2))
  mixed r7 "$HOSTILE_SECONDS" MIX_IMPORT_SECONDS=20 MIX_HOSTILE="$HOSTILE"
  finish_load
  sleep 10
  hostile=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))["kinds"]["hostile"]["answers"]; print(", ".join(f"{s}×{n}" for s, n in d.items()))' "$OUT/r7/load.json")
  sent=$(kind_field r7 hostile count)
  server_errors=$(awk '$1 == "hostile"' "$OUT/r7/events.txt" | wc -l)
  real_errors=$(awk '$1 != "hostile"' "$OUT/r7/events.txt" | wc -l)
  written=$(q "SELECT count(*) FROM logbook.tick t JOIN identity.account a ON a.id = t.owner_id WHERE a.username = 'hostile1'")
  accepted=$(q "SELECT count(*) || ' ' || count(*) FILTER (WHERE i.status = 'failed' AND i.error IS NOT NULL) FROM logbook.import i JOIN identity.account a ON a.id = i.owner_id WHERE a.username = 'hostile1'")
  p99=$(kind_field r7 read p99)
  pass=PASS
  [ "$sent" = "$HOSTILE" ] && [ "$server_errors" = 0 ] && [ "$real_errors" = 0 ] && [ "$written" = 0 ] && [ "${accepted% *}" = "${accepted#* }" ] || pass=FAIL
  awk -v a="$p99" -v b="$R1_READ_P99" 'BEGIN { exit !(a <= 2 * b) }' || pass=FAIL
  verdict R7 "$sent hostile requests (12 kinds) among the load" "answers $hostile; uploads accepted ${accepted% *}, failed with a reason ${accepted#* }; ticks written $written; real traffic errors $real_errors; ticks page p99 $p99 ms against $R1_READ_P99 ms in $reference" "$pass"
  detail "**R7**. Kinds, in turn: truncated JSON, wrong types, an unknown discipline, a 3 MB JSON body, a PATCH and a DELETE of another climber's tick, no token, a forged token, a 30 MB upload, 64 KB of random bytes as a CSV, an .xlsx bomb (100 MB of rows unpacked), an invalid page size and sort. Load: $(answers_of r7)."
fi

# ---------------------------------------------------------------- R8: backup during writes, restored
if has R8; then
  log "R8: app/ops/db-backup.sh during writes, restored into a new database"
  climbers_for r8 8
  mixed r8 "$FAULT_SECONDS" MIX_IMPORT_SECONDS=10
  sleep 20
  counts() { q "SELECT (SELECT count(*) FROM logbook.tick) || ' ' || (SELECT count(*) FROM logbook.import) || ' ' || (SELECT count(*) FROM coach.message)"; }
  before=$(counts); backup_ms=$(now_ms)
  file=$(DATABASE_URL="postgresql://$PGUSER@127.0.0.1:5432/$DB" app/ops/db-backup.sh "$WORK/backups")
  after=$(counts)
  finish_load
  psql -q -d postgres -c "CREATE DATABASE ${DB}_restored"
  DATABASE_URL="postgresql://$PGUSER@127.0.0.1:5432/${DB}_restored" app/ops/db-restore.sh "$file" > /dev/null
  rq() { psql -qtAX -d "${DB}_restored" -c "$1"; }
  restored=$(rq "SELECT (SELECT count(*) FROM logbook.tick) || ' ' || (SELECT count(*) FROM logbook.import) || ' ' || (SELECT count(*) FROM coach.message)")
  orphans=$(rq "SELECT count(*) FROM logbook.tick t WHERE t.import_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM logbook.import i WHERE i.id = t.import_id)")
  half=$(rq "SELECT count(*) FROM logbook.import i WHERE i.status = 'succeeded' AND i.ticks_added <> (SELECT count(*) FROM logbook.tick t WHERE t.import_id = i.id)")
  # Writes acknowledged before the backup began are in it.
  awk -v b="$backup_ms" '$3 < b { print $2 }' "$OUT/r8/ledger.txt" | sort -u > "$WORK/r8.ack"
  rq "SELECT id FROM logbook.tick WHERE route LIKE 'Ledger %'" | sort -u > "$WORK/r8.restored"
  in_backup=$(comm -12 "$WORK/r8.ack" "$WORK/r8.restored" | wc -l)
  read -r tb ib mb <<< "$before"; read -r ta ia ma <<< "$after"; read -r tr ir mr <<< "$restored"
  pass=PASS
  [ "$orphans" = 0 ] && [ "$half" = 0 ] && [ "$in_backup" = "$(wc -l < "$WORK/r8.ack")" ] || pass=FAIL
  [ "$tr" -ge "$tb" ] && [ "$tr" -le "$ta" ] && [ "$ir" -ge "$ib" ] && [ "$ir" -le "$ia" ] && [ "$mr" -ge "$mb" ] && [ "$mr" -le "$ma" ] || pass=FAIL
  verdict R8 "\`app/ops/db-backup.sh\` during writes and imports, restored by \`db-restore.sh\` into a new database" "ticks $tr (live $tb → $ta while it ran), imports $ir ($ib → $ia), messages $mr ($mb → $ma); ticks without their import $orphans; succeeded imports whose ticks differ from their count $half" "$pass"
  detail "**R8**. Backup $(basename "$file") ($(du -h "$file" | cut -f1)). Load: $(answers_of r8). Writes acknowledged before the backup began, found in the restored database: $in_backup of $(wc -l < "$WORK/r8.ack")."
  psql -q -d postgres -c "DROP DATABASE IF EXISTS ${DB}_restored"
fi

# ---------------------------------------------------------------- CAP: how far one PostgreSQL carries two instances
CAPACITY=""
if has CAP; then
  log "CAP: reads/s and writes/s through the balancer (two instances), and reads/s of one instance alone"
  for c in $(awk '$1 == "traffic" { print $2 }' "$WORK/climbers.txt"); do token_of "$c"; done > "$WORK/tokens.txt"
  java -Xss512k -jar "$LOADGEN_JAR" load "$LB/api/v1/logbook/ticks?size=50" "$WORK/tokens.txt" 32 20 > "$OUT/cap-reads-two.json"
  java -Xss512k -jar "$LOADGEN_JAR" load "http://127.0.0.1:$A_PORT/api/v1/logbook/ticks?size=50" "$WORK/tokens.txt" 32 20 > "$OUT/cap-reads-one.json"
  climbers_for cap-writes 0
  mixed cap-writes 20 MIX_READERS=0 MIX_WRITERS=32 MIX_COACH=0 MIX_IMPORT_SECONDS=0 MIX_REFRESH_SECONDS=0
  finish_load
  rps() { python3 - "$1" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print("%.0f req/s, p99 %.1f ms, %d errors" % (d["rps"], d["p99"], d["errors"]))
PY
  }
  writes=$(python3 - "$OUT/cap-writes/load.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
w = d["kinds"]["write"]
ok = w["answers"].get("201", 0)
print("%.0f writes/s, p99 %.1f ms, %d not 201" % (ok / d["seconds"], w["p99"], w["count"] - ok))
PY
)
  CAPACITY="Ticks pages (32 connections, 20 s, closed loop): two instances behind HAProxy $(rps "$OUT/cap-reads-two.json"); instance a alone $(rps "$OUT/cap-reads-one.json"). Tick writes through HAProxy (32 writers, 20 s): $writes."
  log "CAP: $CAPACITY"
fi

# ---------------------------------------------------------------- report
failed=0
for r in "${SUMMARY[@]}"; do case $r in *"**FAIL**"*) failed=$((failed + 1));; esac; done
{
  echo "# Reliability (issue #18)"
  echo
  echo "Written by \`reliability/run.sh\` ($SCENARIOS) on $(date -u +%Y-%m-%d), run \`$STAMP\` (raw results in"
  echo "\`reliability/results/$STAMP/\`). Two instances of the packaged jar (prod profile, 512 MB heap) behind"
  echo "HAProxy $(haproxy -v | head -1 | awk '{ print $3 }') with \`app/ops/haproxy.cfg\`, one PostgreSQL $(psql -qtAX -d postgres -c 'SHOW server_version' | cut -d' ' -f1),"
  echo "the stub model (20 tokens/s for 10 s per answer), on $(nproc) cores; the load is the benchmarks' generator"
  echo "(\`mixed\`): 4 readers of the ticks page, 2 writers with a ledger, an import every 20 s followed on its"
  echo "progress stream, a coach question streamed at a time, refresh-token rotation every 30 s, each climber"
  echo "signed in with its password through the balancer. Timeouts shortened for the run: pool acquire"
  echo "${ACQUIRE_TIMEOUT_S} s, job visibility ${VISIBILITY_S} s, abandoned answers ${ABANDONED_S} s. R1 ran ${R1_SECONDS} s, R6 ${SOAK_SECONDS} s."
  echo
  echo "| # | injected | measured | result |"
  echo "|---|---|---|---|"
  printf '%s\n' "${SUMMARY[@]}"
  echo
  echo "$failed of ${#SUMMARY[@]} scenarios failed."
  echo
  for d in "${DETAILS[@]}"; do echo "$d"; echo; done
  if [ -n "$CAPACITY" ]; then
    echo "## How far one PostgreSQL carries two instances here"
    echo
    echo "$CAPACITY Everything shares the machine's $(nproc) cores (both instances, HAProxy, PostgreSQL and the load"
    echo "generator), so these are this machine's figures, not PostgreSQL's ceiling; docs/deployment.md reads them."
    echo
  fi
} > "$OUT/report.md"
# HAProxy's log of a whole run is about 190 MB, one line per request: what the report read from
# it is in the report; the lines of requests not answered 2xx cleanly are kept.
awk '$0 !~ / 20[0-9] [0-9]+ - - ---- /' "$OUT/haproxy.log" > "$OUT/haproxy-not-2xx.log"
wc -l < "$OUT/haproxy.log" > "$OUT/haproxy-lines.txt"
rm -f "$OUT/haproxy.log"
# docs/reliability.md is the report of a whole run; a run of some scenarios stays in its results.
if [ "$SCENARIOS" = "R1 R2 R3 R4 R5 R6 R7 R8 CAP" ]; then cp "$OUT/report.md" docs/reliability.md; fi
cat "$OUT/report.md"
[ "$failed" = 0 ]
