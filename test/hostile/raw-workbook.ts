/**
 * An .xlsx package written with fflate from XML typed here — neither ExcelJS nor SheetJS — so that a file can
 * hold exactly what a hostile or unusual tool puts in it: formulas with stale cached values, error cells,
 * 1904 dates, control characters escaped as _xHHHH_, any sheet or defined name, a DOCTYPE, extra parts.
 */
import { strToU8, zipSync } from 'fflate';
import { cellAddress } from '../../src/core/a1';

/** A formula with its cached result, an error value, or a value typed as given. */
export interface RawCell {
  f?: string;
  v?: string | number | boolean;
  /** Cell type as in the file: n number, str formula text, b boolean, e error, s shared string. */
  t?: 'n' | 'str' | 'b' | 'e' | 's';
}

export type RawValue = string | number | boolean | null | undefined | Date | RawCell;

export interface RawName {
  name: string;
  /** The name's formula text as stored (a constant is quoted: "…"). */
  value: string;
}

export interface RawSheet {
  name: string;
  rows: readonly (readonly RawValue[] | undefined)[];
  /** The <dimension> element's ref, whatever the cells are. */
  dimension?: string;
  merges?: readonly string[];
  names?: readonly RawName[];
}

export interface RawWorkbookOptions {
  globalNames?: readonly RawName[];
  date1904?: boolean;
  /** Put before <sst> in the shared strings part (e.g. a DOCTYPE with entities). */
  sharedStringsPrologue?: string;
  /** Text to store raw (not escaped) in shared strings, by its placeholder string. */
  rawSharedStrings?: Readonly<Record<string, string>>;
  /** More parts, by path. */
  extraParts?: Readonly<Record<string, Uint8Array>>;
  extraContentTypes?: readonly string[];
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Text as OOXML stores it: XML-escaped, characters XML cannot hold as _xHHHH_, CR as a character reference. */
export function ooxmlText(s: string): string {
  return s
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;')
    .replace(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g,
      (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
    );
}

/** Days since 1899-12-30 (or 1904-01-01 in the 1904 date system) of a date at UTC midnight. */
export function serialOf(date: Date, date1904 = false): number {
  const days = (date.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
  return date1904 ? days - 1462 : days;
}

function sheetXml(sheet: RawSheet, strings: (s: string) => number, date1904: boolean): string {
  const rows: string[] = [];
  let right = 0;
  sheet.rows.forEach((row, r) => {
    const cells: string[] = [];
    (row ?? []).forEach((value, c) => {
      if (value === null || value === undefined) return;
      right = Math.max(right, c);
      const ref = cellAddress(r, c);
      if (typeof value === 'string') cells.push(`<c r="${ref}" t="s"><v>${strings(value)}</v></c>`);
      else if (typeof value === 'number') cells.push(`<c r="${ref}"><v>${value}</v></c>`);
      else if (typeof value === 'boolean') cells.push(`<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`);
      else if (value instanceof Date) cells.push(`<c r="${ref}" s="1"><v>${serialOf(value, date1904)}</v></c>`);
      else {
        const t = value.t ?? (typeof value.v === 'string' ? 'str' : typeof value.v === 'boolean' ? 'b' : 'n');
        const f = value.f === undefined ? '' : `<f>${ooxmlText(value.f)}</f>`;
        const v =
          value.v === undefined
            ? ''
            : `<v>${t === 's' ? strings(String(value.v)) : ooxmlText(String(value.v === true ? 1 : value.v === false ? 0 : value.v))}</v>`;
        cells.push(`<c r="${ref}"${t === 'n' ? '' : ` t="${t}"`}>${f}${v}</c>`);
      }
    });
    if (cells.length) rows.push(`<row r="${r + 1}">${cells.join('')}</row>`);
  });
  const dimension = sheet.dimension ?? `A1:${cellAddress(Math.max(0, sheet.rows.length - 1), right)}`;
  const merges = sheet.merges?.length
    ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
    : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="${dimension}"/><sheetData>${rows.join('')}</sheetData>${merges}</worksheet>`;
}

/** The package of the sheets, with a shared-string table, a style for dates and the names given. */
export function rawWorkbook(sheets: readonly RawSheet[], options: RawWorkbookOptions = {}): Uint8Array {
  const table: string[] = [];
  const index = new Map<string, number>();
  const strings = (s: string) => {
    let i = index.get(s);
    if (i === undefined) {
      index.set(s, (i = table.length));
      table.push(s);
    }
    return i;
  };
  const parts: Record<string, Uint8Array> = {};
  sheets.forEach((sheet, i) => (parts[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(sheet, strings, Boolean(options.date1904)))));
  const names = [
    ...(options.globalNames ?? []).map((n) => `<definedName name="${escapeAttr(n.name)}">${ooxmlText(n.value)}</definedName>`),
    ...sheets.flatMap((s, i) =>
      (s.names ?? []).map((n) => `<definedName name="${escapeAttr(n.name)}" localSheetId="${i}">${ooxmlText(n.value)}</definedName>`),
    ),
  ];
  parts['xl/workbook.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}">` +
      `<workbookPr${options.date1904 ? ' date1904="1"' : ''}/>` +
      `<sheets>${sheets.map((s, i) => `<sheet name="${escapeAttr(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>` +
      (names.length ? `<definedNames>${names.join('')}</definedNames>` : '') +
      `</workbook>`,
  );
  const n = sheets.length;
  parts['xl/_rels/workbook.xml.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">` +
      sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
      `<Relationship Id="rId${n + 1}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
      `<Relationship Id="rId${n + 2}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  );
  const raw = new Map(Object.entries(options.rawSharedStrings ?? {}));
  parts['xl/sharedStrings.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${options.sharedStringsPrologue ?? ''}<sst xmlns="${MAIN}" count="${table.length}" uniqueCount="${table.length}">` +
      table.map((s) => `<si><t xml:space="preserve">${raw.get(s) ?? ooxmlText(s)}</t></si>`).join('') +
      `</sst>`,
  );
  parts['xl/styles.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}">` +
      `<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>` +
      `<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>` +
      `<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`,
  );
  parts['_rels/.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const ct = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  parts['[Content_Types].xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/>` +
      sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${ct}.worksheet+xml"/>`).join('') +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="${ct}.styles+xml"/>` +
      (options.extraContentTypes ?? []).join('') +
      `</Types>`,
  );
  return zipSync({ ...parts, ...(options.extraParts ?? {}) }, { level: 6 });
}
