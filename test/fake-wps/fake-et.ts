/**
 * An in-memory WPS 表格 (ET) for tests: one workbook behind `app`, an EtApplicationSurface. Every modelled behaviour
 * names its source; where no source says, behaviours.ts decides (worst case by default). Calls are counted
 * (counted.ts): `calls` after an insert is the number of round trips the pane would make to WPS.
 *
 * Sources named below:
 * - [typings] Kingsoft's et-jsapi-declare 2.5.0 (lib.et.d.ts, addon.et.d.ts, index.d.ts);
 * - [aiworkdeck] zeweihan/aiworkdeck office-addin/taskpane/lib/wpsEtHandlers.js (its header's rules and read2D)
 *   and scripts/measurements/2026-08-29-et-wpp-api-probe.json (COM probe of WPS 12.1.0.28043);
 * - [pi] tmustier/pi-for-excel src/host/wps/jsapi.ts, docs/wps-support.md;
 * - [platform_v7] xihadandan/platform_v7 …/etoa_2.1/js/function/importDoc.js (FileDialog);
 * - [vba] Microsoft's Excel VBA reference, which ET's object model copies (the typings carry its names, enums and
 *   parameter lists); used only where WPS's own pages say nothing and the behaviour is the VBA one by design.
 */
import { formulaLimitMessage } from '../../src/core/formula-limits';
import { cellAddress, parseRangeAddress, rangeAddress, type CellRange } from '../../src/core/a1';
import { SHEET_NAME_MAX } from '../../src/core/sheet-names';
import { cvErrCode } from '../../src/hosts/wps/et-values';
import type { EtApplicationSurface, EtCellValue, EtRangeSurface, EtWorksheetSurface } from '../../src/hosts/wps/wps-surface';
import { WORST_CASE, type EtBehaviours } from './behaviours';
import { CallCounter, counted } from './counted';
import {
  cellKey,
  emptyCell,
  newSheet,
  type EtBorderState,
  type EtCellState,
  type EtConditionState,
  type EtNameState,
  type EtSheetState,
  type EtValidationState,
  type EtWorkbookState,
} from './state';

export interface FakeEtOptions {
  behaviours?: Partial<EtBehaviours>;
  /** The workbook's sheets at the start (default one, "Sheet1"). */
  sheets?: string[];
}

/** Thrown where ET would raise an error (VBA's run-time error 1004 and the like). */
export class EtError extends Error {}

/** A listener of any event, each with its own arguments. */
type Listener = (...args: any[]) => void;

interface UndoEntry {
  sheet: EtSheetState;
  before: [string, EtCellState | undefined][];
}

const overlaps = (a: CellRange, b: CellRange) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
const inside = (inner: CellRange, outer: CellRange) =>
  inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;

/** Excel's limits of the data validation dialog (src/core/native-validation.ts): longer text is refused. */
const VALIDATION_TEXT_MAX = { InputTitle: 32, InputMessage: 255, ErrorTitle: 32, ErrorMessage: 225 } as const;
/** A list validation's source given as text is at most 255 characters [vba: Excel's data validation limits]. */
const LIST_SOURCE_MAX = 255;

export class FakeEt {
  readonly counter = new CallCounter();
  readonly behaviours: EtBehaviours;
  readonly workbook: EtWorkbookState;
  readonly app: EtApplicationSurface;
  displayAlerts = true;
  screenUpdating = true;
  enableEvents = true;
  /** Prompts ET would have shown (and that would have blocked the add-in's call) while DisplayAlerts was on. */
  readonly prompts: string[] = [];
  readonly undoStack: UndoEntry[] = [];
  readonly listeners = new Map<string, Set<Listener>>();
  /** Files the clerk may pick in FileDialog, and what the next Show() picks (empty: the clerk cancels). */
  readonly files = new Map<string, Uint8Array>();
  nextPick: string[] = [];
  readonly dialogFilters: { description: string; extensions: string }[] = [];
  readonly pluginStorage = new Map<string, string>();
  private readonly failures = new Map<string, number>();

  constructor(options: FakeEtOptions = {}) {
    this.behaviours = { ...WORST_CASE, ...options.behaviours };
    const sheets = (options.sheets ?? ['Sheet1']).map(newSheet);
    this.workbook = { name: '工作簿1', sheets, activeSheet: sheets[0], names: new Map() };
    const original = this.counter.count.bind(this.counter);
    this.counter.count = (member: string) => {
      const left = this.failures.get(member);
      if (left !== undefined) {
        if (left <= 1) {
          this.failures.delete(member);
          throw new EtError(`fake ET: ${member} failed (injected)`);
        }
        this.failures.set(member, left - 1);
      }
      original(member);
    };
    this.app = this.wrap(new FakeApplication(this), 'Application');
  }

  get calls(): number {
    return this.counter.calls;
  }

  /** Makes the nth call of `member` (as counted: "Range.Merge()", "Range.Value2=") throw, doing nothing. */
  failOn(member: string, nth = 1): void {
    this.failures.set(member, nth);
  }

  wrap<T extends object>(target: T, kind: string): T {
    const proxy = counted(target, kind, this.counter);
    // an object handed back to ET (Sheets.Add's After, SetSourceData's range) arrives as its proxy
    const sheet = SHEET_STATES.get(target);
    if (sheet) SHEET_STATES.set(proxy, sheet);
    const range = RANGE_TARGETS.get(target);
    if (range) RANGE_TARGETS.set(proxy, range);
    return proxy;
  }

  sheet(name: string): EtSheetState | undefined {
    return this.workbook.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  liveSheet(state: EtSheetState): EtSheetState {
    if (!this.workbook.sheets.includes(state)) throw new EtError('fake ET: the sheet was deleted');
    return state;
  }

  sheetObject(state: EtSheetState): EtWorksheetSurface {
    return this.wrap(new FakeWorksheet(this, state), 'Worksheet');
  }

  /** `areas`: every area of a multi-area range (the first is `area`). */
  rangeObject(state: EtSheetState, area: CellRange, entire?: 'column' | 'row', areas?: CellRange[]): EtRangeSurface {
    return this.wrap(new FakeRange(this, state, area, entire, 'cells', areas), 'Range');
  }

  /** A JS write happened: undo may be cleared (behaviours.undoClearedByJsWrite). */
  jsWrote(): void {
    if (this.behaviours.undoClearedByJsWrite) this.undoStack.length = 0;
  }

  fire(name: string, ...args: unknown[]): void {
    if (!this.enableEvents && this.behaviours.enableEventsSilences) return;
    for (const listener of [...(this.listeners.get(name) ?? [])]) listener(...args);
  }

  // ---- The clerk's actions (not calls of the add-in: not counted) ----

  /**
   * The clerk types `text` into one cell and presses Enter: SheetChange(Sh, Target) [typings: addon.et.d.ts; events
   * page: "当用户…更改…单元格时"], then, with `enter: 'down'` (the default), the cell below is selected and
   * SheetSelectionChange fires [vba: Application.MoveAfterReturnDirection, xlDown by default]; `enter: 'stay'` is
   * Ctrl+Enter or Tab-less confirmation, which leaves the selection where it was.
   */
  type(sheetName: string, address: string, text: string, enter: 'down' | 'stay' = 'down'): void {
    this.edit(sheetName, address, [[text]], true);
    if (enter === 'down') {
      const { top, left } = parseRangeAddress(address);
      this.select(sheetName, cellAddress(top + 1, left));
    }
  }

  /** The clerk picks `option` from the cell's dropdown; SheetChange only if behaviours.sheetChangeOnPick. */
  pick(sheetName: string, address: string, option: string): void {
    const state = this.mustSheet(sheetName);
    const area = parseRangeAddress(address);
    const v = state.validations.get(cellKey(area.top, area.left));
    if (!v || v.type !== 3) throw new Error(`fake ET: ${address} has no dropdown`);
    if (!v.formula1.split(',').includes(option)) throw new Error(`fake ET: ${option} is not in ${address}'s list`);
    this.edit(sheetName, address, [[option]], this.behaviours.sheetChangeOnPick);
  }

  /** The clerk pastes a block of values at `address`; SheetChange only if behaviours.sheetChangeOnPaste. */
  paste(sheetName: string, address: string, grid: EtCellValue[][]): void {
    this.edit(sheetName, address, grid, this.behaviours.sheetChangeOnPaste);
  }

  /** The clerk selects a cell or range: SheetSelectionChange(Sh, Target) [typings: addon.et.d.ts]. */
  select(sheetName: string, address: string): void {
    const state = this.mustSheet(sheetName);
    this.workbook.activeSheet = state;
    const area = parseRangeAddress(address);
    state.activeCell = { row: area.top, col: area.left };
    state.selection = area;
    state.selectionAreas = undefined;
    state.selectedObject = undefined;
    this.fire('SheetSelectionChange', this.sheetObject(state), this.rangeObject(state, area));
  }

  /**
   * The clerk selects several blocks with Ctrl: Selection is one range whose Areas are the blocks [vba: Range.Areas;
   * typings: Range.Areas]. Its cells are not modelled (the fake's multi-area ranges refuse reads).
   */
  selectAreas(sheetName: string, addresses: string[]): void {
    const state = this.mustSheet(sheetName);
    this.workbook.activeSheet = state;
    const areas = addresses.map(parseRangeAddress);
    state.activeCell = { row: areas[0]!.top, col: areas[0]!.left };
    state.selection = areas[0];
    state.selectionAreas = areas;
    state.selectedObject = undefined;
  }

  /**
   * The clerk clicks a chart or a shape. What Selection is then no WPS source says (the typings allow any drawing
   * object); the worst case is modelled: an object with a name and nothing of a range, so reading `Areas` or any
   * cell member throws.
   */
  selectObject(sheetName: string, name = '图表 1'): void {
    const state = this.mustSheet(sheetName);
    this.workbook.activeSheet = state;
    state.selectedObject = name;
  }

  /** The clerk presses Ctrl+Z: the last edit of the clerk's is undone, if the undo stack still holds it. */
  undo(): boolean {
    const entry = this.undoStack.pop();
    if (!entry) return false;
    for (const [key, before] of entry.before) {
      if (before) entry.sheet.cells.set(key, before);
      else entry.sheet.cells.delete(key);
    }
    return true;
  }

  private mustSheet(name: string): EtSheetState {
    const state = this.sheet(name);
    if (!state) throw new Error(`fake ET: no sheet ${name}`);
    return state;
  }

  private edit(sheetName: string, address: string, grid: EtCellValue[][], fires: boolean): void {
    const state = this.mustSheet(sheetName);
    const start = parseRangeAddress(address);
    const area: CellRange = {
      top: start.top,
      left: start.left,
      bottom: start.top + grid.length - 1,
      right: start.left + Math.max(...grid.map((r) => r.length)) - 1,
    };
    const before: [string, EtCellState | undefined][] = [];
    grid.forEach((row, r) =>
      row.forEach((value, c) => {
        const key = cellKey(area.top + r, area.left + c);
        const old = state.cells.get(key);
        before.push([key, old && { ...old, borders: { ...old.borders } }]);
        if (state.protection.protected && (old?.locked ?? true)) throw new EtError('fake ET: the cell is locked');
        storeTyped(state, area.top + r, area.left + c, value);
      }),
    );
    this.undoStack.push({ sheet: state, before });
    this.workbook.activeSheet = state;
    if (fires) this.fire('SheetChange', this.sheetObject(state), this.rangeObject(state, area));
  }
}

function cellOf(state: EtSheetState, row: number, col: number): EtCellState {
  const key = cellKey(row, col);
  let cell = state.cells.get(key);
  if (!cell) {
    cell = emptyCell();
    state.cells.set(key, cell);
  }
  return cell;
}

/**
 * A value as ET stores it when written (Value2 =) or typed: text starting with '=' becomes a formula, a leading
 * apostrophe marks text and is not kept, text that reads as a number becomes one unless the cell is formatted as
 * text ('@') [vba: Range.Value; aiworkdeck formats a column '@' before writing text]. Dates typed as text stay text
 * here (the fake parses no dates).
 */
function storeTyped(state: EtSheetState, row: number, col: number, value: EtCellValue): void {
  const cell = cellOf(state, row, col);
  cell.formula = undefined;
  if (typeof value !== 'string') {
    cell.value = value;
    return;
  }
  if (value.startsWith("'")) {
    cell.value = value.slice(1);
    return;
  }
  if (value.startsWith('=') && value.length > 1) {
    // Excel's formula limits, as for a conditional format's (FormatConditions.Add).
    const pastLimits = formulaLimitMessage(value);
    if (pastLimits) throw new EtError(`fake ET: ${pastLimits}`);
    cell.formula = value;
    cell.value = null;
    return;
  }
  if (cell.numberFormat !== '@' && value.trim() !== '' && Number.isFinite(Number(value))) {
    cell.value = Number(value);
    return;
  }
  cell.value = value === '' ? null : value;
}

/** A column's width in points from its width in characters, as measured in WPS [aiworkdeck: see FakeRange.Left]. */
function columnPoints(characters: number): number {
  return 5.625 * characters + 3.35;
}

/**
 * Value2 of one cell: errors as CVErr numbers, #DIV/0! as −2146826281, as measured on WPS 12.1.0.28043 [aiworkdeck
 * wpsEtHandlers.js collectFormulaErrors: "错误值经 Value2 回来的是 CVErr 数值码"].
 */
function value2Of(cell: EtCellState | undefined): EtCellValue {
  if (!cell) return null;
  if (typeof cell.value === 'string' && /^#/.test(cell.value)) return cvErrCode(cell.value) ?? cell.value;
  return cell.value;
}

class FakeApplication {
  constructor(private readonly et: FakeEt) {}
  readonly Name = 'Microsoft Excel'; // VBA compatibility: ET answers like Excel [aiworkdeck wpsDoc.js].
  readonly Version = '12.1';
  readonly Build = 0;
  readonly OperatingSystem = 'Fake';
  get Workbooks() {
    return this.et.wrap(new FakeWorkbooks(this.et), 'Workbooks');
  }
  get ActiveWorkbook() {
    return this.et.wrap(new FakeWorkbook(this.et), 'Workbook');
  }
  get ActiveSheet() {
    const active = this.et.workbook.activeSheet;
    if (!active) throw new EtError('fake ET: no active sheet');
    return this.et.sheetObject(active);
  }
  get ActiveCell() {
    const active = this.et.workbook.activeSheet;
    if (!active) throw new EtError('fake ET: no active sheet');
    const { row, col } = active.activeCell;
    return this.et.rangeObject(active, { top: row, left: col, bottom: row, right: col });
  }
  get ActiveWindow() {
    return this.et.wrap(new FakeWindow(this.et), 'Window');
  }
  /** The selected cells: the active cell, or what `select` last chose [pi: getWpsSelection]. */
  get Selection() {
    const active = this.et.workbook.activeSheet;
    if (!active) throw new EtError('fake ET: no active sheet');
    if (active.selectedObject !== undefined) return this.et.wrap({ Name: active.selectedObject }, 'Shape') as unknown as EtRangeSurface;
    if (active.selectionAreas && active.selectionAreas.length > 1)
      return this.et.rangeObject(active, active.selectionAreas[0]!, undefined, active.selectionAreas);
    return this.et.rangeObject(
      active,
      active.selection ?? {
        top: active.activeCell.row,
        left: active.activeCell.col,
        bottom: active.activeCell.row,
        right: active.activeCell.col,
      },
    );
  }
  get DisplayAlerts() {
    return this.et.displayAlerts;
  }
  set DisplayAlerts(v: boolean) {
    this.et.displayAlerts = v;
  }
  get ScreenUpdating() {
    return this.et.screenUpdating;
  }
  set ScreenUpdating(v: boolean) {
    this.et.screenUpdating = v;
  }
  get EnableEvents() {
    return this.et.enableEvents;
  }
  set EnableEvents(v: boolean) {
    this.et.enableEvents = v;
  }
  Undo(): void {
    this.et.undo();
  }
  get DebugTools() {
    return this.et.wrap({ UndoTransBegin: () => undefined, UndoTransEnd: () => undefined }, 'DebugTools');
  }
  /** msoFileDialogFilePicker (3) [platform_v7]. */
  FileDialog(type: number) {
    if (type !== 3) throw new EtError(`fake ET: FileDialog(${type}) is not modelled`);
    return this.et.wrap(new FakeFileDialog(this.et), 'FileDialog');
  }
  get ApiEvent() {
    return this.et.wrap(new FakeApiEvent(this.et), 'ApiEvent');
  }
  private panes = new Map<number, { ID: number; Visible: boolean; DockPosition: number; Width: number; Delete(): void }>();
  /** [typings: index.d.ts; the wpsjs ET template's ribbon.js]. */
  CreateTaskPane(url: string) {
    void url;
    const id = this.panes.size + 1;
    const panes = this.panes;
    const pane = { ID: id, Visible: false, DockPosition: 2, Width: 300, Delete: () => void panes.delete(id) };
    this.panes.set(id, pane);
    return this.et.wrap(pane, 'TaskPane');
  }
  GetTaskPane(id: number) {
    const pane = this.panes.get(id);
    if (!pane) throw new EtError('fake ET: no such task pane'); // It "can return null or throw" [opencode-wps docs].
    return this.et.wrap(pane, 'TaskPane');
  }
  get PluginStorage() {
    const store = this.et.pluginStorage;
    return this.et.wrap(
      {
        setItem: (k: string, v: string | number | boolean) => void store.set(k, String(v)),
        getItem: (k: string) => store.get(k) ?? '',
        removeItem: (k: string) => void store.delete(k),
      },
      'PluginStorage',
    );
  }
  get FileSystem() {
    const files = this.et.files;
    return this.et.wrap(
      {
        /** Synchronous, the file's bytes [the UOS adapter's record, ../shared/research/wps-addin.md §3]. */
        ReadFileAsArrayBuffer: (path: string) => {
          const bytes = files.get(path);
          if (!bytes) throw new EtError(`fake ET: no file ${path}`);
          return bytes.slice().buffer;
        },
        Exists: (path: string) => files.has(path),
        /** Typings only (index.d.ts FileStat): the fake gives the size and a fixed time. */
        stat: (path: string) => {
          const bytes = files.get(path);
          if (!bytes) throw new EtError(`fake ET: no file ${path}`);
          return { size: bytes.byteLength, mtimeMs: 0 };
        },
      },
      'FileSystem',
    );
  }
}

class FakeWindow {
  constructor(private readonly et: FakeEt) {}
  /** A window setting shown for its active sheet [vba: Window.DisplayGridlines]. */
  get DisplayGridlines() {
    return this.et.workbook.activeSheet?.gridlines ?? true;
  }
  set DisplayGridlines(v: boolean) {
    const active = this.et.workbook.activeSheet;
    if (active) active.gridlines = v;
  }
  /** Frozen panes of the active sheet [aiworkdeck excel_freeze_panes]. */
  get FreezePanes() {
    return this.et.workbook.activeSheet?.freeze.frozen ?? false;
  }
  set FreezePanes(v: boolean) {
    const active = this.et.workbook.activeSheet;
    if (active) active.freeze.frozen = v;
  }
  get SplitRow() {
    return this.et.workbook.activeSheet?.freeze.row ?? 0;
  }
  set SplitRow(v: number) {
    const active = this.et.workbook.activeSheet;
    if (active) active.freeze.row = v;
  }
  get SplitColumn() {
    return this.et.workbook.activeSheet?.freeze.column ?? 0;
  }
  set SplitColumn(v: number) {
    const active = this.et.workbook.activeSheet;
    if (active) active.freeze.column = v;
  }
}

class FakeFileDialog {
  constructor(private readonly et: FakeEt) {}
  Title = '';
  AllowMultiSelect = false;
  private picked: string[] = [];
  /** The kinds of file offered [vba: FileDialogFilters]: kept for tests to read. */
  get Filters() {
    const filters = this.et.dialogFilters;
    return this.et.wrap(
      {
        Clear: () => void (filters.length = 0),
        Add: (description: string, extensions: string) => void filters.push({ description, extensions }),
      },
      'FileDialogFilters',
    );
  }
  /** -1 when the clerk chose, 0 when cancelled [vba: FileDialog.Show]. */
  Show(): number {
    this.picked = this.AllowMultiSelect ? this.et.nextPick : this.et.nextPick.slice(0, 1);
    this.et.nextPick = [];
    return this.picked.length > 0 ? -1 : 0;
  }
  get SelectedItems() {
    const picked = this.picked;
    return this.et.wrap(
      {
        get Count() {
          return picked.length;
        },
        Item: (i: number) => {
          const path = picked[i - 1];
          if (path === undefined) throw new EtError('fake ET: no such item');
          return path;
        },
      },
      'FileDialogSelectedItems',
    );
  }
}

class FakeApiEvent {
  constructor(private readonly et: FakeEt) {}
  AddApiEventListener(name: string, listener: Listener): void {
    let set = this.et.listeners.get(name);
    if (!set) this.et.listeners.set(name, (set = new Set()));
    set.add(listener);
  }
  RemoveApiEventListener(name: string, listener?: Listener): void {
    if (listener) this.et.listeners.get(name)?.delete(listener);
    else this.et.listeners.delete(name);
  }
}

class FakeWorkbooks {
  constructor(private readonly et: FakeEt) {}
  get Count() {
    return 1;
  }
  Item(index: string | number) {
    if (index !== 1 && index !== this.et.workbook.name) throw new EtError('fake ET: subscript out of range');
    return this.et.wrap(new FakeWorkbook(this.et), 'Workbook');
  }
  Add(): never {
    throw new EtError('fake ET: Workbooks.Add is not modelled');
  }
}

class FakeWorkbook {
  constructor(private readonly et: FakeEt) {}
  get Name() {
    return this.et.workbook.name;
  }
  /** An unsaved book's FullName is only its name [the UOS adapter, ../shared/research/wps-addin.md §3]. */
  get FullName() {
    return this.et.workbook.name;
  }
  get Worksheets() {
    return this.et.wrap(new FakeSheets(this.et), 'Sheets');
  }
  get Sheets() {
    return this.et.wrap(new FakeSheets(this.et), 'Sheets');
  }
  get ActiveSheet() {
    const active = this.et.workbook.activeSheet;
    if (!active) throw new EtError('fake ET: no active sheet');
    return this.et.sheetObject(active);
  }
  get Names() {
    return this.et.wrap(new FakeNames(this.et, this.et.workbook.names, undefined), 'Names');
  }
  Activate(): void {}
}

/** Sheet names Excel refuses [vba: Worksheet.Name; the same rules as src/core/sheet-names.ts]. */
function checkSheetName(et: FakeEt, name: string, self: EtSheetState | undefined): void {
  if (name.length === 0 || name.length > SHEET_NAME_MAX || /[\\/?*[\]:]/.test(name) || /^'|'$/.test(name)) {
    throw new EtError(`fake ET: invalid sheet name ${name}`);
  }
  const other = et.sheet(name);
  if (other && other !== self) throw new EtError(`fake ET: a sheet is already named ${name}`);
}

class FakeSheets {
  constructor(private readonly et: FakeEt) {}
  get Count() {
    return this.et.workbook.sheets.length;
  }
  /** 1-based index or name (case-insensitive); anything else is VBA's "subscript out of range". */
  Item(index: string | number) {
    const sheets = this.et.workbook.sheets;
    const state = typeof index === 'number' ? sheets[index - 1] : this.et.sheet(index);
    if (!state) throw new EtError('fake ET: subscript out of range');
    return this.et.sheetObject(state);
  }
  /**
   * Without arguments inserts before the active sheet; `Add(null, sheet)` after `sheet` [aiworkdeck]. The new sheet
   * is named SheetN and becomes the active one [vba: Sheets.Add].
   */
  Add(before?: unknown, after?: unknown) {
    const sheets = this.et.workbook.sheets;
    let n = sheets.length + 1;
    while (this.et.sheet(`Sheet${n}`)) n++;
    const state = newSheet(`Sheet${n}`);
    const anchor = sheetStateOf(after ?? before);
    const active = this.et.workbook.activeSheet;
    const at = anchor ? sheets.indexOf(anchor) + (after ? 1 : 0) : active ? sheets.indexOf(active) : sheets.length;
    sheets.splice(Math.max(0, at), 0, state);
    this.et.workbook.activeSheet = state;
    this.et.jsWrote();
    return this.et.sheetObject(state);
  }
}

/** The state behind a worksheet object passed back into ET (Sheets.Add's Before/After). */
const SHEET_STATES = new WeakMap<object, EtSheetState>();
function sheetStateOf(value: unknown): EtSheetState | undefined {
  return value && typeof value === 'object' ? SHEET_STATES.get(value) : undefined;
}
const RANGE_TARGETS = new WeakMap<object, FakeRange>();

class FakeWorksheet {
  constructor(
    private readonly et: FakeEt,
    private readonly state: EtSheetState,
  ) {
    SHEET_STATES.set(this, state);
  }
  private get live() {
    return this.et.liveSheet(this.state);
  }
  get Name() {
    return this.live.name;
  }
  set Name(name: string) {
    checkSheetName(this.et, name, this.live);
    this.live.name = name;
    this.et.jsWrote();
  }
  get Index() {
    return this.et.workbook.sheets.indexOf(this.live) + 1;
  }
  get Visible() {
    return this.live.visible;
  }
  set Visible(v: number) {
    this.live.visible = v;
    this.et.jsWrote();
  }
  Activate(): void {
    this.et.workbook.activeSheet = this.live;
  }
  /**
   * With DisplayAlerts on, ET asks the clerk first [vba: Worksheet.Delete; aiworkdeck wraps deletes in
   * DisplayAlerts = false]: the fake records the prompt and, as the clerk may cancel, deletes nothing.
   */
  Delete(): void {
    const sheets = this.et.workbook.sheets;
    const state = this.live;
    if (sheets.filter((s) => s.visible === -1 && s !== state).length === 0) {
      throw new EtError('fake ET: a workbook keeps at least one visible sheet');
    }
    if (this.et.displayAlerts) {
      this.et.prompts.push(`删除工作表 ${state.name}`);
      return;
    }
    sheets.splice(sheets.indexOf(state), 1);
    if (this.et.workbook.activeSheet === state) this.et.workbook.activeSheet = sheets.find((s) => s.visible === -1);
    this.et.jsWrote();
  }
  /** One area, or several joined by commas ("A2:A6,C2:C6"), as a VBA range may be [vba: Range("A1:B2,D1:D2")]. */
  Range(address: string) {
    const areas = address.replace(/\$/g, '').split(',').map(parseRangeAddress);
    return this.et.rangeObject(this.live, areas[0] as CellRange, undefined, areas.length > 1 ? areas : undefined);
  }
  get Cells() {
    return this.et.rangeObject(this.live, { top: 0, left: 0, bottom: 1048575, right: 16383 });
  }
  /** The cells written so far; A1 on an empty sheet [aiworkdeck]. */
  get UsedRange() {
    const keys = [...this.live.cells.keys()].map((k) => k.split(':').map(Number) as [number, number]);
    if (keys.length === 0) return this.et.rangeObject(this.live, { top: 0, left: 0, bottom: 0, right: 0 });
    const rows = keys.map(([r]) => r);
    const cols = keys.map(([, c]) => c);
    return this.et.rangeObject(this.live, {
      top: Math.min(...rows),
      left: Math.min(...cols),
      bottom: Math.max(...rows),
      right: Math.max(...cols),
    });
  }
  /** A sheet's own names: behaviours.sheetScopedNames (declared by the typings, verified by no source). */
  get Names() {
    const mode = this.et.behaviours.sheetScopedNames;
    if (mode === 'workbook') return this.et.wrap(new FakeNames(this.et, this.et.workbook.names, undefined), 'Names');
    return this.et.wrap(new FakeNames(this.et, this.live.names, mode === 'supported' ? this.live : 'refused'), 'Names');
  }
  get PageSetup() {
    return this.et.wrap(new FakePageSetup(this.et, this.live), 'PageSetup');
  }
  get ProtectContents() {
    return this.live.protection.protected;
  }
  /** Protect(Password, DrawingObjects, Contents, Scenarios, UserInterfaceOnly, AllowFormatting…) [typings]. */
  Protect(
    password?: string,
    _drawingObjects?: boolean,
    _contents?: boolean,
    _scenarios?: unknown,
    _userInterfaceOnly?: boolean,
    allowFormattingCells?: boolean,
    allowFormattingColumns?: boolean,
    allowFormattingRows?: boolean,
    allowInsertingColumns?: boolean,
    allowInsertingRows?: boolean,
  ): void {
    this.live.protection = {
      protected: true,
      password: password ?? '',
      allow: {
        formatCells: Boolean(allowFormattingCells),
        formatColumns: Boolean(allowFormattingColumns),
        formatRows: Boolean(allowFormattingRows),
        insertColumns: Boolean(allowInsertingColumns),
        insertRows: Boolean(allowInsertingRows),
      },
    };
    this.et.jsWrote();
  }
  Unprotect(password?: string): void {
    if ((password ?? '') !== this.live.protection.password) throw new EtError('fake ET: wrong password');
    this.live.protection = { protected: false, password: '', allow: {} };
    this.et.jsWrote();
  }
  /** `ChartObjects()` without an index: the collection [aiworkdeck; pi]. */
  ChartObjects() {
    return this.et.wrap(new FakeChartObjects(this.et, this.live), 'ChartObjects');
  }
}

class FakeChartObjects {
  constructor(
    private readonly et: FakeEt,
    private readonly state: EtSheetState,
  ) {}
  get Count() {
    return this.state.charts.length;
  }
  Add(left: number, top: number, width: number, height: number) {
    const chart = {
      left,
      top,
      width,
      height,
      name: `图表 ${this.state.charts.length + 1}`,
      source: undefined,
      chartType: undefined,
      hasTitle: false,
      hasLegend: true,
      title: '',
      axes: {},
    };
    this.state.charts.push(chart);
    this.et.jsWrote();
    return this.et.wrap(new FakeChartObject(this.et, this.state, chart), 'ChartObject');
  }
  Item(index: string | number) {
    const chart = typeof index === 'number' ? this.state.charts[index - 1] : this.state.charts.find((c) => c.name === index);
    if (!chart) throw new EtError('fake ET: no such chart');
    return this.et.wrap(new FakeChartObject(this.et, this.state, chart), 'ChartObject');
  }
}

class FakeChartObject {
  constructor(
    private readonly et: FakeEt,
    private readonly state: EtSheetState,
    private readonly chart: EtSheetState['charts'][number],
  ) {}
  get Name() {
    return this.chart.name;
  }
  set Name(v: string) {
    this.chart.name = v;
  }
  get Chart() {
    const { chart, state, et } = this;
    return this.et.wrap(
      {
        SetSourceData: (source: unknown) => {
          const target = source && typeof source === 'object' ? RANGE_TARGETS.get(source) : undefined;
          if (!target) throw new EtError('fake ET: SetSourceData takes a range');
          chart.source = `${target.sheetName}!${target.address}`;
        },
        get ChartType() {
          return chart.chartType ?? 51;
        },
        set ChartType(v: number) {
          chart.chartType = v;
        },
        get HasTitle() {
          return chart.hasTitle;
        },
        set HasTitle(v: boolean) {
          chart.hasTitle = v;
        },
        get HasLegend() {
          return chart.hasLegend;
        },
        set HasLegend(v: boolean) {
          chart.hasLegend = v;
        },
        Delete: () => void state.charts.splice(state.charts.indexOf(chart), 1),
        /** Reached only after `HasTitle = true` [aiworkdeck excel_add_chart: "HasTitle 前置是硬要求"]. */
        get ChartTitle() {
          if (!chart.hasTitle) throw new EtError('fake ET: ChartTitle before HasTitle = true');
          return et.wrap(
            {
              get Text() {
                return chart.title;
              },
              set Text(v: string) {
                chart.title = v;
              },
            },
            'ChartTitle',
          );
        },
        /** `Axes().Item(type)`: verified by no source for the JS bridge; behaviours.chartAxes, else what is set is kept. */
        Axes: () => {
          if (et.behaviours.chartAxes === 'refused') throw new EtError('fake ET: Chart.Axes is not supported');
          return et.wrap(
            {
              Item: (type: number) => {
                const axis = (chart.axes[type] ??= { reversePlotOrder: false, crosses: -4105 });
                return et.wrap(
                  {
                    get ReversePlotOrder() {
                      return axis.reversePlotOrder;
                    },
                    set ReversePlotOrder(v: boolean) {
                      axis.reversePlotOrder = v;
                    },
                    get Crosses() {
                      return axis.crosses;
                    },
                    set Crosses(v: number) {
                      axis.crosses = v;
                    },
                  },
                  'Axis',
                );
              },
            },
            'Axes',
          );
        },
      },
      'Chart',
    );
  }
  Delete() {
    this.state.charts.splice(this.state.charts.indexOf(this.chart), 1);
    return true;
  }
}

/**
 * `Names.Add(Name, RefersTo)` [aiworkdeck probe via COM: workbook names]; adding an existing name replaces it
 * [vba: Names.Add]. `owner` is the sheet for a sheet's own names (their Name reads "Sheet!Name" [vba: Name.Name]),
 * 'refused' where the host refuses them (behaviours.sheetScopedNames).
 */
class FakeNames {
  constructor(
    private readonly et: FakeEt,
    private readonly names: Map<string, EtNameState>,
    private readonly owner: EtSheetState | 'refused' | undefined,
  ) {}
  get Count() {
    if (this.owner === 'refused') throw new EtError('fake ET: sheet-scoped names are not supported');
    return this.names.size;
  }
  Add(name: string, refersTo: string, visible = true) {
    if (this.owner === 'refused') throw new EtError('fake ET: sheet-scoped names are not supported');
    if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) || /^[A-Z]{1,3}\d+$/i.test(name)) throw new EtError(`fake ET: invalid name ${name}`);
    const state: EtNameState = { name, refersTo, visible };
    this.names.set(name.toLowerCase(), state);
    this.et.jsWrote();
    return this.et.wrap(new FakeName(this.names, state, this.owner), 'Name');
  }
  Item(index: string | number) {
    if (this.owner === 'refused') throw new EtError('fake ET: sheet-scoped names are not supported');
    const state = typeof index === 'number' ? [...this.names.values()][index - 1] : this.names.get(String(index).toLowerCase());
    if (!state) throw new EtError('fake ET: no such name');
    return this.et.wrap(new FakeName(this.names, state, this.owner), 'Name');
  }
}

class FakeName {
  constructor(
    private readonly names: Map<string, EtNameState>,
    private readonly state: EtNameState,
    private readonly owner: EtSheetState | undefined,
  ) {}
  get Name() {
    return this.owner ? `${this.owner.name}!${this.state.name}` : this.state.name;
  }
  set Name(v: string) {
    this.names.delete(this.state.name.toLowerCase());
    this.state.name = v;
    this.names.set(v.toLowerCase(), this.state);
  }
  get RefersTo() {
    return this.state.refersTo;
  }
  set RefersTo(v: string | boolean) {
    this.state.refersTo = String(v);
  }
  get Visible() {
    return this.state.visible;
  }
  set Visible(v: boolean) {
    this.state.visible = v;
  }
  Delete(): void {
    this.names.delete(this.state.name.toLowerCase());
  }
}

/** behaviours.pageSetup: 'applied' keeps every write, 'ignored' drops them, 'refused' throws on any member. */
class FakePageSetup {
  constructor(
    private readonly et: FakeEt,
    private readonly state: EtSheetState,
  ) {}
  private set(apply: (p: EtSheetState['pageSetup']) => void): void {
    const mode = this.et.behaviours.pageSetup;
    if (mode === 'refused') throw new EtError('fake ET: PageSetup is not supported');
    if (mode === 'applied') apply(this.state.pageSetup);
  }
  private get p() {
    if (this.et.behaviours.pageSetup === 'refused') throw new EtError('fake ET: PageSetup is not supported');
    return this.state.pageSetup;
  }
  get Orientation() {
    return this.p.orientation ?? 1;
  }
  set Orientation(v: number) {
    this.set((p) => (p.orientation = v));
  }
  get PaperSize() {
    return this.p.paperSize ?? 9;
  }
  set PaperSize(v: number) {
    this.set((p) => (p.paperSize = v));
  }
  get Zoom() {
    return this.p.zoom;
  }
  set Zoom(v: boolean | number) {
    this.set((p) => (p.zoom = v));
  }
  get FitToPagesWide() {
    return this.p.fitToPagesWide;
  }
  set FitToPagesWide(v: boolean | number) {
    this.set((p) => (p.fitToPagesWide = v));
  }
  get FitToPagesTall() {
    return this.p.fitToPagesTall;
  }
  set FitToPagesTall(v: boolean | number) {
    this.set((p) => (p.fitToPagesTall = v));
  }
  get CenterHorizontally() {
    return this.p.centerHorizontally;
  }
  set CenterHorizontally(v: boolean) {
    this.set((p) => (p.centerHorizontally = v));
  }
  get LeftMargin() {
    return this.p.margins.left ?? 0;
  }
  set LeftMargin(v: number) {
    this.set((p) => (p.margins.left = v));
  }
  get RightMargin() {
    return this.p.margins.right ?? 0;
  }
  set RightMargin(v: number) {
    this.set((p) => (p.margins.right = v));
  }
  get TopMargin() {
    return this.p.margins.top ?? 0;
  }
  set TopMargin(v: number) {
    this.set((p) => (p.margins.top = v));
  }
  get BottomMargin() {
    return this.p.margins.bottom ?? 0;
  }
  set BottomMargin(v: number) {
    this.set((p) => (p.margins.bottom = v));
  }
  get HeaderMargin() {
    return this.p.margins.header ?? 0;
  }
  set HeaderMargin(v: number) {
    this.set((p) => (p.margins.header = v));
  }
  get FooterMargin() {
    return this.p.margins.footer ?? 0;
  }
  set FooterMargin(v: number) {
    this.set((p) => (p.margins.footer = v));
  }
  get PrintArea() {
    return this.p.printArea;
  }
  set PrintArea(v: string) {
    this.set((p) => (p.printArea = v));
  }
  get PrintTitleRows() {
    return this.p.printTitleRows;
  }
  set PrintTitleRows(v: string) {
    this.set((p) => (p.printTitleRows = v));
  }
  get PrintTitleColumns() {
    return this.p.printTitleColumns;
  }
  set PrintTitleColumns(v: string) {
    this.set((p) => (p.printTitleColumns = v));
  }
  get LeftFooter() {
    return this.p.footers.left;
  }
  set LeftFooter(v: string) {
    this.set((p) => (p.footers.left = v));
  }
  get CenterFooter() {
    return this.p.footers.center;
  }
  set CenterFooter(v: string) {
    this.set((p) => (p.footers.center = v));
  }
  get RightFooter() {
    return this.p.footers.right;
  }
  set RightFooter(v: string) {
    this.set((p) => (p.footers.right = v));
  }
}

type Edge = 'top' | 'bottom' | 'left' | 'right';
const EDGE_OF_INDEX: Record<number, Edge> = { 7: 'left', 8: 'top', 9: 'bottom', 10: 'right' };
/** xlInsideVertical 11, xlInsideHorizontal 12 [typings XlBordersIndex]. */
const INSIDE_OF_INDEX: Record<number, 'vertical' | 'horizontal'> = { 11: 'vertical', 12: 'horizontal' };

/** The lines inside a range (FakeRange.insideCells); a read gives its first inner line's, or none. */
class FakeInsideBorder {
  constructor(
    private readonly range: FakeRange,
    private readonly inner: 'vertical' | 'horizontal',
  ) {}
  private read(): EtBorderState {
    let found: EtBorderState | undefined;
    this.range.insideCells(this.inner, (cell, edge) => (found ??= cell.borders[edge]));
    return found ?? { lineStyle: -4142, weight: 2, color: 0 };
  }
  private write(change: (b: EtBorderState) => void): void {
    this.range.insideCells(this.inner, (cell, edge) => {
      const b = cell.borders[edge] ?? { lineStyle: -4142, weight: 2, color: 0 };
      change(b);
      cell.borders[edge] = b;
    });
  }
  get LineStyle(): number | boolean {
    return this.read().lineStyle;
  }
  set LineStyle(v: number | boolean) {
    this.write((b) => (b.lineStyle = Number(v)));
  }
  get Weight(): number {
    return this.read().weight;
  }
  set Weight(v: number) {
    this.write((b) => (b.weight = v));
  }
  get Color(): number {
    return this.read().color;
  }
  set Color(v: number) {
    this.write((b) => (b.color = v));
  }
}

class FakeRange {
  constructor(
    private readonly et: FakeEt,
    private readonly state: EtSheetState,
    private readonly area: CellRange,
    private readonly entire?: 'column' | 'row',
    private readonly counts: 'cells' | 'rows' | 'columns' = 'cells',
    /** Every area of a multi-area range (the first is `area`): modelled as a chart's source only. */
    private readonly areaList?: CellRange[],
  ) {
    RANGE_TARGETS.set(this, this);
  }
  /** A multi-area range is modelled only as a chart's source (its address): reading or writing its cells is refused. */
  private oneArea(): void {
    if (this.areaList) throw new EtError('fake ET: only a chart source is modelled on a multi-area range');
  }
  get sheetName(): string {
    return this.state.name;
  }
  get address(): string {
    return (this.areaList ?? [this.area]).map(rangeAddress).join(',');
  }
  private get live() {
    return this.et.liveSheet(this.state);
  }
  private get rows() {
    return this.area.bottom - this.area.top + 1;
  }
  private get columns() {
    return this.area.right - this.area.left + 1;
  }
  private eachCell(fn: (cell: EtCellState, row: number, col: number) => void): void {
    this.oneArea();
    const { top, left, bottom, right } = this.area;
    if ((bottom - top + 1) * (right - left + 1) > 1_000_000) throw new Error('fake ET: range too large to touch cell by cell');
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) fn(cellOf(this.live, r, c), r, c);
  }
  private uniform<T>(read: (cell: EtCellState | undefined) => T): T | null {
    const { top, left, bottom, right } = this.area;
    const first = read(this.live.cells.get(cellKey(top, left)) ?? emptyCell());
    for (let r = top; r <= Math.min(bottom, top + 2000); r++) {
      for (let c = left; c <= Math.min(right, left + 300); c++) {
        if (read(this.live.cells.get(cellKey(r, c)) ?? emptyCell()) !== first) return null; // Mixed: null [vba].
      }
    }
    return first;
  }
  private formatWrite(fn: (cell: EtCellState) => void): void {
    this.checkUnlocked(true);
    this.eachCell(fn);
    this.et.jsWrote();
  }
  /** A protected sheet refuses writes to locked cells [vba]; formats only when the protection allows them. */
  private checkUnlocked(format: boolean): void {
    const p = this.live.protection;
    if (!p.protected) return;
    if (format && p.allow.formatCells) return;
    this.eachCell((cell) => {
      if (cell.locked) throw new EtError('fake ET: the cell is on a protected sheet');
    });
  }

  /**
   * One cell: a scalar; more: a 2-D array [aiworkdeck read2D]; one row: 2-D or 1-D (behaviours.oneRowValue2).
   * Errors come as CVErr numbers [aiworkdeck].
   */
  get Value2(): unknown {
    this.oneArea();
    const { top, left } = this.area;
    if (this.rows === 1 && this.columns === 1) return value2Of(this.live.cells.get(cellKey(top, left)));
    const grid: EtCellValue[][] = [];
    for (let r = 0; r < this.rows; r++) {
      const row: EtCellValue[] = [];
      for (let c = 0; c < this.columns; c++) row.push(value2Of(this.live.cells.get(cellKey(top + r, left + c))));
      grid.push(row);
    }
    return this.rows === 1 && this.et.behaviours.oneRowValue2 === '1d' ? grid[0] : grid;
  }
  /**
   * A scalar fills every cell; a 2-D array must have the range's shape (ET would pad or cut; the fake refuses, so a
   * shape error shows) [aiworkdeck, pi: 2-D writes]. A cell inside a merged area other than its top-left takes only
   * an empty value [vba: a merged area keeps its top-left value].
   */
  set Value2(value: unknown) {
    this.writeValues(value);
  }
  private writeValues(value: unknown): void {
    const at = (r: number, c: number): EtCellValue => {
      if (!Array.isArray(value)) return value as EtCellValue;
      const row: unknown = value[r];
      if (this.rows === 1 && !Array.isArray(row)) return value[c] as EtCellValue;
      return (row as EtCellValue[])[c] as EtCellValue;
    };
    if (Array.isArray(value)) {
      const oneD = !Array.isArray(value[0]);
      const shapeOk = oneD
        ? this.rows === 1 && value.length === this.columns
        : value.length === this.rows && value.every((row) => Array.isArray(row) && row.length === this.columns);
      if (!shapeOk) throw new EtError(`fake ET: a value array of the wrong shape for ${this.address}`);
    }
    this.checkUnlocked(false);
    const merges = this.live.merges;
    this.eachCell((_cell, r, c) => {
      const v = at(r - this.area.top, c - this.area.left);
      const merge = merges.find((m) => overlaps(m, { top: r, left: c, bottom: r, right: c }));
      if (merge && (merge.top !== r || merge.left !== c) && v !== null && v !== '' && v !== undefined) {
        throw new EtError(`fake ET: ${cellAddress(r, c)} lies inside a merged area`);
      }
      storeTyped(this.live, r, c, v ?? null);
    });
    this.et.jsWrote();
    if (this.et.behaviours.sheetChangeOnJsWrite)
      this.et.fire('SheetChange', this.et.sheetObject(this.live), this.et.rangeObject(this.live, this.area));
  }
  get Formula(): unknown {
    const cell = this.live.cells.get(cellKey(this.area.top, this.area.left));
    return cell?.formula ?? (cell?.value === null || cell?.value === undefined ? '' : String(cell.value));
  }
  set Formula(value: unknown) {
    this.writeValues(value);
  }
  get NumberFormat(): string | null {
    return this.uniform((c) => c?.numberFormat ?? 'General');
  }
  /** One format string for every cell [aiworkdeck]. */
  set NumberFormat(v: string | null) {
    if (typeof v !== 'string') throw new EtError('fake ET: NumberFormat takes one string');
    this.formatWrite((c) => (c.numberFormat = v));
  }
  get Text(): string | null {
    const v = this.live.cells.get(cellKey(this.area.top, this.area.left))?.value;
    return v === null || v === undefined ? '' : String(v);
  }
  get MergeCells(): boolean | null {
    const merges = this.live.merges.filter((m) => overlaps(m, this.area));
    if (merges.length === 0) return false;
    return merges.some((m) => inside(this.area, m)) || merges.every((m) => inside(m, this.area)) ? true : null;
  }
  set MergeCells(v: boolean | null) {
    if (v) this.Merge();
    else this.UnMerge();
  }
  /**
   * With DisplayAlerts on and values outside the top-left cell, ET asks before dropping them [aiworkdeck wraps
   * Merge in DisplayAlerts = false]: the fake records the prompt and throws, as the call would block. A range that
   * cuts through another merged area is refused [vba].
   */
  Merge(across?: boolean): void {
    if (across) throw new EtError('fake ET: Merge(true) is not modelled');
    if (this.rows * this.columns === 1) return;
    this.checkUnlocked(true);
    const live = this.live;
    if (live.merges.some((m) => overlaps(m, this.area) && !inside(m, this.area))) {
      throw new EtError('fake ET: the range cuts a merged area');
    }
    let extra = false;
    this.eachCell((cell, r, c) => {
      if ((r !== this.area.top || c !== this.area.left) && cell.value !== null) extra = true;
    });
    if (extra && this.et.displayAlerts) {
      this.et.prompts.push(`合并 ${this.address}`);
      throw new EtError('fake ET: a merge prompt would block (DisplayAlerts on)');
    }
    this.eachCell((cell, r, c) => {
      if (r !== this.area.top || c !== this.area.left) cell.value = null;
    });
    live.merges = live.merges.filter((m) => !inside(m, this.area));
    live.merges.push({ ...this.area });
    this.et.jsWrote();
  }
  UnMerge(): void {
    this.live.merges = this.live.merges.filter((m) => !overlaps(m, this.area));
    this.et.jsWrote();
  }
  get MergeArea() {
    const { top, left } = this.area;
    const merge = this.live.merges.find((m) => overlaps(m, { top, left, bottom: top, right: left }));
    return this.et.rangeObject(this.live, merge ?? { top, left, bottom: top, right: left });
  }
  get Borders() {
    return this.et.wrap(
      {
        /** xlEdgeLeft 7, xlEdgeTop 8, xlEdgeBottom 9, xlEdgeRight 10 [typings XlBordersIndex; aiworkdeck]. */
        Item: (index: number) => {
          const inner = INSIDE_OF_INDEX[index];
          if (inner) return this.et.wrap(new FakeInsideBorder(this, inner), 'Border');
          const edge = EDGE_OF_INDEX[index];
          if (!edge) throw new EtError(`fake ET: border ${index} is not modelled`);
          return this.et.wrap(new FakeBorder(this, edge), 'Border');
        },
      },
      'Borders',
    );
  }
  /**
   * The cells on either side of each line inside the range: xlInsideVertical draws the right edge of every column
   * but the last and the left edge of every column but the first; xlInsideHorizontal likewise by rows [vba:
   * XlBordersIndex]. Kept on both cells, as the fake keeps each cell's own edges.
   */
  insideCells(inner: 'vertical' | 'horizontal', fn: (cell: EtCellState, edge: Edge) => void): void {
    this.oneArea();
    const { top, left, bottom, right } = this.area;
    for (let r = top; r <= bottom; r++)
      for (let c = left; c <= right; c++) {
        const cell = cellOf(this.live, r, c);
        if (inner === 'vertical') {
          if (c < right) fn(cell, 'right');
          if (c > left) fn(cell, 'left');
        } else {
          if (r < bottom) fn(cell, 'bottom');
          if (r > top) fn(cell, 'top');
        }
      }
  }
  /** The cells along one edge of the range. */
  edgeCells(edge: Edge, fn: (cell: EtCellState) => void): void {
    const { top, left, bottom, right } = this.area;
    const live = this.live;
    if (edge === 'top' || edge === 'bottom') for (let c = left; c <= right; c++) fn(cellOf(live, edge === 'top' ? top : bottom, c));
    else for (let r = top; r <= bottom; r++) fn(cellOf(live, r, edge === 'left' ? left : right));
    this.et.jsWrote();
  }
  firstCell(): EtCellState {
    return this.live.cells.get(cellKey(this.area.top, this.area.left)) ?? emptyCell();
  }
  get Interior() {
    const range = this;
    return this.et.wrap(
      {
        get Color(): unknown {
          return range.uniform((c) => c?.fill ?? 0xffffff);
        },
        /** BGR [aiworkdeck]. */
        set Color(v: unknown) {
          if (typeof v !== 'number') throw new EtError('fake ET: Interior.Color takes a BGR number');
          range.formatWrite((c) => (c.fill = v));
        },
        get ColorIndex(): unknown {
          return range.uniform((c) => (c?.fill === undefined ? -4142 : 0));
        },
        set ColorIndex(v: unknown) {
          if (v !== -4142) throw new EtError('fake ET: only ColorIndex = xlColorIndexNone is modelled');
          range.formatWrite((c) => (c.fill = undefined));
        },
      },
      'Interior',
    );
  }
  get Font() {
    const range = this;
    return this.et.wrap(
      {
        get Name() {
          return range.uniform((c) => c?.fontName ?? '宋体') ?? undefined;
        },
        set Name(v: string | undefined) {
          range.formatWrite((c) => (c.fontName = String(v)));
        },
        get Size() {
          return range.uniform((c) => c?.fontSize ?? 11) as number;
        },
        set Size(v: number) {
          range.formatWrite((c) => (c.fontSize = v));
        },
        get Bold() {
          return range.uniform((c) => c?.bold ?? false) as boolean;
        },
        set Bold(v: boolean) {
          range.formatWrite((c) => (c.bold = v));
        },
        get Color() {
          return range.uniform((c) => c?.fontColor ?? 0) as number;
        },
        set Color(v: number) {
          range.formatWrite((c) => (c.fontColor = v));
        },
      },
      'Font',
    );
  }
  get HorizontalAlignment(): number | boolean {
    return this.uniform((c) => c?.h ?? 1) as number;
  }
  set HorizontalAlignment(v: number | boolean) {
    this.formatWrite((c) => (c.h = Number(v)));
  }
  get VerticalAlignment(): number | boolean {
    return this.uniform((c) => c?.v ?? -4107) as number;
  }
  set VerticalAlignment(v: number | boolean) {
    this.formatWrite((c) => (c.v = Number(v)));
  }
  get Orientation(): number | boolean {
    return this.uniform((c) => c?.orientation ?? -4128) as number;
  }
  set Orientation(v: number | boolean) {
    this.formatWrite((c) => (c.orientation = Number(v)));
  }
  get WrapText(): boolean {
    return this.uniform((c) => c?.wrap ?? false) as boolean;
  }
  set WrapText(v: boolean) {
    this.formatWrite((c) => (c.wrap = v));
  }
  get Locked(): boolean {
    return this.uniform((c) => c?.locked ?? true) as boolean;
  }
  set Locked(v: boolean) {
    if (this.live.protection.protected) throw new EtError('fake ET: Locked cannot change on a protected sheet');
    this.eachCell((c) => (c.locked = v));
    this.et.jsWrote();
  }
  /** In characters. The default 8.38 is the fake's assumption (no source; the adapter sets every width it needs). */
  get ColumnWidth(): number {
    return this.live.columnWidths.get(this.area.left) ?? 8.38;
  }
  set ColumnWidth(v: number) {
    if (!(v >= 0 && v <= 255)) throw new EtError('fake ET: a column is 0 to 255 characters wide'); // [vba]
    for (let c = this.area.left; c <= this.area.right; c++) this.live.columnWidths.set(c, v);
    this.et.jsWrote();
  }
  /** In points. The default 13.5 is the fake's assumption (no source; the adapter sets every height it needs). */
  get RowHeight(): number {
    return this.live.rowHeights.get(this.area.top) ?? 13.5;
  }
  set RowHeight(v: number) {
    if (!(v >= 0 && v <= 409)) throw new EtError('fake ET: a row is 0 to 409 points high'); // [vba]
    for (let r = this.area.top; r <= this.area.bottom; r++) this.live.rowHeights.set(r, v);
    this.et.jsWrote();
  }
  /** Only a whole column or row can be hidden [vba: "Unable to set the Hidden property"]. */
  get Hidden(): unknown {
    if (this.entire !== 'column') throw new EtError('fake ET: only whole columns are modelled for Hidden');
    return this.live.hiddenColumns.has(this.area.left);
  }
  set Hidden(v: unknown) {
    if (this.entire !== 'column') throw new EtError('fake ET: only whole columns are modelled for Hidden');
    for (let c = this.area.left; c <= this.area.right; c++) {
      if (v) this.live.hiddenColumns.add(c);
      else this.live.hiddenColumns.delete(c);
    }
    this.et.jsWrote();
  }
  get EntireColumn() {
    return this.et.rangeObject(this.live, { top: 0, bottom: 1048575, left: this.area.left, right: this.area.right }, 'column');
  }
  get EntireRow() {
    return this.et.rangeObject(this.live, { top: this.area.top, bottom: this.area.bottom, left: 0, right: 16383 }, 'row');
  }
  get Row() {
    return this.area.top + 1;
  }
  get Column() {
    return this.area.left + 1;
  }
  get Rows() {
    return this.et.wrap(new FakeRange(this.et, this.state, this.area, this.entire, 'rows'), 'Range');
  }
  get Columns() {
    return this.et.wrap(new FakeRange(this.et, this.state, this.area, this.entire, 'columns'), 'Range');
  }
  get Count() {
    if (this.counts === 'rows') return this.rows;
    if (this.counts === 'columns') return this.columns;
    return this.rows * this.columns;
  }
  get Cells() {
    return this.et.rangeObject(this.live, this.area);
  }
  /** `Item(row, column)`, 1-based from the range's top-left [vba: Range.Item]. */
  Item(row: number, column = 1) {
    const r = this.area.top + row - 1;
    const c = this.area.left + column - 1;
    return this.et.rangeObject(this.live, { top: r, left: c, bottom: r, right: c });
  }
  Resize(rows = this.rows, columns = this.columns) {
    const { top, left } = this.area;
    return this.et.rangeObject(this.live, { top, left, bottom: top + rows - 1, right: left + columns - 1 });
  }
  Offset(rows = 0, columns = 0) {
    const { top, left, bottom, right } = this.area;
    return this.et.rangeObject(this.live, { top: top + rows, left: left + columns, bottom: bottom + rows, right: right + columns });
  }
  /** "$A$1:$B$2" by default; `Address(false, false)` gives "A1:B2" [aiworkdeck]. */
  Address(rowAbsolute = true, columnAbsolute = true): string {
    const one = (r: number, c: number) => {
      const [, col, row] = /^([A-Z]+)(\d+)$/.exec(cellAddress(r, c)) as unknown as [string, string, string];
      return `${columnAbsolute ? '$' : ''}${col}${rowAbsolute ? '$' : ''}${row}`;
    };
    const { top, left, bottom, right } = this.area;
    return top === bottom && left === right ? one(top, left) : `${one(top, left)}:${one(bottom, right)}`;
  }
  /** Makes the range's top-left cell the active cell; only on the active sheet [vba: Range.Select]. */
  Select(): boolean {
    if (this.et.workbook.activeSheet !== this.live) throw new EtError('fake ET: Select works on the active sheet only');
    this.live.activeCell = { row: this.area.top, col: this.area.left };
    return true;
  }
  /**
   * Points from the sheet's top-left corner [vba: Range.Left/Top]. A column of w characters is 5.625 × w + 3.35
   * points wide, as measured on WPS 12.1.0.28043 [aiworkdeck wpsEtHandlers.js, setColumnWidthPoints: 5 → 31.5,
   * 10 → 59.6, 20 → 115.85, 40 → 228.35].
   */
  get Left() {
    let points = 0;
    for (let c = 0; c < this.area.left; c++) points += columnPoints(this.live.columnWidths.get(c) ?? 8.38);
    return points;
  }
  get Top() {
    let points = 0;
    for (let r = 0; r < this.area.top; r++) points += this.live.rowHeights.get(r) ?? 13.5;
    return points;
  }
  get Width() {
    let points = 0;
    for (let c = this.area.left; c <= this.area.right; c++) points += columnPoints(this.live.columnWidths.get(c) ?? 8.38);
    return points;
  }
  get Height() {
    let points = 0;
    for (let r = this.area.top; r <= this.area.bottom; r++) points += this.live.rowHeights.get(r) ?? 13.5;
    return points;
  }
  /** A plain range is one area; a Ctrl selection (FakeEt.selectAreas) one per block [vba: Range.Areas]. */
  get Areas() {
    const areas = this.areaList ?? [this.area];
    return this.et.wrap(
      {
        Count: areas.length,
        Item: (index: number) => {
          const area = areas[index - 1];
          if (!area) throw new EtError('fake ET: no such area');
          return this.et.rangeObject(this.live, area);
        },
      },
      'Areas',
    );
  }
  get Validation() {
    return this.et.wrap(new FakeValidation(this.et, this.live, this.area), 'Validation');
  }
  get FormatConditions() {
    return this.et.wrap(new FakeFormatConditions(this.et, this.live, this.area), 'FormatConditions');
  }
  get Worksheet() {
    return this.et.sheetObject(this.live);
  }
  ClearContents(): boolean {
    this.writeValues(null);
    return true;
  }
  ClearFormats(): boolean {
    this.eachCell((c) => {
      const { value, formula } = c;
      Object.assign(c, emptyCell(), { value, formula });
    });
    this.et.jsWrote();
    return true;
  }
}

class FakeBorder {
  constructor(
    private readonly range: FakeRange,
    private readonly edge: Edge,
  ) {}
  private read(): EtBorderState {
    return this.range.firstCell().borders[this.edge] ?? { lineStyle: -4142, weight: 2, color: 0 };
  }
  private write(change: (b: EtBorderState) => void): void {
    this.range.edgeCells(this.edge, (cell) => {
      const b = cell.borders[this.edge] ?? { lineStyle: -4142, weight: 2, color: 0 };
      change(b);
      cell.borders[this.edge] = b;
    });
  }
  /** xlContinuous 1, xlLineStyleNone -4142 [typings XlLineStyle]. */
  get LineStyle(): number | boolean {
    return this.read().lineStyle;
  }
  set LineStyle(v: number | boolean) {
    this.write((b) => (b.lineStyle = Number(v)));
  }
  get Weight(): number {
    return this.read().weight;
  }
  set Weight(v: number) {
    this.write((b) => (b.weight = v));
  }
  get Color(): number {
    return this.read().color;
  }
  set Color(v: number) {
    this.write((b) => (b.color = v));
  }
}

/**
 * A range's data validation, one per cell. `Add` on a cell that has one is refused (Microsoft's Validation.Add
 * examples call Delete first) [vba]; members of a cell without one are refused (run-time error 1004) [vba].
 * `Add(3, 1, 1, "a,b")` then `InCellDropdown = true` [aiworkdeck probe: "Validation.Add(list) added"].
 */
class FakeValidation {
  constructor(
    private readonly et: FakeEt,
    private readonly state: EtSheetState,
    private readonly area: CellRange,
  ) {}
  private keys(): string[] {
    const keys: string[] = [];
    for (let r = this.area.top; r <= this.area.bottom; r++)
      for (let c = this.area.left; c <= this.area.right; c++) keys.push(cellKey(r, c));
    return keys;
  }
  private first(): EtValidationState {
    const v = this.state.validations.get(cellKey(this.area.top, this.area.left));
    if (!v) throw new EtError('fake ET: the cell has no validation');
    return v;
  }
  private setAll(change: (v: EtValidationState) => void): void {
    for (const key of this.keys()) {
      const v = this.state.validations.get(key);
      if (!v) throw new EtError('fake ET: a cell of the range has no validation');
      change(v);
    }
    this.et.jsWrote();
  }
  private text(member: keyof typeof VALIDATION_TEXT_MAX, value: string): string {
    if (value.length > VALIDATION_TEXT_MAX[member])
      throw new EtError(`fake ET: ${member} is over ${VALIDATION_TEXT_MAX[member]} characters`);
    return value;
  }
  Add(type: number, alertStyle = 1, operator = 1, formula1 = '', formula2 = ''): void {
    // XlDVType: 0 any, 1 whole number, 2 decimal, 3 list, 4 date, 6 text length.
    if (![0, 1, 2, 3, 4, 6].includes(type)) throw new EtError(`fake ET: validation type ${type} is not modelled`);
    if (type === 3 && (formula1 === '' || formula1.length > LIST_SOURCE_MAX))
      throw new EtError('fake ET: a list needs a source of at most 255 characters');
    if (type !== 0 && type !== 3 && formula1 === '') throw new EtError('fake ET: the rule needs Formula1');
    const keys = this.keys();
    if (keys.some((k) => this.state.validations.has(k))) throw new EtError('fake ET: the range already has validation');
    for (const key of keys) {
      this.state.validations.set(key, {
        type,
        alertStyle,
        operator,
        formula1,
        formula2,
        ignoreBlank: true,
        inCellDropdown: true,
        showInput: true,
        showError: true,
        inputTitle: '',
        inputMessage: '',
        errorTitle: '',
        errorMessage: '',
      });
    }
    this.et.jsWrote();
  }
  Delete(): void {
    for (const key of this.keys()) this.state.validations.delete(key);
    this.et.jsWrote();
  }
  get Type() {
    return this.first().type;
  }
  get AlertStyle() {
    return this.first().alertStyle;
  }
  get Operator() {
    return this.first().operator;
  }
  get Formula1() {
    return this.first().formula1;
  }
  get Formula2() {
    return this.first().formula2;
  }
  get IgnoreBlank() {
    return this.first().ignoreBlank;
  }
  set IgnoreBlank(v: boolean) {
    this.setAll((x) => (x.ignoreBlank = v));
  }
  get InCellDropdown() {
    return this.first().inCellDropdown;
  }
  set InCellDropdown(v: boolean) {
    this.setAll((x) => (x.inCellDropdown = v));
  }
  get ShowInput() {
    return this.first().showInput;
  }
  set ShowInput(v: boolean) {
    this.setAll((x) => (x.showInput = v));
  }
  get ShowError() {
    return this.first().showError;
  }
  set ShowError(v: boolean) {
    this.setAll((x) => (x.showError = v));
  }
  get InputTitle() {
    return this.first().inputTitle;
  }
  set InputTitle(v: string) {
    const t = this.text('InputTitle', v);
    this.setAll((x) => (x.inputTitle = t));
  }
  get InputMessage() {
    return this.first().inputMessage;
  }
  set InputMessage(v: string) {
    const t = this.text('InputMessage', v);
    this.setAll((x) => (x.inputMessage = t));
  }
  get ErrorTitle() {
    return this.first().errorTitle;
  }
  set ErrorTitle(v: string) {
    const t = this.text('ErrorTitle', v);
    this.setAll((x) => (x.errorTitle = t));
  }
  get ErrorMessage() {
    return this.first().errorMessage;
  }
  set ErrorMessage(v: string) {
    const t = this.text('ErrorMessage', v);
    this.setAll((x) => (x.errorMessage = t));
  }
}

/**
 * A range's conditional formats. xlExpression (2) per behaviours.expressionConditionalFormats (no source verified
 * it); a new format goes last, with the lowest priority (no source for WPS: the adapter sets the order itself with
 * SetFirstPriority); relative references in Formula1 are read from the cell behaviours.conditionalFormulaRelativeTo
 * names, recorded as `formulaAnchor`.
 */
class FakeFormatConditions {
  constructor(
    private readonly et: FakeEt,
    private readonly state: EtSheetState,
    private readonly area: CellRange,
  ) {}
  private mine(): EtConditionState[] {
    const address = rangeAddress(this.area);
    return this.state.conditions.filter((c) => c.appliesTo === address);
  }
  get Count() {
    return this.mine().length;
  }
  Add(type: number, _operator?: unknown, formula1?: string) {
    if (type !== 2) throw new EtError(`fake ET: conditional format type ${type} is not modelled`);
    if (this.et.behaviours.expressionConditionalFormats === 'refused')
      throw new EtError('fake ET: expression conditional formats are not supported');
    if (typeof formula1 !== 'string' || !formula1.startsWith('=')) throw new EtError('fake ET: Formula1 is a formula starting with =');
    // No WPS page gives ET's formula limits: Excel's are assumed (formula-limits.ts), the stricter case, since a
    // sheet drawn in WPS is saved as .xlsx and opened in Excel.
    const pastLimits = formulaLimitMessage(formula1);
    if (pastLimits) throw new EtError(`fake ET: ${pastLimits}`);
    const active = this.et.workbook.activeSheet === this.state ? this.state.activeCell : { row: 0, col: 0 };
    const anchor =
      this.et.behaviours.conditionalFormulaRelativeTo === 'activeCell'
        ? cellAddress(active.row, active.col)
        : cellAddress(this.area.top, this.area.left);
    const condition: EtConditionState = { appliesTo: rangeAddress(this.area), type, formula1, formulaAnchor: anchor, fill: undefined };
    this.state.conditions.push(condition);
    this.et.jsWrote();
    return this.et.wrap(new FakeFormatCondition(this.et, this.state, condition), 'FormatCondition');
  }
  Item(index: number) {
    const condition = this.mine()[index - 1];
    if (!condition) throw new EtError('fake ET: no such format condition');
    return this.et.wrap(new FakeFormatCondition(this.et, this.state, condition), 'FormatCondition');
  }
  Delete(): void {
    const mine = new Set(this.mine());
    this.state.conditions = this.state.conditions.filter((c) => !mine.has(c));
    this.et.jsWrote();
  }
}

class FakeFormatCondition {
  constructor(
    private readonly et: FakeEt,
    private readonly state: EtSheetState,
    private readonly condition: EtConditionState,
  ) {}
  get Type() {
    return this.condition.type;
  }
  get Formula1() {
    return this.condition.formula1;
  }
  get Interior() {
    const condition = this.condition;
    return this.et.wrap(
      {
        get Color(): unknown {
          return condition.fill;
        },
        set Color(v: unknown) {
          if (typeof v !== 'number') throw new EtError('fake ET: Interior.Color takes a BGR number');
          condition.fill = v;
        },
        get ColorIndex(): unknown {
          return condition.fill === undefined ? -4142 : 0;
        },
        set ColorIndex(_v: unknown) {
          condition.fill = undefined;
        },
      },
      'Interior',
    );
  }
  get AppliesTo() {
    return this.et.rangeObject(this.state, parseRangeAddress(this.condition.appliesTo));
  }
  get Priority() {
    return this.state.conditions.indexOf(this.condition) + 1;
  }
  set Priority(v: number) {
    const list = this.state.conditions;
    list.splice(list.indexOf(this.condition), 1);
    list.splice(Math.max(0, Math.min(list.length, v - 1)), 0, this.condition);
  }
  StopIfTrue = false;
  Delete(): void {
    this.state.conditions = this.state.conditions.filter((c) => c !== this.condition);
  }
  SetFirstPriority(): void {
    this.Priority = 1;
  }
  SetLastPriority(): void {
    this.Priority = this.state.conditions.length;
  }
}
