# Shared by the service benchmarks: start `chronicle serve` on a free loopback port and seed a story.
# Source it; needs $chronicle (the binary). start_server [STORE OPTIONS...] sets $server (its pid) and $base (its URL);
# with no option the store is a fresh SQLite data directory (removed on exit).
article=${ARTICLE:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/../shared/stories/seed-khloe-odom.txt}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

start_server() {
  work=$(mktemp -d)
  local store=("$@")
  [ ${#store[@]} -eq 0 ] && store=(--data-dir "$work/data")
  "$chronicle" serve --port 0 "${store[@]}" --log-level warning >"$work/server.log" 2>&1 &
  server=$!
  trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$work"' EXIT
  base=""
  for _ in $(seq 1 240); do
    base=$(sed -n 's|.*serving on \(http://[^/ ]*\)/.*|\1|p' "$work/server.log" | head -n 1)
    [ -n "$base" ] && return 0
    kill -0 "$server" 2>/dev/null || break
    sleep 0.25
  done
  cat "$work/server.log"
  echo "the server did not start" >&2
  exit 1
}

# seed_story TITLE N: a story of N documents (distinct news articles, or copies of the article with
# STORY_DOCUMENTS=copies: see documents.py); prints its id.
seed_story() {
  python3 "$here/seed.py" "$base" "$article" "$1" "$2"
}

# rss_kb PID: the resident set of a process, in kB.
rss_kb() {
  awk '/^VmRSS:/ {print $2}' "/proc/$1/status"
}
