#!/usr/bin/env bash
# The attacks of issue #15's review, replayed against the packaged jar on loopback, while a
# sampler checks /actuator/health every half second. Every loop is bounded in count and time,
# every request has a timeout, and the script stops what it started (by PID). Writes
# reliability/results/attacks-<timestamp>.md and prints it.
#   reliability/attacks.sh                 (builds the jar if missing; needs PostgreSQL on localhost:5432)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PORT=${ATTACK_PORT:-18090}
DB=cruxlog_attacks
BASE="http://127.0.0.1:$PORT"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
WORK=$(mktemp -d)
mkdir -p reliability/results
REPORT="$ROOT/reliability/results/attacks-$STAMP.md"
export PGHOST=localhost PGPORT=5432 PGUSER=${PGUSER:-postgres}
APP_PID=""; SAMPLER_PID=""
cleanup() {
  [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null || true
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
log() { echo "== $(date -u +%H:%M:%S) $*" >&2; }

[ -f app/target/cruxlog-exec.jar ] || ./mvnw -q -B -DskipTests package
psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"

# TRUSTED_PROXIES is emptied: this script talks to the app from loopback, where prod would
# otherwise expect its reverse proxy and believe X-Forwarded-For.
log "starting the packaged jar (prod profile, 512 MB heap: the attacks must not need more)"
DATABASE_URL="postgresql://$PGUSER@127.0.0.1:5432/$DB" SERVER_PORT=$PORT SPRING_PROFILES_ACTIVE=prod \
  SECURE_COOKIES=false LOG_LEVEL=WARN TRUSTED_PROXIES= \
  java -Xmx512m -jar app/target/cruxlog-exec.jar > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do curl -sf -m 2 "$BASE/actuator/health" >/dev/null 2>&1 && break; sleep 1; done
curl -sf -m 2 "$BASE/actuator/health" >/dev/null || { tail -50 "$WORK/app.log"; exit 1; }

# Health every 0.5 s with a 2 s timeout: one line per sample, "status seconds".
( while kill -0 "$APP_PID" 2>/dev/null; do
    curl -s -o /dev/null -m 2 -w '%{http_code} %{time_total}\n' "$BASE/actuator/health" >> "$WORK/health.txt" || echo "000 2" >> "$WORK/health.txt"
    sleep 0.5
  done ) &
SAMPLER_PID=$!

ROWS=()
record() { ROWS+=("| $1 | $2 | $3 | $4 |"); log "$1: $3 ($4)"; }
codes() { sort | uniq -c | awk '{printf "%s%s×%s", (NR>1?", ":""), $1, $2}'; }

# A climber, registered and verified in the database (the script reads no email).
climber() { # NAME -> prints an access token
  local name=$1
  curl -s -m 10 -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"email\":\"$name@example.test\",\"username\":\"$name\",\"password\":\"granite slab $name\"}" "$BASE/api/v1/auth/register"
  psql -q -d "$DB" -c "UPDATE identity.account SET email_verified_at = now() WHERE username = '$name'"
  curl -s -m 10 -H 'Content-Type: application/json' -d "{\"login\":\"$name\",\"password\":\"granite slab $name\"}" \
    "$BASE/api/v1/auth/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}

log "H1: eight anonymous 60 × 20 MB multipart requests with an XSRF-TOKEN cookie and no header"
head -c $((20 * 1024 * 1024)) /dev/zero > "$WORK/part"
PARTS=(); for i in $(seq 1 60); do PARTS+=(-F "f$i=@$WORK/part"); done
PIDS=()
for i in $(seq 1 8); do
  { curl -s -o /dev/null -m 60 -w '%{http_code}\n' -b 'XSRF-TOKEN=attacker' "${PARTS[@]}" "$BASE/logbook/import" \
    2>/dev/null || echo "closed"; } >> "$WORK/h1.txt" &
  PIDS+=($!)
done
wait "${PIDS[@]}" || true
H1=$(codes < "$WORK/h1.txt")
record H1 "anonymous multipart, 8 × 1.2 GB" "$H1" "413 before the body is read (or the connection closed by the server after it)"

log "H1b: the same streamed without a length (chunked), 2 × 60 MB"
PIDS=()
for i in 1 2; do
  { head -c $((60 * 1024 * 1024)) /dev/zero | curl -s -o /dev/null -m 60 -w '%{http_code}\n' -b 'XSRF-TOKEN=attacker' \
    -H 'Transfer-Encoding: chunked' -F "file=@-" "$BASE/logbook/import" 2>/dev/null || echo "closed"; } >> "$WORK/h1b.txt" &
  PIDS+=($!)
done
wait "${PIDS[@]}" || true
record H1b "anonymous chunked multipart, 2 × 60 MB" "$(codes < "$WORK/h1b.txt")" "403 or 413, body not held"

log "H2: two zip bombs (390 MB unpacked) from a free account at once"
python3 - "$WORK/bomb.xlsx" <<'EOF'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.writestr("xl/workbook.xml", '<workbook><sheets><sheet name="Ticks" sheetId="1"/></sheets></workbook>')
    with z.open("xl/worksheets/sheet1.xml", "w") as sheet:
        sheet.write(b'<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>Date</t></is></c>'
                    b'<c t="inlineStr"><is><t>Route</t></is></c></row>')
        rows = b"<row/>" * 100_000
        for _ in range(390 * 1024 * 1024 // len(rows)):
            sheet.write(rows)
        sheet.write(b"</sheetData></worksheet>")
EOF
TOKEN=$(climber bomber)
PIDS=()
for i in 1 2; do
  curl -s -m 60 -H "Authorization: Bearer $TOKEN" -F "file=@$WORK/bomb.xlsx;filename=logbook.xlsx" \
    "$BASE/api/v1/logbook/imports" > "$WORK/h2-$i.json" &
  PIDS+=($!)
done
wait "${PIDS[@]}" || true
H2=""
for i in 1 2; do
  id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("id",""))' "$WORK/h2-$i.json" 2>/dev/null || true)
  for _ in $(seq 1 60); do
    st=$(curl -s -m 5 -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/logbook/imports/$id" \
      | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["status"] + ": " + (d.get("error") or "")[:70])' 2>/dev/null || echo "?")
    case $st in succeeded*|failed*) break;; esac; sleep 1
  done
  H2="$H2${H2:+; }$st"
done
ATTEMPTS=$(psql -qtA -d "$DB" -c "SELECT coalesce(max(attempts),0) FROM platform.job WHERE kind = 'logbook.import'")
record H2 "2 × XLSX bomb, $(( $(stat -c %s "$WORK/bomb.xlsx") / 1024 )) KB → 390 MB" "$H2; job attempts at most $ATTEMPTS" "failed with the reason, never retried"

# Before M3: its 240 wrong passwords fill the loopback address's sign-in limit.
log "M3d: 50 concurrent wrong codes at the second sign-in step of an account with two-step sign-in"
# An authenticator app in a few lines (RFC 6238: HMAC-SHA1, 30 s steps, six digits).
totp() { python3 - "$1" <<'PY'
import base64, hashlib, hmac, struct, sys, time
key = base64.b32decode(sys.argv[1] + "=" * ((8 - len(sys.argv[1]) % 8) % 8))
mac = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
offset = mac[-1] & 15
print("%06d" % ((struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000))
PY
}
T2=$(climber twostep)
KEY=$(curl -s -m 10 -X POST -H "Authorization: Bearer $T2" "$BASE/api/v1/users/me/two-step/setup" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])')
curl -s -o /dev/null -m 10 -H "Authorization: Bearer $T2" -H 'Content-Type: application/json' \
  -d "{\"password\":\"granite slab twostep\",\"code\":\"$(totp "$KEY")\"}" "$BASE/api/v1/users/me/two-step/confirm"
CHALLENGE=$(curl -s -m 10 -H 'Content-Type: application/json' -d '{"login":"twostep","password":"granite slab twostep"}' \
  "$BASE/api/v1/auth/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["challenge"])')
seq -w 1 50 | xargs -P 25 -I{} curl -s -o /dev/null -m 30 -w '%{http_code}\n' -H 'Content-Type: application/json' \
  -d "{\"challenge\":\"$CHALLENGE\",\"code\":\"9990{}\"}" "$BASE/api/v1/auth/token/second-step" > "$WORK/m3d.txt"
record M3d "50 concurrent wrong codes at the second sign-in step" "$(codes < "$WORK/m3d.txt")" "at most 5 × 401 (the rest 429): codes are counted per account before they are checked"

log "M3: 200 concurrent wrong passwords for one account; then 40 more, each with a new X-Forwarded-For"
climber victim > /dev/null
seq 1 200 | xargs -P 50 -I{} curl -s -o /dev/null -m 30 -w '%{http_code}\n' -H 'Content-Type: application/json' \
  -d '{"login":"victim","password":"wrong guess {}"}' "$BASE/api/v1/auth/token" > "$WORK/m3.txt"
record M3 "200 concurrent wrong passwords" "$(codes < "$WORK/m3.txt")" "at most 5 × 401 (the rest 429)"
seq 1 40 | xargs -P 20 -I{} curl -s -o /dev/null -m 30 -w '%{http_code}\n' -H 'Content-Type: application/json' \
  -H 'X-Forwarded-For: 203.0.113.{}' -d '{"login":"victim","password":"rotating {}"}' "$BASE/api/v1/auth/token" > "$WORK/m3b.txt"
record M3b "40 more with rotating X-Forwarded-For" "$(codes < "$WORK/m3b.txt")" "all 429: the header is not believed from a client"
# From another address (127.0.0.2: loopback is a /8), as a real climber elsewhere would be.
START=$(date +%s.%N)
LEGIT=$(curl -s -o /dev/null -m 30 --interface 127.0.0.2 -w '%{http_code}' -H 'Content-Type: application/json' \
  -d '{"login":"bomber","password":"granite slab bomber"}' "$BASE/api/v1/auth/token")
record M3c "a real sign-in of another account, from another address, right after" "$LEGIT in $(awk -v s="$START" -v e="$(date +%s.%N)" 'BEGIN{printf "%.2f s", e-s}')" "200 at once (no queue behind the guesses)"

log "M8: a 128-character, 512-byte password"
P128=$(python3 -c 'print("\U0001F9D7" * 128)')
M8=$(curl -s -o /dev/null -m 10 -w '%{http_code}' -H 'Content-Type: application/json' \
  -d "{\"email\":\"long@example.test\",\"username\":\"longpass\",\"password\":\"$P128\"}" "$BASE/api/v1/auth/register")
record M8 "register with 128 × 🧗 (512 bytes)" "$M8" "201, never 500"
log "M5: 12 registrations from one address"
for i in $(seq 1 12); do
  curl -s -o /dev/null -m 10 -w '%{http_code}\n' -H 'Content-Type: application/json' \
    -d "{\"email\":\"flood$i@example.test\",\"username\":\"flood$i\",\"password\":\"granite slab flood$i\"}" \
    "$BASE/api/v1/auth/register" >> "$WORK/m5.txt"
done
record M5 "12 sign-ups from one address" "$(codes < "$WORK/m5.txt")" "201 up to the limit (10 an hour, minus the script's own sign-ups), then 429"

log "L11, L12: bad input, operator endpoints"
L11=$(curl -s -o /dev/null -m 10 -w '%{http_code}' "$BASE/v3/api-docs/no-such-group")
record L11 "unknown API docs group" "$L11" "404"
L12=$(curl -s -o /dev/null -m 10 -w '%{http_code}' "$BASE/actuator/prometheus")/$(curl -s -o /dev/null -m 10 -w '%{http_code}' "$BASE/api/v1/platform/info")
record L12 "anonymous metrics / platform info" "$L12" "401/401"

sleep 2
kill "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""
SAMPLES=$(wc -l < "$WORK/health.txt")
UNHEALTHY=$(awk '$1 != 200' "$WORK/health.txt" | wc -l)
SLOWEST=$(sort -k2 -n "$WORK/health.txt" | tail -1 | awk '{print $2}')
RSS=$(awk '/VmHWM/{print $2}' /proc/"$APP_PID"/status)
OOM=$(grep -c 'OutOfMemoryError' "$WORK/app.log" || true)

{
  echo "# Attack run $STAMP"
  echo
  echo "The packaged jar (prod profile, \`-Xmx512m\`) on 127.0.0.1, attacked as in issue #15's review. \`reliability/attacks.sh\`."
  echo
  echo "| # | attack | answers | expected |"
  echo "|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "**Health throughout:** $SAMPLES samples every 0.5 s, $UNHEALTHY not 200, slowest ${SLOWEST} s."
  echo "**Memory:** peak RSS $((RSS / 1024)) MB; OutOfMemoryError in the log: $OOM."
} | tee "$REPORT"
[ "$UNHEALTHY" -eq 0 ] && [ "$OOM" -eq 0 ]
