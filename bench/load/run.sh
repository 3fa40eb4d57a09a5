#!/usr/bin/env bash
# Load: request-upload + PUT + confirm at a fixed rate against the running local platform (`./platform up`),
# then pgbench running the same SQL at the same rate against the same PostgreSQL, for comparison.
#   [USERS=1] bench/load/run.sh [rate=20/s] [seconds=60]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RATE=${1:-20}; SECONDS_=${2:-60}
API="http://127.0.0.1:${ASSET_SERVICE_PORT:-8080}"
PG_PORT=${PG_PORT:-55432}
"$ROOT/platform" status >/dev/null || { echo "start the platform first: ./platform up" >&2; exit 1; }
command -v pgbench >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; }
# USERS (default 1): the operations are spread over that many users, each with a session and a room of its own. One
# user shows how one person's burst is served (their writes share per-owner rows); several, the platform's capacity.
USERS=${USERS:-1}
id() { sed -E 's/.*"id":"([^"]+)".*/\1/'; }
WORK=$(mktemp -d)
CLIENTS=() CLEANUP=()
for ((u = 1; u <= USERS; u++)); do
  NAME=load-user; (( USERS > 1 )) && NAME=load-user-$u
  TOKEN=$("$ROOT/platform" token "$NAME")
  S=$(curl -s -X POST "$API/sessions" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"title":"load"}' | id)
  R=$(curl -s -X POST "$API/sessions/$S/rooms" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"name":"Load","roomType":"kitchen"}' | id)
  CLIENTS+=("$TOKEN" "$R"); CLEANUP+=("$S $TOKEN")
  (( u == 1 )) && SESSION=$S ROOM=$R
done
cleanup() {
  for entry in "${CLEANUP[@]}"; do
    curl -s -X DELETE "$API/sessions/${entry%% *}" -H "Authorization: Bearer ${entry#* }" >/dev/null
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== asset-service, $RATE/s for $SECONDS_ s, $USERS user(s)"
java -Djava.awt.headless=true "$ROOT/bench/load/Load.java" "$API" "$RATE" "$SECONDS_" "${CLIENTS[@]}"

echo "== pgbench, the same SQL at $RATE/s for $SECONDS_ s"
export PGPASSWORD=postgres
# as asset-service connects: its schema first (its triggers name their tables unqualified)
export PGOPTIONS="-c search_path=assets"
(cd "$WORK" && pgbench -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -f "$ROOT/bench/load/confirm.sql" \
  -D session="'$SESSION'" -D room="'$ROOM'" -R "$RATE" -T "$SECONDS_" -c 4 -j 2 -l --log-prefix=tx media \
  | grep -E "number of transactions actually processed|latency average|tps =" | sed 's/^/  /')
sort -n -k3 "$WORK"/tx.* | awk '{ l[NR] = $3 } END { printf "  transaction latency p50 %.1f ms  p99 %.1f ms\n",
  l[int(NR * 0.5)] / 1000, l[int(NR * 0.99)] / 1000 }'
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -q media -c "DELETE FROM assets.outbox WHERE topic = 'load-bench'" >/dev/null
