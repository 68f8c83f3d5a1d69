#!/usr/bin/env bash
# async-profiler (cpu) over rounds of 300 one-token questions (ramp 3 s), after 4 warm rounds
set -euo pipefail
cd /work/main
JAR=$1; LABEL=$2; W=/tmp/q/$LABEL; mkdir -p $W; DB=cruxlog_bench; PORT=18080; STUB_PORT=18100
export PGHOST=localhost PGPORT=5432 PGUSER=postgres
SECRET=$(head -c 32 /dev/urandom | base64 -w0)
LOADGEN_JAR=benchmarks/loadgen/target/loadgen.jar; LOADGEN="taskset -c 1 java -Xss512k -jar $LOADGEN_JAR"
psql -qtA -d "$DB" -F ' ' -c "SELECT id, 'bench' || n FROM bench.owner WHERE n > 0 ORDER BY n" > $W/owners.txt
java -jar "$LOADGEN_JAR" tokens "$SECRET" $W/owners.txt PREMIUM > $W/premium.txt
taskset -c 1 java -jar "$LOADGEN_JAR" model-stub $STUB_PORT 20 0.05 3000 > $W/stub.log 2>&1 & STUB=$!
DATABASE_URL="postgresql://$PGUSER@127.0.0.1:5432/$DB" SERVER_PORT=$PORT SPRING_PROFILES_ACTIVE=prod \
  CRUXLOG_TOKEN_SECRET="$SECRET" LOG_LEVEL=WARN SECURE_COOKIES=false \
  CRUXLOG_COACH_BASE_URL="http://127.0.0.1:$STUB_PORT/v1" CRUXLOG_COACH_PREMIUM_QUESTIONS_PER_DAY=-1 \
  taskset -c 0 java -Xmx1g -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -jar $JAR > $W/app.log 2>&1 & APP=$!
trap 'kill $APP $STUB 2>/dev/null; wait 2>/dev/null' EXIT
for _ in $(seq 1 120); do curl -sf "http://localhost:$PORT/actuator/health" >/dev/null 2>&1 && break; sleep 1; done
URL="http://localhost:$PORT/api/v1/coach/conversations"
for _ in 1 2 3 4 5 6; do $LOADGEN stream "$URL" $W/premium.txt 300 1 3 90 > /dev/null; done
taskset -c 1 java /tmp/prof/Ap.java $APP /tmp/ap/linux-x64/libasyncProfiler.so "start,event=cpu,interval=1ms"
for _ in 1 2; do $LOADGEN stream "$URL" $W/premium.txt 300 1 3 90 >> $W/rounds.json; done
taskset -c 1 java /tmp/prof/Ap.java $APP /tmp/ap/linux-x64/libasyncProfiler.so "stop,file=$W/q.collapsed,collapsed"
echo done
