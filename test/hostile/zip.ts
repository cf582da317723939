/**
 * A zip written byte by byte, for packages no library would write: entries whose stated sizes lie, a deflate
 * stream that inflates to gigabytes, a package cut short. Readers are never given a library's own idea of a zip.
 */
import { deflateSync } from 'fflate';
import * as zlib from 'zlib';

export interface RawEntry {
  name: string;
  /** The bytes as stored in the zip (deflated unless `method` is 0). */
  compressed: Uint8Array;
  /** 8 = deflate, 0 = stored. */
  method: 0 | 8;
  crc: number;
  /** The size the entry inflates to. */
  size: number;
  /** The uncompressed size written in the headers, when it should lie about `size`. */
  statedSize?: number;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

export function crc32(data: Uint8Array, previous = 0): number {
  return zlib.crc32(data, previous) >>> 0;
}

/** An entry deflated with fflate. */
export function deflated(name: string, data: Uint8Array | string): RawEntry {
  const bytes = typeof data === 'string' ? utf8(data) : data;
  return { name, compressed: deflateSync(bytes, { level: 6 }), method: 8, crc: crc32(bytes), size: bytes.length };
}

export function stored(name: string, data: Uint8Array | string): RawEntry {
  const bytes = typeof data === 'string' ? utf8(data) : data;
  return { name, compressed: bytes, method: 0, crc: crc32(bytes), size: bytes.length };
}

// CRC-32 of a concatenation from the parts' CRCs (zlib's crc32_combine, by GF(2) matrices).
function gf2Times(mat: number[], vec: number): number {
  let sum = 0;
  for (let i = 0; vec !== 0; i++, vec >>>= 1) if (vec & 1) sum ^= mat[i] as number;
  return sum >>> 0;
}
function gf2Square(mat: number[]): number[] {
  return mat.map((row) => gf2Times(mat, row));
}
export function crc32Combine(crc1: number, crc2: number, len2: number): number {
  if (len2 <= 0) return crc1;
  let odd = [0xedb88320, ...Array.from({ length: 31 }, (_, i) => 1 << i)];
  let even = gf2Square(odd);
  odd = gf2Square(even);
  let crc = crc1 >>> 0;
  let len = len2;
  do {
    even = gf2Square(odd);
    if (len & 1) crc = gf2Times(even, crc);
    len = Math.floor(len / 2);
    if (len === 0) break;
    odd = gf2Square(even);
    if (len & 1) crc = gf2Times(odd, crc);
    len = Math.floor(len / 2);
  } while (len !== 0);
  return (crc ^ crc2) >>> 0;
}

/**
 * A deflated entry of `prefix`, then `repeat` MiB of one byte, then `suffix`, built without ever holding the
 * inflated bytes: one MiB of the byte deflated once (ending on a byte boundary, not final) is repeated.
 */
export function bombEntry(name: string, prefix: string, fill: number, repeat: number, suffix: string, statedSize?: number): RawEntry {
  const MIB = 1 << 20;
  const block = new Uint8Array(MIB).fill(fill);
  const head = utf8(prefix);
  const tail = utf8(suffix);
  const sync = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  const parts: Uint8Array[] = [zlib.deflateRawSync(head, sync)];
  const chunk = zlib.deflateRawSync(block, { ...sync, level: 9 });
  for (let i = 0; i < repeat; i++) parts.push(chunk);
  parts.push(zlib.deflateRawSync(tail));
  // CRC of `repeat` blocks by doubling.
  let blocksCrc = 0;
  let blocksLen = 0;
  let powerCrc = crc32(block);
  let powerLen = MIB;
  for (let n = repeat; n > 0; n = Math.floor(n / 2)) {
    if (n & 1) {
      blocksCrc = crc32Combine(blocksCrc, powerCrc, powerLen);
      blocksLen += powerLen;
    }
    powerCrc = crc32Combine(powerCrc, powerCrc, powerLen);
    powerLen *= 2;
  }
  const crc = crc32Combine(crc32Combine(crc32(head), blocksCrc, blocksLen), crc32(tail), tail.length);
  const compressed = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    compressed.set(p, at);
    at += p.length;
  }
  const size = head.length + blocksLen + tail.length;
  return { name, compressed, method: 8, crc, size, ...(statedSize === undefined ? {} : { statedSize }) };
}

/** The zip of the entries: local headers, data, central directory, end record (no zip64: sizes under 4 GiB). */
export function writeZip(entries: readonly RawEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = utf8(e.name);
    const size = e.statedSize ?? e.size;
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, 0x0800, true); // UTF-8 names
    local.setUint16(8, e.method, true);
    local.setUint32(14, e.crc, true);
    local.setUint32(18, e.compressed.length, true);
    local.setUint32(22, size >>> 0, true);
    local.setUint16(26, name.length, true);
    chunks.push(new Uint8Array(local.buffer), name, e.compressed);
    const dir = new DataView(new ArrayBuffer(46));
    dir.setUint32(0, 0x02014b50, true);
    dir.setUint16(4, 20, true);
    dir.setUint16(6, 20, true);
    dir.setUint16(8, 0x0800, true);
    dir.setUint16(10, e.method, true);
    dir.setUint32(16, e.crc, true);
    dir.setUint32(20, e.compressed.length, true);
    dir.setUint32(24, size >>> 0, true);
    dir.setUint16(28, name.length, true);
    dir.setUint32(42, offset, true);
    central.push(new Uint8Array(dir.buffer), name);
    offset += 30 + name.length + e.compressed.length;
  }
  const dirSize = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, dirSize, true);
  end.setUint32(16, offset, true);
  const all = [...chunks, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
