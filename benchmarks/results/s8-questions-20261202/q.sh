# 300 one-token questions over 3 s; app and PostgreSQL CPU
cd /work/main; L="taskset -c 1 java -Xss512k -jar benchmarks/loadgen/target/loadgen.jar"; URL=http://localhost:18080/api/v1/coach/conversations
for r in $(seq 1 ${ROUNDS:-2}); do
read a0 p0 < <(bash /tmp/s8/cpu.sh); out=$($L stream $URL /tmp/s8/premium.txt 300 1 3 60); read a1 p1 < <(bash /tmp/s8/cpu.sh)
echo "$(date -u +%H:%M:%S) ${LABEL:-?} complete $(echo $out | grep -o '"complete":[0-9]*' | cut -d: -f2) p50 $(echo $out | grep -o '"firstTokenP50Ms":[0-9.]*' | cut -d: -f2) p99 $(echo $out | grep -o '"firstTokenP99Ms":[0-9.]*' | cut -d: -f2) app $(( (a1-a0)*100/3 )) us/q pg $(( (p1-p0)*100/3 )) us/q (incl. conversation setup)"
done
