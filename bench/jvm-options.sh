#!/usr/bin/env bash
# Prints the JVM options the service is run with, in one place for the bench scripts: the pom's
# <service.jvm.options> (what mvn spring-boot:run uses and the README's java command spells out),
# or BENCH_JVM_OPTS when it is set (set but empty: the JVM's defaults).
set -euo pipefail
if [[ -n ${BENCH_JVM_OPTS+set} ]]; then
  echo "$BENCH_JVM_OPTS"
else
  sed -n 's:.*<service\.jvm\.options>\(.*\)</service\.jvm\.options>.*:\1:p' "$(dirname "$0")/../pom.xml" | head -n 1
fi
