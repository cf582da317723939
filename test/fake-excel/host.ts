/**
 * A strict in-memory Excel host implementing exactly the surface the add-in uses (src/hosts/office/excel-surface.ts).
 * Like Excel, it queues every operation until sync, runs a batch in order without rolling back on failure,
 * and fails where Excel fails: unloaded properties, wrongly shaped arrays, writes into a merged area or a locked
 * cell of a protected sheet, APIs above the supported requirement set, requests or responses over 5 MB (counted
 * as UTF-8 JSON; Excel on the web only), reads of values past 5,000,000 cells, cell edit mode. Which of these hold on
 * which platform (Windows, the web, Mac), each with its source: platforms.ts, whose profiles the office tests use.
 */
import { cellAddress, parseRangeAddress, rangeAddress, type CellRange } from '../../src/core/a1';
import type {
  BorderSurface,
  ConditionalFormatsSurface,
  ContextSurface,
  CustomConditionalFormatSurface,
  CustomXmlPartSurface,
  CustomXmlPartsSurface,
  DataValidationSurface,
  EdgeName,
  EventsSurface,
  InsideEdgeName,
  MergedAreasSurface,
  NamedItemSurface,
  PageLayoutSurface,
  RangeFormatSurface,
  RangeSurface,
  WorkbookSurface,
  WorksheetSurface,
  WorksheetsSurface,
} from '../../src/hosts/office/excel-surface';
import { FakeCharts } from './charts';
import { apiNotFound, FakeExcelError, notLoaded } from './errors';
import { refuseFormulaPastLimits } from './formula-limits';
import {
  FakeWorkbookState,
  MAX_COLUMNS,
  MAX_ROWS,
  type CellState,
  type ChangeEvent,
  type ConditionalFormatState,
  type CustomXmlPartState,
  copySheet,
  type SheetState,
  type ValidationState,
} from './state';

export interface FakeHostOptions {
  /** Highest ExcelApi requirement set supported, e.g. '1.7'. */
  apiVersion?: string;
  /** Make the Nth sync (counted over the host's life, from 1) fail after running `afterOps` of its operations. */
  failAt?: { sync: number; afterOps?: number; code?: string };
  /**
   * Largest request (the batch's operations as UTF-8 JSON), 5 MB unless told; `false`: no limit. Only Excel on the web
   * has it (see platforms.ts): a host made without a profile keeps it, the strictest case.
   */
  payloadLimitBytes?: number | false;
  /** Largest response (the values a batch loads, as UTF-8 JSON), 5 MB unless told; `false`: no limit (as above). */
  responseLimitBytes?: number | false;
  /**
   * A read of `values` over more than `cells` cells (5,000,000 unless told, on every platform) fails the batch with
   * RangeExceedsLimit ('throws', the default) or gives null values without an error ('null'). See platforms.ts.
   */
  readLimit?: { cells?: number; over: 'throws' | 'null' };
  /**
   * Worksheet.name and Worksheet.visibility clear the person's undo stack (Excel on Windows and Mac: the two rows
   * of "Undo capabilities in Excel add-ins" are alike), true unless told; see platforms.ts.
   */
  sheetNameClearsUndo?: boolean;
  /** A pick from a data-validation dropdown raises onChanged: false unless told (office-js #4066, #3888, #420). */
  dropdownPickRaisesOnChanged?: boolean;
  /** The person is editing a cell: every sync fails (RunOptions.delayForCellEdit is not used by the add-in). */
  cellEditMode?: boolean;
  /**
   * The code a sync fails with in cell edit mode. The documents disagree: the error list
   * (application-specific-api-error-handling) has InvalidOperationInCellEditMode, the cell-edit article
   * (excel-add-ins-delay-in-cell-edit: "Batch fails (`InvalidOperation` error)") InvalidOperation. Both are modelled;
   * InvalidOperationInCellEditMode unless told.
   */
  cellEditCode?: 'InvalidOperationInCellEditMode' | 'InvalidOperation';
  /**
   * Whether calls fail while another workbook has the focus (FakeExcelHost.userSwitchWorkbook): Windows and Mac only
   * ("This only applies to multiple Excel workbooks open on Windows or Mac", excel-add-ins-troubleshooting). True
   * unless told; see platforms.ts.
   */
  workbookSwitchErrors?: boolean;
  /** The code of those failures: the troubleshooting page's table ('documented', the default) or InactiveWorkbook. */
  workbookSwitchCode?: 'documented' | 'InactiveWorkbook';
  /**
   * A person acting in Excel while the add-in waits between syncs: called with the number of the sync about to
   * reach the workbook (as `syncCount` counts it) and the names of its operations, before its request runs — to
   * delete or rename a sheet, or to start or end editing a cell.
   */
  beforeSync?: (sync: number, operations: readonly string[]) => void;
  /** When change events reach the add-in relative to a sync's answer (see FakeWorkbookState.eventTiming). */
  eventTiming?: 'later' | 'now';
  /**
   * Whether the add-in's own Range.select() raises onSelectionChanged: 'always', even on the cell already selected
   * (Excel on Windows: office-js #4691, "I am currently on cell A1 and I call selectCell('A1'), onSelectionChange event
   * is fired in excel desktop"); 'whenMoved', only when the selection moves (Excel on the web: not for the same cell,
   * #4691; for another range it is, #1329's log); 'never'. 'always' unless told; see platforms.ts.
   */
  selectRaisesSelectionEvent?: 'always' | 'whenMoved' | 'never';
  /**
   * WorksheetProtection.protect() on a protected sheet and unprotect() on an unprotected one fail with AccessDenied
   * (office-js #6784, a regression reported on Windows Version 2605 and Mac 16.110.1). Without it, as before the
   * regression: protect on a protected sheet fails with InvalidOperation (the fake's own choice: no page names the
   * code) and unprotect on an unprotected sheet does nothing. False unless told; see platforms.ts.
   */
  protectionAccessDenied?: boolean;
}

/**
 * How the add-in's operations touch the person's undo stack (Microsoft, "Undo capabilities in Excel add-ins"):
 * - reads, event registrations, selection and Runtime.enableEvents change nothing in the workbook: no effect;
 * - the APIs the page lists without undo support clear the stack from that call on, on every platform: of those the
 *   add-in uses, WorksheetProtection.protect/unprotect and Worksheet.delete; Worksheet.name and Worksheet.visibility
 *   too on Windows and Mac (the page's "Yes | No" for both: undoable on the web only). Custom XML parts are not part
 *   of undo on ExcelApi 1.20 (office-js #6415): no effect; before it they are a write like any other (#4484);
 * - any other write: on ExcelApi 1.20 (undo support for add-ins) the sync is one undo record ("When false, each
 *   `context.sync()` call creates an undo record": Excel.RunOptions.mergeUndoGroup, false unless set, and the add-in
 *   never sets it); before it, "most of the set operation of Excel API will disable /undo/redo operation, it's a
 *   by-design behavior" (a Microsoft reply in office-js #3788; a fill change: #3778; range.formulas and
 *   worksheets.add: #6170): the stack is cleared.
 */
function undoEffect(what: string, sheetNameClearsUndo: boolean, undoableWrites: boolean): 'none' | 'clears' | 'write' {
  if (
    /\.load$|^getItemOrNullObject$|getUsedRangeOrNullObject$|getMergedAreasOrNullObject$|getXml$|\.on[A-Z]\w*\.add$|^select$|^activate$|^runtime\./.test(
      what,
    )
  )
    return 'none';
  // Custom XML parts: outside undo with undo support for add-ins (#6415, Windows 2511: "only the worksheet changes are
  // Undone/Redone"); before it a part's write costs the stack (#4484, Version 2405: "Changes made prior to creating
  // customXmlParts cannot be undone").
  if (/^customXmlParts?\./.test(what)) return undoableWrites ? 'none' : 'write';
  if (/^protection\.(protect|unprotect)$|^delete$/.test(what)) return 'clears';
  if (what === 'worksheet.name' || what === 'worksheet.visibility') return sheetNameClearsUndo ? 'clears' : 'write';
  return 'write';
}

export const NEWEST_API = '1.20';
const PAYLOAD_LIMIT = 5 * 1024 * 1024;

/**
 * How a request is sized (performance.md, "Payload size limit best practices",
 * learn.microsoft.com/office/dev/add-ins/excel/performance: "The payload size of a request combines: The number of API
 * calls. The number of objects, such as `Range` objects. The length of the value to set or get."). The page gives no
 * bytes per call or object, only a worked example: 10,000 one-cell ranges (`getRangeByIndexes(row, 1, 1, 1)`) each
 * given `values = [["1"]]` in one sync "would likely exceed the 5MB payload size limit", while the same split into two
 * syncs of 5,000 avoids it. A call and an object are given 300 bytes each, so that the example comes out as the page
 * says: 9,999 × (object + call + 7 bytes of value) = 6.07 MB > 5 MB, and 4,999 × = 3.03 MB < 5 MB
 * (test/office/fake-host.test.ts runs both). The value is its JSON in UTF-8. Objects counted are those got by a
 * method (a range, a worksheet, a chart, a series, a border, merged areas); an object reached through a property
 * (format, font, fill, protection) is not — the page names `Range` objects only.
 */
export const REQUEST_CALL_BYTES = 300;
export const REQUEST_OBJECT_BYTES = 300;
/** "A range is limited to 5,000,000 cells for read operations" (resource-limits page; performance.md: all platforms). */
export const READ_LIMIT_CELLS = 5_000_000;

interface Op {
  what: string;
  bytes: number;
  run: () => void;
}

/** Bytes of a text sent as UTF-8, as Excel on the web receives a request. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

const minor = (version: string) => Number(version.split('.')[1] ?? 0);

export class FakeExcelHost {
  readonly state = new FakeWorkbookState();
  syncCount = 0;
  /** Operations sent to the host over its life, in all syncs. */
  operationCount = 0;
  /** Each sync's request size in bytes (as REQUEST_CALL_BYTES says), its number of operations and of objects, in order. */
  readonly requestBytes: number[] = [];
  readonly requestOperations: number[] = [];
  readonly requestObjects: number[] = [];
  /** Cells whose values were loaded, and bytes of loaded data (as UTF-8 JSON), over the host's life, in all syncs. */
  loadedCells = 0;
  loadedBytes = 0;
  readonly options: FakeHostOptions;

  constructor(options: FakeHostOptions = {}) {
    this.options = options;
    if (options.eventTiming) this.state.eventTiming = options.eventTiming;
  }

  /** Excel with undo support for add-ins' writes (ExcelApi 1.20: its requirement-set page). */
  get undoableWrites(): boolean {
    return this.isSetSupported('ExcelApi', '1.20');
  }

  isSetSupported(set: string, version: string): boolean {
    return set === 'ExcelApi' && minor(version) <= minor(this.options.apiVersion ?? NEWEST_API);
  }

  requireSet(api: string, version: string): void {
    if (!this.isSetSupported('ExcelApi', version)) throw apiNotFound(api, version);
  }

  context(): FakeRequestContext {
    return new FakeRequestContext(this);
  }

  /** A person typing or pasting: values land in unlocked cells and one change event follows. */
  userEdit(sheetName: string, edits: Record<string, string | number | boolean | null>, source: 'Local' | 'Remote' = 'Local'): void {
    const sheet = this.state.sheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    const cells = Object.keys(edits).map((a) => ({ address: a, ...parseRangeAddress(a) }));
    this.pushPersonRecord(sheet, cells);
    for (const { address, top, left } of cells) {
      const cell = this.state.cell(sheet, top, left);
      if (sheet.protection.protected && cell.locked) throw new Error(`a person cannot type into the locked cell ${address}`);
      const value = edits[address];
      if (value === null || value === '') {
        cell.value = null;
        cell.formula = undefined;
      } else storeTyped(cell, value);
    }
    const bounds = {
      top: Math.min(...cells.map((c) => c.top)),
      left: Math.min(...cells.map((c) => c.left)),
      bottom: Math.max(...cells.map((c) => c.top)),
      right: Math.max(...cells.map((c) => c.left)),
    };
    if (this.state.eventsEnabled) this.state.dispatchChange({ worksheetId: sheet.id, address: rangeAddress(bounds), source });
  }

  /** The person's edit goes on the undo stack: undoing it puts the cells' values back. */
  private pushPersonRecord(sheet: SheetState, cells: { top: number; left: number }[]): void {
    const before = cells.map(({ top, left }) => {
      const c = this.state.peek(sheet, top, left);
      return { top, left, value: c?.value ?? null, formula: c?.formula };
    });
    const bounds = {
      top: Math.min(...cells.map((c) => c.top)),
      left: Math.min(...cells.map((c) => c.left)),
      bottom: Math.max(...cells.map((c) => c.top)),
      right: Math.max(...cells.map((c) => c.left)),
    };
    this.state.undoStack.push({
      by: 'person',
      values: { worksheetId: sheet.id, address: rangeAddress(bounds) },
      revert: () => {
        for (const b of before) {
          const cell = this.state.cell(sheet, b.top, b.left);
          cell.value = b.value;
          cell.formula = b.formula;
        }
      },
    });
  }

  /**
   * A pick from a cell's data-validation dropdown: the value lands and goes on the undo stack, but no onChanged
   * reaches the add-in — Excel on the web (office-js #4066, labelled product bug; #3888) and, when reported, Excel
   * on Windows (#420) — unless the option dropdownPickRaisesOnChanged says it does (see platforms.ts).
   */
  userPick(sheetName: string, address: string, value: string): void {
    const sheet = this.state.sheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    const { top, left } = parseRangeAddress(address);
    const rule = sheet.validations.get(`${top}:${left}`)?.rule;
    if (!rule?.list) throw new Error(`${address} has no dropdown`);
    this.pushPersonRecord(sheet, [{ top, left }]);
    storeTyped(this.state.cell(sheet, top, left), value);
    if (this.options.dropdownPickRaisesOnChanged && this.state.eventsEnabled)
      this.state.dispatchChange({ worksheetId: sheet.id, address: rangeAddress({ top, left, bottom: top, right: left }), source: 'Local' });
  }

  /** A click or an arrow key: the selection moves and onSelectionChanged follows. */
  userSelect(sheetName: string, address: string): void {
    const sheet = this.state.sheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    this.state.activeSheetId = sheet.id;
    this.state.selection = { sheetId: sheet.id, address };
    if (this.state.eventsEnabled) this.state.dispatchSelection(sheet.id, address);
  }

  /**
   * The person brings another open workbook to the front (true) or comes back to this one (false). Meanwhile, on
   * Windows and Mac, some calls fail (FakeRequestContext.refuseWhileInactive).
   */
  userSwitchWorkbook(otherActive: boolean): void {
    this.state.otherWorkbookActive = otherActive;
  }

  /**
   * Ctrl+Z: undoes the newest entry of the undo stack, whoever made it; refused when there is none ("Can't undo").
   * Undoing a change of values raises onChanged like any change the person makes; undoing formats does not.
   */
  userUndo(): void {
    const record = this.state.undoStack.pop();
    if (!record) throw new Error('Excel cannot undo: the undo stack is empty');
    record.revert();
    if (record.values && this.state.eventsEnabled) this.state.dispatchChange({ ...record.values, source: 'Local' });
  }

  /** Right-click → Delete: refused for the only sheet, as Excel refuses it; the first sheet is shown if it was. */
  userDeleteSheet(sheetName: string): void {
    const sheet = this.state.sheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    if (this.state.sheets.length === 1) throw new Error('a person cannot delete the only sheet of a workbook');
    this.state.sheets.splice(this.state.sheets.indexOf(sheet), 1);
    if (this.state.activeSheetId === sheet.id) this.state.activeSheetId = this.state.sheets[0]?.id;
    if (this.state.eventsEnabled) this.state.dispatchDeleted(sheet.id);
    // Deleting a sheet cannot be undone in Excel: the stack goes with it.
    this.state.undoStack.length = 0;
  }

  /** Double-click on the tab and type: refused as Excel refuses it (a bad or taken name). No event reaches the add-in. */
  userRenameSheet(sheetName: string, newName: string): void {
    const sheet = this.state.sheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    if (!newName || newName.length > 31 || /[[\]:*?/\\]/.test(newName) || /^'|'$/.test(newName))
      throw new Error(`a person cannot name a sheet ${newName}`);
    const other = this.state.sheet(newName);
    if (other && other !== sheet) throw new Error(`a person cannot give a second sheet the name ${newName}`);
    sheet.name = newName;
  }

  /** Move or Copy → Create a copy: the copy keeps everything, sheet-scoped names included. */
  userCopySheet(sheetName: string, copyName: string): void {
    const sheet = this.state.sheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    const copy = this.state.addSheet(copyName);
    for (const [k, c] of sheet.cells) copy.cells.set(k, JSON.parse(JSON.stringify(c)));
    copy.merges.push(...sheet.merges.map((m) => ({ ...m })));
    for (const [k, v] of sheet.names) copy.names.set(k, v);
    copy.protection = JSON.parse(JSON.stringify(sheet.protection));
    if (this.state.eventsEnabled) this.state.dispatchAdded(copy.id);
  }

  /** A new host holding a copy of this one's workbook (not its event handlers or counters): one set-up, many runs. */
  fork(options: FakeHostOptions = {}): FakeExcelHost {
    const copy = new FakeExcelHost(options);
    this.state.copyInto(copy.state);
    return copy;
  }

  /** Excel.run: a fresh request context per batch function. */
  run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> {
    return batch(this.context());
  }
}

export class FakeRequestContext implements ContextSurface {
  readonly workbook: FakeWorkbook;
  readonly runtime: { enableEvents: boolean };
  private queue: Op[] = [];
  /** Objects the add-in got by a method since the last sync (see REQUEST_OBJECT_BYTES). */
  private queuedObjects = 0;
  /** While a sync's operations run, objects made are Excel's answer, not part of the request. */
  private running = false;
  private pendingEvents: ChangeEvent[] = [];
  /** Bytes loaded by the batch now running, for the response limit. */
  responseBytes = 0;

  constructor(readonly host: FakeExcelHost) {
    this.workbook = new FakeWorkbook(this);
    const context = this;
    this.runtime = {
      get enableEvents(): boolean {
        throw notLoaded('enableEvents');
      },
      set enableEvents(on: boolean) {
        host.requireSet('Runtime.enableEvents', '1.8');
        context.enqueue('runtime.enableEvents', on, () => {
          host.state.eventsEnabled = on;
        });
      },
    };
  }

  get state(): FakeWorkbookState {
    return this.host.state;
  }

  /** One API call of the batch: REQUEST_CALL_BYTES and its value as UTF-8 JSON. */
  enqueue(what: string, payload: unknown, run: () => void): void {
    this.queue.push({ what, bytes: REQUEST_CALL_BYTES + utf8Length(JSON.stringify(payload ?? null)), run });
  }

  /** An object the add-in got by a method (a range, a sheet…): REQUEST_OBJECT_BYTES in the next request. */
  noteObject(): void {
    if (!this.running) this.queuedObjects++;
  }

  /**
   * What a sync does to the person's undo stack (see undoEffect): called before each operation runs, and once after
   * the last that ran (a failing sync keeps what it did, as Excel keeps it, and so does the stack).
   */
  private undoRecorder(): { before(op: Op): void; done(): void } {
    const state = this.state;
    const undoable = this.host.undoableWrites;
    let snapshot: SheetState[] | undefined;
    let wrote = false;
    return {
      before: (op) => {
        const effect = undoEffect(op.what, this.host.options.sheetNameClearsUndo ?? true, undoable);
        if (effect === 'none') return;
        if (effect === 'clears' || !undoable) {
          state.undoStack.length = 0;
          snapshot = undefined;
          wrote = false;
          if (effect === 'clears') return;
        }
        if (undoable && !wrote) snapshot = state.sheets.map(copySheet);
        wrote = true;
      },
      done: () => {
        if (!undoable || !wrote || !snapshot) return;
        const before = snapshot;
        state.undoStack.push({
          by: 'add-in',
          values: undefined,
          revert: () => {
            for (const sheet of [...state.sheets]) {
              const old = before.find((b) => b.id === sheet.id);
              if (old) Object.assign(sheet, copySheet(old));
              else state.sheets.splice(state.sheets.indexOf(sheet), 1);
            }
          },
        });
      },
    };
  }

  /** A load's result counts towards the batch's response. */
  noteLoaded(data: unknown): void {
    const bytes = utf8Length(JSON.stringify(data ?? null));
    this.responseBytes += bytes;
    this.host.loadedBytes += bytes;
  }

  noteAdded(sheet: SheetState): void {
    if (this.state.eventsEnabled) this.state.dispatchAdded(sheet.id);
  }

  noteChange(sheet: SheetState, range: CellRange): void {
    if (this.state.eventsEnabled) this.pendingEvents.push({ worksheetId: sheet.id, address: rangeAddress(range), source: 'Local' });
  }

  /**
   * While another workbook has the focus (FakeWorkbookState.otherWorkbookActive), the APIs of the troubleshooting
   * page's table fail ("API limitations when the active workbook switches", excel-add-ins-troubleshooting: "This only
   * applies to multiple Excel workbooks open on Windows or Mac"; option workbookSwitchErrors). Of those the add-in
   * calls: Range.select, Worksheet.activate, WorksheetCollection.add, WorksheetFreezePanes.freezeRows and
   * Worksheet.gridlines (showGridlines here) GeneralException; Worksheet.delete InvalidSelection (getSelectedRange:
   * FakeWorkbook.getSelectedRange). With workbookSwitchCode 'InactiveWorkbook', each fails with the error list's
   * InactiveWorkbook instead ("The operation failed because multiple workbooks are open and the workbook being called
   * by this API has lost focus": application-specific-api-error-handling, which names no APIs).
   */
  refuseWhileInactive(what: string): void {
    if (!this.inactive()) return;
    const code = SWITCH_ERRORS[what];
    if (code) throw this.switchError(code);
  }

  /** Whether calls of the table above fail now. */
  inactive(): boolean {
    return this.state.otherWorkbookActive && (this.host.options.workbookSwitchErrors ?? true);
  }

  switchError(documented: 'GeneralException' | 'InvalidSelection'): FakeExcelError {
    const code = this.host.options.workbookSwitchCode === 'InactiveWorkbook' ? 'InactiveWorkbook' : documented;
    return new FakeExcelError(code, 'The operation failed because another workbook has the focus.');
  }

  async sync(): Promise<void> {
    const n = ++this.host.syncCount;
    const ops = this.queue;
    this.host.operationCount += ops.length;
    this.queue = [];
    const objects = this.queuedObjects;
    this.queuedObjects = 0;
    await Promise.resolve();
    const { options } = this.host;
    options.beforeSync?.(
      n,
      ops.map((op) => op.what),
    );
    if (options.cellEditMode) {
      // The two documents disagree on the code (see FakeHostOptions.cellEditCode): the one the test chose.
      const code = options.cellEditCode ?? 'InvalidOperationInCellEditMode';
      throw new FakeExcelError(code, 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB.');
    }
    const bytes = ops.reduce((sum, op) => sum + op.bytes, 0) + objects * REQUEST_OBJECT_BYTES;
    this.host.requestBytes.push(bytes);
    this.host.requestOperations.push(ops.length);
    this.host.requestObjects.push(objects);
    this.responseBytes = 0;
    const requestLimit = options.payloadLimitBytes ?? PAYLOAD_LIMIT;
    if (requestLimit !== false && bytes > requestLimit) {
      throw new FakeExcelError('RequestPayloadSizeLimitExceeded', `The request payload size (${bytes} bytes) has exceeded the limit.`);
    }
    const failAfter = options.failAt?.sync === n ? (options.failAt.afterOps ?? 0) : -1;
    const undo = this.undoRecorder();
    this.running = true;
    try {
      ops.forEach((op, i) => {
        undo.before(op);
        if (i === failAfter)
          throw new FakeExcelError(
            options.failAt?.code ?? 'GeneralException',
            `Injected failure at sync ${n}, operation ${i} (${op.what}).`,
          );
        try {
          this.refuseWhileInactive(op.what);
          op.run();
        } catch (err) {
          if (err instanceof FakeExcelError) {
            throw new FakeExcelError(err.code, err.message, { code: err.code, message: err.message, errorLocation: op.what });
          }
          throw err;
        }
      });
      if (failAfter >= ops.length)
        throw new FakeExcelError(options.failAt?.code ?? 'GeneralException', `Injected failure after sync ${n}.`);
      const responseLimit = options.responseLimitBytes ?? PAYLOAD_LIMIT;
      if (responseLimit !== false && this.responseBytes > responseLimit) {
        throw new FakeExcelError(
          'ResponsePayloadSizeLimitExceeded',
          `The response payload size (${this.responseBytes} bytes) has exceeded the limit.`,
        );
      }
    } finally {
      this.running = false;
      undo.done();
      const events = this.pendingEvents;
      this.pendingEvents = [];
      for (const e of events) this.state.dispatchChange(e);
    }
  }
}

/** The troubleshooting page's table ("API limitations when the active workbook switches"), by operation name. */
const SWITCH_ERRORS: Record<string, 'GeneralException' | 'InvalidSelection'> = {
  select: 'GeneralException',
  activate: 'GeneralException',
  'worksheets.add': 'GeneralException',
  'freezePanes.freezeRows': 'GeneralException',
  showGridlines: 'GeneralException',
  delete: 'InvalidSelection',
};

/** load('a,b') and load(['a', 'b']) name the same properties. */
function propertyList(propertyNames: string | string[] | undefined): string[] {
  return ([] as string[])
    .concat(propertyNames ?? [])
    .flatMap((n) => n.split(','))
    .map((n) => n.trim())
    .filter(Boolean);
}

/** A value only readable after load() and sync(), as in Office.js. */
class Loadable<T> {
  private value: { v: T } | undefined;
  constructor(private readonly name: string) {}
  get(): T {
    if (!this.value) throw notLoaded(this.name);
    return this.value.v;
  }
  set(v: T): void {
    this.value = { v };
  }
}

type AnyHandler = (args: any) => Promise<unknown>;

/** `onX.add(handler)`: registered when the batch is synced, and kept after it, as in Excel. */
function events<A>(ctx: FakeRequestContext, api: string, set: string, list: () => AnyHandler[]): EventsSurface<A> {
  return {
    add: (handler: (args: A) => Promise<unknown>) => {
      ctx.host.requireSet(api, set);
      ctx.enqueue(`${api}.add`, null, () => list().push(handler as AnyHandler));
      return { remove: () => undefined };
    },
  };
}

/** A loadable text result, like OfficeExtension.ClientResult. */
class FakeClientResult<T> {
  private readonly loaded: Loadable<T>;
  constructor(name: string) {
    this.loaded = new Loadable<T>(name);
  }
  get value(): T {
    return this.loaded.get();
  }
  set(v: T): void {
    this.loaded.set(v);
  }
}

/** The root element's default namespace, which is how Excel files a custom XML part. */
function namespaceOf(xml: string): string {
  const root = /<(?!\?|!)([A-Za-z_][\w.:-]*)([^>]*)>/.exec(xml);
  if (!root) throw new FakeExcelError('InvalidArgument', 'The XML has no root element.');
  const ns = /\sxmlns\s*=\s*("([^"]*)"|'([^']*)')/.exec(root[2] ?? '');
  return ns ? (ns[2] ?? ns[3] ?? '') : '';
}

class FakeCustomXmlPart implements CustomXmlPartSurface {
  private readonly loadedId = new Loadable<string>('id');
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly find: () => CustomXmlPartState | undefined,
  ) {}
  private part(): CustomXmlPartState {
    const p = this.find();
    if (!p) throw new FakeExcelError('ItemNotFound', 'The custom XML part does not exist.');
    return p;
  }
  fill(): void {
    this.loadedId.set(this.part().id);
  }
  get id(): string {
    return this.loadedId.get();
  }
  delete(): void {
    this.ctx.enqueue('customXmlPart.delete', null, () => {
      const parts = this.ctx.state.customXmlParts;
      parts.splice(parts.indexOf(this.part()), 1);
    });
  }
  getXml(): FakeClientResult<string> {
    const result = new FakeClientResult<string>('value');
    this.ctx.enqueue('customXmlPart.getXml', null, () => {
      const xml = this.part().xml;
      this.ctx.noteLoaded(xml);
      result.set(xml);
    });
    return result;
  }
}

class FakeCustomXmlParts implements CustomXmlPartsSurface {
  constructor(private readonly ctx: FakeRequestContext) {}

  add(xml: string): FakeCustomXmlPart {
    this.ctx.host.requireSet('CustomXmlPartCollection.add', '1.5');
    let created: CustomXmlPartState | undefined;
    this.ctx.enqueue('customXmlParts.add', xml, () => {
      created = { id: this.ctx.state.newPartId(), namespaceUri: namespaceOf(xml), xml };
      this.ctx.state.customXmlParts.push(created);
    });
    return new FakeCustomXmlPart(this.ctx, () => (created && this.ctx.state.customXmlParts.includes(created) ? created : undefined));
  }

  getByNamespace(namespaceUri: string): { readonly items: FakeCustomXmlPart[]; load(propertyNames?: string | string[]): unknown } {
    this.ctx.host.requireSet('CustomXmlPartCollection.getByNamespace', '1.5');
    const ctx = this.ctx;
    const loaded = new Loadable<FakeCustomXmlPart[]>('items');
    const scoped = {
      get items(): FakeCustomXmlPart[] {
        return loaded.get();
      },
      load: (propertyNames?: string | string[]) => {
        ctx.enqueue('customXmlParts.load', propertyNames ?? null, () => {
          const parts = ctx.state.customXmlParts
            .filter((p) => p.namespaceUri === namespaceUri)
            .map((state) => {
              const part = new FakeCustomXmlPart(ctx, () => ctx.state.customXmlParts.find((p) => p === state));
              part.fill();
              return part;
            });
          ctx.noteLoaded(parts.map((p) => p.id));
          loaded.set(parts);
        });
        return scoped;
      },
    };
    return scoped;
  }
}

export class FakeWorkbook implements WorkbookSurface {
  readonly worksheets: FakeWorksheetCollection;
  readonly customXmlParts: FakeCustomXmlParts;
  private readonly loadedName = new Loadable<string>('name');

  constructor(private readonly ctx: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.customXmlParts = new FakeCustomXmlParts(ctx);
  }

  get name(): string {
    return this.loadedName.get();
  }

  load(propertyNames?: string | string[]): this {
    const names = propertyList(propertyNames);
    if (names.includes('name')) this.ctx.host.requireSet('Workbook.name', '1.7');
    this.ctx.enqueue('workbook.load', names, () => {
      if (names.length === 0 || names.includes('name')) this.loadedName.set(this.ctx.state.workbookName);
    });
    return this;
  }

  /**
   * The selected range of the active sheet. A selection of several areas (an address "A1:B2,D4", as Excel spells
   * one) fails whatever is done with it at the sync with InvalidSelection ("If multiple ranges are selected, the
   * method throws an `InvalidSelection` error": excel-add-ins-workbooks; the reference: "will throw an error").
   * While another workbook has the focus it fails with InvalidSelection too (the troubleshooting page's table).
   */
  getSelectedRange(): FakeRange {
    const ctx = this.ctx;
    const ws = new FakeWorksheet(ctx, () => {
      const id = ctx.state.selection?.sheetId ?? ctx.state.activeSheetId ?? ctx.state.sheets[0]?.id;
      return ctx.state.sheets.find((s) => s.id === id);
    });
    return new FakeRange(ctx, ws, () => {
      if (ctx.inactive()) throw ctx.switchError('InvalidSelection');
      const address = ctx.state.selection?.address ?? 'A1';
      if (address.includes(',')) throw new FakeExcelError('InvalidSelection', 'The current selection is invalid for this operation.');
      return parseRangeAddress(address);
    });
  }
}

export class FakeWorksheetCollection implements WorksheetsSurface {
  private readonly loadedItems = new Loadable<FakeWorksheet[]>('items');
  readonly onChanged: EventsSurface<Excel.WorksheetChangedEventArgs>;
  readonly onAdded: EventsSurface<Excel.WorksheetAddedEventArgs>;
  readonly onDeleted: EventsSurface<Excel.WorksheetDeletedEventArgs>;

  constructor(private readonly ctx: FakeRequestContext) {
    const h = ctx.state.handlers;
    this.onChanged = events(ctx, 'WorksheetCollection.onChanged', '1.9', () => h.changed as AnyHandler[]);
    this.onAdded = events(ctx, 'WorksheetCollection.onAdded', '1.7', () => h.added as AnyHandler[]);
    this.onDeleted = events(ctx, 'WorksheetCollection.onDeleted', '1.7', () => h.deleted as AnyHandler[]);
    this.onSelectionChanged = events(ctx, 'WorksheetCollection.onSelectionChanged', '1.9', () => h.selectionChanged as AnyHandler[]);
  }
  readonly onSelectionChanged: EventsSurface<{ worksheetId: string }>;

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.state.sheet(key) ?? this.ctx.state.sheets.find((s) => s.id === key));
  }

  get items(): FakeWorksheet[] {
    return this.loadedItems.get();
  }

  /**
   * Every sheet, hidden and very hidden ones too: the collection counts them unless told `visibleOnly`
   * ("WorksheetCollection.getCount(visibleOnly)": "considers only visible worksheets, skipping over any hidden
   * ones"), and the SheetVisibility reference's sample loads the collection and filters it by visibility.
   */
  load(propertyNames?: string | string[]): this {
    const names = propertyList(propertyNames);
    this.ctx.enqueue('worksheets.load', names, () => {
      this.loadedItems.set(
        this.ctx.state.sheets.map((s) => {
          const ws = new FakeWorksheet(this.ctx, () => s);
          ws.fill(names.map((n) => n.replace(/^items\//, '')));
          return ws;
        }),
      );
    });
    return this;
  }

  add(name?: string): FakeWorksheet {
    let created: SheetState | undefined;
    const sheetName = name ?? `Sheet${this.ctx.state.sheets.length + 1}`;
    this.ctx.enqueue('worksheets.add', sheetName, () => {
      if (!sheetName || sheetName.length > 31 || /[[\]:*?/\\]/.test(sheetName))
        throw new FakeExcelError('InvalidArgument', 'The sheet name is not valid.');
      if (this.ctx.state.sheet(sheetName))
        throw new FakeExcelError('ItemAlreadyExists', 'A resource with the same name or identifier already exists.');
      created = this.ctx.state.addSheet(sheetName);
      this.ctx.noteAdded(created);
    });
    return new FakeWorksheet(this.ctx, () => {
      if (!created) throw new FakeExcelError('ItemNotFound', 'The worksheet was not created.');
      return created;
    });
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const state = this.ctx.state;
      return state.sheets.find((s) => s.id === state.activeSheetId) ?? state.sheets[0];
    });
  }

  /** Like Excel, the result's isNullObject is known after the next sync, without a load. */
  getItemOrNullObject(key: string): FakeWorksheet {
    this.ctx.host.requireSet('WorksheetCollection.getItemOrNullObject', '1.4');
    const ws = new FakeWorksheet(this.ctx, () => this.ctx.state.sheet(key) ?? this.ctx.state.sheets.find((s) => s.id === key), true);
    this.ctx.enqueue('getItemOrNullObject', key, () => ws.resolveNull());
    return ws;
  }
}

export class FakeWorksheet implements WorksheetSurface {
  private readonly loadedName = new Loadable<string>('name');
  private readonly loadedId = new Loadable<string>('id');
  private readonly loadedNull = new Loadable<boolean>('isNullObject');
  private readonly loadedVisibility = new Loadable<SheetState['visibility']>('visibility');
  readonly names: WorksheetSurface['names'];
  readonly protection: WorksheetSurface['protection'];
  readonly onChanged: EventsSurface<Excel.WorksheetChangedEventArgs>;
  readonly onSelectionChanged: EventsSurface<{ worksheetId: string }>;

  /** The sheet this proxy stands for, if it is still in the workbook (a proxy outlives a deleted sheet, as in Excel). */
  private readonly find: () => SheetState | undefined;

  constructor(
    private readonly ctx: FakeRequestContext,
    find: () => SheetState | undefined,
    private readonly nullable = false,
  ) {
    ctx.noteObject();
    this.find = () => {
      const s = find();
      return s && ctx.state.sheets.includes(s) ? s : undefined;
    };
    const host = ctx.host;
    const loadedNames = new Loadable<NamedItemSurface[]>('items');
    const loadedProtected = new Loadable<boolean>('protected');
    const loadedOptions = new Loadable<Excel.WorksheetProtectionOptions>('options');
    this.onChanged = events(ctx, 'Worksheet.onChanged', '1.7', () => {
      const id = this.sheet().id;
      const map = ctx.state.handlers.sheetChanged;
      if (!map.has(id)) map.set(id, []);
      return map.get(id) as AnyHandler[];
    });
    this.onSelectionChanged = events(ctx, 'Worksheet.onSelectionChanged', '1.7', () => {
      const id = this.sheet().id;
      const map = ctx.state.handlers.sheetSelectionChanged;
      if (!map.has(id)) map.set(id, []);
      return map.get(id) as AnyHandler[];
    });
    this.names = {
      get items() {
        return loadedNames.get();
      },
      load: (propertyNames?: string | string[]) => {
        ctx.enqueue('names.load', propertyNames ?? null, () => {
          loadedNames.set([...this.sheet().names.entries()].map(([name, value]) => ({ name, value })));
        });
        return this.names;
      },
      add: (name, reference) => {
        host.requireSet('Worksheet.names', '1.4');
        ctx.enqueue('names.add', [name, reference], () => {
          const sheet = this.sheet();
          if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name))
            throw new FakeExcelError('InvalidArgument', `The name ${name} is not valid.`);
          if (sheet.names.has(name)) throw new FakeExcelError('ItemAlreadyExists', `The name ${name} already exists.`);
          if (!reference.startsWith('=')) throw new FakeExcelError('InvalidArgument', 'The reference must be a formula.');
          sheet.names.set(name, reference);
        });
      },
    };
    this.protection = {
      get protected() {
        return loadedProtected.get();
      },
      get options() {
        return loadedOptions.get();
      },
      load: (propertyNames?: string | string[]) => {
        ctx.enqueue('protection.load', propertyNames ?? null, () => {
          // A null object's properties stay unread, as a null range's (FakeRange.load).
          if (this.nullable && !this.find()) return;
          const p = this.sheet().protection;
          loadedProtected.set(p.protected);
          loadedOptions.set({ ...(p.options ?? {}) });
        });
        return this.protection;
      },
      unprotect: (password) => {
        if (password !== undefined) host.requireSet('WorksheetProtection.unprotect(password)', '1.7');
        ctx.enqueue('protection.unprotect', null, () => {
          const sheet = this.sheet();
          if (!sheet.protection.protected && host.options.protectionAccessDenied)
            throw new FakeExcelError('AccessDenied', 'The worksheet is not protected.');
          if (sheet.protection.password !== undefined && sheet.protection.password !== password) {
            throw new FakeExcelError('InvalidOperation', 'The password is incorrect.');
          }
          sheet.protection = { protected: false, options: undefined, password: undefined };
        });
      },
      protect: (options, password) => {
        if (password !== undefined) host.requireSet('WorksheetProtection.protect(password)', '1.7');
        if (options?.selectionMode !== undefined) host.requireSet('WorksheetProtectionOptions.selectionMode', '1.7');
        ctx.enqueue('protection.protect', options, () => {
          const sheet = this.sheet();
          if (sheet.protection.protected)
            throw new FakeExcelError(
              host.options.protectionAccessDenied ? 'AccessDenied' : 'InvalidOperation',
              'The worksheet is already protected.',
            );
          sheet.protection = { protected: true, options: options ? { ...options } : undefined, password };
        });
      },
    };
  }

  /** The sheet this proxy stands for, when an operation runs. */
  sheet(): SheetState {
    const s = this.find();
    if (!s) throw new FakeExcelError('ItemNotFound', 'The requested resource doesn’t exist.');
    return s;
  }

  resolveNull(): void {
    this.loadedNull.set(this.find() === undefined);
  }

  fill(names: string[]): void {
    const s = this.find();
    this.loadedNull.set(s === undefined);
    if (!s) return;
    if (names.length === 0 || names.includes('name')) this.loadedName.set(s.name);
    if (names.length === 0 || names.includes('id')) this.loadedId.set(s.id);
    if (names.length === 0 || names.includes('visibility')) this.loadedVisibility.set(s.visibility);
  }

  get visibility(): SheetState['visibility'] {
    return this.loadedVisibility.get();
  }
  /**
   * Setting the visibility needs ExcelApi 1.2 ("Worksheet.visibility": "ExcelApi 1.1 for reading visibility; 1.2 for
   * setting it"). Excel keeps one visible sheet at least (the SheetVisibility reference's sample: "Cannot hide the
   * only visible worksheet"): refused. What Excel shows when the active sheet is hidden is not modelled: refused too.
   */
  set visibility(visibility: Excel.Worksheet['visibility']) {
    this.ctx.host.requireSet('Worksheet.visibility (set)', '1.2');
    this.ctx.enqueue('worksheet.visibility', visibility, () => {
      const sheet = this.sheet();
      const state = this.ctx.state;
      if (visibility !== 'Visible' && visibility !== 'Hidden' && visibility !== 'VeryHidden')
        throw new FakeExcelError('InvalidArgument', `${String(visibility)} is not a sheet visibility.`);
      if (visibility !== 'Visible') {
        if (!state.sheets.some((s) => s !== sheet && s.visibility === 'Visible'))
          throw new FakeExcelError('InvalidOperation', 'A workbook must keep at least one visible worksheet.');
        const active = state.activeSheetId ?? state.sheets[0]?.id;
        if (active === sheet.id) throw new FakeExcelError('InvalidOperation', 'The fake host does not model hiding the active sheet.');
      }
      sheet.visibility = visibility;
    });
  }

  get name(): string {
    return this.loadedName.get();
  }
  /** Renaming: refused for a name Excel refuses or another sheet already has (compared case-insensitively). */
  set name(name: string) {
    this.ctx.enqueue('worksheet.name', name, () => {
      const sheet = this.sheet();
      if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name))
        throw new FakeExcelError('InvalidArgument', 'The sheet name is not valid.');
      const other = this.ctx.state.sheet(name);
      if (other && other !== sheet)
        throw new FakeExcelError('ItemAlreadyExists', 'A resource with the same name or identifier already exists.');
      sheet.name = name;
    });
  }
  get id(): string {
    return this.loadedId.get();
  }

  get freezePanes(): { freezeRows(count?: number): void } {
    this.ctx.host.requireSet('Worksheet.freezePanes', '1.7');
    return {
      freezeRows: (count = 1) => {
        if (!Number.isInteger(count) || count < 1 || count >= MAX_ROWS)
          throw new FakeExcelError('InvalidArgument', 'The number of rows to freeze is not valid.');
        this.ctx.enqueue('freezePanes.freezeRows', count, () => {
          this.sheet().frozenRows = count;
        });
      },
    };
  }
  get isNullObject(): boolean {
    if (!this.nullable) return false;
    return this.loadedNull.get();
  }

  get showGridlines(): boolean {
    throw notLoaded('showGridlines');
  }
  set showGridlines(on: boolean) {
    this.ctx.host.requireSet('Worksheet.showGridlines', '1.8');
    this.ctx.enqueue('showGridlines', on, () => {
      this.sheet().showGridlines = on;
    });
  }

  /** The sheet's charts (ExcelApi 1.1): see charts.ts, which records them for tests (chartsOf). */
  get charts(): FakeCharts {
    return new FakeCharts(this.ctx, this);
  }

  get pageLayout(): PageLayoutSurface {
    this.ctx.host.requireSet('Worksheet.pageLayout', '1.9');
    return new FakePageLayout(this.ctx, this);
  }

  load(propertyNames?: string | string[]): this {
    const names = propertyList(propertyNames);
    this.ctx.enqueue('worksheet.load', names, () => this.fill(names));
    return this;
  }

  getRange(address?: string): FakeRange {
    if (address === undefined) throw new FakeExcelError('InvalidArgument', 'The fake host needs an address.');
    return new FakeRange(this.ctx, this, parseRangeAddress(address));
  }

  /**
   * The smallest range holding every cell with a value or a format (with `valuesOnly`, a value or a formula);
   * A1 on a blank sheet. Known when the batch runs.
   */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== undefined) this.ctx.host.requireSet('Worksheet.getUsedRange(valuesOnly)', '1.2');
    return new FakeRange(this.ctx, this, () => {
      const sheet = this.sheet();
      let top = Infinity;
      let left = Infinity;
      let bottom = -1;
      let right = -1;
      for (const [k, cell] of sheet.cells) {
        if (valuesOnly && (cell.value === null || cell.value === '') && cell.formula === undefined) continue;
        const [r, c] = k.split(':').map(Number) as [number, number];
        top = Math.min(top, r);
        left = Math.min(left, c);
        bottom = Math.max(bottom, r);
        right = Math.max(right, c);
      }
      return bottom < 0 ? { top: 0, left: 0, bottom: 0, right: 0 } : { top, left, bottom, right };
    });
  }

  /**
   * The used range (as getUsedRange), or a null object on a sheet without one (ExcelApi 1.4). Asked of a sheet that
   * is itself a null object (getItemOrNullObject), it is a null object too: nothing is read or refused. No Microsoft
   * page says what Excel does with a method called on a null object in the same batch ("*OrNullObject methods and
   * properties" is silent); the fake follows its own null ranges, which stay unread rather than fail.
   */
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this.ctx.host.requireSet('Worksheet.getUsedRangeOrNullObject', '1.4');
    let found: CellRange | undefined;
    const used = new FakeRange(
      this.ctx,
      this,
      () => {
        if (!found) throw new FakeExcelError('ItemNotFound', 'The sheet has no used cells.');
        return found;
      },
      true,
    );
    this.ctx.enqueue('worksheet.getUsedRangeOrNullObject', valuesOnly ?? null, () => {
      const sheet = this.find();
      found = sheet && usedCells(sheet, undefined, valuesOnly);
      used.resolveNull(found === undefined);
    });
    return used;
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    this.ctx.host.requireSet('Worksheet.getRangeByIndexes', '1.7');
    if (
      startRow < 0 ||
      startColumn < 0 ||
      rowCount < 1 ||
      columnCount < 1 ||
      startRow + rowCount > MAX_ROWS ||
      startColumn + columnCount > MAX_COLUMNS
    ) {
      throw new FakeExcelError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
    }
    return new FakeRange(this.ctx, this, {
      top: startRow,
      left: startColumn,
      bottom: startRow + rowCount - 1,
      right: startColumn + columnCount - 1,
    });
  }

  activate(): void {
    this.ctx.enqueue('activate', null, () => {
      this.ctx.state.activeSheetId = this.sheet().id;
    });
  }

  delete(): void {
    this.ctx.enqueue('delete', null, () => {
      const sheet = this.find();
      if (!sheet) {
        if (this.nullable) return;
        throw new FakeExcelError('ItemNotFound', 'The requested resource doesn’t exist.');
      }
      const sheets = this.ctx.state.sheets;
      if (sheets.length === 1) throw new FakeExcelError('InvalidOperation', 'A workbook must keep at least one visible worksheet.');
      // "if the worksheet's visibility is set to "VeryHidden", the delete operation will fail with an InvalidOperation
      // exception" (Excel.Worksheet reference, delete()).
      if (sheet.visibility === 'VeryHidden')
        throw new FakeExcelError('InvalidOperation', 'A very hidden worksheet cannot be deleted: make it visible or hidden first.');
      sheets.splice(sheets.indexOf(sheet), 1);
      if (this.ctx.state.activeSheetId === sheet.id) this.ctx.state.activeSheetId = sheets[0]?.id;
    });
  }
}

class FakePageLayout implements PageLayoutSurface {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly ws: FakeWorksheet,
  ) {}

  private set(what: string, value: unknown, apply: (layout: SheetState['pageLayout']) => void): void {
    this.ctx.enqueue(`pageLayout.${what}`, value, () => apply(this.ws.sheet().pageLayout));
  }

  get paperSize(): Excel.PageLayout['paperSize'] {
    throw notLoaded('paperSize');
  }
  set paperSize(v) {
    this.set('paperSize', v, (l) => (l.paperSize = v));
  }
  get orientation(): Excel.PageLayout['orientation'] {
    throw notLoaded('orientation');
  }
  set orientation(v) {
    this.set('orientation', v, (l) => (l.orientation = v));
  }
  get zoom(): Excel.PageLayoutZoomOptions {
    throw notLoaded('zoom');
  }
  set zoom(v) {
    this.set('zoom', v, (l) => (l.zoom = { ...v }));
  }
  get centerHorizontally(): boolean {
    throw notLoaded('centerHorizontally');
  }
  set centerHorizontally(v) {
    this.set('centerHorizontally', v, (l) => (l.centerHorizontally = v));
  }
  get leftMargin(): number {
    throw notLoaded('leftMargin');
  }
  set leftMargin(v) {
    this.set('leftMargin', v, (l) => (l.margins.left = v));
  }
  get rightMargin(): number {
    throw notLoaded('rightMargin');
  }
  set rightMargin(v) {
    this.set('rightMargin', v, (l) => (l.margins.right = v));
  }
  get topMargin(): number {
    throw notLoaded('topMargin');
  }
  set topMargin(v) {
    this.set('topMargin', v, (l) => (l.margins.top = v));
  }
  get bottomMargin(): number {
    throw notLoaded('bottomMargin');
  }
  set bottomMargin(v) {
    this.set('bottomMargin', v, (l) => (l.margins.bottom = v));
  }
  get headerMargin(): number {
    throw notLoaded('headerMargin');
  }
  set headerMargin(v) {
    this.set('headerMargin', v, (l) => (l.margins.header = v));
  }
  get footerMargin(): number {
    throw notLoaded('footerMargin');
  }
  set footerMargin(v) {
    this.set('footerMargin', v, (l) => (l.margins.footer = v));
  }
  setPrintArea(printArea: string): void {
    this.set('setPrintArea', printArea, (l) => (l.printArea = printArea));
  }
  setPrintTitleRows(rows: string): void {
    if (!/^\$?\d+:\$?\d+$/.test(rows)) throw new FakeExcelError('InvalidArgument', 'Print title rows must be entire rows.');
    this.set('setPrintTitleRows', rows, (l) => (l.printTitleRows = rows));
  }
  /** ExcelApi 1.9, with the rest of pageLayout (learn.microsoft.com/javascript/api/excel/excel.pagelayout#setprinttitlecolumns). */
  setPrintTitleColumns(columns: string): void {
    if (!/^\$?[A-Z]{1,3}:\$?[A-Z]{1,3}$/.test(columns))
      throw new FakeExcelError('InvalidArgument', 'Print title columns must be entire columns.');
    this.set('setPrintTitleColumns', columns, (l) => (l.printTitleColumns = columns));
  }
}

type Guard = 'value' | 'format' | 'formatColumns' | 'formatRows' | 'none';

export class FakeRange implements RangeSurface {
  private readonly loadedValues = new Loadable<any[][]>('values');
  private readonly loadedFormats = new Loadable<any[][]>('numberFormat');
  private readonly loadedRow = new Loadable<number>('rowIndex');
  private readonly loadedColumn = new Loadable<number>('columnIndex');
  private readonly loadedNull = new Loadable<boolean>('isNullObject');
  private readonly loadedRowCount = new Loadable<number>('rowCount');
  private readonly loadedColumnCount = new Loadable<number>('columnCount');
  private readonly loadedAddress = new Loadable<string>('address');
  private readonly loadedText = new Loadable<string[][]>('text');
  readonly format: FakeRangeFormat;
  private readonly area: CellRange | (() => CellRange);

  constructor(
    readonly ctx: FakeRequestContext,
    readonly ws: FakeWorksheet,
    area: CellRange | (() => CellRange),
    private readonly nullable = false,
  ) {
    ctx.noteObject();
    this.area = area;
    this.format = new FakeRangeFormat(this);
  }

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    return this.loadedNull.get();
  }

  /** The smallest part of this range holding every cell with a value (or, without `valuesOnly`, a format too). */
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this.ctx.host.requireSet('Range.getUsedRangeOrNullObject', '1.4');
    let found: CellRange | undefined;
    const used = new FakeRange(
      this.ctx,
      this.ws,
      () => {
        if (!found) throw new FakeExcelError('ItemNotFound', 'The range has no used cells.');
        return found;
      },
      true,
    );
    this.ctx.enqueue('range.getUsedRangeOrNullObject', valuesOnly ?? null, () => {
      found = usedCells(this.ws.sheet(), this.rect, valuesOnly);
      used.loadedNull.set(found === undefined);
    });
    return used;
  }

  /** For a null-or-not range made elsewhere (Worksheet.getUsedRangeOrNullObject): known when its batch runs. */
  resolveNull(isNull: boolean): void {
    this.loadedNull.set(isNull);
  }

  /** Where the range is (rowIndex, columnIndex, rowCount, columnCount, address), as a load of them gives it. */
  fillPosition(): void {
    const rect = this.rect;
    this.loadedRow.set(rect.top);
    this.loadedColumn.set(rect.left);
    this.loadedRowCount.set(rect.bottom - rect.top + 1);
    this.loadedColumnCount.set(rect.right - rect.left + 1);
    this.loadedAddress.set(`${sheetReference(this.ws.sheet().name)}!${rangeAddress(rect)}`);
  }

  /** The range's column at `column`, counted from its left (ExcelApi 1.1); past its right edge, refused at once. */
  getColumn(column: number): FakeRange {
    if (typeof this.area !== 'function' && (!Number.isInteger(column) || column < 0 || column >= this.columns))
      throw new FakeExcelError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
    return new FakeRange(this.ctx, this.ws, () => {
      const rect = this.rect;
      if (!Number.isInteger(column) || column < 0 || rect.left + column > rect.right)
        throw new FakeExcelError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      return { top: rect.top, bottom: rect.bottom, left: rect.left + column, right: rect.left + column };
    });
  }

  /**
   * Range.getMergedAreasOrNullObject (ExcelApi 1.13; below it the API is not there). As in Excel, only the merged
   * areas whose top-left cell is in the range are given (as office-js #3611 reports; the thread is open and no reply confirms it: not one that starts
   * above or left of it); each area is given whole, past the range's edges — no page says whether Excel clips them,
   * so the add-in clips them itself (read-selection-grid.ts) and relies on neither; a null object when there is none; more than 512
   * fail the batch (the reference: "if the merged areas count in this range is more than 512, then this method will
   * fail to return the result").
   */
  getMergedAreasOrNullObject(): FakeMergedAreas {
    this.ctx.host.requireSet('Range.getMergedAreasOrNullObject', '1.13');
    const result = new FakeMergedAreas(this.ctx);
    this.ctx.enqueue('range.getMergedAreasOrNullObject', null, () => {
      if (this.nullable && this.isNullObject) return result.resolve(undefined);
      const outer = this.rect;
      const found = this.ws
        .sheet()
        .merges.filter((m) => m.top >= outer.top && m.top <= outer.bottom && m.left >= outer.left && m.left <= outer.right);
      if (found.length > 512) throw new FakeExcelError('GeneralException', 'There are more than 512 merged areas in the range.');
      result.resolve(found.length === 0 ? undefined : found.map((m) => new FakeRange(this.ctx, this.ws, { ...m })));
    });
    return result;
  }

  /** The cells this range covers (a used range is known only when its batch runs). */
  get rect(): CellRange {
    return typeof this.area === 'function' ? this.area() : this.area;
  }

  get rowIndex(): number {
    return this.loadedRow.get();
  }
  get columnIndex(): number {
    return this.loadedColumn.get();
  }
  get rowCount(): number {
    return this.loadedRowCount.get();
  }
  get address(): string {
    return this.loadedAddress.get();
  }
  get text(): string[][] {
    return this.loadedText.get();
  }
  get columnCount(): number {
    return this.loadedColumnCount.get();
  }

  /** Selects the range; raises onSelectionChanged as the platform does (FakeHostOptions.selectRaisesSelectionEvent). */
  select(): void {
    this.ctx.enqueue('select', null, () => {
      const sheet = this.ws.sheet();
      const state = this.ctx.state;
      const address = rangeAddress(this.rect);
      const moved = state.selection?.sheetId !== sheet.id || state.selection.address !== address;
      state.activeSheetId = sheet.id;
      state.selection = { sheetId: sheet.id, address };
      const raises = this.ctx.host.options.selectRaisesSelectionEvent ?? 'always';
      if (state.eventsEnabled && (raises === 'always' || (raises === 'whenMoved' && moved))) state.dispatchSelection(sheet.id, address);
    });
  }

  get rows(): number {
    return this.rect.bottom - this.rect.top + 1;
  }
  get columns(): number {
    return this.rect.right - this.rect.left + 1;
  }

  *cellsOf(sheet: SheetState): Generator<[number, number, CellState]> {
    for (let r = this.rect.top; r <= this.rect.bottom; r++) {
      for (let c = this.rect.left; c <= this.rect.right; c++) yield [r, c, this.ctx.state.cell(sheet, r, c)];
    }
  }

  /** Queues a write to this range, refused at sync where Excel refuses it. */
  write(what: string, payload: unknown, guard: Guard, apply: (sheet: SheetState) => void): void {
    this.ctx.enqueue(what, payload, () => {
      const sheet = this.ws.sheet();
      const p = sheet.protection;
      if (p.protected) {
        const allowed =
          guard === 'none' ||
          (guard === 'format' && p.options?.allowFormatCells) ||
          (guard === 'formatColumns' && p.options?.allowFormatColumns) ||
          (guard === 'formatRows' && p.options?.allowFormatRows);
        if (guard === 'value') {
          for (const [r, c, cell] of this.cellsOf(sheet)) {
            if (cell.locked) throw new FakeExcelError('AccessDenied', `The cell ${cellAddress(r, c)} is locked on a protected sheet.`);
          }
        } else if (!allowed) {
          throw new FakeExcelError('AccessDenied', 'The sheet is protected.');
        }
      }
      apply(sheet);
    });
  }

  private checkShape(what: string, data: unknown): any[][] {
    if (typeof this.area === 'function')
      throw new FakeExcelError('InvalidArgument', `${what}: the fake host does not write through a used range.`);
    if (!Array.isArray(data) || data.length !== this.rows || data.some((row) => !Array.isArray(row) || row.length !== this.columns)) {
      throw new FakeExcelError(
        'InvalidArgument',
        `${what}: the number of rows or columns in the input array doesn't match the size or dimensions of the range (${this.rows}×${this.columns}).`,
      );
    }
    return data as any[][];
  }

  get values(): any[][] {
    return this.loadedValues.get();
  }
  set values(data: any[][]) {
    const rows = this.checkShape('values', data);
    this.write('values', rows, 'value', (sheet) => {
      rows.forEach((row, i) =>
        row.forEach((value, j) => {
          if (value === null || value === undefined) return;
          const r = this.rect.top + i;
          const c = this.rect.left + j;
          const merge = sheet.merges.find((m) => m.top <= r && r <= m.bottom && m.left <= c && c <= m.right);
          if (merge && (merge.top !== r || merge.left !== c))
            throw new FakeExcelError('InvalidOperation', `Cannot change part of a merged cell (${cellAddress(r, c)}).`);
          storeTyped(this.ctx.state.cell(sheet, r, c), value);
        }),
      );
      this.ctx.noteChange(sheet, this.rect);
    });
  }

  get numberFormat(): any[][] {
    return this.loadedFormats.get();
  }
  set numberFormat(data: any[][]) {
    const rows = this.checkShape('numberFormat', data);
    this.write('numberFormat', rows, 'format', (sheet) => {
      for (const [r, c, cell] of this.cellsOf(sheet)) cell.numberFormat = String(rows[r - this.rect.top]?.[c - this.rect.left]);
    });
  }

  load(propertyNames?: string | string[]): this {
    const names = propertyList(propertyNames);
    this.ctx.enqueue('range.load', names, () => {
      if (this.nullable && this.isNullObject) return;
      const sheet = this.ws.sheet();
      const rect = this.rect;
      this.loadedRow.set(rect.top);
      this.loadedColumn.set(rect.left);
      this.loadedRowCount.set(rect.bottom - rect.top + 1);
      this.loadedColumnCount.set(rect.right - rect.left + 1);
      const grid = <T>(pick: (cell: CellState | undefined) => T) =>
        Array.from({ length: rect.bottom - rect.top + 1 }, (_, i) =>
          Array.from({ length: rect.right - rect.left + 1 }, (_, j) => pick(this.ctx.state.peek(sheet, rect.top + i, rect.left + j))),
        );
      this.loadedAddress.set(`${sheetReference(sheet.name)}!${rangeAddress(rect)}`);
      if (names.includes('format/columnWidth')) {
        // A property of a range with different values in its cells is null ("Blank and null values in Excel add-ins").
        const widths = new Set(Array.from({ length: rect.right - rect.left + 1 }, (_, j) => columnWidthOf(sheet, rect.left + j)));
        this.format.loadColumnWidth(widths.size === 1 ? [...widths][0]! : null);
      }
      const limit = this.ctx.host.options.readLimit;
      const cells = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
      if (names.includes('text')) {
        // "A range is limited to five million cells for get operations" (performance.md), the shown text too.
        if (cells > (limit?.cells ?? READ_LIMIT_CELLS))
          throw new FakeExcelError('RangeExceedsLimit', 'The cell count in the range has exceeded the maximum supported number.');
        const texts = grid((c) => shownText(c));
        this.ctx.noteLoaded(texts);
        this.ctx.host.loadedCells += cells;
        this.loadedText.set(texts);
      }
      if (names.includes('values') && cells > (limit?.cells ?? READ_LIMIT_CELLS)) {
        // Past the read limit Excel "will either return null or throw an error" (resource-limits page).
        if (limit?.over !== 'null')
          throw new FakeExcelError('RangeExceedsLimit', 'The cell count in the range has exceeded the maximum supported number.');
        this.loadedValues.set(null as unknown as any[][]);
      } else if (names.includes('values')) {
        const values = grid((c) => c?.value ?? '');
        this.ctx.noteLoaded(values);
        this.ctx.host.loadedCells += cells;
        this.loadedValues.set(values);
      }
      if (names.includes('numberFormat')) {
        const formats = grid((c) => c?.numberFormat ?? 'General');
        this.ctx.noteLoaded(formats);
        this.loadedFormats.set(formats);
      }
    });
    return this;
  }

  get columnHidden(): boolean {
    throw notLoaded('columnHidden');
  }
  set columnHidden(hidden: boolean) {
    this.write('columnHidden', hidden, 'formatColumns', (sheet) => {
      for (let c = this.rect.left; c <= this.rect.right; c++) {
        if (hidden) sheet.hiddenColumns.add(c);
        else sheet.hiddenColumns.delete(c);
      }
    });
  }

  get dataValidation(): DataValidationSurface {
    this.ctx.host.requireSet('Range.dataValidation', '1.8');
    return new FakeDataValidation(this);
  }

  /** Range.conditionalFormats (ExcelApi 1.6: the ConditionalFormatCollection page). */
  get conditionalFormats(): ConditionalFormatsSurface {
    this.ctx.host.requireSet('Range.conditionalFormats', '1.6');
    return { add: (type) => addConditionalFormat(this, type) };
  }

  merge(across?: boolean): void {
    if (across) throw new FakeExcelError('InvalidArgument', 'The fake host merges whole areas only.');
    this.write('merge', rangeAddress(this.rect), 'format', (sheet) => {
      const overlapping = sheet.merges.filter(
        (m) => m.top <= this.rect.bottom && this.rect.top <= m.bottom && m.left <= this.rect.right && this.rect.left <= m.right,
      );
      if (overlapping.length > 0)
        throw new FakeExcelError('InvalidOperation', `Cannot merge ${rangeAddress(this.rect)}: it overlaps a merged area.`);
      for (const [r, c, cell] of this.cellsOf(sheet)) if (r !== this.rect.top || c !== this.rect.left) cell.value = null;
      sheet.merges.push({ ...this.rect });
    });
  }

  getEntireColumn(): FakeRange {
    return new FakeRange(this.ctx, this.ws, { top: 0, left: this.rect.left, bottom: MAX_ROWS - 1, right: this.rect.right });
  }
}

/**
 * The width of a column never set: Excel's standard width of 8.43 characters of the default font, 64 pixels, which
 * Range.format.columnWidth gives in points as 48 (at 96 pixels per inch; Microsoft support, "Change the column width
 * or row height in Excel": "the default column width is 8.43 characters").
 */
export const DEFAULT_COLUMN_WIDTH = 48;

function columnWidthOf(sheet: SheetState, col: number): number {
  return sheet.columnWidths.get(col) ?? DEFAULT_COLUMN_WIDTH;
}

/**
 * A sheet's name as Excel writes it in an address: quoted, its quotes doubled, unless letters, digits, _ and . only
 * (Microsoft support, "Create an external reference (link) to a cell range in another workbook": a sheet name with
 * nonalphabetical characters is enclosed in single quotation marks).
 */
function sheetReference(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * Range.text: what a cell shows, whatever the column's width ("The number sign (#) substitution that happens in the
 * Excel UI will not affect the text value returned by the API": the Range.text reference). The fake keeps no number
 * formats for display: a text shows as itself, a number as String(number) (as General shows an integer or a short
 * decimal), a boolean as TRUE or FALSE, an empty cell or an unevaluated formula as "".
 */
function shownText(cell: CellState | undefined): string {
  const value = cell?.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** The smallest block of `sheet` (inside `outer`, if given) holding every cell with a value (or, without `valuesOnly`, a format too). */
function usedCells(sheet: SheetState, outer: CellRange | undefined, valuesOnly: boolean | undefined): CellRange | undefined {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const [k, cell] of sheet.cells) {
    const [r, c] = k.split(':').map(Number) as [number, number];
    if (outer && (r < outer.top || r > outer.bottom || c < outer.left || c > outer.right)) continue;
    if (valuesOnly && (cell.value === null || cell.value === '') && cell.formula === undefined) continue;
    top = Math.min(top, r);
    left = Math.min(left, c);
    bottom = Math.max(bottom, r);
    right = Math.max(right, c);
  }
  return bottom < 0 ? undefined : { top, left, bottom, right };
}

/** A RangeAreas from getMergedAreasOrNullObject: null-or-not, and its areas, known when its batch runs. */
export class FakeMergedAreas implements MergedAreasSurface {
  private found: FakeRange[] | undefined;
  private resolved = false;
  private readonly loadedItems = new Loadable<FakeRange[]>('items');
  readonly areas: { readonly items: FakeRange[]; load(propertyNames?: string | string[]): unknown };

  constructor(private readonly ctx: FakeRequestContext) {
    ctx.noteObject();
    const loaded = this.loadedItems;
    this.areas = {
      get items(): FakeRange[] {
        return loaded.get();
      },
      load: (propertyNames?: string | string[]) => {
        const names = propertyList(propertyNames).map((n) => n.replace(/^items\//, ''));
        ctx.enqueue('rangeAreas.areas.load', names, () => {
          // The areas of a null object: none (a null object's properties stay unread, as a null range's).
          const areas = this.found ?? [];
          areas.forEach((area) => area.fillPosition());
          ctx.noteLoaded(areas.map((a) => rangeAddress(a.rect)));
          loaded.set(areas);
        });
        return this.areas;
      },
    };
  }

  resolve(found: FakeRange[] | undefined): void {
    this.found = found;
    this.resolved = true;
  }

  get isNullObject(): boolean {
    if (!this.resolved) throw notLoaded('isNullObject');
    return this.found === undefined;
  }
}

/**
 * Excel's typing rules for a value written through `values`. Text starting with = + - is taken as a formula (the
 * Range.values documentation says so), and @ too (typing it does, and nothing documents that `values` does not);
 * the fake does not assume a text number format protects against that. Plain numbers stay numbers. A formula past
 * Excel's limits is refused (formula-limits.ts).
 */
function storeTyped(cell: CellState, value: unknown): void {
  cell.formula = undefined;
  if (typeof value === 'string') {
    if (value.startsWith("'")) cell.value = value.slice(1);
    else if (cell.numberFormat !== '@' && /^[+-]?\d+(\.\d+)?$/.test(value.trim())) cell.value = Number(value);
    else if (/^[=+\-@]/.test(value) && value.length > 1) {
      refuseFormulaPastLimits(value);
      cell.formula = value.startsWith('=') ? value : `=${value}`;
      cell.value = null;
    } else cell.value = value;
  } else if (typeof value === 'number' || typeof value === 'boolean') {
    cell.value = value;
  } else {
    throw new FakeExcelError('InvalidArgument', `Unsupported cell value ${String(value)}.`);
  }
}

class FakeRangeFormat implements RangeFormatSurface {
  readonly font: RangeFormatSurface['font'];
  readonly borders: RangeFormatSurface['borders'];
  readonly protection: { locked: boolean };
  readonly fill: RangeFormatSurface['fill'];

  constructor(private readonly range: FakeRange) {
    const each = (what: string, value: unknown, apply: (cell: CellState) => void, guard: Guard = 'format') =>
      range.write(what, value, guard, (sheet) => {
        for (const [, , cell] of range.cellsOf(sheet)) apply(cell);
      });
    const unreadable = (name: string) => () => {
      throw notLoaded(name);
    };
    this.font = Object.defineProperties({} as RangeFormatSurface['font'], {
      name: {
        get: unreadable('font/name'),
        set: (v: string) => {
          each('font.name', v, (c) => (c.fontName = v));
        },
      },
      size: {
        get: unreadable('font/size'),
        set: (v: number) => {
          each('font.size', v, (c) => (c.fontSize = v));
        },
      },
      bold: {
        get: unreadable('font/bold'),
        set: (v: boolean) => {
          each('font.bold', v, (c) => (c.bold = v));
        },
      },
      color: {
        get: unreadable('font/color'),
        set: (v: string) => {
          each('font.color', v, (c) => (c.fontColor = v));
        },
      },
    });
    this.protection = Object.defineProperties({} as { locked: boolean }, {
      locked: {
        get: unreadable('protection/locked'),
        set: (v: boolean) => {
          each('protection.locked', v, (c) => (c.locked = v));
        },
      },
    });
    this.fill = Object.defineProperties(
      { clear: () => each('fill.clear', null, (c) => (c.fill = undefined)) } as RangeFormatSurface['fill'],
      {
        color: {
          get: unreadable('fill/color'),
          set: (v: string) => {
            each('fill.color', v, (c) => (c.fill = v));
          },
        },
      },
    );
    this.borders = {
      getItem: (edge: EdgeName | InsideEdgeName): BorderSurface => {
        range.ctx.noteObject();
        const apply = (what: string, value: string) =>
          range.write(`borders.${edge}.${what}`, value, 'format', (sheet) => {
            const { top, bottom, left, right } = range.rect;
            for (const [r, c, cell] of range.cellsOf(sheet)) {
              // Excel keeps a line between cells as the edges of both cells.
              const edges: EdgeName[] = [];
              if ((edge === 'EdgeTop' && r === top) || (edge === 'InsideHorizontal' && r > top)) edges.push('EdgeTop');
              if ((edge === 'EdgeBottom' && r === bottom) || (edge === 'InsideHorizontal' && r < bottom)) edges.push('EdgeBottom');
              if ((edge === 'EdgeLeft' && c === left) || (edge === 'InsideVertical' && c > left)) edges.push('EdgeLeft');
              if ((edge === 'EdgeRight' && c === right) || (edge === 'InsideVertical' && c < right)) edges.push('EdgeRight');
              for (const e of edges) {
                const border = (cell.borders[e] ??= { style: 'None', weight: 'Thin', color: '#000000' });
                (border as unknown as Record<string, string>)[what] = value;
              }
            }
          });
        return Object.defineProperties({} as BorderSurface, {
          style: {
            get: unreadable('style'),
            set: (v: string) => {
              apply('style', v);
            },
          },
          weight: {
            get: unreadable('weight'),
            set: (v: string) => {
              apply('weight', v);
            },
          },
          color: {
            get: unreadable('color'),
            set: (v: string) => {
              apply('color', v);
            },
          },
        });
      },
    };
  }

  private loadedColumnWidth: { points: number | null } | undefined;
  /** Set by FakeRange.load('format/columnWidth'). */
  loadColumnWidth(points: number | null): void {
    this.loadedColumnWidth = { points };
  }
  get columnWidth(): number {
    if (!this.loadedColumnWidth) throw notLoaded('columnWidth');
    return this.loadedColumnWidth.points as number;
  }
  set columnWidth(points: number) {
    this.range.write('format.columnWidth', points, 'formatColumns', (sheet) => {
      for (let c = this.range.rect.left; c <= this.range.rect.right; c++) sheet.columnWidths.set(c, points);
    });
  }
  get rowHeight(): number {
    throw notLoaded('rowHeight');
  }
  set rowHeight(points: number) {
    if (points < 0 || points > 409) throw new FakeExcelError('InvalidArgument', 'Row height must be between 0 and 409 points.');
    this.range.write('format.rowHeight', points, 'formatRows', (sheet) => {
      for (let r = this.range.rect.top; r <= this.range.rect.bottom; r++) sheet.rowHeights.set(r, points);
    });
  }
  get horizontalAlignment(): Excel.RangeFormat['horizontalAlignment'] {
    throw notLoaded('horizontalAlignment');
  }
  set horizontalAlignment(v) {
    this.cells('horizontalAlignment', v, (c) => (c.h = v));
  }
  get verticalAlignment(): Excel.RangeFormat['verticalAlignment'] {
    throw notLoaded('verticalAlignment');
  }
  set verticalAlignment(v) {
    this.cells('verticalAlignment', v, (c) => (c.v = v));
  }
  get wrapText(): boolean {
    throw notLoaded('wrapText');
  }
  set wrapText(v: boolean) {
    this.cells('wrapText', v, (c) => (c.wrap = v));
  }
  get textOrientation(): number {
    throw notLoaded('textOrientation');
  }
  set textOrientation(v: number) {
    this.range.ctx.host.requireSet('RangeFormat.textOrientation', '1.7');
    if (!(v === 180 || (Number.isInteger(v) && v >= -90 && v <= 90)))
      throw new FakeExcelError('InvalidArgument', 'textOrientation must be -90…90 or 180.');
    this.cells('textOrientation', v, (c) => (c.textOrientation = v));
  }

  private cells(what: string, value: unknown, apply: (cell: CellState) => void): void {
    this.range.write(`format.${what}`, value, 'format', (sheet) => {
      for (const [, , cell] of this.range.cellsOf(sheet)) apply(cell);
    });
  }
}

/**
 * ConditionalFormatCollection.add: "Adds a new conditional format to the collection at the first/top priority", so
 * the sheet's list (highest priority first) gets it at its head. Only the custom (formula) type is modelled. A
 * formula past Excel's limits (8,192 characters, 64 levels of nested functions) is refused at the sync
 * (formula-limits.ts); nothing else about it: no Microsoft page or office-js issue found says Excel refuses a custom
 * rule's formula without a leading '=' (the documentation's examples all have one), so it keeps what was set, for
 * tests to read back.
 */
function addConditionalFormat(range: FakeRange, type: 'Custom'): { readonly custom: CustomConditionalFormatSurface } {
  if (type !== 'Custom')
    throw new FakeExcelError('InvalidArgument', `The fake host models custom conditional formats only, not ${String(type)}.`);
  const entry: ConditionalFormatState = { range: rangeAddress(range.rect), type, formula: undefined, fill: undefined };
  range.write('conditionalFormats.add', type, 'format', (sheet) => {
    sheet.conditionalFormats.unshift(entry);
  });
  const set = (what: string, value: string, apply: () => void) =>
    range.write(`conditionalFormat.custom.${what}`, value, 'format', (sheet) => {
      if (!sheet.conditionalFormats.includes(entry)) throw new FakeExcelError('ItemNotFound', 'The conditional format no longer exists.');
      apply();
    });
  const rule = Object.defineProperties({} as { formula: string }, {
    formula: {
      get: () => {
        throw notLoaded('formula');
      },
      set: (v: string) => {
        set('rule.formula', v, () => {
          refuseFormulaPastLimits(v);
          entry.formula = v;
        });
      },
    },
  });
  const fill = Object.defineProperties({} as { color: string }, {
    color: {
      get: () => {
        throw notLoaded('color');
      },
      set: (v: string) => {
        set('format.fill.color', v, () => (entry.fill = v));
      },
    },
  });
  return { custom: { rule, format: { fill } } };
}

class FakeDataValidation implements DataValidationSurface {
  constructor(private readonly range: FakeRange) {}

  private set(what: string, value: unknown, apply: (v: ValidationState) => void): void {
    this.range.write(`dataValidation.${what}`, value, 'format', (sheet) => {
      for (let r = this.range.rect.top; r <= this.range.rect.bottom; r++) {
        for (let c = this.range.rect.left; c <= this.range.rect.right; c++) {
          const key = `${r}:${c}`;
          const current = sheet.validations.get(key) ?? { rule: undefined, prompt: undefined, errorAlert: undefined, ignoreBlanks: true };
          apply(current);
          sheet.validations.set(key, current);
        }
      }
    });
  }

  get rule(): Excel.DataValidationRule {
    throw notLoaded('rule');
  }
  set rule(rule: Excel.DataValidationRule) {
    const kinds = Object.keys(rule).filter((k) => (rule as Record<string, unknown>)[k] !== undefined);
    if (kinds.length !== 1) throw new FakeExcelError('InvalidArgument', 'A data validation rule has exactly one kind.');
    const list = rule.list;
    if (list && typeof list.source === 'string' && list.source.length > 255)
      throw new FakeExcelError('InvalidArgument', 'A list source is at most 255 characters.');
    this.set('rule', rule, (v) => (v.rule = JSON.parse(JSON.stringify(rule))));
  }
  get prompt(): Excel.DataValidationPrompt {
    throw notLoaded('prompt');
  }
  set prompt(prompt: Excel.DataValidationPrompt) {
    if ((prompt.title?.length ?? 0) > 32 || (prompt.message?.length ?? 0) > 255)
      throw new FakeExcelError('InvalidArgument', 'Prompt title ≤ 32, message ≤ 255 characters.');
    this.set('prompt', prompt, (v) => (v.prompt = { ...prompt }));
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    throw notLoaded('errorAlert');
  }
  set errorAlert(alert: Excel.DataValidationErrorAlert) {
    if ((alert.title?.length ?? 0) > 32 || (alert.message?.length ?? 0) > 225)
      throw new FakeExcelError('InvalidArgument', 'Alert title ≤ 32, message ≤ 225 characters.');
    this.set('errorAlert', alert, (v) => (v.errorAlert = { ...alert }));
  }
  get ignoreBlanks(): boolean {
    throw notLoaded('ignoreBlanks');
  }
  set ignoreBlanks(on: boolean) {
    this.set('ignoreBlanks', on, (v) => (v.ignoreBlanks = on));
  }
}
