import { deflateSync, strToU8, zipSync } from 'fflate';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * The smallest .xlsx SheetJS reads: one sheet whose XML is given (rows and cells, inline strings). Cells with s="1"
 * are shown as dates (yyyy-mm-dd); `date1904` puts the workbook in the 1904 date system.
 */
export function workbookXlsx(sheetData: string, options: { dimension?: string; level?: 0 | 1 | 6; date1904?: boolean } = {}): Uint8Array {
  return zipSync(
    {
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
      ),
      '_rels/.rels': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
      'xl/workbook.xml': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">${options.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
      ),
      'xl/styles.xml': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>` +
          '<fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>' +
          '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs></styleSheet>',
      ),
      'xl/worksheets/sheet1.xml': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}">${options.dimension ? `<dimension ref="${options.dimension}"/>` : ''}<sheetData>${sheetData}</sheetData></worksheet>`,
      ),
    },
    { level: options.level ?? 6 },
  );
}

export interface RawEntry {
  name: string;
  /** The bytes as stored: deflated when method is 8. */
  data: Uint8Array;
  method: 0 | 8;
  /** Size declared in both headers. */
  unpacked: number;
  flags?: number;
}

/**
 * A zip written byte by byte. `directory` lists, for each central directory record, which local entry it points at
 * (by default each entry once, in order): pointing several records at one entry makes the overlapping zip bomb.
 */
export function rawZip(
  entries: RawEntry[],
  directory: { entry: number; name: string }[] = entries.map((e, i) => ({ entry: i, name: e.name })),
): Uint8Array {
  const bytes: number[] = [];
  const u16 = (v: number) => bytes.push(v & 0xff, (v >>> 8) & 0xff);
  const u32 = (v: number) => bytes.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
  const offsets: number[] = [];
  const chunks: Uint8Array[] = [];
  let length = 0;
  const flush = () => {
    chunks.push(Uint8Array.from(bytes));
    length += bytes.length;
    bytes.length = 0;
  };
  for (const e of entries) {
    offsets.push(length);
    const name = strToU8(e.name);
    u32(0x04034b50);
    u16(20);
    u16(e.flags ?? 0);
    u16(e.method);
    u32(0);
    u32(0);
    u32(e.data.length);
    u32(e.unpacked);
    u16(name.length);
    u16(0);
    bytes.push(...name);
    flush();
    chunks.push(e.data);
    length += e.data.length;
  }
  const start = length;
  for (const d of directory) {
    const e = entries[d.entry] as RawEntry;
    const name = strToU8(d.name);
    u32(0x02014b50);
    u16(20);
    u16(20);
    u16(e.flags ?? 0);
    u16(e.method);
    u32(0);
    u32(0);
    u32(e.data.length);
    u32(e.unpacked);
    u16(name.length);
    u16(0);
    u16(0);
    u16(0);
    u16(0);
    u32(0);
    u32(offsets[d.entry] as number);
    bytes.push(...name);
  }
  const directorySize = bytes.length;
  u32(0x06054b50);
  u16(0);
  u16(0);
  u16(directory.length);
  u16(directory.length);
  u32(directorySize);
  u32(start);
  u16(0);
  flush();
  const out = new Uint8Array(length);
  chunks.reduce((at, c) => (out.set(c, at), at + c.length), 0);
  return out;
}

/** `size` zero bytes, deflated: about 1 KB per MB. */
export function deflatedZeros(size: number): Uint8Array {
  return deflateSync(new Uint8Array(size), { level: 9 });
}
