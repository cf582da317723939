/** Why a deflate stream could not be unpacked to the size its zip declared. */
export class InflateError extends Error {
  constructor(
    readonly kind: 'damaged' | 'longer',
    message: string,
  ) {
    super(message);
  }
}

const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DISTANCE_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385,
  24577,
];
const DISTANCE_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** Codes up to FAST_BITS long are looked up in one step; longer (rarer) ones are decoded bit by bit. */
const FAST_BITS = 9;

/**
 * A canonical Huffman code: `fast`, indexed by the next FAST_BITS input bits, holds symbol << 4 | code length for
 * the short codes (0 otherwise); `perLength` and `symbols` (ordered by code) decode any code.
 */
/** Each FAST_BITS-bit number with its bits in reverse order. */
const REVERSED = Uint16Array.from({ length: 1 << FAST_BITS }, (_, n) => {
  let r = 0;
  for (let i = 0; i < FAST_BITS; i++) r |= ((n >>> i) & 1) << (FAST_BITS - 1 - i);
  return r;
});

interface Huffman {
  fast: Uint16Array;
  perLength: Uint16Array;
  symbols: Uint16Array;
}

const damaged = (why: string) => new InflateError('damaged', why);

function huffman(lengths: ArrayLike<number>, count: number): Huffman {
  const perLength = new Uint16Array(16);
  for (let s = 0; s < count; s++) {
    const l = lengths[s] as number;
    perLength[l] = (perLength[l] as number) + 1;
  }
  perLength[0] = 0;
  const offsets = new Uint16Array(16);
  const next = new Uint16Array(16);
  let left = 1;
  for (let l = 1, code = 0; l < 16; l++) {
    left = (left << 1) - (perLength[l] as number);
    if (left < 0) throw damaged('Huffman 编码过满');
    offsets[l] = (offsets[l - 1] as number) + (perLength[l - 1] as number);
    code = (code + (perLength[l - 1] as number)) << 1;
    next[l] = code;
  }
  const symbols = new Uint16Array(count);
  const fast = new Uint16Array(1 << FAST_BITS);
  for (let s = 0; s < count; s++) {
    const l = lengths[s] as number;
    if (!l) continue;
    const slot = offsets[l] as number;
    offsets[l] = slot + 1;
    symbols[slot] = s;
    const code = next[l] as number;
    next[l] = code + 1;
    if (l > FAST_BITS) continue;
    for (let i = (REVERSED[code] as number) >>> (FAST_BITS - l); i < fast.length; i += 1 << l) fast[i] = (s << 4) | l;
  }
  return { fast, perLength, symbols };
}

let fixed: { literals: Huffman; distances: Huffman } | undefined;

function fixedTables(): { literals: Huffman; distances: Huffman } {
  if (!fixed) {
    const lengths = new Uint8Array(288);
    lengths.fill(8, 0, 144).fill(9, 144, 256).fill(7, 256, 280).fill(8, 280, 288);
    fixed = { literals: huffman(lengths, 288), distances: huffman(new Uint8Array(30).fill(5), 30) };
  }
  return fixed;
}

/** The input's bits, least significant first; reading past the end gives zeros, and `consumed` tells. */
class BitReader {
  at = 0;
  private buffer = 0;
  private count = 0;
  constructor(readonly input: Uint8Array) {}

  private fill(n: number): void {
    while (this.count < n) {
      this.buffer |= (this.at < this.input.length ? (this.input[this.at] as number) : 0) << this.count;
      this.at++;
      this.count += 8;
    }
  }

  take(n: number): number {
    this.fill(n);
    const v = this.buffer & ((1 << n) - 1);
    this.buffer >>>= n;
    this.count -= n;
    return v;
  }

  decode(h: Huffman): number {
    this.fill(15);
    const entry = h.fast[this.buffer & ((1 << FAST_BITS) - 1)] as number;
    let l = entry & 15;
    if (l) {
      this.buffer >>>= l;
      this.count -= l;
      return entry >>> 4;
    }
    for (let code = 0, first = 0, index = 0; ++l < 16;) {
      code |= (this.buffer >>> (l - 1)) & 1;
      const n = h.perLength[l] as number;
      if (code - first < n) {
        this.buffer >>>= l;
        this.count -= l;
        return h.symbols[index + code - first] as number;
      }
      index += n;
      first = (first + n) << 1;
      code <<= 1;
    }
    throw damaged('无效的 Huffman 编码');
  }

  /** Drops the bits left of the current byte; the next read starts at `at`. */
  toByteBoundary(): void {
    this.at -= this.count >> 3;
    this.buffer = 0;
    this.count = 0;
  }

  /** Whole bytes read, phantom ones past the end included. */
  get consumed(): number {
    return this.at - (this.count >> 3);
  }
}

/**
 * Unpacks a raw deflate stream (RFC 1951) into exactly `size` bytes. Throws `longer` as soon as the stream would give
 * more than that — so a part can never unpack to more than its zip declared —, and `damaged` for a malformed,
 * truncated or shorter stream.
 */
export function inflateRaw(input: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size);
  const bits = new BitReader(input);
  let written = 0;

  for (let last = 0; !last;) {
    last = bits.take(1);
    const type = bits.take(2);
    if (type === 0) {
      bits.toByteBoundary();
      const at = bits.at;
      if (at + 4 > input.length) throw damaged('数据不完整');
      const length = (input[at] as number) | ((input[at + 1] as number) << 8);
      const check = (input[at + 2] as number) | ((input[at + 3] as number) << 8);
      if ((length ^ 0xffff) !== check) throw damaged('存储块长度不符');
      if (at + 4 + length > input.length) throw damaged('数据不完整');
      if (written + length > size) throw new InflateError('longer', '解压后超过声明的大小');
      out.set(input.subarray(at + 4, at + 4 + length), written);
      written += length;
      bits.at = at + 4 + length;
      continue;
    }
    let literals: Huffman;
    let distances: Huffman;
    if (type === 1) ({ literals, distances } = fixedTables());
    else if (type === 2) {
      const literalCount = bits.take(5) + 257;
      const distanceCount = bits.take(5) + 1;
      const codeLengthCount = bits.take(4) + 4;
      if (literalCount > 286 || distanceCount > 30) throw damaged('编码表过长');
      const codeLengths = new Uint8Array(19);
      for (let i = 0; i < codeLengthCount; i++) codeLengths[CODE_LENGTH_ORDER[i] as number] = bits.take(3);
      const lengthCode = huffman(codeLengths, 19);
      const lengths = new Uint8Array(literalCount + distanceCount);
      for (let i = 0; i < lengths.length;) {
        const symbol = bits.decode(lengthCode);
        if (symbol < 16) lengths[i++] = symbol;
        else {
          let repeat: number;
          let value = 0;
          if (symbol === 16) {
            if (i === 0) throw damaged('编码长度无前值');
            value = lengths[i - 1] as number;
            repeat = 3 + bits.take(2);
          } else repeat = symbol === 17 ? 3 + bits.take(3) : 11 + bits.take(7);
          if (i + repeat > lengths.length) throw damaged('编码长度溢出');
          lengths.fill(value, i, i + repeat);
          i += repeat;
        }
      }
      if (!lengths[256]) throw damaged('缺少块结束码');
      literals = huffman(lengths.subarray(0, literalCount), literalCount);
      distances = huffman(lengths.subarray(literalCount), distanceCount);
    } else throw damaged('无效的块类型');

    for (;;) {
      const symbol = bits.decode(literals);
      if (symbol < 256) {
        if (written >= size) throw new InflateError('longer', '解压后超过声明的大小');
        out[written++] = symbol;
      } else if (symbol === 256) break;
      else {
        const li = symbol - 257;
        if (li >= 29) throw damaged('无效的长度码');
        const length = (LENGTH_BASE[li] as number) + bits.take(LENGTH_EXTRA[li] as number);
        const di = bits.decode(distances);
        if (di >= 30) throw damaged('无效的距离码');
        const distance = (DISTANCE_BASE[di] as number) + bits.take(DISTANCE_EXTRA[di] as number);
        if (distance > written) throw damaged('距离超出已解压的数据');
        if (written + length > size) throw new InflateError('longer', '解压后超过声明的大小');
        for (let from = written - distance, stop = written + length; written < stop;) out[written++] = out[from++] as number;
      }
    }
  }
  if (bits.consumed > input.length) throw damaged('数据不完整');
  if (written !== size) throw damaged('解压后小于声明的大小');
  return out;
}
