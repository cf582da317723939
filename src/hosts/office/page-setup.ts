import { POINTS_PER_INCH } from '../../core/units';
import type { PageBasics } from '../../core/merge/summary-plan';
import type { PageLayoutSurface } from './excel-surface';

/** Queues a sheet's paper, orientation, fit to pages, centring and margins (PageLayout, ExcelApi 1.9: the caller checks). */
export function queuePageBasics(layout: PageLayoutSurface, print: PageBasics): void {
  layout.paperSize = print.paper;
  layout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  layout.zoom = { horizontalFitToPages: print.fitToWidth, verticalFitToPages: print.fitToHeight };
  layout.centerHorizontally = print.horizontalCentered;
  // Excel's PageLayout margins are in points; the plans keep inches, as the file formats do.
  layout.leftMargin = print.margins.left * POINTS_PER_INCH;
  layout.rightMargin = print.margins.right * POINTS_PER_INCH;
  layout.topMargin = print.margins.top * POINTS_PER_INCH;
  layout.bottomMargin = print.margins.bottom * POINTS_PER_INCH;
  layout.headerMargin = print.margins.header * POINTS_PER_INCH;
  layout.footerMargin = print.margins.footer * POINTS_PER_INCH;
}
