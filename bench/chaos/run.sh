#!/usr/bin/env bash
# Chaos: N uploads (default 1000) through a platform of its own while asset-service, variant-worker, the Kafka
# broker and the S3 server are killed -9 in turn (the launcher restarts each, as an orchestrator would).
# Afterwards every confirmed asset must be ready with all its variants, with no duplicates and no orphans.
#   bench/chaos/run.sh [uploads=1000]      knobs: CHAOS_THREADS (8), CHAOS_KILL_EVERY_S (15)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
# the JDK ./platform runs on: the launcher's classes and the platform's jars are Java 25
source "$ROOT/local-stack/jdk.sh"
use_platform_jdk
export PLATFORM_HOME="$ROOT/.platform/chaos" PG_PORT=55462 KAFKA_PORT=59392 S3_PORT=59300
export ASSET_SERVICE_PORT=8280 VARIANT_WORKER_PORT=8281 DOCUMENT_SERVICE_PORT=8282 CATALOG_SERVICE_PORT=8283
export CHAOS_UPLOADS="${1:-1000}" S3_ENDPOINT="http://127.0.0.1:$S3_PORT"
rm -rf "$PLATFORM_HOME"; mkdir -p "$PLATFORM_HOME"
"$ROOT/platform" up >"$PLATFORM_HOME/up.out" 2>&1 &
trap '"$ROOT/platform" down >/dev/null 2>&1 || true' EXIT
until "$ROOT/platform" status >/dev/null 2>&1; do sleep 2; done
export CHAOS_TOKEN="$("$ROOT/platform" token chaos-user)"
# the four web variants make an image ready; AVIF follows best-effort and is not counted
export CHAOS_EXPECTED_VARIANTS=4
java -Djava.awt.headless=true -cp "$(cat "$ROOT/local-stack/launcher/target/classpath.txt")" "$ROOT/bench/chaos/Chaos.java"
grep -E "restart|exited" "$PLATFORM_HOME/up.out" || true
