import { marginsInPoints } from '../../core/margin-points';
import type { PageBasics } from '../../core/merge/summary-plan';
import type { PageLayoutSurface } from './excel-surface';

/** Queues a sheet's paper, orientation, fit to pages, centring and margins (PageLayout, ExcelApi 1.9: the caller checks). */
export function queuePageBasics(layout: PageLayoutSurface, print: PageBasics): void {
  layout.paperSize = print.paper;
  layout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  layout.zoom = { horizontalFitToPages: print.fitToWidth, verticalFitToPages: print.fitToHeight };
  layout.centerHorizontally = print.horizontalCentered;
  const margins = marginsInPoints(print.margins);
  layout.leftMargin = margins.left;
  layout.rightMargin = margins.right;
  layout.topMargin = margins.top;
  layout.bottomMargin = margins.bottom;
  layout.headerMargin = margins.header;
  layout.footerMargin = margins.footer;
}
