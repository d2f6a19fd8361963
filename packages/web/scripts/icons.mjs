// Generates the PWA icons (PNG) in public/icons from a simple vector description, with no
// image library: two figures side by side ("acompañar") on the brand colour. Run once with
// `node packages/web/scripts/icons.mjs`; the outputs are committed, and src/app/icons.test.ts
// regenerates them into a temporary folder (the optional argument) to catch drift.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const out =
  process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '../public/icons');
mkdirSync(out, { recursive: true });

const BRAND = [0x0b, 0x4a, 0x6f];
const WHITE = [0xff, 0xff, 0xff];
const ACCENT = [0xf2, 0xb7, 0x05];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Colour of the pixel at (x, y) in a unit square; `pad` shrinks the drawing (maskable). */
function shade(x, y, pad) {
  const u = (x - pad) / (1 - 2 * pad);
  const v = (y - pad) / (1 - 2 * pad);
  const inCircle = (cx, cy, r) => (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
  const inBody = (cx, top, w) => v >= top && v <= 0.82 && Math.abs(u - cx) <= w * (0.6 + (v - top));
  if (inCircle(0.37, 0.34, 0.11) || inBody(0.37, 0.5, 0.13)) return WHITE;
  if (inCircle(0.64, 0.4, 0.09) || inBody(0.64, 0.54, 0.1)) return ACCENT;
  return BRAND;
}

function png(size, pad) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      const [r, g, b] = shade((x + 0.5) / size, (y + 0.5) / size, pad);
      row[1 + x * 3] = r;
      row[2 + x * 3] = g;
      row[3 + x * 3] = b;
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const [name, size, pad] of [
  ['icon-192.png', 192, 0],
  ['icon-512.png', 512, 0],
  ['maskable-512.png', 512, 0.1],
  ['apple-touch-icon.png', 180, 0.05],
]) {
  writeFileSync(path.join(out, name), png(size, pad));
}
console.log(`icons written to ${out}`);
