#!/bin/bash
cd /work/main
for round in 1 2; do
  bash benchmarks/coach-costs.sh /tmp/head.jar "head-b59c6f0"
  bash benchmarks/coach-costs.sh /tmp/lean-client.jar "lean-model-client"
  bash benchmarks/coach-costs.sh /tmp/lean-frames.jar "lean-client+frames"
done
