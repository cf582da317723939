import { rangeAddress } from '../../core/a1';
import { literalForTyping } from '../../core/cell-text';
import { cellText } from '../../core/cell-value';
import { UserError } from '../../core/errors';
import { cleanUnits } from '../office/roster-xml';
import { readValue2Grid } from './et-values';
import { step, wpsUserError } from './summary-errors';
import { activeWorkbook, addHiddenSheet, readSheets } from './summary-sheets';
import type { EtApplicationSurface, EtWorkbookSurface, EtWorksheetSurface } from './wps-surface';

/**
 * Where the roster of expected units is kept in a workbook open in WPS: a very hidden sheet, UnionForms_名单, one
 * unit a row in column A, as text.
 *
 * Excel keeps it in a custom XML part (hosts/office/roster-store.ts). Kingsoft's typings declare
 * Workbook.CustomXMLParts, but no public WPS add-in or WPS document uses it and no measurement says the JS bridge
 * keeps one in the saved file; a sheet is what the sources do show working (Worksheets.Add, Range.Value2,
 * ../shared/research/wps-addin.md §3), the way imported definitions are kept (UnionForms_定义, both hosts). It is made
 * very hidden (Visible = xlSheetVeryHidden, 2: typings), so WPS's 取消隐藏 does not offer it; it goes with the file,
 * offline too. A roster saved in Excel is not seen here, nor one saved here in Excel.
 */
export const ROSTER_SHEET = 'UnionForms_名单';
const TEXT_FORMAT = '@';

/** The roster sheet, if the workbook has one. */
function rosterSheet(book: EtWorkbookSurface): EtWorksheetSurface | undefined {
  return readSheets(book).find((s) => s.name === ROSTER_SHEET)?.ws;
}

/** Column A's texts down to the sheet's last used row. */
function columnA(ws: EtWorksheetSurface): { units: string[]; rows: number } {
  const used = ws.UsedRange;
  const rows = used.Row - 1 + used.Rows.Count;
  const values = ws.Range(rangeAddress({ top: 0, left: 0, bottom: rows - 1, right: 0 })).Value2;
  return { units: readValue2Grid(values, rows, 1).map((row) => cellText(row[0] ?? null)), rows };
}

/** The roster kept in the open workbook, or none. */
export function loadRoster(app: EtApplicationSurface): string[] {
  try {
    const ws = rosterSheet(activeWorkbook(app));
    return ws ? cleanUnits(step('读取单位名单', () => columnA(ws).units)) : [];
  } catch (err) {
    throw wpsUserError('无法读取保存在工作簿中的单位名单', err);
  }
}

/**
 * Keeps the roster in the open workbook: the sheet made (very hidden) when absent, then column A written in one
 * Value2 write covering the old roster's rows too, so that the new list replaces the old in one step and never
 * leaves a mix of both. An empty roster empties the column. Like any change, it is kept once the clerk saves.
 */
export function saveRoster(app: EtApplicationSurface, units: readonly string[]): void {
  const clean = cleanUnits(units);
  try {
    const book = activeWorkbook(app);
    let ws = rosterSheet(book);
    if (!ws && clean.length === 0) return;
    const old = ws ? step('读取单位名单', () => columnA(ws as EtWorksheetSurface).rows) : 0;
    ws ??= addHiddenSheet(book, ROSTER_SHEET);
    const rows = Math.max(1, clean.length, old);
    const target = ws;
    step('保存单位名单', () => {
      const column = target.Range(rangeAddress({ top: 0, left: 0, bottom: rows - 1, right: 0 }));
      column.NumberFormat = TEXT_FORMAT;
      // a name read as a formula (=, +, -, @) keeps its text: the same text prefix Office.js writes get
      column.Value2 = Array.from({ length: rows }, (_, i) => [literalForTyping(clean[i] ?? null)]);
    });
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw wpsUserError('无法把单位名单保存到工作簿', err);
  }
}

/**
 * The selected cells' texts as unit names: blanks and repeats left out, in reading order. Every block of a Ctrl
 * selection is read, each only where the sheet has values (a whole column selected is not read a million cells at
 * a time), in one Value2 read a block.
 */
export function readRosterFromSelection(app: EtApplicationSurface): string[] {
  try {
    const selection = step('读取选中的单元格', () => app.Selection);
    const areas = step('读取选中的单元格', () => selection?.Areas);
    if (!areas) throw new UserError('wps', '无法读取选中的单元格：请先选中写有单位名称的单元格（例如一列），再点此按钮。');
    return step('读取选中的单元格', () => {
      const ws = app.ActiveSheet;
      const used = ws.UsedRange;
      const lastRow = used.Row - 1 + used.Rows.Count;
      const lastColumn = used.Column - 1 + used.Columns.Count;
      const texts: string[] = [];
      for (let i = 1; i <= areas.Count; i++) {
        const area = areas.Item(i);
        const top = area.Row - 1;
        const left = area.Column - 1;
        const bottom = Math.min(top + area.Rows.Count, lastRow) - 1;
        const right = Math.min(left + area.Columns.Count, lastColumn) - 1;
        if (bottom < top || right < left) continue;
        const values = ws.Range(rangeAddress({ top, left, bottom, right })).Value2;
        for (const row of readValue2Grid(values, bottom - top + 1, right - left + 1)) texts.push(...row.map((v) => cellText(v)));
      }
      return cleanUnits(texts);
    });
  } catch (err) {
    throw wpsUserError('无法读取选中的单元格', err);
  }
}
