/**
 * What the fake ET does where no public source says what WPS does. Each switch defaults to the case worst for the
 * add-in, so the adapter is tested relying on nothing; tests may switch one to the kind case to run both ways.
 * The open questions are listed in ../shared/research/wps-addin.md §3-§4 ("unknown", "no source verified it").
 */
export interface EtBehaviours {
  /** Whether picking from a validation dropdown fires SheetChange. No source; worst: it does not. */
  sheetChangeOnPick: boolean;
  /** Whether a paste fires SheetChange. No source; worst: it does not. */
  sheetChangeOnPaste: boolean;
  /**
   * Whether the add-in's own writes fire SheetChange. VBA's Worksheet.Change fires for macro writes unless
   * EnableEvents is off; for WPS no source. Worst: they fire (the add-in must tell its own writes apart).
   */
  sheetChangeOnJsWrite: boolean;
  /** Whether `Application.EnableEvents = false` silences ApiEvent listeners. Typings only; worst: it does not. */
  enableEventsSilences: boolean;
  /** Whether a write through the JS API clears the clerk's undo stack. No source; worst: it is cleared. */
  undoClearedByJsWrite: boolean;
  /**
   * `Worksheet.Names.Add` (a sheet's own name): declared by the typings, verified by no source. Worst: 'refused'
   * (throws); 'workbook' models a host that quietly makes it a workbook name (its Name has no "Sheet!" prefix).
   */
  sheetScopedNames: 'supported' | 'refused' | 'workbook';
  /** `FormatConditions.Add(xlExpression = 2, …)`: no source verified it. Worst: refused (throws). */
  expressionConditionalFormats: 'supported' | 'refused';
  /**
   * Relative references in a conditional format's Formula1: Excel's VBA reads them from the active cell; for WPS no
   * source. Worst: from the active cell (the adapter must select the range's top-left cell first).
   */
  conditionalFormulaRelativeTo: 'activeCell' | 'topLeft';
  /** `Worksheet.PageSetup`: declared by the typings, verified nowhere. Worst: 'ignored' (writes are dropped). */
  pageSetup: 'applied' | 'ignored' | 'refused';
  /**
   * Value2 of a one-row range: VBA gives a 2-D array; aiworkdeck's `read2D` also accepts a 1-D one because the
   * shape is "官方未成文". Worst: 1-D.
   */
  oneRowValue2: '2d' | '1d';
  /**
   * `Chart.Axes().Item(xlCategory)` (ReversePlotOrder, Crosses): declared by the typings (Kso.Axes, MsoAxis), verified
   * by no source for the JS bridge. Worst: refused (throws).
   */
  chartAxes: 'supported' | 'refused';
}

export const WORST_CASE: EtBehaviours = {
  sheetChangeOnPick: false,
  sheetChangeOnPaste: false,
  sheetChangeOnJsWrite: true,
  enableEventsSilences: false,
  undoClearedByJsWrite: true,
  sheetScopedNames: 'refused',
  expressionConditionalFormats: 'refused',
  conditionalFormulaRelativeTo: 'activeCell',
  pageSetup: 'ignored',
  oneRowValue2: '1d',
  chartAxes: 'refused',
};

/** Every unknown answered the kind way: what a host that behaves like desktop Excel's VBA would do. */
export const KIND_CASE: EtBehaviours = {
  sheetChangeOnPick: true,
  sheetChangeOnPaste: true,
  sheetChangeOnJsWrite: true,
  enableEventsSilences: true,
  undoClearedByJsWrite: false,
  sheetScopedNames: 'supported',
  expressionConditionalFormats: 'supported',
  conditionalFormulaRelativeTo: 'topLeft',
  pageSetup: 'applied',
  oneRowValue2: '2d',
  chartAxes: 'supported',
};
