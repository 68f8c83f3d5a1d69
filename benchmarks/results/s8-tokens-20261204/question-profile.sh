#!/usr/bin/env bash
# question-profile.sh JAR LABEL: async-profiler (cpu) over two rounds of 300 one-token questions (ramp 3 s), after six warm rounds
. "$(dirname "$0")/start.sh"
JAR=$1; W=/tmp/q/$2; mkdir -p $W
trap stop_app_and_stub EXIT
start_app_and_stub "$JAR" 0.05 $W -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints
for _ in 1 2 3 4 5 6; do $LOADGEN stream "$URL" $W/premium.txt 300 1 3 90 > /dev/null; done
profiler start
for _ in 1 2; do $LOADGEN stream "$URL" $W/premium.txt 300 1 3 90 >> $W/rounds.json; done
profiler stop $W/q.collapsed
echo done
