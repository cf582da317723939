import { cellText, type CellValue } from '../cell-value';
import type { Field } from '../form-schema';
import { planSheet } from '../layout';
import { SEVERITY_WORDS } from '../rules/check-form';
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

/** A Date of the calendar day of an ISO date (UTC midnight, as the writers expect). */
const dayOf = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/**
 * What a summary shows for a field: text as the clerk typed it (a phone number keeps its dashes), numbers as numbers,
 * dates as real dates, options as the option chosen; a value the rules did not accept, as typed.
 */
export function shownValue(field: Field, value: FieldValue | CellValue, typed: CellValue): SummaryValue {
  if (typed instanceof Date && field.type !== 'date') return typed;
  const asTyped = (): SummaryValue => {
    if (typed === null || typed === undefined) return value === null || value === undefined ? null : cellText(value as CellValue) || null;
    if (typed instanceof Date) return typed;
    const text = cellText(typed);
    return text === '' ? null : text;
  };
  if (value === null || value === undefined) return asTyped();
  switch (field.type) {
    case 'text':
    case 'longText':
    case 'phone':
    case 'postcode':
      return asTyped();
    case 'integer':
      return typeof value === 'number' ? value : asTyped();
    case 'date':
      if (value instanceof Date) return value;
      if (typeof value === 'object') {
        const { start, end } = value as DateRange;
        // a period of one day (举办时间 "2017.5.25") is that day
        return start === end ? dayOf(start) : `${start}至${end}`;
      }
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return dayOf(value);
      return asTyped();
    default:
      if (typeof value === 'boolean') return value ? '是' : '否';
      if (typeof value === 'string' || typeof value === 'number') return value;
      return asTyped();
  }
}

/** Integer fields that are quantities to add up (counts, 人数, 数量): not 序号, 年龄, 工作年限. */
function isQuantity(field: Field): boolean {
  return field.type === 'integer' && field.total;
}

/** A cell of a quantity column that is not a number ("约300", "十二人"): left out of the total, and said so. */
export interface UncountedCell {
  table: string;
  column: string;
  unit: string;
  file: string;
  sheet: string;
  cell: string;
  text: string;
}

function formatOf(field: Field): 'text' | 'number' | 'date' {
  if (field.type === 'integer') return 'number';
  if (field.type === 'date' && !field.range && !field.monthAllowed) return 'date';
  return 'text';
}

interface ExtraColumn {
  header: string;
  value: (record: MergedRecord) => SummaryValue;
  format?: 'text' | 'number' | 'date';
}

function tableOf(
  records: MergedRecord[],
  fields: Field[],
  names: { sheetName: string; title: string; formId: string },
  extra: ExtraColumn[],
  uncounted: UncountedCell[],
): SummaryTable {
  const { sheetName, title, formId } = names;
  const header = ['单位', ...fields.map((f) => f.label), ...extra.map((e) => e.header), '来源文件', '工作表', '问题数'];
  const rows = records.map((r) => [
    r.unit || null,
    ...fields.map((f) => shownValue(f, r.values[f.id], r.typed[f.id])),
    ...extra.map((e) => e.value(r)),
    r.file,
    r.sheet,
    r.problems,
  ]);
  const totals: SummaryValue[] = [
    `合计（${records.length}）`,
    ...fields.map((f) => totalOf(f, records, sheetName, uncounted)),
    ...extra.map(() => null),
    null,
    null,
    records.reduce((n, r) => n + r.problems, 0),
  ];
  const formats = [
    'text',
    ...fields.map(formatOf),
    ...extra.map((e) => e.format ?? 'text'),
    'text',
    'text',
    'number',
  ] as SummaryTable['formats'];
  return { sheetName, title, formId, header, rows, totals, formats };
}

/**
 * A column's 合计: the sum of a quantity (a value that is not a number is never silently left out: the total says
 * so and the report lists the cell), the count of 是 or of ticks labelled as a count, nothing for other columns.
 */
function totalOf(field: Field, records: readonly MergedRecord[], table: string, uncounted: UncountedCell[]): SummaryValue {
  if (isQuantity(field)) {
    let sum = 0;
    let left = 0;
    for (const r of records) {
      const v = r.values[field.id];
      const text = cellText(r.typed[field.id] ?? null);
      if (typeof v === 'number') sum += v;
      else if (text !== '') {
        left++;
        uncounted.push({ table, column: field.label, unit: r.unit, file: r.file, sheet: r.sheet, cell: r.cells[field.id] ?? '', text });
      }
    }
    return left ? `${sum}（另有${left}格不是数字，未计入，见合并报告）` : sum;
  }
  if (field.type === 'yesNo') return `“是”${records.filter((r) => r.values[field.id] === '是').length}个`;
  if (field.type === 'check') return `勾选${records.filter((r) => r.values[field.id] === '√').length}个`;
  return null;
}

interface Summaries {
  tables: SummaryTable[];
  uncounted: UncountedCell[];
}

const built = new WeakMap<MergeResult, Summaries>();

function summariesOf(result: MergeResult): Summaries {
  let found = built.get(result);
  if (found) return found;
  const studio = studioAnalysis(result);
  const uncounted: UncountedCell[] = [];
  const tables: SummaryTable[] = [];
  for (const entry of result.forms) tables.push(...formSummaries(entry, studio, uncounted));
  tables.push(...studio.tables);
  built.set(result, (found = { tables, uncounted }));
  return found;
}

/**
 * The summary sheets of a merge: per form, the returns as one table and/or their list rows as another; then the
 * tables derived from them (the workshop statistics).
 */
export function summaryTables(result: MergeResult): SummaryTable[] {
  return summariesOf(result).tables;
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

function formSummaries(
  { form, sheetRecords, rowRecords }: FormRecords,
  studio: StudioAnalysis,
  uncounted: UncountedCell[],
): SummaryTable[] {
  const plan = planSheet(form);
  const singles = plan.slots.filter((s) => s.tableId === undefined && s.field.id !== form.unitFieldId).map((s) => s.field);
  const tableFields = plan.slots.filter((s) => s.tableId === form.merge.table && s.index === 0).map((s) => s.field);
  const name = form.merge.summaryName;
  const both = form.merge.sheetRecord && form.merge.table !== undefined;
  const out: SummaryTable[] = [];
  if (form.merge.sheetRecord) {
    const sheetName = both ? `${name}-单位` : name;
    const names = { sheetName, title: `${plan.title}（汇总）`, formId: form.id };
    out.push(tableOf(sheetRecords, singles, names, extraColumns(form.id, false, studio), uncounted));
  }
  if (form.merge.table) {
    const sheetName = both ? `${name}-名单` : name;
    // Each list row says which return it belongs to (工作室名称 for a workshop's members).
    const identity: ExtraColumn[] = form.merge.sameReturnBy.map((id) => ({
      header: singles.find((f) => f.id === id)?.label ?? id,
      value: (r) => r.identity[id] || null,
    }));
    // A list form without a summary of its own returns repeats each return's own fields (联系人, 联系电话) on its rows.
    const ofReturn: ExtraColumn[] = form.merge.sheetRecord
      ? []
      : singles.map((f) => ({
          header: f.label,
          format: formatOf(f),
          value: (r) => shownValue(f, r.sheetValues?.values[f.id] ?? null, r.sheetValues?.typed[f.id] ?? null),
        }));
    const names = { sheetName, title: `${plan.title}（名单汇总）`, formId: form.id };
    out.push(tableOf(rowRecords, tableFields, names, [...identity, ...ofReturn, ...extraColumns(form.id, true, studio)], uncounted));
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
      // Under each sheet: its problems cell by cell, and what a later return of it changed.
      const detail = (verdict: string, text: string) =>
        rows.push([input.file, verdict, text, s.sheet, s.form, s.unit || null, null, null, null]);
      for (const p of s.issues) detail(SEVERITY_WORDS[p.severity], `${p.cell} ${p.label}：${p.message}`);
      for (const c of s.replacedBy?.changes ?? []) detail('改动', `${c.label}：“${c.old}”→“${c.new}”（${s.replacedBy?.file ?? ''}）`);
    }
  }
  for (const unit of result.missing)
    rows.push([null, '未报送', `名单中的单位“${unit}”没有报送任何表格。`, null, null, unit, null, 0, null]);
  for (const m of result.missingForms)
    for (const unit of m.units)
      rows.push([
        null,
        '缺报',
        `名单中的单位“${unit}”报送了同一通知的其他表格，但没有报送“${m.title}”。`,
        null,
        m.form,
        unit,
        null,
        0,
        null,
      ]);
  for (const m of result.rosterMatches)
    rows.push([null, '名单对应', `“${m.unit}”按名单中的“${m.rosterUnit}”统计。`, null, null, m.unit, null, null, null]);
  for (const unit of result.offRoster)
    rows.push([null, '名单外单位', `“${unit}”不在单位名单中，其表格已合并，请核对。`, null, null, unit, null, null, null]);
  for (const u of summariesOf(result).uncounted)
    rows.push([
      u.file,
      '未计入合计',
      `${u.table}“${u.column}”${u.cell}填的是“${u.text}”，不是数字，未计入合计。`,
      u.sheet,
      null,
      u.unit || null,
      null,
      null,
      null,
    ]);
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
