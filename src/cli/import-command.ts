import * as path from 'path';
import { UserError } from '../core/errors';
import { importNoticeFiles } from '../app/import-forms';
import { planSheet } from '../core/layout';
import { readNoticeFiles } from '../hosts/node/notice-files';
import { ensureDirectory, writeAllOrNothing, type PendingFile } from '../hosts/node/write-files';
import { commandHelp, describeOptions, type CommandHelp } from './help';
import { parseOptions, UsageError } from './parse-options';

export const IMPORT_OPTIONS = {
  output: { type: 'string', short: 'o' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const IMPORT_HELP: CommandHelp = {
  command: 'import',
  title: '从通知导入附件表格 (import a notice’s forms from its files)',
  usage: [
    'union-forms import <通知.docx> -o <文件夹> [--force]',
    'union-forms import <通知.docx> <附件1.docx> <附件2.xlsx>... -o <文件夹> [--force]',
    'union-forms import <通知和附件所在的文件夹> -o <文件夹> [--force]',
  ],
  options: describeOptions(IMPORT_OPTIONS, {
    output: {
      value: '<文件夹>',
      text: '输出文件夹：每张附件表格一个定义（.json）和一个模板（.xlsx）（必填）；validate 和 merge 可指定这个文件夹，按其中的定义检查和合并',
    },
    force: { text: '覆盖已存在的文件' },
    help: { text: '显示本命令的用法' },
  }),
  exits: {
    0: '已导入，并列出找到的内容和推测（请核对）',
    1: '未能导入：文件找不到或无法读取（.doc 在没有 LibreOffice 时）、没有找到带表格的附件，或文件已存在（请加 --force）',
    2: '命令有误：缺少通知文件或 -o、未知选项',
  },
};

const USAGE = '运行 union-forms import --help 查看用法。';

/**
 * union-forms import <notice.docx> [<附件>…] | <folder> -o <folder>: a definition and a template per attachment form,
 * and what was guessed. The files of a notice sent in several (Word, Word 97-2003 through LibreOffice, an office's
 * own .xlsx form) are read as one notice (issue 21 §2).
 */
export async function importCommand(args: string[], io: { out: (line: string) => void; cwd: string }): Promise<number> {
  const { values, positionals } = parseOptions(args, IMPORT_OPTIONS, USAGE);
  if (values.help) {
    io.out(commandHelp(IMPORT_HELP));
    return 0;
  }
  if (positionals.length === 0) throw new UsageError(`请指定通知的文件（.docx），或通知和附件所在的文件夹。${USAGE}`);
  if (!values.output) throw new UsageError(`请用 -o 指定输出文件夹，例如 -o 导入的表格。${USAGE}`);
  const started = Date.now();
  const target = path.resolve(io.cwd, values.output);
  const read = await readNoticeFiles(positionals, io.cwd, undefined, target);
  if (read.missing.length > 0) throw new UserError('unreadable', `找不到或无法读取文件“${read.missing.join('”“')}”。`);
  if (read.parts.length === 0)
    throw new UserError(
      'unreadable',
      read.unread.length > 0 ? read.unread.join('') : `在 ${positionals.join('、')} 中没有找到通知的文件（.docx、.doc、.xlsx）。`,
    );
  const result = importNoticeFiles(read.parts, read.unread);

  const pending: PendingFile[] = [];
  // ExcelJS (the template writer) is loaded by the commands that write templates only.
  const { formTemplateFiles } = await import('../hosts/xlsx/form-template');
  for (const { form, notice } of result.drafts)
    // The template carries its definition, so that validate and merge need nothing else (issue 13 §3).
    for (const file of await formTemplateFiles(form, notice)) pending.push({ path: path.join(target, file.name), data: file.data });
  await ensureDirectory(target);
  await writeAllOrNothing(pending, Boolean(values.force));

  const f = result.facts;
  io.out(
    `通知：${f.title ?? '（未找到标题）'}\u3000文号：${f.docNo ?? '（未找到）'}\u3000发文单位：${f.issuer ?? '（未找到）'}\u3000日期：${f.date ?? '（未找到）'}`,
  );
  const files = result.files;
  if (files && read.parts.length > 1) {
    io.out(`通知正文：${files.notice ?? '（未找到：没有一个文件读作通知）'}`);
    for (const a of files.attachments) io.out(`${a.heading}：${a.file}`);
  }
  for (const name of read.converted) io.out(`已用 LibreOffice 把 Word 97-2003 文档“${name}”转换为 .docx 后读取。`);
  for (const line of files?.unread ?? []) io.out(`未导入：${line}`);
  for (const { form } of result.drafts) {
    const fields = form.bands.reduce(
      (n, b) => n + (b.kind === 'rows' ? b.rows.flatMap((r) => r.cells).filter((c) => c.kind === 'input').length : b.cells.length),
      0,
    );
    const lists = form.bands.filter((b) => b.kind === 'table').length;
    io.out(
      `${form.notice.attachment} ${planSheet(form).title}：${fields} 个栏目${lists ? `，${lists} 个名单` : ''} → ${form.id}.json、${form.id}.xlsx`,
    );
  }
  for (const s of result.skipped) io.out(`${s}：没有表格，未导入。`);
  io.out('推测（请核对，可直接修改 .json 后重新生成模板；前有“！”的是未能确定、必须由人决定的）：');
  for (const g of [...result.noticeGuesses, ...result.drafts.flatMap((d) => d.guesses)])
    io.out(`  ${g.undecided ? '！' : ''}[${g.where}] ${g.field}：${g.what}——${g.why}`);
  for (const s of result.unknownSymbols) io.out(`  不认识的符号 ${s}，按“□”处理，请核对。`);
  io.out(`已写入：${target}（用时 ${Date.now() - started} 毫秒）`);
  return 0;
}
