import { UserError } from '../../core/errors';
import { summariseReturns, type MergeOptions, type MergeOutcome } from '../../app/merge-returns';
import type { ReturnFile } from '../../core/merge/merge-returns';
import { readWorkbookFile } from './read-workbook';
import { DAMAGED } from './read-verdicts';

/** A returned file's bytes as a host picked it (a file chooser, a drop, a folder on disk). */
export interface ReturnBuffer {
  name: string;
  /** Last-modified time in ms: of two returns of the same unit and form, the later one is used. */
  modified: number;
  data: Uint8Array;
}

/** One returned file read into sheets, or the Chinese reason it cannot be (never throws for a bad file). */
export function readReturnBuffer(buffer: ReturnBuffer): ReturnFile {
  try {
    return { file: buffer.name, modified: buffer.modified, sheets: readWorkbookFile(buffer.data, buffer.name) };
  } catch (err) {
    // Only a verdict written for the clerk is shown; an exception's own text never is.
    return { file: buffer.name, modified: buffer.modified, unreadable: err instanceof UserError ? err.message : DAMAGED };
  }
}

/**
 * Reads every file's bytes (reporting progress after each) and merges them through the application's one merge
 * step (src/app/merge-returns.ts), as the pane's worker does: for tests and benchmarks that start from bytes.
 */
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
