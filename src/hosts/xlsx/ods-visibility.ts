import { unzipSync } from 'fflate';

/** XML's five named entities and numeric references, as they may appear in a sheet's name. */
function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, ref: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (ref[0] !== '#') return named[ref.toLowerCase()] ?? '';
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

const attribute = (attrs: string, name: string): string | undefined => {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(attrs);
  return m ? unescapeXml(m[1] as string) : undefined;
};

/**
 * The names of an OpenDocument spreadsheet's hidden sheets, which SheetJS does not report: a table whose style says
 * table:display="false" (OpenDocument 1.2, 17.15 <style:table-properties>; LibreOffice and WPS write it so).
 * `zip` is the package already checked and stored by zip-guard; undefined when it has no content.xml.
 */
export function odsHiddenSheets(zip: Uint8Array): Set<string> | undefined {
  const part = unzipSync(zip, { filter: (f) => f.name === 'content.xml' })['content.xml'];
  if (!part) return undefined;
  const xml = new TextDecoder().decode(part);
  const hiddenStyles = new Set<string>();
  for (const m of xml.matchAll(/<style:style\b([^>]*)>([\s\S]*?)<\/style:style>/g)) {
    const name = attribute(m[1] as string, 'style:name');
    if (name !== undefined && /<style:table-properties\b[^>]*\btable:display="false"/.test(m[2] as string)) hiddenStyles.add(name);
  }
  const hidden = new Set<string>();
  if (hiddenStyles.size === 0) return hidden;
  for (const m of xml.matchAll(/<table:table\b([^>]*)>/g)) {
    const style = attribute(m[1] as string, 'table:style-name');
    const name = attribute(m[1] as string, 'table:name');
    if (style !== undefined && name !== undefined && hiddenStyles.has(style)) hidden.add(name);
  }
  return hidden;
}
