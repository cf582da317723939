/**
 * ET's quirks handled in one place: numeric enum values, Value2 shapes, error codes, BGR colours, and the
 * DisplayAlerts / ScreenUpdating switches restored after use.
 */
import type { CellValue } from '../../core/cell-value';
import type { EtApplicationSurface } from './wps-surface';

/**
 * The enum values we pass, as numbers: the JS bridge takes numbers, and `wps.Enum` is not relied on (aiworkdeck
 * wpsEtHandlers.js header). Each equals Kingsoft's declared enum member: test/wps/surface-typings.mts fails to
 * compile if one differs.
 */
export const XL = {
  /** XlDVType. */
  validate: { wholeNumber: 1, decimal: 2, list: 3, date: 4, textLength: 6 },
  /** XlDVAlertStyle. */
  alert: { stop: 1, warning: 2 },
  /** XlFormatConditionOperator (also a validation's operator). */
  operator: { between: 1, greaterEqual: 7, lessEqual: 8 },
  /** XlFormatConditionType. */
  condition: { expression: 2 },
  /** XlBordersIndex. */
  edge: { left: 7, top: 8, bottom: 9, right: 10, insideVertical: 11, insideHorizontal: 12 },
  /** XlLineStyle. */
  lineStyle: { continuous: 1, none: -4142 },
  /** XlBorderWeight. */
  weight: { thin: 2 },
  /** XlHAlign. */
  hAlign: { left: -4131, center: -4108, right: -4152 },
  /** XlVAlign. */
  vAlign: { top: -4160, middle: -4108, bottom: -4107 },
  /** XlOrientation: xlVertical stacks the characters one under another. */
  orientation: { horizontal: -4128, vertical: -4166 },
  /** XlPageOrientation and XlPaperSize. */
  page: { portrait: 1, landscape: 2, a4: 9 },
  /** XlSheetVisibility. */
  sheet: { visible: -1, hidden: 0, veryHidden: 2 },
  /** Kso.XlColorIndex.xlColorIndexNone: no fill. */
  colorIndexNone: -4142,
  /** Kso.MsoFileDialogType.msoFileDialogFilePicker. */
  filePicker: 3,
} as const;

/**
 * Error values as Value2 gives them: VBA's CVErr as the HRESULT 0x800A0000 + the error number, read as a signed
 * 32-bit number. Measured on WPS 12.1.0.28043: #DIV/0! came back as −2146826281 = 0x800A07D7, VBA's xlErrDiv0 2007
 * (aiworkdeck wpsEtHandlers.js, collectFormulaErrors); the other numbers are VBA's xlErr… values.
 * A clerk's number can never equal one of these in a form (no field takes −2146826xxx), so the mapping is safe.
 */
const CVERR_BASE = 0x800a0000 - 0x1_0000_0000;
const CVERR_TEXT: ReadonlyMap<number, string> = new Map([
  [CVERR_BASE + 2000, '#NULL!'],
  [CVERR_BASE + 2007, '#DIV/0!'],
  [CVERR_BASE + 2015, '#VALUE!'],
  [CVERR_BASE + 2023, '#REF!'],
  [CVERR_BASE + 2029, '#NAME?'],
  [CVERR_BASE + 2036, '#NUM!'],
  [CVERR_BASE + 2042, '#N/A'],
]);

/** The CVErr number Value2 gives for an error text ("#N/A" → −2146826246), for the fake. */
export function cvErrCode(text: string): number | undefined {
  for (const [code, t] of CVERR_TEXT) if (t === text) return code;
  return undefined;
}

/** One cell of Value2 as our cell values: errors as their "#…" texts, as Office.js gives them. */
export function fromEtCell(value: unknown): CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return CVERR_TEXT.get(value) ?? value;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  return null;
}

/**
 * Value2 of a `rows` × `columns` range as a 2-D array of that shape. A single cell comes as a scalar; more as a 2-D
 * array; a 1-D array (one row or one column, "官方未成文": aiworkdeck `read2D` accepts it) is laid out along the
 * range's longer side. Missing cells read as empty, so a wrong shape never throws.
 */
export function readValue2Grid(value2: unknown, rows: number, columns: number): CellValue[][] {
  const grid: CellValue[][] = [];
  const cellAt = (r: number, c: number): unknown => {
    if (!Array.isArray(value2)) return r === 0 && c === 0 ? value2 : null;
    const first: unknown = value2[0];
    if (Array.isArray(first)) {
      const row: unknown = value2[r];
      return Array.isArray(row) ? row[c] : null;
    }
    // 1-D: a row when the range is one row, else a column.
    if (rows === 1) return r === 0 ? value2[c] : null;
    return c === 0 ? value2[r] : null;
  };
  for (let r = 0; r < rows; r++) {
    const row: CellValue[] = [];
    for (let c = 0; c < columns; c++) row.push(fromEtCell(cellAt(r, c)));
    grid.push(row);
  }
  return grid;
}

/** "#RRGGBB" as ET's BGR integer (0x00BBGGRR). */
export function hexToBgr(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) throw new Error(`not a #RRGGBB colour: ${hex}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h as string, 16)) as [number, number, number];
  return (b << 16) | (g << 8) | r;
}

/** ET's BGR integer as "#RRGGBB" (upper case, as the .xlsx renderer's colours). */
export function bgrToHex(bgr: number): string {
  const r = bgr & 0xff;
  const g = (bgr >> 8) & 0xff;
  const b = (bgr >> 16) & 0xff;
  return `#${[r, g, b].map((n) => n.toString(16).padStart(2, '0')).join('')}`.toUpperCase();
}

/**
 * Runs `work` with DisplayAlerts off (no "merge keeps only the top-left value" or "delete this sheet?" prompt
 * blocking the call: aiworkdeck wraps Merge and deletes so) and puts the setting back as it was, also on failure.
 */
export function withAlertsOff<T>(app: EtApplicationSurface, work: () => T): T {
  const before = app.DisplayAlerts;
  app.DisplayAlerts = false;
  try {
    return work();
  } finally {
    app.DisplayAlerts = before;
  }
}

/** Runs `work` with ScreenUpdating off (aiworkdeck: loops of writes) and puts it back as it was, also on failure. */
export function withScreenUpdatingOff<T>(app: EtApplicationSurface, work: () => T): T {
  const before = app.ScreenUpdating;
  app.ScreenUpdating = false;
  try {
    return work();
  } finally {
    app.ScreenUpdating = before;
  }
}
