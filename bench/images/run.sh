#!/usr/bin/env bash
# Image pipeline benchmark: variant-worker's pipeline (libvips in-process through Java's foreign-function API)
# against sharp (npm, libvips inside; what Node image services run on), side by side in one run, on the same
# files, each pinned to the same core: the whole variant set (optimized 1200 px and thumbnail 300×200, JPEG q80
# and WebP q80, orientation applied) from the file's bytes in memory. vipsthumbnail (Debian's libvips-tools,
# one process per output as a shell pipeline would do) is a second reference. Then AVIF: time and size at each
# AV1 effort, and the time the worker's later formats take beside sharp's AVIF defaults.
#
#   bench/images/run.sh [IMAGE...]      without arguments: synthetic 12 MP, noisy 12 MP and 24 MP photos
#
# For each image one line: image=NAME ours_ms sharp_ms ratio_vs_sharp ours_rss_mb sharp_rss_mb rss_ratio_vs_sharp,
# then both sides' output sizes. Times are medians of BENCH_RUNS warm runs; each side runs twice, interleaved,
# and keeps its better median (the machine's other load drifts).
# Knobs: BENCH_RUNS (15), BENCH_WARMUP (8), BENCH_CPUS (0; "" = no pinning), BENCH_XMX (32m), BENCH_WORK
# (bench/images/work), SHARP_VERSION (0.35.5). Ours runs as the worker is deployed: MALLOC_ARENA_MAX=2. Other load on the machine skews the times: the load average is printed.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/bench/images"
WORK=${BENCH_WORK:-$HERE/work}
RUNS=${BENCH_RUNS:-15}
WARMUP=${BENCH_WARMUP:-8}
CPUS=${BENCH_CPUS-0}
XMX=${BENCH_XMX:-32m}
SHARP_VERSION=${SHARP_VERSION:-0.35.5}
MODULE="$ROOT/variant-worker"
mkdir -p "$WORK"

source "$ROOT/local-stack/jdk.sh"
use_platform_jdk

need() { # command, Debian package
  command -v "$1" >/dev/null 2>&1 && return
  echo "installing $2 for $1" >&2
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq "$2" >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq "$2" >/dev/null; fi
}
need /usr/bin/time time
need vipsthumbnail libvips-tools
PIN=()
if [ -n "$CPUS" ]; then need taskset util-linux; PIN=(taskset -c "$CPUS"); fi

# sharp, pinned, into a scratch folder (its prebuilt libvips comes inside the npm packages)
SHARP_DIR="$WORK/sharp-$SHARP_VERSION"
if [ ! -d "$SHARP_DIR/node_modules/sharp" ]; then
  echo "installing sharp@$SHARP_VERSION from npm into $SHARP_DIR" >&2
  mkdir -p "$SHARP_DIR" && (cd "$SHARP_DIR" && npm install --no-save --no-audit --no-fund "sharp@$SHARP_VERSION" >&2)
fi
# ours: the libvips the worker runs with (./platform fetches it); else the same build that came with sharp
if [ -z "${PLATFORM_VARIANTS_LIBVIPS_PATH:-}" ]; then
  PLATFORM_VARIANTS_LIBVIPS_PATH=$(ls "$ROOT"/.platform/native/node_modules/@img/sharp-libvips-linux-x64/lib/libvips-cpp.so.* \
    "$SHARP_DIR"/node_modules/@img/sharp-libvips-linux-x64/lib/libvips-cpp.so.* 2>/dev/null | head -1 || true)
fi
export PLATFORM_VARIANTS_LIBVIPS_PATH

echo "building variant-worker test classes…" >&2
(cd "$ROOT" && mvn -B -q install -DskipTests -pl variant-worker -am >/dev/null)
(cd "$MODULE" && mvn -B -q test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test >/dev/null)
CP="$MODULE/target/classes:$MODULE/target/test-classes:$(cat "$MODULE/target/bench.cp")"
PKG=com.renovation.media.variants.imaging.bench

field() { tr ' ' '\n' | sed -n "s/^$1=//p"; }
median() { sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
mb() { awk -v k="$1" 'BEGIN {printf "%.0f", k / 1024}'; }
sizes() { tr ' ' '\n' | grep '_bytes=' | tr '\n' ' '; }

if [ $# -eq 0 ]; then
  for spec in "photo-12mp:4000:3000:1:6" "photo-12mp-noisy:4000:3000:2:20" "photo-24mp:6000:4000:3:6"; do
    IFS=: read -r name w h seed grain <<<"$spec"
    [ -s "$WORK/$name.jpg" ] || java -cp "$CP" "$PKG.SyntheticPhoto" "$WORK/$name.jpg" "$w" "$h" "$seed" "$grain" >&2
    set -- "$@" "$WORK/$name.jpg"
  done
fi

ours() { # image formats → "key=value… rss_kb=…"
  local line
  line=$(MALLOC_ARENA_MAX=2 /usr/bin/time -f "%M" -o "$WORK/time.txt" "${PIN[@]}" java -Xmx"$XMX" -XX:+UseSerialGC \
    --enable-native-access=ALL-UNNAMED -cp "$CP" "$PKG.PipelineBenchmark" "$1" "$WARMUP" "$RUNS" "$2")
  echo "$line rss_kb=$(cat "$WORK/time.txt")"
}
theirs() {
  local line
  line=$(NODE_PATH="$SHARP_DIR/node_modules" UV_THREADPOOL_SIZE=1 /usr/bin/time -f "%M" -o "$WORK/time.txt" "${PIN[@]}" \
    node "$HERE/sharp-variants.js" "$1" "$WARMUP" "$RUNS" "$2")
  echo "$line rss_kb=$(cat "$WORK/time.txt")"
}
better() { # two result lines → the one with the lower median
  if awk -v a="$(echo "$1" | field median_ms)" -v b="$(echo "$2" | field median_ms)" 'BEGIN {exit !(a <= b)}'; then
    echo "$1"; else echo "$2"; fi
}

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; pinned to CPUs: ${CPUS:-none}"
echo "ours: $(java -version 2>&1 | sed -n 1p), -Xmx$XMX, $PLATFORM_VARIANTS_LIBVIPS_PATH"
echo "sharp $SHARP_VERSION on node $(node --version); vipsthumbnail: $(vips --version)"
echo
for img in "$@"; do
  name=$(basename "$img" .jpg)
  a1=$(ours "$img" jpeg,webp); s1=$(theirs "$img" jpeg,webp)
  a2=$(ours "$img" jpeg,webp); s2=$(theirs "$img" jpeg,webp)
  a=$(better "$a1" "$a2"); s=$(better "$s1" "$s2")
  ours_ms=$(echo "$a" | field median_ms); sharp_ms=$(echo "$s" | field median_ms)
  ours_rss=$(( $(echo "$a1" | field rss_kb) > $(echo "$a2" | field rss_kb) ? $(echo "$a1" | field rss_kb) : $(echo "$a2" | field rss_kb) ))
  sharp_rss=$(( $(echo "$s1" | field rss_kb) > $(echo "$s2" | field rss_kb) ? $(echo "$s1" | field rss_kb) : $(echo "$s2" | field rss_kb) ))

  # vipsthumbnail: one process per output file; the four together, the peak RSS of any
  totals=()
  for ((run = 0; run < 4; run++)); do
    start=$(date +%s%N)
    for out in "1200x1200:opt.jpg" "1200x1200:opt.webp" "300x200:thumb.jpg" "300x200:thumb.webp"; do
      IFS=: read -r box file <<<"$out"
      VIPS_CONCURRENCY=1 "${PIN[@]}" vipsthumbnail "$img" -s "$box" -o "$WORK/vips-$name-$file[Q=80,strip]"
    done
    (( run > 0 )) && totals+=($(( ($(date +%s%N) - start) / 1000000 )))
  done
  vips_ms=$(printf '%s\n' "${totals[@]}" | median)

  echo "image=$name ours_ms=$ours_ms sharp_ms=$sharp_ms ratio_vs_sharp=$(ratio "$ours_ms" "$sharp_ms")" \
    "ours_rss_mb=$(mb "$ours_rss") sharp_rss_mb=$(mb "$sharp_rss") rss_ratio_vs_sharp=$(ratio "$ours_rss" "$sharp_rss")" \
    "vipsthumbnail_ms=$vips_ms ours_first_ms=$(echo "$a" | field first_ms)"
  echo "  sizes ours:  $(echo "$a" | sizes)"
  echo "  sizes sharp: $(echo "$s" | sizes)"
done

echo
echo "AVIF effort sweep, the optimized variant of the first image, quality 50 (the worker uses effort 1):"
"${PIN[@]}" java -Xmx"$XMX" --enable-native-access=ALL-UNNAMED -cp "$CP" "$PKG.AvifEffortSweep" "$1" 3 | sed 's/^/  /'
echo
echo "AVIF (the formats that follow ready), both variants of the first image, quality 50 (ours effort 1, sharp its default 4):"
img=$1
WARMUP=1 RUNS=3 # sharp's default AV1 effort takes seconds an image
a=$(ours "$img" avif); s=$(theirs "$img" avif)
echo "avif ours_ms=$(echo "$a" | field median_ms) sharp_ms=$(echo "$s" | field median_ms)" \
  "ratio_vs_sharp=$(ratio "$(echo "$a" | field median_ms)" "$(echo "$s" | field median_ms)")"
echo "  sizes ours:  $(echo "$a" | sizes)"
echo "  sizes sharp: $(echo "$s" | sizes)"
