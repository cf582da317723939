import { cellAddress, rangeAddress, type CellRange } from './a1';
import { conditionalFormatsWithinLimits, type CheckLeftOut } from './conditional-formats';
import { UserError } from './errors';
import type { Cell, Field, FormDefinition, InputCell, Row, TableBand } from './form-schema';
import { limitNote } from './limit-notes';
import { formatMarker, MARKER_NAME } from './marker';
import { nativeValidationFor, numberFormatFor, type NativeValidation } from './native-validation';
import { resolveParams, type ParamOverrides } from './params';
import type { FieldSlot, PlannedCell, PlannedTable, PlannedValidation, PlannedValidationArea, SheetPlan } from './sheet-plan';
import { GENERAL_FORMAT, resolveStyle, type ResolvedStyle } from './styles';
import { fillTemplate } from './templates';

export interface PlanOptions {
  params?: ParamOverrides;
  /** Rows per list, by table id; defaults to the form's defaultRows. */
  tableRows?: Readonly<Record<string, number>>;
  /** Reading a returned sheet: lists may have been emptied or grown past their maximum by hand. */
  anyRowCount?: boolean;
  /** Only where fields are (slots, lists, row heights): no cells, merges or rules to draw. Much cheaper on long lists. */
  slotsOnly?: boolean;
}

export const DEFAULT_ROW_HEIGHT = 22;
export const MARKER_COLUMN_WIDTH = 2;
/** Points per line of a note row's wrapped text. */
const NOTE_LINE_HEIGHT = 16;

export function slotKey(fieldId: string, tableId?: string, index?: number): string {
  return tableId === undefined ? fieldId : `${tableId}[${index}].${fieldId}`;
}

/** A field's place; its key is spelled only when asked for (long lists have tens of thousands of slots). */
class Slot implements FieldSlot {
  constructor(
    readonly field: Field,
    readonly row: number,
    readonly col: number,
    readonly rowSpan: number,
    readonly colSpan: number,
    readonly tableId: string | undefined,
    readonly index: number | undefined,
  ) {}

  get key(): string {
    return slotKey(this.field.id, this.tableId, this.index);
  }

  toJSON(): object {
    return { key: this.key, field: this.field.id, row: this.row, col: this.col };
  }
}

/** Which of the sheet's cells the layout has given out so far, and to what: a second claim on one is a collision. */
class CellClaims {
  private readonly taken = new Map<string, () => string>();
  constructor(private readonly width: number) {}

  claim(cell: Cell, row: number, bandBottom: number, what: () => string): void {
    if (row + cell.rowSpan - 1 > bandBottom) throw new Error(`${what()}: spans past the end of its band`);
    if (cell.col + cell.colSpan > this.width) throw new Error(`${what()}: overruns the grid`);
    for (let r = row; r < row + cell.rowSpan; r++) {
      for (let c = cell.col; c < cell.col + cell.colSpan; c++) {
        const key = `${r}:${c}`;
        const owner = this.taken.get(key);
        if (owner) throw new Error(`${what()}: overlaps ${owner()}`);
        this.taken.set(key, what);
      }
    }
  }
}

/** Styles and native rules depend only on the definition's cell and field, so list rows share them. */
const styles = new WeakMap<Cell, ResolvedStyle>();
const nativeRules = new WeakMap<Field, NativeValidation>();

function styleOf(cell: Cell, resolve: () => ResolvedStyle): ResolvedStyle {
  let style = styles.get(cell);
  if (!style) styles.set(cell, (style = resolve()));
  return style;
}

function validationOf(field: Field): NativeValidation {
  let rule = nativeRules.get(field);
  if (!rule) nativeRules.set(field, (rule = nativeValidationFor(field)));
  return rule;
}

/**
 * A printed 合计's formula: the sum of the fields named (a list's column from its first row to its last, so that a
 * row inserted inside the list is summed too), from the slots placed above it; undefined when none is placed yet.
 */
function sumFormula(refs: readonly string[], slots: readonly FieldSlot[]): string | undefined {
  const parts: string[] = [];
  for (const ref of refs) {
    const [first, second] = ref.split('.') as [string, string | undefined];
    const placed = slots.filter((s) =>
      second === undefined ? s.tableId === undefined && s.field.id === first : s.tableId === first && s.field.id === second,
    );
    if (placed.length === 0) continue;
    const top = Math.min(...placed.map((s) => s.row));
    const bottom = Math.max(...placed.map((s) => s.row));
    const col = (placed[0] as FieldSlot).col;
    parts.push(second === undefined ? cellAddress(top, col) : rangeAddress({ top, left: col, bottom, right: col }));
  }
  return parts.length > 0 ? `SUM(${parts.join(',')})` : undefined;
}

/** Lays a form out for the given parameters and list lengths. Throws if the definition's cells collide. */
export function planSheet(form: FormDefinition, options: PlanOptions = {}): SheetPlan {
  return layOut(form, options, true);
}

/**
 * The checks Excel's limits leave out of a form laid out at its default list lengths, by form and year (the only
 * parameter a check reads): what its 填表说明 says, whatever the lengths, so that a returned sheet read with the lengths
 * found has the template's rows. Kept, since reading a return plans its slots only and building every check's
 * formula costs more than that.
 */
const leftOutAtDefaults = new WeakMap<FormDefinition, Map<string, CheckLeftOut[]>>();

function leftOutOf(form: FormDefinition, options: PlanOptions, year: unknown): CheckLeftOut[] {
  let byYear = leftOutAtDefaults.get(form);
  if (!byYear) leftOutAtDefaults.set(form, (byYear = new Map()));
  const key = String(year);
  let leftOut = byYear.get(key);
  if (!leftOut) {
    const plan = layOut(form, { params: options.params, slotsOnly: true }, false);
    byYear.set(key, (leftOut = conditionalFormatsWithinLimits(form, plan).leftOut));
  }
  return leftOut;
}

function layOut(form: FormDefinition, options: PlanOptions, withNote: boolean): SheetPlan {
  const params = resolveParams(form, options.params);
  const claims = new CellClaims(form.columns.length);
  const cells: PlannedCell[] = [];
  const merges: CellRange[] = [];
  const validations: PlannedValidation[] = [];
  /** By field: `table.field` for a list column (its rows in one rectangle), `row:col` for a single field. */
  const areas = new Map<string, PlannedValidationArea>();
  const slots: FieldSlot[] = [];
  const tables: PlannedTable[] = [];
  const rowHeights: number[] = [];

  const slotsOnly = options.slotsOnly ?? false;
  const place = (cell: Cell, row: number, bandBottom: number, slot?: { tableId: string; index: number }, value?: number) => {
    if (slotsOnly) {
      if (cell.kind === 'input') slots.push(new Slot(cell.field, row, cell.col, cell.rowSpan, cell.colSpan, slot?.tableId, slot?.index));
      return;
    }
    // The rows of a list repeat the first one's cells, so only the first can collide with anything.
    if (!slot || slot.index === 0) {
      const what = () =>
        `${form.id} ${cell.kind === 'label' ? `label "${cell.text}"` : `field ${slotKey(cell.field.id, slot?.tableId, slot?.index)}`}`;
      claims.claim(cell, row, bandBottom, what);
    }
    if (cell.rowSpan > 1 || cell.colSpan > 1) {
      merges.push({ top: row, left: cell.col, bottom: row + cell.rowSpan - 1, right: cell.col + cell.colSpan - 1 });
    }
    if (cell.kind === 'label') {
      const formula = cell.sum ? sumFormula(cell.sum, slots) : undefined;
      cells.push({
        row,
        col: cell.col,
        rowSpan: cell.rowSpan,
        colSpan: cell.colSpan,
        role: 'label',
        value: formula ? null : fillTemplate(cell.text, params),
        ...(formula ? { formula } : {}),
        style: styleOf(cell, () => resolveStyle(form, cell.preset ?? 'label', cell.style, GENERAL_FORMAT, true)),
      });
      return;
    }
    placeInput(cell, row, slot, value);
  };

  const placeInput = (cell: InputCell, row: number, slot: { tableId: string; index: number } | undefined, value?: number) => {
    const { field } = cell;
    cells.push({
      row,
      col: cell.col,
      rowSpan: cell.rowSpan,
      colSpan: cell.colSpan,
      role: 'input',
      value: value ?? null,
      style: styleOf(cell, () => resolveStyle(form, cell.preset ?? 'input', cell.style, numberFormatFor(field), false)),
    });
    validations.push({ row, col: cell.col, validation: validationOf(field) });
    const areaKey = slot ? `${slot.tableId}.${field.id}` : `${row}:${cell.col}`;
    const area = areas.get(areaKey);
    if (area) area.range.bottom = row;
    else areas.set(areaKey, { range: { top: row, left: cell.col, bottom: row, right: cell.col }, validation: validationOf(field) });
    slots.push(new Slot(field, row, cell.col, cell.rowSpan, cell.colSpan, slot?.tableId, slot?.index));
  };

  const placeRows = (rows: Row[]) => {
    const top = rowHeights.length;
    const bottom = top + rows.length - 1;
    rows.forEach((r, i) => {
      rowHeights.push(r.height ?? DEFAULT_ROW_HEIGHT);
      for (const cell of r.cells) place(cell, top + i, bottom);
    });
  };

  const placeNote = (text: string) => {
    const row = rowHeights.length;
    const width = form.columns.reduce((sum, c) => sum + c.width, 0);
    // A Chinese character is about two units of column width; a line of the note's font about 16 points.
    const lines = Math.ceil((text.length * 2) / Math.max(width, 1));
    rowHeights.push(Math.min(409, Math.max(DEFAULT_ROW_HEIGHT, lines * NOTE_LINE_HEIGHT + 6)));
    if (slotsOnly) return;
    const colSpan = form.columns.length;
    if (colSpan > 1) merges.push({ top: row, left: 0, bottom: row, right: colSpan - 1 });
    cells.push({
      row,
      col: 0,
      rowSpan: 1,
      colSpan,
      role: 'label',
      value: text,
      style: resolveStyle(form, 'note', undefined, GENERAL_FORMAT, true),
    });
  };

  const placeTable = (band: TableBand) => {
    const headerTop = rowHeights.length;
    placeRows(band.header);
    const count = tableRowCount(band, options.tableRows?.[band.id], options.anyRowCount ?? false);
    const firstRow = rowHeights.length;
    for (let index = 0; index < count; index++) {
      const row = rowHeights.length;
      rowHeights.push(band.rowHeight ?? DEFAULT_ROW_HEIGHT);
      for (const cell of band.cells) {
        const numbered = band.numbering?.prefill && band.numbering.fieldId === cell.field.id;
        place(cell, row, row, { tableId: band.id, index }, numbered ? index + 1 : undefined);
      }
    }
    tables.push({
      id: band.id,
      label: band.label,
      headerTop,
      headerBottom: firstRow - 1,
      firstRow,
      rowCount: count,
      maxRows: band.maxRows,
    });
  };

  for (const band of form.bands) {
    if (band.kind === 'rows') placeRows(band.rows);
    else placeTable(band);
  }

  // What Excel's limits keep out of the sheet (a dropdown, a conditional format) is said in a 填表说明 row under the
  // form, in the plan of a returned sheet too, so that a return keeps the template's layout (limit-notes.ts).
  const checks = slotsOnly ? undefined : conditionalFormatsWithinLimits(form, { slots, params });
  if (withNote) {
    // At these list lengths a check may pass a limit it kept at the default ones (longer addresses): left out too.
    const leftOut = [...leftOutOf(form, options, params.year), ...(checks?.leftOut ?? [])];
    const note = limitNote(
      slots.map((s) => s.field),
      leftOut,
    );
    if (note !== undefined) placeNote(note);
  }

  const lastCol = form.columns.length - 1;
  const area = { top: 0, left: 0, bottom: rowHeights.length - 1, right: lastCol };
  const repeated = tables.find((t) => t.id === form.print.repeatHeaderOf);
  const plan: SheetPlan = {
    formId: form.id,
    version: form.version,
    sheetName: form.sheetName,
    title: fillTemplate(form.name, params),
    params,
    columnWidths: form.columns.map((c) => c.width),
    rowHeights,
    cells,
    merges,
    validations,
    validationAreas: [...areas.values()],
    conditionalFormats: [],
    slots,
    tables,
    marker: { row: 0, col: lastCol + 1, text: formatMarker(form.id, form.version, params), name: MARKER_NAME },
    print: {
      area,
      paper: 'A4',
      orientation: form.print.orientation,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      titleRows: repeated ? { top: repeated.headerTop, bottom: repeated.headerBottom } : undefined,
      margins: { left: 0.6, right: 0.6, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
    protection: {
      password: '',
      allowFormatCells: true,
      allowFormatColumns: true,
      allowFormatRows: true,
      allowInsertRows: true,
      allowSelectLocked: true,
      allowSelectUnlocked: true,
    },
    area,
  };
  if (checks) plan.conditionalFormats = checks.rules;
  return plan;
}

function tableRowCount(band: TableBand, requested: number | undefined, anyCount: boolean): number {
  if (requested === undefined) return band.defaultRows;
  if (anyCount && Number.isInteger(requested) && requested >= 0) return requested;
  if (!Number.isInteger(requested) || requested < 1 || requested > band.maxRows) {
    throw new UserError('bad-rows', `“${band.label}”的行数应为1到${band.maxRows}之间的整数。`);
  }
  return requested;
}
