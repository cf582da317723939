import { cellAddress } from '../a1';
import type { SheetToCheck } from '../check-sheets';
import { recogniseSheet, type Recognition } from '../merge/recognise';
import { checkForm, type Problem } from '../rules/check-form';
import { readForm, type FormReading } from './read-form';

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

/**
 * One sheet recognised (by marker, or by title and labels), read and checked: the single path of `validate`,
 * `merge`, the pane's worker and 合并本工作簿中的表, so that they all find the same forms and the same problems.
 */
export function readSheet(sheet: SheetToCheck, today: string): SheetReading {
  const found = recogniseSheet(sheet);
  if (!found.ok) return found;
  const { form, params } = found.recognition;
  const reading = readForm(form, sheet.grid, params, sheet.merges);
  const checked = checkForm(reading, { today });
  const untouched = checked.length === 1 && checked[0]?.message === '表格尚未填写。' && reading.doubts.length === 0;
  const problems: Problem[] = [
    ...reading.doubts.map((d): Problem => {
      const slot = reading.plan.slots.find((s) => s.key === d.key);
      return {
        cell: slot ? cellAddress(slot.row, slot.col) : 'A1',
        field: slot?.field.id ?? d.key,
        key: d.key,
        label: d.label,
        severity: 'warning',
        message: `找不到“${d.label}”的填写位置（表格的栏目被改动过），未读取此项，请对照原表核对。`,
      };
    }),
    ...checked,
  ];
  return { ok: true, recognition: found.recognition, reading, problems, untouched };
}
