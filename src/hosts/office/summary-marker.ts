import { nameConstantText } from '../../core/marker';

/**
 * Every summary sheet the add-in writes says so in a sheet-scoped defined name, as form sheets do with
 * `UnionForms_Form`: `UnionForms_Summary` = "UNIONFORMS-SUMMARY|<form id or ->|<the sheet's name when written>".
 *
 * Only a sheet whose marker names the sheet's current name counts as an earlier summary that a new merge may
 * replace: a summary the clerk renamed, or copied (a copy keeps the sheet's names), is the clerk's own sheet now.
 */
export const SUMMARY_MARKER_NAME = 'UnionForms_Summary';
const PREFIX = 'UNIONFORMS-SUMMARY';

export interface SummaryMarker {
  formId: string | null;
  sheetName: string;
}

/** The marker as a defined name's formula (a string constant). */
export function summaryMarkerFormula(sheetName: string, formId: string | null): string {
  return `="${`${PREFIX}|${formId ?? '-'}|${sheetName}`.replace(/"/g, '""')}"`;
}

/** Reads a marker from a defined name's value (which may be quoted, or a ="…" formula). */
export function parseSummaryMarker(raw: unknown): SummaryMarker | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = nameConstantText(raw);
  const m = /^UNIONFORMS-SUMMARY\|([a-z][a-z0-9-]*|-)\|([\s\S]{1,31})$/.exec(text);
  if (!m) return undefined;
  return { formId: m[1] === '-' ? null : (m[1] as string), sheetName: m[2] as string };
}

/** The summary marker among a sheet's defined names' values, if any. */
export function summaryMarkerOf(nameValues: readonly unknown[]): SummaryMarker | undefined {
  for (const value of nameValues) {
    const marker = parseSummaryMarker(value);
    if (marker) return marker;
  }
  return undefined;
}

/** A summary this add-in wrote that still carries the name it was written under. */
export function isReplaceableSummary(sheetName: string, nameValues: readonly unknown[]): boolean {
  const marker = summaryMarkerOf(nameValues);
  return marker !== undefined && marker.sheetName.toLowerCase() === sheetName.toLowerCase();
}
