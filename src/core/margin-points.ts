import { POINTS_PER_INCH } from './units';

/** A printed page's six margins. */
export interface PageMargins {
  left: number;
  right: number;
  top: number;
  bottom: number;
  header: number;
  footer: number;
}

/**
 * Margins in points, as Excel's PageLayout and WPS's (VBA's) PageSetup take them, from the inches the plans keep
 * (as the file formats do).
 */
export function marginsInPoints(inches: PageMargins): PageMargins {
  return {
    left: inches.left * POINTS_PER_INCH,
    right: inches.right * POINTS_PER_INCH,
    top: inches.top * POINTS_PER_INCH,
    bottom: inches.bottom * POINTS_PER_INCH,
    header: inches.header * POINTS_PER_INCH,
    footer: inches.footer * POINTS_PER_INCH,
  };
}
