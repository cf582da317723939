import * as path from 'path';
import { localIsoDate } from '../core/cell-value';
import { errorCount, fileVerdict, type FileVerdict } from '../core/check-sheets';
import type { Severity } from '../core/rules/check-form';
import { readReturnFile } from '../hosts/node/read-return';
import { parseOptions, UsageError } from './parse-options';

const SEVERITY_WORD: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

async function checkFile(file: string, cwd: string, today: string): Promise<FileVerdict> {
  const read = await readReturnFile(path.resolve(cwd, file));
  if ('unreadable' in read) return { file, status: 'unreadable', message: read.unreadable, sheets: [] };
  return fileVerdict(file, read.sheets, today);
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
  return verdicts.some((v) => errorCount(v) > 0) ? 1 : 0;
}
