#!/usr/bin/env bash
# confirm → ready latency (p50/p99) and the median of each hop against a running local platform (`./platform up` first).
#   bench/latency/run.sh [count=40] [megapixels=12]
# It learns that an asset is ready as the web console does, from asset.ready on the live channel (GET /events).
# POLL_MS=5 asks GET /assets/{id} every 5 ms instead: that resolves the time finely too, but is itself ~200
# requests/s on the same cores; POLL_MS=50 loads the platform like a few browsers polling would.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
API="http://127.0.0.1:${ASSET_SERVICE_PORT:-8080}"
"$ROOT/platform" status >/dev/null || { echo "start the platform first: ./platform up" >&2; exit 1; }
source "$ROOT/local-stack/jdk.sh"
use_platform_jdk
java -Djava.awt.headless=true ${POLL_MS:+-Dpoll.ms="$POLL_MS"} -cp "$(cat "$ROOT/local-stack/kafka-engine/target/classpath.txt")" \
  "$ROOT/bench/latency/ConfirmToReady.java" "$API" "$("$ROOT/platform" token bench-user)" "${1:-40}" "${2:-12}" \
  "127.0.0.1:${KAFKA_PORT:-59092}" "http://127.0.0.1:${VARIANT_WORKER_MANAGEMENT_PORT:-9081}/q/metrics"
