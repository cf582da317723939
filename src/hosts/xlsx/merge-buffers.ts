import { UserError } from '../../core/errors';
import { mergeReturns, type MergeResult, type ReturnFile } from '../../core/merge/merge-returns';
import { reportTable, summaryTables, type SummaryTable } from '../../core/merge/summaries';
import { readWorkbookFile } from './read-workbook';

/** A returned file's bytes as a host picked it (a file chooser, a drop, a folder on disk). */
export interface ReturnBuffer {
  name: string;
  /** Last-modified time in ms: of two returns of the same unit and form, the later one is used. */
  modified: number;
  data: Uint8Array;
}

export interface MergeOutcome {
  result: MergeResult;
  /** The summary sheets, ready for any writer. */
  summaries: SummaryTable[];
  /** 合并报告, written after the summaries. */
  report: SummaryTable;
}

export interface MergeOptions {
  today: string;
  roster?: readonly string[];
}

/** One returned file read into sheets, or the Chinese reason it cannot be (never throws for a bad file). */
export function readReturnBuffer(buffer: ReturnBuffer): ReturnFile {
  try {
    return { file: buffer.name, modified: buffer.modified, sheets: readWorkbookFile(buffer.data) };
  } catch (err) {
    if (err instanceof UserError) return { file: buffer.name, modified: buffer.modified, unreadable: err.message };
    return {
      file: buffer.name,
      modified: buffer.modified,
      unreadable: `无法读取：${String((err as Error)?.message ?? err).slice(0, 120)}`,
    };
  }
}

/** The summaries and the report of a set of read returns. */
export function summariseReturns(returns: readonly ReturnFile[], options: MergeOptions): MergeOutcome {
  const result = mergeReturns(returns, options);
  return { result, summaries: summaryTables(result), report: reportTable(result) };
}

/** Reads every file (reporting progress after each) and merges them: the same path for the pane's worker and the CLI. */
export function mergeBuffers(
  buffers: readonly ReturnBuffer[],
  options: MergeOptions,
  onProgress?: (done: number, total: number, file: string) => void,
): MergeOutcome {
  const returns: ReturnFile[] = [];
  for (const [i, buffer] of buffers.entries()) {
    returns.push(readReturnBuffer(buffer));
    onProgress?.(i + 1, buffers.length, buffer.name);
  }
  return summariseReturns(returns, options);
}
