import { squashSpaces } from '../cell-value';

/** The expected units, from text pasted by the clerk or read from cells: one per line (or separated by 、，,;；tab), blanks and repeats dropped. */
export function parseRoster(text: string): string[] {
  return uniqueUnits(text.split(/[\r\n\t、，,;；]+/));
}

/** Unit names trimmed, blanks dropped and repeats (ignoring spaces, full-width ones too) kept once, in order. */
export function uniqueUnits(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of names) {
    const name = raw.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
    const key = squashSpaces(name);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}
