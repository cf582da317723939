/**
 * Reads an .xlsx package with fflate and fast-xml-parser — not with ExcelJS, which writes it — into a plain
 * snapshot of what a person would see and what Excel enforces: values, formats, merges, validation, protection,
 * print settings and defined names.
 */
import { XMLParser } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';

export interface CellSnapshot {
  value: string | number | null;
  locked: boolean;
  font: string;
  size: number;
  bold: boolean;
  h: string;
  v: string;
  wrap: boolean;
  vertical: boolean;
  border: { top: boolean; left: boolean; bottom: boolean; right: boolean };
  numFmt: string;
}

export interface ValidationSnapshot {
  sqref: string;
  type: string;
  operator: string | undefined;
  formula1: string | undefined;
  formula2: string | undefined;
  promptTitle: string | undefined;
  prompt: string | undefined;
  errorStyle: string | undefined;
  allowBlank: boolean;
}

export interface SheetSnapshot {
  name: string;
  cells: Map<string, CellSnapshot>;
  merges: string[];
  validations: ValidationSnapshot[];
  protected: boolean;
  protectionPassword: boolean;
  /** What the protection still allows (OOXML stores "0" for an allowed action). */
  protectionAllows: { formatColumns: boolean; formatRows: boolean; insertRows: boolean; formatCells: boolean };
  showGridLines: boolean;
  columns: { min: number; max: number; width: number | undefined; hidden: boolean }[];
  rowHeights: Map<number, number>;
  pageSetup: {
    paperSize: string | undefined;
    orientation: string | undefined;
    fitToWidth: string | undefined;
    fitToHeight: string | undefined;
  };
  fitToPage: boolean;
  horizontalCentered: boolean;
  names: Map<string, string>;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  globalNames: Map<string, string>;
}

const ARRAYS = new Set([
  'sheet',
  'definedName',
  'Relationship',
  'si',
  'r',
  'row',
  'c',
  'mergeCell',
  'dataValidation',
  'xf',
  'font',
  'border',
  'numFmt',
  'col',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  textNodeName: '#text',
  isArray: (name, _jpath, _isLeaf, isAttribute) => !isAttribute && ARRAYS.has(name),
  removeNSPrefix: true,
});

type Node = Record<string, unknown>;

const BUILTIN_FORMATS: Record<number, string> = { 0: 'General', 1: '0', 2: '0.00', 14: 'm/d/yyyy', 49: '@' };

function text(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  const n = node as Node;
  if ('#text' in n) return String(n['#text']);
  return '';
}

function richText(si: Node): string {
  if (si.t !== undefined) return text(si.t);
  const runs = (si.r as Node[] | undefined) ?? [];
  return runs.map((r) => text(r.t)).join('');
}

function truthy(v: unknown): boolean {
  return v === '1' || v === 'true' || v === true;
}

function list<T = Node>(v: unknown): T[] {
  if (v === undefined || v === null || v === '') return [];
  return (Array.isArray(v) ? v : [v]) as T[];
}

interface StyleTables {
  xfs: Node[];
  fonts: Node[];
  borders: Node[];
  numFmts: Map<number, string>;
}

function readStyles(xml: string | undefined): StyleTables {
  if (!xml) return { xfs: [], fonts: [], borders: [], numFmts: new Map() };
  const ss = (parser.parse(xml) as Node).styleSheet as Node;
  const numFmts = new Map<number, string>();
  for (const f of list((ss.numFmts as Node | undefined)?.numFmt)) numFmts.set(Number(f.numFmtId), String(f.formatCode));
  return {
    xfs: list((ss.cellXfs as Node | undefined)?.xf),
    fonts: list((ss.fonts as Node | undefined)?.font),
    borders: list((ss.borders as Node | undefined)?.border),
    numFmts,
  };
}

function cellStyle(styles: StyleTables, index: number): Omit<CellSnapshot, 'value'> {
  const xf = styles.xfs[index] ?? {};
  const font = styles.fonts[Number(xf.fontId ?? 0)] ?? {};
  const border = styles.borders[Number(xf.borderId ?? 0)] ?? {};
  const align = (xf.alignment as Node | undefined) ?? {};
  const protection = (xf.protection as Node | undefined) ?? {};
  const numFmtId = Number(xf.numFmtId ?? 0);
  const edge = (side: string) => {
    const e = border[side] as Node | undefined;
    return Boolean(e && typeof e === 'object' && e.style && e.style !== 'none');
  };
  return {
    locked: protection.locked === undefined ? true : truthy(protection.locked),
    font: String((font.name as Node | undefined)?.val ?? ''),
    size: Number((font.sz as Node | undefined)?.val ?? 0),
    bold: font.b !== undefined && (font.b as Node).val !== '0' && (font.b as Node).val !== 'false',
    h: String(align.horizontal ?? 'general'),
    v: String(align.vertical ?? 'bottom'),
    wrap: truthy(align.wrapText),
    vertical: String(align.textRotation ?? '') === '255',
    border: { top: edge('top'), left: edge('left'), bottom: edge('bottom'), right: edge('right') },
    numFmt: styles.numFmts.get(numFmtId) ?? BUILTIN_FORMATS[numFmtId] ?? `#${numFmtId}`,
  };
}

function readSheet(xml: string, name: string, shared: string[], styles: StyleTables): SheetSnapshot {
  const ws = (parser.parse(xml) as Node).worksheet as Node;
  const cells = new Map<string, CellSnapshot>();
  const rowHeights = new Map<number, number>();
  for (const row of list((ws.sheetData as Node | undefined)?.row)) {
    if (row.ht !== undefined) rowHeights.set(Number(row.r), Number(row.ht));
    for (const c of list(row.c)) {
      const t = c.t as string | undefined;
      let value: string | number | null = null;
      if (t === 's') value = shared[Number(text(c.v))] ?? '';
      else if (t === 'inlineStr') value = richText((c.is as Node) ?? {});
      else if (t === 'str' || t === 'e') value = text(c.v);
      else if (t === 'b') value = text(c.v) === '1' ? 'TRUE' : 'FALSE';
      else if (c.v !== undefined && text(c.v) !== '') value = Number(text(c.v));
      cells.set(String(c.r), { value, ...cellStyle(styles, Number(c.s ?? 0)) });
    }
  }
  const validations = list((ws.dataValidations as Node | undefined)?.dataValidation).map((d) => ({
    sqref: String(d.sqref),
    type: String(d.type ?? 'none'),
    operator: d.operator === undefined ? undefined : String(d.operator),
    formula1: d.formula1 === undefined ? undefined : text(d.formula1),
    formula2: d.formula2 === undefined ? undefined : text(d.formula2),
    promptTitle: d.promptTitle as string | undefined,
    prompt: d.prompt as string | undefined,
    errorStyle: d.errorStyle as string | undefined,
    allowBlank: truthy(d.allowBlank),
  }));
  const protection = ws.sheetProtection as Node | undefined;
  const pageSetup = (ws.pageSetup as Node | undefined) ?? {};
  const sheetPr = (ws.sheetPr as Node | undefined) ?? {};
  return {
    name,
    cells,
    merges: list((ws.mergeCells as Node | undefined)?.mergeCell).map((m) => String(m.ref)),
    validations,
    protected: Boolean(protection && truthy(protection.sheet)),
    protectionPassword: Boolean(protection && (protection.password || protection.hashValue)),
    protectionAllows: {
      formatColumns: protection?.formatColumns === '0' || protection?.formatColumns === 'false',
      formatRows: protection?.formatRows === '0' || protection?.formatRows === 'false',
      insertRows: protection?.insertRows === '0' || protection?.insertRows === 'false',
      formatCells: protection?.formatCells === '0' || protection?.formatCells === 'false',
    },
    showGridLines: !['0', 'false'].includes(String((((ws.sheetViews as Node | undefined)?.sheetView ?? {}) as Node).showGridLines ?? '1')),
    columns: list((ws.cols as Node | undefined)?.col).map((c) => ({
      min: Number(c.min),
      max: Number(c.max),
      width: c.width === undefined ? undefined : Number(c.width),
      hidden: truthy(c.hidden),
    })),
    rowHeights,
    pageSetup: {
      paperSize: pageSetup.paperSize as string | undefined,
      orientation: pageSetup.orientation as string | undefined,
      fitToWidth: pageSetup.fitToWidth as string | undefined,
      fitToHeight: pageSetup.fitToHeight as string | undefined,
    },
    fitToPage: truthy((sheetPr.pageSetUpPr as Node | undefined)?.fitToPage),
    horizontalCentered: truthy((ws.printOptions as Node | undefined)?.horizontalCentered),
    names: new Map(),
  };
}

export function snapshotXlsx(data: Uint8Array): WorkbookSnapshot {
  const files = unzipSync(data);
  const read = (path: string) => (files[path] ? strFromU8(files[path] as Uint8Array) : undefined);
  const workbook = (parser.parse(read('xl/workbook.xml') ?? '') as Node).workbook as Node;
  const rels = (parser.parse(read('xl/_rels/workbook.xml.rels') ?? '') as Node).Relationships as Node;
  const targets = new Map(list(rels.Relationship).map((r) => [String(r.Id), String(r.Target)]));
  const sst = (parser.parse(read('xl/sharedStrings.xml') ?? '<sst/>') as Node).sst;
  const shared = typeof sst === 'object' && sst ? list((sst as Node).si).map(richText) : [];
  const styles = readStyles(read('xl/styles.xml'));
  const sheets = list((workbook.sheets as Node).sheet).map((s) => {
    const target = targets.get(String(s.id)) ?? '';
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    return readSheet(read(path) ?? '', String(s.name), shared, styles);
  });
  const globalNames = new Map<string, string>();
  for (const d of list((workbook.definedNames as Node | undefined)?.definedName)) {
    const value = text(d);
    if (d.localSheetId === undefined) globalNames.set(String(d.name), value);
    else sheets[Number(d.localSheetId)]?.names.set(String(d.name), value);
  }
  return { sheets, globalNames };
}

function expandRef(ref: string): string[] {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref);
  if (!m) return [ref];
  const colNum = (l: string) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const colName = (n: number): string => (n > 26 ? colName(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));
  const [c1, r1] = [colNum(m[1] as string), Number(m[2])];
  const [c2, r2] = m[3] ? [colNum(m[3]), Number(m[4])] : [c1, r1];
  const cells: string[] = [];
  for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) cells.push(`${colName(c)}${r}`);
  return cells;
}

/** Validation rules by the cell they cover (sqref lists and ranges expanded). */
export function validationsByCell(sheet: SheetSnapshot): Map<string, ValidationSnapshot> {
  return new Map(
    sheet.validations.flatMap((v) =>
      v.sqref
        .split(/\s+/)
        .flatMap(expandRef)
        .map((cell) => [cell, v] as const),
    ),
  );
}
