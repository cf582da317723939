import type { InputReport, ReturnFile } from '../../core/merge/merge-returns';
import type { SummaryTable } from '../../core/merge/summaries';

/** What a merge found and will write: the per-file report, the units missing, and the sheets as data. */
export interface MergePreview {
  inputs: InputReport[];
  missing: string[];
  summaries: SummaryTable[];
  report: SummaryTable;
}

/** A picked file as the worker receives it (File is structured-cloneable; tests pass any Blob with a name). */
export interface PickedFile {
  name: string;
  lastModified: number;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type MergeRequest =
  | { id: number; type: 'read-files'; files: PickedFile[]; roster: string[]; today: string }
  | { id: number; type: 'read-returns'; returns: ReturnFile[]; roster: string[]; today: string }
  /** Summarise the returns of the last read again, e.g. with another roster, without reading the files twice. */
  | { id: number; type: 'summarise'; roster: string[]; today: string };

export type MergeResponse =
  | { id: number; type: 'progress'; done: number; total: number; file: string }
  | { id: number; type: 'done'; preview: MergePreview }
  | { id: number; type: 'failed'; message: string };
