#!/bin/bash
# What was run beside `benchmarks/run.sh S5 S6` for import-progress-poll.txt: the newest import's
# status and rows read, about every 0.3 s (0.2 s sleeps plus psql's start), then `uniq -f1`.
for i in $(seq 1 1500); do
  r=$(psql -qtA -d cruxlog_bench -c "SELECT status, rows_read FROM logbook.import
      WHERE created_at > now() - interval '1 minute' ORDER BY created_at DESC LIMIT 1" 2>/dev/null)
  [ -n "$r" ] && echo "$(date +%T.%N | cut -c1-12) $r"
  sleep 0.2
done
