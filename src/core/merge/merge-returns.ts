import { cellText, squashSpaces, type CellValue } from '../cell-value';
import type { SheetToCheck } from '../check-sheets';
import type { FormDefinition } from '../form-schema';
import { readForm, type FormReading } from '../read/read-form';
import { checkForm, type Problem } from '../rules/check-form';
import { checkField, type FieldValue } from '../rules/field-rules';
import { alignGrid, recogniseSheet } from './recognise';

/** One returned workbook as a host read it, or why it could not. */
export type ReturnFile =
  { file: string; modified: number; sheets: SheetToCheck[] } | { file: string; modified: number; unreadable: string };

export interface MergedRecord {
  unit: string;
  /** Field id → the value as read (normalised where the rule accepts it, else the cell's own value). */
  values: Record<string, FieldValue | CellValue>;
  file: string;
  sheet: string;
  problems: number;
}

export interface SheetReport {
  sheet: string;
  form: string | null;
  unit: string;
  records: number;
  problems: number;
  method: 'marker' | 'labels' | null;
  confidence: number | null;
  /** Whether its records count: false for sheets skipped (no form, left blank) or replaced by a later return. */
  used: boolean;
  replaced?: boolean;
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

export interface MergeResult {
  inputs: InputReport[];
  forms: FormRecords[];
  missing: string[];
}

function valueOf(reading: FormReading, at: number): FieldValue | CellValue {
  const slot = reading.plan.slots[at];
  const raw = reading.values[at];
  if (!slot) return raw;
  const year = reading.plan.params.year;
  const check = checkField(slot.field, raw, { year: typeof year === 'number' ? year : undefined });
  return check.status === 'ok' ? check.reading.value : check.status === 'blank' ? null : raw;
}

/** Which returns are the same one sent again: the form, the unit and the form's own distinguishing fields. */
function returnKey(t: Taken): string {
  const extra = t.form.merge.sameReturnBy.map((id) => {
    const at = t.reading.plan.slots.findIndex((s) => s.tableId === undefined && s.field.id === id);
    return squashSpaces(at >= 0 ? cellText(t.reading.values[at]) : '');
  });
  return [t.form.id, squashSpaces(t.unit), ...extra].join('|');
}

interface Taken {
  file: string;
  modified: number;
  sheet: string;
  form: FormDefinition;
  unit: string;
  reading: FormReading;
  problems: Problem[];
  report: SheetReport;
}

function recordsOf(taken: Taken): { sheetRecord: MergedRecord | undefined; rows: MergedRecord[] } {
  const { reading, form } = taken;
  const counts = new Map<string, number>();
  for (const p of taken.problems)
    if (p.severity !== 'info') counts.set(p.key.replace(/\.[^.]+$/, ''), (counts.get(p.key.replace(/\.[^.]+$/, '')) ?? 0) + 1);
  const base = { unit: taken.unit, file: taken.file, sheet: taken.sheet };
  const single: Record<string, FieldValue | CellValue> = {};
  reading.plan.slots.forEach((slot, at) => {
    if (slot.tableId === undefined) single[slot.field.id] = valueOf(reading, at);
  });
  const sheetProblems = taken.problems.filter((p) => p.severity !== 'info').length;
  const sheetRecord = form.merge.sheetRecord ? { ...base, values: single, problems: sheetProblems } : undefined;
  const rows: MergedRecord[] = [];
  const table = reading.plan.tables.find((t) => t.id === form.merge.table);
  if (table) {
    const byRow = new Map<number, Record<string, FieldValue | CellValue>>();
    reading.plan.slots.forEach((slot, at) => {
      if (slot.tableId !== table.id || slot.index === undefined) return;
      let row = byRow.get(slot.index);
      if (!row) byRow.set(slot.index, (row = {}));
      row[slot.field.id] = valueOf(reading, at);
    });
    const numbering = form.bands.find((b) => b.kind === 'table' && b.id === table.id);
    const seq = numbering?.kind === 'table' ? numbering.numbering?.fieldId : undefined;
    for (const [index, values] of [...byRow].sort((a, b) => a[0] - b[0])) {
      const filled = Object.entries(values).some(
        ([id, v]) => id !== seq && v !== null && v !== undefined && cellText(v as CellValue) !== '',
      );
      if (!filled) continue;
      rows.push({ ...base, values, problems: counts.get(`${table.id}[${index}]`) ?? 0 });
    }
  }
  return { sheetRecord, rows };
}

/**
 * Merges every district's returns: recognises each sheet, reads and checks it, keeps the later file when a unit
 * sent the same form twice, and accounts for every file and sheet in the report.
 */
export function mergeReturns(files: readonly ReturnFile[], options: { today: string; roster?: readonly string[] }): MergeResult {
  const inputs: InputReport[] = [];
  const taken: Taken[] = [];
  for (const file of files) {
    if ('unreadable' in file) {
      inputs.push({ file: file.file, status: 'unreadable', message: file.unreadable, sheets: [] });
      continue;
    }
    const report: InputReport = { file: file.file, status: 'merged', message: '', sheets: [] };
    inputs.push(report);
    for (const sheet of file.sheets) {
      const found = recogniseSheet(sheet);
      if (!found.ok) {
        report.sheets.push({
          sheet: sheet.name,
          form: null,
          unit: '',
          records: 0,
          problems: 0,
          method: null,
          confidence: null,
          used: false,
          message: `跳过：${found.reason}`,
          issues: [],
        });
        continue;
      }
      const { form, params, method, confidence, version } = found.recognition;
      const grid = method === 'marker' ? sheet.grid : alignGrid(form, sheet.grid);
      const reading = readForm(form, grid, params);
      const problems = checkForm(reading, { today: options.today });
      if (problems.length === 1 && problems[0]?.message === '表格尚未填写。') {
        report.sheets.push({
          sheet: sheet.name,
          form: form.id,
          unit: '',
          records: 0,
          problems: 0,
          method,
          confidence,
          used: false,
          message: '跳过：表格尚未填写。',
          issues: [],
        });
        continue;
      }
      const unitAt = reading.plan.slots.findIndex((s) => s.field.id === form.unitFieldId);
      const unit = unitAt >= 0 ? cellText(reading.values[unitAt]) : '';
      const sheetReport: SheetReport = {
        sheet: sheet.name,
        form: form.id,
        unit,
        records: 0,
        problems: problems.filter((p) => p.severity !== 'info').length,
        method,
        confidence,
        used: true,
        issues: problems,
        message: [
          method === 'labels' ? `没有标记，按标题和栏目识别（吻合 ${Math.round(confidence * 100)}%）。` : '',
          version !== null && version > form.version
            ? `表格版本（v${version}）比本程序认识的（v${form.version}）新，按 v${form.version} 读取；请升级本程序后再核对。`
            : '',
        ].join(''),
      };
      report.sheets.push(sheetReport);
      taken.push({ file: file.file, modified: file.modified, sheet: sheet.name, form, unit, reading, problems, report: sheetReport });
    }
  }

  const latest = new Map<string, Taken>();
  for (const t of taken) {
    const key = returnKey(t);
    if (!t.unit) continue;
    const earlier = latest.get(key);
    if (!earlier || t.modified >= earlier.modified) latest.set(key, t);
  }
  const forms = new Map<string, FormRecords>();
  for (const t of taken) {
    const winner = t.unit ? latest.get(returnKey(t)) : t;
    if (winner !== t && winner) {
      t.report.message = `已被较新的文件“${winner.file}”（工作表“${winner.sheet}”）代替：同一单位的同一表格只用最新的一份。`;
      t.report.used = false;
      t.report.replaced = true;
      continue;
    }
    let entry = forms.get(t.form.id);
    if (!entry) forms.set(t.form.id, (entry = { form: t.form, sheetRecords: [], rowRecords: [] }));
    const { sheetRecord, rows } = recordsOf(t);
    if (sheetRecord) entry.sheetRecords.push(sheetRecord);
    entry.rowRecords.push(...rows);
    t.report.records = (sheetRecord ? 1 : 0) + rows.length;
    if (!t.unit) t.report.message = `${t.report.message}未填单位名称。`.trim();
  }

  for (const input of inputs) {
    if (input.status === 'unreadable') continue;
    const formSheets = input.sheets.filter((s) => s.used || s.replaced);
    const replaced = formSheets.filter((s) => s.replaced);
    if (formSheets.length === 0) {
      input.status = 'skipped';
      input.message = '文件中没有可识别的官方表格。';
    } else if (replaced.length === formSheets.length) {
      input.status = 'replaced';
      input.message = '此文件的表格都已被同一单位较新的文件代替。';
    } else {
      const problems = formSheets.reduce((n, s) => n + (replaced.includes(s) ? 0 : s.problems), 0);
      input.status = problems > 0 ? 'merged-with-problems' : 'merged';
      input.message = `合并 ${formSheets.length - replaced.length} 张表格${problems > 0 ? `，有 ${problems} 个问题` : ''}。`;
    }
  }

  const reported = new Set([...forms.values()].flatMap((f) => [...f.sheetRecords, ...f.rowRecords].map((r) => squashSpaces(r.unit))));
  const missing = (options.roster ?? []).map((u) => u.trim()).filter((u) => u && !reported.has(squashSpaces(u)));
  return { inputs, forms: [...forms.values()], missing };
}
