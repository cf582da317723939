/**
 * The part of WPS 表格 (ET)'s JS add-in object model that the add-in uses: a synchronous, VBA-shaped model reached as
 * the global `Application` (or `wps`, the same merged root) inside WPS's task pane.
 *
 * Kingsoft's typings (et-jsapi-declare 2.5.0: lib.et.d.ts, addon.et.d.ts, index.d.ts) declare every member named
 * here; test/wps/surface-typings.mts, compiled by `npm run typecheck` through tsconfig.wps-typings.json, fails when a
 * member below is missing from them or has a type theirs cannot satisfy. Where their declaration is known to be
 * wrong the check shadows it explicitly, and the member's comment here says so (search "DEFECT").
 *
 * Rules of the bridge that shape this surface (zeweihan/aiworkdeck office-addin/taskpane/lib/wpsEtHandlers.js,
 * header; the same in tmustier/pi-for-excel src/host/wps/jsapi.ts):
 * - collections are read through `.Item(i)` (1-based) or `.Item(name)`, never by indexing;
 * - parameterized properties are functions: `Range("A1")`, `Address(false, false)`, `ChartObjects()`;
 * - colours are BGR integers (0x00BBGGRR); enums are numbers (et-values.ts holds the values we use);
 * - every call crosses a process (~0.2 ms each, aiworkdeck's measurement): read and write whole 2-D arrays.
 *
 * Other helpers add members here when they need them, each with its source.
 */

/**
 * What `Range.Value2` holds. DEFECT: the typings say `string | any[]`; a VBA-shaped model returns a bare scalar for
 * one cell and a 2-D array for more (aiworkdeck `read2D`, which also accepts a 1-D row since the shape is
 * "官方未成文"). Numbers, booleans, null for empty, and CVErr codes as numbers for errors (et-values.ts). Always
 * read through `readValue2Grid` (et-values.ts); writes are 2-D arrays of the range's exact shape.
 */
export type EtValue2 = unknown;

/** A scalar as written through Value2. */
export type EtCellValue = string | number | boolean | null;

export interface EtFontSurface {
  Name: string | undefined;
  Size: number;
  Bold: boolean;
  /** BGR. */
  Color: number;
}

/** One edge of a range's cells: `Borders.Item(xlEdgeTop…)` (et-values.ts `XL_EDGE`). */
export interface EtBorderSurface {
  /** xlContinuous = 1, xlLineStyleNone = -4142. */
  LineStyle: number | boolean;
  /** xlThin = 2. */
  Weight: number;
  /** BGR. */
  Color: number;
}

export interface EtBordersSurface {
  Item(index: number): EtBorderSurface;
}

export interface EtInteriorSurface {
  /** BGR; typed `any` by Kingsoft. */
  Color: unknown;
  /** xlColorIndexNone = -4142 clears the fill. */
  ColorIndex: unknown;
}

/**
 * A range's data validation (one rule per cell). `Add(Type, AlertStyle, Operator, Formula1, Formula2)` with numeric
 * enums (XlDVType, XlDVAlertStyle, XlFormatConditionOperator); `Validation.Add(3,1,1,"a,b")` then
 * `InCellDropdown = true` is aiworkdeck's recorded list validation (scripts/measurements probe, via COM).
 */
export interface EtValidationSurface {
  Add(type: number, alertStyle?: number, operator?: number, formula1?: string, formula2?: string): void;
  Delete(): void;
  readonly Type: number;
  readonly AlertStyle: number;
  readonly Operator: number;
  readonly Formula1: string;
  readonly Formula2: string;
  IgnoreBlank: boolean;
  InCellDropdown: boolean;
  ShowInput: boolean;
  ShowError: boolean;
  InputTitle: string;
  InputMessage: string;
  ErrorTitle: string;
  ErrorMessage: string;
}

export interface EtFormatConditionSurface {
  readonly Type: number;
  readonly Formula1: string;
  readonly Interior: EtInteriorSurface;
  readonly AppliesTo: EtRangeSurface;
  Priority: number;
  StopIfTrue: boolean;
  Delete(): void;
  /** Makes it the first applied (FormatCondition.SetFirstPriority, typings): the adapter orders the rules itself. */
  SetFirstPriority(): void;
}

/**
 * `FormatConditions.Add(Type, Operator, Formula1)`: xlCellValue (1) is verified through COM (aiworkdeck probe);
 * xlExpression (2), which our forms' checks need, is verified by no source: the fake can refuse it.
 * DEFECT: `Add` and `Item` are typed `any`; our surface names what a VBA-shaped model returns.
 */
export interface EtFormatConditionsSurface {
  readonly Count: number;
  Add(type: number, operator?: unknown, formula1?: string, formula2?: string): EtFormatConditionSurface;
  Item(index: number): EtFormatConditionSurface;
  Delete(): void;
}

export interface EtRangeSurface {
  Value2: EtValue2;
  /** DEFECT: typed `string`; a 2-D array of formulas is written like Value2 (aiworkdeck probe, pi-for-excel). */
  Formula: unknown;
  /** One format string for the whole range (aiworkdeck); null when its cells differ (VBA). */
  NumberFormat: string | null;
  /** What the first cell shows. */
  readonly Text: string | null;
  /** True when the range is (part of) a merged area; null when mixed (VBA). */
  MergeCells: boolean | null;
  Merge(across?: boolean): void;
  UnMerge(): void;
  readonly MergeArea: EtRangeSurface;
  readonly Borders: EtBordersSurface;
  readonly Interior: EtInteriorSurface;
  readonly Font: EtFontSurface;
  /** XlHAlign (et-values.ts). */
  HorizontalAlignment: number | boolean;
  /** XlVAlign (et-values.ts). */
  VerticalAlignment: number | boolean;
  /** XlOrientation: xlVertical (-4166) stacks the characters. */
  Orientation: number | boolean;
  WrapText: boolean;
  Locked: boolean;
  /** In characters of the standard font, as the file formats keep it. */
  ColumnWidth: number;
  /** In points. */
  RowHeight: number;
  Hidden: unknown;
  readonly EntireColumn: EtRangeSurface;
  readonly EntireRow: EtRangeSurface;
  /** 1-based. */
  readonly Row: number;
  /** 1-based. */
  readonly Column: number;
  readonly Rows: EtRangeSurface;
  readonly Columns: EtRangeSurface;
  readonly Count: number;
  readonly Cells: EtRangeSurface;
  /** `Cells.Item(row, column)`, 1-based. */
  Item(row: number, column?: number): EtRangeSurface;
  Resize(rows?: number, columns?: number): EtRangeSurface;
  Offset(rows?: number, columns?: number): EtRangeSurface;
  /** `Address(false, false)` gives "A1:B2" without dollars (aiworkdeck). */
  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string;
  readonly Validation: EtValidationSurface;
  readonly FormatConditions: EtFormatConditionsSurface;
  readonly Worksheet: EtWorksheetSurface;
  ClearContents(): unknown;
  ClearFormats(): unknown;
  /**
   * Position and size in points (typings: Range.Left/Top/Width/Height; VBA's, from the sheet's top-left corner): where
   * a summary's chart over these cells goes, as ChartObjects().Add takes points (aiworkdeck excel_add_chart).
   */
  readonly Left: number;
  readonly Top: number;
  readonly Width: number;
  readonly Height: number;
  /** Selects the range; its sheet must be the active one (aiworkdeck excel_select_range activates it first). */
  Select(): unknown;
  /** The blocks of a selection made with Ctrl (typings: Range.Areas; VBA's): one for a plain range. */
  readonly Areas: EtAreasSurface;
}

export interface EtAreasSurface {
  readonly Count: number;
  Item(index: number): EtAreaSurface;
}

/** Where one block of a selection is (1-based), to read its cells through its sheet. */
export interface EtAreaSurface {
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
}

export interface EtNameSurface {
  Name: string;
  /** "='Sheet'!$A$1" or '="text"'. */
  RefersTo: string | boolean;
  Visible: boolean;
  Delete(): void;
}

/**
 * `Names.Add(Name, RefersTo)`: workbook names verified through COM (aiworkdeck probe). `Worksheet.Names` (a sheet's
 * own names) is declared by the typings but verified by no source: the fake can refuse it.
 */
export interface EtNamesSurface {
  readonly Count: number;
  Add(name: string, refersTo: string, visible?: boolean): EtNameSurface;
  Item(index: string | number): EtNameSurface;
}

/**
 * Declared by the typings (Worksheet.PageSetup), verified by no source: the fake can ignore every write. Margins in
 * points (VBA's PageSetup).
 */
export interface EtPageSetupSurface {
  Orientation: number;
  PaperSize: number;
  Zoom: boolean | number;
  FitToPagesWide: boolean | number;
  FitToPagesTall: boolean | number;
  CenterHorizontally: boolean;
  LeftMargin: number;
  RightMargin: number;
  TopMargin: number;
  BottomMargin: number;
  HeaderMargin: number;
  FooterMargin: number;
  PrintArea: string;
  PrintTitleRows: string;
  /** "$A:$A" (typings; VBA's PageSetup). Verified by no source, as the rest of PageSetup. */
  PrintTitleColumns: string;
  /** Footer sections in Excel's header/footer codes (&P, &N; && for &), as the .xlsx footer (typings; VBA). */
  LeftFooter: string;
  CenterFooter: string;
  RightFooter: string;
}

export interface EtChartSurface {
  SetSourceData(source: EtRangeSurface, plotBy?: number): void;
  ChartType: number;
  HasTitle: boolean;
  HasLegend: boolean;
  Delete(): void;
  /** Set only after `HasTitle = true` (aiworkdeck excel_add_chart: "HasTitle 前置是硬要求"). */
  readonly ChartTitle: EtChartTitleSurface;
  /**
   * The chart's axes (typings: Chart.Axes returns Kso.Axes; `Item(xlCategory = 1)` one axis). Verified by no source
   * for the JS bridge: a summary's bars are put in the table's order with it where it works, and drawn all the same
   * where it throws.
   */
  Axes(): EtAxesSurface;
}

export interface EtChartTitleSurface {
  Text: string;
}

export interface EtAxesSurface {
  Item(type: number, group?: number): EtAxisSurface;
}

/** Kso.MsoAxis: categories in reverse order, and where the other axis crosses (xlMaximum = 2). */
export interface EtAxisSurface {
  ReversePlotOrder: boolean;
  Crosses: number;
}

/**
 * The active window's frozen panes: `SplitRow` rows kept in view once `FreezePanes = true`, on the active sheet only
 * (aiworkdeck excel_freeze_panes: FreezePanes = false, SplitRow / SplitColumn, FreezePanes = true).
 */
export interface EtWindowSurface {
  /** Gridlines are a window setting, shown for the active sheet (VBA Window.DisplayGridlines; typings). */
  DisplayGridlines: boolean;
  FreezePanes: boolean;
  SplitRow: number;
  SplitColumn: number;
}

export interface EtChartObjectSurface {
  Name: string;
  readonly Chart: EtChartSurface;
  Delete(): unknown;
}

/** `ChartObjects().Add(left, top, width, height)` (aiworkdeck; pi-for-excel made one from a JS pane). */
export interface EtChartObjectsSurface {
  readonly Count: number;
  Add(left: number, top: number, width: number, height: number): EtChartObjectSurface;
  Item(index: string | number): EtChartObjectSurface;
}

export interface EtWorksheetSurface {
  Name: string;
  /** 1-based position among the sheets. */
  readonly Index: number;
  /** XlSheetVisibility: -1 visible, 0 hidden, 2 very hidden. */
  Visible: number;
  Activate(): void;
  /** Asks the clerk first unless DisplayAlerts is off (VBA; aiworkdeck wraps deletes in DisplayAlerts = false). */
  Delete(): void;
  /** `Range("A1:C3")`. */
  Range(address: string): EtRangeSurface;
  readonly Cells: EtRangeSurface;
  /** Starts at A1 with null when the sheet is empty (aiworkdeck). */
  readonly UsedRange: EtRangeSurface;
  readonly Names: EtNamesSurface;
  readonly PageSetup: EtPageSetupSurface;
  readonly ProtectContents: boolean;
  Protect(
    password?: string,
    drawingObjects?: boolean,
    contents?: boolean,
    scenarios?: unknown,
    userInterfaceOnly?: boolean,
    allowFormattingCells?: boolean,
    allowFormattingColumns?: boolean,
    allowFormattingRows?: boolean,
    allowInsertingColumns?: boolean,
    allowInsertingRows?: boolean,
  ): void;
  Unprotect(password?: string): void;
  /** DEFECT: typed `ChartObjects | ChartObject` (the same member with an index gives one chart); called without. */
  ChartObjects(): EtChartObjectsSurface;
}

/**
 * A workbook's sheets. `Add(Before, After)`: without arguments it inserts before the active sheet;
 * `Add(null, sheets.Item(Count))` appends (aiworkdeck).
 * DEFECT: `Item` is typed `Worksheet | Sheets` (an array index gives several sheets); called with one index or name.
 */
export interface EtSheetsSurface {
  readonly Count: number;
  Item(index: string | number): EtWorksheetSurface;
  Add(before?: unknown, after?: unknown): EtWorksheetSurface;
}

export interface EtWorkbookSurface {
  readonly Name: string;
  /** A path for a saved book; only a name for an unsaved one (the UOS adapter, ../shared/research/wps-addin.md). */
  readonly FullName: string;
  readonly Worksheets: EtSheetsSurface;
  readonly Sheets: EtSheetsSurface;
  readonly ActiveSheet: EtWorksheetSurface;
  readonly Names: EtNamesSurface;
  Activate(): void;
}

export interface EtWorkbooksSurface {
  readonly Count: number;
  Item(index: string | number): EtWorkbookSurface;
  Add(template?: string | number | boolean): EtWorkbookSurface;
}

export interface EtFileDialogSurface {
  Title: string;
  AllowMultiSelect: boolean;
  /** -1 when the clerk chose, 0 when cancelled (VBA). */
  Show(): number;
  readonly SelectedItems: { readonly Count: number; Item(index: number): string };
  /**
   * The kinds of file offered: `Clear()` then `Add("Excel 文件", "*.xlsx;*.xls")` (VBA's FileDialogFilters; a public
   * WPS Writer add-in calls `FileDialog(3).Filters.Add("Office文档", "*.doc;*.docx;")`). A host that refuses it
   * offers every file, which the merge then tells apart itself.
   */
  readonly Filters: { Clear(): void; Add(description: string, extensions: string): unknown };
}

/** WPS's task pane (index.d.ts CustomTaskpane; the wpsjs ET template's ribbon.js). */
export interface EtTaskPaneSurface {
  readonly ID: number;
  Visible: boolean;
  DockPosition: number;
  Width: number;
  Delete(): void;
}

export interface EtPluginStorageSurface {
  setItem(key: string, value: string | number | boolean): void;
  getItem(key: string): string;
  removeItem(key: string): void;
}

/** `wps.FileSystem.ReadFileAsArrayBuffer(path)`: synchronous, byte-identical on UOS (the UOS adapter's record). */
export interface EtFileSystemSurface {
  ReadFileAsArrayBuffer(path: string): ArrayBuffer;
  Exists(path: string): boolean;
  /**
   * A file's size and times (index.d.ts FileStat, node-like; typings only, verified by no source): the time a return
   * was saved, for "the later file wins". Where it throws, the time of reading stands in.
   */
  stat(path: string): { readonly size: number; readonly mtimeMs: number };
}

/** The events we listen to (addon.et.d.ts; the official "表格事件" page's list). */
export type EtSheetEventName = 'SheetChange' | 'SheetSelectionChange';
export type EtSheetOnlyEventName = 'SheetActivate' | 'SheetBeforeDelete';
export type EtWorkbookEventName = 'WorkbookActivate' | 'WorkbookOpen' | 'NewWorkbook' | 'WorkbookBeforeClose';
export type EtPlainEventName = 'AfterTaskPaneShow';
export type EtEventName = EtSheetEventName | EtSheetOnlyEventName | EtWorkbookEventName | EtPlainEventName;

export type EtSheetRangeListener = (sheet: EtWorksheetSurface, target: EtRangeSurface) => void;
export type EtSheetListener = (sheet: EtWorksheetSurface) => void;
export type EtWorkbookListener = (workbook: EtWorkbookSurface) => void;
export type EtPlainListener = () => void;

/**
 * `Application.ApiEvent`. DEFECT: addon.et.d.ts types SheetChange's second argument as a worksheet; it is the
 * changed range, as in VBA's Workbook.SheetChange(Sh, Target) and the official event page ("Target 更改的区域").
 * Which edits fire SheetChange (a dropdown pick, a paste, the add-in's own writes) no source says.
 */
export interface EtApiEventSurface {
  AddApiEventListener(name: EtSheetEventName, listener: EtSheetRangeListener): void;
  AddApiEventListener(name: EtSheetOnlyEventName, listener: EtSheetListener): void;
  AddApiEventListener(name: EtWorkbookEventName, listener: EtWorkbookListener): void;
  AddApiEventListener(name: EtPlainEventName, listener: EtPlainListener): void;
  RemoveApiEventListener(name: EtSheetEventName, listener?: EtSheetRangeListener): void;
  RemoveApiEventListener(name: EtSheetOnlyEventName, listener?: EtSheetListener): void;
  RemoveApiEventListener(name: EtWorkbookEventName, listener?: EtWorkbookListener): void;
  RemoveApiEventListener(name: EtPlainEventName, listener?: EtPlainListener): void;
}

/** `Application.DebugTools`: wraps writes into one native undo step (UndoTransBegin/End, typings only). */
export interface EtDebugToolsSurface {
  UndoTransBegin(book: EtWorkbookSurface): void;
  UndoTransEnd(book: EtWorkbookSurface, cancel: boolean, description: string): void;
}

/** The global `Application` (= `wps`): Et.Application merged with the add-in root (index.d.ts `WPSMergedRoot`). */
export interface EtApplicationSurface {
  readonly Workbooks: EtWorkbooksSurface;
  readonly ActiveWorkbook: EtWorkbookSurface;
  readonly ActiveSheet: EtWorksheetSurface;
  readonly ActiveCell: EtRangeSurface;
  /** The window frozen panes belong to (aiworkdeck excel_freeze_panes). */
  readonly ActiveWindow: EtWindowSurface;
  /**
   * The selected cells (pi-for-excel src/host/wps/jsapi.ts getWpsSelection). DEFECT: typed as any drawing object or
   * `any`; with a shape selected it is no range, so a reader checks for `Areas` first.
   */
  readonly Selection: EtRangeSurface;
  /** "Microsoft Excel"-like for VBA's sake (aiworkdeck detects ET by `Workbooks` instead). */
  readonly Name: string;
  readonly Version: string;
  readonly Build: number;
  readonly OperatingSystem: string;
  /** Off around merges and sheet deletes (et-values.ts `withAlertsOff`). */
  DisplayAlerts: boolean;
  /** Off around big writes (et-values.ts `withScreenUpdatingOff`). */
  ScreenUpdating: boolean;
  /** Declared by the typings; no source says whether it silences ApiEvent listeners. */
  EnableEvents: boolean;
  Undo(): void;
  readonly DebugTools: EtDebugToolsSurface;
  /** msoFileDialogFilePicker = 3 (platform_v7 importDoc.js). */
  FileDialog(type: number): EtFileDialogSurface;
  readonly ApiEvent: EtApiEventSurface;
  CreateTaskPane(url: string, title?: string): EtTaskPaneSurface;
  GetTaskPane(id: number): EtTaskPaneSurface;
  readonly PluginStorage: EtPluginStorageSurface;
  readonly FileSystem: EtFileSystemSurface;
}
