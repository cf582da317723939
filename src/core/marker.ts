import type { ParamValues } from './templates';

/**
 * Every form sheet carries its identity twice: as the text of a hidden, locked cell just right of the form,
 * and as a sheet-scoped defined name whose value is the same text.
 */
export const MARKER_PREFIX = 'UNIONFORMS';
export const MARKER_NAME = 'UnionForms_Form';
/** Columns of a sheet's first row searched for a marker cell (the widest form has 7 columns, its marker the 8th). */
export const MARKER_SCAN_COLUMNS = 16;

export interface FormMarker {
  formId: string;
  version: number;
  params: Record<string, string>;
}

export function formatMarker(formId: string, version: number, params: ParamValues): string {
  const pairs = Object.keys(params)
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join(';');
  return `${MARKER_PREFIX}|${formId}|${version}|${pairs}`;
}

/** The text of a defined name's constant value (which may be quoted, or a ="…" formula), or of a cell. */
export function nameConstantText(raw: string): string {
  return raw
    .trim()
    .replace(/^=/, '')
    .replace(/^"([\s\S]*)"$/, '$1')
    .replace(/""/g, '"');
}

/** Reads a marker from a cell text or a defined name's value (which may be quoted, or a ="…" formula). */
export function parseMarker(raw: unknown): FormMarker | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = nameConstantText(raw);
  const m = /^UNIONFORMS\|([a-z][a-z0-9-]*)\|(\d{1,6})\|([^|]*)$/.exec(text);
  if (!m) return undefined;
  const params: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const pair of (m[3] as string).split(';')) {
    const eq = pair.indexOf('=');
    if (eq > 0) params[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return { formId: m[1] as string, version: Number(m[2]), params };
}

/** A sheet's marker: in one of its own defined names' values, or else in a cell of its first row. */
export function sheetMarker(nameValues: readonly unknown[], firstRow: readonly unknown[] | undefined): FormMarker | undefined {
  for (const candidate of [...nameValues, ...(firstRow ?? []).slice(0, MARKER_SCAN_COLUMNS)]) {
    const marker = parseMarker(candidate);
    if (marker) return marker;
  }
  return undefined;
}
