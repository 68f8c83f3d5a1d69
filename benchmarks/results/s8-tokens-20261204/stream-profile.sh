#!/usr/bin/env bash
# stream-profile.sh JAR LABEL: async-profiler (cpu) over 10 s of 300 answers streaming (no questions in the window)
. "$(dirname "$0")/start.sh"
JAR=$1; W=/tmp/prof/$2; mkdir -p $W
trap stop_app_and_stub EXIT
start_app_and_stub "$JAR" 20 $W -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints
for _ in 1 2 3; do $LOADGEN stream "$URL" $W/premium.txt 300 400 3 90 > /dev/null; done
$LOADGEN stream "$URL" $W/premium.txt 300 400 3 90 > $W/s.json & S=$!
sleep 8
profiler start
sleep 10
profiler stop $W/stream.collapsed
wait $S
echo done $2
