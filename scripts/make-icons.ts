/**
 * Draws the add-in icons (assets/icon-16/32/64/80/128.png): a rounded square
 * with three table rows and a check mark. Plain Node (zlib) so the icons can
 * be regenerated offline without image packages: `npx tsx scripts/make-icons.ts`.
 */
import { deflateSync } from 'zlib';
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

type Rgba = [number, number, number, number];
const BACKGROUND: Rgba = [0x1f, 0x6f, 0x8b, 255];
const INK: Rgba = [255, 255, 255, 255];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An RGBA PNG (colour type 6, 8 bits, no interlace) from rows of pixels. */
export function encodePng(
  width: number,
  height: number,
  pixel: (x: number, y: number) => Rgba,
): Buffer {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  let o = 0;
  for (let y = 0; y < height; y++) {
    raw[o++] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const p = pixel(x, y);
      raw[o++] = p[0];
      raw[o++] = p[1];
      raw[o++] = p[2];
      raw[o++] = p[3];
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function distanceToSegment(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function insideRoundedSquare(x: number, y: number, margin: number, radius: number): boolean {
  const lo = margin + radius;
  const hi = 1 - margin - radius;
  const cx = Math.min(Math.max(x, lo), hi);
  const cy = Math.min(Math.max(y, lo), hi);
  return Math.hypot(x - cx, y - cy) <= radius;
}

/** What covers the point (unit coordinates): ink, background or nothing. */
function shade(x: number, y: number): Rgba | null {
  if (!insideRoundedSquare(x, y, 0.04, 0.18)) return null;
  const rows = [0.3, 0.5, 0.7].some((ry) => x >= 0.2 && x <= 0.46 && Math.abs(y - ry) <= 0.045);
  const check =
    distanceToSegment(x, y, 0.5, 0.55, 0.62, 0.7) <= 0.055 ||
    distanceToSegment(x, y, 0.62, 0.7, 0.82, 0.3) <= 0.055;
  return rows || check ? INK : BACKGROUND;
}

/** The icon at a size, anti-aliased by 4x4 supersampling. */
export function drawIcon(size: number): Buffer {
  const n = 4;
  return encodePng(size, size, (px, py) => {
    const acc = [0, 0, 0, 0];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const s = shade((px + (i + 0.5) / n) / size, (py + (j + 0.5) / n) / size);
        if (!s) continue;
        for (let k = 0; k < 3; k++) acc[k] += s[k] * s[3];
        acc[3] += s[3];
      }
    }
    const alpha = acc[3] / (n * n);
    if (acc[3] === 0) return [0, 0, 0, 0];
    return [
      Math.round(acc[0] / acc[3]),
      Math.round(acc[1] / acc[3]),
      Math.round(acc[2] / acc[3]),
      Math.round(alpha),
    ];
  });
}

if (require.main === module) {
  const dir = join(__dirname, '..', 'assets');
  mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = join(dir, `icon-${size}.png`);
    writeFileSync(file, drawIcon(size));
    console.log(`wrote ${file}`);
  }
}
