import * as path from 'path';
import { UserError } from '../core/errors';
import type { FormDefinition } from '../core/form-schema';
import { planSheet } from '../core/layout';
import type { ParamOverrides } from '../core/params';
import { FORMS, getForm } from '../notices';
import { ensureDirectory, writeAllOrNothing, type PendingFile } from '../hosts/node/write-files';
import { nativeInflateRaw } from '../hosts/node/native-inflate';
import { packageVersion } from '../hosts/node/package-version';
import { useInflater } from '../hosts/xlsx/zip-guard';
import { commandHelp, describeOptions, type CommandHelp } from './help';
import { IMPORT_HELP, importCommand } from './import-command';
import { MERGE_HELP, mergeCommand } from './merge-command';
import { parseOptions, UsageError } from './parse-options';
import { VALIDATE_HELP, validateCommand } from './validate-command';

export interface CliIO {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** Errors in what the user asked for (exit 2), as opposed to failures while doing it (exit 1). */
const USAGE_CODES = new Set(['usage', 'unknown-form', 'bad-param', 'unknown-param', 'bad-rows']);

const TEMPLATE_OPTIONS = {
  output: { type: 'string', short: 'o' },
  all: { type: 'boolean' },
  edition: { type: 'string' },
  year: { type: 'string' },
  deadline: { type: 'string' },
  rows: { type: 'string' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const TEMPLATE_HELP: CommandHelp = {
  command: 'template',
  title: '生成一张表格，或全部表格 (write one form, or the template pack)',
  usage: ['union-forms template <编号> -o <文件.xlsx> [选项]', 'union-forms template --all -o <文件夹> [选项]'],
  options: describeOptions(TEMPLATE_OPTIONS, {
    output: { value: '<路径>', text: '输出文件（.xlsx）；与 --all 一起时为输出文件夹（必填）' },
    all: { text: '生成全部表格，每张一个文件' },
    edition: { value: '<N>', text: '届次，如 8 即“第八届”（科技节表格）' },
    year: { value: '<YYYY>', text: '年份或年度' },
    deadline: { value: '<MM-DD>', text: '报送截止日期' },
    rows: { value: '<N>', text: '名单部分的行数' },
    force: { text: '覆盖已存在的文件' },
    help: { text: '显示本命令的用法' },
  }),
  exits: {
    0: '已生成',
    1: '未能生成：文件已存在（请加 --force）、文件夹不存在或不可写（此时不写任何文件）',
    2: '命令有误：未知的表格编号或选项、取值无效、缺少 -o',
  },
};

const TEMPLATES_OPTIONS = { help: { type: 'boolean', short: 'h' } } as const;

const TEMPLATES_HELP: CommandHelp = {
  command: 'templates',
  title: '列出全部表格的编号、名称和版本 (list the forms)',
  usage: ['union-forms templates'],
  options: describeOptions(TEMPLATES_OPTIONS, { help: { text: '显示本命令的用法' } }),
  exits: { 0: '已列出', 1: '程序内部出错', 2: '命令有误（多余的参数）' },
};

const COMMANDS: readonly CommandHelp[] = [TEMPLATES_HELP, TEMPLATE_HELP, VALIDATE_HELP, MERGE_HELP, IMPORT_HELP];

/** The whole help: every command with every option it takes and what its exit codes mean. */
function usage(): string {
  return [
    `工会表格助手 union-forms ${packageVersion()}：生成表格模板，检查和合并各单位报表`,
    '',
    '用法 / Usage:',
    ...COMMANDS.flatMap((c) => c.usage.map((line) => `  ${line}`)),
    '  union-forms --version（或 -v）     显示版本',
    '  union-forms --help（或 -h）        显示本说明；union-forms <命令> --help 只显示该命令的说明',
    '',
    ...COMMANDS.flatMap((c) => [commandHelp(c), '']),
    '错误信息在 stderr 上各占一行，以“错误：”开头；程序内部出错时退出码为 1。',
  ].join('\n');
}

function tableRows(form: FormDefinition, rows: string | undefined): Record<string, number> | undefined {
  if (rows === undefined) return undefined;
  const n = /^\d+$/.test(rows.trim()) ? Number(rows) : Number.NaN;
  if (!Number.isInteger(n)) throw new UsageError(`--rows “${rows}”无效：应为正整数。`);
  const result: Record<string, number> = {};
  for (const band of form.bands) if (band.kind === 'table') result[band.id] = n;
  return result;
}

/** Characters Windows does not allow in file names. */
function fileNameFor(title: string): string {
  return `${title.replace(/[\\/:*?"<>|]/g, '_')}.xlsx`;
}

async function templateCommand(args: string[], io: CliIO): Promise<number> {
  // ExcelJS (the template writer) is loaded by the commands that write templates only: merge and validate start faster.
  const { writeFormsWorkbook } = await import('../hosts/xlsx/write-workbook');
  const { values, positionals } = parseOptions(args, TEMPLATE_OPTIONS, '运行 union-forms template --help 查看用法。');
  if (values.help) {
    io.out(commandHelp(TEMPLATE_HELP));
    return EXIT_OK;
  }
  if (!values.output) throw new UsageError('请用 -o 指定输出位置，例如 -o 申报表.xlsx。');
  if (values.all && positionals.length > 0) throw new UsageError('--all 与表格编号只能选一个。');
  if (!values.all && positionals.length === 0)
    throw new UsageError('请指定表格编号（运行 union-forms templates 查看），或用 --all 生成全部表格。');
  if (positionals.length > 1) throw new UsageError(`一次只能指定一个表格编号，收到：${positionals.join(' ')}。`);

  const params: ParamOverrides = { edition: values.edition, year: values.year, deadline: values.deadline };
  const target = path.resolve(io.cwd, values.output);
  const forms = values.all ? FORMS : [getForm(positionals[0] as string)];
  const pending: PendingFile[] = [];
  if (values.all) {
    for (const form of forms) {
      const plan = planSheet(form, { params: onlyDeclared(form, params), tableRows: tableRows(form, values.rows) });
      pending.push({ path: path.join(target, fileNameFor(plan.title)), data: await writeFormsWorkbook([plan]) });
    }
    await ensureDirectory(target);
  } else {
    if (!/\.xlsx$/i.test(target)) throw new UsageError('输出文件应以 .xlsx 结尾。');
    const form = forms[0] as FormDefinition;
    const plan = planSheet(form, { params, tableRows: tableRows(form, values.rows) });
    pending.push({ path: target, data: await writeFormsWorkbook([plan]) });
  }
  await writeAllOrNothing(pending, Boolean(values.force));
  for (const file of pending) io.out(`已生成：${file.path}`);
  return EXIT_OK;
}

/** For the template pack, --edition applies to the forms that have a 届次 and is ignored by the others. */
function onlyDeclared(form: FormDefinition, params: ParamOverrides): ParamOverrides {
  return Object.fromEntries(Object.entries(params).filter(([id]) => form.params.some((p) => p.id === id)));
}

function templatesCommand(args: string[], io: CliIO): number {
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
    io.out(commandHelp(TEMPLATES_HELP));
    return EXIT_OK;
  }
  if (args.length > 0) throw new UsageError(`templates 不需要参数，收到：${args.join(' ')}。`);
  for (const form of FORMS) io.out(`${form.id}\t${planSheet(form).title}\tv${form.version}`);
  return EXIT_OK;
}

/** union-forms help [command] */
function helpCommand(args: string[], io: CliIO): number {
  if (args.length === 0) {
    io.out(usage());
    return EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.command === args[0]);
  if (!command || args.length > 1) throw new UsageError(`没有“${args.join(' ')}”这个命令。运行 union-forms --help 查看用法。`);
  io.out(commandHelp(command));
  return EXIT_OK;
}

/**
 * The command line's own process (bin/union-forms.js) unpacks returns with zlib, under the zip guard's limits; in-process
 * callers (tests, the pane's worker path) keep the JavaScript inflate the browser needs.
 */
export function useNativeInflate(): void {
  useInflater(nativeInflateRaw);
}

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
        io.out(usage());
        return command === undefined ? EXIT_USAGE : EXIT_OK;
      case 'help':
        return helpCommand(rest, io);
      case '-v':
      case '--version':
        io.out(`工会表格助手 union-forms ${packageVersion()}`);
        return EXIT_OK;
      case 'templates':
        return templatesCommand(rest, io);
      case 'template':
        return await templateCommand(rest, io);
      case 'validate':
        return await validateCommand(rest, io);
      case 'merge':
        return await mergeCommand(rest, io);
      case 'import':
        return await importCommand(rest, io);
      default:
        throw new UsageError(`未知命令“${command}”。运行 union-forms --help 查看用法。`);
    }
  } catch (err) {
    if (err instanceof UserError) {
      io.err(`错误：${err.message}`);
      return USAGE_CODES.has(err.code) ? EXIT_USAGE : EXIT_FAILED;
    }
    io.err(`错误：程序内部出错（${(err as Error).message}）。请把这行信息告诉维护人员。`);
    return EXIT_FAILED;
  }
}
