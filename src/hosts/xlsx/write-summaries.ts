import { summaryColumnWidths, type SummaryTable, type SummaryValue } from '../../core/merge/summaries';
import { uniqueSheetName } from '../../core/sheet-names';
import { CJK_CHARSET } from './cell-style';
import { WORKBOOK_CREATOR } from './workbook-creator';
import { zipFiles } from './zip-write';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const PACKAGE = 'http://schemas.openxmlformats.org/package/2006';
const OFFICE = 'http://schemas.openxmlformats.org/officeDocument/2006';
const CONTENT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const DATE_FORMAT = 164;
const TEXT_FORMAT = 49;
const FORMATS = [0, DATE_FORMAT, TEXT_FORMAT];
const TITLE_STYLE = 1;
/** 1900-01-00 in Excel's day count, as a JavaScript time; serials from 61 (1900-03-01) on are right with it. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;
const FORMULA_START = /^[=+\-@]/;

/** Body cells: thin box, centred vertically, wrapped; bold or not × General, date or text × quote prefix or not. */
function bodyStyle(bold: boolean, format: number, quoted: boolean): number {
  return 2 + (bold ? 6 : 0) + FORMATS.indexOf(format) * 2 + (quoted ? 1 : 0);
}

function stylesXml(): string {
  const font = (bold: boolean, size: number) =>
    `<font>${bold ? '<b/>' : ''}<sz val="${size}"/><name val="宋体"/><charset val="${CJK_CHARSET}"/></font>`;
  const side = (s: string) => `<${s} style="thin"><color rgb="FF000000"/></${s}>`;
  const body: string[] = [];
  for (const bold of [false, true])
    for (const format of FORMATS)
      for (const quoted of [false, true])
        body.push(
          `<xf numFmtId="${format}" fontId="${bold ? 1 : 0}" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1"${quoted ? ' quotePrefix="1"' : ''}><alignment vertical="center" wrapText="1"/></xf>`,
        );
  const xfs = [
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
    '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
    ...body,
  ];
  return (
    `${HEAD}<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="${DATE_FORMAT}" formatCode="yyyy-mm-dd"/></numFmts>` +
    `<fonts count="3">${font(false, 11)}${font(true, 11)}${font(true, 14)}</fonts>` +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>${['left', 'right', 'top', 'bottom'].map(side).join('')}<diagonal/></border></borders>` +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
  );
}

/** Text as XML character data: markup escaped, and what XML cannot hold (or would turn CR into LF) as _xHHHH_. */
function xmlText(text: string): string {
  return text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'))
    .replace(/[^\t\n\u0020-\ufffd]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly items: string[] = [];
  private uses = 0;
  add(text: string): number {
    this.uses++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.items.length;
      this.index.set(text, i);
      this.items.push(`<si><t xml:space="preserve">${xmlText(text)}</t></si>`);
    }
    return i;
  }
  xml(): string {
    return `${HEAD}<sst xmlns="${MAIN}" count="${this.uses}" uniqueCount="${this.items.length}">${this.items.join('')}</sst>`;
  }
}

function cellXml(ref: string, value: SummaryValue, style: (quoted: boolean) => number, strings: SharedStrings): string {
  if (value instanceof Date) {
    const serial = (value.getTime() - EXCEL_EPOCH) / DAY;
    if (Number.isNaN(serial)) return `<c r="${ref}" s="${style(false)}"/>`;
    if (serial < 61) return cellXml(ref, value.toISOString().slice(0, 10), style, strings);
    return `<c r="${ref}" s="${style(false)}"><v>${serial}</v></c>`;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return `<c r="${ref}" s="${style(false)}" t="e"><v>#NUM!</v></c>`;
    return `<c r="${ref}" s="${style(false)}"><v>${value}</v></c>`;
  }
  if (typeof value === 'string') return `<c r="${ref}" s="${style(FORMULA_START.test(value))}" t="s"><v>${strings.add(value)}</v></c>`;
  return `<c r="${ref}" s="${style(false)}"/>`;
}

function sheetXml(table: SummaryTable, selected: boolean, strings: SharedStrings): string {
  const rows = [table.header, ...table.rows, ...(table.totals ? [table.totals] : [])];
  const columns = table.header.map((_, j) => columnName(j));
  const xml: string[] = [`<row r="1"><c r="A1" s="${TITLE_STYLE}" t="s"><v>${strings.add(table.title)}</v></c></row>`];
  rows.forEach((values, i) => {
    const r = i + 2;
    const bold = i === 0 || (table.totals !== undefined && i === rows.length - 1);
    const cells = values.map((value, j) => {
      const format = value instanceof Date ? DATE_FORMAT : i > 0 && table.formats[j] === 'text' ? TEXT_FORMAT : 0;
      return cellXml(`${columns[j] ?? columnName(j)}${r}`, value, (quoted) => bodyStyle(bold, format, quoted), strings);
    });
    xml.push(`<row r="${r}">${cells.join('')}</row>`);
  });
  const widths = summaryColumnWidths(table).map((width, j) => `<col min="${j + 1}" max="${j + 1}" width="${width}" customWidth="1"/>`);
  const lastColumn = columnName(rows.reduce((n, row) => Math.max(n, row.length - 1), 0));
  return (
    `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${OFFICE}/relationships"><dimension ref="A1:${lastColumn}${rows.length + 1}"/>` +
    `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="14.25"/>${widths.length ? `<cols>${widths.join('')}</cols>` : ''}<sheetData>${xml.join('')}</sheetData>` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
  );
}

/**
 * Summary sheets and the report as a new .xlsx, written directly as SpreadsheetML. Every value is written as a value:
 * text is a shared string (never a formula; text starting with = + - @ also gets Excel's quote prefix), numbers are
 * numbers, dates are serial numbers shown yyyy-mm-dd.
 */
export async function writeSummaryWorkbook(tables: readonly SummaryTable[]): Promise<Uint8Array> {
  const strings = new SharedStrings();
  const used: string[] = [];
  const sheets = tables.map((table, i) => {
    const name = uniqueSheetName(table.sheetName, used);
    used.push(name);
    return { name, xml: sheetXml(table, i === 0, strings) };
  });
  const n = sheets.length;
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
  const override = (part: string, type: string) => `<Override PartName="${part}" ContentType="${type}"/>`;
  const created = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const parts: [string, string][] = [
    [
      '[Content_Types].xml',
      `${HEAD}<Types xmlns="${PACKAGE}/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        override('/xl/workbook.xml', `${CONTENT}.sheet.main+xml`) +
        sheets.map((_, i) => override(`/xl/worksheets/sheet${i + 1}.xml`, `${CONTENT}.worksheet+xml`)).join('') +
        override('/xl/styles.xml', `${CONTENT}.styles+xml`) +
        override('/xl/sharedStrings.xml', `${CONTENT}.sharedStrings+xml`) +
        override('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
        '</Types>',
    ],
    [
      '_rels/.rels',
      `${HEAD}<Relationships xmlns="${PACKAGE}/relationships">${rel('rId1', `${OFFICE}/relationships/officeDocument`, 'xl/workbook.xml')}${rel('rId2', `${PACKAGE}/relationships/metadata/core-properties`, 'docProps/core.xml')}</Relationships>`,
    ],
    [
      'docProps/core.xml',
      `${HEAD}<cp:coreProperties xmlns:cp="${PACKAGE}/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        `<dc:creator>${xmlText(WORKBOOK_CREATOR)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created></cp:coreProperties>`,
    ],
    [
      'xl/workbook.xml',
      `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${OFFICE}/relationships"><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
        sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets></workbook>',
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${HEAD}<Relationships xmlns="${PACKAGE}/relationships">` +
        sheets.map((_, i) => rel(`rId${i + 1}`, `${OFFICE}/relationships/worksheet`, `worksheets/sheet${i + 1}.xml`)).join('') +
        rel(`rId${n + 1}`, `${OFFICE}/relationships/styles`, 'styles.xml') +
        rel(`rId${n + 2}`, `${OFFICE}/relationships/sharedStrings`, 'sharedStrings.xml') +
        '</Relationships>',
    ],
    ['xl/styles.xml', stylesXml()],
    ...sheets.map((s, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, s.xml]),
    ['xl/sharedStrings.xml', strings.xml()],
  ];
  const encoder = new TextEncoder();
  return zipFiles(parts.map(([name, xml]) => ({ name, data: encoder.encode(xml) })));
}
