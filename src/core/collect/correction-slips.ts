import { SEVERITY_WORDS } from '../rules/check-form';
import type { MergeResult } from '../merge/merge-returns';
import { rosterUnitResolver } from './collection-status';

/**
 * 退回修改单 (issue 14 §2): for every unit whose returns still have errors or warnings, what it must correct, cell by
 * cell, in the returns that count (a return replaced by a later one is not sent back). Units with nothing to fix
 * get none. Hosts draw a slip as a workbook: a first sheet listing the items, then the unit's returns with each
 * problem cell marked.
 */
export interface SlipItem {
  file: string;
  sheet: string;
  /** The form's Chinese name. */
  form: string;
  cell: string;
  label: string;
  severity: 'error' | 'warning';
  /** 错误 / 警告. */
  severityWord: string;
  /** What is wrong and how to put it right, as the check says it. */
  message: string;
}

export interface CorrectionSlip {
  unit: string;
  /** The unit's files that hold the items, in the order they were given. */
  files: string[];
  items: SlipItem[];
  /** YYYY-MM-DD by which the corrected returns are due, when known. */
  deadline: string | undefined;
}

export interface SlipOptions {
  /** The roster, so that a slip carries the unit's name as the roster spells it. */
  roster?: readonly string[];
  /** When the corrections are due (the clerk's date, else none). */
  deadline?: string;
}

export function correctionSlips(result: MergeResult, options: SlipOptions = {}): CorrectionSlip[] {
  const rosterUnitOf = rosterUnitResolver(result, options.roster ?? []);
  const slips = new Map<string, CorrectionSlip>();
  for (const input of result.inputs)
    for (const sheet of input.sheets) {
      if (!sheet.used || !sheet.form) continue;
      const items = sheet.issues.filter((p) => p.severity !== 'info');
      if (!items.length) continue;
      const unit = rosterUnitOf(sheet.unit) ?? (sheet.unit.trim() || '（未填单位）');
      const slip = slips.get(unit) ?? { unit, files: [], items: [], deadline: options.deadline };
      slips.set(unit, slip);
      if (!slip.files.includes(input.file)) slip.files.push(input.file);
      for (const p of items) {
        const severity = p.severity as 'error' | 'warning';
        slip.items.push({
          file: input.file,
          sheet: sheet.sheet,
          form: sheet.title ?? sheet.form,
          cell: p.cell,
          label: p.label,
          severity,
          severityWord: SEVERITY_WORDS[severity],
          message: p.message,
        });
      }
    }
  return [...slips.values()];
}

/** Characters Windows forbids in file names, and the ones that would make a path: replaced by "_". */
const NOT_IN_FILE_NAMES = /[\\/:*?"<>|]/g;
/** Control characters (below a space), which no file name should hold. */
const isControl = (ch: string): boolean => ch.charCodeAt(0) < 0x20;

/** A slip's file name, with the unit's name: 退回修改单-黄浦区总工会.xlsx. */
export function slipFileName(unit: string): string {
  const safe =
    [...unit.replace(NOT_IN_FILE_NAMES, '_')]
      .map((ch) => (isControl(ch) ? '_' : ch))
      .join('')
      .replace(/^\.+/, '')
      .slice(0, 80) || '未填单位';
  return `退回修改单-${safe}.xlsx`;
}
