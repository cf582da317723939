/**
 * Characters of the symbol fonts clerks use for tick boxes, as Unicode. A w:sym's char is the font's code, stored
 * either as it is or shifted into the private-use area by adding F000 (ECMA-376 Part 1, §17.3.3.30 sym).
 */
const BY_FONT: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  wingdings: {
    0x6f: '□',
    0x70: '□',
    0x71: '□',
    0x72: '□',
    0xa8: '□',
    0x6e: '■',
    0xfe: '☑',
    0xfd: '☒',
    0x78: '☒',
    0xfc: '✓',
    0xa1: '○',
    0x9f: '●',
  },
  'wingdings 2': { 0xa3: '□', 0x2a: '□', 0x52: '☑', 0x53: '☒', 0x54: '☒', 0x50: '✓', 0x99: '○' },
  symbol: { 0xa0: '□', 0xd6: '√', 0xb7: '•' },
};

/** The Unicode character a w:sym stands for; undefined for a symbol not known (the caller says so). */
export function symbolChar(font: string | undefined, char: string | undefined): string | undefined {
  if (!char || !/^[0-9a-f]{1,4}$/i.test(char)) return undefined;
  const raw = parseInt(char, 16);
  const code = raw >= 0xf000 ? raw - 0xf000 : raw;
  const table = BY_FONT[(font ?? '').trim().toLowerCase()];
  if (table) return table[code];
  // A Unicode font: the code is the character itself.
  return raw >= 0xf000 ? undefined : String.fromCodePoint(raw);
}
