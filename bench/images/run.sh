#!/usr/bin/env bash
# Image pipeline benchmark: variant-worker's VariantPipeline against vipsthumbnail on synthetic
# photo-like 12 MP and 24 MP JPEGs. For each image: the whole variant set (thumbnail 300×200 and
# optimized 1200 px, each as JPEG q80 and WebP q80) — median wall time and peak RSS — per
# ResizeMethod, each in its own JVM; the same four files from vipsthumbnail (one run per output,
# as a shell pipeline would do it); then the resize quality (PSNR against an ideal Lanczos3).
#
# Knobs (environment):
#   BENCH_RUNS (7) measured runs; BENCH_WARMUP (8) JIT warm-up runs
#   BENCH_CPUS (0) CPU list for taskset, "" = no pinning (both sides get the same CPUs)
#   BENCH_XMX (128m, the smallest power of two that fits 24 MP) JVM heap cap: it largely sets the JVM's RSS
#   BENCH_WORK (bench/images/work) scratch directory; BENCH_MODULE (variant-worker) module to build and run
# Other load on the machine skews the times: the load average is printed first.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${BENCH_WORK:-$ROOT/bench/images/work}
MODULE=${BENCH_MODULE:-$ROOT/variant-worker}
RUNS=${BENCH_RUNS:-7}
WARMUP=${BENCH_WARMUP:-8}
CPUS=${BENCH_CPUS-0}
XMX=${BENCH_XMX:-128m}
mkdir -p "$WORK"

need() { # command, Debian package
  command -v "$1" >/dev/null 2>&1 && return
  echo "installing $2 for $1" >&2
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq "$2" >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq "$2" >/dev/null; fi
}
need vipsthumbnail libvips-tools
need /usr/bin/time time
PIN=()
if [ -n "$CPUS" ]; then need taskset util-linux; PIN=(taskset -c "$CPUS"); fi

echo "building variant-worker test classes…" >&2
(cd "$MODULE" && mvn -B -q test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test >/dev/null)
CP="$MODULE/target/classes:$MODULE/target/test-classes:$(cat "$MODULE/target/bench.cp")"
PKG=com.renovation.media.variants.imaging.bench

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
field() { tr ' ' '\n' | sed -n "s/^$1=//p"; } # value of key=value in a line
median() { sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }

IMAGES=("photo-12mp:4000:3000" "photo-24mp:6000:4000")
for spec in "${IMAGES[@]}"; do
  IFS=: read -r name w h <<<"$spec"
  [ -s "$WORK/$name.jpg" ] || java -cp "$CP" "$PKG.SyntheticPhoto" "$WORK/$name.jpg" "$w" "$h" >&2
done

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; pinned to CPUs: ${CPUS:-none}; JVM -Xmx$XMX"
echo "java: $(java -version 2>&1 | sed -n 1p); libjavajpeg → $(ldd "$(dirname "$(readlink -f "$(command -v java)")")/../lib/libjavajpeg.so" 2>/dev/null | grep -o 'libjpeg[^ ]*' | sed -n 1p)"
echo "vips: $(vips --version)"
echo

RESULTS="$WORK/results.txt"
: >"$RESULTS"
for spec in "${IMAGES[@]}"; do
  IFS=: read -r name w h <<<"$spec"
  img="$WORK/$name.jpg"
  size_mb=$(awk -v b="$(stat -c %s "$img")" 'BEGIN {printf "%.1f", b / 1e6}')

  for method in BOX_LANCZOS3 IMGSCALR_QUALITY; do
    line=$(/usr/bin/time -f "time_rss_kb=%M" -o "$WORK/time.txt" "${PIN[@]}" \
      java -Xmx"$XMX" -cp "$CP" "$PKG.PipelineBenchmark" time "$img" "$method" "$WARMUP" "$RUNS")
    echo "image=$name $line $(cat "$WORK/time.txt")" >>"$RESULTS"
  done

  # vipsthumbnail: one process per output file; time the four together, take the peak RSS of any.
  totals=()
  peak=0
  for ((run = 0; run < RUNS + 1; run++)); do
    start=$(now_ms)
    for out in "1200x1200:opt.jpg" "1200x1200:opt.webp" "300x200:thumb.jpg" "300x200:thumb.webp"; do
      IFS=: read -r box file <<<"$out"
      VIPS_CONCURRENCY=1 /usr/bin/time -f "%M" -o "$WORK/vips-time.txt" "${PIN[@]}" \
        vipsthumbnail "$img" -s "$box" -o "$WORK/vips-$name-$file[Q=80,strip]"
      rss=$(cat "$WORK/vips-time.txt")
      (( rss > peak )) && peak=$rss
    done
    (( run > 0 )) && totals+=($(( $(now_ms) - start )))  # the first run only warms the page cache
  done
  vips_ms=$(printf '%s\n' "${totals[@]}" | median)
  sizes=""
  for file in opt.jpg opt.webp thumb.jpg thumb.webp; do sizes="$sizes ${file/./_}_bytes=$(stat -c %s "$WORK/vips-$name-$file")"; done
  echo "image=$name method=vipsthumbnail median_ms=$vips_ms vmhwm_kb=$peak$sizes" >>"$RESULTS"

  # Lossless vips outputs for the quality comparison.
  vipsthumbnail "$img" -s 1200x1200 -o "$WORK/vips-$name-opt.png"
  vipsthumbnail "$img" -s 300x200 -o "$WORK/vips-$name-thumb.png"
  java -cp "$CP" "$PKG.PipelineBenchmark" quality "$img" "$WORK/vips-$name-opt.png" "$WORK/vips-$name-thumb.png" \
    | sed "s/^/image=$name /" >>"$RESULTS"

  echo "== $name: ${w}×${h}, $size_mb MB JPEG q90 — whole variant set (4 files), median of $RUNS runs"
  vips_line=$(grep "image=$name method=vipsthumbnail" "$RESULTS")
  vips_rss=$(echo "$vips_line" | field vmhwm_kb)
  printf '%-18s %10s %10s %10s %10s %10s %10s %10s %12s %12s\n' method total_ms decode resize enc_jpeg enc_webp peakRSS_MB ×vips_time ×vips_RSS opt.webp_KB
  for method in BOX_LANCZOS3 IMGSCALR_QUALITY; do
    l=$(grep "image=$name method=$method " "$RESULTS")
    t=$(echo "$l" | field median_ms)
    rss=$(echo "$l" | field vmhwm_kb)
    resize=$(awk -v a="$(echo "$l" | field resize_optimized_ms)" -v b="$(echo "$l" | field resize_thumbnail_ms)" 'BEGIN {print a + b}')
    printf '%-18s %10s %10s %10s %10s %10s %10.0f %10.2f %12.2f %12.0f\n' "$method" "$t" \
      "$(echo "$l" | field decode_ms)" "$resize" "$(echo "$l" | field encode_jpeg_ms)" "$(echo "$l" | field encode_webp_ms)" \
      "$(awk -v k="$rss" 'BEGIN {print k / 1024}')" "$(awk -v a="$t" -v b="$vips_ms" 'BEGIN {print a / b}')" \
      "$(awk -v a="$rss" -v b="$vips_rss" 'BEGIN {print a / b}')" "$(awk -v b="$(echo "$l" | field optimized_webp_bytes)" 'BEGIN {print b / 1024}')"
  done
  printf '%-18s %10s %10s %10s %10s %10s %10.0f %10s %12s %12.0f\n' vipsthumbnail "$vips_ms" - - - - \
    "$(awk -v k="$vips_rss" 'BEGIN {print k / 1024}')" 1.00 1.00 "$(awk -v b="$(echo "$vips_line" | field opt_webp_bytes)" 'BEGIN {print b / 1024}')"
  echo "resize quality, PSNR in dB against an ideal Lanczos3 from the full decode (higher is better; under ~40 shows aliasing):"
  grep "image=$name resizer=" "$RESULTS" | sed "s/^image=$name //; s/resizer=//" | column -t
  echo
done
echo "raw figures: $RESULTS"
