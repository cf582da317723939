/**
 * Column widths in the form model are Excel character units (as in .xlsx); Office.js sets them in points.
 * Excel's rule for the default 11-point font: pixels = trunc(chars × 7 + 5), points = pixels × 0.75.
 */
export function columnWidthToPoints(chars: number): number {
  return Math.trunc(chars * 7 + 5) * 0.75;
}

export function pointsToColumnWidth(points: number): number {
  return (points / 0.75 - 5) / 7;
}

export const POINTS_PER_INCH = 72;
