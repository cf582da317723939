/**
 * Compiled only by tsconfig.wps-typings.json (`npm run typecheck`), with Kingsoft's typings (et-jsapi-declare) as
 * its only ambient types; a .mts file so that tsconfig.json, which has no `Et` namespace, does not compile it.
 * Each line fails to compile when Kingsoft's object does not satisfy our surface: a member we use that their
 * typings lack, or a type of theirs ours cannot accept.
 *
 * Their known defects are shadowed here explicitly, each by replacing that one member with what a VBA-shaped model
 * returns, named in wps-surface.ts with "DEFECT":
 * - Sheets.Item: `Worksheet | Sheets` (an array index gives several sheets; we pass one index or name);
 * - Worksheet.ChartObjects: `ChartObjects | ChartObject` (with an index it gives one chart; we call it without);
 * - FormatConditions.Add/Item: `any`;
 * - SheetChange's Target: typed as a worksheet (addon.et.d.ts); checked below by calls, not by assignment;
 * - Value2 (`string | any[]`) and Formula (`string`): our surface takes `unknown`, so no shadow is needed;
 * - the global `confirm()` overloaded to return 1 | 0: no file of ours is compiled with these typings but this one
 *   and the surface, so it cannot reach the pane's DOM code.
 */
import type {
  EtApiEventSurface,
  EtApplicationSurface,
  EtBorderSurface,
  EtBordersSurface,
  EtChartObjectSurface,
  EtChartObjectsSurface,
  EtChartSurface,
  EtDebugToolsSurface,
  EtFileDialogSurface,
  EtFileSystemSurface,
  EtFontSurface,
  EtInteriorSurface,
  EtFormatConditionSurface,
  EtFormatConditionsSurface,
  EtNameSurface,
  EtNamesSurface,
  EtPageSetupSurface,
  EtPluginStorageSurface,
  EtRangeSurface,
  EtSheetsSurface,
  EtTaskPaneSurface,
  EtValidationSurface,
  EtWindowSurface,
  EtWorkbookSurface,
  EtWorkbooksSurface,
  EtWorksheetSurface,
} from '../../src/hosts/wps/wps-surface';
import { XL } from '../../src/hosts/wps/et-values';

type Fits<Real extends Surface, Surface> = Real;
type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Each interface of our surface and the Kingsoft interface it names. */
type Pairs = [
  [EtRangeSurface, Et.Range],
  [EtWorksheetSurface, Et.Worksheet],
  [EtWorkbookSurface, Et.Workbook],
  [EtSheetsSurface, Et.Sheets],
  [EtWorkbooksSurface, Et.Workbooks],
  [EtBordersSurface, Et.Borders],
  [EtBorderSurface, Et.Border],
  [EtInteriorSurface, Et.Interior],
  [EtFontSurface, Et.Font],
  [EtValidationSurface, Et.Validation],
  [EtFormatConditionsSurface, Et.FormatConditions],
  [EtFormatConditionSurface, Et.FormatCondition],
  [EtNamesSurface, Et.Names],
  [EtNameSurface, Et.Name],
  [EtPageSetupSurface, Et.PageSetup],
  [EtChartObjectsSurface, Et.ChartObjects],
  [EtChartObjectSurface, Et.ChartObject],
  [EtChartSurface, Et.Chart],
  [EtFileDialogSurface, Kso.FileDialog],
  [EtTaskPaneSurface, WPS.CustomTaskpane],
  [EtPluginStorageSurface, WPS.PluginStorage],
  [EtFileSystemSurface, WPS.FileSystem],
  [EtDebugToolsSurface, Et.DebugTools],
  [EtApiEventSurface, WPS.EtApiEvent],
  [EtWindowSurface, Et.Window],
];
/** Kingsoft's interface for one of ours; any other type as it is. */
type Theirs<T, P extends [unknown, unknown][] = Pairs> = P extends [
  infer H extends [unknown, unknown],
  ...infer R extends [unknown, unknown][],
]
  ? Equal<T, H[0]> extends true
    ? H[1]
    : Theirs<T, R>
  : T;
type TheirsAll<A extends unknown[]> = { [I in keyof A]: Theirs<A[I]> };
/**
 * One of our interfaces with every member that is another of our interfaces replaced by Kingsoft's: each interface
 * is checked one level deep against theirs, so that a defect is reported (and shadowed) where it is, not wherever
 * the defective interface is reached from.
 */
type Spelled<S> = {
  [K in keyof S]: S[K] extends (...args: infer A) => infer R ? (...args: TheirsAll<A>) => Theirs<R> : Theirs<S[K]>;
};

/** Kingsoft's members with their known defects replaced (see above). */
type Shadowed<T, K extends keyof T, Fix> = Omit<T, K> & Fix;

export type KingsoftTypingsFitOurSurface = [
  Fits<Et.Range, Spelled<EtRangeSurface>>,
  Fits<Shadowed<Et.Worksheet, 'ChartObjects', { ChartObjects(): Et.ChartObjects }>, Spelled<EtWorksheetSurface>>,
  Fits<Et.Workbook, Spelled<EtWorkbookSurface>>,
  Fits<Shadowed<Et.Sheets, 'Item', { Item(index: string | number): Et.Worksheet }>, Spelled<EtSheetsSurface>>,
  Fits<Et.Workbooks, Spelled<EtWorkbooksSurface>>,
  Fits<Et.Borders, Spelled<EtBordersSurface>>,
  Fits<Et.Border, Spelled<EtBorderSurface>>,
  Fits<Et.Interior, Spelled<EtInteriorSurface>>,
  Fits<Et.Font, Spelled<EtFontSurface>>,
  Fits<Et.Validation, Spelled<EtValidationSurface>>,
  Fits<
    Shadowed<
      Et.FormatConditions,
      'Add' | 'Item',
      {
        Add(type: number, operator?: unknown, formula1?: string, formula2?: string): Et.FormatCondition;
        Item(index: number): Et.FormatCondition;
      }
    >,
    Spelled<EtFormatConditionsSurface>
  >,
  Fits<Et.FormatCondition, Spelled<EtFormatConditionSurface>>,
  Fits<Et.Names, Spelled<EtNamesSurface>>,
  Fits<Et.Name, Spelled<EtNameSurface>>,
  Fits<Et.PageSetup, Spelled<EtPageSetupSurface>>,
  Fits<Et.ChartObjects, Spelled<EtChartObjectsSurface>>,
  Fits<Et.ChartObject, Spelled<EtChartObjectSurface>>,
  Fits<Et.Chart, Spelled<EtChartSurface>>,
  Fits<Kso.FileDialog, Spelled<EtFileDialogSurface>>,
  Fits<WPS.CustomTaskpane, Spelled<EtTaskPaneSurface>>,
  Fits<WPS.PluginStorage, Spelled<EtPluginStorageSurface>>,
  Fits<WPS.FileSystem, Spelled<EtFileSystemSurface>>,
  Fits<Et.DebugTools, Spelled<EtDebugToolsSurface>>,
  Fits<Et.Window, Spelled<EtWindowSurface>>,
  // ApiEvent's overloads are checked by the calls in eventsWeUseExist.
  Fits<Omit<WPSMergedRoot, 'ApiEvent'>, Omit<Spelled<EtApplicationSurface>, 'ApiEvent'>>,
];

/**
 * Never called: compiles only if every event we listen to is declared with the arguments we take. SheetChange's
 * Target is typed as a worksheet (DEFECT), so it is taken as `unknown` here and read as a range in our code.
 */
export function eventsWeUseExist(app: WPSMergedRoot): void {
  const ev = app.ApiEvent;
  ev.AddApiEventListener('SheetChange', (sheet: Et.Worksheet, target: unknown) => void [sheet, target]);
  ev.AddApiEventListener('SheetSelectionChange', (sheet: WPS.EtWorkSheet, target: Et.Range) => void [sheet, target]);
  ev.AddApiEventListener('SheetActivate', (sheet: WPS.EtWorkSheet) => void sheet);
  ev.AddApiEventListener('SheetBeforeDelete', (sheet: WPS.EtWorkSheet) => void sheet);
  ev.AddApiEventListener('WorkbookActivate', (book: Et.Workbook) => void book);
  ev.AddApiEventListener('WorkbookOpen', (book: Et.Workbook) => void book);
  ev.AddApiEventListener('NewWorkbook', (book: Et.Workbook) => void book);
  ev.AddApiEventListener('WorkbookBeforeClose', (book: Et.Workbook) => void book);
  ev.AddApiEventListener('AfterTaskPaneShow', () => undefined);
  ev.RemoveApiEventListener('SheetChange');
  ev.RemoveApiEventListener('SheetSelectionChange');
}

/** Our numeric enum values (et-values.ts) equal Kingsoft's: each line fails if one differs. */
type Same<A extends B, B extends number> = A;
export type OurEnumsAreKingsofts = [
  Same<typeof XL.validate.wholeNumber, Et.XlDVType.xlValidateWholeNumber>,
  Same<typeof XL.validate.decimal, Et.XlDVType.xlValidateDecimal>,
  Same<typeof XL.validate.list, Et.XlDVType.xlValidateList>,
  Same<typeof XL.validate.date, Et.XlDVType.xlValidateDate>,
  Same<typeof XL.validate.textLength, Et.XlDVType.xlValidateTextLength>,
  Same<typeof XL.alert.stop, Et.XlDVAlertStyle.xlValidAlertStop>,
  Same<typeof XL.alert.warning, Et.XlDVAlertStyle.xlValidAlertWarning>,
  Same<typeof XL.operator.between, Et.XlFormatConditionOperator.xlBetween>,
  Same<typeof XL.operator.greaterEqual, Et.XlFormatConditionOperator.xlGreaterEqual>,
  Same<typeof XL.operator.lessEqual, Et.XlFormatConditionOperator.xlLessEqual>,
  Same<typeof XL.condition.expression, Et.XlFormatConditionType.xlExpression>,
  Same<typeof XL.edge.top, Et.XlBordersIndex.xlEdgeTop>,
  Same<typeof XL.edge.bottom, Et.XlBordersIndex.xlEdgeBottom>,
  Same<typeof XL.edge.left, Et.XlBordersIndex.xlEdgeLeft>,
  Same<typeof XL.edge.right, Et.XlBordersIndex.xlEdgeRight>,
  Same<typeof XL.edge.insideVertical, Et.XlBordersIndex.xlInsideVertical>,
  Same<typeof XL.edge.insideHorizontal, Et.XlBordersIndex.xlInsideHorizontal>,
  Same<typeof XL.lineStyle.continuous, Et.XlLineStyle.xlContinuous>,
  Same<typeof XL.lineStyle.none, Et.XlLineStyle.xlLineStyleNone>,
  Same<typeof XL.weight.thin, Kso.XlBorderWeight.xlThin>,
  Same<typeof XL.hAlign.left, Kso.XlHAlign.xlHAlignLeft>,
  Same<typeof XL.hAlign.center, Kso.XlHAlign.xlHAlignCenter>,
  Same<typeof XL.hAlign.right, Kso.XlHAlign.xlHAlignRight>,
  Same<typeof XL.vAlign.top, Kso.XlVAlign.xlVAlignTop>,
  Same<typeof XL.vAlign.middle, Kso.XlVAlign.xlVAlignCenter>,
  Same<typeof XL.vAlign.bottom, Kso.XlVAlign.xlVAlignBottom>,
  Same<typeof XL.orientation.vertical, Et.XlOrientation.xlVertical>,
  Same<typeof XL.orientation.horizontal, Et.XlOrientation.xlHorizontal>,
  Same<typeof XL.page.portrait, Et.XlPageOrientation.xlPortrait>,
  Same<typeof XL.page.landscape, Et.XlPageOrientation.xlLandscape>,
  Same<typeof XL.page.a4, Et.XlPaperSize.xlPaperA4>,
  Same<typeof XL.sheet.visible, Et.XlSheetVisibility.xlSheetVisible>,
  Same<typeof XL.sheet.hidden, Et.XlSheetVisibility.xlSheetHidden>,
  Same<typeof XL.sheet.veryHidden, Et.XlSheetVisibility.xlSheetVeryHidden>,
  Same<typeof XL.filePicker, Kso.MsoFileDialogType.msoFileDialogFilePicker>,
];
