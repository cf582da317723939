import { parseCellAddress, rangeAddress } from '../../core/a1';
import { UserError } from '../../core/errors';
import { readValue2Grid, XL } from './et-values';
import { step, wpsUserError } from './summary-errors';
import { isReplaceable, nameScope, summaryMarkerIn } from './summary-marker';
import type { EtApplicationSurface, EtWorkbookSurface, EtWorksheetSurface } from './wps-surface';

/** A sheet of the open workbook as read once: WPS has no sheet ids, so a sheet is known by its name. */
export interface WpsSheet {
  ws: EtWorksheetSurface;
  name: string;
}

/** An earlier summary sheet written by the add-in, which a new merge may replace once the clerk agrees. */
export interface WpsPreviousSummary {
  name: string;
  formId: string | null;
}

/** The open workbook, or a Chinese error when there is none (the pane opened over WPS's start page). */
export function activeWorkbook(app: EtApplicationSurface): EtWorkbookSurface {
  const book = step('读取当前工作簿', () => app.ActiveWorkbook);
  if (!book) throw new UserError('wps', '没有打开的工作簿：请先打开或新建一个工作簿，再试一次。');
  return book;
}

/** Every sheet with its name, in tab order: 1 + 2 calls a sheet. */
export function readSheets(book: EtWorkbookSurface): WpsSheet[] {
  return step('读取工作表', () => {
    const sheets = book.Worksheets;
    const count = sheets.Count;
    const out: WpsSheet[] = [];
    for (let i = 1; i <= count; i++) {
      const ws = sheets.Item(i);
      out.push({ ws, name: ws.Name });
    }
    return out;
  });
}

/**
 * A new very hidden sheet after the last, for what the add-in keeps in the workbook (the roster, imported
 * definitions). Sheets.Add shows the new sheet (VBA's Sheets.Add activates it), so the sheet shown before is shown
 * again: the clerk's view does not move. 9 calls.
 */
export function addHiddenSheet(book: EtWorkbookSurface, name: string): EtWorksheetSurface {
  return step('新建隐藏的工作表', () => {
    const sheets = book.Worksheets;
    const shown = book.ActiveSheet;
    const added = sheets.Add(null, sheets.Item(sheets.Count));
    added.Name = name;
    added.Visible = XL.sheet.veryHidden;
    shown.Activate();
    return added;
  });
}

/** Whether a sheet is hidden or very hidden (Visible: xlSheetVisible -1; ET may give true, as VBA's Visible can). */
export function isHiddenSheet(ws: EtWorksheetSurface): boolean {
  const visible: unknown = ws.Visible;
  return !(visible === XL.sheet.visible || visible === true);
}

/**
 * The values of the workbook's defined names that belong to a sheet (VBA spells a sheet's own name "Sheet!Name"),
 * by the sheet's name in lower case: 1 + 3 calls a name. Workbook-wide names belong to no sheet.
 */
export function sheetNameValues(book: EtWorkbookSurface): Map<string, string[]> {
  return step('读取定义的名称', () => {
    const names = book.Names;
    const count = names.Count;
    const out = new Map<string, string[]>();
    for (let i = 1; i <= count; i++) {
      const name = names.Item(i);
      const { sheet } = nameScope(String(name.Name));
      if (sheet === undefined) continue;
      const key = sheet.toLowerCase();
      out.set(key, [...(out.get(key) ?? []), String(name.RefersTo)]);
    }
    return out;
  });
}

/** The first row of a sheet's used range when that range starts on row 1 (where a summary's marker is), else none. */
export function firstRowOf(ws: EtWorksheetSurface): unknown[] {
  const used = ws.UsedRange;
  if (used.Row !== 1) return [];
  const columns = used.Columns.Count;
  const left = used.Column - 1;
  const row = ws.Range(rangeAddress({ top: 0, left, bottom: 0, right: left + columns - 1 }));
  return (readValue2Grid(row.Value2, 1, columns)[0] ?? []) as unknown[];
}

/** The earlier summaries among the given sheets: those whose marker still names them. About 8 calls a sheet. */
export function previousSummariesIn(sheets: readonly WpsSheet[], nameValues: Map<string, string[]>): WpsPreviousSummary[] {
  return step('查找以前写入的汇总表', () =>
    sheets.flatMap(({ ws, name }) => {
      const marker = summaryMarkerIn(firstRowOf(ws), nameValues.get(name.toLowerCase()));
      return isReplaceable(name, marker) ? [{ name, formId: marker?.formId ?? null }] : [];
    }),
  );
}

/** The earlier summary sheets of the open workbook, for the pane to ask before replacing them. */
export function findPreviousSummaries(app: EtApplicationSurface): WpsPreviousSummary[] {
  try {
    const book = activeWorkbook(app);
    return previousSummariesIn(readSheets(book), sheetNameValues(book));
  } catch (err) {
    throw wpsUserError('无法读取工作簿', err);
  }
}

/** Shows a sheet by its name. */
export function activateSheet(app: EtApplicationSurface, name: string): void {
  try {
    const book = activeWorkbook(app);
    step('打开工作表', () => book.Worksheets.Item(name).Activate());
  } catch (err) {
    throw wpsUserError(`无法打开工作表“${name}”`, err);
  }
}

/** Shows a sheet by its name with one cell selected (a problem's cell); a sheet no longer there is told so. */
export function selectCell(app: EtApplicationSurface, sheet: string, cell: string): void {
  const what = `无法选中工作表“${sheet}”的 ${cell}`;
  try {
    parseCellAddress(cell);
    const book = activeWorkbook(app);
    const found = readSheets(book).find((s) => s.name.toLowerCase() === sheet.toLowerCase());
    if (!found) throw new UserError('wps', `${what}：找不到这张工作表，它可能已被删除或改名；请再点“合并本工作簿中的表”重新读取。`);
    step('选中单元格', () => {
      found.ws.Activate();
      found.ws.Range(cell).Select();
    });
  } catch (err) {
    throw wpsUserError(what, err);
  }
}
