#!/usr/bin/env bash
# The floor of one authenticated API request in Cruxlog's stack, beside the analytics pages of
# issue #17: the same app start, pinning and load generator as run.sh (app on core 0, load on
# core 1), closed loop, 16 connections, for
#   - /actuator/health                 no token, no SQL
#   - /api/v1/grades/systems           the bearer token checked, a constant list, no SQL
#   - /api/v1/analytics/pyramid        the 10,000-tick climber's pyramid (S4)
#   - /api/v1/analytics/overview       its overview (S4)
# and pgbench of the pyramid's SQL as run.sh S4 runs it (15 clients). If a request that runs no
# SQL at all stays under half of pgbench's TPS, no change to the pages' SQL can bring them there.
#   benchmarks/request-floor.sh -> benchmarks/results/floor-<timestamp>.txt
# Uses the data run.sh loaded into cruxlog_bench and the built app jar (JAR= for another).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="benchmarks/results/floor-$(date -u +%Y%m%dT%H%M%SZ).txt"
DB=${BENCH_DB:-cruxlog_bench}; PORT=18075; WORK=$(mktemp -d); SECONDS_PER_RUN=${SECONDS_PER_RUN:-10}
export PGHOST=localhost PGPORT=5432 PGUSER=postgres
SECRET=$(head -c 32 /dev/urandom | base64 -w0)
LOADGEN="taskset -c 1 java -Xss512k -jar benchmarks/loadgen/target/loadgen.jar"
psql -qtA -d "$DB" -F ' ' -c "SELECT id, 'bench' || n FROM bench.owner WHERE n = 0" > "$WORK/heavy.txt"
java -jar benchmarks/loadgen/target/loadgen.jar tokens "$SECRET" "$WORK/heavy.txt" > "$WORK/token.txt"
env DATABASE_URL="postgresql://postgres@127.0.0.1:5432/$DB" SERVER_PORT=$PORT SPRING_PROFILES_ACTIVE=prod \
  CRUXLOG_TOKEN_SECRET="$SECRET" LOG_LEVEL=WARN SECURE_COOKIES=false \
  taskset -c 0 java -Xmx1g -jar "${JAR:-app/target/cruxlog-exec.jar}" > "$WORK/app.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do curl -sf "http://localhost:$PORT/actuator/health" >/dev/null 2>&1 && break; sleep 1; done
B="http://localhost:$PORT"
echo "request floor, $(date -u +%FT%TZ), build $(git rev-parse --short HEAD), $SECONDS_PER_RUN s per run, 16 connections" | tee "$OUT"
for url in "$B/actuator/health" "$B/api/v1/grades/systems" "$B/api/v1/analytics/pyramid?discipline=sport" "$B/api/v1/analytics/overview"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $(head -1 "$WORK/token.txt")" "$url")
  $LOADGEN load "$url" "$WORK/token.txt" 16 "${WARM:-60}" > /dev/null   # warm-up (JIT)
  for round in 1 2 3; do
    echo "$url (HTTP $code) round $round: $($LOADGEN load "$url" "$WORK/token.txt" 16 "$SECONDS_PER_RUN")" | tee -a "$OUT"
  done
done
# pgbench of the pages' own SQL, exactly as run.sh S4 runs it (15 clients, both cores).
RULES_VERSION=$(sed -n 's/.*int VERSION = \([0-9]*\);.*/\1/p' modules/analytics/src/main/java/dev/cruxlog/analytics/domain/ReadModelRules.java)
for sql in pyramid overview; do
  echo "pgbench $sql.pgbench, 15 clients: $(pgbench -n -M prepared -d "$DB" -f "benchmarks/sql/$sql.pgbench" -D users="${USERS:-1000}" \
    -D rules_version="$RULES_VERSION" -c 15 -j 2 -T "$SECONDS_PER_RUN" 2>/dev/null | awk '/^tps/{print $3; exit}') TPS" | tee -a "$OUT"
done
