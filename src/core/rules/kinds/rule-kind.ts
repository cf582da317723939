import type { z } from 'zod';
import type { ProblemParams, Wordings } from '../../messages/wording';
import type { FieldRef, Identifier, Severity, SeverityName } from '../../schema-atoms';
import type { PlannedTable } from '../../sheet-plan';
import type { FieldSlot } from '../../sheet-plan';
import type { FieldValue } from '../field-rules';

/** One input cell of the read form, as a rule sees it. */
export interface RuleEntry {
  slot: FieldSlot;
  /** The checked value, or undefined when the cell is blank or wrong. */
  value: FieldValue | undefined;
  blank: boolean;
  /** For a blank count, the not-applicable mark typed in it ("/", "—", "无"); undefined when it was left empty. */
  notApplicable?: string;
  /** The slot's position in the layout (problems are listed in reading order). */
  at: number;
}

/** What a rule sees of a read, field-checked form. */
export interface RuleScope {
  /** Today as YYYY-MM-DD. */
  today: string;
  /** The form's year parameter, when it has one. */
  year: number | undefined;
  params: Readonly<Record<string, string | number>>;
  tables: readonly PlannedTable[];
  /** The slots a reference names: one for a field, one per started row for `table.field`. */
  slotsOf(ref: string): RuleEntry[];
  /** The slot of the same row as `near` for a `table.field` reference, or the field's only slot. */
  sibling(ref: string, near: FieldSlot): RuleEntry | undefined;
  /** The row indexes of a list in which anything but the row number is filled in, in order. */
  startedRows(tableId: string): number[];
  /** The cell of a list's first column in the given row (or its first row): where a problem about the whole list is shown. */
  listCell(tableId: string, row: number): RuleEntry | undefined;
}

/** One thing a rule found wrong, before it becomes a Problem. */
export interface RuleFinding<C extends string = string> {
  entry: RuleEntry;
  severity: SeverityName;
  code: C;
  params: ProblemParams;
  /** The label shown instead of the field's (a list's name, for a problem about the whole list). */
  label?: string;
  /** A cell that should be filled in and is empty: 未填 while the form is being filled in (CheckOptions.unfilled). */
  empty?: boolean;
}

/** The field ids (`field` or `table.field`), list ids and monthDay params a rule names: checked when a form loads. */
export interface RuleRefs {
  fields?: readonly string[];
  tables?: readonly string[];
  monthDayParams?: readonly string[];
}

/** The zod builders a kind's schema may use (add one here and in rule-schema.ts when a kind needs it). */
export type ZodBuilder = 'object' | 'literal' | 'array' | 'string' | 'number' | 'boolean';

/**
 * What a kind's schema is built from, handed in by rule-schema.ts: the kinds' modules import no zod themselves, so
 * that checking a form loads none (only reading a definition from outside does, through form-schema.ts).
 */
export interface SchemaParts {
  /** Only zod's builders the kinds use, each named: handing in the whole namespace would keep all of zod in the bundle. */
  z: Pick<typeof z, ZodBuilder>;
  FieldRef: typeof FieldRef;
  Identifier: typeof Identifier;
  Severity: typeof Severity;
}

/**
 * A kind of rule across fields: its schema (a `kind` literal and its settings), the names it refers to, its
 * evaluation, and the wording of every problem code it reports, in every language.
 */
export interface RuleKind<K extends string, S extends z.ZodObject<{ kind: z.ZodLiteral<K> }>, C extends string> {
  kind: K;
  schema(parts: SchemaParts): S;
  refs(rule: z.output<S>): RuleRefs;
  check(rule: z.output<S>, scope: RuleScope): RuleFinding<C>[];
  messages: Wordings<C>;
}

/** Declares a rule kind, keeping its types exact (the registry builds the form schema's union from them). */
export function ruleKind<K extends string, S extends z.ZodObject<{ kind: z.ZodLiteral<K> }>, C extends string>(
  kind: RuleKind<K, S, C>,
): RuleKind<K, S, C> {
  return kind;
}
