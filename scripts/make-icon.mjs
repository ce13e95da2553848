// Draws the app icon (build/icon.png, 512×512 RGBA) with no dependencies: an indigo rounded
// square with a white desk-and-signal mark. electron-builder turns it into .ico/.icns/.png sizes.
// Run: node scripts/make-icon.mjs
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync, crc32 } from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4; // per axis, for smooth edges

/** Coverage (0..1) of the shape at a point: background square, or the white mark. */
const roundedSquare = (x, y) => {
  const r = 96;
  const m = 16;
  const cx = Math.min(Math.max(x, m + r), SIZE - m - r);
  const cy = Math.min(Math.max(y, m + r), SIZE - m - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const mark = (x, y) => {
  const cx = 256;
  const cy = 300;
  const d = Math.hypot(x - cx, y - cy);
  const angle = Math.atan2(y - cy, x - cx);
  const upper = angle < -Math.PI / 4 && angle > (-3 * Math.PI) / 4;
  // Three signal arcs above a dot, over a desk bar.
  const arcs = [70, 130, 190].some((radius) => Math.abs(d - radius) <= 17) && upper;
  const dot = d <= 30;
  const desk = y >= 372 && y <= 404 && x >= 112 && x <= 400;
  return arcs || dot || desk;
};

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    let bg = 0;
    let fg = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const px = x + (sx + 0.5) / SAMPLES;
        const py = y + (sy + 0.5) / SAMPLES;
        if (roundedSquare(px, py)) {
          bg++;
          if (mark(px, py)) fg++;
        }
      }
    }
    const n = SAMPLES * SAMPLES;
    const a = bg / n;
    const white = bg === 0 ? 0 : fg / bg;
    const mix = (c) => Math.round(c + (255 - c) * white);
    const o = y * (SIZE * 4 + 1) + 1 + x * 4;
    raw[o] = mix(0x3b);
    raw[o + 1] = mix(0x5b);
    raw[o + 2] = mix(0xdb);
    raw[o + 3] = Math.round(a * 255);
  }
}

const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync(new URL('../build/', import.meta.url), { recursive: true });
writeFileSync(new URL('../build/icon.png', import.meta.url), png);
console.log(`build/icon.png: ${SIZE}×${SIZE}, ${png.length} bytes`);
