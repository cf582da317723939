import { localIsoDate } from '../core/cell-value';
import type { ExcelBatch } from '../hosts/office/live-validation';
import { readWorkbookReturns } from '../hosts/office/read-workbook-forms';
import { loadRoster, readRosterFromSelection, saveRoster } from '../hosts/office/roster-store';
import { activateSheet, findPreviousSummaries } from '../hosts/office/summary-sheets';
import { writeSummarySheets } from '../hosts/office/write-summaries';
import type { MergeHost } from './merge-host';
import type { MergeClient } from './merge/merge-client';

/** The 合并 tab's host in Excel: returns are read and merged in the worker, summaries written through Office.js. */
export function officeMergeHost(run: ExcelBatch, client: MergeClient, today: () => string = localIsoDate): MergeHost {
  return {
    readFiles: (files, roster, onProgress, signal) => client.readFiles(files, roster, today(), onProgress, signal),
    readWorkbook: async (roster, signal) => client.readReturns([await readWorkbookReturns(run)], roster, today(), signal),
    resummarise: (roster) => client.summarise(roster, today()),
    previousSummaries: async () => (await findPreviousSummaries(run)).map((s) => s.name),
    write: async (preview, replace, onProgress) => {
      const written = await writeSummarySheets(run, [...preview.summaries, preview.report], { replace, onProgress });
      return written.sheets.map((s) => ({ id: s.id, name: s.name }));
    },
    showSheet: (id) => activateSheet(run, id),
    loadRoster: () => loadRoster(run),
    saveRoster: (units) => saveRoster(run, units),
    rosterFromSelection: () => readRosterFromSelection(run),
  };
}
