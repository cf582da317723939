import type { Problem } from '../rules/check-form';
import type { MergeResult, SheetReport } from '../merge/merge-returns';
import { unitKey } from '../merge/roster';

/**
 * Who has sent what (issue 14 §1): per unit and per form of the notice, whether it came, whether on time, how many
 * errors and warnings its return still has, and whether a later return corrected an earlier one.
 */
export interface FormStatus {
  form: string;
  /** The form's Chinese name, for people. */
  title: string;
  submitted: boolean;
  /** Sent after the deadline (the last day counts whole, in Shanghai time); false when not sent or no deadline. */
  late: boolean;
  /** YYYY-MM-DD, when there is one. */
  deadline: string | undefined;
  errors: number;
  warnings: number;
  /** A later return of the unit replaced an earlier one. */
  corrected: boolean;
  /** Not sent on this 届次's form, but on another's (held back, not summed): the unit has reported, on the wrong form. */
  otherEdition: boolean;
  /** For otherEdition: the form as sent (《第六届…》) and as asked for (《第七届…》). */
  editions?: { sent: string; wanted: string };
  /** The files of the returns that count (the latest of each record). */
  files: string[];
}

export interface UnitStatus {
  unit: string;
  onRoster: boolean;
  /**
   * complete: every form owed came; partial: some did; otherEdition: none on this 届次's form, some on another's
   * (已报（届次不符）: asked again for this one, never 未报送); missing: none did.
   */
  status: 'complete' | 'partial' | 'otherEdition' | 'missing';
  forms: FormStatus[];
}

export interface StatusOptions {
  /** The expected units, as the clerk listed them. */
  roster: readonly string[];
  /** A form's deadline (YYYY-MM-DD), from its notice; undefined when the notice sets none. */
  deadlineOf: (formId: string) => string | undefined;
  /** One deadline for every form, given by the clerk (`--deadline`, the pane's date): it wins over the notice's. */
  deadline?: string;
  /** When a file was last saved (ms since 1970), as its host knows it; files without a time are never late. */
  modifiedOf: (file: string) => number | undefined;
}

/** Shanghai keeps UTC+8 all year: a deadline day ends at 24:00 there. */
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** The first moment after the deadline day, in ms since 1970. */
export function endOfDeadlineDay(deadline: string): number {
  const [y, m, d] = deadline.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d + 1) - SHANGHAI_OFFSET_MS;
}

interface Sent {
  report: SheetReport;
  file: string;
}

interface Owed {
  id: string;
  title: string;
  notice: string;
}

/**
 * The forms each roster unit owes, notice by notice, as merge-returns decides who owes what: of a notice, the forms
 * some roster unit sent (a form only enterprises send, such as 申请表, is owed by no district). A unit owes them for
 * every notice it sent any form of; a unit that sent nothing owes those of the notice most roster units sent to.
 */
function owedForms(result: MergeResult, rosterUnitOf: (unit: string) => string | undefined): (unit: string) => Owed[] {
  const noticeOf = new Map(result.forms.map(({ form }) => [form.id, form.notice.docNo]));
  const sentByRoster = new Set<string>();
  const noticesOfUnit = new Map<string, Set<string>>();
  for (const input of result.inputs)
    for (const s of input.sheets) {
      if (!s.form || !(s.used || s.replaced || s.otherEdition) || !s.unit.trim()) continue;
      const onRoster = rosterUnitOf(s.unit);
      if (onRoster !== undefined) sentByRoster.add(s.form);
      const unit = onRoster ?? s.unit.trim();
      const notices = noticesOfUnit.get(unit) ?? new Set<string>();
      notices.add(noticeOf.get(s.form) ?? '');
      noticesOfUnit.set(unit, notices);
    }
  const owed: Owed[] = result.forms
    .filter(({ form }) => sentByRoster.has(form.id))
    .map(({ form }) => ({ id: form.id, title: form.sheetName, notice: form.notice.docNo }));
  const senders = new Map<string, number>();
  for (const [unit, notices] of noticesOfUnit)
    if (rosterUnitOf(unit) !== undefined) for (const n of notices) senders.set(n, (senders.get(n) ?? 0) + 1);
  const most = Math.max(0, ...senders.values());
  const main = new Set([...senders].filter(([, n]) => n === most).map(([notice]) => notice));
  return (unit) => {
    const notices = noticesOfUnit.get(unit) ?? main;
    return owed.filter((f) => notices.has(f.notice));
  };
}

const count = (issues: readonly Problem[], severity: Problem['severity']): number => issues.filter((p) => p.severity === severity).length;

/**
 * The roster's name for a unit as a return typed it: the merge's own match (rosterMatches, made after normalising),
 * else the same unitKey; undefined when the unit is not on the roster.
 */
export function rosterUnitResolver(result: MergeResult, roster: readonly string[]): (unit: string) => string | undefined {
  const rosterByKey = new Map(roster.map((u) => [unitKey(u), u.trim()]));
  const matchedBy = new Map(result.rosterMatches.map((m) => [m.unit, m.rosterUnit]));
  return (unit) => matchedBy.get(unit) ?? rosterByKey.get(unitKey(unit));
}

export function collectionStatus(result: MergeResult, options: StatusOptions): UnitStatus[] {
  const rosterUnitOf = rosterUnitResolver(result, options.roster);
  const rosterUnits = [...new Map(options.roster.map((u) => [unitKey(u), u.trim()])).values()];

  // Every return that counts (used) and every one replaced, by unit and form.
  const used = new Map<string, Sent[]>();
  const replaced = new Set<string>();
  for (const input of result.inputs)
    for (const report of input.sheets) {
      if (!report.form || !report.unit) continue;
      const unit = rosterUnitOf(report.unit) ?? report.unit.trim();
      const key = `${unit}\u0000${report.form}`;
      if (report.replaced) replaced.add(key);
      else if (report.used) used.set(key, [...(used.get(key) ?? []), { report, file: input.file }]);
    }

  const otherEdition = new Map(result.otherEditions.map((o) => [`${rosterUnitOf(o.unit) ?? o.unit.trim()}\u0000${o.form}`, o]));
  const owedBy = owedForms(result, rosterUnitOf);
  const formsOf = (unit: string): FormStatus[] =>
    owedBy(unit).map(({ id, title }) => {
      const sent = used.get(`${unit}\u0000${id}`) ?? [];
      const deadline = options.deadline ?? options.deadlineOf(id);
      const times = sent.map((s) => options.modifiedOf(s.file)).filter((t): t is number => t !== undefined);
      return {
        form: id,
        title,
        submitted: sent.length > 0,
        late: deadline !== undefined && times.some((t) => t >= endOfDeadlineDay(deadline)),
        deadline,
        errors: sent.reduce((n, s) => n + count(s.report.issues, 'error'), 0),
        warnings: sent.reduce((n, s) => n + count(s.report.issues, 'warning'), 0),
        corrected: replaced.has(`${unit}\u0000${id}`),
        otherEdition: sent.length === 0 && otherEdition.has(`${unit}\u0000${id}`),
        ...(sent.length === 0 && otherEdition.has(`${unit}\u0000${id}`)
          ? { editions: { sent: otherEdition.get(`${unit}\u0000${id}`)!.sent, wanted: otherEdition.get(`${unit}\u0000${id}`)!.wanted } }
          : {}),
        files: [...new Set(sent.map((s) => s.file))],
      };
    });
  const statusOf = (forms: readonly FormStatus[]): UnitStatus['status'] => {
    const sent = forms.filter((f) => f.submitted).length;
    if (sent === 0) return forms.some((f) => f.otherEdition) ? 'otherEdition' : 'missing';
    return sent === forms.length ? 'complete' : 'partial';
  };

  const units: UnitStatus[] = rosterUnits.map((unit) => {
    const forms = formsOf(unit);
    return { unit, onRoster: true, status: statusOf(forms), forms };
  });
  for (const unit of result.offRoster) {
    const forms = formsOf(unit.trim());
    units.push({ unit: unit.trim(), onRoster: false, status: statusOf(forms), forms });
  }
  return units;
}
