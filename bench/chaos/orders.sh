#!/usr/bin/env bash
# Orders chaos: a batch of paid orders (default 100) through a platform of its own while order-service and the
# provider stand-in are killed -9 in turn (the launcher restarts each, as an orchestrator would). Afterwards
# every paid order must have ended, no job may have run twice at the provider, each completed job must have made
# one asset, and no mail may have reached the SMTP server twice.
#   bench/chaos/orders.sh [orders=100]
#   knobs: CHAOS_PHOTOS (10), CHAOS_KILL_EVERY_S (20), CHAOS_KILLS (8, alternating), CHAOS_WAIT_MIN (15)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
# the JDK ./platform runs on: the launcher's classes and the platform's jars are Java 25
source "$ROOT/local-stack/jdk.sh"
use_platform_jdk
export PLATFORM_HOME="$ROOT/.platform/chaos-orders" PG_PORT=55472 KAFKA_PORT=59492 S3_PORT=59400
export ASSET_SERVICE_PORT=8380 VARIANT_WORKER_PORT=8381 ORDER_SERVICE_PORT=8384
export ASSET_SERVICE_MANAGEMENT_PORT=9380 VARIANT_WORKER_MANAGEMENT_PORT=9381 ORDER_SERVICE_MANAGEMENT_PORT=9384
export SMTP_PORT=59425 SMTP_API_PORT=59480 PROVIDER_PORT=59401
export PLATFORM_SERVICES=asset-service,variant-worker,order-service
export CHAOS_ORDERS="${1:-100}" S3_ENDPOINT="http://127.0.0.1:$S3_PORT"
rm -rf "$PLATFORM_HOME"; mkdir -p "$PLATFORM_HOME"
"$ROOT/platform" up >"$PLATFORM_HOME/up.out" 2>&1 &
trap '"$ROOT/platform" down >/dev/null 2>&1 || true' EXIT
until "$ROOT/platform" status >/dev/null 2>&1; do sleep 2; done
export CHAOS_TOKEN="$("$ROOT/platform" token chaos-orders)" CHAOS_EMAIL=chaos-orders@example.test
cd "$ROOT/bench/chaos"
java -Djava.awt.headless=true -cp "$ROOT/local-stack/launcher/target/classes:$(cat "$ROOT/local-stack/launcher/target/classpath.txt")" \
  OrdersChaos.java
grep -E "restart|exited" "$PLATFORM_HOME/up.out" || true
