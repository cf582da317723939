/**
 * The roster of expected units as a custom XML part of the workbook:
 * <roster xmlns="urn:unionforms:roster:1" saved="2026-11-21T08:00:00.000Z"><unit>某区总工会</unit>…</roster>
 */
export const ROSTER_NAMESPACE = 'urn:unionforms:roster:1';

export interface SavedRoster {
  /** ISO time of saving: of two parts (a save cut short), the later one counts. */
  saved: string;
  units: string[];
}

/** Characters XML 1.0 cannot hold: most control characters, U+FFFE/FFFF and lone surrogates (pairs are kept). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g;
const xmlSafe = (text: string) => text.replace(NOT_XML, (m) => (m.length === 2 ? m : ''));

const escapeXml = (text: string) =>
  xmlSafe(text).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[ch] as string);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_m, data: string) => data.replace(/[&<>]/g, (ch) => `&#${ch.charCodeAt(0)};`))
    .replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-z]+);/g, (m, name: string) => {
      if (name.startsWith('#x')) return safeCodePoint(parseInt(name.slice(2), 16)) ?? m;
      if (name.startsWith('#')) return safeCodePoint(Number(name.slice(1))) ?? m;
      return ENTITIES[name] ?? m;
    });
}

function safeCodePoint(code: number): string | undefined {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

/** Unit names as the clerk gave them: trimmed, without blanks or repeats, in order. */
export function cleanUnits(units: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of units) {
    const unit = xmlSafe(raw).replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
    if (!unit || seen.has(unit)) continue;
    seen.add(unit);
    out.push(unit);
  }
  return out;
}

export function rosterXml(units: readonly string[], saved: Date = new Date()): string {
  const body = cleanUnits(units)
    .map((u) => `<unit>${escapeXml(u)}</unit>`)
    .join('');
  return `<roster xmlns="${ROSTER_NAMESPACE}" saved="${saved.toISOString()}">${body}</roster>`;
}

/** Reads a roster part, whatever prefixes or declaration Excel may have given it back with. */
export function parseRosterXml(xml: string): SavedRoster {
  const root = /<(?:[\w.-]+:)?roster\b([^>]*)>/.exec(xml);
  const saved = root ? (/\ssaved\s*=\s*["']([^"']*)["']/.exec(root[1] ?? '')?.[1] ?? '') : '';
  const units: string[] = [];
  for (const m of xml.matchAll(/<((?:[\w.-]+:)?unit)\b[^>]*?(?:\/>|>([\s\S]*?)<\/\1\s*>)/g)) units.push(unescapeXml(m[2] ?? ''));
  return { saved, units: cleanUnits(units) };
}
