#!/usr/bin/env bash
# stream-profile.sh JAR LABEL: async-profiler (cpu) over 10 s of 300 answers streaming (no questions in the window)
set -euo pipefail
cd /work/main
JAR=$1; LABEL=$2; DB=cruxlog_bench; PORT=18080; STUB_PORT=18100; W=/tmp/prof/$LABEL; mkdir -p $W
export PGHOST=localhost PGPORT=5432 PGUSER=postgres
SECRET=$(head -c 32 /dev/urandom | base64 -w0)
LOADGEN_JAR=benchmarks/loadgen/target/loadgen.jar; LOADGEN="taskset -c 1 java -Xss512k -jar $LOADGEN_JAR"
psql -qtA -d "$DB" -F ' ' -c "SELECT id, 'bench' || n FROM bench.owner WHERE n > 0 ORDER BY n" > $W/owners.txt
java -jar "$LOADGEN_JAR" tokens "$SECRET" $W/owners.txt PREMIUM > $W/premium.txt
taskset -c 1 java -jar "$LOADGEN_JAR" model-stub $STUB_PORT 20 20 3000 > $W/stub.log 2>&1 & STUB=$!
DATABASE_URL="postgresql://$PGUSER@127.0.0.1:5432/$DB" SERVER_PORT=$PORT SPRING_PROFILES_ACTIVE=prod \
  CRUXLOG_TOKEN_SECRET="$SECRET" LOG_LEVEL=WARN SECURE_COOKIES=false \
  CRUXLOG_COACH_BASE_URL="http://127.0.0.1:$STUB_PORT/v1" CRUXLOG_COACH_PREMIUM_QUESTIONS_PER_DAY=-1 \
  taskset -c 0 java -Xmx1g -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -jar $JAR > $W/app.log 2>&1 & APP=$!
trap 'kill $APP $STUB 2>/dev/null; wait 2>/dev/null' EXIT
for _ in $(seq 1 120); do curl -sf "http://localhost:$PORT/actuator/health" >/dev/null 2>&1 && break; sleep 1; done
URL="http://localhost:$PORT/api/v1/coach/conversations"
for _ in 1 2 3; do $LOADGEN stream "$URL" $W/premium.txt 300 400 3 90 > /dev/null; done
$LOADGEN stream "$URL" $W/premium.txt 300 400 3 90 > $W/s.json & S=$!
sleep 8
taskset -c 1 java /tmp/prof/Ap.java $APP /tmp/ap/linux-x64/libasyncProfiler.so "start,event=cpu,interval=1ms"
sleep 10
taskset -c 1 java /tmp/prof/Ap.java $APP /tmp/ap/linux-x64/libasyncProfiler.so "stop,file=$W/stream.collapsed,collapsed"
wait $S
echo done $LABEL
