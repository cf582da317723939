import type { CellRange } from './a1';
import type { ConditionalFormatRule } from './conditional-formats';
import type { Field } from './form-schema';
import type { NativeValidation } from './native-validation';
import type { ResolvedStyle } from './styles';
import type { ParamValues } from './templates';

/**
 * A form laid out for one set of parameters and list lengths: what every host draws, cell by cell.
 * Rows and columns are zero-based.
 */
export interface SheetPlan {
  formId: string;
  version: number;
  sheetName: string;
  title: string;
  params: ParamValues;
  columnWidths: number[];
  /** Height in points of every row of the form, top to bottom. */
  rowHeights: number[];
  cells: PlannedCell[];
  merges: CellRange[];
  validations: PlannedValidation[];
  /**
   * The same rules as `validations`, one rectangle per field (a list column from its first to its last row), never
   * two over one cell: what a file writer writes, so that no cell is under two rules (see layout.ts).
   */
  validationAreas: PlannedValidationArea[];
  /** The checks a formula can say, as conditional formatting (conditional-formats.ts); empty when slotsOnly. */
  conditionalFormats: ConditionalFormatRule[];
  slots: FieldSlot[];
  tables: PlannedTable[];
  marker: PlannedMarker;
  print: PrintPlan;
  protection: ProtectionPlan;
  /** The form's own area (the marker column lies just right of it). */
  area: CellRange;
}

export interface PlannedCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  role: 'label' | 'input';
  value: string | number | null;
  /**
   * A label the template computes (a printed 合计): its formula in English without '=', made by the layout from the
   * plan's own addresses (SUM(C5:C7)), never from any cell's text. Its value is then null.
   */
  formula?: string;
  style: ResolvedStyle;
}

export interface PlannedValidation {
  row: number;
  col: number;
  validation: NativeValidation;
}

export interface PlannedValidationArea {
  range: CellRange;
  validation: NativeValidation;
}

/** Where a field's value lives. Keys: `unit` for a single field, `members[2].name` for a list cell. */
export interface FieldSlot {
  readonly key: string;
  field: Field;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  tableId: string | undefined;
  index: number | undefined;
}

export interface PlannedTable {
  id: string;
  label: string;
  headerTop: number;
  headerBottom: number;
  firstRow: number;
  rowCount: number;
  maxRows: number;
}

export interface PlannedMarker {
  row: number;
  col: number;
  text: string;
  name: string;
}

export interface PrintPlan {
  area: CellRange;
  paper: 'A4';
  orientation: 'portrait' | 'landscape';
  fitToWidth: 1;
  fitToHeight: 0;
  horizontalCentered: true;
  /** Rows repeated at the top of every printed page: a list's header. */
  titleRows: { top: number; bottom: number } | undefined;
  /** Inches, as Excel stores them. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
}

export interface ProtectionPlan {
  /** Sheets are protected without a password so that staff can unprotect them when they must. */
  password: '';
  /**
   * Cell formats may be changed under protection, so that the add-in can mark problem cells without lifting the
   * protection: WorksheetProtection.protect/unprotect clear the person's undo stack on every platform (Microsoft,
   * "Undo capabilities in Excel add-ins", table of unsupported APIs). WorksheetProtectionOptions.allowFormatCells,
   * ExcelApi 1.2.
   */
  allowFormatCells: true;
  allowFormatColumns: true;
  allowFormatRows: true;
  allowInsertRows: true;
  allowSelectLocked: true;
  allowSelectUnlocked: true;
}
