import { promises as fs } from 'fs';
import * as path from 'path';
import { localIsoDate } from '../core/cell-value';
import { UserError } from '../core/errors';
import type { ReturnFile } from '../core/merge/merge-returns';
import { isReturnFileName } from '../core/merge/return-files';
import { mergeChecks } from '../core/merge/summaries';
import { ensureDirectory, writeAllOrNothing, type PendingFile } from '../hosts/node/write-files';
import { readReturnFile } from '../hosts/node/read-return';
import { summariseReturns } from '../hosts/xlsx/merge-buffers';
import { writeSummaryWorkbook } from '../hosts/xlsx/write-summaries';
import { parseOptions, UsageError } from './parse-options';

async function expand(inputs: string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const full = path.resolve(cwd, input);
    const stat = await fs.stat(full).catch(() => undefined);
    if (stat?.isDirectory()) {
      const entries = (await fs.readdir(full, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
      const folders = entries.filter((e) => e.isDirectory()).map((e) => path.join(input, e.name));
      const workbooks = entries.filter((e) => e.isFile() && isReturnFileName(e.name)).map((e) => path.join(input, e.name));
      files.push(...workbooks, ...(await expand(folders, cwd)));
    } else files.push(input);
  }
  return files;
}

/** union-forms merge <files or folders…> -o <summary.xlsx> [--roster <units.txt>] [--json <report.json>] */
export async function mergeCommand(args: string[], io: { out: (line: string) => void; cwd: string }): Promise<number> {
  const parsed = parseOptions(
    args,
    {
      output: { type: 'string', short: 'o' },
      roster: { type: 'string' },
      json: { type: 'string' },
      force: { type: 'boolean' },
      today: { type: 'string' },
    },
    '用法：union-forms merge <文件或文件夹...> -o 汇总.xlsx [--roster 单位名单.txt] [--json 报告.json]',
  );
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError('请指定要合并的文件或文件夹。');
  if (!values.output || !/\.xlsx$/i.test(values.output)) throw new UsageError('请用 -o 指定汇总文件，以 .xlsx 结尾。');
  let roster: string[] | undefined;
  if (values.roster) {
    const text = await fs.readFile(path.resolve(io.cwd, values.roster), 'utf8').catch(() => {
      throw new UserError('unreadable', `无法读取单位名单 ${values.roster}。`);
    });
    roster = text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
  }
  const files = await expand(positionals, io.cwd);
  const returns: ReturnFile[] = [];
  for (const [i, file] of files.entries()) {
    returns.push(await readReturnFile(path.resolve(io.cwd, file), file));
    if (files.length > 20 && (i + 1) % 20 === 0) io.out(`已读取 ${i + 1}/${files.length} 个文件……`);
  }
  const { result, summaries: tables, report: reportSheet } = summariseReturns(returns, { today: values.today ?? localIsoDate(), roster });
  const pending: PendingFile[] = [
    { path: path.resolve(io.cwd, values.output), data: await writeSummaryWorkbook([...tables, reportSheet]) },
  ];
  const report = {
    inputs: result.inputs,
    outputs: tables.filter((t) => !t.derived).map((t) => ({ sheet: t.sheetName, form: t.formId, rows: t.rows.length })),
    derived: tables.filter((t) => t.derived).map((t) => ({ sheet: t.sheetName, form: t.formId, rows: t.rows.length })),
    missing: result.missing,
    checks: mergeChecks(result),
  };
  if (values.json)
    pending.push({ path: path.resolve(io.cwd, values.json), data: new TextEncoder().encode(JSON.stringify(report, null, 2)) });
  for (const dir of new Set(pending.map((p) => path.dirname(p.path)))) await ensureDirectory(dir);
  await writeAllOrNothing(pending, Boolean(values.force));
  const count = (s: string) => result.inputs.filter((i) => i.status === s).length;
  io.out(
    `合并完成：${files.length} 个文件，合并 ${count('merged') + count('merged-with-problems')}，其中有问题 ${count('merged-with-problems')}，跳过 ${count('skipped')}，无法读取 ${count('unreadable')}，被代替 ${count('replaced')}。`,
  );
  for (const t of tables) io.out(`  ${t.sheetName}：${t.rows.length} 行`);
  if (result.missing.length) io.out(`未报送单位（${result.missing.length}）：${result.missing.join('、')}`);
  io.out(`已生成：${pending.map((p) => p.path).join('，')}`);
  return 0;
}
