import { cellAddress } from '../a1';
import { cellText } from '../cell-value';
import type { Field, Rule, SeverityName } from '../form-schema';
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
  /**
   * A required cell still empty, reported as 未填 while the form is being filled in (CheckOptions.unfilled
   * 'pending'): severity info, so never painted red. Absent on every other problem.
   */
  unfilled?: true;
}

export interface CheckOptions {
  /** Today as YYYY-MM-DD, for "not in the future". */
  today: string;
  /**
   * How a required cell left empty in a started form is reported: 'error' (the default: the merge, the CLI, a
   * full check with 检查全部), or 'pending' while the clerk is still filling the form in — then it is listed as
   * 未填 (severity info, `unfilled: true`, not painted) so that typing the first field paints nothing else red.
   * Wrong values are errors either way.
   */
  unfilled?: 'error' | 'pending';
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** How a problem's severity is named in Chinese (the report, the command line; the pane has its own strings). */
export const SEVERITY_WORDS: Readonly<Record<Severity, string>> = { error: '错误', warning: '警告', info: '提示' };

interface Entry {
  slot: FieldSlot;
  value: FieldValue | undefined;
  blank: boolean;
  /** The slot's position in the layout, to list problems in reading order. */
  at: number;
}

/** Where each field's slot is in a located layout; the same for every check of the same layout. */
interface Structure {
  single: Map<string, number>;
  /** table id → field id → slot position, by row index. */
  columns: Map<string, Map<string, number[]>>;
  /** Per slot: the list it belongs to (or undefined), and whether it is the list's row number. */
  tableOf: (string | undefined)[];
  numbering: boolean[];
}

const structures = new WeakMap<FormReading['plan'], Structure>();

function structureOf(reading: FormReading): Structure {
  let found = structures.get(reading.plan);
  if (found) return found;
  const numberingOf = new Map(reading.form.bands.flatMap((b) => (b.kind === 'table' ? [[b.id, b.numbering?.fieldId] as const] : [])));
  const single = new Map<string, number>();
  const columns = new Map<string, Map<string, number[]>>();
  const tableOf: (string | undefined)[] = [];
  const numbering: boolean[] = [];
  reading.plan.slots.forEach((slot, at) => {
    tableOf.push(slot.tableId);
    numbering.push(slot.tableId !== undefined && slot.field.id === numberingOf.get(slot.tableId));
    if (slot.tableId === undefined) {
      single.set(slot.field.id, at);
      return;
    }
    let table = columns.get(slot.tableId);
    if (!table) columns.set(slot.tableId, (table = new Map()));
    let column = table.get(slot.field.id);
    if (!column) table.set(slot.field.id, (column = []));
    column[slot.index ?? 0] = at;
  });
  found = { single, columns, tableOf, numbering };
  structures.set(reading.plan, found);
  return found;
}

/** The reminder for a field left blank that the clerk may leave blank but had better fill in (填报日期). */
export function blankReminder(field: Field): string {
  const name = field.label.replace(/（[^（）]*）$/, '');
  const hint = field.hint ? `（${field.hint.replace(/。$/, '')}）` : '';
  return `未填${name}，请补上${hint}。`;
}

class FormChecker {
  private readonly problems: (Problem & { at: number })[] = [];
  private readonly checks: FieldCheck[];
  private readonly structure: Structure;
  private readonly started = new Map<string, number[]>();
  private readonly year: number | undefined;
  private readonly untouched: boolean;

  constructor(
    private readonly reading: FormReading,
    private readonly options: CheckOptions,
  ) {
    const year = reading.plan.params.year;
    this.year = typeof year === 'number' ? year : undefined;
    this.structure = structureOf(reading);
    const { tableOf, numbering } = this.structure;
    const slots = reading.plan.slots;
    const context = { year: this.year };
    const filled = new Map<string, Set<number>>();
    let untouched = true;
    this.checks = new Array<FieldCheck>(slots.length);
    for (let at = 0; at < slots.length; at++) {
      const check = checkField((slots[at] as FieldSlot).field, reading.values[at], context);
      this.checks[at] = check;
      if (check.status === 'blank' || numbering[at]) continue;
      untouched = false;
      const table = tableOf[at];
      if (table === undefined) continue;
      let rows = filled.get(table);
      if (!rows) filled.set(table, (rows = new Set()));
      rows.add((slots[at] as FieldSlot).index ?? 0);
    }
    this.untouched = untouched;
    for (const [id, rows] of filled)
      this.started.set(
        id,
        [...rows].sort((a, b) => a - b),
      );
  }

  private entry(at: number): Entry {
    const check = this.checks[at] as FieldCheck;
    return {
      slot: this.reading.plan.slots[at] as FieldSlot,
      value: check.status === 'ok' ? check.reading.value : undefined,
      blank: check.status === 'blank',
      at,
    };
  }

  report(entry: Entry, severity: Severity, message: string, label = entry.slot.field.label): void {
    const { slot } = entry;
    this.problems.push({
      cell: cellAddress(slot.row, slot.col),
      field: slot.field.id,
      key: slot.key,
      label,
      severity,
      message,
      at: entry.at,
    });
  }

  /** A cell that must be filled in and is still empty: an error, or 未填 while the form is being filled in. */
  reportEmpty(entry: Entry, severity: Severity, message: string, label = entry.slot.field.label): void {
    if (this.options.unfilled !== 'pending' || severity === 'info') {
      this.report(entry, severity, message, label);
      return;
    }
    this.report(entry, 'info', message, label);
    (this.problems[this.problems.length - 1] as Problem).unfilled = true;
  }

  /** The row indexes of a list in which anything but the row number is filled in, in order. */
  startedRows(table: PlannedTable): number[] {
    return this.started.get(table.id) ?? [];
  }

  fieldChecks(): void {
    const started = new Map([...this.started].map(([id, rows]) => [id, new Set(rows)]));
    const slots = this.reading.plan.slots;
    for (let at = 0; at < slots.length; at++) {
      const check = this.checks[at] as FieldCheck;
      const slot = slots[at] as FieldSlot;
      if (check.status === 'ok' && check.reading.warnings.length === 0) continue;
      if (check.status === 'blank' && !slot.field.required && !slot.field.remindIfBlank) continue;
      const inUse = slot.tableId === undefined || (started.get(slot.tableId)?.has(slot.index ?? -1) ?? false);
      if (!inUse) continue;
      if (check.status === 'blank' && !slot.field.required) this.report(this.entry(at), 'info', blankReminder(slot.field));
      else if (check.status === 'invalid') this.report(this.entry(at), 'error', check.message);
      else if (check.status === 'ok') for (const w of check.reading.warnings) this.report(this.entry(at), 'warning', w);
      else
        this.reportEmpty(
          this.entry(at),
          'error',
          slot.tableId === undefined ? `必填：请填写${slot.field.label}。` : `此行已填写，请补全${slot.field.label}。`,
        );
    }
  }

  /** The slots a reference names: one for a field, one per started row for `table.field`. */
  slotsOf(ref: string): Entry[] {
    const [first, second] = ref.split('.') as [string, string | undefined];
    if (second === undefined) {
      const at = this.structure.single.get(first);
      return at === undefined ? [] : [this.entry(at)];
    }
    const column = this.structure.columns.get(first)?.get(second);
    if (!column) return [];
    return (this.started.get(first) ?? []).flatMap((i) => {
      const at = column[i];
      return at === undefined ? [] : [this.entry(at)];
    });
  }

  /** The slot of the same row as `near` for a `table.field` reference, or the field's only slot. */
  sibling(ref: string, near: FieldSlot): Entry | undefined {
    const [first, second] = ref.split('.') as [string, string | undefined];
    const at = second === undefined ? this.structure.single.get(first) : this.structure.columns.get(first)?.get(second)?.[near.index ?? 0];
    return at === undefined ? undefined : this.entry(at);
  }

  /** The first column of a list: where a problem about the whole list is shown. */
  firstColumn(tableId: string): number[] {
    return [...(this.structure.columns.get(tableId)?.values() ?? [])][0] ?? [];
  }

  apply(rule: Rule): void {
    switch (rule.kind) {
      case 'oneOf':
      case 'mentions':
      case 'reminder': {
        const when = this.slotsOf(rule.when)[0];
        if (!when || typeof when.value !== 'string' || !rule.equals.includes(when.value)) return;
        if (rule.kind === 'reminder') {
          this.report(when, rule.severity, rule.message);
          return;
        }
        const target = this.slotsOf(rule.field)[0];
        if (!target || target.value === undefined) return;
        const text = String(target.value);
        const fine = rule.kind === 'oneOf' ? rule.allowed.includes(text) : rule.words.some((w) => text.includes(w));
        if (!fine) this.report(target, rule.severity, rule.message);
        return;
      }
      case 'minRows': {
        const table = this.reading.plan.tables.find((t) => t.id === rule.table);
        if (!table) return;
        const filled = this.startedRows(table).length;
        if (filled + rule.plus >= rule.min) return;
        const column = this.firstColumn(table.id);
        const anchor = column[filled] ?? column[0];
        if (anchor !== undefined)
          this.reportEmpty(this.entry(anchor), rule.severity, `${rule.message}（现有${filled + rule.plus}人）`, table.label);
        return;
      }
      case 'yearsForAge':
        for (const age of this.slotsOf(rule.age)) {
          const years = this.sibling(rule.years, age.slot);
          if (typeof age.value !== 'number' || typeof years?.value !== 'number') continue;
          if (years.value > age.value - rule.startAge) {
            this.report(
              years,
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
              count,
              rule.countWithoutFlag,
              `已填${count.slot.field.label}，但“${flag.slot.field.label.replace(/（.*）$/, '')}”未${flagName}：请${flagName}，或清空此数。`,
            );
          }
        }
        if (on && rule.countAsked && counts.every((c) => c.blank)) {
          const first = counts[0];
          if (first) this.reportEmpty(first, rule.flagWithoutCount, `已${flagName}，请填写${first.slot.field.label}。`);
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
              entry,
              rule.severity,
              `“${String(entry.value)}”与第${earlier + 1}行重复，同一${entry.slot.field.label}只能填报一次。`,
            );
          else seen.set(name, entry.slot.index ?? 0);
        }
        return;
      }
      case 'sequence':
        this.slotsOf(rule.field).forEach((entry, i) => {
          if (entry.blank) this.reportEmpty(entry, rule.severity, `请填写序号${i + 1}。`);
          else if (entry.value !== undefined && entry.value !== i + 1)
            this.report(entry, rule.severity, `序号应依次为1、2、3……，此行应为${i + 1}。`);
        });
        return;
      case 'notFuture':
        for (const entry of this.slotsOf(rule.field)) {
          const date = typeof entry.value === 'string' ? entry.value : (entry.value as DateRange | undefined)?.start;
          if (date && date > this.options.today) this.report(entry, rule.severity, `${entry.slot.field.label}${date}晚于今天，请核对。`);
        }
        return;
      case 'requiredUnlessThisYear':
        for (const entry of this.slotsOf(rule.field)) {
          if (!entry.blank) continue;
          const date = this.sibling(rule.dateField, entry.slot)?.value;
          const formedThisYear = typeof date === 'string' && this.year !== undefined && Number(date.slice(0, 4)) === this.year;
          if (!formedThisYear) this.reportEmpty(entry, rule.severity, rule.message);
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
            this.report(entry, rule.severity, `${entry.slot.field.label}不在活动期间（${start}至${end}）内，请核对。`);
          }
        }
        return;
      }
    }
  }

  run(): Problem[] {
    if (this.untouched) {
      if (this.checks.length > 0) this.report(this.entry(0), 'info', '表格尚未填写。');
    } else {
      this.fieldChecks();
      for (const rule of this.reading.form.rules) this.apply(rule);
    }
    return this.problems
      .sort((a, b) => a.at - b.at || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])
      .map((p) => ({
        cell: p.cell,
        field: p.field,
        key: p.key,
        label: p.label,
        severity: p.severity,
        message: p.message,
        ...(p.unfilled ? { unfilled: true as const } : {}),
      }));
  }
}

/** Every problem of a filled-in form: field by field, then the notice's rules across fields. */
export function checkForm(reading: FormReading, options: CheckOptions): Problem[] {
  return new FormChecker(reading, options).run();
}
