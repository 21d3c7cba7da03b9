#!/usr/bin/env bash
# Start-up time to the first served request, and the service's peak memory after a few hundred
# requests. Builds the jar, then starts it twice: with the embedded PostgreSQL (cold data
# directory, then warm) and against an already running PostgreSQL (database start excluded).
# Usage: bench/startup.sh            (loopback only; needs curl and python3; BENCH_JVM_OPTS as in run.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B package -DskipTests
JAR=$(realpath "$(ls target/cat-data-*.jar | grep -v original | head -1)")
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
API_PORT=${API_PORT:-3900}
ISSUER_PORT=${ISSUER_PORT:-3901}
# Run as the README recommends: its JVM options (BENCH_JVM_OPTS overrides them) and MALLOC_ARENA_MAX=2.
JVM_OPTS=$(bench/jvm-options.sh)

now_ms() { date +%s%3N; }

# Starts the service with the given environment, prints milliseconds until GET / answers 200.
start_and_time() {
  local dir=$1; shift
  local t0; t0=$(now_ms)
  (cd "$dir" || exit 1
   # Word splitting of JVM_OPTS is wanted: it holds several options (none with spaces).
   # shellcheck disable=SC2086
   env MALLOC_ARENA_MAX=2 "$@" PORT=$API_PORT LOCAL_ISSUER_PORT=$ISSUER_PORT java $JVM_OPTS -jar "$JAR" > service.log 2>&1 &
   echo $! > pid)
  until curl -sf -o /dev/null "http://127.0.0.1:$API_PORT/"; do sleep 0.02; done
  echo $(( $(now_ms) - t0 ))
}

stop() { kill "$(cat "$1/pid")"; while kill -0 "$(cat "$1/pid")" 2>/dev/null; do sleep 0.1; done; }

token() {
  curl -s -X POST "http://127.0.0.1:$ISSUER_PORT/oauth/token" -H 'Content-Type: application/json' \
    -d '{"grant_type":"client_credentials","client_id":"bench","audience":"https://cat-data.local/api"}' \
    | python3 -c 'import sys, json; print(json.load(sys.stdin)["access_token"])'
}

mkdir -p "$WORK/embedded"
cold=$(start_and_time "$WORK/embedded")
stop "$WORK/embedded"
warm=$(start_and_time "$WORK/embedded")

# A few hundred requests: uploads, lists, photo downloads.
TOKEN=$(token)
python3 - "$WORK/photo.png" <<'PY'
import struct, sys, zlib
w, h = 400, 300
raw = b''.join(b'\x00' + bytes((x * 7 + y) % 256 for x in range(w * 3)) for y in range(h))
def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d))
open(sys.argv[1], 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0))
                            + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))
PY
for i in $(seq 1 50); do
  curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" -F "file=@$WORK/photo.png" "http://127.0.0.1:$API_PORT/api/image"
done
for i in $(seq 1 150); do
  curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$API_PORT/api/images"
  curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$API_PORT/api/image/$(( (i % 50) + 1 ))"
done
pid=$(cat "$WORK/embedded/pid")
peak_kb=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
stop "$WORK/embedded"

# Database start excluded: a PostgreSQL that is already running (the embedded one, started by a
# first instance that keeps running on other ports).
mkdir -p "$WORK/keeper" "$WORK/external"
(cd "$WORK/keeper" || exit 1
 # shellcheck disable=SC2086
 env MALLOC_ARENA_MAX=2 DATA_DIR="$WORK/embedded" PORT=$((API_PORT + 2)) LOCAL_ISSUER_PORT=$((ISSUER_PORT + 2)) \
   java $JVM_OPTS -jar "$JAR" > service.log 2>&1 &
 echo $! > pid)
until curl -sf -o /dev/null "http://127.0.0.1:$((API_PORT + 2))/"; do sleep 0.1; done
pg_port=$(grep -o 'Embedded PostgreSQL started on 127.0.0.1:[0-9]*' "$WORK/keeper/service.log" | grep -o '[0-9]*$')
external=$(start_and_time "$WORK/external" DATABASE_URL="postgres://postgres@127.0.0.1:$pg_port/postgres" DATA_DIR="$WORK/external")
stop "$WORK/external"
stop "$WORK/keeper"

echo "| measure | value |"
echo "|---|---|"
echo "| start to first request, embedded PostgreSQL, new data directory | ${cold} ms |"
echo "| start to first request, embedded PostgreSQL, existing data | ${warm} ms |"
echo "| start to first request, PostgreSQL already running | ${external} ms |"
echo "| peak RSS after 350 requests (50 uploads, 150 lists, 150 downloads) | $((peak_kb / 1024)) MB (now $((rss_kb / 1024)) MB) |"
