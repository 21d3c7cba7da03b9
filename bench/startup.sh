#!/usr/bin/env bash
# Start-up time to the first answer on GET /, idle memory, and peak memory after a few hundred
# requests, for the launch form the README recommends (bin/cat-data: the project's JVM options and
# a class archive of the service's own) beside a plain `java -jar` with the same options, started
# by turns so that both see the same machine. Builds the jar, prepares bin/cat-data's archive (one
# training start, timed apart), then measures:
#   - with the embedded PostgreSQL and a new data directory (initdb included), once each;
#   - with the embedded PostgreSQL and existing data, RUNS times each (median);
#   - against a PostgreSQL already running (database start excluded), RUNS times each (median);
#   - idle RSS 5 s after a start on existing data; peak RSS after 350 requests.
# Usage: bench/startup.sh   (loopback only; needs curl and python3)
# Environment: API_PORT (3900), ISSUER_PORT (3901), RUNS (3), JAVA_HOME (else the java on PATH),
# BENCH_JVM_OPTS (instead of the pom's <service.jvm.options>, as in run.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
API_PORT=${API_PORT:-3900}
ISSUER_PORT=${ISSUER_PORT:-3901}
RUNS=${RUNS:-3}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JVM_OPTS=$(bench/jvm-options.sh)
mvn -q -B package -DskipTests
JAR=$(realpath "$(ls target/cat-data-*.jar | grep -v original | head -1)")
WORK=$(mktemp -d -t catdata-startup.XXXXXX)
APP_DIR=$WORK/app
trap 'stop_all; kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
log() { echo "[startup $(date +%H:%M:%S)] $*" >&2; }

# shellcheck source=bench/starts.sh
source "$ROOT/bench/starts.sh"

# launch <form> <dir> [NAME=value...]: starts the service in the background from <dir>, its pid in
# <dir>/pid. form: "plain" (java -jar) or "recommended" (bin/cat-data).
launch() {
  local form=$1 dir=$2; shift 2
  (cd "$dir" || exit 1
   if [[ $form == plain ]]; then
     # Word splitting of JVM_OPTS is wanted: it holds several options (none with spaces).
     # shellcheck disable=SC2086
     exec env MALLOC_ARENA_MAX=2 "$@" PORT="$API_PORT" LOCAL_ISSUER_PORT="$ISSUER_PORT" \
       "$JAVA" $JVM_OPTS -jar "$JAR" >service.log 2>&1
   else
     exec env CATDATA_JVM_OPTS="$JVM_OPTS" CATDATA_APP_DIR="$APP_DIR" "$@" PORT="$API_PORT" \
       LOCAL_ISSUER_PORT="$ISSUER_PORT" "$ROOT/bin/cat-data" >service.log 2>&1
   fi) &
  echo $! >"$dir/pid"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b > 0) ? a / b : 0}'; }
verdict() { awk -v v="$1" -v g="$2" 'BEGIN {print (v > 0 && v <= g) ? "PASS" : "MISS"}'; }

token() {
  curl -s -X POST "http://127.0.0.1:$ISSUER_PORT/oauth/token" -H 'Content-Type: application/json' \
    -d '{"grant_type":"client_credentials","client_id":"bench","audience":"https://cat-data.local/api"}' \
    | python3 -c 'import sys, json; print(json.load(sys.stdin)["access_token"])'
}

# The archive, made once for this jar, JDK and options (as bin/cat-data does on its first start).
mkdir -p "$WORK/prepare"
log "preparing bin/cat-data's class archive (one training start)"
t0=$(now_ms)
(cd "$WORK/prepare" && env CATDATA_JVM_OPTS="$JVM_OPTS" CATDATA_APP_DIR="$APP_DIR" PORT="$API_PORT" \
   LOCAL_ISSUER_PORT="$ISSUER_PORT" "$ROOT/bin/cat-data" prepare 2>/dev/null)
prepare_ms=$(( $(now_ms) - t0 ))
archive=$(ls "$APP_DIR"/cat-data-*.aot "$APP_DIR"/cat-data-*.jsa 2>/dev/null | head -n 1 || true)
[[ -n $archive ]] || { log "bin/cat-data made no archive; its training log:"; cat "$APP_DIR/training.log" >&2; exit 1; }

declare -A cold warm external idle
for form in plain recommended; do
  log "$form: new data directory"
  mkdir -p "$WORK/$form"
  cold[$form]=$(start_and_time "$form" "$WORK/$form")
  stop "$WORK/$form"
done

# A PostgreSQL that is already running: the embedded one of an instance that keeps running on
# other ports, with data of its own.
mkdir -p "$WORK/keeper"
(cd "$WORK/keeper" || exit 1
 # shellcheck disable=SC2086
 exec env MALLOC_ARENA_MAX=2 PORT=$((API_PORT + 2)) LOCAL_ISSUER_PORT=$((ISSUER_PORT + 2)) \
   "$JAVA" $JVM_OPTS -jar "$JAR" >service.log 2>&1) &
echo $! >"$WORK/keeper/pid"
until curl -sf -o /dev/null "http://127.0.0.1:$((API_PORT + 2))/"; do sleep 0.1; done
pg_port=$(grep -o 'Embedded PostgreSQL started on 127.0.0.1:[0-9]*' "$WORK/keeper/service.log" | grep -o '[0-9]*$')
mkdir -p "$WORK/external"

for run in $(seq 1 "$RUNS"); do
  for form in plain recommended; do
    log "$form: existing data, run $run of $RUNS"
    warm[$form]+=" $(start_and_time "$form" "$WORK/$form")"
    if ((run == RUNS)); then sleep 5; idle[$form]=$(rss_mb "$WORK/$form" VmRSS); fi
    stop "$WORK/$form"
    log "$form: PostgreSQL already running, run $run of $RUNS"
    external[$form]+=" $(start_and_time "$form" "$WORK/external" \
      DATABASE_URL="postgres://postgres@127.0.0.1:$pg_port/postgres" DATA_DIR="$WORK/external")"
    stop "$WORK/external"
  done
done
stop "$WORK/keeper"

# A few hundred requests on the recommended form: uploads, lists, photo downloads.
log "recommended: 350 requests"
start_and_time recommended "$WORK/recommended" >/dev/null
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
peak=$(rss_mb "$WORK/recommended" VmHWM)
now=$(rss_mb "$WORK/recommended" VmRSS)
stop "$WORK/recommended"

p_cold=${cold[plain]} r_cold=${cold[recommended]}
p_warm=$(median <<<"${warm[plain]}") r_warm=$(median <<<"${warm[recommended]}")
p_ext=$(median <<<"${external[plain]}") r_ext=$(median <<<"${external[recommended]}")
echo
echo "## Cat Data start-up, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml bin || echo ' (with uncommitted changes)')"
echo
echo "$(nproc) cores; $("$JAVA" -version 2>&1 | head -n 1); JVM options: ${JVM_OPTS:-none};" \
  "bin/cat-data's archive: $(basename "$archive") ($(( $(stat -c %s "$archive") / 1048576 )) MB, made in ${prepare_ms} ms)." \
  "Starts by turns; existing data and running PostgreSQL: median of $RUNS."
echo
echo "| measure | java -jar | bin/cat-data (recommended) | ratio |"
echo "|---|---|---|---|"
echo "| start to first answer, embedded PostgreSQL, new data directory | ${p_cold} ms | ${r_cold} ms | $(ratio "$r_cold" "$p_cold") |"
echo "| start to first answer, embedded PostgreSQL, existing data | ${p_warm} ms (${warm[plain]# }) | ${r_warm} ms (${warm[recommended]# }) | $(ratio "$r_warm" "$p_warm") |"
echo "| start to first answer, PostgreSQL already running | ${p_ext} ms (${external[plain]# }) | ${r_ext} ms (${external[recommended]# }) | $(ratio "$r_ext" "$p_ext") |"
echo "| RSS 5 s after a start on existing data (idle) | ${idle[plain]} MB | ${idle[recommended]} MB | $(ratio "${idle[recommended]}" "${idle[plain]}") |"
echo "| peak RSS after 350 requests (50 uploads, 150 lists, 150 downloads) | - | $peak MB (now $now MB) | - |"
echo
echo "| target | value | goal | result |"
echo "|---|---|---|---|"
echo "| start, PostgreSQL already running | ${r_ext} ms | ≤ 1500 ms | $(verdict "$r_ext" 1500) |"
echo "| start, embedded PostgreSQL, existing data | ${r_warm} ms | ≤ 3000 ms | $(verdict "$r_warm" 3000) |"
echo "| idle RSS after start | ${idle[recommended]} MB | ≤ 100 MB | $(verdict "${idle[recommended]}" 100) |"
