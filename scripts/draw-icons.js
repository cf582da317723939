#!/usr/bin/env node
'use strict';
/** Draws the add-in icon (a red card with a white form grid) as PNGs in assets/. Run: node scripts/draw-icons.js */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80, 128];
const RED = [200, 16, 46, 255];
const WHITE = [255, 255, 255, 255];
const CLEAR = [0, 0, 0, 0];

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size, pixel) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) Buffer.from(pixel(x, y)).copy(row, 1 + x * 4);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function icon(size) {
  const r = Math.max(2, Math.round(size * 0.18));
  const inset = Math.round(size * 0.2);
  const line = Math.max(1, Math.round(size / 24));
  const inCorner = (x, y) => {
    const cx = x < r ? r : x >= size - r ? size - r - 1 : x;
    const cy = y < r ? r : y >= size - r ? size - r - 1 : y;
    return (x - cx) ** 2 + (y - cy) ** 2 > r * r;
  };
  const lo = inset;
  const hi = size - inset - 1;
  const rowsAt = [0, 1, 2, 3].map((i) => Math.round(lo + ((hi - lo) * i) / 3));
  const colAt = Math.round(lo + (hi - lo) * 0.38);
  return (x, y) => {
    if (inCorner(x, y)) return CLEAR;
    const inside = x >= lo && x <= hi && y >= lo && y <= hi;
    const onFrame = inside && (x < lo + line || x > hi - line || rowsAt.some((ry) => y >= ry && y < ry + line) || (x >= colAt && x < colAt + line));
    return onFrame ? WHITE : RED;
  };
}

const out = path.join(__dirname, '..', 'assets');
fs.mkdirSync(out, { recursive: true });
for (const size of SIZES) fs.writeFileSync(path.join(out, `icon-${size}.png`), png(size, icon(size)));
console.log(`icons written to ${out}: ${SIZES.join(', ')}`);
