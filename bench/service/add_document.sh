#!/usr/bin/env bash
# Adding the 21st document to a 20-document story against analysing it alone (see add_document.py).
# Usage: bench/service/add_document.sh CHRONICLE [--postgres URL | --data-dir DIR] ; ROUNDS (21).
set -euo pipefail
chronicle=$(realpath "$1"); shift
source "$(dirname "$0")/common.sh"
start_server "$@"
echo "load before: $(uptime | sed 's/.*load/load/')"
python3 "$here/add_document.py" "$base" "$article" "${ROUNDS:-21}" "$work"
echo "load after: $(uptime | sed 's/.*load/load/')"
