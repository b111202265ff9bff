#!/usr/bin/env bash
# Runs the fuzz targets built by fuzz/build.sh, each for a bounded time, and prints per target the total time,
# the inputs executed (libFuzzer's stat::number_of_executed_units) and what was found.
#
# Usage: fuzz/run.sh [SECONDS] [TARGET...]       (default: 60 seconds, every built target, one after another)
# Env:   RSS_MB=2048 (memory limit), NICE=10, MAX_RESTARTS=5, FUZZ_ARGS (more libFuzzer flags, e.g. -len_control=0)
#
# Each target starts from its hand-written seeds (fuzz/seeds/<target>/, in git) and its generated corpus
# (fuzz/corpus-<target>/, not in git). libFuzzer stops at the first finding; the script then restarts it on
# the remaining time (at most MAX_RESTARTS times), so that one run reports every kind of finding. Crashing,
# hanging (-timeout=1: over 1 s on one input), leaking (-detect_leaks=1, LeakSanitizer) and out-of-memory
# inputs land in fuzz/artifacts/<target>/; logs in fuzz/logs/<target>-N.log.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
seconds="${1:-60}"
shift || true
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
    for f in "$here"/.build/fuzz-*; do targets+=("$(basename "$f" | sed 's/^fuzz-//')"); done
fi
rss="${RSS_MB:-2048}"
nice_level="${NICE:-10}"
max_restarts="${MAX_RESTARTS:-5}"
mkdir -p "$here/logs"

printf '%-12s %8s %12s %7s %8s %5s %4s\n' target seconds inputs crashes timeouts leaks ooms
for t in "${targets[@]}"; do
    binary="$here/.build/fuzz-$t"
    [[ -x "$binary" ]] || { echo "no $binary: run fuzz/build.sh $t" >&2; exit 1; }
    corpus="$here/corpus-$t"
    seeds="$here/seeds/$t"
    artifacts="$here/artifacts/$t"
    mkdir -p "$corpus" "$artifacts"
    [[ -d "$seeds" ]] || mkdir -p "$seeds"
    started=$(date +%s)
    units=0; crashes=0; timeouts=0; leaks=0; ooms=0; run=0
    while true; do
        left=$(( seconds - ($(date +%s) - started) ))
        (( left > 0 && run <= max_restarts )) || break
        log="$here/logs/$t-$run.log"
        nice -n "$nice_level" "$binary" -max_total_time="$left" -timeout=1 -rss_limit_mb="$rss" -max_len=4096 \
            -detect_leaks=1 -print_final_stats=1 -artifact_prefix="$artifacts/" ${FUZZ_ARGS:-} "$corpus" "$seeds" > "$log" 2>&1
        status=$?
        n=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
        if [[ -z "$n" ]]; then n=$(grep -o '^#[0-9]*' "$log" | tr -d '#' | tail -1); fi
        units=$(( units + ${n:-0} ))
        if grep -q 'ERROR: LeakSanitizer' "$log"; then leaks=$((leaks + 1))
        elif grep -q 'ALARM: working on the last Unit\|ERROR: libFuzzer: timeout' "$log"; then timeouts=$((timeouts + 1))
        elif grep -q 'out-of-memory\|ERROR: libFuzzer: malloc limit' "$log"; then ooms=$((ooms + 1))
        elif (( status != 0 )); then crashes=$((crashes + 1))
        fi
        run=$((run + 1))
        (( status == 0 )) && break
    done
    printf '%-12s %8d %12d %7d %8d %5d %4d\n' "$t" "$(( $(date +%s) - started ))" "$units" "$crashes" "$timeouts" "$leaks" "$ooms"
done
