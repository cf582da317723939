import type { ChooseFiles } from './chosen-files';
import type { ReadProgress } from './merge/merge-client';
import type { MergePreview, PickedFile, SlipFile } from './merge/merge-protocol';

/** A read of returns the pane can cancel. */
export type ReadReturns = (signal: AbortSignal) => Promise<MergePreview>;

export interface WrittenSheet {
  id: string;
  name: string;
}

/** What the 合并 tab may ask: reading returns off the UI thread, writing the summaries, and the remembered roster. */
export interface MergeHost {
  /** `deadline` (YYYY-MM-DD): the clerk's date for every form, over the notices' own. */
  readFiles(files: PickedFile[], roster: string[], onProgress: ReadProgress, signal: AbortSignal, deadline?: string): Promise<MergePreview>;
  /** "合并本工作簿中的表": the form sheets already in the open workbook. */
  readWorkbook(roster: string[], signal: AbortSignal, deadline?: string): Promise<MergePreview>;
  /** The last read returns summarised again, e.g. after the roster or the deadline changed. */
  resummarise(roster: string[], deadline?: string): Promise<MergePreview>;
  /** The 退回修改单 of the last preview, one workbook per unit with something to correct. */
  slips(): Promise<SlipFile[]>;
  /**
   * Whether the pane can hand the clerk a file to save (a download): not in Excel on Mac (office-js #3385, #4681),
   * where the command line makes the slips instead.
   */
  canDownload: boolean;
  /** Names of summary sheets an earlier merge wrote into this workbook. */
  previousSummaries(): Promise<string[]>;
  write(preview: MergePreview, replace: boolean, onProgress: (done: number, total: number) => void): Promise<WrittenSheet[]>;
  showSheet(id: string): Promise<void>;
  /** Shows a sheet of the open workbook (by its name, as the preview has it) with one cell selected, e.g. a problem's. */
  selectCell(sheet: string, cell: string): Promise<void>;
  loadRoster(): Promise<string[]>;
  saveRoster(units: string[]): Promise<void>;
  rosterFromSelection(): Promise<string[]>;
  /**
   * Returns chosen in the host's own file dialog (WPS: Application.FileDialog), where the pane's file chooser may not
   * work; the files go to `readFiles` as the chooser's do. Absent in Excel.
   */
  chooseReturns?: ChooseFiles<PickedFile>;
}
