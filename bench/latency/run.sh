#!/usr/bin/env bash
# confirm → variant-ready latency (p50/p99) against a running local platform (`./platform up` first).
#   bench/latency/run.sh [count=40] [megapixels=12]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
API="http://127.0.0.1:${ASSET_SERVICE_PORT:-8080}"
"$ROOT/platform" status >/dev/null || { echo "start the platform first: ./platform up" >&2; exit 1; }
java -Djava.awt.headless=true "$ROOT/bench/latency/ConfirmToReady.java" "$API" "$("$ROOT/platform" token bench-user)" \
  "${1:-40}" "${2:-12}"
