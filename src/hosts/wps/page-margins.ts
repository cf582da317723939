import type { PageMargins } from '../../core/margin-points';
import type { EtPageSetupSurface } from './wps-surface';

/** Sets a sheet's six margins through PageSetup, in points (VBA's PageSetup): six calls. */
export function writeMargins(page: EtPageSetupSurface, points: PageMargins): void {
  page.LeftMargin = points.left;
  page.RightMargin = points.right;
  page.TopMargin = points.top;
  page.BottomMargin = points.bottom;
  page.HeaderMargin = points.header;
  page.FooterMargin = points.footer;
}
