import { cellText, type CellValue } from '../../core/cell-value';
import { UserError } from '../../core/errors';
import type { RequirementCheck } from './api-support';
import { describeExcelError, excelErrorCode, NOT_THE_SELECTION } from './excel-errors';
import type { ContextSurface, ExcelRun } from './excel-surface';
import { cleanUnits, parseRosterXml, ROSTER_NAMESPACE, rosterXml } from './roster-xml';

/**
 * Where the roster of expected units is remembered. In Excel: a custom XML part of the workbook (ExcelApi 1.5),
 * so it travels with the file, offline too, and any add-in or tool reading the .xlsx finds it.
 */
export interface RosterStore {
  load(): Promise<string[]>;
  save(units: readonly string[]): Promise<void>;
}

/** The roster saved in the open workbook: one sync when there is none, two otherwise. */
export async function loadRoster(run: ExcelRun): Promise<string[]> {
  try {
    return await run(async (context) => {
      const parts = context.workbook.customXmlParts.getByNamespace(ROSTER_NAMESPACE);
      parts.load('items/id');
      await context.sync();
      const xml = parts.items.map((part) => part.getXml());
      if (xml.length === 0) return [];
      await context.sync();
      const rosters = xml.map((x) => parseRosterXml(x.value));
      rosters.sort((a, b) => (a.saved < b.saved ? -1 : a.saved > b.saved ? 1 : 0));
      return rosters[rosters.length - 1]?.units ?? [];
    });
  } catch (err) {
    throw new UserError('excel', `无法读取保存在工作簿中的单位名单：${describeExcelError(err)}`);
  }
}

/**
 * Saves the roster in the open workbook (two syncs): the new part is added before the old ones are deleted, so a
 * save cut short never leaves none. If the write fails after the new part was added, the save is finished (the old
 * parts left are deleted, two syncs more); if before, nothing was changed and the error says so. Either way the
 * workbook holds the old roster or the new one alone. An empty roster removes it. Like any change, it is kept once
 * the clerk saves the workbook.
 */
export async function saveRoster(run: ExcelRun, units: readonly string[]): Promise<void> {
  const clean = cleanUnits(units);
  try {
    await run(async (context) => {
      const partsApi = context.workbook.customXmlParts;
      const parts = partsApi.getByNamespace(ROSTER_NAMESPACE);
      parts.load('items/id');
      await context.sync();
      const old = new Set(parts.items.map((part) => part.id));
      if (clean.length > 0) partsApi.add(rosterXml(clean));
      parts.items.forEach((part) => part.delete());
      try {
        await context.sync();
      } catch (err) {
        if (!(await finishSave(context, old, clean.length > 0))) throw err;
      }
    });
  } catch (err) {
    throw new UserError('excel', `无法把单位名单保存到工作簿：${describeExcelError(err)}`);
  }
}

/**
 * After a failed write of a roster: finishes the save if its new part is there (or no new part was to be added),
 * deleting the old parts left. Returns false if the new part is not there (nothing was changed) or Excel failed.
 */
async function finishSave(context: ContextSurface, old: ReadonlySet<string>, adding: boolean): Promise<boolean> {
  try {
    const parts = context.workbook.customXmlParts.getByNamespace(ROSTER_NAMESPACE);
    parts.load('items/id');
    await context.sync();
    if (adding && parts.items.every((part) => old.has(part.id))) return false;
    const left = parts.items.filter((part) => old.has(part.id));
    if (left.length === 0) return true;
    left.forEach((part) => part.delete());
    await context.sync();
    return true;
  } catch {
    return false;
  }
}

export function workbookRosterStore(run: ExcelRun): RosterStore {
  return { load: () => loadRoster(run), save: (units) => saveRoster(run, units) };
}

/** A roster kept in memory: outside Excel, and for the pane's tests. */
export function memoryRosterStore(initial: readonly string[] = []): RosterStore {
  let units = cleanUnits(initial);
  return {
    load: async () => [...units],
    save: async (next) => {
      units = cleanUnits(next);
    },
  };
}

/** What reading every area of the selection needs of Excel's RangeAreas (ExcelApi 1.9). */
export interface RangeAreasSurface {
  readonly isNullObject: boolean;
  readonly areas: { readonly items: { readonly values: unknown[][] }[]; load(propertyNames?: string | string[]): unknown };
  getUsedRangeAreasOrNullObject(valuesOnly?: boolean): RangeAreasSurface;
}
export type RealRangeAreasFit = Excel.RangeAreas extends RangeAreasSurface ? true : never;

/**
 * `Workbook.getSelectedRanges()` is in ExcelApi 1.9 ("Excel.Workbook" reference: getSelectedRanges, API set
 * ExcelApi 1.9); the manifest asks only 1.7, so it is feature-detected.
 */
export const SELECTED_RANGES_SET = { set: 'ExcelApi', version: '1.9' } as const;

export const PICK_ONE_BLOCK = '无法读取选中的单元格：请只选中一块连续的单元格（例如写有单位名称的一列），再点此按钮。';

/**
 * The selected cells' texts as unit names (one sync): blanks and repeats left out, in reading order. Where
 * `getSelectedRanges()` is supported, every area of a selection made with Ctrl is read; before it,
 * `getSelectedRange()` throws on a multi-area selection ("If multiple ranges are selected, the method throws an
 * `InvalidSelection` error": "Work with workbooks", excel-add-ins-workbooks), and the clerk is asked in Chinese to
 * select one block. InvalidSelection is also what it answers while another workbook is in front (troubleshooting page,
 * Windows and Mac), so the Chinese words name both.
 */
export async function readRosterFromSelection(run: ExcelRun, isSetSupported?: RequirementCheck): Promise<string[]> {
  const areas = isSetSupported?.(SELECTED_RANGES_SET.set, SELECTED_RANGES_SET.version) ?? false;
  try {
    return await run(async (context) => {
      if (areas) {
        const workbook = context.workbook as typeof context.workbook & { getSelectedRanges(): RangeAreasSurface };
        // Only the cells holding values: a whole column selected is not read a million cells at a time, and its
        // values are not read at all (office-js #4792: "getSelectedRanges.values is null if whole row/column is selected").
        const used = workbook.getSelectedRanges().getUsedRangeAreasOrNullObject(true);
        used.areas.load('items/values');
        await context.sync();
        if (used.isNullObject) return [];
        return cleanUnits(
          used.areas.items.flatMap((area) => (Array.isArray(area.values) ? area.values.flat() : [])).map((v) => cellText(v as CellValue)),
        );
      }
      const used = context.workbook.getSelectedRange().getUsedRangeOrNullObject(true);
      used.load('values');
      await context.sync();
      if (used.isNullObject) return [];
      return cleanUnits((used.values as CellValue[][]).flat().map((v) => cellText(v)));
    });
  } catch (err) {
    const code = excelErrorCode(err);
    // Without getSelectedRanges a refused read is most likely a selection of several blocks; the reason is kept. Not
    // when the clerk is editing a cell (either documented code) or another workbook is in front (InactiveWorkbook).
    if (!areas && !NOT_THE_SELECTION.has(code ?? '')) throw new UserError('excel', `${PICK_ONE_BLOCK}（${describeExcelError(err)}）`);
    throw new UserError('excel', `无法读取选中的单元格：${describeExcelError(err)}`);
  }
}
