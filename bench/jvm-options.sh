#!/usr/bin/env bash
# Prints the JVM options the service is run with, in one place for the bench scripts: the pom's
# <service.jvm.options> as bin/cat-data reads it (what mvn spring-boot:run and bin/cat-data use),
# or BENCH_JVM_OPTS when it is set (set but empty: the JVM's defaults).
set -euo pipefail
if [[ -n ${BENCH_JVM_OPTS+set} ]]; then
  echo "$BENCH_JVM_OPTS"
else
  env -u CATDATA_JVM_OPTS "$(dirname "$0")/../bin/cat-data" options
fi
