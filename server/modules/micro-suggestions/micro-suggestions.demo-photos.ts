import { deflateSync } from 'node:zlib';

/** CRC-32 of PNG chunks (the IEEE polynomial), computed once into a table. */
const crcTable = Array.from({ length: 256 }, (_, index) => {
  let value = index;
  for (let bit = 0; bit < 8; bit += 1) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
  return value >>> 0;
});

function crc32(buffer: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
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

/** An RGB colour. */
export type Colour = readonly [number, number, number];

/**
 * A small generated PNG for demo data and tests: a sky colour above a ground colour, with a darker band (a road, a
 * wall) — enough to tell a "before" from an "after" photo on a screen. Valid PNG bytes (8-bit RGB, no interlace).
 */
export function demoPng(sky: Colour, ground: Colour, band: Colour, width = 96, height = 64): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type RGB
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    const colour = y < height * 0.45 ? sky : y < height * 0.6 ? band : ground;
    for (let x = 0; x < width; x += 1) raw.set(colour, row + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A grey, broken-looking "before" photo. */
export const beforePng = () => demoPng([150, 150, 160], [90, 80, 70], [40, 40, 40]);
/** A bright, tidy "after" photo. */
export const afterPng = () => demoPng([120, 180, 240], [90, 170, 90], [200, 200, 200]);
