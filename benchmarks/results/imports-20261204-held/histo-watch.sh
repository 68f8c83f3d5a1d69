#!/bin/bash
n=0
for i in $(seq 1 3000); do
  s=$(psql -qtA -d cruxlog_bench -c "SELECT count(*) FROM logbook.import WHERE status = 'running' AND rows_read >= 10000 AND created_at > now() - interval '1 minute'" 2>/dev/null)
  if [ "${s:-0}" -ge 1 ]; then
    p=$(pgrep -f cruxlog-exec.jar | head -1)
    psql -qtA -d cruxlog_bench -c "SELECT rows_read FROM logbook.import WHERE status = 'running'" > /tmp/histo-$n.rows
    jcmd $p GC.class_histogram > /tmp/histo-$n.txt 2>&1; n=$((n+1)); [ $n -ge 4 ] && exit 0
    sleep 0.5
  fi
  sleep 0.1
done
