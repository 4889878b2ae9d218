/**
 * Draws the app icons (apps/web/public/icons/*.png) from the logo mark of apps/web/public/favicon.svg: a navy
 * tile, a mint running line, a violet dot. The PNGs are committed; run `node --import tsx scripts/make-icons.ts`
 * again only when the mark changes. A small rasteriser of its own (4×4 samples per pixel) keeps it free of
 * image libraries.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodePng } from '../e2e/tests/png.ts';

type Rgb = [number, number, number];
const NAVY: Rgb = [0x03, 0x0c, 0x37];
const MINT: Rgb = [0x68, 0xf9, 0x9e];
const VIOLET: Rgb = [0x68, 0x6e, 0xf9];

/** The mark's running line (the favicon's path `M14 42c8 0 12-20 20-20s8 12 16 12`) as points, in 64-unit space. */
function cubic(p: number[][], steps = 64): number[][] {
  return Array.from({ length: steps + 1 }, (_, i) => {
    const t = i / steps;
    const u = 1 - t;
    const w = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
    return [0, 1].map((axis) => p.reduce((sum, point, k) => sum + (w[k] ?? 0) * (point[axis] ?? 0), 0));
  });
}
const LINE = [
  ...cubic([
    [14, 42],
    [22, 42],
    [26, 22],
    [34, 22],
  ]),
  ...cubic([
    [34, 22],
    [42, 22],
    [42, 34],
    [50, 34],
  ]),
];

function nearLine(x: number, y: number, halfWidth: number): boolean {
  return LINE.some(([px = 0, py = 0]) => (x - px) ** 2 + (y - py) ** 2 <= halfWidth ** 2);
}

function insideRoundedTile(x: number, y: number, radius: number): boolean {
  const cx = Math.min(Math.max(x, radius), 64 - radius);
  const cy = Math.min(Math.max(y, radius), 64 - radius);
  return x >= 0 && y >= 0 && x <= 64 && y <= 64 && (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** The colour at (x, y) in 64-unit space, or null (transparent). `scale` shrinks the mark about the centre. */
function colourAt(x: number, y: number, { rounded, scale }: { rounded: boolean; scale: number }): Rgb | null {
  if (!insideRoundedTile(x, y, rounded ? 16 : 0)) return null;
  const mx = 32 + (x - 32) / scale;
  const my = 32 + (y - 32) / scale;
  if ((mx - 50) ** 2 + (my - 34) ** 2 <= 25) return VIOLET;
  if (nearLine(mx, my, 3)) return MINT;
  return NAVY;
}

function render(size: number, options: { rounded: boolean; scale: number }): Buffer {
  const rows: Buffer[] = [];
  const samples = 4;
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = ((px + (sx + 0.5) / samples) / size) * 64;
          const y = ((py + (sy + 0.5) / samples) / size) * 64;
          const colour = colourAt(x, y, options);
          if (!colour) continue;
          colour.forEach((value, i) => (sum[i] = (sum[i] ?? 0) + value));
          sum[3] = (sum[3] ?? 0) + 255;
        }
      }
      const covered = (sum[3] ?? 0) / 255;
      for (let i = 0; i < 3; i++) row[1 + px * 4 + i] = covered ? Math.round((sum[i] ?? 0) / covered) : 0;
      row[1 + px * 4 + 3] = Math.round((sum[3] ?? 0) / samples ** 2);
    }
    rows.push(row);
  }
  return encodePng(size, Buffer.concat(rows), 6, 9);
}

const out = path.resolve('apps/web/public/icons');
// "any": the favicon's rounded tile. Maskable: full bleed, the mark within the 80% safe circle. Apple: full
// bleed too (iOS rounds the corners itself and shows transparency as black).
const icons: [string, number, { rounded: boolean; scale: number }][] = [
  ['icon-192.png', 192, { rounded: true, scale: 1 }],
  ['icon-512.png', 512, { rounded: true, scale: 1 }],
  ['icon-maskable-192.png', 192, { rounded: false, scale: 0.72 }],
  ['icon-maskable-512.png', 512, { rounded: false, scale: 0.72 }],
  ['apple-touch-icon.png', 180, { rounded: false, scale: 0.85 }],
];
for (const [name, size, options] of icons) writeFileSync(path.join(out, name), render(size, options));
console.log(`wrote ${icons.length} icons to ${out}`);
