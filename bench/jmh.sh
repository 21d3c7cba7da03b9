#!/usr/bin/env bash
# The token-check benchmark (bench/jmh): a first verification against a cached check of the same
# token. Prints both scores and their ratio. Extra arguments go to JMH (e.g. -f 2, -wi 5).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
target="$root/target/jmh"

mvn -q -B -f "$root/pom.xml" -Pjmh test-compile dependency:build-classpath \
    -Dmdep.outputFile="$target/classpath.txt" -Dmdep.includeScope=test
results="$target/jmh-results.csv"
java -cp "$target/test-classes:$target/classes:$(cat "$target/classpath.txt")" org.openjdk.jmh.Main \
    -rf csv -rff "$results" "$@" 'catdata\.security\.TokenCheckBenchmark\.'

# Columns: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit"
awk -F, '
    { gsub(/"/, "") }
    $1 ~ /\.firstVerification$/ { first = $5; unit = $7 }
    $1 ~ /\.cachedCheck$/ { cached = $5 }
    END {
        if (first == "" || cached == "") { print "benchmark results missing" > "/dev/stderr"; exit 1 }
        printf "first verification  %.3f %s\n", first, unit
        printf "cached check        %.3f %s\n", cached, unit
        printf "ratio first/cached  %.1f\n", first / cached
    }' "$results"
