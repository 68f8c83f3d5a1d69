#!/usr/bin/env bash
# ad hoc: app at one open rate on 1000 connections, GC log and per-thread CPU
set -euo pipefail
cd /work/main; ROOT=$(pwd)
JAR=$1; RATE=$2; shift 2
DB=cruxlog_bench; PORT=18070; WORK=/tmp/probe-$RATE; rm -rf $WORK; mkdir -p $WORK
export PGHOST=localhost PGPORT=5432 PGUSER=postgres
SECRET=$(head -c 32 /dev/urandom | base64 -w0)
LOADGEN="taskset -c 1 java -Xss512k -jar $ROOT/benchmarks/loadgen/target/loadgen.jar"
psql -qtA -d "$DB" -F ' ' -c "SELECT id, 'bench' || n FROM bench.owner WHERE n > 0 ORDER BY n" > "$WORK/owners.txt"
java -jar benchmarks/loadgen/target/loadgen.jar tokens "$SECRET" "$WORK/owners.txt" > "$WORK/tokens.txt"
env "$@" DATABASE_URL="postgresql://$PGUSER@localhost:5432/$DB" SERVER_PORT=$PORT SPRING_PROFILES_ACTIVE=prod \
  CRUXLOG_TOKEN_SECRET="$SECRET" LOG_LEVEL=WARN JOBS_ENABLED=false \
  taskset -c 0 java -Xmx1g -Xlog:gc:file=$WORK/gc.log ${PROBE_JAVA_OPTS:-} -jar "$JAR" > "$WORK/app.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null' EXIT
for _ in $(seq 1 120); do curl -sf "http://localhost:$PORT/actuator/health" >/dev/null 2>&1 && break; sleep 1; done
URL="http://localhost:$PORT/api/v1/logbook/ticks?limit=50"
for i in 1 2 3 4 5 6; do $LOADGEN load "$URL" "$WORK/tokens.txt" 64 10 > /dev/null; done
$LOADGEN load "$URL" "$WORK/tokens.txt" 1000 3 $RATE > /dev/null
echo "--- measured" >> $WORK/gc.log
(top -H -b -d 2 -n 5 -p $PID > $WORK/top.txt) & (top -b -d 5 -n 2 > $WORK/topall.txt) &
vmstat 1 12 > $WORK/vmstat.txt &
$LOADGEN load "$URL" "$WORK/tokens.txt" 1000 10 $RATE
sleep 3
echo; sed -n '/--- measured/,$p' $WORK/gc.log | tail -25
grep -A12 "PID USER" $WORK/top.txt | tail -14
cat $WORK/vmstat.txt
