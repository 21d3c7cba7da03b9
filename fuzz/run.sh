#!/usr/bin/env bash
# Fuzzes the photo upload pipeline of one format with Jazzer (coverage-guided, libFuzzer), for a
# given number of seconds; not part of `mvn verify`, which runs the same targets in regression mode.
#
#   fuzz/run.sh jpeg|png|webp [SECONDS]     (default 600)
#
# Starts from seeds the tests make (PhotoSeeds) and the saved regression inputs; keeps its corpus in
# target/fuzz/<format>/corpus, so a second run goes on from the first. A finding (an exception other
# than the service's own 4xx refusals, an OutOfMemoryError in the 512 MB heap, an input over the
# time budget) stops the run with a non-zero status and is written to target/fuzz/<format>/findings/;
# copy it into src/test/resources/catdata/codec/PhotoPipelineFuzzTestInputs/<format>/ to keep it as
# a regression input once it is fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
format=${1:?usage: fuzz/run.sh jpeg|png|webp [seconds]}
seconds=${2:-600}
case "$format" in jpeg|png|webp) ;; *) echo "format must be jpeg, png or webp" >&2; exit 2 ;; esac

work=target/fuzz/$format
mkdir -p "$work/corpus" "$work/findings"
mvn -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/fuzz/classpath.txt
classpath="target/test-classes:target/classes:$(cat target/fuzz/classpath.txt)"
java -cp "$classpath" catdata.codec.PhotoSeeds "$format" "$work/seeds"

inputs=(src/test/resources/catdata/codec/PhotoPipelineFuzzTestInputs/"$format")
[ -d "${inputs[0]}" ] || inputs=()
# -timeout: libFuzzer's own bound on one input, for a decode that never returns (the target itself
# fails any input over its 5 s budget that does return).
exec java -Xmx512m -cp "$classpath" com.code_intelligence.jazzer.Jazzer \
    --target_class=catdata.codec.PhotoPipelineFuzzTarget --target_args="$format" \
    --instrumentation_includes='catdata.**:com.luciad.**' \
    --reproducer_path="$work/findings" -artifact_prefix="$work/findings/" \
    -max_total_time="$seconds" -timeout=10 -print_final_stats=1 \
    "$work/corpus" "$work/seeds" "${inputs[@]}"
