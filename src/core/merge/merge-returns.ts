import { cellAddress } from '../a1';
import { cellText, type CellValue } from '../cell-value';
import type { SheetToCheck } from '../check-sheets';
import type { FormDefinition } from '../form-schema';
import type { Catalogue } from '../notice-catalogue';
import type { FormReading } from '../read/read-form';
import { readSheet } from '../read/read-sheet';
import type { Problem } from '../rules/check-form';
import { checkField, type FieldValue } from '../rules/field-rules';
import { fillTemplate } from '../templates';
import { relateSheets, unknownUnit, type FileSheet, type SheetRelation } from './file-sheets';
import { matchRoster, recordKeyText } from './record-identity';
import { unitKey } from './roster';
import { identityText, namedAsCorrection, nameLikeness, NEAR_NAMES, resendRank, SAME_CONTENT, SAME_CONTENT_CORRECTION } from './resends';
import { baseName } from './return-files';

/** One returned workbook as a host read it, or why it could not. */
export type ReturnFile =
  { file: string; modified: number; sheets: SheetToCheck[] } | { file: string; modified: number; unreadable: string };

export interface MergedRecord {
  unit: string;
  /** Field id → the value as checked (normalised where the rule accepts it, else the cell's own value). */
  values: Record<string, FieldValue | CellValue>;
  /** Field id → the cell's value as the clerk typed it: what the summaries show for text. */
  typed: Record<string, CellValue>;
  /** Field id → the cell it came from (A1), to name it in the report. */
  cells: Record<string, string>;
  /** For a list row: the fields that name the return it belongs to (工作室名称), as typed. */
  identity: Record<string, string>;
  /** For a list row: the return's own fields (联系人, 联系电话, 填报日期), which its summary repeats on each row. */
  sheetValues?: Pick<MergedRecord, 'values' | 'typed'>;
  file: string;
  sheet: string;
  problems: number;
}

/** One field that a later return of the same record changed. */
export interface FieldChange {
  field: string;
  label: string;
  old: string;
  new: string;
}

export interface SheetReport {
  sheet: string;
  form: string | null;
  /** The form's Chinese title, for people (the id is for programs). */
  title?: string;
  unit: string;
  records: number;
  problems: number;
  method: 'marker' | 'labels' | null;
  confidence: number | null;
  /** Whether its records count: false for sheets skipped (no form, left blank) or replaced by a later return. */
  used: boolean;
  replaced?: boolean;
  /** Not summed: hidden in its workbook. */
  hidden?: true;
  /** Not summed: a return of another 届次/年度 than the one most returns of its form carry. */
  otherEdition?: true;
  /** For a replaced sheet: the return that replaced it, and what that return changed, field by field. */
  replacedBy?: { file: string; sheet: string; changes: FieldChange[] };
  message: string;
  /** Every problem found in the sheet (errors, warnings and reminders), with its cell, for the report and the pane. */
  issues: Problem[];
}

export type InputStatus = 'merged' | 'merged-with-problems' | 'skipped' | 'unreadable' | 'replaced';

export interface InputReport {
  file: string;
  status: InputStatus;
  message: string;
  sheets: SheetReport[];
}

export interface FormRecords {
  form: FormDefinition;
  /** One per return (the sheet as a whole), when the form's merge says so. */
  sheetRecords: MergedRecord[];
  /** One per filled-in list row. */
  rowRecords: MergedRecord[];
}

/** A roster unit that sent some of a notice's forms but not this one. */
export interface MissingForm {
  form: string;
  title: string;
  units: string[];
}

export interface MergeResult {
  inputs: InputReport[];
  forms: FormRecords[];
  /** Roster units that sent nothing at all. */
  missing: string[];
  /** Roster units that sent some forms of a notice but not these. */
  missingForms: MissingForm[];
  /** Units as written in returns that matched a roster unit only once normalised (上海市黄浦区总工会 → 黄浦区总工会). */
  rosterMatches: { unit: string; rosterUnit: string }[];
  /** Units that sent returns but are not on the roster (名单外单位); empty without a roster. */
  offRoster: string[];
  /** Returns of one unit kept both though their names are near: maybe one project resent (合并报告 and 合计 say so). */
  resendDoubts: { form: string; unit: string; files: [string, string]; names: [string, string] }[];
  /** Units that sent a form of another 届次/年度 only: they have reported (已报（届次不符）), not summed. */
  otherEditions: { unit: string; form: string; title: string; sent: string; wanted: string }[];
}

interface Taken {
  file: string;
  modified: number;
  /** Order of reading: of two sheets in one file, the later one counts as the later return. */
  order: number;
  sheet: string;
  form: FormDefinition;
  unit: string;
  reading: FormReading;
  problems: Problem[];
  report: SheetReport;
  key: string;
  records: { sheetRecord: MergedRecord | undefined; rows: MergedRecord[]; head: MergedRecord };
  /** For a 续表: the sheet of the same file whose list it continues. */
  continues: Taken | undefined;
}

function checkedValue(reading: FormReading, at: number): FieldValue | CellValue {
  const slot = reading.plan.slots[at];
  const raw = reading.values[at];
  if (!slot) return raw;
  if (raw === null || raw === undefined || raw === '') return null; // most of a template's list rows are empty
  const year = reading.plan.params.year;
  const check = checkField(slot.field, raw, { year: typeof year === 'number' ? year : undefined });
  return check.status === 'ok' ? check.reading.value : check.status === 'blank' ? null : raw;
}

function cellOf(reading: FormReading, at: number): string {
  const slot = reading.plan.slots[at];
  return slot ? cellAddress(slot.row, slot.col) : '';
}

/** The fields that, with the unit, name one record of the form (the project, the workshop), as typed. */
function identityOf(form: FormDefinition, reading: FormReading): Record<string, string> {
  const identity: Record<string, string> = {};
  for (const id of form.merge.sameReturnBy) {
    const at = reading.plan.slots.findIndex((s) => s.tableId === undefined && s.field.id === id);
    identity[id] = at >= 0 ? cellText(reading.values[at]) : '';
  }
  return identity;
}

/**
 * A sheet's records: the return as one (its head fields) and each filled list row. `unit` is how its records name
 * their unit; a 续表's rows take the head fields (and identity) of the sheet they continue, `head`.
 */
function recordsOf(t: Omit<Taken, 'records' | 'key'>, unit: string, head?: MergedRecord): Taken['records'] {
  const { reading, form } = t;
  /** Problems (not reminders) per list row, by `table[row]`. */
  const counts = new Map<string, number>();
  for (const p of t.problems) {
    if (p.severity === 'info') continue;
    if (!p.list) continue;
    const rowKey = `${p.list.table}[${p.list.row}]`;
    counts.set(rowKey, (counts.get(rowKey) ?? 0) + 1);
  }
  const identity = head?.identity ?? identityOf(form, reading);
  const base = { unit, file: t.file, sheet: t.sheet };
  const single: MergedRecord = { ...base, values: {}, typed: {}, cells: {}, identity, problems: 0 };
  // What each list row repeats of its return: a 续表's own head fields where it fills them, else those it continues.
  const shared: Pick<MergedRecord, 'values' | 'typed'> = head ? { values: { ...head.values }, typed: { ...head.typed } } : single;
  const byRow = new Map<number, MergedRecord>();
  const table = reading.plan.tables.find((x) => x.id === form.merge.table);
  reading.plan.slots.forEach((slot, at) => {
    let target: MergedRecord | undefined;
    if (slot.tableId === undefined) target = single;
    else if (table && slot.tableId === table.id && slot.index !== undefined) {
      target = byRow.get(slot.index);
      if (!target) {
        target = {
          ...base,
          values: {},
          typed: {},
          cells: {},
          identity,
          problems: 0,
          sheetValues: shared,
        };
        byRow.set(slot.index, target);
      }
    }
    if (!target) return;
    target.values[slot.field.id] = checkedValue(reading, at);
    target.typed[slot.field.id] = reading.values[at];
    target.cells[slot.field.id] = cellOf(reading, at);
  });
  if (head)
    for (const [id, typed] of Object.entries(single.typed)) {
      if (cellText(typed) === '') continue;
      shared.values[id] = single.values[id] ?? null;
      shared.typed[id] = typed;
    }
  single.problems = t.problems.filter((p) => p.severity !== 'info').length;
  const sheetRecord = form.merge.sheetRecord && !head ? single : undefined;
  const rows: MergedRecord[] = [];
  if (table) {
    const band = form.bands.find((b) => b.kind === 'table' && b.id === table.id);
    const seq = band?.kind === 'table' ? band.numbering?.fieldId : undefined;
    for (const [index, record] of [...byRow].sort((a, b) => a[0] - b[0])) {
      const filled = Object.entries(record.typed).some(([id, v]) => id !== seq && cellText(v) !== '');
      if (!filled) continue;
      record.problems = counts.get(`${table.id}[${index}]`) ?? 0;
      rows.push(record);
    }
  }
  return { sheetRecord, rows, head: head ?? single };
}

const shown = (v: CellValue | FieldValue): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && !(v instanceof Date)) return `${v.start}至${v.end}`;
  return cellText(v as CellValue);
};

/** What a later return of the same record changed, field by field (list rows by their place in the list). */
function changesBetween(older: Taken, newer: Taken): FieldChange[] {
  const changes: FieldChange[] = [];
  const compare = (a: MergedRecord | undefined, b: MergedRecord | undefined, prefix: string) => {
    const ids = new Set([...Object.keys(a?.values ?? {}), ...Object.keys(b?.values ?? {})]);
    for (const id of ids) {
      const before = shown(a?.values[id] ?? null);
      const after = shown(b?.values[id] ?? null);
      if (before === after) continue;
      const field =
        older.reading.plan.slots.find((s) => s.field.id === id)?.field ?? newer.reading.plan.slots.find((s) => s.field.id === id)?.field;
      changes.push({ field: id, label: `${prefix}${field?.label ?? id}`, old: before, new: after });
    }
  };
  compare(older.records.sheetRecord ?? undefined, newer.records.sheetRecord ?? undefined, '');
  const rows = Math.max(older.records.rows.length, newer.records.rows.length);
  for (let i = 0; i < rows; i++) compare(older.records.rows[i], newer.records.rows[i], `第${i + 1}行 `);
  return changes;
}

/** The parameters (届次, 年度) that tell one year's returns from another's. */
function editionOf(t: Taken): string {
  const params = t.reading.plan.params;
  return t.form.params
    .filter((p) => p.kind === 'integer')
    .map((p) => `${p.id}=${params[p.id]}`)
    .join(';');
}

/** The form's name for its 届次/年度 (第六届…); a name that does not show them gets them after it (…（年份 2017）). */
function editionWords(t: Taken): string {
  const params = t.reading.plan.params;
  const name = fillTemplate(t.form.name, params);
  if (/\{[a-zA-Z]/.test(t.form.name)) return name;
  const shown = t.form.params.filter((p) => p.kind === 'integer').map((p) => `${p.label} ${params[p.id]}`);
  return shown.length ? `${name}（${shown.join('，')}）` : name;
}

/** Whether `t` is a later return than `earlier`: saved later; at the same time, named later in a chain (原稿 → 最终); then read later. */
function laterReturn(t: Taken, earlier: Taken): boolean {
  if (t.modified !== earlier.modified) return t.modified > earlier.modified;
  const rank = resendRank(t.file) - resendRank(earlier.file);
  return rank !== 0 ? rank > 0 : t.order > earlier.order;
}

/** Two returns of one unit whose names are near but whose contents differ too much to say they are one project. */
export interface ResendDoubt {
  form: string;
  unit: string;
  earlier: Taken;
  later: Taken;
  earlierName: string;
  laterName: string;
}

/** The share of head fields (other than the unit and the names compared) two returns fill alike. */
function contentLikeness(a: Taken, b: Taken): number {
  const skip = new Set([a.form.unitFieldId, ...a.form.merge.sameReturnBy]);
  const ids = new Set([...Object.keys(a.records.head.values), ...Object.keys(b.records.head.values)].filter((id) => !skip.has(id)));
  let filled = 0;
  let same = 0;
  for (const id of ids) {
    const x = identityText(shown(a.records.head.values[id] ?? null));
    const y = identityText(shown(b.records.head.values[id] ?? null));
    if (!x && !y) continue;
    filled++;
    if (x === y) same++;
  }
  const rows = (t: Taken) =>
    t.records.rows.map((r) =>
      identityText(
        Object.values(r.typed)
          .map((v) => cellText(v as CellValue))
          .join('|'),
      ),
    );
  const ra = new Set(rows(a));
  const rb = rows(b);
  filled += Math.max(ra.size, rb.length);
  same += rb.filter((r) => ra.has(r)).length;
  return filled === 0 ? 1 : same / filled;
}

/**
 * Resends whose project was renamed (“五小”竞赛 → 五小竞赛 is the same key already; 职工创新论坛 → 职工技术创新论坛 is
 * not): of one unit's returns of a form that names its records (工作室名称, 活动项目名称), a later one with a near name
 * and mostly the same content — or named as a correction (修改, 最终) and half the same — takes the earlier's key, so
 * it replaces it. Near names with different contents are kept both, and returned as doubts for 合并报告 and the totals.
 */
function joinResends(candidates: readonly Taken[]): ResendDoubt[] {
  const groups = new Map<string, Taken[]>();
  for (const t of candidates) {
    if (t.form.merge.sameReturnBy.length === 0) continue;
    const key = `${t.form.id}\u0000${recordKeyText('', t.unit, [])}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  const doubts: ResendDoubt[] = [];
  const nameOf = (t: Taken) => Object.values(t.records.head.identity).join(' ');
  for (const group of groups.values()) {
    const ordered = [...group].sort((a, b) => (laterReturn(a, b) ? 1 : laterReturn(b, a) ? -1 : 0));
    ordered.forEach((later, i) => {
      for (let k = i - 1; k >= 0; k--) {
        const earlier = ordered[k] as Taken;
        if (earlier.key === later.key || earlier.file === later.file) continue;
        const near = nameLikeness(nameOf(earlier), nameOf(later)) >= NEAR_NAMES;
        const content = contentLikeness(earlier, later);
        const correction = namedAsCorrection(later.file);
        if (near && content >= (correction ? SAME_CONTENT_CORRECTION : SAME_CONTENT)) {
          later.key = earlier.key;
          return;
        }
        if (near || (correction && content >= SAME_CONTENT))
          doubts.push({ form: later.form.id, unit: later.unit, earlier, later, earlierName: nameOf(earlier), laterName: nameOf(later) });
      }
    });
  }
  return doubts;
}

const skippedSheet = (sheet: string, message: string, form: FormDefinition | null = null): SheetReport => ({
  sheet,
  form: form?.id ?? null,
  title: form?.sheetName,
  unit: '',
  records: 0,
  problems: 0,
  method: null,
  confidence: null,
  used: false,
  message,
  issues: [],
});

/**
 * Merges every district's returns: recognises each sheet, reads and checks it, keeps the later file when a unit
 * sent the same record twice, and accounts for every file, sheet and record in the report.
 */
export function mergeReturns(
  files: readonly ReturnFile[],
  options: { today: string; roster?: readonly string[]; catalogue: Catalogue },
): MergeResult {
  const inputs: InputReport[] = [];
  const taken: Taken[] = [];
  const roster = options.roster ?? [];
  let order = 0;
  for (const file of files) {
    if ('unreadable' in file) {
      inputs.push({ file: file.file, status: 'unreadable', message: file.unreadable, sheets: [] });
      continue;
    }
    const report: InputReport = { file: file.file, status: 'merged', message: '', sheets: [] };
    inputs.push(report);
    const found: (FileSheet & { report: SheetReport })[] = [];
    for (const sheet of file.sheets) {
      const read = readSheet(sheet, options.today, options.catalogue);
      if (!read.ok) {
        report.sheets.push(skippedSheet(sheet.name, `跳过：${read.reason}`));
        continue;
      }
      const { form, method, confidence, version } = read.recognition;
      const { reading, problems } = read;
      if (read.untouched) {
        report.sheets.push({ ...skippedSheet(sheet.name, '跳过：表格尚未填写。', form), method, confidence });
        continue;
      }
      if (sheet.hidden) {
        // A hidden sheet is a clerk's old copy (last year's list), never this year's return: reported, not summed.
        const message = `隐藏的工作表《${sheet.name}》未汇总：其中是一份${form.sheetName}，如要报送请取消隐藏后重报。`;
        report.sheets.push({ ...skippedSheet(sheet.name, message, form), method, confidence, hidden: true });
        continue;
      }
      const unitAt = reading.plan.slots.findIndex((s) => s.field.id === form.unitFieldId);
      const unit = unitAt >= 0 ? cellText(reading.values[unitAt]) : '';
      const sheetReport: SheetReport = {
        sheet: sheet.name,
        form: form.id,
        title: form.sheetName,
        unit,
        records: 0,
        problems: 0,
        method,
        confidence,
        used: true,
        issues: problems,
        // How the sheet was recognised is not repeated here: 合并报告 has its own column for it (method, confidence).
        message: [
          reading.layout === 'labels' && method === 'marker' ? '表格的行列被改动过，已按栏目名称逐项读取。' : '',
          version !== null && version > form.version
            ? `表格版本（v${version}）比本程序认识的（v${form.version}）新，按 v${form.version} 读取；请升级本程序后再核对。`
            : '',
        ].join(''),
      };
      report.sheets.push(sheetReport);
      found.push({ sheet: sheet.name, form, reading, problems, unit, report: sheetReport });
    }
    const relations = relateSheets(file.file, found, roster);
    const fileTaken: Taken[] = [];
    found.forEach((entry, i) => {
      const relation = relations[i] as SheetRelation;
      const sheetReport = entry.report;
      sheetReport.unit = relation.unit;
      sheetReport.issues = relation.problems;
      sheetReport.problems = relation.problems.filter((p) => p.severity !== 'info').length;
      const main = relation.continues === undefined ? undefined : fileTaken[relation.continues];
      if (main) sheetReport.message += `这是工作表“${main.sheet}”的续表，单位和联系人等按该表汇总。`;
      sheetReport.message += relation.unitNote;
      const partial = {
        file: file.file,
        modified: file.modified,
        order: order++,
        sheet: entry.sheet,
        form: entry.form,
        unit: relation.unit,
        reading: entry.reading,
        problems: relation.problems,
        report: sheetReport,
        continues: main,
      };
      const records = recordsOf(partial, relation.unit ? relation.unit : unknownUnit(file.file), main?.records.head);
      const key = main
        ? `${main.key}\u0000续${i}`
        : recordKeyText(
            entry.form.id,
            relation.unit,
            Object.values(records.sheetRecord?.identity ?? identityOf(entry.form, entry.reading)),
          );
      const t: Taken = { ...partial, records, key };
      fileTaken.push(t);
      taken.push(t);
    });
  }

  // One edition per form: a return of another 届次/年度 (a retyped title of 第六届) is reported, not summed.
  const editions = new Map<string, Map<string, number>>();
  for (const t of taken) {
    const counts = editions.get(t.form.id) ?? new Map<string, number>();
    counts.set(editionOf(t), (counts.get(editionOf(t)) ?? 0) + 1);
    editions.set(t.form.id, counts);
  }
  const current = new Map<string, string>();
  for (const [formId, counts] of editions) {
    const best = [...counts].sort((a, b) => b[1] - a[1])[0];
    if (best) current.set(formId, best[0]);
  }
  const other = new Set<Taken>();
  for (const t of taken) {
    if (editionOf(t) === current.get(t.form.id)) continue;
    const same = taken.find((x) => x.form.id === t.form.id && editionOf(x) === current.get(t.form.id));
    other.add(t);
    t.report.used = false;
    t.report.otherEdition = true;
    t.report.message = `${t.report.message}未合并：这是《${editionWords(t)}》，本次汇总的是《${same ? editionWords(same) : ''}》，届次或年度不同，请核对。`;
  }

  const doubts = joinResends(taken.filter((t) => t.unit && !other.has(t) && !t.continues));
  const latest = new Map<string, Taken>();
  for (const t of taken) {
    if (!t.unit || other.has(t)) continue;
    const earlier = latest.get(t.key);
    if (!earlier || laterReturn(t, earlier)) latest.set(t.key, t);
  }
  const forms = new Map<string, FormRecords>();
  for (const t of taken) {
    if (other.has(t)) continue;
    // A 续表 goes with the sheet it continues: replaced when a later file replaced that sheet.
    const mainWinner = t.continues ? latest.get(t.continues.key) : undefined;
    const winner = mainWinner && mainWinner !== t.continues && latest.get(t.key) === t ? mainWinner : t.unit ? latest.get(t.key) : t;
    if (winner !== t && winner) {
      const changes = winner === mainWinner ? [] : changesBetween(t, winner);
      const sameFile = winner.file === t.file;
      t.report.used = false;
      t.report.replaced = true;
      t.report.replacedBy = { file: winner.file, sheet: winner.sheet, changes };
      t.report.message = sameFile
        ? `同一文件中工作表“${winner.sheet}”是同一份${t.form.sheetName}（同一单位、同名），只用后一份。`
        : `已被较新的文件“${baseName(winner.file)}”（工作表“${winner.sheet}”）代替：同一单位的同一份${t.form.sheetName}只用最新的一份。`;
      if (winner !== mainWinner)
        t.report.message += changes.length
          ? `改动：${changes.map((c) => `${c.label}“${c.old}”→“${c.new}”`).join('；')}。`
          : '两份内容相同。';
      winner.report.message = `${winner.report.message}代替了${sameFile ? '同一文件中' : `较早的文件“${baseName(t.file)}”中`}工作表“${t.sheet}”的同一份表格。`;
      continue;
    }
    let entry = forms.get(t.form.id);
    if (!entry) forms.set(t.form.id, (entry = { form: t.form, sheetRecords: [], rowRecords: [] }));
    const { sheetRecord, rows } = t.records;
    if (sheetRecord) entry.sheetRecords.push(sheetRecord);
    entry.rowRecords.push(...rows);
    t.report.records = (sheetRecord ? 1 : 0) + rows.length;
  }
  for (const d of doubts) {
    if (!d.earlier.report.used || !d.later.report.used) continue;
    const words = `疑似同一项目的修改稿：“${d.earlierName}”（${baseName(d.earlier.file)}）与“${d.laterName}”（${baseName(d.later.file)}），两份都已计入汇总，请核对。`;
    d.earlier.report.message += words;
    d.later.report.message += words;
  }

  for (const input of inputs) {
    if (input.status === 'unreadable') continue;
    const formSheets = input.sheets.filter((s) => s.form !== null && (s.used || s.replaced));
    const replaced = formSheets.filter((s) => s.replaced);
    const others = input.sheets.filter((s) => s.otherEdition);
    if (formSheets.length === 0) {
      input.status = 'skipped';
      input.message = others.length ? '文件中的表格届次或年度与本次汇总不同，未合并。' : '文件中没有可识别的官方表格。';
    } else if (replaced.length === formSheets.length) {
      input.status = 'replaced';
      input.message = '此文件的表格都已被同一单位较新的表格代替。';
    } else {
      const used = formSheets.filter((s) => !s.replaced);
      const problems = used.reduce((n, s) => n + s.problems, 0);
      input.status = problems > 0 ? 'merged-with-problems' : 'merged';
      input.message = `合并 ${used.length} 张表格${problems > 0 ? `，有 ${problems} 个问题（见各表的问题清单）` : ''}。`;
    }
  }

  const used = taken.filter((t) => t.report.used);
  const otherEditions = [...other]
    .filter((t) => t.unit && !used.some((u) => u.form.id === t.form.id && unitKey(u.unit) === unitKey(t.unit)))
    .map((t) => {
      const same = used.find((x) => x.form.id === t.form.id);
      return { unit: t.unit, form: t.form.id, title: t.form.sheetName, sent: editionWords(t), wanted: same ? editionWords(same) : '' };
    });
  return {
    inputs,
    forms: [...forms.values()],
    ...rosterFindings(used, roster, otherEditions),
    resendDoubts: doubts
      .filter((d) => d.earlier.report.used && d.later.report.used)
      .map((d) => ({
        form: d.form,
        unit: d.unit,
        files: [d.earlier.file, d.later.file],
        names: [d.earlierName, d.laterName],
      })),
    otherEditions,
  };
}

/** Who on the roster sent nothing, who sent some of a notice's forms but not others, and who is not on it. */
function rosterFindings(
  used: readonly Taken[],
  roster: readonly string[],
  otherEditions: MergeResult['otherEditions'],
): Pick<MergeResult, 'missing' | 'missingForms' | 'rosterMatches' | 'offRoster'> {
  const units = [...new Set([...used.map((t) => t.unit), ...otherEditions.map((o) => o.unit)].filter(Boolean))];
  const { matched, matches, offRoster } = matchRoster(units, roster);
  const sentBy = new Map<string, Set<string>>();
  for (const t of used) {
    const rosterUnit = matched.get(t.unit);
    if (!rosterUnit) continue;
    const forms = sentBy.get(rosterUnit) ?? new Set<string>();
    forms.add(t.form.id);
    sentBy.set(rosterUnit, forms);
  }
  const rosterUnits = roster.map((u) => u.trim()).filter(Boolean);
  // A unit that sent last year's form has reported (已报（届次不符））: it is asked for this year's, not listed as 未报送.
  const reportedOther = new Set(otherEditions.map((o) => matched.get(o.unit)).filter(Boolean));
  const missing = rosterUnits.filter((u) => !sentBy.has(u) && !reportedOther.has(u));
  // The forms of each notice that anyone sent: a unit that sent one of them owes the others.
  const noticeForms = new Map<string, Map<string, FormDefinition>>();
  for (const t of used) {
    const forms = noticeForms.get(t.form.notice.docNo) ?? new Map<string, FormDefinition>();
    forms.set(t.form.id, t.form);
    noticeForms.set(t.form.notice.docNo, forms);
  }
  const missingForms: MissingForm[] = [];
  const rosterForms = new Set(used.filter((t) => matched.has(t.unit)).map((t) => t.form.id));
  for (const forms of noticeForms.values()) {
    for (const form of forms.values()) {
      // A form sent by no roster unit (申请表 come from enterprises, not from the districts on the roster) is owed by none.
      if (!rosterForms.has(form.id)) continue;
      const owing = rosterUnits.filter((u) => {
        const sent = sentBy.get(u);
        const otherEdition = otherEditions.some((o) => o.form === form.id && matched.get(o.unit) === u);
        return (
          sent !== undefined && !sent.has(form.id) && !otherEdition && [...forms.keys()].some((id) => sent.has(id) && rosterForms.has(id))
        );
      });
      if (owing.length) missingForms.push({ form: form.id, title: form.sheetName, units: owing });
    }
  }
  // Off the roster: units that sent a form the roster's units send (the enterprises named in 申请表 are not).
  const sendersOfRosterForms = new Set(used.filter((t) => rosterForms.has(t.form.id)).map((t) => t.unit));
  const offRosterUnits = roster.length ? offRoster.filter((unit) => sendersOfRosterForms.has(unit)) : [];
  return { missing, missingForms, rosterMatches: matches, offRoster: offRosterUnits };
}
