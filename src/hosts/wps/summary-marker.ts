import { parseSummaryMarker, type SummaryMarker } from '../office/summary-marker';

/**
 * How a summary sheet written in WPS says it is one: a marker cell, as form sheets carry one, right of the title
 * (row 1, the column after the table's last), holding "UNIONFORMS-SUMMARY|<form id or ->|<the sheet's name when
 * written>" — the text of the Office host's marker name (hosts/office/summary-marker.ts). It is shown as nothing
 * (number format ";;;": no section for text) and prints as nothing.
 *
 * Why a cell and not a sheet's own defined name as in Excel: no source says WPS's JS bridge keeps sheet-scoped names
 * (../shared/research/wps-addin.md §3: "Sheet-scoped names: unknown"), and a workbook-wide name would outlive a
 * summary the clerk deleted and could then point at a sheet of hers given the same name. A cell goes with its sheet:
 * deleted with it, copied with it (the copy's name then differs from the one in the marker, so the copy is hers),
 * and left behind by a rename (the marker then names another sheet, so the renamed sheet is hers).
 *
 * A summary Excel wrote keeps its marker in a sheet-scoped name; where WPS lists such a name among the workbook's
 * names ("Sheet!UnionForms_Summary", VBA's spelling of a sheet's own name), it is recognised too.
 */
export const SUMMARY_MARKER_FORMAT = ';;;';

/** The marker cell's text. */
export function summaryMarkerText(sheetName: string, formId: string | null): string {
  return `UNIONFORMS-SUMMARY|${formId ?? '-'}|${sheetName}`;
}

/** The marker among a sheet's first-row cells, or in one of its own defined names' values. */
export function summaryMarkerIn(firstRow: readonly unknown[], nameValues: readonly unknown[] = []): SummaryMarker | undefined {
  for (const value of [...nameValues, ...firstRow]) {
    const marker = typeof value === 'string' ? parseSummaryMarker(value) : undefined;
    if (marker) return marker;
  }
  return undefined;
}

/** A summary this add-in wrote that still carries the name it was written under: one a new merge may replace. */
export function isReplaceable(sheetName: string, marker: SummaryMarker | undefined): boolean {
  return marker !== undefined && marker.sheetName.toLowerCase() === sheetName.toLowerCase();
}

/**
 * The sheet a defined name belongs to, from its name as VBA spells a sheet's own name ("Sheet1!Name" or
 * "'My sheet'!Name"), with the bare name; undefined sheet for a workbook-wide name.
 */
export function nameScope(fullName: string): { sheet: string | undefined; name: string } {
  const bang = fullName.lastIndexOf('!');
  if (bang < 0) return { sheet: undefined, name: fullName };
  const scope = fullName.slice(0, bang);
  const sheet = /^'([\s\S]*)'$/.exec(scope)?.[1]?.replace(/''/g, "'") ?? scope;
  return { sheet, name: fullName.slice(bang + 1) };
}
