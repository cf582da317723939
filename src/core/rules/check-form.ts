import { cellAddress } from '../a1';
import type { Field, SeverityName } from '../form-schema';
import { problemMessage, SEVERITY_NAMES, type ProblemCode, type ProblemParams } from '../messages';
import type { FieldSlot } from '../sheet-plan';
import type { CellValue } from '../cell-value';
import type { FormReading } from '../read/read-form';
import { checkField, fieldWarnings, type FieldCheck } from './field-rules';
import { evaluateRule, type Rule } from './kinds';
import type { RuleEntry, RuleScope } from './kinds/rule-kind';

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
  /** What the problem is, stably (`required`, `phone.format`, `rule.minRows`…): what logic and translations go by. */
  code: ProblemCode;
  /** What the sentence needs besides the code: labels, counts, the value typed. */
  params: ProblemParams;
  /** The problem in Chinese (messages/ words it in other languages from code and params). */
  message: string;
  /** For a cell of a list: the list and the row (from 0), so that a problem is counted against its row. */
  list?: { table: string; row: number };
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
export const SEVERITY_WORDS: Readonly<Record<Severity, string>> = SEVERITY_NAMES['zh-CN'];

type Entry = RuleEntry;

/** A problem with its slot's position in the layout, which orders the list (see orderProblems). */
export type PlacedProblem = Problem & { at: number };

/** The field checks of an earlier check of the same layout, reused where a slot's value is the same. */
export interface PriorChecks {
  values: readonly CellValue[];
  checks: readonly FieldCheck[];
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

/** The reminder's params for a field left blank that the clerk may leave blank but had better fill in (填报日期). */
export function blankReminderParams(field: Field): ProblemParams {
  return { name: field.label.replace(/（[^（）]*）$/, ''), hint: field.hint ? field.hint.replace(/。$/, '') : '' };
}

/** The reminder for a field left blank, in Chinese. */
export function blankReminder(field: Field): string {
  return problemMessage('blank.reminder', blankReminderParams(field));
}

/**
 * One check of a read form: the field checks, the rows started, and the problems of any slots or rules asked for.
 * checkForm asks for all of them; recheck-form.ts asks only for what a change can have changed.
 */
export class FormChecker implements RuleScope {
  /** Where report() puts the problems of the slots or the rule being checked. */
  private sink: PlacedProblem[] = [];
  readonly checks: FieldCheck[];
  private readonly structure: Structure;
  private readonly started = new Map<string, number[]>();
  /** The same as sets, made when first asked. */
  private readonly startedSets = new Map<string, Set<number>>();
  readonly year: number | undefined;
  readonly today: string;
  readonly params: FormReading['plan']['params'];
  readonly tables: FormReading['plan']['tables'];
  /** Nothing filled in but row numbers: the form is only reminded of (see run). */
  readonly untouched: boolean;

  constructor(
    private readonly reading: FormReading,
    private readonly options: CheckOptions,
    prior?: PriorChecks,
  ) {
    const year = reading.plan.params.year;
    this.year = typeof year === 'number' ? year : undefined;
    this.today = options.today;
    this.params = reading.plan.params;
    this.tables = reading.plan.tables;
    this.structure = structureOf(reading);
    const { tableOf, numbering } = this.structure;
    const slots = reading.plan.slots;
    const context = { year: this.year };
    const filled = new Map<string, Set<number>>();
    let untouched = true;
    this.checks = new Array<FieldCheck>(slots.length);
    for (let at = 0; at < slots.length; at++) {
      const check =
        prior && Object.is(prior.values[at], reading.values[at])
          ? (prior.checks[at] as FieldCheck)
          : checkField((slots[at] as FieldSlot).field, reading.values[at], context);
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

  /** The slot as a rule sees it. */
  entry(at: number): Entry {
    const check = this.checks[at] as FieldCheck;
    return {
      slot: this.reading.plan.slots[at] as FieldSlot,
      value: check.status === 'ok' ? check.reading.value : undefined,
      blank: check.status === 'blank',
      ...(check.status === 'blank' && check.notApplicable !== undefined ? { notApplicable: check.notApplicable } : {}),
      at,
    };
  }

  report(entry: Entry, severity: Severity, code: ProblemCode, params: ProblemParams = {}, label = entry.slot.field.label): void {
    const { slot } = entry;
    this.sink.push({
      cell: cellAddress(slot.row, slot.col),
      field: slot.field.id,
      key: slot.key,
      label,
      severity,
      code,
      params,
      message: problemMessage(code, params),
      ...(slot.tableId !== undefined ? { list: { table: slot.tableId, row: slot.index ?? 0 } } : {}),
      at: entry.at,
    });
  }

  /** A cell that must be filled in and is still empty: an error, or 未填 while the form is being filled in. */
  reportEmpty(entry: Entry, severity: Severity, code: ProblemCode, params: ProblemParams = {}, label = entry.slot.field.label): void {
    if (this.options.unfilled !== 'pending' || severity === 'info') {
      this.report(entry, severity, code, params, label);
      return;
    }
    this.report(entry, 'info', code, params, label);
    (this.sink[this.sink.length - 1] as Problem).unfilled = true;
  }

  startedRows(tableId: string): number[] {
    return this.started.get(tableId) ?? [];
  }

  /** The problems of the given slots' own values (a list row's only when the row is started), in the order given. */
  fieldProblems(ats: Iterable<number>): PlacedProblem[] {
    const out: PlacedProblem[] = (this.sink = []);
    const slots = this.reading.plan.slots;
    for (const at of ats) {
      const check = this.checks[at] as FieldCheck;
      const slot = slots[at] as FieldSlot;
      if (check.status === 'ok' && check.reading.warnings.length === 0) continue;
      if (check.status === 'blank' && !slot.field.required && !slot.field.remindIfBlank) continue;
      const inUse = slot.tableId === undefined || this.isStarted(slot.tableId, slot.index ?? -1);
      if (!inUse) continue;
      if (check.status === 'blank' && !slot.field.required)
        this.report(this.entry(at), 'info', 'blank.reminder', blankReminderParams(slot.field));
      else if (check.status === 'invalid') this.report(this.entry(at), 'error', check.code, check.params);
      else if (check.status === 'ok')
        for (const w of fieldWarnings(slot.field, check.reading.value, this.reading.values[at]))
          this.report(this.entry(at), 'warning', w.code, w.params);
      else this.reportEmpty(this.entry(at), 'error', slot.tableId === undefined ? 'required' : 'required.row', { label: slot.field.label });
    }
    return out;
  }

  /** One rule's problems, found over `scope`: this checker, or a view of it narrowed to some rows (recheck-form.ts). */
  ruleProblems(rule: Rule, scope: RuleScope = this): PlacedProblem[] {
    const out: PlacedProblem[] = (this.sink = []);
    for (const found of evaluateRule(rule, scope)) {
      const label = found.label ?? found.entry.slot.field.label;
      if (found.empty) this.reportEmpty(found.entry, found.severity, found.code, found.params, label);
      else this.report(found.entry, found.severity, found.code, found.params, label);
    }
    return out;
  }

  /** Whether anything but the row number is filled in in the list's row. */
  isStarted(tableId: string, row: number): boolean {
    let rows = this.startedSets.get(tableId);
    if (!rows) this.startedSets.set(tableId, (rows = new Set(this.started.get(tableId) ?? [])));
    return rows.has(row);
  }

  /** The entries of a `table.field` reference in the given rows that are started, in the order of the rows given. */
  slotsInRows(ref: string, rows: Iterable<number>): Entry[] {
    const [first, second] = ref.split('.') as [string, string | undefined];
    const column = second === undefined ? undefined : this.structure.columns.get(first)?.get(second);
    const out: Entry[] = [];
    if (!column) return out;
    for (const row of rows) {
      const at = column[row];
      if (at !== undefined && this.isStarted(first, row)) out.push(this.entry(at));
    }
    return out;
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

  listCell(tableId: string, row: number): Entry | undefined {
    const column = [...(this.structure.columns.get(tableId)?.values() ?? [])][0] ?? [];
    const at = column[row] ?? column[0];
    return at === undefined ? undefined : this.entry(at);
  }

  run(): Problem[] {
    if (this.untouched) {
      this.sink = [];
      if (this.checks.length > 0) this.report(this.entry(0), 'info', 'form.untouched');
      return orderProblems(this.sink);
    }
    const all = [...this.fieldProblems(this.checks.keys())];
    for (const rule of this.reading.form.rules) all.push(...this.ruleProblems(rule));
    return orderProblems(all);
  }
}

/**
 * The problems as listed: by their slot's place in the layout, the worst first at each place, and else in the order
 * found (field checks before the rules, the rules in the form's order). Sorts `placed` in place.
 */
export function orderProblems(placed: PlacedProblem[]): Problem[] {
  return placed.sort((a, b) => a.at - b.at || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]).map(publicProblem);
}

/** A placed problem as the list shows it (without its place; its keys always in the same order). */
export function publicProblem(p: PlacedProblem): Problem {
  return {
    cell: p.cell,
    field: p.field,
    key: p.key,
    label: p.label,
    severity: p.severity,
    code: p.code,
    params: p.params,
    message: p.message,
    ...(p.list ? { list: p.list } : {}),
    ...(p.unfilled ? { unfilled: true as const } : {}),
  };
}

/** Every problem of a filled-in form: field by field, then the notice's rules across fields. */
export function checkForm(reading: FormReading, options: CheckOptions): Problem[] {
  return new FormChecker(reading, options).run();
}
