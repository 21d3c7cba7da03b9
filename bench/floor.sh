#!/usr/bin/env bash
# What the platform itself costs: start-up time and memory of an empty Spring Boot web application
# (spring-boot-starter-webmvc and one controller answering GET / and GET /api/containers with ten
# small JSON objects; no database, no security), on the service's Spring Boot version, JDK, JVM
# options and launch forms. Read beside bench/startup.sh and bench/run.sh: whatever the service
# costs above these figures is its own; below them no service on this stack can go.
# The application is written and built in a temporary directory (Maven, from the project's parent
# version), then, by turns, RUNS times each:
#   - java -jar, and bin/cat-data with CATDATA_JAR (its class archive, trained once): start to the
#     first answer on GET /, RSS 5 s later;
#   - then, on the last bin/cat-data start, peak RSS under 5 s + 20 s of wrk on /api/containers with
#     64 connections (as W1 in bench/run.sh).
# Usage: bench/floor.sh   (loopback only; needs curl, and wrk, which bench/run.sh installs)
# Environment: API_PORT (3900), RUNS (3), JAVA_HOME (else the java on PATH), BENCH_JVM_OPTS (as run.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
API_PORT=${API_PORT:-3900}
RUNS=${RUNS:-3}
((RUNS >= 1)) || { echo "bench/floor.sh: RUNS must be at least 1" >&2; exit 2; }
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JVM_OPTS=$(bench/jvm-options.sh)
BOOT_VERSION=$(sed -n '/<artifactId>spring-boot-starter-parent<\/artifactId>/{n;s:.*<version>\(.*\)</version>.*:\1:p;}' pom.xml)
command -v wrk >/dev/null || { echo "bench/floor.sh: wrk is needed (apt-get install wrk, or run bench/run.sh once as root)" >&2; exit 1; }
WORK=$(mktemp -d -t catdata-floor.XXXXXX)
trap 'stop_all; kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
log() { echo "[floor $(date +%H:%M:%S)] $*" >&2; }
# shellcheck source=bench/starts.sh
source "$ROOT/bench/starts.sh"

log "building an empty Spring Boot $BOOT_VERSION web application"
mkdir -p "$WORK/empty/src/main/java/empty"
cat >"$WORK/empty/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-starter-parent</artifactId>
    <version>$BOOT_VERSION</version>
    <relativePath/>
  </parent>
  <groupId>floor</groupId>
  <artifactId>empty-app</artifactId>
  <version>1</version>
  <properties><java.version>17</java.version></properties>
  <dependencies>
    <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-webmvc</artifactId></dependency>
  </dependencies>
  <build><plugins><plugin><groupId>org.springframework.boot</groupId><artifactId>spring-boot-maven-plugin</artifactId></plugin></plugins></build>
</project>
EOF
cat >"$WORK/empty/src/main/java/empty/EmptyApplication.java" <<'EOF'
package empty;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@SpringBootApplication
@RestController
public class EmptyApplication {
    public static void main(String[] args) {
        SpringApplication.run(EmptyApplication.class, args);
    }

    @GetMapping("/")
    Map<String, String> root() {
        return Map.of("status", "ok");
    }

    @GetMapping("/api/containers")
    List<Map<String, Object>> containers() {
        return IntStream.range(0, 10).<Map<String, Object>>mapToObj(i -> Map.of("id", i, "name", "box " + i)).toList();
    }
}
EOF
(cd "$WORK/empty" && mvn -q -B package -DskipTests) >&2
JAR=$WORK/empty/target/empty-app-1.jar

# launch <form> <dir>: starts the application from <dir> in the background (bench/starts.sh says how).
launch() {
  local form=$1 dir=$2
  mkdir -p "$dir"
  (cd "$dir" || exit 1
   if [[ $form == plain ]]; then
     # Word splitting of JVM_OPTS is wanted: it holds several options (none with spaces).
     # shellcheck disable=SC2086
     exec env MALLOC_ARENA_MAX=2 SERVER_PORT="$API_PORT" SERVER_ADDRESS=127.0.0.1 "$JAVA" $JVM_OPTS -jar "$JAR" >service.log 2>&1
   else
     exec env CATDATA_JAR="$JAR" CATDATA_APP_DIR="$WORK/app" CATDATA_JVM_OPTS="$JVM_OPTS" SERVER_PORT="$API_PORT" \
       SERVER_ADDRESS=127.0.0.1 "$ROOT/bin/cat-data" >service.log 2>&1
   fi) &
  echo $! >"$dir/pid"
}

log "bin/cat-data's class archive for it (one training start)"
(cd "$WORK" && env CATDATA_JAR="$JAR" CATDATA_APP_DIR="$WORK/app" CATDATA_JVM_OPTS="$JVM_OPTS" \
   SERVER_PORT="$API_PORT" SERVER_ADDRESS=127.0.0.1 "$ROOT/bin/cat-data" prepare 2>/dev/null)
archive=$(ls "$WORK"/app/*.aot "$WORK"/app/*.jsa 2>/dev/null | head -n 1 || true)
[[ -n $archive ]] || { log "bin/cat-data made no archive; its training log:"; cat "$WORK/app/training.log" >&2; exit 1; }

declare -A starts idle
for run in $(seq 1 "$RUNS"); do
  for form in plain recommended; do
    log "$form: run $run of $RUNS"
    starts[$form]+=" $(start_and_time "$form" "$WORK/$form")"
    sleep 5
    idle[$form]+=" $(rss_mb "$WORK/$form" VmRSS)"
    if ((run == RUNS)) && [[ $form == recommended ]]; then
      log "recommended: wrk, 64 connections, 5 s + 20 s on /api/containers"
      wrk -t2 -c64 -d5s "http://127.0.0.1:$API_PORT/api/containers" >/dev/null
      rps=$(wrk -t2 -c64 -d20s "http://127.0.0.1:$API_PORT/api/containers" | awk '/Requests\/sec/ {print int($2)}')
      peak=$(rss_mb "$WORK/$form" VmHWM)
    fi
    stop "$WORK/$form"
  done
done

echo
echo "## An empty Spring Boot $BOOT_VERSION web application, $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "$(nproc) cores; $("$JAVA" -version 2>&1 | head -n 1); JVM options: ${JVM_OPTS:-none}. Starts by turns, median of $RUNS."
echo
echo "| measure | java -jar | bin/cat-data (recommended) |"
echo "|---|---|---|"
echo "| start to first answer | $(median <<<"${starts[plain]}") ms (${starts[plain]# }) | $(median <<<"${starts[recommended]}") ms (${starts[recommended]# }) |"
echo "| RSS 5 s after start (idle) | $(median <<<"${idle[plain]}") MB | $(median <<<"${idle[recommended]}") MB |"
echo "| peak RSS after 25 s of 64 connections on /api/containers | - | $peak MB ($rps req/s) |"
