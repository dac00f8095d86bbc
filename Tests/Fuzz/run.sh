#!/usr/bin/env bash
# Builds the libFuzzer targets with AddressSanitizer and runs each for a set time.
#
#   Tests/Fuzz/run.sh [TARGET...]        every target when none is named
#   FUZZ_SECONDS=600 Tests/Fuzz/run.sh   how long each target runs (default 60)
#
# The targets (Tests/Fuzz/<TARGET>/) exist only when BILAN_FUZZ=1 (see the end of
# Package.swift) and are built here only, in .build-fuzz, so the ordinary
# `swift build` and `swift test` never see them. Each run starts from the
# committed corpus (Tests/Fuzz/<TARGET>/corpus, read only) and keeps what it
# finds in .build-fuzz/corpus/<TARGET>. A crash, an input taking more than
# FUZZ_TIMEOUT seconds (default 30) or an out-of-memory is saved under
# .build-fuzz/artifacts/<TARGET>/; the script runs the other targets, then
# exits 1. Replay one input: .build-fuzz/debug/<TARGET> -detect_leaks=0 FILE
# Leaks are not looked for: Swift keeps enum tags in the spare bits of
# pointers, which LeakSanitizer then does not see as pointers (every run
# "leaks" the survey it loaded once).
set -euo pipefail
cd "$(dirname "$0")/../.."

SWIFT=${SWIFT:-swift}
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_TIMEOUT=${FUZZ_TIMEOUT:-30}
SCRATCH=.build-fuzz
ALL=(FuzzSurvey FuzzCondition FuzzCSVImport FuzzJSONLImport)
if [ $# -gt 0 ]; then TARGETS=("$@"); else TARGETS=("${ALL[@]}"); fi

export BILAN_FUZZ=1
# libFuzzer and AddressSanitizer print the stack of a crash; the Swift runtime's own
# backtracer would print it again, slowly.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
# SwiftPM's --sanitize sets up the C targets (libyaml) and the link; the Swift
# driver keeps only the last -sanitize= it is given, so the Swift targets get
# both sanitizers in one flag.
build_flags=(--scratch-path "$SCRATCH" --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address)

for target in "${TARGETS[@]}"; do
  echo "== building $target (fuzzer + address sanitizer)"
  start=$(date +%s)
  # The linker warns about every AddressSanitizer helper it cannot export: noise.
  if ! "$SWIFT" build "${build_flags[@]}" --product "$target" 2>&1 | { grep -v "Cannot export local symbol" || true; }; then
    echo "fuzz: building $target failed" >&2
    exit 1
  fi
  echo "== built $target in $(($(date +%s) - start)) s"
done

failed=()
for target in "${TARGETS[@]}"; do
  mkdir -p "$SCRATCH/corpus/$target" "$SCRATCH/artifacts/$target"
  dictionary=()
  if [ -f "Tests/Fuzz/$target/$target.dict" ]; then dictionary=("-dict=Tests/Fuzz/$target/$target.dict"); fi
  echo "== fuzzing $target for $FUZZ_SECONDS s"
  set +e
  "$SCRATCH/debug/$target" \
    -max_total_time="$FUZZ_SECONDS" -timeout="$FUZZ_TIMEOUT" -rss_limit_mb=4096 -detect_leaks=0 \
    -print_final_stats=1 "${dictionary[@]}" \
    -artifact_prefix="$SCRATCH/artifacts/$target/" \
    "$SCRATCH/corpus/$target" "Tests/Fuzz/$target/corpus" 2>&1 | tee "$SCRATCH/$target.log" \
    | grep -E "^(INFO: Seed|#[0-9]+[[:space:]]+(INITED|DONE)|==[0-9]+==|SUMMARY|stat::|artifact_prefix|Test unit written|.*Fatal error|.*Precondition failed)"
  status=${PIPESTATUS[0]}
  set -e
  if [ "$status" -ne 0 ] || grep -q "Test unit written" "$SCRATCH/$target.log"; then
    failed+=("$target")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: ${failed[*]} found a problem; the inputs are in $SCRATCH/artifacts/ and the logs in $SCRATCH/*.log" >&2
  exit 1
fi
echo "fuzz: ${TARGETS[*]}: ${FUZZ_SECONDS} s each, nothing found"
