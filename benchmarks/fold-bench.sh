#!/usr/bin/env bash
# The read model's fold alone (issue #17): CPU and allocation per fold of one climber's whole
# logbook, both ways of counting, for each logbook-module jar given (default: this checkout's),
# one JVM per jar on core 0, ROUNDS folds each (the last ten printed, then their median).
# The ticks are the bench climber CLIMBER's (default 1: 50,500 ticks after run.sh S5), read from
# cruxlog_bench as the adapter reads them.
#   benchmarks/fold-bench.sh [logbook jar ...]   -> benchmarks/results/fold-<timestamp>.txt
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="benchmarks/results/fold-$(date -u +%Y%m%dT%H%M%SZ).txt"
DB=${BENCH_DB:-cruxlog_bench}; ROUNDS=${ROUNDS:-40}; WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export PGHOST=localhost PGPORT=5432 PGUSER=${PGUSER:-postgres}
[ $# -gt 0 ] || { [ -f modules/logbook/target/cruxlog-logbook-0.1.0-SNAPSHOT.jar ] || ./mvnw -q -B -DskipTests install -pl modules/logbook -am; set -- modules/logbook/target/cruxlog-logbook-0.1.0-SNAPSHOT.jar; }
owner=$(psql -qtA -d "$DB" -c "SELECT id FROM bench.owner WHERE n = ${CLIMBER:-1}")
# Location parts joined by U+001F, which no path holds; the columns of R2dbcLogbookStatistics.wholeLogbook.
psql -qtA -d "$DB" -c "\copy (SELECT id, route, coalesce(route_url, lower(route) || '|' || coalesce(location, '')),
    coalesce(location, ''), array_to_string(location_path, chr(31), ''), climbed_on - DATE '1970-01-01', discipline, grade,
    coalesce(grade_index::text, ''), coalesce(grade_level::text, ''), style, coalesce(send, false), pitches,
    coalesce(length_ft::text, '') FROM logbook.tick WHERE owner_id = '$owner' AND duplicate_of IS NULL ORDER BY climbed_on)
  TO '$WORK/ticks.tsv'"
: > "$OUT"
for jar in "$@"; do
  echo "== $jar ($(unzip -p "$jar" META-INF/MANIFEST.MF 2>/dev/null | grep -i 'Build-Time\|Implementation-Version' | tr -d '\r' | tr '\n' ' '))" | tee -a "$OUT"
  taskset -c 0 java -XX:+UseSerialGC -Xmx1g -cp "$jar" benchmarks/fold/FoldBench.java "$WORK/ticks.tsv" "$ROUNDS" | tee -a "$OUT"
  grep '^fold' "$OUT" | tail -10 | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {printf "median of the last ten: %.1f ms CPU\n", (a[5]+a[6])/2}' | tee -a "$OUT"
done
