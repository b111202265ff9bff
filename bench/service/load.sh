#!/usr/bin/env bash
# The service under wrk: POST /v1/tag with a 3 KB news article, and GET the timeline of a 20-document story.
# Usage: bench/service/load.sh CHRONICLE [--postgres URL | --data-dir DIR]   (default: a fresh SQLite data directory)
# Environment: DURATION (30s), CONNECTIONS (50), THREADS (1), WHAT ("tag timeline"; "timeline-gzip": the timeline
# GET with Accept-Encoding: gzip, as browsers and most HTTP clients send it; "timeline-unchanged": the GET of a
# client that polls the story and sends back the ETag it has, in If-None-Match, as browsers do: 304, no body).
set -euo pipefail
chronicle=$(realpath "$1"); shift
source "$(dirname "$0")/common.sh"
command -v wrk >/dev/null || { echo "needs wrk (apt-get install -y wrk)" >&2; exit 1; }
duration=${DURATION:-30s} connections=${CONNECTIONS:-50} threads=${THREADS:-1}

start_server "$@"
story=$(seed_story "load $(date +%s)" 20)
python3 -c 'import json, sys; print(json.dumps({"text": open(sys.argv[1], encoding="utf-8").read()}))' "$article" >"$work/tag.json"
etag=$(curl -sf -D - -o /dev/null "$base/v1/stories/$story/timeline" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
echo "server $server at $base, story $story (20 documents); RSS $(rss_kb "$server") kB"
for what in ${WHAT:-tag timeline}; do
  case $what in
    tag) args=(-s "$here/post_tag.lua" "$base/v1/tag") ;;
    timeline) args=("$base/v1/stories/$story/timeline") ;;
    timeline-gzip) args=(-H "Accept-Encoding: gzip" "$base/v1/stories/$story/timeline") ;;
    timeline-unchanged) args=(-H "If-None-Match: $etag" "$base/v1/stories/$story/timeline") ;;
  esac
  # A short warm-up, then the measured run.
  TAG_BODY=$work/tag.json wrk -t"$threads" -c"$connections" -d3s "${args[@]}" >/dev/null
  echo "== $what: wrk -t$threads -c$connections -d$duration --latency ${args[*]}   ($(uptime | sed 's/.*load/load/'))"
  TAG_BODY=$work/tag.json wrk -t"$threads" -c"$connections" -d"$duration" --latency "${args[@]}"
  echo "RSS $(rss_kb "$server") kB; load after: $(uptime | sed 's/.*load/load/')"
done
