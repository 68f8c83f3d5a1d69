#!/usr/bin/env bash
# One question at a time (60 over 30 s), PostgreSQL logging every statement's duration.
. "$(dirname "$0")/start.sh"
JAR=$1; W=/tmp/q; mkdir -p $W
trap 'stop_app_and_stub; psql -q -c "ALTER SYSTEM RESET log_min_duration_statement" -c "SELECT pg_reload_conf()" >/dev/null' EXIT
start_app_and_stub "$JAR" 0.05 $W
for _ in 1 2 3 4; do $LOADGEN stream "$URL" $W/premium.txt 300 1 3 90 > /dev/null; done
LOG=/var/log/postgresql/postgresql-15-main.log
START=$(wc -l < "$LOG")
psql -q -c "ALTER SYSTEM SET log_min_duration_statement = 0" -c "SELECT pg_reload_conf()" >/dev/null
$LOADGEN stream "$URL" $W/premium.txt 60 1 30 90 > $W/serial.json
psql -q -c "ALTER SYSTEM RESET log_min_duration_statement" -c "SELECT pg_reload_conf()" >/dev/null
tail -n +$((START + 1)) "$LOG" > $W/statements.log
echo "logged $(grep -c 'duration:' $W/statements.log) statements"
