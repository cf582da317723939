import { cellText } from '../cell-value';
import type { FormDefinition } from '../form-schema';
import type { FormReading } from '../read/read-form';
import { problemMessage } from '../messages';
import type { Problem } from '../rules/check-form';
import { resendRank } from './resends';
import { baseName } from './return-files';
import { unitKey } from './roster';

/** A form sheet of one returned file, as read, before it is weighed against the file's other sheets. */
export interface FileSheet {
  sheet: string;
  form: FormDefinition;
  reading: FormReading;
  problems: Problem[];
  /** The unit its 单位 cell names, as typed ('' when blank). */
  unit: string;
}

/** What the file's other sheets and its name say about one sheet. */
export interface SheetRelation {
  /** The unit its records count for: its own, or one told from the file ('' when nothing tells it). */
  unit: string;
  /** Why the unit is not the sheet's own, for 合并报告. */
  unitNote: string;
  /** For a list continued from another sheet (续表): that sheet, whose head fields (单位, 联系人) it takes. */
  continues?: number;
  /** Its problems, without those about head fields a 续表 does not repeat. */
  problems: Problem[];
}

const isHead = (reading: FormReading, at: number) => reading.plan.slots[at]?.tableId === undefined;

/** Whether none of the sheet's head fields (those outside its lists) holds anything. */
function headBlank(s: FileSheet): boolean {
  return s.reading.values.every((v, at) => !isHead(s.reading, at) || cellText(v) === '');
}

/** The texts of a sheet's list rows, one per filled row, to tell a 续表 (new rows) from a second copy (same rows). */
function rowTexts(s: FileSheet): Set<string> {
  const rows = new Map<string, string[]>();
  s.reading.plan.slots.forEach((slot, at) => {
    if (slot.tableId !== s.form.merge.table || slot.index === undefined) return;
    const text = cellText(s.reading.values[at]);
    if (!text || /^\d+$/.test(text)) return;
    const key = String(slot.index);
    rows.set(key, [...(rows.get(key) ?? []), text]);
  });
  return new Set([...rows.values()].map((texts) => texts.join('|')));
}

/** A sheet named as a continuation: 续表, 续页, (续), 续2, 第2页. */
const CONTINUATION_NAME = /续|第\s*[2-9二三四五六七八九]\s*页/;

/**
 * Whether `later` continues the list of `main` in the same file (a 续表): its sheet name says 续, or — unless the
 * names say versions (初稿, 定稿) — it repeats none of main's head fields, or it names the same unit and lists none
 * of main's rows (a second copy of a return lists the same rows, and stays a resend).
 */
function continues(main: FileSheet, later: FileSheet): boolean {
  if (!later.form.merge.table || later.form.id !== main.form.id) return false;
  if (CONTINUATION_NAME.test(later.sheet)) return true;
  // 初稿 and 定稿, 修改 and 最终 are two versions of one return, not its parts.
  if (resendRank(later.sheet) !== 1 || resendRank(main.sheet) !== 1) return false;
  if (headBlank(later)) return true;
  if (!later.unit || unitKey(later.unit) !== unitKey(main.unit)) return false;
  const mainRows = rowTexts(main);
  const laterRows = rowTexts(later);
  return laterRows.size > 0 && [...laterRows].every((r) => !mainRows.has(r));
}

/** The problems of a 续表 that are about head fields it does not repeat: not the clerk's to fix there. */
function headProblem(s: FileSheet, p: Problem): boolean {
  if (p.list) return false;
  const slot = s.reading.plan.slots.find((x) => x.key === p.key);
  if (slot && slot.tableId !== undefined) return false;
  return p.code === 'required' || p.code === 'read.notFound' || p.code === 'blank.reminder';
}

/** Words every unit's name has, and a district's name before it: no help in telling one unit from another. */
const GENERIC_UNIT_WORDS = /上海市?|总工会|工会|委员会|联合会|有限公司|公司/g;
const DISTRICT = /^[^区县]{2,3}(?:新区|区|县)(?=.{2,})/;

/**
 * The roster unit a file's name names ("延吉新村街道.xlsx" → 杨浦区延吉新村街道总工会): the unit sharing the longest
 * run of the name's characters (at least 3, beyond the words every unit has); of units sharing as long a run, the
 * one whose own name has least beside it ("外滩街道" → 黄浦区外滩街道总工会, not 虹口区北外滩街道总工会). Undefined
 * when that still leaves two.
 */
export function unitFromFileName(file: string, roster: readonly string[]): string | undefined {
  const name = unitKey(baseName(file).replace(/\.[^.]+$/, '')).replace(GENERIC_UNIT_WORDS, '');
  if (name.length < 3) return undefined;
  let best: { unit: string; run: number; rest: number } | undefined;
  let tie = false;
  for (const unit of roster) {
    const key = unitKey(unit);
    let run = 0;
    for (let i = 0; i + run < name.length; i++) while (i + run < name.length && key.includes(name.slice(i, i + run + 1))) run++;
    if (run < 3) continue;
    const rest = key.replace(DISTRICT, '').replace(GENERIC_UNIT_WORDS, '').length - run;
    if (!best || run > best.run || (run === best.run && rest < best.rest)) [best, tie] = [{ unit: unit.trim(), run, rest }, false];
    else if (run === best.run && rest === best.rest && unitKey(unit) !== unitKey(best.unit)) tie = true;
  }
  return best && !tie ? best.unit : undefined;
}

/**
 * A returned file's form sheets weighed together: a 续表 takes its unit and head fields from the sheet it continues
 * and loses the 必填 problems of fields the notice prints once; a sheet whose 单位 is blank takes the unit the file's
 * other sheets name, else the roster unit its file name names. What cannot be told stays blank, and is said.
 */
export function relateSheets(file: string, sheets: readonly FileSheet[], roster: readonly string[]): SheetRelation[] {
  const relations: SheetRelation[] = sheets.map((s) => ({ unit: s.unit, unitNote: '', problems: s.problems }));
  sheets.forEach((s, i) => {
    for (let m = 0; m < i; m++) {
      const main = sheets[m] as FileSheet;
      if (relations[m]?.continues !== undefined || main.form.id !== s.form.id || headBlank(main)) continue;
      if (!continues(main, s)) continue;
      const mainUnit = relations[m]?.unit ?? main.unit;
      relations[i] = {
        // its own 单位 as typed when it repeats the main sheet's
        unit: s.unit && unitKey(s.unit) === unitKey(mainUnit) ? s.unit : mainUnit,
        unitNote: '',
        continues: m,
        problems: s.problems.filter((p) => !headProblem(s, p)),
      };
      return;
    }
  });
  const units = [...new Map(relations.filter((r) => r.unit).map((r) => [unitKey(r.unit), r.unit])).values()];
  relations.forEach((r, i) => {
    if (r.unit) return;
    const sheet = sheets[i] as FileSheet;
    const told = (unit: string, source: string, sourceEn: string) => {
      r.unit = unit;
      r.unitNote = `单位名称未填，按${source}认作“${unit}”汇总，请核对。`;
      // The blank 单位 is still the clerk's to fill in, but the summary is right: a warning, not a 必填 error.
      r.problems = r.problems.map((p) => {
        if (p.code !== 'required' || p.field !== sheet.form.unitFieldId) return p;
        const params = { unit, source, sourceEn };
        return { ...p, severity: 'warning', code: 'unit.fromFile', params, message: problemMessage('unit.fromFile', params) };
      });
    };
    if (units.length === 1) {
      const from = sheets.find((s, k) => k !== i && relations[k]?.unit === units[0]);
      told(units[0] as string, `本文件工作表“${from?.sheet ?? ''}”中的单位`, `sheet “${from?.sheet ?? ''}” of the same file`);
      return;
    }
    const named = unitFromFileName(file, roster);
    if (named) {
      told(named, `文件名“${baseName(file)}”（单位名单）`, `the file name “${baseName(file)}” (the roster)`);
      return;
    }
    r.unitNote = `单位名称未填，无法判断是哪个单位：本文件“${sheet.sheet}”的记录单独列出，请核对后补上单位名称。`;
  });
  return relations;
}

/** How a summary names the unit of records whose unit could not be told: one per file, never a shared bucket. */
export function unknownUnit(file: string): string {
  return `（未填单位：${baseName(file)}）`;
}
