/** Compares texts as a reader of the printed notice would: spacing and the width of punctuation do not matter. */
export function normalizeText(text: string): string {
  return text.replace(/\s+/g, '').replace(/:/g, '：').replace(/\(/g, '（').replace(/\)/g, '）').replace(/,/g, '，');
}

const CJK = /[\u3400-\u9fff]/;
export function hasChinese(text: string): boolean {
  return CJK.test(text);
}
