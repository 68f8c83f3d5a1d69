#!/bin/bash
# usage: ab2.sh rounds label1 jar1 label2 jar2
cd /work/main
R=$1; shift
for r in $(seq 1 $R); do
 for pair in "$1 $2" "$3 $4"; do
  l=${pair%% *}; j=${pair##* }
  rm -f /tmp/gc-ab.log
  JAR=$j JOPTS="-Xlog:gc:file=/tmp/gc-ab.log:uptime -Dlogging.level.dev.cruxlog.logbook.application.LogbookChanges=DEBUG" APP_LOG=/tmp/imp-app.log benchmarks/repeat-imports.sh > /tmp/ab-run.txt 2>&1
  tot=$(grep succeeded /tmp/ab-run.txt | sed 's/.*finishedAt \([0-9.]*\) s.*/\1/' | tr '\n' ' ')
  ref=$(grep Listeners /tmp/imp-app.log | sed 's/.*took \([0-9]*\) ms/\1/' | tr '\n' ' ')
  gc=$(grep Pause /tmp/gc-ab.log | awk '{s+=$NF+0; if ($0 ~ /Full/) f++} END {printf "%.0f ms in %d pauses, %d full", s, NR, f}')
  echo "$(date -u +%H:%M) $l import s: $tot refresh ms: $ref gc: $gc" | tee -a /tmp/ab2-results.txt
 done
done
