/**
 * A line printed above or below a form to be filled in after its keys: "填报单位：   填报日期： 年 月 日",
 * "单位名称：    （盖章）", "填表人：  联系电话：". Whatever follows a key is blank, underscores, 年 月 日, or
 * the mark of the seal to put there.
 */
export interface FillKey {
  name: string;
  /** What follows the key up to the next one, the seal's mark taken out. */
  after: string;
  /** "（盖章）" when printed after the blank. */
  seal?: string;
}

const KEY = /([^\s：:_\u3000]{1,12})[：:]/g;
const SEAL = /[（(]\s*(?:盖章|公章|签章|签字|签名|章)\s*[）)]/;

/** The keys of a fill-in line, or undefined when the line is anything else (a sentence, a note, a key with text after it). */
export function fillInKeys(line: string): FillKey[] | undefined {
  const keys = [...line.matchAll(KEY)];
  if (keys.length === 0) return undefined;
  const out: FillKey[] = [];
  for (const [i, key] of keys.entries()) {
    const raw = line.slice((key.index ?? 0) + key[0].length, keys[i + 1]?.index ?? line.length);
    const seal = SEAL.exec(raw)?.[0];
    const after = seal ? raw.replace(seal, '') : raw;
    if (!/^[\s_\u3000年月日]*$/.test(after)) return undefined;
    out.push({ name: key[1] as string, after, ...(seal ? { seal: seal.replace(/\s/g, '') } : {}) });
  }
  return out;
}
