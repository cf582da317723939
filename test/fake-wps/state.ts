/**
 * The fake ET's workbook as plain data, read by tests directly (reading it is not a call to ET). Rows and columns
 * are zero-based here; ET's own indexes are 1-based.
 */
import type { CellRange } from '../../src/core/a1';
import type { EtCellValue } from '../../src/hosts/wps/wps-surface';

export interface EtBorderState {
  lineStyle: number;
  weight: number;
  /** BGR. */
  color: number;
}

export interface EtCellState {
  value: EtCellValue;
  /** Set when text starting with '=' was written (ET makes it a formula; the fake computes nothing). */
  formula: string | undefined;
  numberFormat: string;
  fontName: string;
  fontSize: number;
  bold: boolean;
  fontColor: number;
  h: number;
  v: number;
  wrap: boolean;
  orientation: number;
  locked: boolean;
  /** BGR, or undefined for no fill. */
  fill: number | undefined;
  /** Kept on the cell it was set on (ET's drawing of a shared edge is not modelled: hosts compare own edges). */
  borders: Partial<Record<'top' | 'bottom' | 'left' | 'right', EtBorderState>>;
}

export interface EtValidationState {
  type: number;
  alertStyle: number;
  operator: number;
  formula1: string;
  formula2: string;
  ignoreBlank: boolean;
  inCellDropdown: boolean;
  showInput: boolean;
  showError: boolean;
  inputTitle: string;
  inputMessage: string;
  errorTitle: string;
  errorMessage: string;
}

export interface EtConditionState {
  /** A1 of the range it applies to. */
  appliesTo: string;
  type: number;
  /** As given, with its '='. */
  formula1: string;
  /** The cell Formula1's relative references were read from (see behaviours.conditionalFormulaRelativeTo). */
  formulaAnchor: string;
  /** BGR, or undefined if never set. */
  fill: number | undefined;
}

export interface EtPageSetupState {
  orientation: number | undefined;
  paperSize: number | undefined;
  zoom: boolean | number;
  fitToPagesWide: boolean | number;
  fitToPagesTall: boolean | number;
  centerHorizontally: boolean;
  margins: Record<'left' | 'right' | 'top' | 'bottom' | 'header' | 'footer', number | undefined>;
  printArea: string;
  printTitleRows: string;
  printTitleColumns: string;
  footers: { left: string; center: string; right: string };
}

export interface EtNameState {
  name: string;
  refersTo: string;
  visible: boolean;
}

export interface EtChartState {
  left: number;
  top: number;
  width: number;
  height: number;
  name: string;
  source: string | undefined;
  chartType: number | undefined;
  hasTitle: boolean;
  hasLegend: boolean;
  title: string;
  axes: Record<number, { reversePlotOrder: boolean; crosses: number }>;
}

export interface EtSheetState {
  name: string;
  /** XlSheetVisibility. */
  visible: number;
  cells: Map<string, EtCellState>;
  merges: CellRange[];
  validations: Map<string, EtValidationState>;
  /** Highest priority first. */
  conditions: EtConditionState[];
  names: Map<string, EtNameState>;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  hiddenColumns: Set<number>;
  pageSetup: EtPageSetupState;
  protection: { protected: boolean; password: string; allow: Record<string, boolean> };
  gridlines: boolean;
  charts: EtChartState[];
  /** The active cell when this sheet is active. */
  activeCell: { row: number; col: number };
  /** The selected block, when the clerk selected more than the active cell. */
  selection: CellRange | undefined;
  /** Every block of a Ctrl selection (the first is `selection`), when the clerk chose several. */
  selectionAreas?: CellRange[];
  /** A chart or shape the clerk selected instead of cells (FakeEt.selectObject). */
  selectedObject?: string;
  freeze: { frozen: boolean; row: number; column: number };
}

export const cellKey = (row: number, col: number) => `${row}:${col}`;

/**
 * A new cell: general format, bottom-aligned and locked [vba: a new workbook's Normal style]; 宋体 11 is the fake's
 * assumption for WPS's Chinese default (no source; the adapter sets every font it draws).
 */
export function emptyCell(): EtCellState {
  return {
    value: null,
    formula: undefined,
    numberFormat: 'General',
    fontName: '宋体',
    fontSize: 11,
    bold: false,
    fontColor: 0,
    h: 1,
    v: -4107,
    wrap: false,
    orientation: -4128,
    locked: true,
    fill: undefined,
    borders: {},
  };
}

export function newSheet(name: string): EtSheetState {
  return {
    name,
    visible: -1,
    cells: new Map(),
    merges: [],
    validations: new Map(),
    conditions: [],
    names: new Map(),
    columnWidths: new Map(),
    rowHeights: new Map(),
    hiddenColumns: new Set(),
    pageSetup: {
      orientation: undefined,
      paperSize: undefined,
      zoom: 100,
      fitToPagesWide: false,
      fitToPagesTall: false,
      centerHorizontally: false,
      margins: { left: undefined, right: undefined, top: undefined, bottom: undefined, header: undefined, footer: undefined },
      printArea: '',
      printTitleRows: '',
      printTitleColumns: '',
      footers: { left: '', center: '', right: '' },
    },
    protection: { protected: false, password: '', allow: {} },
    gridlines: true,
    charts: [],
    activeCell: { row: 0, col: 0 },
    selection: undefined,
    freeze: { frozen: false, row: 0, column: 0 },
  };
}

export interface EtWorkbookState {
  name: string;
  sheets: EtSheetState[];
  activeSheet: EtSheetState | undefined;
  names: Map<string, EtNameState>;
}
