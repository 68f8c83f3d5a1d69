#!/usr/bin/env bash
# What keeping the analytics read model current costs a hand edit (issue #17): the time of
# EDITS tick edits (PATCH, the grade switched back and forth) for the 10,000-tick climber and for
# a 500-tick one, one after another, the app pinned to one core. Uses the data run.sh loaded into
# cruxlog_bench and the built app jar.
#   benchmarks/edit-latency.sh      -> benchmarks/results/edits-<timestamp>.txt
# JAR picks another build of the app (default app/target/cruxlog-exec.jar); JOPTS adds JVM options to it
# (a JFR recording of the refreshes, say).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="benchmarks/results/edits-$(date -u +%Y%m%dT%H%M%SZ).txt"
DB=${BENCH_DB:-cruxlog_bench}; PORT=18091; EDITS=${EDITS:-8}; WORK=$(mktemp -d)
export PGHOST=localhost PGPORT=5432 PGUSER=${PGUSER:-postgres}
SECRET=$(head -c 32 /dev/urandom | base64 -w0)
psql -qtA -d "$DB" -F ' ' -c "SELECT id, 'bench' || n FROM bench.owner WHERE n IN (0, 1) ORDER BY n" > "$WORK/owners.txt"
java -jar benchmarks/loadgen/target/loadgen.jar tokens "$SECRET" "$WORK/owners.txt" > "$WORK/tokens.txt"
env DATABASE_URL="postgresql://$PGUSER@127.0.0.1:5432/$DB" SERVER_PORT=$PORT SPRING_PROFILES_ACTIVE=prod \
  CRUXLOG_TOKEN_SECRET="$SECRET" LOG_LEVEL=WARN SECURE_COOKIES=false \
  taskset -c 0 java -Xmx1g ${JOPTS:-} -jar "${JAR:-app/target/cruxlog-exec.jar}" > "$WORK/app.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do curl -sf "http://localhost:$PORT/actuator/health" >/dev/null 2>&1 && break; sleep 1; done
# A start with newer read-model rules rebuilds every climber first; measure after it.
for _ in $(seq 1 300); do
  [ "$(psql -qtA -d "$DB" -c "SELECT count(*) FROM analytics.read_model_rebuild WHERE requested_at IS NOT NULL")" = 0 ] \
    && [ "$(psql -qtA -d "$DB" -c "SELECT count(*) FROM platform.job WHERE kind = 'analytics.rebuild-read-model' AND status IN ('queued', 'running')")" = 0 ] && break
  sleep 1
done
: > "$OUT"
for n in 0 1; do
  token=$(sed -n "$((n + 1))p" "$WORK/tokens.txt")
  ticks=$(psql -qtA -d "$DB" -c "SELECT count(*) FROM logbook.tick t JOIN bench.owner o ON o.id = t.owner_id AND o.n = $n")
  id=$(psql -qtA -d "$DB" -c "SELECT t.id FROM logbook.tick t JOIN bench.owner o ON o.id = t.owner_id AND o.n = $n ORDER BY t.id LIMIT 1")
  for k in $(seq 1 "$EDITS"); do
    grade=$([ $((k % 2)) = 0 ] && echo 5.11a || echo 5.10c)
    curl -s -o /dev/null -w "climber of $ticks ticks, edit $k: %{http_code} %{time_total} s\n" -X PATCH \
      -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "{\"grade\":\"$grade\"}" \
      "http://localhost:$PORT/api/v1/logbook/ticks/$id"
  done
done | tee -a "$OUT"
