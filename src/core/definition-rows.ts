import { unsealEnvelope, type OpenedEnvelope } from './definition-envelope';
import { envelopeFromRow, MAX_DEFINITIONS } from './definition-sheet-text';
import { UserError } from './errors';
import type { FormDefinition } from './form-schema';

/**
 * Where a form's definition goes on the definition sheet (definition-sheet-text.ts) of an open workbook, found in
 * the rows a host read from it — the same for every host that keeps the sheet (hosts/office and hosts/wps
 * workbook-definitions.ts), which differ only in how they read and write cells.
 */

/** A row holding an envelope: where it is on the sheet (0-based) and how many cells it fills from column A. */
export interface DefinitionRow {
  row: number;
  width: number;
}

function sameForm(written: unknown, form: Pick<FormDefinition, 'id' | 'version'>): boolean {
  if (!written || typeof written !== 'object') return false;
  const { id, version } = written as { id?: unknown; version?: unknown };
  return id === form.id && version === form.version;
}

/**
 * The row holding the definition of the same form id and version (the first such), and how many rows hold an
 * envelope at all. `rows` are the read cells whose first is at (top, left) on the sheet.
 */
export function findDefinitionRow(
  rows: readonly (readonly unknown[])[],
  form: Pick<FormDefinition, 'id' | 'version'>,
  origin: { top: number; left: number },
): { target: DefinitionRow | undefined; count: number } {
  let count = 0;
  let target: DefinitionRow | undefined;
  rows.forEach((row, i) => {
    const text = envelopeFromRow(row);
    if (text === undefined) return;
    count++;
    // The checksum is enough to know which form a row holds: the schema (open-envelope.ts) is not needed to replace it.
    const unsealed = unsealEnvelope(text);
    if (target || !unsealed.ok || !sameForm(unsealed.form, form)) return;
    let last = row.length - 1;
    while (last >= 0 && (row[last] === '' || row[last] === null || row[last] === undefined)) last--;
    target = { row: origin.top + i, width: origin.left + last + 1 };
  });
  return { target, count };
}

/**
 * Refuses a new definition when the workbook already carries MAX_DEFINITIONS, before anything is written; `code` is
 * the host's UserError code.
 */
export function checkRoomForDefinition(
  found: { target: DefinitionRow | undefined; count: number },
  form: Pick<FormDefinition, 'name'>,
  code: string,
): void {
  if (!found.target && found.count >= MAX_DEFINITIONS)
    throw new UserError(
      code,
      `工作簿中已保存了 ${MAX_DEFINITIONS} 个导入的表格定义，不能再添加“${form.name}”。请在另一个工作簿中导入，或另建一个空白工作簿。`,
    );
}

/**
 * The definitions read rows carry, each opened (checksum, then schema) or refused with its Chinese reason; at most
 * MAX_DEFINITIONS rows are opened. The form schema (and the schema library with it) is loaded only when a row holds
 * an envelope: most workbooks carry none, and the pane does not load it at start-up for them.
 */
export async function openDefinitionRows(rows: readonly (readonly unknown[])[]): Promise<OpenedEnvelope[]> {
  const texts = rows
    .slice(0, MAX_DEFINITIONS)
    .map(envelopeFromRow)
    .filter((text): text is string => text !== undefined);
  if (texts.length === 0) return [];
  const { openEnvelope } = await import(/* webpackChunkName: "definition-schema" */ './open-envelope');
  return texts.map(openEnvelope);
}
