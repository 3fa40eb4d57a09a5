#!/usr/bin/env bash
# Room report benchmark: document-service's DocumentRenderer renders a report of 20 photo-like JPEGs
# (1200×900, the size of the `optimized` variant it embeds), two per page = 10 pages, in its own JVM.
# Prints the first (cold) render, the median of the warm renders, the PDF's pages/images/size, and the
# process's peak resident memory (VmHWM from /proc/self/status). Images are made once in another JVM, so
# their generation does not count in the peak.
#
# Knobs (environment): BENCH_PHOTOS (20), BENCH_WIDTH (1200), BENCH_HEIGHT (900), BENCH_RUNS (8: 1 cold +
# 7 warm), BENCH_XMX (256m) heap cap, BENCH_WORK (bench/documents/work) scratch directory.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${BENCH_WORK:-$ROOT/bench/documents/work}
PHOTOS=${BENCH_PHOTOS:-20}
WIDTH=${BENCH_WIDTH:-1200}
HEIGHT=${BENCH_HEIGHT:-900}
RUNS=${BENCH_RUNS:-8}
XMX=${BENCH_XMX:-256m}
mkdir -p "$WORK"

echo "building document-service test classes…" >&2
(cd "$ROOT/document-service" && mvn -B -q test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test >/dev/null)
CP="$ROOT/document-service/target/classes:$ROOT/document-service/target/test-classes:$(cat "$ROOT/document-service/target/bench.cp")"
MAIN=com.renovation.media.documents.bench.RoomReportBench

IMAGES="$WORK/photos-${PHOTOS}x${WIDTH}x${HEIGHT}"
if [ ! -d "$IMAGES" ] || [ "$(ls "$IMAGES" | wc -l)" -ne "$PHOTOS" ]; then
  rm -rf "$IMAGES"
  java -Djava.awt.headless=true -cp "$CP" "$MAIN" generate "$IMAGES" "$PHOTOS" "$WIDTH" "$HEIGHT"
fi

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; JVM -Xmx$XMX"
echo "java: $(java -version 2>&1 | sed -n 1p)"
start=$(date +%s%N)
java -Xmx"$XMX" -Djava.awt.headless=true -cp "$CP" "$MAIN" render "$IMAGES" "$WORK/room-report.pdf" "$RUNS" \
  | tee "$WORK/results.txt"
echo "whole JVM (start, fonts, $RUNS renders, exit): $(( ($(date +%s%N) - start) / 1000000 )) ms"
echo "PDF: $WORK/room-report.pdf"
