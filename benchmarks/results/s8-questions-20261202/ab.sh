# ab.sh JAR LABEL: fresh app + 1-token stub, 12 rounds of 300 questions, prints last 4
pkill -f 'model-stub 18100' ; [ -f /tmp/s8/app.pid ] && kill $(cat /tmp/s8/app.pid) 2>/dev/null; sleep 3
JAR=$1 STUB_SECONDS=0.05 /tmp/s8/start.sh >/dev/null
ROUNDS=8 LABEL=warm-$2 bash /tmp/s8/q.sh > /dev/null
ROUNDS=4 LABEL=$2 bash /tmp/s8/q.sh | tee -a /tmp/s8/q-results.txt
