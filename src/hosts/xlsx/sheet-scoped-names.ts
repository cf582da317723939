import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

export interface SheetScopedName {
  /** Zero-based position of the sheet in the workbook. */
  sheetIndex: number;
  name: string;
  /** A text constant: the name's value is ="text". */
  text: string;
}

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * ExcelJS writes only workbook-wide names that point at cells, so the sheet-scoped marker names
 * (text constants) are added to xl/workbook.xml after it has written the package.
 */
export function addSheetScopedNames(xlsx: Uint8Array, names: readonly SheetScopedName[]): Uint8Array {
  if (names.length === 0) return xlsx;
  const files = unzipSync(xlsx);
  const workbookXml = files['xl/workbook.xml'];
  if (!workbookXml) throw new Error('xl/workbook.xml is missing from the written workbook');
  const entries = names
    .map(
      (n) =>
        `<definedName name="${xmlEscape(n.name)}" localSheetId="${n.sheetIndex}">${xmlEscape(`"${n.text.replace(/"/g, '""')}"`)}</definedName>`,
    )
    .join('');
  let xml = strFromU8(workbookXml);
  if (xml.includes('</definedNames>')) xml = xml.replace('</definedNames>', `${entries}</definedNames>`);
  else if (xml.includes('<definedNames/>')) xml = xml.replace('<definedNames/>', `<definedNames>${entries}</definedNames>`);
  else xml = xml.replace('</sheets>', `</sheets><definedNames>${entries}</definedNames>`);
  const out: Zippable = {};
  for (const [path, data] of Object.entries(files)) out[path] = path === 'xl/workbook.xml' ? strToU8(xml) : data;
  return zipSync(out, { level: 6 });
}
