import { cellText, type CellValue } from '../cell-value';
import type { Field, FormDefinition } from '../form-schema';
import { resolveParams } from '../params';
import { fillTemplate } from '../templates';
import { planSheet } from '../layout';
import type { Catalogue } from '../notice-catalogue';
import { SEVERITY_WORDS } from '../rules/check-form';
import type { DateRange, FieldValue } from '../rules/field-rules';
import type { FormRecords, InputStatus, MergeResult, MergedRecord, SheetReport } from './merge-returns';
import { baseName } from './return-files';
import { runCrossFormChecks, type CrossFormOutput, type MergeCheck, type RecordColumn } from './cross-form';

export type SummaryValue = string | number | Date | null;

/** A summary sheet as data: every host writes it the same way. Values are values, never formulas. */
export interface SummaryTable {
  sheetName: string;
  title: string;
  formId: string | null;
  header: string[];
  /** Titles over runs of header columns, from the first column (one level; title '' leaves its columns without one). */
  headerGroups?: { title: string; span: number }[];
  rows: SummaryValue[][];
  totals: SummaryValue[] | undefined;
  /** Per column: how to show the values. */
  formats: ('text' | 'number' | 'date')[];
  /** Computed from the records (statistics, cross-checks) rather than one row per record; record tables leave it out. */
  derived?: boolean;
  charts?: import('./chart-spec').SummaryChart[]; // drawn beside the table (chart-spec.ts); none unless given
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
  // A count the rules read as blank though something is typed ("/", "—", 无 for an activity not held) is not applicable.
  if ((value === null || value === undefined) && (field.type === 'integer' || field.type === 'decimal')) return null;
  if (value === null || value === undefined) return asTyped();
  switch (field.type) {
    case 'text':
    case 'longText':
    case 'phone':
    case 'postcode':
      return asTyped();
    case 'integer':
    case 'decimal':
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

/** Number fields that are quantities to add up (counts, 人数, 数量, 面积, 金额): not 序号, 年龄, 工作年限, 比例. */
function isQuantity(field: Field): boolean {
  return (field.type === 'integer' || field.type === 'decimal') && field.total;
}

/**
 * A sum of measures as people add them: 0.1 + 0.2 is 0.3, not 0.30000000000000004 (binary fractions); a form asks
 * at most six decimals (form-schema.ts, places). Whole numbers are unchanged.
 */
function roundedSum(sum: number): number {
  return Number.isInteger(sum) ? sum : Math.round(sum * 1e6) / 1e6;
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
  if (field.type === 'integer' || field.type === 'decimal') return 'number';
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
  doubts = 0,
): SummaryTable {
  const { sheetName, title, formId } = names;
  const fileName = fileNamer(records.map((r) => r.file));
  const header = ['单位', ...fields.map((f) => f.label), ...extra.map((e) => e.header), '来源文件', '工作表', '问题数'];
  const rows = records.map((r) => [
    r.unit || null,
    ...fields.map((f) => shownValue(f, r.values[f.id], r.typed[f.id])),
    ...extra.map((e) => e.value(r)),
    fileName(r.file),
    r.sheet,
    r.problems,
  ]);
  const totals: SummaryValue[] = [
    // Kept both, maybe one project sent twice: the total says so rather than double count in silence.
    doubts ? `合计（${records.length}，含疑似重复 ${doubts} 份，见合并报告）` : `合计（${records.length}）`,
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
      else if (text !== '' && v !== null && v !== undefined) {
        left++;
        uncounted.push({ table, column: field.label, unit: r.unit, file: r.file, sheet: r.sheet, cell: r.cells[field.id] ?? '', text });
      }
    }
    return left ? `${roundedSum(sum)}（另有${left}格不是数字，未计入，见合并报告）` : roundedSum(sum);
  }
  if (field.type === 'yesNo') return `“是”${records.filter((r) => r.values[field.id] === '是').length}个`;
  if (field.type === 'check') return `勾选${records.filter((r) => r.values[field.id] === '√').length}个`;
  return null;
}

interface Summaries {
  catalogue: Catalogue;
  tables: SummaryTable[];
  uncounted: UncountedCell[];
  cross: CrossFormOutput;
}

const built = new WeakMap<MergeResult, Summaries>();

function summariesOf(result: MergeResult, catalogue: Catalogue): Summaries {
  let found = built.get(result);
  if (found?.catalogue === catalogue) return found;
  const cross = runCrossFormChecks(result.forms, catalogue.notices);
  const uncounted: UncountedCell[] = [];
  const tables: SummaryTable[] = [];
  for (const entry of result.forms) {
    const doubts = result.resendDoubts.filter((d) => d.form === entry.form.id).length;
    tables.push(...formSummaries(entry, cross.columns, uncounted, doubts));
  }
  tables.push(...cross.tables);
  built.set(result, (found = { catalogue, tables, uncounted, cross }));
  return found;
}

/**
 * The summary sheets of a merge: per form, the returns as one table and/or their list rows as another; then the
 * tables its notices' cross-form checks derive from them (statistics, quotas).
 */
export function summaryTables(result: MergeResult, catalogue: Catalogue): SummaryTable[] {
  return summariesOf(result, catalogue).tables;
}

/** Findings across returns (the notices' cross-form checks), also listed in 合并报告. */
export function mergeChecks(result: MergeResult, catalogue: Catalogue): MergeCheck[] {
  return summariesOf(result, catalogue).cross.findings;
}

function extraColumns(formId: string, list: boolean, columns: readonly RecordColumn[]): ExtraColumn[] {
  return columns
    .filter((c) => c.form === formId && c.table === (list ? 'list' : 'sheet'))
    .map((c) => ({ header: c.header, value: c.value }));
}

function formSummaries(
  { form, sheetRecords, rowRecords }: FormRecords,
  columns: readonly RecordColumn[],
  uncounted: UncountedCell[],
  doubts: number,
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
    const table = tableOf(sheetRecords, singles, names, extraColumns(form.id, false, columns), uncounted, doubts);
    out.push(form.merge.items ? groupedByItems(table, form, singles) : table);
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
    const extra = [...identity, ...ofReturn, ...extraColumns(form.id, true, columns)];
    out.push(tableOf(rowRecords, tableFields, names, extra, uncounted, form.merge.sheetRecord ? 0 : doubts));
  }
  if (form.merge.items) out.push(itemsTable(form, sheetRecords));
  if (form.merge.unitTotals)
    out.push(form.merge.table ? unitTotalsTable(form, rowRecords, tableFields) : unitTotalsTable(form, sheetRecords, singles));
  return out;
}

/**
 * A statistics form's per-record table with two-level headers (merge.items): each item's words over its columns,
 * each column titled with the word the form puts over it (是, 数量, 会议数…). The table's fields start at column 1.
 */
function groupedByItems(table: SummaryTable, form: FormDefinition, fields: readonly Field[]): SummaryTable {
  const params = resolveParams(form);
  const owner = new Map<string, { text: string; title: string }>();
  for (const item of form.merge.items?.items ?? []) {
    const text = fillTemplate(item.text, params);
    if (item.yes) owner.set(item.yes, { text, title: '是' });
    for (const c of item.counts) owner.set(c.field, { text, title: c.label });
  }
  const header = [...table.header];
  const groups: { title: string; span: number }[] = [{ title: '', span: 1 }];
  fields.forEach((f, i) => {
    const item = owner.get(f.id);
    if (item) header[i + 1] = item.title;
    const title = item?.text ?? '';
    const last = groups[groups.length - 1] as { title: string; span: number };
    if (title !== '' && last.title === title) last.span++;
    else groups.push({ title, span: 1 });
  });
  return { ...table, header, headerGroups: groups };
}

/**
 * Totals per unit (merge.unitTotals): per unit, in the order units first appear, the number of records it sent and
 * the sum of each number field over them (values that are not numbers left out: the per-record table's 合计 and
 * 合并报告 name them), with a chart of the first sum.
 */
function unitTotalsTable(form: FormDefinition, records: readonly MergedRecord[], fields: readonly Field[]): SummaryTable {
  const spec = form.merge.unitTotals!;
  const summed = spec.fields.map((id) => fields.find((f) => f.id === id)).filter((f): f is Field => f !== undefined);
  const units = new Map<string, MergedRecord[]>();
  for (const r of records) {
    const unit = r.unit || '（未填单位）';
    units.set(unit, [...(units.get(unit) ?? []), r]);
  }
  const sumOf = (rs: readonly MergedRecord[], f: Field) =>
    roundedSum(rs.reduce((n, r) => n + (typeof r.values[f.id] === 'number' ? (r.values[f.id] as number) : 0), 0));
  const rows: SummaryValue[][] = [...units].map(([unit, rs]) => [unit, rs.length, ...summed.map((f) => sumOf(rs, f))]);
  const header = ['单位', `${spec.recordWord}数`, ...summed.map((f) => `${f.label}合计`)];
  return {
    sheetName: spec.summaryName,
    title: `${fillTemplate(form.name, resolveParams(form))}（按单位合计）`,
    formId: form.id,
    header,
    rows,
    totals: [`合计（${rows.length}）`, records.length, ...summed.map((f) => sumOf(records, f))],
    formats: ['text', 'number', ...summed.map(() => 'number' as const)],
    derived: true,
    charts: rows.length ? [{ title: spec.chartTitle, kind: 'bar', category: '单位', series: [header[2] as string] }] : undefined,
  };
}

/**
 * A statistics form as the office reads it (merge.items): one row per count of each item, with the units that
 * answered 是 (on the item's first row) and the sum of the count over every return — the city's totals in the form's
 * own order. A count that is not a number is left out of its sum, said in the cell and listed in 合并报告.
 */
function itemsTable(form: FormDefinition, records: readonly MergedRecord[]): SummaryTable {
  const spec = form.merge.items!;
  const params = resolveParams(form);
  const fields = new Map(planSheet(form).slots.map((s) => [s.field.id, s.field]));
  const rows: SummaryValue[][] = [];
  spec.items.forEach((item, i) => {
    const text = fillTemplate(item.text, params);
    const yes = item.yes ? records.filter((r) => r.values[item.yes!] === '是').length : null;
    const counts = item.counts.length ? item.counts : [];
    if (!counts.length) rows.push([i + 1, text, yes, null, null]);
    counts.forEach((c, k) => {
      const field = fields.get(c.field);
      // the cells that are not numbers are already listed once, under the per-unit table
      const sum = field ? totalOf(field, records, spec.summaryName, []) : null;
      rows.push([k === 0 ? i + 1 : null, text, k === 0 ? yes : null, sum, c.label]);
    });
  });
  return {
    sheetName: spec.summaryName,
    title: `${fillTemplate(form.name, params)}（按项目汇总，共 ${records.length} 个单位）`,
    formId: form.id,
    header: ['序号', '内容', '填“是”的单位数', '数量合计', '数量指'],
    rows,
    totals: undefined,
    formats: ['number', 'text', 'number', 'number', 'text'],
    derived: true,
    charts: records.length ? [{ title: '各项活动开展的单位数', kind: 'bar', category: '内容', series: ['填“是”的单位数'] }] : undefined,
  };
}

/**
 * How a file is named to the clerk in 合并报告: its name without the folders she picked, unless two files share a
 * name (returns kept in one folder per district), then with the folder it sits in.
 */
function fileNamer(files: readonly string[]): (file: string) => string {
  const count = new Map<string, number>();
  for (const f of new Set(files)) count.set(baseName(f), (count.get(baseName(f)) ?? 0) + 1);
  return (file) => ((count.get(baseName(file)) ?? 0) > 1 ? file.split(/[\\/]/).filter(Boolean).slice(-2).join('/') : baseName(file));
}

/** How the sheet was recognised, in plain words. */
function recognisedBy(s: SheetReport): string | null {
  if (s.method === 'marker') return '按表格标记';
  if (s.method === 'labels') return `按标题和栏目识别（吻合 ${Math.round((s.confidence ?? 0) * 100)}%）`;
  return null;
}

/** One sentence for a sheet's verdict (the file's own summary line is not repeated: the rows say it sheet by sheet). */
function sheetVerdict(s: SheetReport, nameOf: (file: string) => string): string {
  const notes = s.message;
  if (s.replaced && s.replacedBy) {
    const changed = s.replacedBy.changes.length;
    return `已被“${nameOf(s.replacedBy.file)}”中同一单位较新的一份代替，未计入汇总${changed ? `；较新的一份改动了 ${changed} 项（见下）` : ''}。`;
  }
  if (!s.used) return notes || '未合并。';
  const problems = s.issues.filter((p) => p.severity !== 'info').length;
  const head = `已合并 ${s.records} 条记录，${problems ? `有 ${problems} 个问题（见下）` : '没有发现问题'}。`;
  return `${head}${notes}`;
}

/** 合并报告: every input file and sheet with its verdict, the units that sent nothing, and the findings across returns. */
export function reportTable(result: MergeResult, catalogue: Catalogue): SummaryTable {
  const nameOf = fileNamer(result.inputs.map((i) => i.file));
  const titleOf = (form: string | null | undefined): string | null => (form ? (catalogue.findForm(form)?.sheetName ?? form) : null);
  const rows: SummaryValue[][] = [];
  // 文件, 工作表, 表格, 单位, 结果, 说明, 识别方式, 记录数, 问题数
  for (const input of result.inputs) {
    const file = nameOf(input.file);
    if (input.sheets.length === 0) rows.push([file, null, null, null, STATUS_WORDS[input.status], input.message, null, null, null]);
    for (const s of input.sheets) {
      const form = s.title ?? titleOf(s.form);
      rows.push([
        file,
        s.sheet,
        form,
        s.unit || null,
        s.replaced ? STATUS_WORDS.replaced : s.used ? STATUS_WORDS[s.problems ? 'merged-with-problems' : 'merged'] : STATUS_WORDS.skipped,
        sheetVerdict(s, nameOf),
        recognisedBy(s),
        s.used ? s.records : null,
        s.used ? s.problems : null,
      ]);
      // Under each sheet: its problems cell by cell, and what a later return of it changed.
      const detail = (verdict: string, text: string) => rows.push([file, s.sheet, form, s.unit || null, verdict, text, null, null, null]);
      for (const p of s.issues) detail(SEVERITY_WORDS[p.severity], `${p.cell} ${p.label}：${p.message}`);
      for (const c of s.replacedBy?.changes ?? [])
        detail('改动', `${c.label}：“${c.old}”改为“${c.new}”（${nameOf(s.replacedBy?.file ?? '')}）`);
    }
  }
  for (const unit of result.missing)
    rows.push([null, null, null, unit, '未报送', `名单中的单位“${unit}”没有报送任何表格。`, null, null, null]);
  for (const m of result.missingForms)
    for (const unit of m.units)
      rows.push([
        null,
        null,
        m.title,
        unit,
        '缺报',
        `名单中的单位“${unit}”报送了同一通知的其他表格，但没有报送“${m.title}”。`,
        null,
        null,
        null,
      ]);
  for (const o of result.otherEditions)
    rows.push([
      null,
      null,
      o.title,
      o.unit,
      '已报（届次不符）',
      `“${o.unit}”报送的是《${o.sent}》，本次汇总的是《${o.wanted}》，未计入汇总：请其按本届表格重新报送。`,
      null,
      null,
      null,
    ]);
  for (const d of result.resendDoubts)
    rows.push([
      d.files.map(nameOf).join('、'),
      null,
      titleOf(d.form),
      d.unit,
      '疑似重复',
      `疑似同一项目的修改稿：“${d.names[0]}”与“${d.names[1]}”，两份都已计入汇总，请核对。`,
      null,
      null,
      null,
    ]);
  for (const m of result.rosterMatches)
    rows.push([null, null, null, m.unit, '名单对应', `“${m.unit}”按名单中的“${m.rosterUnit}”统计。`, null, null, null]);
  for (const unit of result.offRoster)
    rows.push([null, null, null, unit, '名单外单位', `“${unit}”不在单位名单中，其表格已合并，请核对。`, null, null, null]);
  for (const u of summariesOf(result, catalogue).uncounted)
    rows.push([
      nameOf(u.file),
      u.sheet,
      null,
      u.unit || null,
      '未计入合计',
      `${u.table}“${u.column}”${u.cell}填的是“${u.text}”，不是数字，未计入合计。`,
      null,
      null,
      null,
    ]);
  for (const check of mergeChecks(result, catalogue)) {
    const files = [...new Set(check.sources.map((s) => nameOf(s.file)))];
    const sheets = [...new Set(check.sources.map((s) => s.sheet))];
    rows.push([
      files.join('、') || null,
      sheets.join('、') || null,
      titleOf(check.form),
      check.units.join('、') || null,
      check.severity === 'warning' ? '需核对' : '提示',
      check.message,
      null,
      null,
      null,
    ]);
  }
  return {
    sheetName: '合并报告',
    title: '合并报告',
    formId: null,
    header: ['文件', '工作表', '表格', '单位', '结果', '说明', '识别方式', '记录数', '问题数'],
    rows,
    totals: undefined,
    formats: ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'number', 'number'],
  };
}
