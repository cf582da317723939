import { localIsoDate } from '../../core/cell-value';
import type { SummaryTable, SummaryValue } from '../../core/merge/summaries';
import {
  GENERAL_FORMAT,
  planSummary,
  TEXT_FORMAT,
  type SummaryCellStyle,
  type SummaryPlan,
  type SummaryPlanOptions,
} from '../../core/merge/summary-plan';
import { uniqueSheetName } from '../../core/sheet-names';
import { CJK_CHARSET } from './cell-style';
import { WORKBOOK_CREATOR } from './workbook-creator';
import { chartPackage, sheetDrawingRels } from './chart-parts';
import { zipFiles } from './zip-write';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const PACKAGE = 'http://schemas.openxmlformats.org/package/2006';
const OFFICE = 'http://schemas.openxmlformats.org/officeDocument/2006';
const CONTENT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Number formats SpreadsheetML knows by id; others are declared from id 164 on. */
const BUILT_IN_FORMATS = new Map([
  [GENERAL_FORMAT, 0],
  [TEXT_FORMAT, 49],
]);
/** 1900-01-00 in Excel's day count, as a JavaScript time; serials from 61 (1900-03-01) on are right with it. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;
const FORMULA_START = /^[=+\-@]/;
/** SpreadsheetML's paperSize codes. */
const PAPER_SIZES = { A4: 9 } as const;

const argb = (color: string) => `FF${color.replace(/^#/, '').toUpperCase()}`;

/** The cell formats (xf) a workbook's sheets use, each written once: fonts, fills, borders and number formats. */
class StyleBook {
  private readonly fonts = new Keyed();
  private readonly fills = new Keyed();
  private readonly borders = new Keyed();
  private readonly numFmts = new Map<string, number>();
  private readonly xfs = new Keyed();

  constructor() {
    // font 0 is the workbook's Normal font, which Excel measures column widths in
    this.fonts.add(`<font><sz val="11"/><name val="宋体"/><charset val="${CJK_CHARSET}"/></font>`);
    this.fills.add('<fill><patternFill patternType="none"/></fill>');
    this.fills.add('<fill><patternFill patternType="gray125"/></fill>');
    this.borders.add('<border><left/><right/><top/><bottom/><diagonal/></border>');
    this.xfs.add('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
  }

  private numFmtId(code: string): number {
    const builtIn = BUILT_IN_FORMATS.get(code);
    if (builtIn !== undefined) return builtIn;
    let id = this.numFmts.get(code);
    if (id === undefined) this.numFmts.set(code, (id = 164 + this.numFmts.size));
    return id;
  }

  /** Cell formats already made, per style object of the plan (a plan's regions share a few), then per the rest. */
  private readonly made = new WeakMap<SummaryCellStyle, Map<string, number>>();

  /** The index of the cell format for a style, a box line colour (or none), a number format and Excel's quote prefix. */
  xf(style: SummaryCellStyle, box: string | undefined, numberFormat: string, quoted: boolean): number {
    let ofStyle = this.made.get(style);
    if (!ofStyle) this.made.set(style, (ofStyle = new Map()));
    const key = `${box ?? ''}\u0000${numberFormat}\u0000${quoted ? 1 : 0}`;
    let id = ofStyle.get(key);
    if (id === undefined) ofStyle.set(key, (id = this.makeXf(style, box, numberFormat, quoted)));
    return id;
  }

  private makeXf(style: SummaryCellStyle, box: string | undefined, numberFormat: string, quoted: boolean): number {
    const { font } = style;
    const fontId = this.fonts.add(
      `<font>${font.bold ? '<b/>' : ''}<sz val="${font.size}"/><name val="${xmlText(font.name)}"/><charset val="${CJK_CHARSET}"/></font>`,
    );
    const fillId = style.fill
      ? this.fills.add(
          `<fill><patternFill patternType="solid"><fgColor rgb="${argb(style.fill)}"/><bgColor indexed="64"/></patternFill></fill>`,
        )
      : 0;
    const side = (s: string) => `<${s} style="thin"><color rgb="${argb(box ?? '')}"/></${s}>`;
    const borderId = box ? this.borders.add(`<border>${['left', 'right', 'top', 'bottom'].map(side).join('')}<diagonal/></border>`) : 0;
    const horizontal = style.horizontal === 'General' ? '' : ` horizontal="${style.horizontal.toLowerCase()}"`;
    const vertical = style.vertical === 'Bottom' ? '' : ` vertical="${style.vertical.toLowerCase()}"`;
    const alignment = `<alignment${horizontal}${vertical}${style.wrap ? ' wrapText="1"' : ''}/>`;
    return this.xfs.add(
      `<xf numFmtId="${this.numFmtId(numberFormat)}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0" applyNumberFormat="1" applyFont="1"${fillId ? ' applyFill="1"' : ''}${borderId ? ' applyBorder="1"' : ''} applyAlignment="1"${quoted ? ' quotePrefix="1"' : ''}>${alignment}</xf>`,
    );
  }

  xml(): string {
    const numFmts = [...this.numFmts].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`);
    return (
      `${HEAD}<styleSheet xmlns="${MAIN}">${numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.join('')}</numFmts>` : ''}` +
      this.fonts.xml('fonts') +
      this.fills.xml('fills') +
      this.borders.xml('borders') +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      this.xfs.xml('cellXfs') +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
    );
  }
}

/** A list of XML elements, each kept once, known by its index. */
class Keyed {
  private readonly index = new Map<string, number>();
  add(xml: string): number {
    let i = this.index.get(xml);
    if (i === undefined) this.index.set(xml, (i = this.index.size));
    return i;
  }
  xml(tag: string): string {
    return `<${tag} count="${this.index.size}">${[...this.index.keys()].join('')}</${tag}>`;
  }
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

/** The style of a row: the last region of the plan that covers it. */
function styleOfRow(plan: SummaryPlan, row: number): SummaryCellStyle | undefined {
  let found: SummaryCellStyle | undefined;
  for (const region of plan.regions) if (region.top <= row && row <= region.bottom) found = region.style;
  return found;
}

const boxAt = (plan: SummaryPlan, row: number, col: number) =>
  plan.boxes.find((b) => b.top <= row && row <= b.bottom && b.left <= col && col <= b.right)?.color;

function rowXml(
  plan: SummaryPlan,
  row: number,
  values: readonly SummaryValue[],
  formats: readonly string[],
  book: StyleBook,
  strings: SharedStrings,
  heights: ReadonlyMap<number, number>,
): string {
  const style = styleOfRow(plan, row);
  const cells = values.map((value, j) => {
    const ref = `${columnName(j)}${row + 1}`;
    if (!style) return cellXml(ref, value, () => 0, strings);
    return cellXml(ref, value, (quoted) => book.xf(style, boxAt(plan, row, j), formats[j] ?? GENERAL_FORMAT, quoted), strings);
  });
  const height = heights.get(row);
  return `<row r="${row + 1}"${height === undefined ? '' : ` ht="${height}" customHeight="1"`}>${cells.join('')}</row>`;
}

const range = (top: number, left: number, bottom: number, right: number) =>
  `${columnName(left)}${top + 1}:${columnName(right)}${bottom + 1}`;

function sheetXml(plan: SummaryPlan, selected: boolean, book: StyleBook, strings: SharedStrings): string {
  const { columns, titleRow, print } = plan;
  const titleValues: SummaryValue[] = [titleRow.text, ...Array<SummaryValue>(columns - 1).fill(null)];
  // A summary of thousands of rows has a height for most of them: looked up, not searched for each row.
  const heights = new Map(plan.rowHeights.map((h) => [h.row, h.height]));
  const xml = [rowXml(plan, titleRow.row, titleValues, [titleRow.numberFormat], book, strings, heights)];
  for (const header of plan.headerRows)
    xml.push(rowXml(plan, header.row, header.values, Array<string>(columns).fill(TEXT_FORMAT), book, strings, heights));
  plan.body.forEach((values, i) => xml.push(rowXml(plan, plan.bodyTop + i, values, plan.bodyFormats[i] ?? [], book, strings, heights)));
  const widths = plan.columnWidths.map((width, j) => `<col min="${j + 1}" max="${j + 1}" width="${width}" customWidth="1"/>`);
  const lastRow = plan.bodyTop + plan.body.length;
  const { rows: ySplit, columns: xSplit } = plan.freeze;
  const pane =
    ySplit > 0 || xSplit > 0
      ? `<pane${xSplit ? ` xSplit="${xSplit}"` : ''}${ySplit ? ` ySplit="${ySplit}"` : ''} topLeftCell="${columnName(xSplit)}${ySplit + 1}" activePane="${xSplit ? (ySplit ? 'bottomRight' : 'topRight') : 'bottomLeft'}" state="frozen"/><selection pane="${xSplit ? (ySplit ? 'bottomRight' : 'topRight') : 'bottomLeft'}"/>`
      : '';
  const merged = [
    ...(titleRow.merge ? [range(titleRow.row, titleRow.merge.left, titleRow.row, titleRow.merge.right)] : []),
    ...plan.headerMerges.map((m) => range(m.top, m.left, m.bottom, m.right)),
  ];
  const merges = merged.length
    ? `<mergeCells count="${merged.length}">${merged.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>`
    : '';
  const m = print.margins;
  const footer = `&L${print.footer.left}&C${print.footer.center}&R${print.footer.right}`;
  return (
    `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${OFFICE}/relationships"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:${columnName(columns - 1)}${lastRow}"/>` +
    `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0">${pane}</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="14.25"/>${widths.length ? `<cols>${widths.join('')}</cols>` : ''}<sheetData>${xml.join('')}</sheetData>${merges}` +
    `<printOptions${print.horizontalCentered ? ' horizontalCentered="1"' : ''}/>` +
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
    `<pageSetup paperSize="${PAPER_SIZES[print.paper]}" orientation="${print.orientation}" fitToWidth="${print.fitToWidth}" fitToHeight="${print.fitToHeight}"/>` +
    `<headerFooter><oddFooter>${xmlText(footer)}</oddFooter></headerFooter>${plan.charts.length > 0 ? '<drawing r:id="rId1"/>' : ''}</worksheet>`
  );
}

/** The print titles of a sheet (title columns, then rows) as a workbook-level defined name (_xlnm.Print_Titles, scoped to the sheet). */
function printTitles(plan: SummaryPlan, name: string, index: number): string {
  const { titleRows, titleColumns } = plan.print;
  const sheet = `'${name.replace(/'/g, "''")}'!`;
  const columns = titleColumns ? [`${sheet}$${columnName(titleColumns.left)}:$${columnName(titleColumns.right)}`] : [];
  const reference = [...columns, `${sheet}$${titleRows.top + 1}:$${titleRows.bottom + 1}`].join(',');
  return `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${xmlText(reference)}</definedName>`;
}

/**
 * Summary sheets and the report as a new .xlsx, written directly as SpreadsheetML, each drawn from its SummaryPlan
 * (the footer dated today unless told). Every value is written as a value:
 * text is a shared string (never a formula; text starting with = + - @ also gets Excel's quote prefix), numbers are
 * numbers, dates are serial numbers shown yyyy-mm-dd.
 */
export async function writeSummaryWorkbook(tables: readonly SummaryTable[], options: SummaryPlanOptions = {}): Promise<Uint8Array> {
  const strings = new SharedStrings();
  const book = new StyleBook();
  const used: string[] = [];
  const sheets = tables.map((table, i) => {
    const plan = planSummary(table, { date: localIsoDate(), ...options });
    const name = uniqueSheetName(plan.sheetName, used);
    used.push(name);
    return { name, plan, xml: sheetXml(plan, i === 0, book, strings) };
  });
  const n = sheets.length;
  const charts = chartPackage(sheets.map((s) => ({ name: s.name, charts: s.plan.charts })));
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
  const override = (part: string, type: string) => `<Override PartName="${part}" ContentType="${type}"/>`;
  const created = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const parts: [string, string][] = [
    [
      '[Content_Types].xml',
      `${HEAD}<Types xmlns="${PACKAGE}/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        override('/xl/workbook.xml', `${CONTENT}.sheet.main+xml`) +
        sheets.map((_, i) => override(`/xl/worksheets/sheet${i + 1}.xml`, `${CONTENT}.worksheet+xml`)).join('') +
        charts.overrides.map((o) => override(o.part, o.type)).join('') +
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
        '</sheets>' +
        `<definedNames>${sheets.map((s, i) => printTitles(s.plan, s.name, i)).join('')}</definedNames>` +
        '</workbook>',
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${HEAD}<Relationships xmlns="${PACKAGE}/relationships">` +
        sheets.map((_, i) => rel(`rId${i + 1}`, `${OFFICE}/relationships/worksheet`, `worksheets/sheet${i + 1}.xml`)).join('') +
        rel(`rId${n + 1}`, `${OFFICE}/relationships/styles`, 'styles.xml') +
        rel(`rId${n + 2}`, `${OFFICE}/relationships/sharedStrings`, 'sharedStrings.xml') +
        '</Relationships>',
    ],
    ['xl/styles.xml', book.xml()],
    ...sheets.map((s, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, s.xml]),
    ['xl/sharedStrings.xml', strings.xml()],
    ...charts.parts,
    ...charts.drawings.flatMap((target, i): [string, string][] =>
      target ? [[`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, sheetDrawingRels(target)]] : [],
    ),
  ];
  const encoder = new TextEncoder();
  return zipFiles(parts.map(([name, xml]) => ({ name, data: encoder.encode(xml) })));
}
