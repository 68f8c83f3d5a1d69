#!/usr/bin/env bash
# One question at a time (60 over 30 s), PostgreSQL logging every statement's duration.
set -euo pipefail
cd /work/main
JAR=$1; W=/tmp/q; DB=cruxlog_bench; PORT=18080; STUB_PORT=18100
export PGHOST=localhost PGPORT=5432 PGUSER=postgres
SECRET=$(head -c 32 /dev/urandom | base64 -w0)
LOADGEN_JAR=benchmarks/loadgen/target/loadgen.jar; LOADGEN="taskset -c 1 java -Xss512k -jar $LOADGEN_JAR"
psql -qtA -d "$DB" -F ' ' -c "SELECT id, 'bench' || n FROM bench.owner WHERE n > 0 ORDER BY n" > $W/owners.txt
java -jar "$LOADGEN_JAR" tokens "$SECRET" $W/owners.txt PREMIUM > $W/premium.txt
taskset -c 1 java -jar "$LOADGEN_JAR" model-stub $STUB_PORT 20 0.05 3000 > $W/stub.log 2>&1 & STUB=$!
DATABASE_URL="postgresql://$PGUSER@127.0.0.1:5432/$DB" SERVER_PORT=$PORT SPRING_PROFILES_ACTIVE=prod \
  CRUXLOG_TOKEN_SECRET="$SECRET" LOG_LEVEL=WARN SECURE_COOKIES=false \
  CRUXLOG_COACH_BASE_URL="http://127.0.0.1:$STUB_PORT/v1" CRUXLOG_COACH_PREMIUM_QUESTIONS_PER_DAY=-1 \
  taskset -c 0 java -Xmx1g -jar $JAR > $W/app.log 2>&1 & APP=$!
trap 'kill $APP $STUB 2>/dev/null; wait 2>/dev/null; psql -q -c "ALTER SYSTEM RESET log_min_duration_statement" -c "SELECT pg_reload_conf()" >/dev/null' EXIT
for _ in $(seq 1 120); do curl -sf "http://localhost:$PORT/actuator/health" >/dev/null 2>&1 && break; sleep 1; done
URL="http://localhost:$PORT/api/v1/coach/conversations"
for _ in 1 2 3 4; do $LOADGEN stream "$URL" $W/premium.txt 300 1 3 90 > /dev/null; done
LOG=/var/log/postgresql/postgresql-15-main.log

START=$(wc -l < "$LOG")
psql -q -c "ALTER SYSTEM SET log_min_duration_statement = 0" -c "SELECT pg_reload_conf()" >/dev/null
$LOADGEN stream "$URL" $W/premium.txt 60 1 30 90 > $W/serial.json
psql -q -c "ALTER SYSTEM RESET log_min_duration_statement" -c "SELECT pg_reload_conf()" >/dev/null
tail -n +$((START + 1)) "$LOG" > $W/statements.log
echo "logged $(grep -c 'duration:' $W/statements.log) statements"
