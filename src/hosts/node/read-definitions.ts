import { promises as fs } from 'fs';
import type { FoundDefinition } from '../../core/imported-catalogue';
import type { ReturnFile } from '../../core/merge/merge-returns';
import { formSheetsOnly, readEmbeddedDefinitions } from '../xlsx/definition-sheet';
import { fileTooLarge } from '../xlsx/read-workbook';

export interface DefinitionsRead {
  found: FoundDefinition[];
  /** Definitions refused (checksum, schema), one Chinese sentence each naming the file. */
  refused: string[];
}

/**
 * The imported-form definitions carried by the files about to be checked or merged. A file that cannot be read
 * adds nothing here: its own reading says why.
 */
export async function readDefinitions(files: readonly { fullPath: string; file: string }[]): Promise<DefinitionsRead> {
  const found: FoundDefinition[] = [];
  const refused: string[] = [];
  for (const { fullPath, file } of files) {
    let opened: ReturnType<typeof readEmbeddedDefinitions>;
    try {
      const stat = await fs.stat(fullPath);
      if (!stat.isFile() || fileTooLarge(stat.size)) continue;
      opened = readEmbeddedDefinitions(new Uint8Array(await fs.readFile(fullPath)));
    } catch {
      continue;
    }
    for (const o of opened) {
      if (o.ok) found.push({ file, notice: o.notice, form: o.form });
      else refused.push(`${file}：${o.problem}`);
    }
  }
  return { found, refused };
}

/** A return as the core should see it: without the sheet that carries definitions. */
export function withoutDefinitionSheet(file: ReturnFile): ReturnFile {
  return 'sheets' in file ? { ...file, sheets: formSheetsOnly(file.sheets) } : file;
}
