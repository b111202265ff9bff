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
# SANITIZER_FILTER (a `swift test --filter` regular expression) narrows the tests, SANITIZER_SKIP (`--skip`) leaves
# some out (default: all of the graph).
#
# CHRONICLE_PACKAGE=core (what CI runs) builds the package's core graph only (see the end of Package.swift): the
# library, the service layer and their tests, without the command line, the stores and the server, whose
# dependencies (SwiftNIO, Hummingbird, GRDB, postgres-nio) take longer to build sanitized than the rest of CI. Its
# scratch paths end in -core, and the Package.resolved of the whole graph is put back afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:?usage: .ci/sanitizers.sh address|thread}
suffix=
if [ "${CHRONICLE_PACKAGE:-}" = core ]; then
  suffix=-core
  if [ -f Package.resolved ]; then
    cp Package.resolved "${TMPDIR:-/tmp}/chronicle-Package.resolved.$$"
    trap 'mv -f "${TMPDIR:-/tmp}/chronicle-Package.resolved.$$" Package.resolved' EXIT
  fi
fi
case $kind in
  address)
    scratch=.build-asan$suffix
    # Swift's runtime keeps metadata caches for the process's life, which LeakSanitizer would count.
    export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=0:print_summary=1}
    filter=${SANITIZER_FILTER:-}
    ;;
  thread)
    scratch=.build-tsan$suffix
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
selection=()
[ -n "$filter" ] && selection+=(--filter "$filter")
[ -n "${SANITIZER_SKIP:-}" ] && selection+=(--skip "$SANITIZER_SKIP")
swift test --skip-build --sanitize="$kind" --scratch-path "$scratch" ${selection[@]+"${selection[@]}"} > "$log" 2>&1
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
