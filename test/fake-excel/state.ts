import type { CellRange } from '../../src/core/a1';
import type { EdgeName } from '../../src/hosts/office/excel-surface';

export interface BorderState {
  style: string;
  weight: string;
  color: string;
}

export interface CellState {
  value: string | number | boolean | null;
  /** Set when text was entered as a formula. */
  formula: string | undefined;
  numberFormat: string;
  fontName: string;
  fontSize: number;
  bold: boolean;
  fontColor: string;
  h: string;
  v: string;
  wrap: boolean;
  textOrientation: number;
  borders: Partial<Record<EdgeName, BorderState>>;
  locked: boolean;
}

export interface ValidationState {
  rule: Excel.DataValidationRule | undefined;
  prompt: Excel.DataValidationPrompt | undefined;
  errorAlert: Excel.DataValidationErrorAlert | undefined;
  ignoreBlanks: boolean;
}

export interface PageLayoutState {
  paperSize: string | undefined;
  orientation: string | undefined;
  zoom: Excel.PageLayoutZoomOptions | undefined;
  centerHorizontally: boolean;
  margins: Record<'left' | 'right' | 'top' | 'bottom' | 'header' | 'footer', number | undefined>;
  printArea: string | undefined;
  printTitleRows: string | undefined;
}

export interface SheetState {
  id: string;
  name: string;
  cells: Map<string, CellState>;
  merges: CellRange[];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  hiddenColumns: Set<number>;
  validations: Map<string, ValidationState>;
  names: Map<string, string>;
  protection: { protected: boolean; options: Excel.WorksheetProtectionOptions | undefined; password: string | undefined };
  pageLayout: PageLayoutState;
  showGridlines: boolean;
}

export interface ChangeEvent {
  worksheetId: string;
  address: string;
}

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

export function defaultCell(): CellState {
  return {
    value: null,
    formula: undefined,
    numberFormat: 'General',
    fontName: 'Calibri',
    fontSize: 11,
    bold: false,
    fontColor: '#000000',
    h: 'General',
    v: 'Bottom',
    wrap: false,
    textOrientation: 0,
    borders: {},
    locked: true,
  };
}

export const key = (row: number, col: number) => `${row}:${col}`;

/** The workbook behind the fake Excel host, and what tests inspect afterwards. */
export class FakeWorkbookState {
  readonly sheets: SheetState[] = [];
  activeSheetId: string | undefined;
  readonly changeListeners: ((e: ChangeEvent) => void)[] = [];
  private nextId = 1;

  addSheet(name: string): SheetState {
    const sheet: SheetState = {
      id: `{fake-sheet-${this.nextId++}}`,
      name,
      cells: new Map(),
      merges: [],
      columnWidths: new Map(),
      rowHeights: new Map(),
      hiddenColumns: new Set(),
      validations: new Map(),
      names: new Map(),
      protection: { protected: false, options: undefined, password: undefined },
      pageLayout: {
        paperSize: undefined,
        orientation: undefined,
        zoom: undefined,
        centerHorizontally: false,
        margins: { left: undefined, right: undefined, top: undefined, bottom: undefined, header: undefined, footer: undefined },
        printArea: undefined,
        printTitleRows: undefined,
      },
      showGridlines: true,
    };
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  cell(sheet: SheetState, row: number, col: number): CellState {
    let c = sheet.cells.get(key(row, col));
    if (!c) {
      c = defaultCell();
      sheet.cells.set(key(row, col), c);
    }
    return c;
  }

  peek(sheet: SheetState, row: number, col: number): CellState | undefined {
    return sheet.cells.get(key(row, col));
  }

  /** A deep copy, to compare the workbook before and after an operation. */
  clone(): unknown {
    return JSON.parse(
      JSON.stringify(this.sheets, (_k, v: unknown) => (v instanceof Map ? [...v.entries()] : v instanceof Set ? [...v] : v)),
    );
  }
}
