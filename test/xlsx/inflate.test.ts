import * as fc from 'fast-check';
import * as zlib from 'zlib';
import { nativeInflateRaw } from '../../src/hosts/node/native-inflate';
import { InflateError, inflateRaw as jsInflateRaw } from '../../src/hosts/xlsx/inflate';

const STRATEGIES = [zlib.constants.Z_DEFAULT_STRATEGY, zlib.constants.Z_FIXED, zlib.constants.Z_HUFFMAN_ONLY, zlib.constants.Z_RLE];

/** Bytes from a small alphabet with runs and repeats, as XML parts are: compressible, with long and short codes. */
const bytes = fc
  .tuple(fc.integer({ min: 1, max: 256 }), fc.array(fc.tuple(fc.nat(255), fc.nat(300), fc.nat(40)), { maxLength: 400 }))
  .map(([alphabet, runs]) => {
    const out: number[] = [];
    for (const [b, length, back] of runs) {
      if (back && out.length > back) for (let i = 0; i < length; i++) out.push(out[out.length - back] as number);
      else out.push(b % alphabet);
    }
    return Uint8Array.from(out);
  });

function kindOf(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    return err instanceof InflateError ? err.kind : `other: ${String(err)}`;
  }
  return 'ok';
}

// The pane's JavaScript inflate and the command line's zlib one keep one contract.
describe.each([
  ['inflateRaw (JavaScript, the pane)', jsInflateRaw],
  ['nativeInflateRaw (zlib, the command line)', nativeInflateRaw],
])('%s', (_name, inflateRaw) => {
  it('unpacks what zlib packs, at every level and strategy, and nothing but the declared size', () => {
    fc.assert(
      fc.property(bytes, fc.constantFrom(0, 1, 6, 9), fc.constantFrom(...STRATEGIES), (data, level, strategy) => {
        const packed = zlib.deflateRawSync(data, { level, strategy });
        expect(Buffer.from(inflateRaw(packed, data.length)).equals(Buffer.from(data))).toBe(true);
        if (data.length > 0) expect(kindOf(() => inflateRaw(packed, data.length - 1))).toBe('longer');
        expect(kindOf(() => inflateRaw(packed, data.length + 1))).toBe('damaged');
      }),
      { numRuns: 300 },
    );
  });

  it('unpacks a large part with long codes and stored blocks', () => {
    const text = Buffer.from(
      Array.from({ length: 40_000 }, (_, i) => `<row r="${i}"><c r="A${i}" t="s"><v>${(i * 7919) % 1000}</v></c></row>`).join(''),
    );
    const random = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 2654435761) >>> 24));
    for (const data of [text, random, Buffer.concat([text, random, text])]) {
      expect(Buffer.from(inflateRaw(zlib.deflateRawSync(data), data.length)).equals(data)).toBe(true);
    }
  });

  it('says damaged, never anything else, for truncated and altered streams', () => {
    const data = Buffer.from('<c r="A1" t="s"><v>12</v></c>'.repeat(500));
    const packed = zlib.deflateRawSync(data);
    fc.assert(
      fc.property(fc.nat(packed.length - 1), fc.nat(7), fc.boolean(), (at, bit, cut) => {
        const broken = Uint8Array.from(cut ? packed.subarray(0, at) : packed);
        if (!cut) broken[at] = (broken[at] as number) ^ (1 << bit);
        expect(['ok', 'damaged', 'longer']).toContain(kindOf(() => inflateRaw(broken, data.length)));
        if (cut) expect(kindOf(() => inflateRaw(broken, data.length))).not.toBe('ok');
      }),
      { numRuns: 500 },
    );
  });
});
