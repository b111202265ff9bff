#!/usr/bin/env bash
# Memory under mixed load: starts the release server, runs wrk with mixed.lua (timeline GETs, tags, document adds
# and deletes) for MINUTES minutes (default 10), samples the server's resident set (VmRSS of /proc/PID/status)
# every 10 s, and prints the curve with its start, 1, 5 and 10 minute points and its maximum.
# Usage: bench/service/memory.sh CHRONICLE [--postgres URL | --data-dir DIR]; MINUTES, CONNECTIONS (50), THREADS (1).
set -euo pipefail
chronicle=$(realpath "$1"); shift
source "$(dirname "$0")/common.sh"
minutes=${MINUTES:-10} connections=${CONNECTIONS:-50} threads=${THREADS:-1}

start_server "$@"
story=$(seed_story "memory $(date +%s)" 20)
churn=$(seed_story "memory churn $(date +%s)" 5)
python3 - "$article" "$work" <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
open(sys.argv[2] + "/tag.json", "w").write(json.dumps({"text": text}))
open(sys.argv[2] + "/document.json", "w").write(json.dumps({"title": "churn", "published": "2015-10-29", "text": text}))
PY
curl -sf -o /dev/null "$base/v1/stories/$story/timeline"
echo "server $server, story $story (20 documents), churn story $churn; load $(uptime | sed 's/.*load average: //')"
echo "wrk -t$threads -c$connections -d${minutes}m --latency -s mixed.lua $base"
TAG_BODY=$work/tag.json DOCUMENT_BODY=$work/document.json STORY=$story CHURN=$churn \
  wrk -t"$threads" -c"$connections" -d"${minutes}m" --timeout 10s --latency -s "$here/mixed.lua" "$base" >"$work/wrk.txt" 2>&1 &
load=$!
samples=()
echo "seconds  RSS(kB)  churn-story-documents"
for ((second = 0; ; second += 10)); do
  kill -0 "$load" 2>/dev/null || [ "$second" -eq 0 ] || break
  rss=$(rss_kb "$server")
  samples+=("$second $rss")
  count=$(curl -s --max-time 5 "$base/v1/stories/$churn" | python3 -c 'import json,sys; print(json.load(sys.stdin)["documentCount"])' 2>/dev/null || echo "?")
  printf '%7d  %7d  %s\n' "$second" "$rss" "$count"
  [ "$second" -ge $((minutes * 60)) ] && break
  sleep 10
done
wait "$load" || true
cat "$work/wrk.txt"
documents=$(curl -sf "$base/v1/stories/$churn" | python3 -c 'import json,sys; print(json.load(sys.stdin)["documentCount"])' || echo "?")
echo "churn story now has $documents documents; load $(uptime | sed 's/.*load average: //')"
printf '%s\n' "${samples[@]}" | awk -v m="$minutes" '
  { rss[$1] = $2; if ($2 > max) max = $2; last = $1 }
  END {
    printf "RSS: start %.1f MB", rss[0] / 1024
    if (60 in rss) printf ", 1 min %.1f MB", rss[60] / 1024
    if (300 in rss) printf ", 5 min %.1f MB", rss[300] / 1024
    printf ", end (%d s) %.1f MB, max %.1f MB\n", last, rss[last] / 1024, max / 1024
  }'
