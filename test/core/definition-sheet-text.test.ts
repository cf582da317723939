import { MAX_ENVELOPE_CHARS } from '../../src/core/definition-envelope';
import { envelopeFromRow, envelopePieces } from '../../src/core/definition-sheet-text';

describe('the envelope cut into cells and joined again', () => {
  it('starts no piece with a character Excel retypes (= + - @) or drops (a leading apostrophe)', () => {
    for (const lead of ['=', '+', '-', '@', "'"]) {
      const json = `{"a":"${'x'.repeat(29_994)}${lead}${lead}${lead}${'y'.repeat(100)}"}`;
      const pieces = envelopePieces(json);
      expect(pieces.length).toBe(2);
      expect(pieces.join('')).toBe(json);
      for (const piece of pieces) expect(piece).not.toMatch(/^[=+\-@']/);
    }
  });

  it('joins the strings of a row in order, skipping numbers, booleans and blanks; no text is no envelope', () => {
    expect(envelopeFromRow(['{"a":', 1, null, true, '"b"}', undefined])).toBe('{"a":"b"}');
    expect(envelopeFromRow(['', '  ', 5])).toBeUndefined();
  });

  it('stops joining once the text is longer than an envelope may be', () => {
    const big = 'x'.repeat(MAX_ENVELOPE_CHARS);
    expect(envelopeFromRow([big, 'y', 'z'.repeat(10)])).toBe(`${big}y`);
  });
});
