import type { CellValue } from './cell-value';
import { findMarker, MARKER_SCAN_COLUMNS } from './marker';
import { readForm } from './read/read-form';
import { checkForm, type Problem } from './rules/check-form';
import { findForm } from '../forms';

/** A sheet as any host hands it over for checking. */
export interface SheetToCheck {
  name: string;
  grid: CellValue[][];
  nameValues: string[];
}

export interface SheetVerdict {
  sheet: string;
  form: string | null;
  version: number | null;
  problems: Problem[];
  message: string | undefined;
}

/** Finds the form a sheet holds by its marker, reads it and checks it. */
export function checkSheet(sheet: SheetToCheck, today: string): SheetVerdict {
  const firstRow = (sheet.grid[0] ?? []).slice(0, MARKER_SCAN_COLUMNS);
  const marker = findMarker([...sheet.nameValues, ...firstRow]);
  if (!marker) return { sheet: sheet.name, form: null, version: null, problems: [], message: '不是本系统的官方表格，未检查。' };
  const form = findForm(marker.formId);
  if (!form)
    return {
      sheet: sheet.name,
      form: marker.formId,
      version: marker.version,
      problems: [],
      message: `未知的表格“${marker.formId}”，请升级工会表格助手。`,
    };
  const problems = checkForm(readForm(form, sheet.grid, marker.params), { today });
  const newer =
    marker.version > form.version
      ? `表格版本（v${marker.version}）比本程序认识的（v${form.version}）新，按 v${form.version} 检查。`
      : undefined;
  return { sheet: sheet.name, form: form.id, version: marker.version, problems, message: newer };
}
