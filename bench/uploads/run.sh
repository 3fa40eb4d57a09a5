#!/usr/bin/env bash
# Upload throughput of one large file through a running local platform (`./platform up` first), beside the peers
# that write the same bytes to the same S3 server without the platform: `aws s3 cp` (Debian's awscli 2: multipart,
# 8 MiB parts, 10 at once) and one `curl` PUT (SigV4). Prints MB/s for each and our ratio to the faster peer.
#   bench/uploads/run.sh [size_mb=1024] [streams=4] [runs=3]
# The file is an MP4 container (ftyp, an empty moov, one mdat of random bytes), so the platform accepts it as a video; its worker
# refuses it afterwards (no playable stream), which the bench does not wait for. Medians of `runs` runs.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SIZE_MB=${1:-1024} STREAMS=${2:-4} RUNS=${3:-3}
API="http://127.0.0.1:${ASSET_SERVICE_PORT:-8080}"
S3="http://127.0.0.1:${S3_PORT:-59000}"
"$ROOT/platform" status >/dev/null || { echo "start the platform first: ./platform up" >&2; exit 1; }
AWS=/usr/bin/aws # Debian's awscli, not another aws on PATH
[[ -x "$AWS" ]] || { echo "the peer is Debian's awscli: apt-get install -y --no-install-recommends awscli" >&2; exit 1; }
source "$ROOT/local-stack/jdk.sh"
use_platform_jdk

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
FILE="$WORK/site-walk.mp4"
BYTES=$(( SIZE_MB * 1024 * 1024 ))
octal() { printf '\\%03o' $(( $1 >> 24 & 255 )) $(( $1 >> 16 & 255 )) $(( $1 >> 8 & 255 )) $(( $1 & 255 )); }
# ftyp, an empty moov first (as a faststart MP4 has it; confirm wants one), then one mdat of the rest
{ printf '\000\000\000\030ftypisom\000\000\002\000isommp42'
  printf '\000\000\000\010moov'
  printf "$(octal $(( BYTES - 32 )))mdat"
  head -c $(( BYTES - 40 )) /dev/urandom; } > "$FILE"
[[ $(stat -c %s "$FILE") == "$BYTES" ]] || { echo "the bench file has the wrong size" >&2; exit 1; }

export AWS_ACCESS_KEY_ID=local-access-key AWS_SECRET_ACCESS_KEY=local-secret-key AWS_DEFAULT_REGION=us-east-1 \
  AWS_EC2_METADATA_DISABLED=true
TOKEN=$("$ROOT/platform" token upload-bench --plan enterprise)
CP=$(cat "$ROOT/local-stack/kafka-engine/target/classpath.txt")
elapsed() { awk -v from="$1" -v to="$(date +%s%N)" 'BEGIN { printf "%.3f", (to - from) / 1e9 }'; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ours=() aws=() curls=()
for run in $(seq "$RUNS"); do
  line=$(java -cp "$CP" "$ROOT/bench/uploads/UploadThroughput.java" "$API" "$TOKEN" "$FILE" "$STREAMS")
  echo "run $run $line"
  ours+=("$(sed -E 's/.*total_s=([0-9.]+).*/\1/' <<<"$line")")
  start=$(date +%s%N)
  "$AWS" --endpoint-url "$S3" s3 cp --only-show-errors "$FILE" "s3://user-uploads/bench/aws-$run.mp4"
  aws+=("$(elapsed "$start")")
  start=$(date +%s%N)
  curl -sSf -o /dev/null --aws-sigv4 "aws:amz:us-east-1:s3" --user local-access-key:local-secret-key \
    -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" -T "$FILE" "$S3/user-uploads/bench/curl-$run.mp4"
  curls+=("$(elapsed "$start")")
  "$AWS" --endpoint-url "$S3" s3 rm --only-show-errors --recursive s3://user-uploads/bench/
done
o=$(printf '%s\n' "${ours[@]}" | median) a=$(printf '%s\n' "${aws[@]}" | median) c=$(printf '%s\n' "${curls[@]}" | median)
awk -v mb="$SIZE_MB" -v o="$o" -v a="$a" -v c="$c" -v s="$STREAMS" 'BEGIN {
  best = a < c ? a : c
  printf "file_mb=%d streams=%d ours_s=%.2f ours_mb_s=%.0f aws_s3_cp_s=%.2f aws_mb_s=%.0f curl_put_s=%.2f curl_mb_s=%.0f ratio_vs_best_peer=%.2f\n",
    mb, s, o, mb / o, a, mb / a, c, mb / c, o / best }'
