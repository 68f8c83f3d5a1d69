#!/usr/bin/env bash
# usage: ci-run.sh <sha> <name>   -- fresh clone of main at sha, bash .ci/run, timed
set -uo pipefail
sha=$1; name=$2
dir=/work/runs/clone-$name
rm -rf "$dir"; git clone -q /work/main "$dir" && cd "$dir" && git checkout -q "$sha"
export CRUXLOG_SHARED_DATA=/work/shared/data
export MAVEN_OPTS="-Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS"
start=$(date +%s.%N)
bash .ci/run > /work/runs/$name.log 2>&1; rc=$?
end=$(date +%s.%N)
wall=$(echo "$end - $start" | bc)
tt=$(grep -a "Total time" /work/runs/$name.log | tail -1)
echo "$name $sha rc=$rc wall=${wall}s $tt $(date -u +%H:%M)" >> /work/runs/ci-times.txt
cd /work/runs && rm -rf "$dir"
