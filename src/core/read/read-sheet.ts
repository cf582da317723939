import { cellAddress } from '../a1';
import type { SheetToCheck } from '../check-sheets';
import { recogniseSheet, type Recognition } from '../merge/recognise';
import type { Catalogue } from '../notice-catalogue';
import { problemMessage } from '../messages';
import { checkForm, type Problem } from '../rules/check-form';
import { cellText } from '../cell-value';
import { labelKey } from './label-index';
import { readForm, type FormReading, type Grid } from './read-form';
import { totalWord } from './stated-totals';
import { statedTotalProblems } from './stated-total-checks';

export type SheetReading =
  | { ok: false; reason: string }
  | {
      ok: true;
      recognition: Recognition;
      reading: FormReading;
      /** Field checks, the notice's rules, and the fields that could not be located. */
      problems: Problem[];
      /** Nothing filled in: one reminder, not a return. */
      untouched: boolean;
    };

/** More than half of a form's fields (a list's column counts once) could not be placed in the sheet. */
function mostlyUnplaced(reading: FormReading): boolean {
  const fields = new Set(reading.plan.slots.map((s) => (s.tableId === undefined ? s.field.id : `${s.tableId}.${s.field.id}`)));
  return reading.doubts.length * 2 > fields.size;
}

/** Headings of a column of units, as a district's own 汇总 names it. */
const UNIT_HEADINGS = new Set(['单位', '单位名称', '填报单位', '报送单位', '申报单位', '基层单位', '所在单位']);

/**
 * A district's own 汇总 of a list form: the form's unit field is nowhere, and a column headed 单位 — one the form's
 * own lists do not have — names two or more units down its rows.
 */
function listsSeveralUnits(reading: FormReading, grid: Grid): boolean {
  const unit = reading.plan.slots.find((s) => s.field.id === reading.form.unitFieldId);
  if (!unit || !reading.doubts.some((d) => d.key === unit.key)) return false;
  const listLabels = new Set(reading.plan.slots.filter((s) => s.tableId !== undefined).map((s) => labelKey(s.field.label)));
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const heading = typeof row[c] === 'string' ? labelKey(row[c] as string) : '';
      if (!UNIT_HEADINGS.has(heading) || listLabels.has(heading)) continue;
      const units = new Set<string>();
      for (let below = r + 1; below < Math.min(grid.length, r + 200); below++) {
        const text = cellText(grid[below]?.[c]);
        if (text && !/^\d+$/.test(text) && !totalWord(text)) units.add(text);
      }
      if (units.size >= 2) return true;
    }
  }
  return false;
}

/**
 * One sheet recognised (by marker, or by title and labels), read and checked: the single path of `validate`,
 * `merge`, the pane's worker and 合并本工作簿中的表, so that they all find the same forms and the same problems.
 */
export function readSheet(sheet: SheetToCheck, today: string, catalogue: Catalogue): SheetReading {
  const found = recogniseSheet(sheet, catalogue);
  if (!found.ok) return found;
  const { form, params } = found.recognition;
  const reading = readForm(form, sheet.grid, params, sheet.merges);
  if (reading.layout === 'labels' && (mostlyUnplaced(reading) || listsSeveralUnits(reading, sheet.grid))) {
    // Its labels are there (a district's own 汇总 sheet quotes them as column headings), but not its places: not a return.
    return {
      ok: false,
      reason: `栏目名称与《${form.sheetName}》相同，但大多数栏目找不到填写位置：像是自制的汇总表或其他表格，不是一份报表。`,
    };
  }
  const checked = checkForm(reading, { today });
  const untouched = checked.length === 1 && checked[0]?.code === 'form.untouched' && reading.doubts.length === 0;
  const problems: Problem[] = [
    ...reading.doubts.map((d): Problem => {
      const slot = reading.plan.slots.find((s) => s.key === d.key);
      const params = { label: d.label };
      return {
        cell: slot ? cellAddress(slot.row, slot.col) : 'A1',
        field: slot?.field.id ?? d.key,
        key: d.key,
        label: d.label,
        severity: 'warning',
        code: 'read.notFound',
        params,
        message: problemMessage('read.notFound', params),
        ...(slot?.tableId !== undefined ? { list: { table: slot.tableId, row: slot.index ?? 0 } } : {}),
      };
    }),
    ...checked,
    ...statedTotalProblems(reading),
  ];
  return { ok: true, recognition: found.recognition, reading, problems, untouched };
}
