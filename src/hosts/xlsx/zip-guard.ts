import { UserError } from '../../core/errors';
import { PASSWORD_PROTECTED } from './read-verdicts';
import { InflateError, inflateRaw } from './inflate';
import { writeZip, type ZipPart } from './zip-write';
import { withOnlyMergesAfterCells } from './sheet-tail';

/** Sum of the sizes a workbook's zip declares for its parts once unpacked. */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
/** Parts in one zip: a workbook has tens, one with many sheets and pictures a few hundred. */
export const MAX_ZIP_ENTRIES = 10_000;
/**
 * Unpacked size over packed size of one part. Deflate reaches about 1032:1 on repeated bytes; sheets measured here
 * (100,000 rows from SheetJS and ExcelJS, styled empty cells included) stay under 20:1.
 */
export const MAX_ENTRY_RATIO = 200;
/** Parts smaller than this are not held to MAX_ENTRY_RATIO: they cannot hurt whatever their ratio. */
export const RATIO_CHECKED_FROM_BYTES = 1024 * 1024;

/** Parts SheetJS does not need for cell values (it reads each of them only if present): never unpacked. */
const NOT_READ =
  /^(docProps|customXml|xl\/(theme|media|drawings|charts|printerSettings|embeddings|diagrams|activeX|ctrlProps))\/|^xl\/(vbaProject\.bin|calcChain\.xml)$/i;
/** Worksheet parts, whose XML after the cells SheetJS is given only the merges of (sheet-tail.ts). */
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
const MB = 1024 * 1024;
const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const FLAG_ENCRYPTED = 0x0001 | 0x0040;

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  time: number;
  date: number;
  crc: number;
  packed: number;
  unpacked: number;
  nameBytes: Uint8Array;
  dataStart: number;
}

const damaged = (why: string) => new UserError('unreadable', `文件已损坏，无法读取（${why}）。`);
const hostile = (why: string) => new UserError('unreadable', `${why}，可能是恶意文件，未读取。`);

class Bytes {
  constructor(readonly data: Uint8Array) {}
  private need(at: number, n: number): void {
    if (at < 0 || at + n > this.data.length) throw damaged('文件结构不完整');
  }
  u16(at: number): number {
    this.need(at, 2);
    return (this.data[at] as number) | ((this.data[at + 1] as number) << 8);
  }
  u32(at: number): number {
    this.need(at, 4);
    return this.u16(at) + this.u16(at + 2) * 0x10000;
  }
  u64(at: number): number {
    return this.u32(at) + this.u32(at + 4) * 0x100000000;
  }
}

function findEndOfDirectory(b: Bytes): number {
  const last = b.data.length - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (b.data[at] === 0x50 && b.data[at + 1] === 0x4b && b.u32(at) === EOCD) return at;
  }
  throw new UserError('unreadable', '文件不完整（压缩包的目录缺失），可能没有下载或复制完整，请重新获取文件后再试。');
}

function zip64Sizes(b: Bytes, extra: number, extraEnd: number, entry: { unpacked: number; packed: number; offset: number }): void {
  for (let at = extra; at + 4 <= extraEnd;) {
    const id = b.u16(at);
    const size = b.u16(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const take = (): number => {
        if (field + 8 > at + 4 + size) throw damaged('ZIP64 信息不完整');
        const v = b.u64(field);
        field += 8;
        return v;
      };
      if (entry.unpacked === 0xffffffff) entry.unpacked = take();
      if (entry.packed === 0xffffffff) entry.packed = take();
      if (entry.offset === 0xffffffff) entry.offset = take();
      return;
    }
    at += 4 + size;
  }
}

/** Unpacks a part to exactly its declared size; a host with a native inflate of the same contract installs it. */
let inflater: (packed: Uint8Array, size: number) => Uint8Array = inflateRaw;

/** Replaces the JavaScript inflate (kept for the pane's worker) by one with the same contract (the command line: zlib). */
export function useInflater(inflate: (packed: Uint8Array, size: number) => Uint8Array): void {
  inflater = inflate;
}

function unpack(packed: Uint8Array, size: number): Uint8Array {
  try {
    return inflater(packed, size);
  } catch (err) {
    if (err instanceof InflateError && err.kind === 'longer') throw hostile('文件中的部件解压后比它声明的大小更大');
    throw damaged(err instanceof Error ? err.message : String(err));
  }
}

const ascii = (bytes: Uint8Array): string => String.fromCharCode(...bytes);

/**
 * Checks a zip (an .xlsx/.xlsm) from its central directory before anything is unpacked — total and per-part sizes,
 * part count, overlapping parts, encryption —, then unpacks every part with a deflate that stops at the size the
 * directory declared, and returns the parts again in a zip that is only stored (not compressed) for SheetJS to parse.
 * SheetJS's own unpacking would trust a part's local header (growing its buffer without limit when that says 0), and
 * would decode a lying stream to its very end; here no part can take more memory or time than its declared size.
 */
export function checkedZip(data: Uint8Array): { zip: Uint8Array; entries: ZipEntry[] } {
  const b = new Bytes(data);
  const end = findEndOfDirectory(b);
  if (b.u16(end + 4) !== 0 || b.u16(end + 6) !== 0) throw damaged('分卷压缩包');
  let count = b.u16(end + 10);
  let directorySize = b.u32(end + 12);
  let directoryStart = b.u32(end + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryStart === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || b.u32(locator) !== ZIP64_LOCATOR) throw damaged('ZIP64 目录缺失');
    const record = b.u64(locator + 8);
    if (b.u32(record) !== ZIP64_EOCD) throw damaged('ZIP64 目录缺失');
    count = b.u64(record + 32);
    directorySize = b.u64(record + 40);
    directoryStart = b.u64(record + 48);
  }
  if (count > MAX_ZIP_ENTRIES) throw hostile(`文件中的部件过多（${count} 个，上限 ${MAX_ZIP_ENTRIES}）`);
  if (directoryStart + directorySize > end) throw damaged('压缩包目录位置不对');

  const entries: (ZipEntry & { offset: number; dataEnd: number })[] = [];
  let total = 0;
  for (let i = 0, at = directoryStart; i < count; i++) {
    if (b.u32(at) !== CENTRAL) throw damaged('压缩包目录不完整');
    const flags = b.u16(at + 8);
    const method = b.u16(at + 10);
    const nameLength = b.u16(at + 28);
    const extraLength = b.u16(at + 30);
    const sizes = { packed: b.u32(at + 20), unpacked: b.u32(at + 24), offset: b.u32(at + 42) };
    zip64Sizes(b, at + 46 + nameLength, at + 46 + nameLength + extraLength, sizes);
    const nameBytes = data.subarray(at + 46, at + 46 + nameLength);
    if (flags & FLAG_ENCRYPTED) throw new UserError('unreadable', PASSWORD_PROTECTED);
    if (method !== 0 && method !== 8) throw damaged(`不支持的压缩方式 ${method}`);
    if (method === 0 && sizes.packed !== sizes.unpacked) throw damaged('部件大小不一致');
    if (sizes.unpacked >= RATIO_CHECKED_FROM_BYTES && sizes.unpacked > sizes.packed * MAX_ENTRY_RATIO)
      throw hostile(`文件中的部件压缩比异常（${Math.round(sizes.unpacked / Math.max(1, sizes.packed))} 倍）`);
    total += sizes.unpacked;
    if (b.u32(sizes.offset) !== LOCAL) throw damaged('压缩包部件位置不对');
    const dataStart = sizes.offset + 30 + b.u16(sizes.offset + 26) + b.u16(sizes.offset + 28);
    const dataEnd = dataStart + sizes.packed;
    if (dataEnd > directoryStart) throw damaged('压缩包部件超出范围');
    entries.push({
      name: ascii(nameBytes),
      method,
      flags,
      time: b.u16(at + 12),
      date: b.u16(at + 14),
      crc: b.u32(at + 16),
      packed: sizes.packed,
      unpacked: sizes.unpacked,
      nameBytes,
      dataStart,
      offset: sizes.offset,
      dataEnd,
    });
    at += 46 + nameLength + extraLength + b.u16(at + 32);
  }
  if (total > MAX_UNZIPPED_BYTES) throw hostile(`文件解压后有 ${Math.ceil(total / MB)} MB，超过 ${MAX_UNZIPPED_BYTES / MB} MB 的上限`);
  let previousEnd = 0;
  for (const e of [...entries].sort((x, y) => x.offset - y.offset)) {
    if (e.offset < previousEnd) throw hostile('文件结构异常（压缩包中的部件相互重叠）');
    previousEnd = e.dataEnd;
  }
  const parts = entries
    .filter((e) => !NOT_READ.test(e.name))
    .map((e): ZipPart => {
      const packed = data.subarray(e.dataStart, e.dataStart + e.packed);
      const unpacked = e.method === 8 ? unpack(packed, e.unpacked) : packed;
      if (!WORKSHEET.test(e.name)) return { ...e, method: 0, data: unpacked };
      const cut = withOnlyMergesAfterCells(unpacked);
      // SheetJS does not check a part's CRC-32 (parse_local_file in xlsx.js has the check commented out).
      return { ...e, method: 0, data: cut, unpacked: cut.length };
    });
  return { zip: writeZip(parts), entries };
}
