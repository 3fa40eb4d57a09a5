#!/usr/bin/env bash
# Estimate PDF, request → ready (first request, then p50/p99) against a running local platform (`./platform up` first).
#   bench/documents/latency.sh [count=21]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
API="http://127.0.0.1:${ASSET_SERVICE_PORT:-8080}"
"$ROOT/platform" status >/dev/null || { echo "start the platform first: ./platform up" >&2; exit 1; }
java "$ROOT/bench/documents/RequestToReady.java" "$API" "$("$ROOT/platform" token bench-user)" "${1:-21}"
