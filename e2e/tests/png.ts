import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A PNG of `size`×`size` pixels from its rows (each a filter byte, then the pixels): colour type 2 (RGB) or 6
 * (RGBA), 8 bits a channel. Shared with scripts/make-icons.ts, which draws the app icons.
 */
export function encodePng(size: number, rows: Buffer, colourType: 2 | 6, level?: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(colourType, 9);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, level === undefined ? {} : { level })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A real PNG made in memory: a square with a diagonal two-colour split (so a crop or a resize shows),
 * small enough to upload in a blink. Colours are [r, g, b].
 */
export function makePng(size = 64, from: number[] = [0, 200, 150], to: number[] = [20, 40, 90]): Buffer {
  const rows: number[] = [];
  for (let y = 0; y < size; y++) {
    rows.push(0); // filter: none
    for (let x = 0; x < size; x++) rows.push(...(x + y < size ? from : to));
  }
  return encodePng(size, Buffer.from(rows), 2);
}

/** A fully transparent PNG (RGBA), e.g. a map tile that lets the map's own background show through. */
export function transparentPng(size = 256): Buffer {
  // Each row: filter byte 0, then size × 4 zero bytes.
  return encodePng(size, Buffer.alloc(size * (1 + size * 4)), 6);
}
