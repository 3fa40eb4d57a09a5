// sharp's side of bench/images/run.sh: the same variant set as variant-worker makes (optimized: fit 1200×1200,
// thumbnail: fit 300×200 made from it; each JPEG q80 and WebP q80, EXIF orientation applied), decoding once,
// from the file's bytes in memory. Prints "median_ms=… first_ms=… <output>_bytes=…".
//   node sharp-variants.js IMAGE WARMUP RUNS [FORMATS, default jpeg,webp]
const sharp = require('sharp');
const fs = require('fs');

sharp.concurrency(1); // one thread, like one worker render
sharp.cache(false);

const [file, warmup, runs, formatList] = process.argv.slice(2);
const formats = (formatList || 'jpeg,webp').split(',');
const encoders = { jpeg: (s) => s.jpeg({ quality: 80 }), webp: (s) => s.webp({ quality: 80 }), avif: (s) => s.avif() };
const extension = { jpeg: 'jpg', webp: 'webp', avif: 'avif' };

async function variantSet(source) {
  const sizes = {};
  const optimized = await sharp(source).rotate().resize(1200, 1200, { fit: 'inside', withoutEnlargement: true })
    .raw().toBuffer({ resolveWithObject: true });
  const thumbnail = await sharp(optimized.data, { raw: optimized.info })
    .resize(300, 200, { fit: 'inside', withoutEnlargement: true }).raw().toBuffer({ resolveWithObject: true });
  for (const [name, image] of [['optimized', optimized], ['thumbnail', thumbnail]]) {
    for (const format of formats) {
      const encoded = await encoders[format](sharp(image.data, { raw: image.info })).toBuffer();
      sizes[`${name}_${extension[format]}_bytes`] = encoded.length;
    }
  }
  return sizes;
}

(async () => {
  const source = fs.readFileSync(file);
  let start = process.hrtime.bigint();
  let sizes = await variantSet(source);
  const first = Number(process.hrtime.bigint() - start) / 1e6;
  for (let i = 0; i < Number(warmup); i++) await variantSet(source);
  const times = [];
  for (let i = 0; i < Number(runs); i++) {
    start = process.hrtime.bigint();
    sizes = await variantSet(source);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const n = times.length;
  const median = n % 2 ? times[(n - 1) / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
  const fields = Object.entries(sizes).map(([k, v]) => `${k}=${v}`).join(' ');
  console.log(`median_ms=${median.toFixed(1)} first_ms=${first.toFixed(1)} ${fields} libvips=${sharp.versions.vips}`);
})();
