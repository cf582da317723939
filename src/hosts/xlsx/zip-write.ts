/** One part of a zip, its data as stored (deflated when method is 8). */
export interface ZipPart {
  nameBytes: Uint8Array;
  method: 0 | 8;
  crc: number;
  unpacked: number;
  data: Uint8Array;
  /** Only the UTF-8 name bit is kept. */
  flags?: number;
  time?: number;
  date?: number;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const EOCD = 0x06054b50;
const FLAG_UTF8 = 0x0800;

let crcTable: Uint32Array | undefined;

export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  const table = crcTable;
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = (table[(crc ^ (data[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A zip of the given parts, in their order, with no extra fields, comments or data descriptors. */
export function writeZip(parts: readonly ZipPart[]): Uint8Array {
  const localSize = parts.reduce((n, p) => n + 30 + p.nameBytes.length + p.data.length, 0);
  const directorySize = parts.reduce((n, p) => n + 46 + p.nameBytes.length, 0);
  const out = new Uint8Array(localSize + directorySize + 22);
  const view = new DataView(out.buffer);
  const common = (p: ZipPart, at: number) => {
    view.setUint16(at, 20, true);
    view.setUint16(at + 2, (p.flags ?? 0) & FLAG_UTF8, true);
    view.setUint16(at + 4, p.method, true);
    view.setUint16(at + 6, p.time ?? 0, true);
    view.setUint16(at + 8, p.date ?? 0x21, true);
    view.setUint32(at + 10, p.crc, true);
    view.setUint32(at + 14, p.data.length, true);
    view.setUint32(at + 18, p.unpacked, true);
    view.setUint16(at + 22, p.nameBytes.length, true);
  };
  let at = 0;
  const offsets = parts.map((p) => {
    const offset = at;
    view.setUint32(at, LOCAL, true);
    common(p, at + 4);
    out.set(p.nameBytes, at + 30);
    out.set(p.data, at + 30 + p.nameBytes.length);
    at += 30 + p.nameBytes.length + p.data.length;
    return offset;
  });
  const directoryStart = at;
  parts.forEach((p, i) => {
    view.setUint32(at, CENTRAL, true);
    view.setUint16(at + 4, 20, true);
    common(p, at + 6);
    view.setUint32(at + 42, offsets[i] as number, true);
    out.set(p.nameBytes, at + 46);
    at += 46 + p.nameBytes.length;
  });
  view.setUint32(at, EOCD, true);
  view.setUint16(at + 8, parts.length, true);
  view.setUint16(at + 10, parts.length, true);
  view.setUint32(at + 12, at - directoryStart, true);
  view.setUint32(at + 16, directoryStart, true);
  return out;
}

interface ByteStream {
  writable: { getWriter(): { write(chunk: Uint8Array): Promise<void>; close(): Promise<void> } };
  readable: { getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }> } };
}
type CompressionStreamClass = new (format: 'deflate-raw') => ByteStream;

async function deflateRaw(Compression: CompressionStreamClass, data: Uint8Array): Promise<Uint8Array> {
  const stream = new Compression('deflate-raw');
  const writer = stream.writable.getWriter();
  const written = writer.write(data).then(() => writer.close());
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (value) chunks.push(value);
  }
  await written;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  chunks.reduce((offset, c) => (out.set(c, offset), offset + c.length), 0);
  return out;
}

function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/**
 * Files zipped with the platform's own deflate (CompressionStream, in browsers and Node.js alike); where a platform
 * has none, stored uncompressed, which every reader accepts too.
 */
export async function zipFiles(files: readonly { name: string; data: Uint8Array }[], modified = new Date()): Promise<Uint8Array> {
  const Compression = (globalThis as { CompressionStream?: CompressionStreamClass }).CompressionStream;
  const encoder = new TextEncoder();
  const stamp = dosTime(modified);
  const parts = await Promise.all(
    files.map(async ({ name, data }): Promise<ZipPart> => {
      const deflated = Compression ? await deflateRaw(Compression, data) : undefined;
      const packed = deflated && deflated.length < data.length ? deflated : undefined;
      return {
        nameBytes: encoder.encode(name),
        method: packed ? 8 : 0,
        crc: crc32(data),
        unpacked: data.length,
        data: packed ?? data,
        flags: FLAG_UTF8,
        ...stamp,
      };
    }),
  );
  return writeZip(parts);
}
