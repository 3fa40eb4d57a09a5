#!/usr/bin/env bash
# confirm → ready latency (p50/p99) and the median of each hop against a running local platform (`./platform up` first).
#   bench/latency/run.sh [count=40] [megapixels=12]
# POLL_MS (default 5) is how often it asks GET /assets/{id} whether the asset is ready: 5 ms resolves the time
# finely but is itself ~200 requests/s on the same cores; 50 ms loads the platform like a few browsers do.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
API="http://127.0.0.1:${ASSET_SERVICE_PORT:-8080}"
"$ROOT/platform" status >/dev/null || { echo "start the platform first: ./platform up" >&2; exit 1; }
source "$ROOT/local-stack/jdk.sh"
use_platform_jdk
java -Djava.awt.headless=true -Dpoll.ms="${POLL_MS:-5}" -cp "$(cat "$ROOT/local-stack/kafka-engine/target/classpath.txt")" \
  "$ROOT/bench/latency/ConfirmToReady.java" "$API" "$("$ROOT/platform" token bench-user)" "${1:-40}" "${2:-12}" \
  "127.0.0.1:${KAFKA_PORT:-59092}" "http://127.0.0.1:${VARIANT_WORKER_MANAGEMENT_PORT:-9081}/q/metrics"
