import { promises as fs } from 'fs';
import * as path from 'path';
import { localIsoDate } from '../core/cell-value';
import { checkSheet, type SheetVerdict } from '../core/check-sheets';
import { UserError } from '../core/errors';
import type { Severity } from '../core/rules/check-form';
import { readWorkbookFile } from '../hosts/xlsx/read-workbook';
import { parseOptions, UsageError } from './parse-options';

export interface FileVerdict {
  file: string;
  status: 'ok' | 'problems' | 'unreadable';
  message: string;
  sheets: SheetVerdict[];
}

const SEVERITY_WORD: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
const count = (sheets: SheetVerdict[], severity: Severity) =>
  sheets.reduce((n, s) => n + s.problems.filter((p) => p.severity === severity).length, 0);

async function checkFile(file: string, cwd: string, today: string): Promise<FileVerdict> {
  let data: Uint8Array;
  try {
    data = await fs.readFile(path.resolve(cwd, file));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? '找不到文件' : code === 'EISDIR' ? '这是一个文件夹' : code === 'EACCES' ? '没有读取权限' : String(code ?? err);
    return { file, status: 'unreadable', message: `${why}。`, sheets: [] };
  }
  let sheets;
  try {
    sheets = readWorkbookFile(data);
  } catch (err) {
    return {
      file,
      status: 'unreadable',
      message: err instanceof UserError ? err.message : `无法读取：${(err as Error).message}`,
      sheets: [],
    };
  }
  const verdicts = sheets.map((s) => checkSheet(s, today));
  const forms = verdicts.filter((v) => v.form !== null).length;
  const errors = count(verdicts, 'error');
  const warnings = count(verdicts, 'warning');
  const status = errors + warnings > 0 ? 'problems' : 'ok';
  const message =
    forms === 0
      ? '文件中没有本系统的官方表格。'
      : `${forms} 张表格：${errors} 个错误，${warnings} 个警告，${count(verdicts, 'info')} 个提示。`;
  return { file, status, message, sheets: verdicts };
}

function printText(verdicts: FileVerdict[], out: (line: string) => void): void {
  for (const v of verdicts) {
    out(`${v.file}：${v.status === 'unreadable' ? `无法读取——${v.message}` : v.message}`);
    for (const sheet of v.sheets) {
      if (sheet.form === null) continue;
      out(`  工作表“${sheet.sheet}”（${sheet.form} v${sheet.version}）${sheet.message ? `：${sheet.message}` : ''}`);
      for (const p of sheet.problems) out(`    ${p.cell} ${p.label} [${SEVERITY_WORD[p.severity]}] ${p.message}`);
      if (sheet.problems.length === 0) out('    没有发现问题。');
    }
  }
}

/** union-forms validate <file...> [--json]: 0 no errors, 1 some error, 2 a file unreadable or a wrong request. */
export async function validateCommand(args: string[], io: { out: (line: string) => void; cwd: string }): Promise<number> {
  const parsed = parseOptions(
    args,
    { json: { type: 'boolean' }, today: { type: 'string' } },
    '用法：union-forms validate <文件...> [--json]',
  );
  const files = parsed.positionals;
  if (files.length === 0) throw new UsageError('请指定要检查的文件，例如 union-forms validate 申请表.xlsx。');
  const today = parsed.values.today ?? localIsoDate();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError(`--today 应为“年-月-日”，如 2026-11-21。`);
  const verdicts: FileVerdict[] = [];
  for (const file of files) verdicts.push(await checkFile(file, io.cwd, today));
  if (parsed.values.json) io.out(JSON.stringify({ files: verdicts }, null, 2));
  else printText(verdicts, io.out);
  if (verdicts.some((v) => v.status === 'unreadable')) return 2;
  return verdicts.some((v) => count(v.sheets, 'error') > 0) ? 1 : 0;
}
