#!/bin/bash
# every 0.25 s: time, app cpu ticks, postgres cpu ticks (all postgres processes), app core (processor) 
APP=$(pgrep -f "cruxlog-exec.jar" | head -1)
while kill -0 $APP 2>/dev/null; do
  a=$(awk '{print $14+$15}' /proc/$APP/stat 2>/dev/null)
  p=0; for pid in $(pgrep -u postgres postgres); do t=$(awk '{print $14+$15}' /proc/$pid/stat 2>/dev/null); p=$((p + ${t:-0})); done
  echo "$(date +%s.%N | cut -c1-14) $a $p"
  sleep 0.25
done
