import type { CellRange } from './a1';
import type { CellValue } from './cell-value';
import type { Catalogue } from './notice-catalogue';
import { cellText } from './cell-value';
import { relateSheets } from './merge/file-sheets';
import { readSheet, type SheetReading } from './read/read-sheet';
import type { Problem } from './rules/check-form';

/** A sheet as any host hands it over for checking. */
export interface SheetToCheck {
  name: string;
  grid: CellValue[][];
  nameValues: string[];
  /**
   * The sheet's merged areas (zero-based), where the host knows them. A value typed into a merged area lives in its
   * top-left cell; a list cell merged over several rows gives its value to every row it spans.
   */
  merges?: CellRange[];
  /** Hidden (or very hidden) in its workbook, where the host knows it: a clerk's old copy, never a return on its own. */
  hidden?: boolean;
}

export interface SheetVerdict {
  sheet: string;
  form: string | null;
  /** The form's Chinese name, for people. */
  title?: string;
  version: number | null;
  problems: Problem[];
  message: string | undefined;
}

export interface FileVerdict {
  file: string;
  status: 'ok' | 'problems' | 'unreadable';
  message: string;
  sheets: SheetVerdict[];
}

function countOf(sheets: readonly SheetVerdict[], severity: Problem['severity']): number {
  return sheets.reduce((n, s) => n + s.problems.filter((p) => p.severity === severity).length, 0);
}

export function errorCount(verdict: FileVerdict): number {
  return countOf(verdict.sheets, 'error');
}

/** A returned file's verdict: problems when any error or warning, ok otherwise (reminders do not count). */
export function fileVerdict(file: string, sheets: readonly SheetToCheck[], today: string, catalogue: Catalogue): FileVerdict {
  const reads = sheets.map((s) => readSheet(s, today, catalogue));
  const verdicts = sheets.map((s, i) => verdictOf(s, reads[i] as SheetReading));
  // A 续表 is checked as the merge reads it: not asked again for the head fields the notice prints once.
  const found = reads.flatMap((read, at) => {
    const sheet = sheets[at] as SheetToCheck;
    if (!read.ok || read.untouched || sheet.hidden) return [];
    const { form } = read.recognition;
    const unitAt = read.reading.plan.slots.findIndex((x) => x.field.id === form.unitFieldId);
    const unit = unitAt >= 0 ? cellText(read.reading.values[unitAt]) : '';
    return [{ at, sheet: sheet.name, form, reading: read.reading, problems: read.problems, unit }];
  });
  relateSheets(file, found, []).forEach((relation, k) => {
    const entry = found[k];
    const main = relation.continues === undefined ? undefined : found[relation.continues];
    if (!entry || !main) return;
    const verdict = verdicts[entry.at] as SheetVerdict;
    verdicts[entry.at] = {
      ...verdict,
      problems: relation.problems,
      message: `${verdict.message ?? ''}这是工作表“${main.sheet}”的续表，单位和联系人等按该表检查。`,
    };
  });
  const forms = verdicts.filter((v) => v.form !== null).length;
  const errors = countOf(verdicts, 'error');
  const warnings = countOf(verdicts, 'warning');
  const message =
    forms === 0
      ? '文件中没有本系统的官方表格。'
      : `${forms} 张表格：${errors} 个错误，${warnings} 个警告，${countOf(verdicts, 'info')} 个提示。`;
  return { file, status: errors + warnings > 0 ? 'problems' : 'ok', message, sheets: verdicts };
}

/** Finds the form a sheet holds (by its marker, or by its title and labels, as the merge does), reads it and checks it. */
export function checkSheet(sheet: SheetToCheck, today: string, catalogue: Catalogue): SheetVerdict {
  return verdictOf(sheet, readSheet(sheet, today, catalogue));
}

function verdictOf(sheet: SheetToCheck, read: SheetReading): SheetVerdict {
  if (!read.ok)
    return { sheet: sheet.name, form: null, version: null, problems: [], message: `不是本系统的官方表格，未检查：${read.reason}` };
  const { form, method, confidence, version } = read.recognition;
  const notes = [
    method === 'labels' ? `没有标记，按标题和栏目识别（吻合 ${Math.round(confidence * 100)}%）。` : '',
    version !== null && version > form.version
      ? `表格版本（v${version}）比本程序认识的（v${form.version}）新，按 v${form.version} 检查。`
      : '',
    sheet.hidden ? '这是隐藏的工作表，合并时不计入汇总。' : '',
  ].join('');
  return { sheet: sheet.name, form: form.id, title: form.sheetName, version, problems: read.problems, message: notes || undefined };
}
