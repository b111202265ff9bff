#!/usr/bin/env bash
# The HTTP service's end-to-end checks, run by .ci/run after `swift test`:
#   1. the OpenAPI contract: schemathesis (PyPI) against /v1/openapi.json of a server started on a temporary data
#      directory and a free port: no 5xx, status codes, content types and response schemas as documented (all
#      checks but positive_data_acceptance: JSON Schema cannot say which date strings are real calendar dates,
#      so a schema-valid "published": "2020-02-30" is rightly a 400);
#   2. the web page in a real headless Chromium (Debian's chromium and chromium-driver, Selenium from PyPI):
#      Tests/browser/timeline_page_test.py, screenshots in OUTPUT_DIR.
# Usage: Tests/browser/server_checks.sh CHRONICLE_BINARY [OUTPUT_DIR]
set -euo pipefail
chronicle=$1
output=${2:-.build/test-output}
mkdir -p "$output"

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi
venv=.build/venv-server-checks
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check "schemathesis==4.32.5" "selenium==4.51.0"

data=$(mktemp -d)
log=$(mktemp)
"$chronicle" serve --port 0 --data-dir "$data" --log-level warning >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$data"' EXIT
base=""
for _ in $(seq 1 120); do
  base=$(sed -n 's|.*serving on \(http://[^/ ]*\)/.*|\1|p' "$log" | head -n 1)
  [ -n "$base" ] && break
  sleep 0.5
done
if [ -z "$base" ]; then cat "$log"; echo "the server did not start"; exit 1; fi

echo "schemathesis against $base/v1/openapi.json"
"$venv/bin/schemathesis" run "$base/v1/openapi.json" --checks all --exclude-checks positive_data_acceptance --max-examples 30 --seed 1 \
  --generation-database none --request-timeout 60 --no-color --report junit --report-dir "$output/schemathesis"
kill "$server"
wait "$server" || true

"$venv/bin/python" Tests/browser/timeline_page_test.py "$chronicle" "$output"
