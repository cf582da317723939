import type { FormRecords, MergedRecord } from './merge-returns';
import type { SummaryTable, SummaryValue } from './summaries';

/** A finding across returns (not within one sheet): written into 合并报告 and the CLI's JSON report. */
export interface MergeCheck {
  /** Stable name of what was found, given by the check that found it (e.g. over-quota). */
  kind: string;
  severity: 'warning' | 'info';
  form: string;
  /** The units concerned. */
  units: string[];
  /** The record concerned by name (a workshop), when there is one. */
  studio: string | null;
  sources: { file: string; sheet: string }[];
  message: string;
}

/** A limit the notice sets on how many recommendations of some kinds there may be (25 工匠工作室). */
export interface Quota {
  /** The option values (of the check's own field) that share the quota. */
  options: readonly string[];
  quota: number;
  label: string;
}

/** A minimum share the notice sets (非公企业 ≥ 50% of the units a district recommends). */
export interface Share {
  id: string;
  /** The option values that count towards the share. */
  options: readonly string[];
  /** 0 to 1. */
  min: number;
}

/** The numbers a notice states, handed to its cross-form checks. */
export interface NoticeLimits {
  quotas: readonly Quota[];
  shares: readonly Share[];
}

/** A column a check adds to a form's record table (核对 beside each row). */
export interface RecordColumn {
  form: string;
  /** 'sheet' for the table of returns, 'list' for the table of list rows. */
  table: 'sheet' | 'list';
  header: string;
  value: (record: MergedRecord) => SummaryValue;
}

export interface CrossFormInput {
  /** The merged records of the notice's forms that were sent, by form id. */
  records: ReadonlyMap<string, FormRecords>;
  params: NoticeLimits;
}

export interface CrossFormOutput {
  findings: MergeCheck[];
  /** Extra summary sheets (statistics, quotas), after the record tables. */
  tables: SummaryTable[];
  columns: RecordColumn[];
}

/** A check across the returns of several forms of one notice, supplied by that notice with its own numbers. */
export interface CrossFormCheck {
  id: string;
  run(input: CrossFormInput): CrossFormOutput;
}

/** The notice's part that its checks need: its limits, its checks, and which forms are its own. */
export interface CheckingNotice extends NoticeLimits {
  crossFormChecks: readonly CrossFormCheck[];
  forms: readonly { id: string }[];
}

/** Every notice's cross-form checks run over the records of its forms, in the catalogue's order. */
export function runCrossFormChecks(forms: readonly FormRecords[], notices: readonly CheckingNotice[]): CrossFormOutput {
  const out: CrossFormOutput = { findings: [], tables: [], columns: [] };
  for (const notice of notices) {
    if (notice.crossFormChecks.length === 0) continue;
    const own = new Set(notice.forms.map((f) => f.id));
    const records = new Map(forms.filter((f) => own.has(f.form.id)).map((f) => [f.form.id, f]));
    for (const check of notice.crossFormChecks) {
      const result = check.run({ records, params: { quotas: notice.quotas, shares: notice.shares } });
      out.findings.push(...result.findings);
      out.tables.push(...result.tables);
      out.columns.push(...result.columns);
    }
  }
  return out;
}
