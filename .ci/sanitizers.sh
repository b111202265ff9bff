#!/usr/bin/env bash
# The test suite under a sanitizer (issue 14), in its own scratch path so that the main build (.build) stays valid:
#
#   .ci/sanitizers.sh address     AddressSanitizer (and LeakSanitizer), in .build-asan
#   .ci/sanitizers.sh thread      ThreadSanitizer, in .build-tsan
#
# A finding fails the step: AddressSanitizer stops the process at the first one, ThreadSanitizer reports every
# race and makes the process exit non-zero (halt_on_error stays off so that one run shows them all). The
# executables the tests start (`chronicle`, the store writer) are built with the same sanitizer, so their
# findings land on their standard error, which the tests check.
#
# SANITIZER_FILTER (a `swift test --filter` regular expression) narrows the tests; the defaults are in
# `filter` below (none yet: the whole suite).
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:?usage: .ci/sanitizers.sh address|thread}
case $kind in
  address)
    scratch=.build-asan
    # Swift's runtime keeps metadata caches for the process's life, which LeakSanitizer would count.
    export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=0:print_summary=1}
    filter=${SANITIZER_FILTER:-}
    ;;
  thread)
    scratch=.build-tsan
    export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=0:exitcode=66:print_summary=1${TSAN_SUPPRESSIONS:+:suppressions=$TSAN_SUPPRESSIONS}}
    filter=${SANITIZER_FILTER:-}
    ;;
  *)
    echo "usage: .ci/sanitizers.sh address|thread" >&2
    exit 2
    ;;
esac

start=$SECONDS
swift build --build-tests --sanitize="$kind" --scratch-path "$scratch" 2>&1 | { grep -Ev '^\[[0-9]+/[0-9]+\]' || true; } | tail -n 30
echo "sanitize=$kind: build $((SECONDS - start)) s"

start=$SECONDS
log=$scratch/test-output.log
set +e
if [ -n "$filter" ]; then
  swift test --skip-build --sanitize="$kind" --scratch-path "$scratch" --filter "$filter" > "$log" 2>&1
else
  swift test --skip-build --sanitize="$kind" --scratch-path "$scratch" > "$log" 2>&1
fi
status=$?
set -e
tail -n 40 "$log"
findings=$(grep -cE '^(==[0-9]+==ERROR: AddressSanitizer|WARNING: ThreadSanitizer|SUMMARY: (Address|Thread)Sanitizer)' "$log" || true)
echo "sanitize=$kind: tests $((SECONDS - start)) s, exit status $status, sanitizer reports $findings"
if [ "$findings" -gt 0 ]; then
  grep -E -A 30 '^(==[0-9]+==ERROR: AddressSanitizer|WARNING: ThreadSanitizer)' "$log" | head -n 200
  exit 1
fi
exit "$status"
