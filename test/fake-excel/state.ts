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
  fill: string | undefined;
}

export interface ValidationState {
  rule: Excel.DataValidationRule | undefined;
  prompt: Excel.DataValidationPrompt | undefined;
  errorAlert: Excel.DataValidationErrorAlert | undefined;
  ignoreBlanks: boolean;
}

/**
 * A custom (formula) conditional format, as Range.conditionalFormats.add('Custom') makes it (ExcelApi 1.6). A
 * sheet's list is in priority order: index 0 is applied first ("The lower the priority value, the higher the
 * priority": Microsoft, "Apply conditional formatting to Excel ranges").
 */
export interface ConditionalFormatState {
  /** The range it was added to, in A1. */
  range: string;
  type: 'Custom';
  /** As set on custom.rule.formula (with its '='), or undefined if never set. */
  formula: string | undefined;
  /** As set on custom.format.fill.color, or undefined if never set. */
  fill: string | undefined;
}

export interface PageLayoutState {
  paperSize: string | undefined;
  orientation: string | undefined;
  zoom: Excel.PageLayoutZoomOptions | undefined;
  centerHorizontally: boolean;
  margins: Record<'left' | 'right' | 'top' | 'bottom' | 'header' | 'footer', number | undefined>;
  printArea: string | undefined;
  printTitleRows: string | undefined;
  printTitleColumns: string | undefined;
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
  /** Rows frozen at the top (freezePanes.freezeRows). */
  frozenRows: number;
  /** Conditional formats, highest priority first. */
  conditionalFormats: ConditionalFormatState[];
  /** Worksheet.visibility (Excel.SheetVisibility): a new sheet is visible. */
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
}

/** A custom XML part stored in the workbook file. */
export interface CustomXmlPartState {
  id: string;
  namespaceUri: string;
  xml: string;
}

export interface ChangeEvent {
  worksheetId: string;
  address: string;
  source: 'Local' | 'Remote';
}

/** An event as a test's loseEvent sees it. */
export interface EventNotice {
  kind: 'changed' | 'selection';
  worksheetId: string;
  address: string;
}

type Handler<A> = (args: A) => Promise<unknown>;

/** Event handlers the add-in registered, as Excel keeps them between batches. */
export interface HandlerRegistry {
  changed: Handler<Excel.WorksheetChangedEventArgs>[];
  added: Handler<Excel.WorksheetAddedEventArgs>[];
  deleted: Handler<Excel.WorksheetDeletedEventArgs>[];
  sheetChanged: Map<string, Handler<Excel.WorksheetChangedEventArgs>[]>;
  selectionChanged: Handler<{ worksheetId: string }>[];
  sheetSelectionChanged: Map<string, Handler<{ worksheetId: string }>[]>;
}

/**
 * One entry of the person's undo stack (Microsoft, "Undo capabilities in Excel add-ins"): the person's own edit, or,
 * on Excel with undo support for add-ins (ExcelApi 1.20), one context.sync of the add-in that wrote something
 * ("When false, each context.sync() call creates an undo record": Excel.RunOptions.mergeUndoGroup).
 */
export interface UndoRecord {
  by: 'person' | 'add-in';
  /** Whether undoing it changes values (and so raises onChanged, as any change the person makes in the UI does). */
  values: { worksheetId: string; address: string } | undefined;
  revert: () => void;
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
    fill: undefined,
  };
}

export const key = (row: number, col: number) => `${row}:${col}`;

/** A deep copy of a sheet (its cells one level deep, their borders two). */
export function copySheet(s: SheetState): SheetState {
  const cells = new Map<string, CellState>();
  for (const [k, c] of s.cells) {
    const borders: CellState['borders'] = {};
    for (const [edge, b] of Object.entries(c.borders)) borders[edge as EdgeName] = { ...b };
    cells.set(k, { ...c, borders });
  }
  return {
    ...s,
    cells,
    merges: s.merges.map((m) => ({ ...m })),
    columnWidths: new Map(s.columnWidths),
    rowHeights: new Map(s.rowHeights),
    hiddenColumns: new Set(s.hiddenColumns),
    validations: new Map([...s.validations].map(([k, v]) => [k, JSON.parse(JSON.stringify(v)) as ValidationState])),
    names: new Map(s.names),
    conditionalFormats: s.conditionalFormats.map((f) => ({ ...f })),
    protection: { ...s.protection, options: s.protection.options && { ...s.protection.options } },
    pageLayout: { ...s.pageLayout, zoom: s.pageLayout.zoom && { ...s.pageLayout.zoom }, margins: { ...s.pageLayout.margins } },
  };
}

/** The workbook behind the fake Excel host, and what tests inspect afterwards. */
export class FakeWorkbookState {
  readonly sheets: SheetState[] = [];
  activeSheetId: string | undefined;
  readonly changeListeners: ((e: ChangeEvent) => void)[] = [];
  readonly handlers: HandlerRegistry = {
    changed: [],
    added: [],
    deleted: [],
    sheetChanged: new Map(),
    selectionChanged: [],
    sheetSelectionChanged: new Map(),
  };
  /** The person's undo stack, newest last. */
  readonly undoStack: UndoRecord[] = [];
  /**
   * When a change event reaches the add-in's handlers: a moment later ('later'), or at once ('now') — before the
   * answer of a sync that is under way, or while it runs. Excel promises no order between an event and a sync's
   * answer (events are delivered asynchronously and may be held back: office-js #1502; fast changes: #1760).
   */
  eventTiming: 'later' | 'now' = 'later';
  selection: { sheetId: string; address: string } | undefined;
  /** The file name Excel reports as Workbook.name. */
  workbookName = 'Book1';
  readonly customXmlParts: CustomXmlPartState[] = [];
  /**
   * Runtime.enableEvents (ExcelApi 1.8): as in Excel, a setting of the add-in's runtime that stays as last set,
   * across batches, and covers every event the add-in receives, the person's changes included.
   */
  eventsEnabled = true;
  private nextId = 1;
  private nextPartId = 1;
  private running: Promise<unknown>[] = [];

  newSheetId(): string {
    return `{fake-sheet-${this.nextId++}}`;
  }

  newPartId(): string {
    return `{fake-part-${this.nextPartId++}}`;
  }

  /**
   * Events Excel never delivers: a test's choice of which (none unless told). Change events are lost at times —
   * "some cell value change event just ignored" when values change fast (office-js #1760) — and so are selection
   * events ("the handler is occasionally triggered", #533 on Windows).
   */
  loseEvent: ((event: EventNotice) => boolean) | undefined;
  /**
   * Events held back until releaseHeldEvents(): on Windows, change handlers were "not invoked until mouse is hovered
   * over TaskPane" (office-js #1502; #533 for selection events: "it helps ... to move mouse cursor back to the
   * application Taskpane").
   */
  holdEvents = false;
  private readonly held: (() => void)[] = [];
  /** Events lost (loseEvent) over the workbook's life, for tests. */
  readonly lostEvents: EventNotice[] = [];
  /**
   * Whether another workbook has the focus (the person switched to it): on Windows and Mac some calls then fail
   * (FakeRequestContext.refuseWhileInactive). No event reaches the add-in meanwhile for this workbook's sheets.
   */
  otherWorkbookActive = false;

  /** Delivers a change as Excel does: after the fact, to the sheet's and the workbook's handlers. */
  dispatchChange(event: ChangeEvent): void {
    const args = { type: 'WorksheetChanged', changeType: 'RangeEdited', ...event } as unknown as Excel.WorksheetChangedEventArgs;
    const targets = [...(this.handlers.sheetChanged.get(event.worksheetId) ?? []), ...this.handlers.changed];
    this.deliver({ kind: 'changed', worksheetId: event.worksheetId, address: event.address }, () => {
      this.changeListeners.forEach((l) => l(event));
      for (const handler of targets) this.running.push(handler(args));
    });
  }

  /**
   * Selection moved, by the person or by the add-in's Range.select() (FakeHostOptions.selectRaisesSelectionEvent):
   * Worksheet.onSelectionChanged (1.7) and WorksheetCollection.onSelectionChanged (1.9).
   */
  dispatchSelection(worksheetId: string, address: string): void {
    const args = { type: 'WorksheetSelectionChanged', worksheetId, address };
    const targets = [...(this.handlers.sheetSelectionChanged.get(worksheetId) ?? []), ...this.handlers.selectionChanged];
    this.deliver({ kind: 'selection', worksheetId, address }, () => targets.forEach((h) => this.running.push(h(args))));
  }

  /** Delivers the events held back (holdEvents), in order, and stops holding them. */
  releaseHeldEvents(): void {
    this.holdEvents = false;
    for (const run of this.held.splice(0)) this.deliver(undefined, run);
  }

  private deliver(notice: EventNotice | undefined, run: () => void): void {
    if (notice && this.loseEvent?.(notice)) {
      this.lostEvents.push(notice);
      return;
    }
    if (this.holdEvents) this.held.push(run);
    else if (this.eventTiming === 'now') run();
    else setTimeout(run, 0);
  }

  /** Like a change, delivered after the fact to the handlers registered when it happened (not to later ones). */
  dispatchAdded(worksheetId: string): void {
    const args = { type: 'WorksheetAdded', source: 'Local', worksheetId } as unknown as Excel.WorksheetAddedEventArgs;
    const targets = [...this.handlers.added];
    setTimeout(() => targets.forEach((h) => this.running.push(h(args))), 0);
  }

  dispatchDeleted(worksheetId: string): void {
    const args = { type: 'WorksheetDeleted', source: 'Local', worksheetId } as unknown as Excel.WorksheetDeletedEventArgs;
    const targets = [...this.handlers.deleted];
    setTimeout(() => targets.forEach((h) => this.running.push(h(args))), 0);
  }

  /** Waits until every delivered event's handler has finished. */
  async settle(): Promise<void> {
    for (let round = 0; round < 50; round++) {
      await new Promise((r) => setTimeout(r, 0));
      const running = this.running;
      this.running = [];
      if (running.length === 0) return;
      await Promise.allSettled(running);
    }
  }

  addSheet(name: string): SheetState {
    const sheet: SheetState = {
      id: this.newSheetId(),
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
        printTitleColumns: undefined,
      },
      showGridlines: true,
      frozenRows: 0,
      conditionalFormats: [],
      visibility: 'Visible',
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

  /** Makes `target` (a new, unused workbook) a deep copy of this one: sheets, parts, what is shown; no handlers. */
  copyInto(target: FakeWorkbookState): void {
    target.sheets.push(...this.sheets.map(copySheet));
    target.customXmlParts.push(...this.customXmlParts.map((p) => ({ ...p })));
    target.activeSheetId = this.activeSheetId;
    target.selection = this.selection && { ...this.selection };
    target.workbookName = this.workbookName;
    target.eventsEnabled = this.eventsEnabled;
    target.nextId = this.nextId;
    target.nextPartId = this.nextPartId;
  }

  /** A deep copy, to compare the workbook before and after an operation. */
  clone(): unknown {
    return JSON.parse(
      JSON.stringify(this.sheets, (_k, v: unknown) => (v instanceof Map ? [...v.entries()] : v instanceof Set ? [...v] : v)),
    );
  }
}
