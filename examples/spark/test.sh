#!/usr/bin/env bash
# End-to-end test of the Spark example (see README.md): makes examples/spark/.venv with pyspark
# and pyarrow (once), then runs test_spark.py: a synthetic corpus of 12,000 documents, the job in
# local[2] mode on JSONL and on Parquet, each table compared with a direct
# 'chronicle tag --jsonl --events' run. Exits non-zero on any mismatch.
#
# Environment: CHRONICLE (the binary; default: the release build of this repository, built if
# missing), DOCS (corpus size, default 12000), PYTHON (python3 used to make the venv).
# Needs Java 17 or later on the PATH (pyspark 4 runs on it).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
start=$SECONDS

if ! command -v java >/dev/null 2>&1; then
  echo "java not found: installing openjdk-17-jre-headless"
  apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless
fi

venv=$here/.venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import pyspark, pyarrow' 2>/dev/null; then
  echo "== creating $venv (pyspark, pyarrow)"
  "${PYTHON:-python3}" -m venv "$venv"
  "$venv/bin/pip" install -q --upgrade pip
  "$venv/bin/pip" install -q pyspark pyarrow
fi
echo "== venv ready ($((SECONDS - start)) s)"

if [ -z "${CHRONICLE:-}" ]; then
  bin=$(cd "$root" && swift build -c release --show-bin-path)
  if [ ! -x "$bin/chronicle" ]; then
    echo "== building chronicle (swift build -c release)"
    (cd "$root" && swift build -c release --product chronicle)
  fi
  CHRONICLE=$bin/chronicle
fi
export CHRONICLE

cd "$here"
status=0
"$venv/bin/python" test_spark.py || status=$?
echo "== spark example test: $((SECONDS - start)) s in all, exit status $status"
exit $status
