import { cellText, toHalfWidth, type CellValue } from '../cell-value';
import { problemMessage } from '../messages';
import type { Problem } from '../rules/check-form';
import { checkField } from '../rules/field-rules';
import type { FieldSlot } from '../sheet-plan';
import type { FormReading } from './read-form';

/** A number a clerk wrote after the total's word, in the same cell ("合计：5人", "合计 1160"). */
const NUMBER_AFTER_WORD = /计\s*[:：]?\s*(\d[\d,，\s]*)\s*([人名项个支队家条次])?/;

function numberIn(field: FieldSlot['field'], value: CellValue, year: number | undefined): number | undefined {
  // A measure (decimal) read as one, whatever its places or bounds; anything else as a count.
  const asNumber = field.type === 'decimal' ? { ...field, places: undefined, max: undefined } : { ...field, type: 'integer' };
  const check = checkField(asNumber as FieldSlot['field'], value, { year });
  return check.status === 'ok' && typeof check.reading.value === 'number' ? check.reading.value : undefined;
}

/** A whole number or a measure: what a clerk's 合计 adds up. */
const isNumber = (field: FieldSlot['field']): boolean => field.type === 'integer' || field.type === 'decimal';

/** Equal as people add: 0.1 + 0.2 is 0.3 (binary fractions aside; a form asks at most six decimals). */
const same = (a: number, b: number): boolean => Math.abs(a - b) < 1e-7;

/**
 * What a clerk's own 合计 row states, against the rows above it: a difference is a warning at that cell
 * ("本单位自填合计 1160，明细之和 1100"). The row itself is never a record (read-form.ts reads it as blank).
 */
export function statedTotalProblems(reading: FormReading): Problem[] {
  if (reading.statedTotals.length === 0) return [];
  const year = typeof reading.plan.params.year === 'number' ? reading.plan.params.year : undefined;
  const numbering = new Map(reading.form.bands.flatMap((b) => (b.kind === 'table' ? [[b.id, b.numbering?.fieldId] as const] : [])));
  const problems: Problem[] = [];
  for (const total of reading.statedTotals) {
    const totalRows = new Set(reading.statedTotals.filter((t) => t.table === total.table).map((t) => t.index));
    // The list's rows as records: per row, its slots' indexes.
    const rows = new Map<number, number[]>();
    reading.plan.slots.forEach((slot, at) => {
      if (slot.tableId !== total.table || slot.index === undefined || totalRows.has(slot.index)) return;
      rows.set(slot.index, [...(rows.get(slot.index) ?? []), at]);
    });
    const seq = numbering.get(total.table);
    const filled = [...rows.values()].filter((ats) =>
      ats.some((at) => reading.plan.slots[at]?.field.id !== seq && cellText(reading.values[at]) !== ''),
    );
    const numericFields = [
      ...new Set(reading.plan.slots.filter((s) => s.tableId === total.table && isNumber(s.field)).map((s) => s.field)),
    ];
    const sumOf = (fieldId: string): number =>
      filled.reduce((n, ats) => {
        const at = ats.find((a) => reading.plan.slots[a]?.field.id === fieldId);
        const slot = at === undefined ? undefined : reading.plan.slots[at];
        const v = slot && at !== undefined ? numberIn(slot.field, reading.values[at], year) : undefined;
        return n + (v ?? 0);
      }, 0);
    const warn = (at: { cell: string; slot: FieldSlot }, field: FieldSlot['field'], stated: number, sum: number, what: string) => {
      const params = { label: total.label, stated, sum, what };
      problems.push({
        cell: at.cell,
        field: field.id,
        key: at.slot.key,
        label: field.label,
        severity: 'warning',
        code: 'read.statedTotal',
        params,
        message: problemMessage('read.statedTotal', params),
      });
    };
    const statedFields = new Set<string>();
    for (const { slot, cell, value } of total.cells) {
      if (!isNumber(slot.field) || slot.field.id === seq) continue;
      const stated = numberIn(slot.field, value, year);
      if (stated === undefined) continue;
      statedFields.add(slot.field.id);
      const sum = sumOf(slot.field.id);
      if (!same(stated, sum)) warn({ cell, slot }, slot.field, stated, Math.round(sum * 1e6) / 1e6, slot.field.label);
    }
    // "合计：5人" or "合计 1160" in a text column: a count of rows, or the sum of the list's one number column.
    const first = total.cells.find((c) => !isNumber(c.slot.field) && typeof c.value === 'string');
    const m = first ? NUMBER_AFTER_WORD.exec(toHalfWidth(String(first.value))) : null;
    if (first && m) {
      const stated = Number((m[1] as string).replace(/[,，\s]/g, ''));
      const only =
        numericFields.length === 1 && !statedFields.has((numericFields[0] as FieldSlot['field']).id) ? numericFields[0] : undefined;
      const sum = only ? sumOf(only.id) : undefined;
      if (stated !== filled.length && stated !== sum) {
        if (only && sum !== undefined && !m[2]) warn(first, only, stated, sum, only.label);
        else warn(first, first.slot.field, stated, filled.length, '');
      }
    }
  }
  return problems;
}
