#!/usr/bin/env bash
# The timing curve of issue 14: `chronicle tag` on one line of news-like text of 1 KB, 10 KB, 100 KB, 1 MB,
# 10 MB and 100 MB (written here, never committed), with the seconds and the microseconds per KB of each.
# Work per byte stays linear when the last column stays flat.
#
#   bench/hostile_curve.sh [SIZES...]       (default: 1K 10K 100K 1M 10M 100M)
#
# Environment: CHRONICLE (the chronicle binary; default: the release build, built if missing), RUNS (runs per
# size, the fastest is kept; default 3 up to 1 MB, 1 above), WORK (where the inputs go; default a temporary
# directory, removed at the end), EXTRA (more `chronicle tag` options, e.g. "--events").
#
# Each input is a single line (no line feed until the end) of sentences with dates, times and durations in
# them, so that one document, one tokeniser pass and one tagger pass cover it all. `--max-bytes` is raised to
# the input's size: by default `chronicle tag` refuses a document over 32 MB.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
chronicle=${CHRONICLE:-$root/.build/release/chronicle}
if [ ! -x "$chronicle" ]; then
  (cd "$root" && swift build -c release --product chronicle)
fi
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1K 10K 100K 1M 10M 100M)
work=${WORK:-$(mktemp -d)}
[ -n "${WORK:-}" ] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work"

bytes_of() {  # 1K -> 1024, 10M -> 10485760
  local n=${1%[KMG]} unit=${1: -1}
  case $unit in
    K) echo $((n << 10)) ;; M) echo $((n << 20)) ;; G) echo $((n << 30)) ;; *) echo "$1" ;;
  esac
}

generate() {  # generate BYTES FILE: one line of news-like sentences, cut to BYTES bytes, then a line feed
  python3 - "$1" "$2" <<'PY'
import random, sys
size, path = int(sys.argv[1]), sys.argv[2]
random.seed(14)
sentences = [
    "The council met on Monday, Oct. 26, and will vote next week.",
    "Sales rose 4% in the third quarter of 2015 compared with a year earlier.",
    "The storm hit at 7 p.m. on Tuesday and power was restored two days later.",
    "Officials said the bridge, closed since March, would reopen by the end of the year.",
    "Rescue teams worked through the night as rain continued.",
    "In 1998 the company had fewer than 200 employees; it now has about 4,000.",
    "The trial, which began on Feb. 3, 2014, lasted nearly six months.",
    "Every Friday since the summer of 2012 the market has opened at 8:30 a.m.",
]
with open(path, "w") as out:
    written = 0
    while written < size:
        chunk = " ".join(random.choice(sentences) for _ in range(2000)) + " "
        chunk = chunk[: size - written]
        out.write(chunk)
        written += len(chunk)
    out.write("\n")
PY
}

# The start-up (loading the tables and models) is paid once per process: measured on a one-word input, it is
# taken off in the last column, which is the work per byte.
# The processor time (user + system) is given too: on a loaded machine it stays close to the quiet wall time.
timed() {  # timed FILE BYTES RUNS: the fastest of RUNS runs, as "SECONDS PEAK_KB CPU_SECONDS"
  local best= peak= cpu=
  for _ in $(seq "$3"); do
    # shellcheck disable=SC2086
    /usr/bin/time -f '%e %M %U %S' -o "$work/time" "$chronicle" tag --dct 2015-10-28 --max-bytes $(($2 + 16)) ${EXTRA:-} "$1" > "$work/out"
    read -r seconds kilobytes user system < "$work/time"
    if [ -z "$best" ] || awk -v a="$seconds" -v b="$best" 'BEGIN { exit !(a < b) }'; then
      best=$seconds peak=$kilobytes cpu=$(awk -v u="$user" -v s="$system" 'BEGIN { print u + s }')
    fi
  done
  echo "$best $peak $cpu"
}
echo "word" > "$work/start-up.txt"
read -r startup _ startupcpu < <(timed "$work/start-up.txt" 5 5)
echo "chronicle: $chronicle; start-up (a one-word input): ${startup} s"
printf '%-6s %12s %10s %12s %12s %10s %12s %12s %10s\n' size bytes seconds "us per KB" "net us/KB" "cpu s" "net cpu us/KB" expressions "peak MB"
for size in "${sizes[@]}"; do
  n=$(bytes_of "$size")
  input=$work/line-$size.txt
  [ -f "$input" ] || generate "$n" "$input"
  runs=${RUNS:-$([ "$n" -le $((1 << 20)) ] && echo 3 || echo 1)}
  read -r best peak cpu < <(timed "$input" "$n" "$runs")
  count=$(wc -l < "$work/out")
  awk -v s="$size" -v n="$n" -v t="$best" -v t0="$startup" -v c="$count" -v m="$peak" -v u="$cpu" -v u0="$startupcpu" \
    'BEGIN { kb = n / 1024; net = t - t0; if (net < 0) net = 0; netcpu = u - u0; if (netcpu < 0) netcpu = 0
             printf "%-6s %12d %10.2f %12.1f %12.1f %10.2f %12.1f %12d %10.0f\n", s, n, t, t * 1e6 / kb, net * 1e6 / kb, u, netcpu * 1e6 / kb, c, m / 1024 }'
done
