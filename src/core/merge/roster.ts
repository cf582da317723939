import { squashSpaces, toHalfWidth } from '../cell-value';

/**
 * A unit's name as it is matched to the roster: spaces dropped (full-width ones too), full-width letters, digits and
 * parentheses made half-width (（）→()), letters in lower case, and a leading 上海市 or 上海 dropped, so that
 * "上海市黄浦区 总工会" counts for 黄浦区总工会.
 */
export function unitKey(name: string): string {
  return squashSpaces(toHalfWidth(name))
    .toLowerCase()
    .replace(/^上海市?/, '');
}

/** The expected units, from text pasted by the clerk or read from cells: one per line (or separated by 、，,;；tab), blanks and repeats dropped. */
export function parseRoster(text: string): string[] {
  return uniqueUnits(text.split(/[\r\n\t、，,;；]+/));
}

/** Unit names trimmed, blanks dropped and repeats (the same `unitKey`) kept once, in order. */
export function uniqueUnits(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of names) {
    const name = raw.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
    const key = unitKey(name);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}
