#!/usr/bin/env bash
# usage: half.sh LABEL "JVM OPTS" -- S4's overview and pyramid: max (16 conns) then half rate (64 conns), app warmed first; cruxlog_bench
set -euo pipefail
LABEL=$1; OPTS=$2; DB=cruxlog_bench; PORT=18097; export PGHOST=localhost PGUSER=postgres
SECRET=$(head -c 32 /dev/urandom | base64 -w0)
psql -qtA -d $DB -F ' ' -c "SELECT id, 'heavy' FROM bench.owner WHERE n = 0" > /tmp/prof/h.txt
java -jar /work/main/benchmarks/loadgen/target/loadgen.jar tokens "$SECRET" /tmp/prof/h.txt > /tmp/prof/ht.txt
env DATABASE_URL="postgresql://postgres@127.0.0.1:5432/$DB" SERVER_PORT=$PORT SPRING_PROFILES_ACTIVE=prod CRUXLOG_TOKEN_SECRET="$SECRET" LOG_LEVEL=WARN SECURE_COOKIES=false CRUXLOG_ANALYTICS_REBUILD_CHECK_INTERVAL=2s \
  taskset -c 0 java -Xmx1g $OPTS -Xlog:gc:file=/tmp/prof/gc-$LABEL.log:uptime -jar /work/main/app/target/cruxlog-exec.jar > /tmp/prof/half-$LABEL.log 2>&1 &
PID=$!; trap 'kill $PID; wait $PID 2>/dev/null' EXIT
for _ in $(seq 1 120); do curl -sf "http://localhost:$PORT/actuator/health" >/dev/null 2>&1 && break; sleep 1; done
sleep 3
for _ in $(seq 1 300); do
  [ "$(psql -qtA -d "$DB" -c "SELECT count(*) FROM analytics.read_model_rebuild WHERE requested_at IS NOT NULL")" = 0 ] \
    && [ "$(psql -qtA -d "$DB" -c "SELECT count(*) FROM platform.job WHERE kind = 'analytics.rebuild-read-model' AND status IN ('queued', 'running')")" = 0 ] && break
  sleep 1
done
psql -qtA -d $DB -c "SELECT count(*), min(rules_version) FROM analytics.logbook_figure f JOIN bench.owner o ON o.id = f.owner_id AND o.n = 0"
L="taskset -c 1 java -Xss512k -jar /work/main/benchmarks/loadgen/target/loadgen.jar"
for p in overview "pyramid?discipline=sport"; do for i in 1 2 3 4 5 6; do $L load "http://localhost:$PORT/api/v1/analytics/$p" /tmp/prof/ht.txt 16 10 > /dev/null; done; done
for p in overview "pyramid?discipline=sport"; do
  max=$($L load "http://localhost:$PORT/api/v1/analytics/$p" /tmp/prof/ht.txt 16 10 | sed 's/.*"rps":\([0-9.]*\).*/\1/')
  half=$(awk -v r=$max 'BEGIN{print int(r/2)}')
  res=$($L load "http://localhost:$PORT/api/v1/analytics/$p" /tmp/prof/ht.txt 64 10 $half | sed 's/,"latencyHistogram.*//')
  echo "$LABEL $p max=$max half: $res" | cut -c1-260
done
