import type { CellValue } from '../cell-value';
import type { Field } from '../form-schema';
import { planSheet } from '../layout';
import type { DateRange, FieldValue } from '../rules/field-rules';
import type { FormRecords, InputStatus, MergeResult, MergedRecord } from './merge-returns';
import { studioAnalysis, type MergeCheck, type StudioAnalysis } from './studio-checks';

export type SummaryValue = string | number | Date | null;

/** A summary sheet as data: every host writes it the same way. Values are values, never formulas. */
export interface SummaryTable {
  sheetName: string;
  title: string;
  formId: string | null;
  header: string[];
  rows: SummaryValue[][];
  totals: SummaryValue[] | undefined;
  /** Per column: how to show the values. */
  formats: ('text' | 'number' | 'date')[];
  /** Computed from the records (statistics, cross-checks) rather than one row per record; record tables leave it out. */
  derived?: boolean;
}

/** Characters a value shows in a cell (a date as yyyy-mm-dd). */
function shownLength(value: SummaryValue): number {
  if (value === null || value === undefined) return 0;
  if (value instanceof Date) return 10;
  return String(value).length;
}

/** Each column's width in characters, for every writer: wide enough for its header and longest value, 8 to 50. */
export function summaryColumnWidths(table: SummaryTable, columns = table.header.length): number[] {
  const body = [...table.rows, ...(table.totals ? [table.totals] : [])];
  return Array.from({ length: columns }, (_, j) => {
    let longest = (table.header[j] ?? '').length * 2;
    for (const row of body) longest = Math.max(longest, shownLength(row[j] ?? null) * 1.6);
    return Math.min(50, Math.max(8, Math.round(longest)));
  });
}

const STATUS_WORDS: Record<InputStatus, string> = {
  merged: '已合并',
  'merged-with-problems': '已合并（有问题）',
  skipped: '跳过',
  unreadable: '无法读取',
  replaced: '已被较新的文件代替',
};

function show(field: Field, value: FieldValue | CellValue): SummaryValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'object') return `${(value as DateRange).start}至${(value as DateRange).end}`;
  if (field.type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
  if (typeof value === 'boolean') return value ? '是' : '否';
  return value;
}

function formatOf(field: Field): 'text' | 'number' | 'date' {
  if (field.type === 'integer') return 'number';
  if (field.type === 'date' && !field.range) return 'date';
  return 'text';
}

interface ExtraColumn {
  header: string;
  value: (record: MergedRecord) => SummaryValue;
}

function tableOf(
  records: MergedRecord[],
  fields: Field[],
  sheetName: string,
  title: string,
  formId: string,
  extra: ExtraColumn[] = [],
): SummaryTable {
  const header = ['单位', ...fields.map((f) => f.label), ...extra.map((e) => e.header), '来源文件', '工作表', '问题数'];
  const rows = records.map((r) => [
    r.unit || null,
    ...fields.map((f) => show(f, r.values[f.id])),
    ...extra.map((e) => e.value(r)),
    r.file,
    r.sheet,
    r.problems,
  ]);
  const totals: SummaryValue[] = [
    `合计（${records.length}）`,
    ...fields.map((f) => {
      if (f.type === 'integer')
        return records.reduce((n, r) => n + (typeof r.values[f.id] === 'number' ? (r.values[f.id] as number) : 0), 0);
      if (f.type === 'yesNo' || f.type === 'check') return records.filter((r) => r.values[f.id] === '是' || r.values[f.id] === '√').length;
      return null;
    }),
    ...extra.map(() => null),
    null,
    null,
    records.reduce((n, r) => n + r.problems, 0),
  ];
  const formats = [
    'text',
    ...fields.map(formatOf),
    ...extra.map(() => 'text' as const),
    'text',
    'text',
    'number',
  ] as SummaryTable['formats'];
  return { sheetName, title, formId, header, rows, totals, formats };
}

/**
 * The summary sheets of a merge: per form, the returns as one table and/or their list rows as another; then the
 * tables derived from them (the workshop statistics).
 */
export function summaryTables(result: MergeResult): SummaryTable[] {
  const studio = studioAnalysis(result);
  const tables: SummaryTable[] = [];
  for (const entry of result.forms) tables.push(...formSummaries(entry, studio));
  tables.push(...studio.tables);
  return tables;
}

/** Findings across returns (the workshop cross-checks), also listed in 合并报告. */
export function mergeChecks(result: MergeResult): MergeCheck[] {
  return studioAnalysis(result).checks;
}

function extraColumns(formId: string, list: boolean, studio: StudioAnalysis): ExtraColumn[] {
  const notes: ExtraColumn = { header: '核对', value: (r) => studio.notes.get(r)?.join('；') ?? null };
  if (formId === 'studio-summary' && list) return [notes];
  if (formId === 'studio-application' && !list)
    return [{ header: '推荐区局（产业）工会', value: (r) => studio.districtOf.get(r) ?? null }, notes];
  return [];
}

function formSummaries({ form, sheetRecords, rowRecords }: FormRecords, studio: StudioAnalysis): SummaryTable[] {
  const plan = planSheet(form);
  const singles = plan.slots.filter((s) => s.tableId === undefined && s.field.id !== form.unitFieldId).map((s) => s.field);
  const tableFields = plan.slots.filter((s) => s.tableId === form.merge.table && s.index === 0).map((s) => s.field);
  const name = form.merge.summaryName;
  const both = form.merge.sheetRecord && form.merge.table !== undefined;
  const out: SummaryTable[] = [];
  if (form.merge.sheetRecord) {
    const sheetName = both ? `${name}-单位` : name;
    out.push(tableOf(sheetRecords, singles, sheetName, `${plan.title}（汇总）`, form.id, extraColumns(form.id, false, studio)));
  }
  if (form.merge.table) {
    const sheetName = both ? `${name}-名单` : name;
    out.push(tableOf(rowRecords, tableFields, sheetName, `${plan.title}（名单汇总）`, form.id, extraColumns(form.id, true, studio)));
  }
  return out;
}

/** 合并报告: every input file and sheet with its verdict, the units that sent nothing, and the findings across returns. */
export function reportTable(result: MergeResult): SummaryTable {
  const rows: SummaryValue[][] = [];
  for (const input of result.inputs) {
    if (input.sheets.length === 0) rows.push([input.file, STATUS_WORDS[input.status], input.message, null, null, null, null, null, null]);
    for (const s of input.sheets) {
      rows.push([
        input.file,
        STATUS_WORDS[input.status],
        [input.message, s.message].filter(Boolean).join(' '),
        s.sheet,
        s.form,
        s.unit || null,
        s.method === 'marker' ? '标记' : s.method === 'labels' ? '标题和栏目' : null,
        s.records,
        s.problems,
      ]);
    }
  }
  for (const unit of result.missing)
    rows.push([null, '未报送', `名单中的单位“${unit}”没有报送任何表格。`, null, null, unit, null, 0, null]);
  for (const check of mergeChecks(result)) {
    const files = [...new Set(check.sources.map((s) => s.file))];
    const sheets = [...new Set(check.sources.map((s) => s.sheet))];
    rows.push([
      files.join('、') || null,
      check.severity === 'warning' ? '需核对' : '提示',
      check.message,
      sheets.join('、') || null,
      check.form,
      check.units.join('、') || null,
      null,
      null,
      null,
    ]);
  }
  return {
    sheetName: '合并报告',
    title: '合并报告',
    formId: null,
    header: ['文件', '结果', '说明', '工作表', '表格', '单位', '识别方式', '记录数', '问题数'],
    rows,
    totals: undefined,
    formats: ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'number', 'number'],
  };
}
