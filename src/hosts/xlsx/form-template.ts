import type { EnvelopeNotice } from '../../core/definition-envelope';
import type { FormDefinition } from '../../core/form-schema';
import { planSheet } from '../../core/layout';
import { embedDefinitions } from './definition-sheet';
import { writeFormsWorkbook } from './write-workbook';

/** A file to write or hand over: its name and bytes. */
export interface NamedFile {
  name: string;
  data: Uint8Array;
}

/**
 * What an imported form is handed on as (issue 13 §1): its definition as JSON (checked by the same schema as the
 * built-in forms, editable by hand) and its .xlsx template, which carries the definition in its very hidden sheet so
 * that the returns made from it are read with nothing installed. The command line writes them; the pane downloads them.
 */
export async function formTemplateFiles(form: FormDefinition, notice: EnvelopeNotice): Promise<NamedFile[]> {
  const json = new TextEncoder().encode(`${JSON.stringify(form, null, 2)}\n`);
  const template = embedDefinitions(await writeFormsWorkbook([planSheet(form)]), [{ form, notice }]);
  return [
    { name: `${form.id}.json`, data: json },
    { name: `${form.id}.xlsx`, data: template },
  ];
}
