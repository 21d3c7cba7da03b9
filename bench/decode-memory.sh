#!/usr/bin/env bash
# The service's peak memory while it decodes large photos, against its peak under light requests.
# Builds the jar, starts it on a fresh embedded database with the local issuer (loopback ports
# 3910-3911) and the pom's JVM options, makes five large photos (24 MP sequential and progressive
# JPEG, 20 MP PNG, 16 MP lossless WebP, 25 MP WebP with alpha), then uploads each of them 8 times
# at once, 3 rounds, and asks for every thumbnail, 8 at once. Peak RSS is the kernel's VmHWM,
# reset between the phases. Prints a table and "ratio decode/light N".
# Usage: bench/decode-memory.sh        (needs curl; java and mvn on PATH; BENCH_JVM_OPTS as in run.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
mvn -q -B package -DskipTests
mvn -q -B dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/bench-classpath.txt
JAR=$(realpath "$(ls target/cat-data-*.jar | grep -v original | head -1)")
WORK=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; sleep 2; rm -rf "$WORK"' EXIT
API=http://127.0.0.1:3910
ISSUER=http://127.0.0.1:3911
# The pom's JVM options, as README and bench/run.sh use them; BENCH_JVM_OPTS overrides them.
JVM_OPTS=$(bench/jvm-options.sh)

java -cp "target/classes:$(cat target/bench-classpath.txt)" bench/LargePhotos.java "$WORK"

# shellcheck disable=SC2086
(cd "$WORK" && exec env MALLOC_ARENA_MAX=2 PORT=3910 LOCAL_ISSUER_PORT=3911 DATA_DIR="$WORK/data" \
   IMAGES_DIR="$WORK/images" java $JVM_OPTS -jar "$JAR" > "$WORK/service.log" 2>&1) &
PID=$!
until curl -sf -o /dev/null "$API/actuator/health/readiness"; do sleep 0.2; done
TOKEN=$(curl -s -X POST "$ISSUER/oauth/token" -H 'Content-Type: application/json' \
  -d '{"grant_type":"client_credentials","client_id":"bench","audience":"https://cat-data.local/api"}' \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
AUTH="Authorization: Bearer $TOKEN"
peak_mb() { awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$PID/status"; }
reset_peak() { echo 5 > "/proc/$PID/clear_refs"; }

# Light: 300 small requests, as a list view makes them.
for _ in $(seq 1 300); do curl -s -o /dev/null -H "$AUTH" "$API/api/containers"; done
light=$(peak_mb)
reset_peak

statuses="$WORK/statuses"
# Waits for the requests started since the last call (not for the service, also a child).
requests=()
await_requests() { for p in "${requests[@]}"; do wait "$p"; done; requests=(); }
for _ in 1 2 3; do
  for photo in "$WORK"/*.jpg "$WORK"/*.png "$WORK"/*.webp; do
    for _ in $(seq 1 8); do
      curl -s -o /dev/null -w 'upload %{http_code}\n' -H "$AUTH" -F "file=@$photo" "$API/api/image" >> "$statuses" &
      requests+=($!)
    done
    await_requests
  done
done
ids=$(curl -s -H "$AUTH" "$API/api/images" | grep -o '"id":[0-9]*' | cut -d: -f2)
for id in $ids; do
  curl -s -o /dev/null -w 'thumbnail %{http_code}\n' -H "$AUTH" "$API/api/image/$id?size=thumb" >> "$statuses" &
  requests+=($!)
  if (( ${#requests[@]} == 8 )); then await_requests; fi
done
await_requests
decode=$(peak_mb)
heap_errors=$(grep -c OutOfMemoryError "$WORK/service.log" || true)

echo "| measure | value |"
echo "|---|---|"
echo "| peak RSS, 300 light requests | ${light} MB |"
echo "| peak RSS, 120 large uploads 8 at once and their thumbnails | ${decode} MB |"
echo "| answers | $(sort "$statuses" | uniq -c | awk '{printf "%s %s: %s; ", $2, $3, $1}') |"
echo "| OutOfMemoryError in the log | ${heap_errors} |"
echo "| photos | $(cd "$WORK" && ls -s --block-size=K ./*.jpg ./*.png ./*.webp | tr '\n' ' ') |"
awk -v d="$decode" -v l="$light" 'BEGIN { printf "ratio decode/light %.2f\n", d / l }'
