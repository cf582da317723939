import { textWidth } from '../../src/core/merge/summary-plan';

/** Column widths count a Chinese (full-width) character as two, as Excel's column width in characters does. */
it.each<[string, number]>([
  ['abc 12', 6],
  ['工会', 4],
  ['ＡＢ（）', 8],
  ['한글', 4],
  ['𠀀𪚥', 4], // CJK extension B, outside the basic plane: one character each, wide
  ['😀', 1], // an emoji: one character, not CJK
  ['021-55885659、13812345678', 25],
])('%p is %p wide', (text, width) => expect(textWidth(text)).toBe(width));
