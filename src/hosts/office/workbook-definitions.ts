import { checkRoomForDefinition, findDefinitionRow, openDefinitionRows } from '../../core/definition-rows';
import { sealDefinition, type EnvelopeNotice, type OpenedEnvelope } from '../../core/definition-envelope';
import { DEFINITION_SHEET, envelopePieces } from '../../core/definition-sheet-text';
import { UserError } from '../../core/errors';
import type { FormDefinition } from '../../core/form-schema';
import { describeExcelError } from './excel-errors';
import type { ContextSurface, RangeSurface, WorksheetSurface } from './excel-surface';

/**
 * The definitions of imported forms kept in the open workbook (issue 13 §3), read and written through Office.js:
 * the very hidden sheet UnionForms_定义, one envelope (core/definition-envelope.ts) per row, cut into text cells from
 * column A (core/definition-sheet-text.ts) — the same sheet the .xlsx side writes (hosts/xlsx/definition-sheet.ts),
 * so a template made either way is read either way. Nothing read is evaluated: each row is opened as JSON data.
 */

interface SheetRead {
  /** The definition sheet, or undefined when the workbook has none. */
  sheet: WorksheetSurface | undefined;
  used: RangeSurface | undefined;
}

/**
 * The definition sheet and its cells holding values: one sync to learn whether the sheet exists, a second (only when
 * it does) for its cells and `also` of it. No Microsoft page says what Excel does with a method called on a null
 * object in the same batch ("*OrNullObject methods and properties" describes only isNullObject), so nothing is asked
 * of the sheet before it is known to exist.
 */
async function readSheet(context: ContextSurface, also: (sheet: WorksheetSurface) => void = () => undefined): Promise<SheetRead> {
  const found = context.workbook.worksheets.getItemOrNullObject(DEFINITION_SHEET);
  try {
    await context.sync();
  } catch (err) {
    throw new UserError('excel', `无法读取工作簿中保存的表格定义：${describeExcelError(err)}`);
  }
  if (found.isNullObject) return { sheet: undefined, used: undefined };
  const used = found.getUsedRangeOrNullObject(true);
  used.load('values,rowIndex,columnIndex,rowCount,columnCount');
  also(found);
  await syncOr(context, '无法读取工作簿中保存的表格定义');
  return { sheet: found, used };
}

/** A sync whose failure is told in Chinese: what could not be done, then Excel's reason. */
async function syncOr(context: ContextSurface, what: string): Promise<void> {
  try {
    await context.sync();
  } catch (err) {
    throw new UserError('excel', `${what}：${describeExcelError(err)}`);
  }
}

/** The rows of the sheet's used range, or none. */
function usedRows({ used }: SheetRead): unknown[][] {
  if (!used || used.isNullObject || !Array.isArray(used.values)) return [];
  return used.values as unknown[][];
}

/**
 * The definitions the open workbook carries, each opened (checksum, then schema) or refused with its Chinese
 * reason; none when it has no definition sheet. One sync without the sheet, two with it; at most MAX_DEFINITIONS
 * rows are opened.
 */
export async function readWorkbookDefinitions(context: ContextSurface): Promise<OpenedEnvelope[]> {
  const read = await readSheet(context);
  return openDefinitionRows(usedRows(read));
}

const TEXT_FORMAT = '@';

/**
 * Keeps a form's definition in the open workbook: the row holding the same form id and version is replaced (its
 * cells past the new envelope's end emptied), or a row is added after the last one. A write sync after the reads
 * (one without the sheet, two with it: see readSheet).
 *
 * - The sheet is created if absent (WorksheetCollection.add, which does not activate it: "If you wish to activate
 *   the newly added worksheet, call .activate() on it") and made VeryHidden ("Worksheet.visibility", set: ExcelApi
 *   1.2; Excel.SheetVisibility "VeryHidden"), so that Excel's Unhide does not offer it. Its visibility is set only
 *   when it is not already very hidden: on Windows and Mac the property is not undoable and clears the undo stack
 *   ("Undo capabilities in Excel add-ins").
 * - The pieces are written as text: the cells get the Text number format "@" before their values, in the same
 *   batch (a batch runs in order), as Microsoft says to do for a long number to be kept as typed ("Long numbers are
 *   displayed incorrectly in Excel": format the cells as Text, "be sure to set the cell format before you type"),
 *   so that Excel never takes a piece for a number or a date. No piece starts with = + - (which Range.values takes
 *   for a formula: "Range.values" reference), @ or ' (envelopePieces).
 * - A sheet protected by another writer (the .xlsx side protects it) is unprotected first, or the write would be
 *   refused; that clears the undo stack on every platform ("Undo capabilities": WorksheetProtection.unprotect). It
 *   is not protected again: protect clears the undo stack too, and the sheet is out of the person's sight anyway.
 *
 * Throws a UserError when the workbook already carries MAX_DEFINITIONS definitions and this one is new to it.
 */
export async function saveWorkbookDefinition(
  context: ContextSurface,
  form: FormDefinition,
  notice: EnvelopeNotice,
): Promise<'added' | 'replaced'> {
  const pieces = envelopePieces(sealDefinition(form, notice));
  const read = await readSheet(context, (found) => {
    found.load('visibility');
    found.protection.load('protected');
  });
  const { sheet, used } = read;
  const rows = usedRows(read);
  const top = rows.length > 0 && used ? used.rowIndex : 0;
  const left = rows.length > 0 && used ? used.columnIndex : 0;
  const found = findDefinitionRow(rows, form, { top, left });
  checkRoomForDefinition(found, form, 'excel');
  const { target } = found;

  let ws: WorksheetSurface;
  if (!sheet) {
    ws = context.workbook.worksheets.add(DEFINITION_SHEET);
    ws.visibility = 'VeryHidden';
  } else {
    ws = sheet;
    if (sheet.protection.protected) sheet.protection.unprotect();
    if (sheet.visibility !== 'VeryHidden') sheet.visibility = 'VeryHidden';
  }
  const row = target?.row ?? (rows.length > 0 && used ? top + used.rowCount : 0);
  const width = Math.max(pieces.length, target?.width ?? 0);
  const cells = ws.getRangeByIndexes(row, 0, 1, width);
  cells.numberFormat = [Array.from({ length: width }, () => TEXT_FORMAT)];
  // An empty string empties a cell ("Blank and null values in Excel add-ins"): the rest of a longer old row.
  cells.values = [Array.from({ length: width }, (_, i) => pieces[i] ?? '')];
  await syncOr(context, `无法把“${form.name}”的表格定义保存到工作簿`);
  return target ? 'replaced' : 'added';
}
