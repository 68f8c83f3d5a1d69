# Sourced by the scripts beside it (run from anywhere; they cd to the repository). Needs run.sh's
# cruxlog_bench and the load generator built; AP_LIB: async-profiler 4.0's libasyncProfiler.so
# (tools.profiler:async-profiler, Maven Central), attached by ../s8-questions-20261202/Ap.java.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
DB=cruxlog_bench; PORT=18080; STUB_PORT=18100
export PGHOST=localhost PGPORT=5432 PGUSER=postgres
LOADGEN_JAR=benchmarks/loadgen/target/loadgen.jar; LOADGEN="taskset -c 1 java -Xss512k -jar $LOADGEN_JAR"
URL="http://localhost:$PORT/api/v1/coach/conversations"
AP_LIB=${AP_LIB:-/tmp/ap/linux-x64/libasyncProfiler.so}
APP=""; STUB=""
# start_app_and_stub JAR STUB_SECONDS WORKDIR [JVM options]: the model stub (20 tokens/s for that long) on
# core 1, the app on core 0, premium tokens for run.sh's climbers in WORKDIR/premium.txt.
start_app_and_stub() {
  local jar=$1 seconds=$2 work=$3; shift 3
  local secret; secret=$(head -c 32 /dev/urandom | base64 -w0)
  psql -qtA -d "$DB" -F ' ' -c "SELECT id, 'bench' || n FROM bench.owner WHERE n > 0 ORDER BY n" > "$work/owners.txt"
  java -jar "$LOADGEN_JAR" tokens "$secret" "$work/owners.txt" PREMIUM > "$work/premium.txt"
  taskset -c 1 java -jar "$LOADGEN_JAR" model-stub $STUB_PORT 20 "$seconds" 3000 > "$work/stub.log" 2>&1 & STUB=$!
  DATABASE_URL="postgresql://$PGUSER@127.0.0.1:5432/$DB" SERVER_PORT=$PORT SPRING_PROFILES_ACTIVE=prod \
    CRUXLOG_TOKEN_SECRET="$secret" LOG_LEVEL=WARN SECURE_COOKIES=false \
    CRUXLOG_COACH_BASE_URL="http://127.0.0.1:$STUB_PORT/v1" CRUXLOG_COACH_PREMIUM_QUESTIONS_PER_DAY=-1 \
    taskset -c 0 java -Xmx1g "$@" -jar "$jar" > "$work/app.log" 2>&1 & APP=$!
  for _ in $(seq 1 120); do curl -sf "http://localhost:$PORT/actuator/health" >/dev/null 2>&1 && break; sleep 1; done
}
stop_app_and_stub() { kill $APP $STUB 2>/dev/null || true; wait 2>/dev/null || true; }
# profiler start | profiler stop FILE: async-profiler's CPU sampling (1 ms) on the app.
profiler() {
  local ap=benchmarks/results/s8-questions-20261202/Ap.java
  if [ "$1" = start ]; then taskset -c 1 java $ap $APP "$AP_LIB" "start,event=cpu,interval=1ms"
  else taskset -c 1 java $ap $APP "$AP_LIB" "stop,file=$2,collapsed"; fi
}
