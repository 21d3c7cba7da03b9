#!/usr/bin/env bash
# Fuzzes the photo upload pipeline of one format, the reading of an imported archive, or what local
# mode's issuer makes of a request, with Jazzer
# (coverage-guided, libFuzzer), for a given number of seconds; not part of `mvn verify`, which runs
# the same targets in regression mode.
#
#   fuzz/run.sh jpeg|png|webp|archive|issuer|token [SECONDS]     (default 600)
#
# Starts from seeds the tests make (PhotoSeeds, ArchiveSeeds) and the saved regression inputs; keeps
# its corpus in target/fuzz/<target>/corpus, so a second run goes on from the first. A finding (an
# exception other than the service's own refusals, an OutOfMemoryError in the 512 MB heap, an input
# over the time budget) stops the run with a non-zero status and is written to
# target/fuzz/<target>/findings/; copy it into the target's inputs folder (for a format,
# src/test/resources/catdata/codec/PhotoPipelineFuzzTestInputs/<format>/; for archives,
# src/test/resources/catdata/archive/ArchiveReaderFuzzTestInputs/archive/; for the issuer,
# src/test/resources/catdata/local/LocalIssuerFuzzTestInputs/request/) to keep it as a regression
# input once it is fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
format=${1:?usage: fuzz/run.sh jpeg|png|webp|archive|issuer|token [seconds]}
seconds=${2:-600}
case "$format" in jpeg|png|webp|archive|issuer|token) ;; *) echo "the target must be jpeg, png, webp, archive, issuer or token" >&2; exit 2 ;; esac

work=target/fuzz/$format
mkdir -p "$work/corpus" "$work/findings"
mvn -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/fuzz/classpath.txt
classpath="target/test-classes:target/classes:$(cat target/fuzz/classpath.txt)"
mkdir -p "$work/seeds"
if [ "$format" = token ]; then
    # Bearer tokens through the decoder with the unknown-key screen at work; seeds from the test.
    inputs=(src/test/resources/catdata/security/TokenDecoderFuzzTestInputs/token)
    target=(--target_class=catdata.security.TokenDecoderFuzzTarget)
elif [ "$format" = issuer ]; then
    # Its saved inputs are its seeds: requests of each grant, and hostile addresses.
    inputs=(src/test/resources/catdata/local/LocalIssuerFuzzTestInputs/request)
    target=(--target_class=catdata.local.LocalIssuerFuzzTarget)
elif [ "$format" = archive ]; then
    java -cp "$classpath" catdata.archive.ArchiveSeeds "$work/seeds"
    inputs=(src/test/resources/catdata/archive/ArchiveReaderFuzzTestInputs/archive)
    target=(--target_class=catdata.archive.ArchiveReaderFuzzTarget)
else
    java -cp "$classpath" catdata.codec.PhotoSeeds "$format" "$work/seeds"
    inputs=(src/test/resources/catdata/codec/PhotoPipelineFuzzTestInputs/"$format")
    target=(--target_class=catdata.codec.PhotoPipelineFuzzTarget --target_args="$format")
fi
[ -d "${inputs[0]}" ] || inputs=()
# -timeout: libFuzzer's own bound on one input, for a decode that never returns (the target itself
# fails any input over its 5 s budget that does return).
exec java -Xmx512m -cp "$classpath" com.code_intelligence.jazzer.Jazzer \
    "${target[@]}" \
    --instrumentation_includes='catdata.**:com.luciad.**' \
    --reproducer_path="$work/findings" -artifact_prefix="$work/findings/" \
    -max_total_time="$seconds" -timeout=10 -print_final_stats=1 \
    "$work/corpus" "$work/seeds" "${inputs[@]}"
