#!/usr/bin/env bash
# start stub + app against cruxlog_bench; writes /tmp/s8/{app,stub}.pid and premium.txt
cd /work/main
DB=cruxlog_bench; PORT=18080; STUB_PORT=18100
export PGHOST=localhost PGPORT=5432 PGUSER=postgres
SECRET=${SECRET:-$(head -c 32 /dev/urandom | base64 -w0)}
LOADGEN_JAR=benchmarks/loadgen/target/loadgen.jar
psql -qtA -d "$DB" -F ' ' -c "SELECT id, 'bench' || n FROM bench.owner WHERE n > 0 ORDER BY n" > /tmp/s8/owners.txt
java -jar "$LOADGEN_JAR" tokens "$SECRET" /tmp/s8/owners.txt PREMIUM > /tmp/s8/premium.txt
taskset -c 1 java -jar "$LOADGEN_JAR" model-stub $STUB_PORT 20 ${STUB_SECONDS:-10} 3000 > /tmp/s8/stub.log 2>&1 &
echo $! > /tmp/s8/stub.pid
DATABASE_URL="postgresql://$PGUSER@127.0.0.1:5432/$DB" SERVER_PORT=$PORT SPRING_PROFILES_ACTIVE=prod \
  CRUXLOG_TOKEN_SECRET="$SECRET" LOG_LEVEL=WARN SECURE_COOKIES=false \
  CRUXLOG_COACH_BASE_URL="http://127.0.0.1:$STUB_PORT/v1" CRUXLOG_COACH_PREMIUM_QUESTIONS_PER_DAY=-1 \
  taskset -c 0 java -Xmx1g ${JAVA_OPTS:-} -jar ${JAR:-app/target/cruxlog-exec.jar} > /tmp/s8/app.log 2>&1 &
echo $! > /tmp/s8/app.pid
for _ in $(seq 1 120); do curl -sf "http://localhost:$PORT/actuator/health" >/dev/null 2>&1 && break; sleep 1; done
echo started
