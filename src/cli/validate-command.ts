import { promises as fs } from 'fs';
import * as path from 'path';
import { localIsoDate } from '../core/cell-value';
import { validateReturn } from '../app/validate-returns';
import { errorCount, type FileVerdict } from '../core/check-sheets';
import { fileRole, packageFolderRole } from '../core/merge/return-files';
import { problemIn, SEVERITY_NAMES, type Lang } from '../core/messages';
import { returnsCatalogue } from '../app/returns-catalogue';
import { readFormsFolder } from '../hosts/node/forms-folder';
import { FORMS_WORDS } from './merge-command';
import type { Catalogue } from '../core/notice-catalogue';
import { CATALOGUE } from '../notices';
import { takeCarriedDefinitions, type ReturnAndDefinitions } from '../hosts/xlsx/carried-definitions';
import { missingPaths } from '../hosts/node/find-inputs';
import { readReturnFile } from '../hosts/node/read-return';
import { commandHelp, describeOptions, LANG_OPTION_DOC, type CommandHelp } from './help';
import { langOption, parseOptions, UsageError } from './parse-options';

export const VALIDATE_OPTIONS = {
  json: { type: 'boolean' },
  today: { type: 'string' },
  lang: { type: 'string' },
  forms: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const VALIDATE_HELP: CommandHelp = {
  command: 'validate',
  title: '检查填好的表格 (check returned files)',
  usage: ['union-forms validate <文件...> [--json] [--today YYYY-MM-DD] [--lang zh-CN|en-US] [--forms <import 写出的文件夹>]'],
  options: describeOptions(VALIDATE_OPTIONS, {
    json: { text: '以 JSON 输出每个文件的检查结果（格式见 README）' },
    today: { value: '<YYYY-MM-DD>', text: '按这一天检查日期（默认今天）' },
    lang: LANG_OPTION_DOC,
    forms: {
      value: '<文件夹>',
      text: 'import 写出的文件夹：导入的表格按其中的定义检查，报表所附定义与之不同的文件不检查（不给时按多数文件所附的定义）',
    },
    help: { text: '显示本命令的用法' },
  }),
  exits: {
    0: '每个文件都找到了表格，没有错误（可以有警告和提示）',
    1: '有文件存在错误，或文件中没有找到可检查的表格',
    2: '有文件找不到或无法读取（包括所附表格定义与 --forms 或其他文件的不同而未检查的），或命令有误、--forms 文件夹有误（此时优先于 1）',
  },
};

const USAGE =
  '用法：union-forms validate <文件...> [--json] [--today YYYY-MM-DD] [--lang zh-CN|en-US]；运行 union-forms validate --help 查看说明。';

/** Whether some sheet of the file held a form this program knows, and so was checked. */
function formChecked(verdict: FileVerdict, catalogue: Catalogue): boolean {
  return verdict.sheets.some((s) => s.form !== null && catalogue.findForm(s.form) !== undefined);
}

/** The verdict with every problem told in the language asked for (code and params unchanged). */
function inLanguage(verdict: FileVerdict, lang: Lang): FileVerdict {
  if (lang === 'zh-CN') return verdict;
  return { ...verdict, sheets: verdict.sheets.map((s) => ({ ...s, problems: s.problems.map((p) => problemIn(p, lang)) })) };
}

function printText(verdicts: FileVerdict[], out: (line: string) => void, lang: Lang, catalogue: Catalogue): void {
  for (const v of verdicts) {
    out(`${v.file}：${v.status === 'unreadable' ? `无法读取——${v.message}` : v.message}`);
    if (v.status !== 'unreadable' && !formChecked(v, catalogue)) out('  没有找到可检查的表格，未检查。');
    for (const sheet of v.sheets) {
      if (sheet.form === null) continue;
      const form = `${sheet.title ?? sheet.form}${sheet.version !== null ? ` v${sheet.version}` : ''}`;
      out(`  工作表“${sheet.sheet}”（${form}）${sheet.message ? `：${sheet.message}` : ''}`);
      for (const p of sheet.problems) out(`    ${p.cell} ${p.label} [${SEVERITY_NAMES[lang][p.severity]}] ${p.message}`);
      if (sheet.problems.length === 0) out('    没有发现问题。');
    }
  }
}

/**
 * union-forms validate <file...> [--json]: 0 no errors, 1 some error or no form found in a file, 2 a file missing or
 * unreadable, or a wrong request. Lock and system files (~$…, .~lock…#) are left out, by the same rule as merge.
 */
export async function validateCommand(
  args: string[],
  io: { out: (line: string) => void; err: (line: string) => void; cwd: string },
): Promise<number> {
  const parsed = parseOptions(args, VALIDATE_OPTIONS, USAGE);
  if (parsed.values.help) {
    io.out(commandHelp(VALIDATE_HELP));
    return 0;
  }
  const given = parsed.positionals;
  if (given.length === 0) throw new UsageError('请指定要检查的文件，例如 union-forms validate 申请表.xlsx。');
  const today = parsed.values.today ?? localIsoDate();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError(`--today 应为“年-月-日”，如 2026-11-21。`);
  const lang = langOption(parsed.values.lang, USAGE);
  const forms = parsed.values.forms ? await readFormsFolder(parsed.values.forms, io.cwd) : undefined;
  const files = given.filter((f) => fileRole(path.basename(f)).role !== 'ignored');
  if (files.length === 0) throw new UsageError(`${given.join('、')} 是临时锁文件或系统文件，不是报表。请指定要检查的表格文件。`);
  const missing = await missingPaths(files, io.cwd);
  // Each file read once: its sheets, and the imported-form definitions it carries (issue 13 §3); the built-in forms
  // plus those make the catalogue every file is then checked against.
  const carried: ReturnAndDefinitions[] = [];
  for (const file of files) {
    // Which files are read is merge's rule (fileRole): other documents get its verdict, without being opened.
    const isFolder = await fs.stat(path.resolve(io.cwd, file)).then(
      (st) => st.isDirectory(),
      () => false,
    );
    const role = (isFolder && packageFolderRole(path.basename(file), '检查')) || fileRole(path.basename(file), '检查');
    const read =
      role.role === 'other' && !missing.includes(file)
        ? { file, modified: 0, unreadable: role.message }
        : await readReturnFile(path.resolve(io.cwd, file), file);
    carried.push(takeCarriedDefinitions(read));
  }
  const {
    returns,
    catalogue,
    added,
    refused: notes,
    notes: rulingNotes,
  } = returnsCatalogue(CATALOGUE.notices, carried, forms?.own ?? [], FORMS_WORDS);
  const verdicts = returns.map((r) => inLanguage(validateReturn(r, today, catalogue), lang));
  const otherNotes = [...(forms?.notes ?? []), ...rulingNotes];
  if (parsed.values.json)
    io.out(
      JSON.stringify(
        {
          files: verdicts.map((v) => ({ ...v, formFound: formChecked(v, catalogue) })),
          ...(added.length + notes.length + otherNotes.length > 0 || forms
            ? {
                definitions: {
                  added,
                  refused: notes,
                  ...(otherNotes.length > 0 ? { notes: otherNotes } : {}),
                  ...(forms ? { forms: forms.own.map((d) => ({ form: d.form.id, version: d.form.version, file: d.file })) } : {}),
                },
              }
            : {}),
        },
        null,
        2,
      ),
    );
  else {
    if (forms)
      io.out(`按 --forms 中的表格定义检查：${forms.own.map((d) => `${d.form.name}（${d.form.id} 第 ${d.form.version} 版）`).join('、')}`);
    if (added.length > 0) io.out(`按文件中附带的表格定义检查：${added.join('、')}`);
    for (const note of notes) io.out(`表格定义未使用：${note}`);
    for (const note of otherNotes) io.out(`注意：${note}`);
    printText(verdicts, io.out, lang, catalogue);
  }
  for (const file of missing) io.err(`错误：找不到“${file}”：没有这个文件，请检查路径。`);
  if (verdicts.some((v) => v.status === 'unreadable')) return 2;
  return verdicts.some((v) => errorCount(v) > 0 || !formChecked(v, catalogue)) ? 1 : 0;
}
