import { cellAddress } from '../a1';
import { cellText } from '../cell-value';
import type { Rule, SeverityName } from '../form-schema';
import { parseMonthDay } from '../templates';
import type { FieldSlot, PlannedTable } from '../sheet-plan';
import type { FormReading } from '../read/read-form';
import { checkField, type DateRange, type FieldCheck, type FieldValue } from './field-rules';

export type Severity = SeverityName;

export interface Problem {
  /** A1 address of the cell to fix. */
  cell: string;
  /** The field's id (for a list column, the column's field id). */
  field: string;
  /** Where exactly: `unit`, or `members[2].age` for a list row. */
  key: string;
  label: string;
  severity: Severity;
  message: string;
}

export interface CheckOptions {
  /** Today as YYYY-MM-DD, for "not in the future". */
  today: string;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

interface Checked {
  slot: FieldSlot;
  check: FieldCheck;
}

class FormChecker {
  private readonly problems: Problem[] = [];
  private readonly checked = new Map<string, Checked>();
  private readonly year: number | undefined;
  private readonly started = new Map<string, number[]>();

  constructor(
    private readonly reading: FormReading,
    private readonly options: CheckOptions,
  ) {
    const year = reading.plan.params.year;
    this.year = typeof year === 'number' ? year : undefined;
    for (const slot of reading.plan.slots) {
      this.checked.set(slot.key, { slot, check: checkField(slot.field, reading.values.get(slot.key), { year: this.year }) });
    }
    const numberingOf = new Map(reading.form.bands.flatMap((b) => (b.kind === 'table' ? [[b.id, b.numbering?.fieldId] as const] : [])));
    const filled = new Map<string, Set<number>>();
    for (const { slot, check } of this.checked.values()) {
      if (slot.tableId === undefined || slot.field.id === numberingOf.get(slot.tableId) || check.status === 'blank') continue;
      let rows = filled.get(slot.tableId);
      if (!rows) filled.set(slot.tableId, (rows = new Set()));
      rows.add(slot.index ?? 0);
    }
    for (const [id, rows] of filled)
      this.started.set(
        id,
        [...rows].sort((a, b) => a - b),
      );
  }

  report(slot: FieldSlot, severity: Severity, message: string, label = slot.field.label): void {
    this.problems.push({ cell: cellAddress(slot.row, slot.col), field: slot.field.id, key: slot.key, label, severity, message });
  }

  /** The row indexes of a list in which anything but the row number is filled in, in order. */
  startedRows(table: PlannedTable): number[] {
    return this.started.get(table.id) ?? [];
  }

  fieldChecks(): void {
    const started = new Map([...this.started].map(([id, rows]) => [id, new Set(rows)]));
    for (const { slot, check } of this.checked.values()) {
      const inUse = slot.tableId === undefined || (started.get(slot.tableId)?.has(slot.index ?? -1) ?? false);
      if (!inUse) continue;
      if (check.status === 'invalid') this.report(slot, 'error', check.message);
      else if (check.status === 'ok') for (const w of check.reading.warnings) this.report(slot, 'warning', w);
      else if (slot.field.required) {
        this.report(
          slot,
          'error',
          slot.tableId === undefined ? `必填：请填写${slot.field.label}。` : `此行已填写，请补全${slot.field.label}。`,
        );
      }
    }
  }

  /** The slots a reference names: one for a field, one per started row for `table.field`. */
  slotsOf(ref: string): { slot: FieldSlot; value: FieldValue | undefined; blank: boolean }[] {
    const [first, second] = ref.split('.') as [string, string | undefined];
    const pick = (c: Checked) => ({
      slot: c.slot,
      value: c.check.status === 'ok' ? c.check.reading.value : undefined,
      blank: c.check.status === 'blank',
    });
    if (second === undefined) {
      const c = this.checked.get(first);
      return c ? [pick(c)] : [];
    }
    const table = this.reading.plan.tables.find((t) => t.id === first);
    if (!table) return [];
    return this.startedRows(table).flatMap((i) => {
      const c = this.checked.get(`${first}[${i}].${second}`);
      return c ? [pick(c)] : [];
    });
  }

  /** The slot of the same row as `near` for a `table.field` reference, or the field's only slot. */
  sibling(ref: string, near: FieldSlot) {
    const [first, second] = ref.split('.') as [string, string | undefined];
    const key = second === undefined ? first : `${first}[${near.index}].${second}`;
    const c = this.checked.get(key);
    return c
      ? { slot: c.slot, value: c.check.status === 'ok' ? c.check.reading.value : undefined, blank: c.check.status === 'blank' }
      : undefined;
  }

  apply(rule: Rule): void {
    switch (rule.kind) {
      case 'oneOf':
      case 'mentions':
      case 'reminder': {
        const when = this.slotsOf(rule.when)[0];
        if (!when || typeof when.value !== 'string' || !rule.equals.includes(when.value)) return;
        if (rule.kind === 'reminder') {
          this.report(when.slot, rule.severity, rule.message);
          return;
        }
        const target = this.slotsOf(rule.field)[0];
        if (!target || target.value === undefined) return;
        const text = String(target.value);
        const fine = rule.kind === 'oneOf' ? rule.allowed.includes(text) : rule.words.some((w) => text.includes(w));
        if (!fine) this.report(target.slot, rule.severity, rule.message);
        return;
      }
      case 'minRows': {
        const table = this.reading.plan.tables.find((t) => t.id === rule.table);
        if (!table) return;
        const filled = this.startedRows(table).length;
        if (filled + rule.plus >= rule.min) return;
        const firstEmpty = this.reading.plan.slots.find((s) => s.tableId === table.id && s.index === filled);
        const anchor = firstEmpty ?? this.reading.plan.slots.find((s) => s.tableId === table.id);
        if (anchor) this.report(anchor, rule.severity, `${rule.message}（现有${filled + rule.plus}人）`, table.label);
        return;
      }
      case 'yearsForAge':
        for (const age of this.slotsOf(rule.age)) {
          const years = this.sibling(rule.years, age.slot);
          if (typeof age.value !== 'number' || typeof years?.value !== 'number') continue;
          if (years.value > age.value - rule.startAge) {
            this.report(
              years.slot,
              rule.severity,
              `工作年限${years.value}年与年龄${age.value}岁不符（${rule.startAge}岁前一般不参加工作），请核对。`,
            );
          }
        }
        return;
      case 'flagAndCount': {
        const flag = this.slotsOf(rule.flag)[0];
        if (!flag) return;
        const on = flag.value === '是' || flag.value === '√';
        const flagName = flag.slot.field.type === 'check' ? '勾选' : '填“是”';
        const counts = rule.counts.map((ref) => this.slotsOf(ref)[0]).filter((c): c is NonNullable<typeof c> => c !== undefined);
        for (const count of counts) {
          if (!on && !count.blank) {
            this.report(
              count.slot,
              rule.countWithoutFlag,
              `已填${count.slot.field.label}，但“${flag.slot.field.label.replace(/（.*）$/, '')}”未${flagName}：请${flagName}，或清空此数。`,
            );
          }
        }
        if (on && rule.countAsked && counts.every((c) => c.blank)) {
          const first = counts[0];
          if (first) this.report(first.slot, rule.flagWithoutCount, `已${flagName}，请填写${first.slot.field.label}。`);
        }
        return;
      }
      case 'unique': {
        const seen = new Map<string, number>();
        for (const entry of this.slotsOf(rule.field)) {
          if (entry.value === undefined) continue;
          const name = cellText(String(entry.value)).replace(/\s/g, '');
          const earlier = seen.get(name);
          if (earlier !== undefined)
            this.report(
              entry.slot,
              rule.severity,
              `“${String(entry.value)}”与第${earlier + 1}行重复，同一${entry.slot.field.label}只能填报一次。`,
            );
          else seen.set(name, entry.slot.index ?? 0);
        }
        return;
      }
      case 'sequence':
        this.slotsOf(rule.field).forEach((entry, i) => {
          if (entry.blank) this.report(entry.slot, rule.severity, `请填写序号${i + 1}。`);
          else if (entry.value !== undefined && entry.value !== i + 1)
            this.report(entry.slot, rule.severity, `序号应依次为1、2、3……，此行应为${i + 1}。`);
        });
        return;
      case 'notFuture':
        for (const entry of this.slotsOf(rule.field)) {
          const date = typeof entry.value === 'string' ? entry.value : (entry.value as DateRange | undefined)?.start;
          if (date && date > this.options.today)
            this.report(entry.slot, rule.severity, `${entry.slot.field.label}${date}晚于今天，请核对。`);
        }
        return;
      case 'requiredUnlessThisYear':
        for (const entry of this.slotsOf(rule.field)) {
          if (!entry.blank) continue;
          const date = this.sibling(rule.dateField, entry.slot)?.value;
          const formedThisYear = typeof date === 'string' && this.year !== undefined && Number(date.slice(0, 4)) === this.year;
          if (!formedThisYear) this.report(entry.slot, rule.severity, rule.message);
        }
        return;
      case 'withinPeriod': {
        const params = this.reading.plan.params;
        if (this.year === undefined) return;
        const at = (id: string) => {
          const { month, day } = parseMonthDay(String(params[id]));
          return `${this.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        };
        const [start, end] = [at(rule.startParam), at(rule.endParam)];
        for (const entry of this.slotsOf(rule.field)) {
          const range = entry.value as DateRange | undefined;
          if (!range || typeof range !== 'object') continue;
          if (range.start < start || range.end > end) {
            this.report(entry.slot, rule.severity, `${entry.slot.field.label}不在活动期间（${start}至${end}）内，请核对。`);
          }
        }
        return;
      }
    }
  }

  /** A form nobody has started (a fresh template): one reminder instead of every required field. */
  private untouched(): boolean {
    const numbering = new Set(
      this.reading.form.bands.flatMap((b) => (b.kind === 'table' && b.numbering ? [`${b.id}:${b.numbering.fieldId}`] : [])),
    );
    return [...this.checked.values()].every((c) => c.check.status === 'blank' || numbering.has(`${c.slot.tableId}:${c.slot.field.id}`));
  }

  run(): Problem[] {
    const first = this.reading.plan.slots[0];
    if (this.untouched()) {
      if (first) this.report(first, 'info', '表格尚未填写。');
      return this.problems;
    }
    this.fieldChecks();
    for (const rule of this.reading.form.rules) this.apply(rule);
    const position = new Map(this.reading.plan.slots.map((s, i) => [s.key, i]));
    return this.problems.sort(
      (a, b) => (position.get(a.key) ?? 0) - (position.get(b.key) ?? 0) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
    );
  }
}

/** Every problem of a filled-in form: field by field, then the notice's rules across fields. */
export function checkForm(reading: FormReading, options: CheckOptions): Problem[] {
  return new FormChecker(reading, options).run();
}
