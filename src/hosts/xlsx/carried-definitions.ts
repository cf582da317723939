import type { FoundDefinition } from '../../core/imported-catalogue';
import type { ReturnFile } from '../../core/merge/merge-returns';
import { definitionsInSheets } from './definition-sheet';

/** A return without the sheet that carries definitions, and the definitions that sheet carried. */
export interface ReturnAndDefinitions {
  read: ReturnFile;
  /** Definitions opened (checksum and schema passed), for catalogueWithImported. */
  found: FoundDefinition[];
  /** Definitions refused (size, checksum, schema), one Chinese sentence each naming the file, as the command line words them. */
  refused: string[];
}

/**
 * A return already read into sheets, parted into the sheets to check or merge and the imported-form definitions it
 * carries (issue 13 §3): the pane's worker reads both from one reading of the file. A file that could not be read
 * carries none (its own verdict says why).
 */
export function takeCarriedDefinitions(read: ReturnFile): ReturnAndDefinitions {
  if (!('sheets' in read)) return { read, found: [], refused: [] };
  const { sheets, opened } = definitionsInSheets(read.sheets);
  const found: FoundDefinition[] = [];
  const refused: string[] = [];
  for (const o of opened) {
    if (o.ok) found.push({ file: read.file, notice: o.notice, form: o.form });
    else refused.push(`${read.file}：${o.problem}`);
  }
  return { read: { ...read, sheets }, found, refused };
}
