import { columnLetters } from '../../core/a1';
import { marginsInPoints } from '../../core/margin-points';
import type { SummaryPrint } from '../../core/merge/summary-plan';
import { XL } from './et-values';
import { writeMargins } from './page-margins';
import { printTitleRows } from './summary-ranges';
import type { EtWorksheetSurface } from './wps-surface';

/**
 * A summary's print settings through `Worksheet.PageSetup` (VBA's, declared by Kingsoft's typings, verified by no
 * source: ../shared/research/wps-addin.md §3). Nothing else relies on them: a host that ignores or refuses them gets
 * a summary without them, as Excel before ExcelApi 1.9 does; the caller says which.
 *
 * VBA's PageSetup takes margins in points (the plan keeps inches), `Zoom = false` before fitting to pages, and
 * `FitToPagesTall = false` for "as many pages tall as it takes" (the plan's 0). 16 calls.
 */
export function writePrintSettings(ws: EtWorksheetSurface, print: SummaryPrint): void {
  const setup = ws.PageSetup;
  setup.PaperSize = XL.page.a4;
  setup.Orientation = print.orientation === 'landscape' ? XL.page.landscape : XL.page.portrait;
  setup.Zoom = false;
  setup.FitToPagesWide = print.fitToWidth;
  setup.FitToPagesTall = print.fitToHeight === 0 ? false : print.fitToHeight;
  setup.CenterHorizontally = print.horizontalCentered;
  writeMargins(setup, marginsInPoints(print.margins));
  setup.PrintTitleRows = printTitleRows(print.titleRows.top, print.titleRows.bottom);
  if (print.titleColumns)
    setup.PrintTitleColumns = `$${columnLetters(print.titleColumns.left)}:$${columnLetters(print.titleColumns.right)}`;
  setup.LeftFooter = print.footer.left;
  setup.CenterFooter = print.footer.center;
  setup.RightFooter = print.footer.right;
}
