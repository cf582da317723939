import { mergeReturns, type MergeResult, type ReturnFile } from '../core/merge/merge-returns';
import { reportTable, summaryTables, type SummaryTable } from '../core/merge/summaries';
import type { Catalogue } from '../core/notice-catalogue';
import { collectionDesk, type Desk } from './collection-desk';

/**
 * The city clerk's merge as one application step, the same for the command line and the pane's worker: returns
 * already read by a host (from disk, a file chooser or the open workbook) in, summaries, 合并报告 and the collection
 * desk (status, 催报, 退回修改单) out. Pure: it reads no file and writes none.
 */
export interface MergeOptions {
  today: string;
  roster?: readonly string[];
  /** The notices and forms the returns are read against. */
  catalogue: Catalogue;
  /** The clerk's own deadline (YYYY-MM-DD) for every form, over the notices' own. */
  deadline?: string;
}

export interface MergeOutcome {
  result: MergeResult;
  /** The summary sheets, ready for any writer. */
  summaries: SummaryTable[];
  /** 合并报告, written after the summaries. */
  report: SummaryTable;
  desk: Desk;
}

export function summariseReturns(returns: readonly ReturnFile[], options: MergeOptions): MergeOutcome {
  const result = mergeReturns(returns, options);
  const modified = new Map(returns.map((r) => [r.file, r.modified]));
  const desk = collectionDesk(result, {
    catalogue: options.catalogue,
    roster: options.roster,
    deadline: options.deadline,
    modifiedOf: (file) => modified.get(file),
    today: options.today,
  });
  return { result, summaries: summaryTables(result, options.catalogue), report: reportTable(result, options.catalogue), desk };
}
