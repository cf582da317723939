import { localIsoDate } from '../core/cell-value';
import { UserError } from '../core/errors';
import { describeExcelError, excelErrorCode } from '../hosts/office/excel-errors';
import type { ExcelRun } from '../hosts/office/excel-surface';
import { readWorkbookReturns } from '../hosts/office/read-workbook-forms';
import { loadRoster, readRosterFromSelection, saveRoster } from '../hosts/office/roster-store';
import { activateSheet, findPreviousSummaries } from '../hosts/office/summary-sheets';
import { writeSummarySheets } from '../hosts/office/write-summaries';
import { detectApiSupport, type RequirementCheck } from '../hosts/office/api-support';
import type { MergeHost } from './merge-host';
import type { MergeClient } from './merge/merge-client';
import { withWorkbookNotes } from './merge/workbook-notes';
import type { KeptDefinition } from './merge/merge-protocol';

/** Activates a sheet of the open workbook, found by its name, and selects one cell of it. */
async function selectCell(run: ExcelRun, sheet: string, cell: string): Promise<void> {
  try {
    await run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    });
  } catch (err) {
    const why =
      excelErrorCode(err) === 'ItemNotFound'
        ? '找不到这张工作表，它可能已被删除或改名；请再点“合并本工作簿中的表”重新读取。'
        : describeExcelError(err);
    throw new UserError('excel', `无法选中工作表“${sheet}”的 ${cell}：${why}`);
  }
}

/** The 合并 tab's host in Excel: returns are read and merged in the worker, summaries written through Office.js. */
/** Office's own requirement-set check, where the pane runs in Office (none in tests or outside Office). */
function officeRequirements(): RequirementCheck | undefined {
  return typeof Office === 'undefined' ? undefined : (set, version) => Office.context.requirements.isSetSupported(set, version);
}

/**
 * Excel on Mac saves no file a pane downloads (office-js #3385, #4681); on Windows and on the web a download works.
 * Outside Office (tests, a browser) there is no Office.context.
 */
function onMac(): boolean {
  if (typeof Office === 'undefined') return false;
  const mac = Office.PlatformType?.Mac;
  return mac !== undefined && Office.context?.platform === mac;
}

export function officeMergeHost(
  run: ExcelRun,
  client: MergeClient,
  today: () => string = localIsoDate,
  isSetSupported: RequirementCheck | undefined = officeRequirements(),
  canDownload: boolean = !onMac(),
  /** The imported forms this workbook keeps (saved in 新表格): the worker takes them before any a return carries. */
  kept: () => KeptDefinition[] = () => [],
): MergeHost {
  return {
    readFiles: (files, roster, onProgress, signal, deadline) =>
      client.readFiles(files, roster, today(), onProgress, signal, deadline, kept()),
    readWorkbook: async (roster, signal, deadline) => {
      const workbook = await readWorkbookReturns(run);
      // A sheet too big to read whole was read in part: the workbook's line says so.
      return withWorkbookNotes(await client.readReturns([workbook], roster, today(), signal, deadline, kept()), workbook.notes);
    },
    resummarise: (roster, deadline) => client.summarise(roster, today(), deadline),
    slips: () => client.slips(),
    canDownload,
    previousSummaries: async () => (await findPreviousSummaries(run)).map((s) => s.name),
    write: async (preview, replace, onProgress) => {
      // Print settings (A4, fit to width, repeated headers) need ExcelApi 1.9: without it the sheets are written without them.
      const support = isSetSupported ? detectApiSupport(isSetSupported) : undefined;
      const written = await writeSummarySheets(run, [...preview.summaries, preview.report], { replace, onProgress, support });
      return written.sheets.map((s) => ({ id: s.id, name: s.name }));
    },
    showSheet: (id) => activateSheet(run, id),
    selectCell: (sheet, cell) => selectCell(run, sheet, cell),
    loadRoster: () => loadRoster(run),
    saveRoster: (units) => saveRoster(run, units),
    rosterFromSelection: () => readRosterFromSelection(run, isSetSupported),
  };
}
