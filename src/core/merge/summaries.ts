import type { CellValue } from '../cell-value';
import type { Field } from '../form-schema';
import { planSheet } from '../layout';
import type { DateRange, FieldValue } from '../rules/field-rules';
import type { FormRecords, InputStatus, MergeResult, MergedRecord } from './merge-returns';

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

function tableOf(records: MergedRecord[], fields: Field[], sheetName: string, title: string, formId: string): SummaryTable {
  const header = ['单位', ...fields.map((f) => f.label), '来源文件', '工作表', '问题数'];
  const rows = records.map((r) => [r.unit || null, ...fields.map((f) => show(f, r.values[f.id])), r.file, r.sheet, r.problems]);
  const totals: SummaryValue[] = [
    `合计（${records.length}）`,
    ...fields.map((f) => {
      if (f.type === 'integer')
        return records.reduce((n, r) => n + (typeof r.values[f.id] === 'number' ? (r.values[f.id] as number) : 0), 0);
      if (f.type === 'yesNo' || f.type === 'check') return records.filter((r) => r.values[f.id] === '是' || r.values[f.id] === '√').length;
      return null;
    }),
    null,
    null,
    records.reduce((n, r) => n + r.problems, 0),
  ];
  return { sheetName, title, formId, header, rows, totals, formats: ['text', ...fields.map(formatOf), 'text', 'text', 'number'] };
}

/** The summary sheets of a merge: per form, the returns as one table and/or their list rows as another. */
export function summaryTables(result: MergeResult): SummaryTable[] {
  const tables: SummaryTable[] = [];
  for (const entry of result.forms) tables.push(...formSummaries(entry));
  return tables;
}

function formSummaries({ form, sheetRecords, rowRecords }: FormRecords): SummaryTable[] {
  const plan = planSheet(form);
  const singles = plan.slots.filter((s) => s.tableId === undefined && s.field.id !== form.unitFieldId).map((s) => s.field);
  const tableFields = plan.slots.filter((s) => s.tableId === form.merge.table && s.index === 0).map((s) => s.field);
  const name = form.merge.summaryName;
  const both = form.merge.sheetRecord && form.merge.table !== undefined;
  const out: SummaryTable[] = [];
  if (form.merge.sheetRecord) out.push(tableOf(sheetRecords, singles, both ? `${name}-单位` : name, `${plan.title}（汇总）`, form.id));
  if (form.merge.table) out.push(tableOf(rowRecords, tableFields, both ? `${name}-名单` : name, `${plan.title}（名单汇总）`, form.id));
  return out;
}

/** 合并报告: every input file and sheet with its verdict, and the units that sent nothing. */
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
