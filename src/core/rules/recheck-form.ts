import { cellText, type CellValue } from '../cell-value';
import type { FormDefinition } from '../form-schema';
import type { FormReading } from '../read/read-form';
import type { SheetPlan } from '../sheet-plan';
import { FormChecker, publicProblem, type CheckOptions, type PlacedProblem, type Problem, type Severity } from './check-form';
import type { FieldCheck } from './field-rules';
import { ruleRefs, type Rule } from './kinds';
import type { RuleEntry, RuleScope } from './kinds/rule-kind';

/**
 * How far a rule kind's findings reach, which says what must be found again after a change:
 * - `row`: a finding in a list row depends only on that row (each entry alone, or with its siblings in the row);
 * - `group`: a finding depends only on the entries with the same key (unique: the same name; a name repeats only
 *   names equal to it), so a change finds again the entries of the keys it left and took;
 * - `whole` (every other kind, and any kind added later): found again whole whenever anything it names changed.
 */
const ROW_KINDS: ReadonlySet<string> = new Set(['notFuture', 'requiredUnlessThisYear', 'withinPeriod', 'yearsForAge']);
const GROUP_KEYS: Readonly<Record<string, (entry: RuleEntry) => string | undefined>> = {
  // What unique compares (kinds/unique.ts): the value as text without spaces; an entry with no value is no name.
  unique: (entry) => (entry.value === undefined ? undefined : cellText(String(entry.value)).replace(/\s/g, '')),
};

/** What a form's rule names, and how far its findings reach. */
interface RulePlan {
  rule: Rule;
  singles: ReadonlySet<string>;
  /** `table.field` references. */
  columns: ReadonlySet<string>;
  /** Lists whose started rows the rule sees (through a column, or by name). */
  tables: ReadonlySet<string>;
  reach: 'row' | 'group' | 'whole';
  /** The one list of a row or group rule, and a group rule's column. */
  table?: string;
  column?: string;
}

const rulePlans = new WeakMap<FormDefinition, RulePlan[]>();

function plansOf(form: FormDefinition): RulePlan[] {
  let plans = rulePlans.get(form);
  if (plans) return plans;
  plans = form.rules.map((rule): RulePlan => {
    const refs = ruleRefs(rule);
    const singles = new Set<string>();
    const columns = new Set<string>();
    const tables = new Set<string>(refs.tables ?? []);
    for (const ref of refs.fields ?? []) {
      const dot = ref.indexOf('.');
      if (dot < 0) singles.add(ref);
      else {
        columns.add(ref);
        tables.add(ref.slice(0, dot));
      }
    }
    const table = tables.size === 1 ? [...tables][0] : undefined;
    const byColumnsOnly = singles.size === 0 && (refs.tables ?? []).length === 0 && table !== undefined;
    if (byColumnsOnly && ROW_KINDS.has(rule.kind)) return { rule, singles, columns, tables, reach: 'row', table };
    if (byColumnsOnly && GROUP_KEYS[rule.kind] && columns.size === 1)
      return { rule, singles, columns, tables, reach: 'group', table, column: [...columns][0] };
    return { rule, singles, columns, tables, reach: 'whole' };
  });
  rulePlans.set(form, plans);
  return plans;
}

/** A plan's list rows: each slot's row, and each row's slots. */
const rowsOfPlan = new WeakMap<SheetPlan, Map<string, Map<number, number[]>>>();

function rowSlots(plan: SheetPlan): Map<string, Map<number, number[]>> {
  const kept = rowsOfPlan.get(plan);
  if (kept) return kept;
  const found = new Map<string, Map<number, number[]>>();
  plan.slots.forEach((slot, at) => {
    if (slot.tableId === undefined) return;
    let rows = found.get(slot.tableId);
    if (!rows) found.set(slot.tableId, (rows = new Map<number, number[]>()));
    const row = slot.index ?? 0;
    const ats = rows.get(row);
    if (ats) ats.push(at);
    else rows.set(row, [at]);
  });
  rowsOfPlan.set(plan, found);
  return found;
}

/** A rule's view of the checker with one list narrowed to some rows (in order); everything else as it is. */
function narrowed(checker: FormChecker, table: string, rows: readonly number[]): RuleScope {
  const prefix = `${table}.`;
  return {
    today: checker.today,
    year: checker.year,
    params: checker.params,
    tables: checker.tables,
    slotsOf: (ref) => (ref.startsWith(prefix) ? checker.slotsInRows(ref, rows) : checker.slotsOf(ref)),
    sibling: (ref, near) => checker.sibling(ref, near),
    startedRows: (id) => checker.startedRows(id),
    listCell: (id, row) => checker.listCell(id, row),
  };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function byAt(problems: readonly PlacedProblem[]): Map<number, PlacedProblem[]> {
  const grouped = new Map<number, PlacedProblem[]>();
  for (const p of problems) {
    const list = grouped.get(p.at);
    if (list) list.push(p);
    else grouped.set(p.at, [p]);
  }
  return grouped;
}

function sameParams(a: PlacedProblem['params'], b: PlacedProblem['params']): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.is(a[k], b[k]));
}

/** Whether two lists of one slot's problems say the same. */
function sameProblems(a: readonly PlacedProblem[] | undefined, b: readonly PlacedProblem[] | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i] as PlacedProblem;
      return (
        p.code === q.code &&
        p.severity === q.severity &&
        p.label === q.label &&
        p.message === q.message &&
        p.unfilled === q.unfilled &&
        sameParams(p.params, q.params)
      );
    })
  );
}

/** What the last check of a sheet found, kept per slot so that a change replaces only what it touched. */
interface Kept {
  form: FormDefinition;
  plan: SheetPlan;
  optionsKey: string;
  values: readonly CellValue[];
  checks: readonly FieldCheck[];
  untouched: boolean;
  /** Each list's started rows. */
  started: Map<string, Set<number>>;
  /** Per slot: its own value's problems. */
  fieldAt: (PlacedProblem[] | undefined)[];
  /** Per rule, in the form's order: its problems by slot. */
  ruleAt: Map<number, PlacedProblem[]>[];
  /** Per group rule: each started row's key, and the rows of each key. */
  groups: Map<number, { keyOf: Map<number, string>; rowsOf: Map<string, Set<number>> }>;
  /** Per slot: its problems as listed. */
  listed: (Problem[] | undefined)[];
  result: Problem[];
}

/** More changed slots than this share of them: checked whole (a paste over the list costs no more that way). */
const WHOLE_SHARE = 0.25;

/**
 * checkForm, again and again on one sheet as it changes: each check does again only what the change can have changed
 * — the field checks of the slots that changed, the rows they are in, and the rules that name them, a row rule in
 * those rows only and a group rule (unique) in the groups those rows left and joined — and keeps the rest. Its result
 * equals `checkForm(reading, options)` (test/rules/live-recheck.test.ts compares them over random edits). A reading
 * of another layout, other options or a form left blank is checked whole.
 */
export class FormRecheck {
  private kept: Kept | undefined;

  check(reading: FormReading, options: CheckOptions): Problem[] {
    const optionsKey = `${options.today}\u0000${options.unfilled ?? 'error'}`;
    const kept = this.kept;
    if (!kept || kept.plan !== reading.plan || kept.form !== reading.form || kept.optionsKey !== optionsKey)
      return this.whole(reading, options, optionsKey);
    const changed: number[] = [];
    for (let at = 0; at < reading.values.length; at++) if (!Object.is(reading.values[at], kept.values[at])) changed.push(at);
    if (changed.length === 0) return kept.result;
    const checker = new FormChecker(reading, options, kept);
    if (kept.untouched || checker.untouched || changed.length > reading.values.length * WHOLE_SHARE)
      return this.whole(reading, options, optionsKey, checker);
    return this.part(kept, reading, checker, changed);
  }

  /** Forgets the sheet: its next check is whole. */
  forget(): void {
    this.kept = undefined;
  }

  private whole(reading: FormReading, options: CheckOptions, optionsKey: string, given?: FormChecker): Problem[] {
    const checker = given ?? new FormChecker(reading, options);
    const base = { form: reading.form, plan: reading.plan, optionsKey, values: reading.values, checks: checker.checks };
    if (checker.untouched) {
      const result = checker.run();
      this.kept = { ...base, untouched: true, started: new Map(), fieldAt: [], ruleAt: [], groups: new Map(), listed: [], result };
      return result;
    }
    const slots = reading.plan.slots.length;
    const fieldAt: (PlacedProblem[] | undefined)[] = new Array(slots);
    for (const [at, list] of byAt(checker.fieldProblems(checker.checks.keys()))) fieldAt[at] = list;
    const started = new Map(reading.plan.tables.map((t) => [t.id, new Set(checker.startedRows(t.id))]));
    const groups: Kept['groups'] = new Map();
    const plans = plansOf(reading.form);
    const ruleAt = plans.map((plan, i) => {
      if (plan.reach === 'group') groups.set(i, this.groupsOf(checker, plan));
      return byAt(checker.ruleProblems(plan.rule));
    });
    const kept: Kept = { ...base, untouched: false, started, fieldAt, ruleAt, groups, listed: new Array(slots), result: [] };
    for (let at = 0; at < slots; at++) this.list(kept, at);
    kept.result = this.flatten(kept);
    this.kept = kept;
    return kept.result;
  }

  private groupsOf(checker: FormChecker, plan: RulePlan): { keyOf: Map<number, string>; rowsOf: Map<string, Set<number>> } {
    const key = GROUP_KEYS[plan.rule.kind] as (entry: RuleEntry) => string | undefined;
    const keyOf = new Map<number, string>();
    const rowsOf = new Map<string, Set<number>>();
    for (const entry of checker.slotsOf(plan.column as string)) {
      const k = key(entry);
      if (k === undefined) continue;
      const row = entry.slot.index ?? 0;
      keyOf.set(row, k);
      let rows = rowsOf.get(k);
      if (!rows) rowsOf.set(k, (rows = new Set()));
      rows.add(row);
    }
    return { keyOf, rowsOf };
  }

  private part(kept: Kept, reading: FormReading, checker: FormChecker, changed: readonly number[]): Problem[] {
    const slots = reading.plan.slots;
    const rowsOf = rowSlots(reading.plan);
    const changedSingles = new Set<string>();
    const changedColumns = new Set<string>();
    const changedRows = new Map<string, Set<number>>();
    const redo: number[] = [];
    for (const at of changed) {
      const slot = slots[at] as (typeof slots)[number];
      if (slot.tableId === undefined) {
        changedSingles.add(slot.field.id);
        redo.push(at);
        continue;
      }
      changedColumns.add(`${slot.tableId}.${slot.field.id}`);
      let rows = changedRows.get(slot.tableId);
      if (!rows) changedRows.set(slot.tableId, (rows = new Set()));
      rows.add(slot.index ?? 0);
    }
    // Rows started or no longer started: what every rule over their list sees changes.
    const flipped = new Set<string>();
    for (const [table, rows] of changedRows) {
      let started = kept.started.get(table);
      if (!started) kept.started.set(table, (started = new Set()));
      for (const row of rows) {
        redo.push(...(rowsOf.get(table)?.get(row) ?? []));
        const now = checker.isStarted(table, row);
        if (now === started.has(row)) continue;
        flipped.add(table);
        if (now) started.add(row);
        else started.delete(row);
      }
    }
    const touched = new Set<number>(redo);
    const found = byAt(checker.fieldProblems(redo));
    for (const at of redo) kept.fieldAt[at] = found.get(at);

    plansOf(reading.form).forEach((plan, i) => {
      const hit =
        [...plan.singles].some((f) => changedSingles.has(f)) ||
        [...plan.columns].some((c) => changedColumns.has(c)) ||
        [...plan.tables].some((t) => flipped.has(t));
      if (!hit) return;
      let rows: number[] | undefined;
      if (plan.reach === 'row') rows = [...(changedRows.get(plan.table as string) ?? [])];
      else if (plan.reach === 'group') rows = this.regroup(kept, i, plan, checker, changedRows.get(plan.table as string));
      let affected: Set<number> | undefined;
      let problems: PlacedProblem[] | undefined;
      if (rows) {
        rows.sort((a, b) => a - b);
        const table = rowsOf.get(plan.table as string);
        affected = new Set(rows.flatMap((row) => table?.get(row) ?? []));
        problems = checker.ruleProblems(plan.rule, narrowed(checker, plan.table as string, rows));
        // A finding outside the rows looked at would mean the kind reaches further than said: found again whole.
        if (problems.some((p) => !(affected as Set<number>).has(p.at))) problems = undefined;
      }
      if (!problems) {
        problems = checker.ruleProblems(plan.rule);
        affected = undefined;
      }
      const now = byAt(problems);
      const had = kept.ruleAt[i] as Map<number, PlacedProblem[]>;
      const ats = affected ?? new Set([...had.keys(), ...now.keys()]);
      for (const at of ats) {
        const list = now.get(at);
        if (sameProblems(had.get(at), list)) continue;
        if (list) had.set(at, list);
        else had.delete(at);
        touched.add(at);
      }
    });
    for (const at of touched) this.list(kept, at);
    kept.values = reading.values;
    kept.checks = checker.checks;
    kept.result = this.flatten(kept);
    return kept.result;
  }

  /**
   * A group rule's rows to find again: the changed rows, and every row of the keys they had and have now; the kept
   * keys are brought up to date.
   */
  private regroup(kept: Kept, i: number, plan: RulePlan, checker: FormChecker, changed: ReadonlySet<number> | undefined): number[] {
    const groups = kept.groups.get(i) as { keyOf: Map<number, string>; rowsOf: Map<string, Set<number>> };
    const key = GROUP_KEYS[plan.rule.kind] as (entry: RuleEntry) => string | undefined;
    const keys = new Set<string>();
    const rows = new Set<number>(changed ?? []);
    for (const row of changed ?? []) {
      const old = groups.keyOf.get(row);
      if (old !== undefined) {
        keys.add(old);
        groups.rowsOf.get(old)?.delete(row);
        groups.keyOf.delete(row);
      }
      const entry = checker.slotsInRows(plan.column as string, [row])[0];
      const now = entry && key(entry);
      if (now === undefined) continue;
      keys.add(now);
      groups.keyOf.set(row, now);
      let members = groups.rowsOf.get(now);
      if (!members) groups.rowsOf.set(now, (members = new Set()));
      members.add(row);
    }
    for (const k of keys) for (const row of groups.rowsOf.get(k) ?? []) rows.add(row);
    return [...rows];
  }

  /** A slot's problems as listed: its own first, then each rule's in the form's order, the worst first (a stable sort). */
  private list(kept: Kept, at: number): void {
    const placed: PlacedProblem[] = [...(kept.fieldAt[at] ?? [])];
    for (const rule of kept.ruleAt) placed.push(...(rule.get(at) ?? []));
    placed.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
    kept.listed[at] = placed.length > 0 ? placed.map(publicProblem) : undefined;
  }

  private flatten(kept: Kept): Problem[] {
    const result: Problem[] = [];
    for (const list of kept.listed) if (list) for (const p of list) result.push(p);
    return result;
  }
}
