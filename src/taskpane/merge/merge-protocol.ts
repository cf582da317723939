import type { Desk } from '../../app/collection-desk';
import type { EnvelopeNotice } from '../../core/definition-envelope';
import type { FormDefinition } from '../../core/form-schema';
import type { InputReport, ReturnFile } from '../../core/merge/merge-returns';
import type { SummaryTable } from '../../core/merge/summaries';

/** What a merge found and will write: the per-file report, the units missing, and the sheets as data. */
export interface MergePreview {
  inputs: InputReport[];
  missing: string[];
  summaries: SummaryTable[];
  report: SummaryTable;
  /** Who has sent what, the 催报 text and who gets a 退回修改单 (issue 14). */
  desk: Desk;
  /** The imported forms the returns' own definitions added, and the definitions refused (issue 13 §3). */
  definitions: DefinitionsUsed;
}

/** As the command line's report has them: "title（id 第 n 版）" taken, and one Chinese sentence naming the file per refusal. */
export interface DefinitionsUsed {
  added: string[];
  refused: string[];
  /** Forms read by the copy most returns carry, the others refused (no definition of the workbook's own): one sentence each. */
  notes: string[];
  /** The sheet name of each imported form taken, by its id: the pane names a return's form by it, as a built-in one's. */
  sheetNames: Record<string, string>;
}

/** A picked file as the worker receives it (File is structured-cloneable; tests pass any Blob with a name). */
export interface PickedFile {
  name: string;
  lastModified: number;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** The clerk's own deadline (YYYY-MM-DD) for every form, over the notices' own, when the pane's date is set. */
type Deadline = { deadline?: string };

/** A 退回修改单 as a workbook, named with its unit (slipFileName). */
export interface SlipFile {
  name: string;
  data: Uint8Array;
}

/**
 * The imported forms' definitions the clerk's own workbook keeps (issue 13 §3): the worker takes them before any a
 * return carries, so that a return cannot replace a reviewed definition with its own copy.
 */
export interface KeptDefinition {
  notice: EnvelopeNotice;
  form: FormDefinition;
}
type Kept = { kept?: KeptDefinition[] };

export type MergeRequest =
  | ({ id: number; type: 'read-files'; files: PickedFile[]; roster: string[]; today: string } & Deadline & Kept)
  | ({ id: number; type: 'read-returns'; returns: ReturnFile[]; roster: string[]; today: string } & Deadline & Kept)
  /** Summarise the returns of the last read again, e.g. with another roster, without reading the files twice. */
  | ({ id: number; type: 'summarise'; roster: string[]; today: string } & Deadline)
  /** The 退回修改单 of the last preview, drawn from the returns of the last read (their bytes where kept). */
  | { id: number; type: 'slips' };

export type MergeResponse =
  | { id: number; type: 'progress'; done: number; total: number; file: string }
  | { id: number; type: 'done'; preview: MergePreview }
  | { id: number; type: 'slips-done'; slips: SlipFile[] }
  | { id: number; type: 'failed'; message: string };
