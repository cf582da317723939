import { promises as fs } from 'fs';
import * as path from 'path';
import { localIsoDate } from '../core/cell-value';
import { UserError } from '../core/errors';
import type { InputReport, MergeResult, ReturnFile } from '../core/merge/merge-returns';
import { mergeChecks, reportTable } from '../core/merge/summaries';
import { baseName } from '../core/merge/return-files';
import { findInputs, type FoundInput } from '../hosts/node/find-inputs';
import { readReturnFile } from '../hosts/node/read-return';
import { ensureDirectory, writeAllOrNothing, type PendingFile } from '../hosts/node/write-files';
import { writeSummaryWorkbook } from '../hosts/xlsx/write-summaries';
import { CATALOGUE } from '../notices';
import { takeCarriedDefinitions, type ReturnAndDefinitions } from '../hosts/xlsx/carried-definitions';
import { readFormsFolder } from '../hosts/node/forms-folder';
import { returnsCatalogue } from '../app/returns-catalogue';
import { summariseReturns } from '../app/merge-returns';
import { slipFileName } from '../core/collect/correction-slips';
import type { SlipSource } from '../hosts/xlsx/write-slip';
import { commandHelp, describeOptions, type CommandHelp } from './help';
import { parseOptions, UsageError } from './parse-options';

export const MERGE_OPTIONS = {
  output: { type: 'string', short: 'o' },
  roster: { type: 'string' },
  json: { type: 'string' },
  force: { type: 'boolean' },
  today: { type: 'string' },
  deadline: { type: 'string' },
  slips: { type: 'string' },
  reminder: { type: 'string' },
  forms: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** How the clerk's own definitions are named in the ruling's sentences (core/merge/ruling-definitions.ts). */
export const FORMS_WORDS = { own: ' --forms 中的定义', giveOwn: '请加 --forms <import 写出的文件夹>，以您自己的定义为准' };

export const MERGE_HELP: CommandHelp = {
  command: 'merge',
  title: '合并各单位报表 (merge returns)',
  usage: [
    'union-forms merge <文件或文件夹...> -o 汇总.xlsx [--roster 单位名单.txt] [--json 报告.json] [--force]',
    'union-forms merge <文件或文件夹...> -o 汇总.xlsx --roster 单位名单.txt [--deadline YYYY-MM-DD] [--slips 文件夹] [--reminder 催报.txt]',
    'union-forms merge <文件或文件夹...> -o 汇总.xlsx --forms <import 写出的文件夹>',
  ],
  options: describeOptions(MERGE_OPTIONS, {
    output: { value: '<汇总.xlsx>', text: '汇总文件（必填），含各表格的汇总和“合并报告”' },
    roster: { value: '<名单.txt>', text: '单位名单，每行一个单位：列出未报送的单位' },
    json: { value: '<报告.json>', text: '另存一份 JSON 报告：每个文件的结果、每个问题所在的单元格' },
    force: { text: '覆盖已存在的汇总文件和报告' },
    today: { value: '<YYYY-MM-DD>', text: '按这一天检查日期（默认今天）' },
    deadline: { value: '<YYYY-MM-DD>', text: '报送截止日期，用于判断迟报（默认按通知中各表格的截止日期）' },
    slips: { value: '<文件夹>', text: '为每个有错误或警告的单位写一份退回修改单（.xlsx），放在这个文件夹' },
    reminder: { value: '<催报.txt>', text: '写一段催报文字（未报送和缺报表格的单位），可直接粘贴到工作群或邮件；需要 --roster' },
    forms: {
      value: '<文件夹>',
      text: 'import 写出的文件夹：导入的表格按其中的定义合并，报表所附定义与之不同的文件不合并（不给时按多数文件所附的定义）',
    },
    help: { text: '显示本命令的用法' },
  }),
  exits: {
    0: '已合并并生成汇总（个别文件有问题、无法读取或未合并时也是 0，输出中逐个列出）',
    1: '没有合并到任何记录（不生成文件），或无法写入输出文件（已存在时请加 --force）',
    2: '要合并的文件或文件夹、单位名单、--forms 文件夹不存在或其中的定义有误，或命令有误',
  },
};

const USAGE =
  '用法：union-forms merge <文件或文件夹...> -o 汇总.xlsx [--roster 单位名单.txt] [--json 报告.json]；运行 union-forms merge --help 查看说明。';

async function readRoster(file: string, cwd: string): Promise<string[]> {
  const text = await fs.readFile(path.resolve(cwd, file), 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT' || err.code === 'ENOTDIR') throw new UsageError(`找不到单位名单“${file}”，请检查路径。`);
    throw new UserError('unreadable', `无法读取单位名单 ${file}。`);
  });
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Other documents found among the returns: in the report as skipped, with the reason, never as returns that failed. */
function otherDocuments(found: readonly FoundInput[]): InputReport[] {
  return found.flatMap((f) =>
    f.role.role === 'other' ? [{ file: f.file, status: 'skipped' as const, message: f.role.message, sheets: [] }] : [],
  );
}

/** The report's inputs in the order the files were given or found. */
function inOrder(inputs: readonly InputReport[], found: readonly FoundInput[]): InputReport[] {
  const at = new Map(found.map((f, i) => [f.file, i]));
  return inputs
    .map((input, i) => ({ input, i }))
    .sort((a, b) => (at.get(a.input.file) ?? found.length + a.i) - (at.get(b.input.file) ?? found.length + b.i))
    .map(({ input }) => input);
}

const isMerged = (i: InputReport) => i.status === 'merged' || i.status === 'merged-with-problems';

/** Problems in the sheets of a file that were merged. */
function problemsIn(input: InputReport): number {
  return input.sheets.reduce((n, s) => n + (s.used ? s.problems : 0), 0);
}

/** One line per file that is not simply merged: its problems, or why it was not read, not merged or replaced. */
function fileLines(inputs: readonly InputReport[]): string[] {
  const lines: string[] = [];
  for (const i of inputs) if (i.status === 'merged-with-problems') lines.push(`有问题：${i.file}（${problemsIn(i)} 个问题）`);
  for (const i of inputs) if (i.status === 'unreadable') lines.push(`无法读取：${i.file}——${i.message}`);
  for (const i of inputs) if (i.status === 'skipped') lines.push(`未合并：${i.file}——${i.message}`);
  for (const i of inputs) if (i.status === 'replaced') lines.push(`被代替：${i.file}——${i.message}`);
  return lines;
}

/** Why nothing was merged, in one sentence. */
function nothingMerged(given: readonly string[], returns: readonly ReturnFile[], result: MergeResult, others: number): string {
  const also = others > 0 ? `（另有 ${others} 个其他文件，不是 Excel 工作簿）` : '';
  if (returns.length === 0) return `在 ${given.join('、')} 中没有找到表格文件（.xlsx/.xls/.et/.ods/.csv 等）${also}，未生成汇总。`;
  const count = (s: InputReport['status']) => result.inputs.filter((i) => i.status === s && returns.some((r) => r.file === i.file)).length;
  const parts = [
    count('unreadable') > 0 ? `${count('unreadable')} 个无法读取` : '',
    count('skipped') > 0 ? `${count('skipped')} 个没有可识别的已填表格` : '',
  ].filter(Boolean);
  return `没有合并到任何记录：${returns.length} 个 Excel 文件中，${parts.join('，')}${also}，未生成汇总。`;
}

/** union-forms merge <files or folders…> -o <summary.xlsx> [--roster <units.txt>] [--json <report.json>] */
export async function mergeCommand(
  args: string[],
  io: { out: (line: string) => void; err: (line: string) => void; cwd: string },
): Promise<number> {
  const { values, positionals } = parseOptions(args, MERGE_OPTIONS, USAGE);
  if (values.help) {
    io.out(commandHelp(MERGE_HELP));
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('请指定要合并的文件或文件夹。');
  if (!values.output || !/\.xlsx$/i.test(values.output)) throw new UsageError('请用 -o 指定汇总文件，以 .xlsx 结尾。');
  const today = values.today ?? localIsoDate();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError(`--today 应为“年-月-日”，如 2026-11-21。`);
  if (values.deadline !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.deadline))
    throw new UsageError(`--deadline 应为“年-月-日”，如 2017-05-12。`);
  if (values.reminder && !values.roster) throw new UsageError('写催报文字需要单位名单：请加 --roster 单位名单.txt。');
  const roster = values.roster ? await readRoster(values.roster, io.cwd) : undefined;
  const forms = values.forms ? await readFormsFolder(values.forms, io.cwd) : undefined;
  // This run's own outputs and roster are not returns, even when they sit among them.
  const own = [values.output, values.json, values.roster, values.reminder].filter((p): p is string => Boolean(p));
  const { found, missing } = await findInputs(positionals, io.cwd, own);
  if (missing.length > 0) throw new UsageError(`找不到要合并的文件或文件夹：${missing.join('、')}。请检查路径。`);

  const files = found.filter((f) => f.role.role === 'return');
  const carried: ReturnAndDefinitions[] = [];
  for (let i = 0; i < files.length; i++) {
    const file = files[i] as (typeof files)[number];
    // Each file is read once: its sheets, and the imported-form definitions its definition sheet carries.
    carried.push(takeCarriedDefinitions(await readReturnFile(file.fullPath, file.file)));
    if (files.length > 20 && (i + 1) % 20 === 0) io.out(`已读取 ${i + 1}/${files.length} 个文件……`);
  }
  // The built-in forms, the clerk's own definitions (--forms), then those the returns carry as the ruling takes them
  // (issue 13 §3, issue 21 §2): a file whose copy of a form differs from the one that rules is not read.
  const {
    returns,
    catalogue,
    added,
    refused: definitionNotes,
    notes: rulingNotes,
  } = returnsCatalogue(CATALOGUE.notices, carried, forms?.own ?? [], FORMS_WORDS);
  if (forms)
    io.out(`按 --forms 中的表格定义合并：${forms.own.map((d) => `${d.form.name}（${d.form.id} 第 ${d.form.version} 版）`).join('、')}`);
  for (const note of forms?.notes ?? []) io.out(`注意：${note}`);
  if (added.length > 0) io.out(`按文件中附带的表格定义合并：${added.join('、')}`);
  for (const note of definitionNotes) io.out(`表格定义未使用：${note}`);
  for (const note of rulingNotes) io.out(`注意：${note}`);
  // The same merge as the pane's; the other documents found are then added to its report, in the order found.
  const {
    result,
    summaries: tables,
    desk,
  } = summariseReturns(returns, {
    today,
    roster,
    catalogue,
    deadline: values.deadline,
  });
  const others = otherDocuments(found);
  result.inputs = inOrder([...result.inputs, ...others], found);

  if (!result.inputs.some(isMerged)) {
    for (const line of fileLines(result.inputs)) io.out(line);
    io.err(`错误：${nothingMerged(positionals, returns, result, others.length)}`);
    return 1;
  }

  const pending: PendingFile[] = [
    { path: path.resolve(io.cwd, values.output), data: await writeSummaryWorkbook([...tables, reportTable(result, catalogue)]) },
  ];
  const report = {
    inputs: result.inputs,
    outputs: tables.filter((t) => !t.derived).map((t) => ({ sheet: t.sheetName, form: t.formId, rows: t.rows.length })),
    derived: tables.filter((t) => t.derived).map((t) => ({ sheet: t.sheetName, form: t.formId, rows: t.rows.length })),
    missing: result.missing,
    missingForms: result.missingForms,
    rosterMatches: result.rosterMatches,
    offRoster: result.offRoster,
    otherEditions: result.otherEditions,
    resendDoubts: result.resendDoubts,
    units: desk.units,
    checks: mergeChecks(result, catalogue),
    definitions: {
      added,
      refused: definitionNotes,
      notes: [...(forms?.notes ?? []), ...rulingNotes],
      ...(forms ? { forms: forms.own.map((d) => ({ form: d.form.id, version: d.form.version, file: d.file })) } : {}),
    },
  };
  if (values.json)
    pending.push({ path: path.resolve(io.cwd, values.json), data: new TextEncoder().encode(JSON.stringify(report, null, 2)) });
  if (values.reminder && desk.reminder)
    pending.push({ path: path.resolve(io.cwd, values.reminder), data: new TextEncoder().encode(`${desk.reminder}\n`) });
  if (values.slips) {
    const byFile = new Map(found.map((f) => [f.file, f.fullPath]));
    const sheetsOf = new Map(returns.flatMap((r) => ('sheets' in r ? [[r.file, r.sheets] as const] : [])));
    for (const slip of desk.slips) {
      const sources = new Map<string, SlipSource>();
      for (const file of slip.files) {
        const full = byFile.get(file);
        const bytes = full && /\.(xlsx|xlsm)$/i.test(file) ? await fs.readFile(full).catch(() => undefined) : undefined;
        sources.set(file, { bytes, sheets: sheetsOf.get(file) ?? [] });
      }
      pending.push({
        path: path.resolve(io.cwd, values.slips, slipFileName(slip.unit)),
        data: await (await import('../hosts/xlsx/write-slip')).writeCorrectionSlip(slip, (file) => sources.get(file)),
      });
    }
  }
  for (const dir of new Set(pending.map((p) => path.dirname(p.path)))) await ensureDirectory(dir);
  await writeAllOrNothing(pending, Boolean(values.force));

  const count = (s: InputReport['status']) => result.inputs.filter((i) => i.status === s).length;
  const skipped = count('skipped') - others.length;
  io.out(
    `合并完成：${files.length} 个 Excel 文件，合并 ${count('merged') + count('merged-with-problems')}，其中有问题 ${count('merged-with-problems')}，跳过 ${skipped}，无法读取 ${count('unreadable')}，被代替 ${count('replaced')}${others.length > 0 ? `；另有 ${others.length} 个其他文件未合并` : ''}。`,
  );
  for (const t of tables) io.out(`  ${t.sheetName}：${t.rows.length} 行`);
  for (const line of fileLines(result.inputs)) io.out(line);
  if (result.missing.length) io.out(`未报送单位（${result.missing.length}）：${result.missing.join('、')}`);
  for (const m of result.missingForms) io.out(`缺报“${m.title}”（${m.units.length}）：${m.units.join('、')}`);
  if (result.offRoster.length) io.out(`名单外单位（${result.offRoster.length}）：${result.offRoster.join('、')}`);
  for (const o of result.otherEditions) io.out(`已报（届次不符）：${o.unit}——报来的是《${o.sent}》，未计入汇总`);
  for (const d of result.resendDoubts)
    io.out(`疑似重复：${d.unit}“${d.names[0]}”与“${d.names[1]}”（${d.files.map(baseName).join('、')}），两份都已计入，请核对`);
  if (desk.units.length) {
    const late = desk.units.filter((u) => u.forms.some((f) => f.late)).map((u) => u.unit);
    io.out(
      `报送情况：齐全 ${desk.counts.complete}，缺报部分表格 ${desk.counts.partial}，${desk.counts.otherEdition ? `已报（届次不符）${desk.counts.otherEdition}，` : ''}未报送 ${desk.counts.missing}${late.length ? `；迟报（${late.length}）：${late.join('、')}` : ''}。`,
    );
  }
  if (values.slips)
    io.out(`退回修改单：${desk.slips.length} 个单位${desk.slips.length ? `（${desk.slips.map((s) => s.unit).join('、')}）` : ''}。`);
  if (values.reminder && !desk.reminder) io.out('名单中的单位都已报齐，无需催报，未写催报文字。');
  io.out(`已生成：${pending.map((p) => p.path).join('，')}`);
  return 0;
}
