#!/usr/bin/env bash
# confirm → ready latency (p50/p99) and the median of each hop against a running local platform (`./platform up` first).
#   bench/latency/run.sh [count=40] [megapixels=12]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
API="http://127.0.0.1:${ASSET_SERVICE_PORT:-8080}"
"$ROOT/platform" status >/dev/null || { echo "start the platform first: ./platform up" >&2; exit 1; }
source "$ROOT/local-stack/jdk.sh"
use_platform_jdk
java -Djava.awt.headless=true -cp "$(cat "$ROOT/local-stack/kafka-engine/target/classpath.txt")" \
  "$ROOT/bench/latency/ConfirmToReady.java" "$API" "$("$ROOT/platform" token bench-user)" "${1:-40}" "${2:-12}" \
  "127.0.0.1:${KAFKA_PORT:-59092}" "http://127.0.0.1:${VARIANT_WORKER_MANAGEMENT_PORT:-9081}/q/metrics"
