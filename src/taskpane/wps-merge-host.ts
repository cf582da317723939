import { localIsoDate } from '../core/cell-value';
import { RETURN_FILE_ACCEPT } from '../core/merge/return-files';
import { NOTICE_DIALOG, pickFiles, type PickedFiles } from '../hosts/wps/pick-files';
import { readWorkbookReturns } from '../hosts/wps/read-workbook-forms';
import { loadRoster, readRosterFromSelection, saveRoster } from '../hosts/wps/roster-store';
import { activateSheet, findPreviousSummaries, selectCell } from '../hosts/wps/summary-sheets';
import { writeSummarySheets } from '../hosts/wps/write-summaries';
import type { EtApplicationSurface } from '../hosts/wps/wps-surface';
import { later } from './et-step';
import type { MergeHost } from './merge-host';
import type { MergeClient } from './merge/merge-client';
import { withWorkbookNotes } from './merge/workbook-notes';
import type { KeptDefinition } from './merge/merge-protocol';

/**
 * The 合并 tab's host in WPS 表格: returns read and merged in the same worker as in Excel, summaries and 合并报告
 * written through ET's object model (hosts/wps/). ET's calls are synchronous; each is wrapped in a promise so the
 * pane sees the same MergeHost as in Excel. The summaries' write keeps the pane busy while it runs (WPS's bridge
 * blocks the page): a few hundred calls a sheet, ~0.2 ms each, plus one Value2 write per block of rows.
 */
export interface WpsMergeHost extends MergeHost {
  /**
   * Returns chosen in WPS's own file dialog and read through wps.FileSystem, for where the pane's file chooser does
   * not work (no source says whether <input type=file> works in WPS's task pane): the same files the chooser gives.
   */
  chooseReturns(): Promise<PickedFiles>;
  /** A notice (.docx) chosen the same way, for 新表格 → 从通知导入; its bytes go to the same import. */
  chooseNotice(): Promise<PickedFiles>;
}

const RETURN_EXTENSIONS = RETURN_FILE_ACCEPT.split(',').map((e) => e.replace(/^\./, ''));

export function wpsMergeHost(
  app: EtApplicationSurface,
  client: MergeClient,
  today: () => string = localIsoDate,
  /** The imported forms this workbook keeps (saved in 新表格): the worker takes them before any a return carries. */
  kept: () => KeptDefinition[] = () => [],
): WpsMergeHost {
  return {
    readFiles: (files, roster, onProgress, signal, deadline) =>
      client.readFiles(files, roster, today(), onProgress, signal, deadline, kept()),
    readWorkbook: async (roster, signal, deadline) => {
      const workbook = await later(() => readWorkbookReturns(app));
      // A sheet too big to read whole was read in part: the workbook's line says so.
      return withWorkbookNotes(await client.readReturns([workbook], roster, today(), signal, deadline, kept()), workbook.notes);
    },
    resummarise: (roster, deadline) => client.summarise(roster, today(), deadline),
    slips: () => client.slips(),
    // A download from WPS's pane: no source says whether it saves a file; the slips stay offered, as on Windows.
    canDownload: true,
    previousSummaries: () => later(() => findPreviousSummaries(app).map((s) => s.name)),
    write: (preview, replace, onProgress) =>
      later(() =>
        writeSummarySheets(app, [...preview.summaries, preview.report], { replace, onProgress }).sheets.map((s) => ({
          id: s.id,
          name: s.name,
        })),
      ),
    showSheet: (id) => later(() => activateSheet(app, id)),
    selectCell: (sheet, cell) => later(() => selectCell(app, sheet, cell)),
    loadRoster: () => later(() => loadRoster(app)),
    saveRoster: (units) => later(() => saveRoster(app, units)),
    rosterFromSelection: () => later(() => readRosterFromSelection(app)),
    chooseReturns: () =>
      later(() =>
        pickFiles(app, {
          title: '选择各单位报送的工作簿',
          multiple: true,
          filter: { description: '工作簿', extensions: RETURN_EXTENSIONS },
        }),
      ),
    chooseNotice: () => later(() => pickFiles(app, NOTICE_DIALOG)),
  };
}
