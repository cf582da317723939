import { rangeAddress } from '../../core/a1';
import { checkRoomForDefinition, findDefinitionRow, openDefinitionRows } from '../../core/definition-rows';
import { sealDefinition, type EnvelopeNotice, type OpenedEnvelope } from '../../core/definition-envelope';
import { DEFINITION_SHEET, envelopePieces } from '../../core/definition-sheet-text';
import type { FormDefinition } from '../../core/form-schema';
import { readValue2Grid, XL } from './et-values';
import { step, wpsUserError } from './summary-errors';
import { activeWorkbook, addHiddenSheet, readSheets } from './summary-sheets';
import type { EtApplicationSurface, EtWorksheetSurface } from './wps-surface';

/**
 * The definitions of imported forms kept in the workbook open in WPS: the very hidden sheet UnionForms_定义, one
 * envelope a row cut into text cells from column A — the same sheet Excel (hosts/office/workbook-definitions.ts) and
 * the .xlsx side (hosts/xlsx/definition-sheet.ts) write, so a workbook made by either is read by any. Nothing read
 * is evaluated: each row is opened as JSON data (core/definition-envelope.ts).
 */

const TEXT_FORMAT = '@';

interface SheetRead {
  ws: EtWorksheetSurface | undefined;
  /** The used range's rows as grids from column A, and its first row (0-based). */
  rows: unknown[][];
  top: number;
}

function readSheet(app: EtApplicationSurface): SheetRead {
  const ws = readSheets(activeWorkbook(app)).find((s) => s.name === DEFINITION_SHEET)?.ws;
  if (!ws) return { ws: undefined, rows: [], top: 0 };
  return step('读取表格定义', () => {
    const used = ws.UsedRange;
    const top = used.Row - 1;
    const rows = used.Rows.Count;
    const columns = used.Column - 1 + used.Columns.Count;
    const values = ws.Range(rangeAddress({ top, left: 0, bottom: top + rows - 1, right: columns - 1 })).Value2;
    return { ws, rows: readValue2Grid(values, rows, columns), top };
  });
}

/**
 * The definitions the open workbook carries, each opened (checksum, then schema) or refused with its Chinese
 * reason; none when it has no definition sheet. At most MAX_DEFINITIONS rows are opened. The sheet is read at once,
 * in the call; opening what it holds may wait for the schema's module (core/definition-rows.ts).
 */
export function readWorkbookDefinitions(app: EtApplicationSurface): Promise<OpenedEnvelope[]> {
  let read: SheetRead;
  try {
    read = readSheet(app);
  } catch (err) {
    return Promise.reject(wpsUserError('无法读取工作簿中保存的表格定义', err));
  }
  return openDefinitionRows(read.rows);
}

/**
 * Keeps a form's definition in the open workbook: the row holding the same form id and version is replaced (its
 * cells past the new envelope's end emptied), or a row is added after the last one, in one Value2 write of text
 * cells (number format "@" first, so that no piece is taken for a number or a date; no piece starts with = + - @ or
 * ': envelopePieces). The sheet is made when absent and kept very hidden; a sheet another writer protected (the
 * .xlsx side does) is unprotected first, or the write would be refused. Everything is read and checked before the
 * first write: a full workbook (MAX_DEFINITIONS) is told before anything is changed.
 */
export function saveWorkbookDefinition(app: EtApplicationSurface, form: FormDefinition, notice: EnvelopeNotice): 'added' | 'replaced' {
  const pieces = envelopePieces(sealDefinition(form, notice));
  try {
    const { ws: sheet, rows, top } = readSheet(app);
    const found = findDefinitionRow(rows, form, { top, left: 0 });
    checkRoomForDefinition(found, form, 'wps');
    const { target } = found;
    let ws: EtWorksheetSurface;
    if (sheet) {
      ws = sheet;
      step('打开表格定义', () => {
        if (sheet.ProtectContents) sheet.Unprotect();
        if (sheet.Visible !== XL.sheet.veryHidden) sheet.Visible = XL.sheet.veryHidden;
      });
    } else {
      ws = addHiddenSheet(activeWorkbook(app), DEFINITION_SHEET);
    }
    // an empty sheet's used range is A1 holding nothing (aiworkdeck usedRangeIsEmpty): the first row is then free
    const empty = rows.every((r) => r.every((v) => v === null || v === ''));
    const row = target?.row ?? (empty ? 0 : top + rows.length);
    const width = Math.max(pieces.length, target?.width ?? 0);
    step('保存表格定义', () => {
      const cells = ws.Range(rangeAddress({ top: row, left: 0, bottom: row, right: width - 1 }));
      cells.NumberFormat = TEXT_FORMAT;
      cells.Value2 = [Array.from({ length: width }, (_, i) => pieces[i] ?? null)];
    });
    return target ? 'replaced' : 'added';
  } catch (err) {
    throw wpsUserError(`无法把“${form.name}”的表格定义保存到工作簿`, err);
  }
}
