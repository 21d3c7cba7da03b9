#!/usr/bin/env bash
# The speed benchmark of issue 5: builds the service, starts it on a fresh embedded database with
# the local token issuer, seeds a dataset through the API and drives each workload with wrk,
# sampling the service's memory and CPU. Prints a Markdown table, the target checks and, last,
# one `ratio <name> <value>` line per ratio for scripts.
#
# Usage: bench/run.sh [--quick] [--large]
#   --quick  1 s warm-up and 3 s runs instead of 5 s and 20 s (a smoke check)
#   --large  then removes W5's items, adds items up to 100,000 by SQL and measures the searches (W8, W11) again
# W4 runs twice: on the filesystem store (W4) and, at the end, on a second service with its photos
# in a bucket of an S3Proxy of the bench's own (W4-S3, its own database, seeded the same way).
# W1-16 is W1 on 16 connections, W12 the same while W7 floods the service on 64 more (the flood's
# own figures are kept as W12-flood). The service's RSS 5 s after it is ready is the idle figure.
# Environment: API_PORT (3900), ISSUER_PORT (3901), NGINX_PORT (3902), S3_API_PORT (3903),
# S3_ISSUER_PORT (3904), S3PROXY_PORT (3905), BENCH_JVM_OPTS (instead of the pom's
# <service.jvm.options>), JAVA_HOME (else the java on PATH).
# Runs on loopback only. Installs wrk and nginx-light (and psql for --large) if missing, as root.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
BENCH_DIR=$ROOT/bench

QUICK=false
LARGE=false
for arg in "$@"; do
  case $arg in
    --quick) QUICK=true ;;
    --large) LARGE=true ;;
    *) echo "usage: bench/run.sh [--quick] [--large]" >&2; exit 2 ;;
  esac
done

API_PORT=${API_PORT:-3900}
ISSUER_PORT=${ISSUER_PORT:-3901}
NGINX_PORT=${NGINX_PORT:-3902}
S3_API_PORT=${S3_API_PORT:-3903}
S3_ISSUER_PORT=${S3_ISSUER_PORT:-3904}
S3PROXY_PORT=${S3PROXY_PORT:-3905}
# S3Proxy knows only these; the S3 service gets them as AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.
S3PROXY_KEY=bench-key
S3PROXY_SECRET=bench-secret-0123456789
S3PROXY_BUCKET=bench
THREADS=2
CONNECTIONS=64
if $QUICK; then WARMUP=1 DURATION=3; else WARMUP=5 DURATION=20; fi
LARGE_ITEMS=100000
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
API=http://127.0.0.1:$API_PORT
# Where the last run's output and, after a failure, the service's log are kept (git-ignored).
LAST_OUTPUT=$BENCH_DIR/last-run.md
LAST_LOG=$BENCH_DIR/last-run.log

WORK=$(mktemp -d -t catdata-bench.XXXXXX)
DATA=$WORK/data              # what Seed.java writes for the wrk scripts
RESULTS=$WORK/results        # one file per workload: wrk's RESULT line and the samples
SERVICE_LOG=$WORK/service.log
SERVICE_DATA=$WORK/service-data
IMAGES=$WORK/images
SERVICE_PID=""
S3_SERVICE_PID=""
S3PROXY_PID=""
NGINX_PID=""
SAMPLER_PID=""
PG_PID=""
mkdir -p "$DATA" "$RESULTS" "$WORK/images"

log() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }
fail() { log "FAILED: $*"; exit 1; }

# ---------------------------------------------------------------------------------------------
# Set-up and tear-down

stop_pid() {  # pid, seconds to wait before SIGKILL
  local pid=$1 wait=$2
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for ((i = 0; i < wait * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
}

cleanup() {
  local status=$?
  stop_pid "$SAMPLER_PID" 1
  stop_pid "$NGINX_PID" 5
  # SIGTERM: the service stops its embedded PostgreSQL itself on a clean shutdown.
  stop_pid "$SERVICE_PID" 40
  stop_pid "$S3_SERVICE_PID" 40
  stop_pid "$S3PROXY_PID" 5
  if ((status != 0)) && [[ -f $SERVICE_LOG ]]; then
    cp "$SERVICE_LOG" "$LAST_LOG"
    log "the service's log is kept in $LAST_LOG; its last lines:"
    tail -n 20 "$LAST_LOG" >&2
  fi
  rm -rf "$WORK"
  exit "$status"
}

require_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx-light)
  command -v curl >/dev/null || missing+=(curl)
  if $LARGE; then command -v psql >/dev/null || missing+=(postgresql-client); fi
  ((${#missing[@]} == 0)) && return 0
  ((EUID == 0)) || fail "missing ${missing[*]}; install them (apt-get install ${missing[*]}) or run as root"
  log "installing ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
}

# A service already on one of our ports would answer our readiness checks and requests.
require_free_ports() {
  local port
  for port in "$API_PORT" "$ISSUER_PORT" "$NGINX_PORT" "$S3_API_PORT" "$S3_ISSUER_PORT" "$S3PROXY_PORT"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      fail "port $port is in use (set API_PORT, ISSUER_PORT, NGINX_PORT, S3_API_PORT, S3_ISSUER_PORT or S3PROXY_PORT)"
    fi
  done
}

build() {
  log "building the service"
  # Quiet Maven still prints colour escape codes; its output matters only when it fails.
  mvn -q -B package -DskipTests >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; fail "the build failed"; }
  JAR=$(ls target/cat-data-*.jar | grep -v '\.original$' | head -n 1)
  [[ -n $JAR ]] || fail "no jar in target/"
  # The S3 server of W4-S3, at the version the tests use, from Maven Central (or the local repository).
  local version
  version=$(sed -n 's|.*<s3proxy.version>\(.*\)</s3proxy.version>.*|\1|p' pom.xml)
  mvn -q -B dependency:copy -Dartifact="org.gaul:s3proxy:$version:jar:jar-with-dependencies" \
    -DoutputDirectory=target/s3proxy -Dmdep.stripVersion=true >"$WORK/s3proxy-fetch.log" 2>&1 \
    || { cat "$WORK/s3proxy-fetch.log"; fail "could not fetch S3Proxy $version"; }
  S3PROXY_JAR=target/s3proxy/s3proxy-jar-with-dependencies.jar
  [[ -f $S3PROXY_JAR ]] || fail "no $S3PROXY_JAR"
}

# The JVM options the project recommends live in the pom, so README, start script and benchmark
# agree; BENCH_JVM_OPTS overrides them (set but empty: the JVM's defaults).
jvm_options() {
  "$BENCH_DIR/jvm-options.sh"
}

# start_service [NAME=value...]: the settings given are added to the service's environment.
start_service() {
  JVM_OPTS=$(jvm_options)
  log "starting the service on $API (issuer port $ISSUER_PORT), JVM options: ${JVM_OPTS:-none}"
  # Word splitting of JVM_OPTS is wanted: it holds several options (none with spaces).
  # shellcheck disable=SC2086
  # MALLOC_ARENA_MAX as in the pom's spring-boot:run settings (fewer glibc malloc arenas).
  (cd "$WORK" && exec env MALLOC_ARENA_MAX=2 PORT="$API_PORT" LOCAL_ISSUER_PORT="$ISSUER_PORT" DATA_DIR="$SERVICE_DATA" \
     IMAGES_DIR="$IMAGES" "$@" "$JAVA" $JVM_OPTS -jar "$ROOT/$JAR" >"$SERVICE_LOG" 2>&1) &
  SERVICE_PID=$!
  wait_until_ready
  local pg_dir
  pg_dir=$(sed -n 's/.*Embedded PostgreSQL started on 127\.0\.0\.1:[0-9]* with data in \(.*\)$/\1/p' "$SERVICE_LOG" | head -n 1)
  PG_PORT=$(grep -o 'Embedded PostgreSQL started on 127\.0\.0\.1:[0-9]*' "$SERVICE_LOG" | head -n 1 | grep -o '[0-9]*$' || true)
  [[ -n $pg_dir && -f $pg_dir/postmaster.pid ]] && PG_PID=$(head -n 1 "$pg_dir/postmaster.pid")
  log "service ready (pid $SERVICE_PID, PostgreSQL pid ${PG_PID:-unknown} on port ${PG_PORT:-unknown})"
}

# The service's RSS 5 s after it became ready, before any request but the readiness check.
record_idle_rss() {
  sleep 5
  IDLE_RSS_MB=$(awk '$1 == "VmRSS:" {print int($2 / 1024)}' "/proc/$SERVICE_PID/status")
  log "idle RSS after start: $IDLE_RSS_MB MB"
}

wait_until_ready() {
  local deadline=$((SECONDS + 180)) status
  until status=$(curl -s -o /dev/null -w '%{http_code}' "$API/actuator/health/readiness") && [[ $status == 200 ]]; do
    kill -0 "$SERVICE_PID" 2>/dev/null || fail "the service exited while starting"
    ((SECONDS < deadline)) || fail "the service was not ready within 180 s"
    sleep 0.5
  done
}

require_service_alive() {
  kill -0 "$SERVICE_PID" 2>/dev/null || fail "the service died during $1"
}

seed() {
  log "seeding through the API (Seed.java)"
  local start=$SECONDS
  mkdir -p "$DATA"
  "$JAVA" "$BENCH_DIR/Seed.java" api "$API" "http://127.0.0.1:$ISSUER_PORT" "$IMAGES" "$DATA" \
    2> >(tee "$DATA/seed.txt" >&2)
  SEED_SECONDS=$((SECONDS - start))
  # The bench user's household, for W10 to name it.
  curl -s -H "Authorization: Bearer $(cat "$DATA/token")" "$API/api/me" \
    | sed -E 's/.*"default_household_id":([0-9]+).*/\1/' >"$DATA/household"
}

start_nginx() {
  local prefix=$WORK/nginx user_line=""
  mkdir -p "$prefix"
  # The images directory is private to us (mktemp), so root's workers must stay root to read it.
  ((EUID == 0)) && user_line="user root;"
  sed -e "s|@USER_LINE@|$user_line|" -e "s|@PREFIX@|$prefix|g" -e "s|@PORT@|$NGINX_PORT|" \
      -e "s|@ROOT@|$WORK/images|" "$BENCH_DIR/nginx.conf" >"$prefix/nginx.conf"
  local nginx_bin
  nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
  "$nginx_bin" -p "$prefix" -c "$prefix/nginx.conf" -e "$prefix/error.log" &
  NGINX_PID=$!
  local first_file
  first_file=$(head -n 1 "$DATA/photo-files")
  for _ in $(seq 50); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$NGINX_PORT/$first_file") == 200 ]] && return 0
    sleep 0.1
  done
  fail "nginx did not serve $first_file; see $prefix/error.log"
}

# ---------------------------------------------------------------------------------------------
# W4-S3: W4 again, on a service whose photos are in a bucket

# S3Proxy (the S3 server the tests use), its objects in memory as the filesystem store's files are
# in the page cache, with the bucket made; it checks SigV4 signatures as S3 does.
start_s3proxy() {
  printf '%s\n' "s3proxy.endpoint=http://127.0.0.1:$S3PROXY_PORT" "s3proxy.authorization=aws-v4" \
    "s3proxy.identity=$S3PROXY_KEY" "s3proxy.credential=$S3PROXY_SECRET" "jclouds.provider=transient" \
    >"$WORK/s3proxy.conf"
  log "starting S3Proxy on port $S3PROXY_PORT"
  # The status listener silences the logback chatter of the jar's own logging set-up.
  "$JAVA" -XX:+UseSerialGC -Xmx256m -Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener \
    -jar "$ROOT/$S3PROXY_JAR" --properties "$WORK/s3proxy.conf" >"$WORK/s3proxy.log" 2>&1 &
  S3PROXY_PID=$!
  local empty_body_sha256=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 status=none
  for _ in $(seq 120); do
    kill -0 "$S3PROXY_PID" 2>/dev/null || { tail -n 20 "$WORK/s3proxy.log" >&2; fail "S3Proxy exited while starting"; }
    # S3Proxy wants the payload's hash, which curl's SigV4 does not send by itself.
    status=$(curl -s -o /dev/null -w '%{http_code}' -X PUT -H "x-amz-content-sha256: $empty_body_sha256" \
      --aws-sigv4 "aws:amz:us-east-1:s3" -u "$S3PROXY_KEY:$S3PROXY_SECRET" \
      "http://127.0.0.1:$S3PROXY_PORT/$S3PROXY_BUCKET") || true
    [[ $status == 200 ]] && return 0
    sleep 0.5
  done
  fail "S3Proxy did not make the bucket (last status $status); see $WORK/s3proxy.log"
}

# After every other workload: stops the filesystem service (so the two never share the machine),
# starts one on the bucket with a database of its own, seeds it as the first and measures W4 on it.
# The locals stand in for the first service's settings in the functions called from here.
measure_w4_on_s3() {
  start_s3proxy
  stop_pid "$SERVICE_PID" 40
  local SERVICE_LOG=$WORK/service-s3.log SERVICE_DATA=$WORK/service-s3-data IMAGES=$WORK/images-s3 \
    DATA=$WORK/data-s3 API_PORT=$S3_API_PORT ISSUER_PORT=$S3_ISSUER_PORT API=http://127.0.0.1:$S3_API_PORT \
    SEED_SECONDS
  start_service PHOTO_STORE=s3 S3_ENDPOINT="http://127.0.0.1:$S3PROXY_PORT" S3_BUCKET="$S3PROXY_BUCKET" \
    AWS_ACCESS_KEY_ID="$S3PROXY_KEY" AWS_SECRET_ACCESS_KEY="$S3PROXY_SECRET"
  seed
  ONE_OFF+=("W4-S3's service seeded through the API in ${SEED_SECONDS} s; S3Proxy's CPU counts as other CPU")
  measure W4-S3 "GET /api/image/{id}, S3 store" w4-image.lua "$API"
  # Where a download's CPU goes on each store: the bucket's server shares this machine's cores.
  ONE_OFF+=("CPU per download: W4 $(cpu_per_request W4 3) ms (service); W4-S3 $(cpu_per_request W4-S3 3) ms (service) + $(cpu_per_request W4-S3 8) ms (S3Proxy)")
  ONE_OFF+=("W4-S3's service log: $(awk '/^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T/ && ($2 == "WARN" || $2 == "ERROR") {n++}
    END {print n + 0}' "$SERVICE_LOG") WARN/ERROR lines (not kept)")
}

# Items up to LARGE_ITEMS straight into the embedded PostgreSQL, then ANALYZE (bench/large.sql).
grow_to_large() {
  [[ -n ${PG_PORT:-} ]] || fail "no 'Embedded PostgreSQL started on' line in the service log"
  local count missing start=$SECONDS
  # W5's items all share one name and description ("Bench W5 item ...", "Made by bench/run.sh."),
  # so a search for any 3 letters of those would match every one of them: W8 at 100,000 items is
  # to measure the seeded kind of catalogue, ten times larger, so they go first.
  echo "DELETE FROM items WHERE created_by = :'owner' AND description = 'Made by bench/run.sh.';" \
    | psql -q -X -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
           -v owner="$(cat "$DATA/sub")" -f - >/dev/null
  count=$(item_count)
  missing=$((LARGE_ITEMS - count))
  if ((missing > 0)); then
    log "adding $missing items by SQL (now $count)"
    "$JAVA" "$BENCH_DIR/Seed.java" rows "$missing" "$DATA" \
      | psql -q -X -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v owner="$(cat "$DATA/sub")" \
             -f "$BENCH_DIR/large.sql" >/dev/null
  fi
  LARGE_SECONDS=$((SECONDS - start))
  log "now $(item_count) items (took $LARGE_SECONDS s)"
}

# The API's own count: paging adds X-Total-Count.
item_count() {
  curl -s -D - -o /dev/null -H "Authorization: Bearer $(cat "$DATA/token")" "$API/api/items?limit=1" \
    | tr -d '\r' | awk -F': ' 'tolower($1) == "x-total-count" {print $2}'
}

# ---------------------------------------------------------------------------------------------
# Measuring

# Every ~200 ms, one line: time, the JVM's VmRSS (kB) and CPU ticks (utime+stime), the summed
# VmRSS (kB) and CPU ticks of the embedded PostgreSQL's processes, wrk's CPU ticks, and the
# whole machine's busy ticks, and S3Proxy's CPU ticks (0 while it is not running). The machine is
# shared, so what else ran shows as "other CPU".
# Reads /proc with builtins only, so the sampler itself costs next to nothing.
sample() {
  local out=$1 wrk_pid=$2 key value rest rss ticks pg_rss pg_ticks wrk_ticks=0 s3_ticks=0 stat kids pid
  local cpu user nice system idle iowait irq softirq steal
  while kill -0 "$SERVICE_PID" 2>/dev/null; do
    rss=0 pg_rss=0 pg_ticks=0
    while read -r key value rest; do [[ $key == VmRSS: ]] && rss=$value; done <"/proc/$SERVICE_PID/status"
    read -r -a stat <"/proc/$SERVICE_PID/stat"
    ticks=$((stat[13] + stat[14]))
    if [[ -n $PG_PID && -r /proc/$PG_PID/stat ]]; then
      # The postmaster's own time plus that of its exited children, then each live backend's.
      read -r -a stat <"/proc/$PG_PID/stat"
      pg_ticks=$((stat[15] + stat[16]))
      kids=()
      read -r -a kids <"/proc/$PG_PID/task/$PG_PID/children" || true
      for pid in "$PG_PID" "${kids[@]}"; do
        # A backend may have exited since the children were listed.
        while read -r key value rest; do [[ $key == VmRSS: ]] && pg_rss=$((pg_rss + value)); done \
          2>/dev/null <"/proc/$pid/status" || true
        if read -r -a stat 2>/dev/null <"/proc/$pid/stat"; then pg_ticks=$((pg_ticks + stat[13] + stat[14])); fi
      done
    fi
    if read -r -a stat 2>/dev/null <"/proc/$wrk_pid/stat"; then wrk_ticks=$((stat[13] + stat[14])); fi
    if [[ -n $S3PROXY_PID ]] && read -r -a stat 2>/dev/null <"/proc/$S3PROXY_PID/stat"; then
      s3_ticks=$((stat[13] + stat[14]))
    fi
    read -r cpu user nice system idle iowait irq softirq steal rest </proc/stat
    echo "$EPOCHREALTIME $rss $ticks $pg_rss $pg_ticks $wrk_ticks $((user + nice + system + irq + softirq + steal)) $s3_ticks" \
      >>"$out"
    sleep 0.2
  done
}

# run_wrk <seconds> <script> <url> [script args...]: wrk's output on stdout. Run it in the
# background (then wait): exec makes the background job's pid wrk's own, for the sampler.
run_wrk() {
  local seconds=$1 script=$2 url=$3
  shift 3
  BENCH_DIR=$BENCH_DIR BENCH_DATA=$DATA exec wrk -t"$THREADS" -c"${WRK_CONNECTIONS:-$CONNECTIONS}" -d"${seconds}s" --latency \
    -s "$BENCH_DIR/$script" "$url" -- "$@"
}

# measure <id> <what> <script> <url> [server]: warm-up (discarded), then the measured run while
# sampling. server is "service" (default) or "nginx": for nginx's run (W9) the service's own
# figures are left out of the table, as it is idle then.
measure() {
  local id=$1 what=$2 script=$3 url=$4 server=${5:-service}
  log "$id $what: ${WARMUP} s warm-up, ${DURATION} s measured"
  local log_bytes_before wrk_pid
  log_bytes_before=$(stat -c %s "$SERVICE_LOG")
  run_wrk "$WARMUP" "$script" "$url" "$id-warm-up" >"$RESULTS/$id.warm-up.txt" &
  wait $!
  run_wrk "$DURATION" "$script" "$url" "$id-run" >"$RESULTS/$id.txt" &
  wrk_pid=$!
  sample "$RESULTS/$id.samples" "$wrk_pid" &
  SAMPLER_PID=$!
  wait "$wrk_pid"
  stop_pid "$SAMPLER_PID" 1
  SAMPLER_PID=""
  require_service_alive "$id"
  # What the service logged during the warm-up and the run, for checks like W7's key fetches.
  tail -c +"$((log_bytes_before + 1))" "$SERVICE_LOG" >"$RESULTS/$id.log"
  echo "$what" >"$RESULTS/$id.what"
  echo "$server" >"$RESULTS/$id.server"
  grep -q '^RESULT ' "$RESULTS/$id.txt" || fail "$id: wrk printed no RESULT line: $(cat "$RESULTS/$id.txt")"
}

# measure_beside_flood <id> <what>: W1 on 16 connections (warm-up and measured run, as measure does)
# while W7's unknown key ids flood the service on 64 more, from before W1's warm-up to after its run.
# The flood's own RESULT line is kept as <id>-flood.
measure_beside_flood() {
  local id=$1 what=$2 flood_pid
  WRK_CONNECTIONS=64 run_wrk $((WARMUP + DURATION + 4)) w7-unknown-kid.lua "$API" "$id-flood" \
    >"$RESULTS/$id-flood.txt" &
  flood_pid=$!
  sleep 1
  WRK_CONNECTIONS=16 measure "$id" "$what" w1-containers.lua "$API"
  wait "$flood_pid"
  grep -q '^RESULT ' "$RESULTS/$id-flood.txt" || fail "$id: the flood's wrk printed no RESULT line"
}

# result <id> <field>: a field of the workload's RESULT line (requests, p99_us, statuses...).
result() {
  sed -n "s/^RESULT .*\b$2=\([^ ]*\).*/\1/p" "$RESULTS/$1.txt"
}

# Items answered per second (the RESULT line's items, counted by the script, over its duration).
rows_per_second() {
  awk -v n="$(result "$1" items)" -v us="$(result "$1" duration_us)" 'BEGIN {printf "%.0f", n / (us / 1e6)}'
}

requests_per_second() {
  awk -v n="$(result "$1" requests)" -v us="$(result "$1" duration_us)" 'BEGIN {printf "%.0f", n / (us / 1e6)}'
}

# From the samples: "service_cpu% peak_rss_mb postgres_cpu% peak_postgres_mb wrk_cpu% other_cpu%"
# (CPU: 100 = one core; other = the machine's busy time less the three measured).
sampled_figures() {
  local file=$RESULTS/$1.samples
  if [[ ! -s $file ]]; then echo "- - - - - -"; return; fi
  awk -v hz="$(getconf CLK_TCK)" '
    function pct(ticks) { return sprintf("%.0f", 100 * ticks / hz / (last[1] - first[1])) }
    NR == 1 {split($0, first)}
    {split($0, last); if ($2 > rss) rss = $2; if ($4 > pg) pg = $4}
    END {
      if (last[1] <= first[1]) { print "- - - - - -"; exit }
      service = last[3] - first[3]; postgres = last[5] - first[5]; wrk = last[6] - first[6]
      other = last[7] - first[7] - service - postgres - wrk
      printf "%s %.0f %s %.0f %s %s\n", pct(service), rss / 1024, pct(postgres), pg / 1024, pct(wrk),
        pct(other > 0 ? other : 0)
    }' "$file"
}

# cpu_per_request <id> <column>: milliseconds of CPU per answer of the process whose ticks are in
# that column of the samples (3 the service, 8 S3Proxy), over the sampled part of the run.
cpu_per_request() {
  awk -v hz="$(getconf CLK_TCK)" -v column="$2" -v rate="$(requests_per_second "$1")" '
    NR == 1 {start = $1; first = $column}
    {end = $1; last = $column}
    END {if (end > start && rate > 0) printf "%.2f", 1000 * (last - first) / hz / (end - start) / rate; else print "-"}
  ' "$RESULTS/$1.samples"
}

ms() { awk -v us="$1" 'BEGIN {printf "%.2f", us / 1000}'; }

# ratio <a> <b>: a / b, two decimals.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b > 0) ? a / b : 0}'; }

# ---------------------------------------------------------------------------------------------
# The report

table_row() {
  local id=$1 cpu rss pg_cpu pg_rss wrk_cpu other
  read -r cpu rss pg_cpu pg_rss wrk_cpu other <<<"$(sampled_figures "$id")"
  [[ $(cat "$RESULTS/$id.server") == service ]] || cpu=- rss=- pg_cpu=- pg_rss=-
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$id" "$(cat "$RESULTS/$id.what")" \
    "$(requests_per_second "$id")" "$(ms "$(result "$id" p50_us)")" "$(ms "$(result "$id" p99_us)")" \
    "$(result "$id" non2xx)" "$(result "$id" socket_errors)" "$cpu" "$rss" "$pg_cpu" "$pg_rss" "$wrk_cpu" "$other"
}

# check <name> <value> <goal text> <pass: true/false>
check() {
  local verdict=MISS
  [[ $4 == true ]] && verdict=PASS
  printf '| %s | %s | %s | %s |\n' "$1" "$2" "$3" "$verdict"
  [[ $verdict == PASS ]] || MISSES+=("$1")
}

at_least() { awk -v v="$1" -v g="$2" 'BEGIN {print (v >= g) ? "true" : "false"}'; }
# A ratio of 0 means a workload served nothing: never a pass.
at_most() { awk -v v="$1" -v g="$2" 'BEGIN {print (v > 0 && v <= g) ? "true" : "false"}'; }

# How many of a workload's answers had this status (0 if none).
status_count() {
  local counts
  counts=$(result "$1" statuses)
  tr ',' '\n' <<<"$counts" | awk -F= -v s="$2" '$1 == s {n = $2} END {print n + 0}'
}

# Answers with a 5xx status.
server_errors() {
  tr ',' '\n' <<<"$(result "$1" statuses)" | awk -F= '$1 >= 500 {n += $2} END {print n + 0}'
}

# Every workload measured, in the table's order.
workloads() {
  echo R0 W1 W10 W2 W3 W4 W4-S3 W5 W6 W7 W1-16 W12 W8 W9
  $LARGE && echo W8-100k
  echo W11
  $LARGE && echo W11-100k
  return 0
}

print_table() {
  echo
  echo "## Cat Data benchmark, $(date -u +%Y-%m-%dT%H:%MZ), commit $(commit)"
  echo
  echo "wrk $THREADS threads, $CONNECTIONS connections, ${WARMUP} s warm-up, ${DURATION} s measured;" \
    "$(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)), $(free -g | awk '/^Mem:/ {print $2}') GB;" \
    "JVM options: ${JVM_OPTS:-none}; $("$JAVA" -version 2>&1 | head -n 1)"
  echo
  echo "| workload | what | req/s | p50 ms | p99 ms | non-2xx | socket errors | service CPU % | peak RSS MB | PostgreSQL CPU % | PostgreSQL RSS MB | wrk CPU % | other CPU % |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  for id in $(workloads); do table_row "$id"; done
  echo
  echo "CPU: 100 % is one core, all threads or processes summed. Peak RSS is the service's JVM;" \
    "PostgreSQL's RSS is summed over its processes (shared memory counted in each)." \
    "Other CPU is the rest of the machine (nginx in W9, and anything else running: numbers drift when it is high)."
}

# The ratios of issue 5, as "name value" lines.
compute_ratios() {
  local r0
  r0=$(requests_per_second R0)
  for id in W1 W2 W3 W5 W6 W7 W10; do
    echo "$id/R0 $(ratio "$(requests_per_second "$id")" "$r0")"
  done
  echo "W12/W1-16 $(ratio "$(requests_per_second W12)" "$(requests_per_second W1-16)")"
  echo "W4/W9 $(ratio "$(requests_per_second W4)" "$(requests_per_second W9)")"
  echo "W4-S3/W4 $(ratio "$(requests_per_second W4-S3)" "$(requests_per_second W4)")"
  if $LARGE; then echo "W8p99(100k)/W8p99(10k) $(ratio "$(result W8-100k p99_us)" "$(result W8 p99_us)")"; fi
  if $LARGE; then echo "W11p99(100k)/W11p99(10k) $(ratio "$(result W11-100k p99_us)" "$(result W11 p99_us)")"; fi
  if $LARGE; then echo "W11rps(100k)/W11rps(10k) $(ratio "$(requests_per_second W11-100k)" "$(requests_per_second W11)")"; fi
}

ratio_value() { awk -v name="$1" '$1 == name {print $2}' "$WORK/ratios"; }

# W7's key fetches, counted over its warm-up and run together ("JWKS fetched" is the service's
# INFO line for each fetch of the key set).
jwks_fetches() { grep -c 'JWKS fetched' "$RESULTS/W7.log" || true; }
jwks_fetch_lines_in_log() { grep -c 'JWKS fetched' "$SERVICE_LOG" || true; }

# Workloads that must answer only 2xx without socket errors, and those of them that did not.
clean_workloads() {
  if $LARGE; then echo W1 W10 W2 W3 W4 W4-S3 W5 W1-16 W12 W8 W8-100k W11 W11-100k; else echo W1 W10 W2 W3 W4 W4-S3 W5 W1-16 W12 W8 W11; fi
}
unclean_workloads() {
  local id
  for id in $(clean_workloads); do
    if [[ $(result "$id" non2xx) != 0 || $(result "$id" socket_errors) != 0 ]]; then echo "$id"; fi
  done
}

all_401() {
  [[ $(status_count "$1" 401) == "$(result "$1" requests)" && $(result "$1" socket_errors) == 0 ]] \
    && echo true || echo false
}

print_targets() {
  local name seconds=$((WARMUP + DURATION)) fetches w1_rss w8_rss unclean
  fetches=$(jwks_fetches)
  read -r _ w1_rss _ <<<"$(sampled_figures W1)"
  read -r _ w8_rss _ <<<"$(sampled_figures W8)"
  unclean=$(unclean_workloads | xargs)
  MISSES=()
  echo
  echo "| target | value | goal | result |"
  echo "|---|---|---|---|"
  for name in W1/R0 W2/R0 W3/R0 W5/R0 W6/R0; do
    check "$name" "$(ratio_value "$name")" "≥ $(goal "$name")" "$(at_least "$(ratio_value "$name")" "$(goal "$name")")"
  done
  check "W6 all 401" "$(status_count W6 401) of $(result W6 requests)" "all" "$(all_401 W6)"
  check "W7/R0" "$(ratio_value W7/R0)" "≥ 0.80" "$(at_least "$(ratio_value W7/R0)" 0.80)"
  check "W7 all 401, no 5xx" "$(status_count W7 401) of $(result W7 requests), $(server_errors W7) 5xx" \
    "all 401" "$(all_401 W7)"
  if (($(jwks_fetch_lines_in_log) == 0)); then
    check "W7 JWKS fetches" "unknown: the service logs no 'JWKS fetched' line" "≤ 5/min" false
  else
    # At most 5 in any minute allows 5 per started minute of W7.
    check "W7 JWKS fetches" "$fetches in $seconds s" "≤ 5/min" "$(at_most "$fetches" $((5 * ((seconds + 59) / 60))))"
  fi
  check "W12/W1-16 (W1 beside W7's flood)" "$(ratio_value W12/W1-16)" "≥ 0.50" \
    "$(at_least "$(ratio_value W12/W1-16)" 0.50)"
  check "W12's flood all 401, no 5xx" "$(status_count W12-flood 401) of $(result W12-flood requests), $(server_errors W12-flood) 5xx" \
    "all 401" "$(all_401 W12-flood)"
  check "W4/W9" "$(ratio_value W4/W9)" "≥ 0.50" "$(at_least "$(ratio_value W4/W9)" 0.50)"
  check "W4-S3/W4" "$(ratio_value W4-S3/W4)" "≥ 0.50" "$(at_least "$(ratio_value W4-S3/W4)" 0.50)"
  if $LARGE; then
    check "W8 p99 100k/10k" "$(ratio_value "W8p99(100k)/W8p99(10k)")" "≤ 2.0" \
      "$(at_most "$(ratio_value "W8p99(100k)/W8p99(10k)")" 2.0)"
    check "W11 p99 100k/10k" "$(ratio_value "W11p99(100k)/W11p99(10k)")" "≤ 1.5" \
      "$(at_most "$(ratio_value "W11p99(100k)/W11p99(10k)")" 1.5)"
    check "W11 req/s 100k/10k" "$(ratio_value "W11rps(100k)/W11rps(10k)")" "≥ 0.7" \
      "$(at_least "$(ratio_value "W11rps(100k)/W11rps(10k)")" 0.7)"
  fi
  check "peak RSS under W1" "$w1_rss MB" "≤ 150 MB" "$(at_most "$w1_rss" 150)"
  check "peak RSS under W8" "$w8_rss MB" "≤ 150 MB" "$(at_most "$w8_rss" 150)"
  check "idle RSS after start" "$IDLE_RSS_MB MB" "≤ 100 MB" "$(at_most "$IDLE_RSS_MB" 100)"
  check "no non-2xx or socket errors in $(clean_workloads)" "${unclean:-none}" "none" \
    "$([[ -z $unclean ]] && echo true || echo false)"
}

# The issue's minimum for each ratio measured against R0.
goal() {
  case $1 in
    W1/R0 | W6/R0) echo 0.50 ;;
    W2/R0) echo 0.35 ;;
    W3/R0 | W5/R0) echo 0.15 ;;
  esac
}

print_notes() {
  local id line
  echo
  echo "- JWKS fetches during W7 (warm-up and run, $((WARMUP + DURATION)) s): $(jwks_fetches)" \
    "('JWKS fetched' lines in the whole log: $(jwks_fetch_lines_in_log))"
  echo "- statuses: W6 $(result W6 statuses); W7 $(result W7 statuses); W12's flood $(result W12-flood statuses)" \
    "($(requests_per_second W12-flood) req/s); W5 $(result W5 statuses)"
  for id in $(workloads); do
    if [[ $(result "$id" socket_errors) != 0 ]] || { [[ $(result "$id" non2xx) != 0 ]] && [[ $id != W6 && $id != W7 ]]; }; then
      echo "- $id: statuses $(result "$id" statuses); socket errors $(result "$id" socket_detail | tr ',' ' ')" \
        "(a timeout is an answer slower than wrk's 2 s)"
    fi
  done
  keep_service_problems
  echo "- seeding through the API: ${SEED_SECONDS} s in all (Seed.java start included)"
  sed 's/^seed: /  - /' "$DATA/seed.txt"
  if $LARGE; then echo "- growing to $LARGE_ITEMS items by SQL: ${LARGE_SECONDS} s"; fi
  for id in W8 W8-100k W11 W11-100k; do
    if [[ -f $RESULTS/$id.txt ]]; then
      echo "- $id: $(rows_per_second "$id") items answered per second ($(result "$id" items) items in" \
        "$(result "$id" requests) answers)"
    fi
  done
  for line in "${ONE_OFF[@]}"; do echo "- $line"; done
  if ((${#MISSES[@]} > 0)); then
    echo "- targets missed: $(IFS=,; echo "${MISSES[*]}" | sed 's/,/, /g')"
  else
    echo "- all targets met"
  fi
  echo "- this output is kept in ${LAST_OUTPUT#"$ROOT"/}"
}

# Table, targets, notes and, last, the ratio lines for scripts.
report() {
  compute_ratios >"$WORK/ratios"
  print_table
  print_targets
  print_notes
  echo
  sed 's/^/ratio /' "$WORK/ratios"
}

# The service's WARN and ERROR lines with their stack traces, kept after a successful run too
# (the whole log, one line per request, is large): they explain non-2xx answers.
keep_service_problems() {
  local count
  count=$(awk '/^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T/ && ($2 == "WARN" || $2 == "ERROR") {n++} END {print n + 0}' "$SERVICE_LOG")
  awk '/^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T/ {keep = ($2 == "WARN" || $2 == "ERROR")}
       keep && kept < 5000 {print; kept++}' "$SERVICE_LOG" >"$LAST_LOG"
  echo "- service log: $count WARN/ERROR lines, kept with their stack traces in ${LAST_LOG#"$ROOT"/}"
  echo "- service log: $(grep -c 'OutOfMemoryError' "$SERVICE_LOG" || true) lines naming OutOfMemoryError"
}

# The commit measured, marked when the working tree differs from it.
commit() {
  local id
  id=$(git rev-parse --short HEAD 2>/dev/null) || { echo unknown; return; }
  git diff --quiet HEAD 2>/dev/null || id="$id (with uncommitted changes)"
  echo "$id"
}

# GET /api/items whole, once: status, size and time at the current number of items.
ONE_OFF=()
list_everything() {
  local count out status bytes seconds
  count=$(item_count)
  out=$(curl -s -o /dev/null -w '%{http_code} %{size_download} %{time_total}' \
    -H "Authorization: Bearer $(cat "$DATA/token")" "$API/api/items")
  read -r status bytes seconds <<<"$out"
  ONE_OFF+=("GET /api/items at $count items: status $status, $(awk -v b="$bytes" -v s="$seconds" \
    'BEGIN {printf "%.1f MB in %.2f s", b / 1048576, s}')")
}

# ---------------------------------------------------------------------------------------------

main() {
  trap cleanup EXIT
  trap 'exit 130' INT TERM
  require_tools
  require_free_ports
  build
  start_service
  record_idle_rss
  seed
  start_nginx
  # Reads first; W8 at 10,000 items before W5 adds more; W5 last as it writes.
  measure R0 "GET / (no token)" r0-root.lua "$API"
  measure W1 "GET /api/containers" w1-containers.lua "$API"
  measure W10 "GET /api/containers, X-Household" w10-containers-household.lua "$API"
  measure W2 "GET /api/item/{id}" w2-item.lua "$API"
  measure W3 "GET /api/items/by-container/{id}" w3-by-container.lua "$API"
  measure W4 "GET /api/image/{id}" w4-image.lua "$API"
  measure W6 "bad signature (401)" w6-bad-signature.lua "$API"
  measure W7 "random kid (401)" w7-unknown-kid.lua "$API"
  WRK_CONNECTIONS=16 measure W1-16 "GET /api/containers, 16 connections" w1-containers.lua "$API"
  measure_beside_flood W12 "GET /api/containers, 16 connections, beside W7 on 64"
  measure W8 "search-text, 10k items" w8-search.lua "$API"
  measure W11 "search-text, real words, 10k items" w11-word-search.lua "$API"
  measure W9 "nginx, same photos" w9-nginx.lua "http://127.0.0.1:$NGINX_PORT" nginx
  measure W5 "POST /api/item" w5-create-item.lua "$API"
  list_everything
  if $LARGE; then
    grow_to_large
    measure W8-100k "search-text, 100k items" w8-search.lua "$API"
    measure W11-100k "search-text, real words, 100k items" w11-word-search.lua "$API"
    list_everything
  fi
  measure_w4_on_s3
  report
}

# The whole output goes to the terminal and to a file kept after the run; under pipefail the
# pipeline's status is main's.
status=0
main "$@" 2>&1 | tee "$WORK.out" || status=$?
mv "$WORK.out" "$LAST_OUTPUT"
((status == 0)) || echo "(this output is kept in ${LAST_OUTPUT#"$ROOT"/})" >&2
exit "$status"
