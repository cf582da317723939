/**
 * A notice in several files (issue 21 §2), read in-process: which file is what (by its bytes), which is the notice,
 * the notice's facts on every form of every file, an office's own Excel form read as 从所选区域创建 reads a sheet,
 * LibreOffice's time limit, and which definition rules when the returns carry copies that differ.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { importNoticeFiles, type NoticeImport } from '../../src/app/import-forms';
import { UserError } from '../../src/core/errors';
import type { FormDefinition } from '../../src/core/form-schema';
import type { FoundDefinition } from '../../src/core/imported-catalogue';
import { noticeFileKind } from '../../src/core/import/notice-files';
import { ruleDefinitions } from '../../src/core/merge/ruling-definitions';
import { docToDocx } from '../../src/hosts/node/doc-to-docx';
import { readNoticeFiles } from '../../src/hosts/node/notice-files';
import { CATALOGUE } from '../../src/notices';
import { importNoticeFileBytes } from '../../src/taskpane/new-form/notice-files';
import { SET_FILES, SET_NOTICE, writeNoticeSet } from './notice-set-files';

jest.setTimeout(240_000);

let root: string;
const setFile = (name: string) => path.join('set', name);

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'uf-notice-set-'));
  writeNoticeSet(root, true);
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Every label a form prints (rows and list headers), as printed. */
function labels(form: FormDefinition): string[] {
  return form.bands.flatMap((b) =>
    b.kind === 'rows'
      ? b.rows.flatMap((r) => r.cells.flatMap((c) => (c.kind === 'label' ? [c.text] : [])))
      : b.header.flatMap((r) => r.cells.flatMap((c) => (c.kind === 'label' ? [c.text] : []))),
  );
}

const deadline = (form: FormDefinition) => form.params.find((p) => p.id === 'deadline')?.default;

async function imported(given: string[], soffice: string | false = false): Promise<NoticeImport> {
  const read = await readNoticeFiles(given, root, soffice);
  return importNoticeFiles(read.parts, read.unread);
}

describe('what each file of a notice is, from its bytes', () => {
  const bytes = (file: string) => new Uint8Array(fs.readFileSync(path.join(root, file)));
  it.each([
    [setFile(SET_FILES.notice), 'x.docx', 'docx'],
    [setFile(SET_FILES.statistics), 'x.xlsx', 'workbook'],
    [path.join('single', '书屋通知.doc'), '通知.doc', 'doc'],
    // A .doc renamed .docx is still a .doc; an Excel 97 .xls is a workbook though both are OLE files.
    [path.join('single', '书屋通知.doc'), '通知.docx', 'doc'],
    [path.join('xls', '附件2 藏书情况统计表.xls'), '附件2.xls', 'workbook'],
    [setFile(SET_FILES.pdf), '盖章件.pdf', 'pdf'],
  ])('%s named %s is %s', (file, name, kind) => {
    expect(noticeFileKind(bytes(file), name)).toBe(kind);
  });
});

describe('a notice sent as a folder of files', () => {
  it('gives the notice’s 文号, title, 年度 and deadlines to the form of each attachment file', async () => {
    const result = await imported(['set']);
    expect(result.files?.notice).toBe(SET_FILES.notice);
    expect(result.files?.attachments).toEqual([
      { file: SET_FILES.application, heading: '附件1' },
      { file: SET_FILES.statistics, heading: '附件2' },
    ]);
    expect(result.drafts.map((d) => d.form.id)).toEqual(SET_NOTICE.ids);
    expect(result.drafts.map((d) => d.form.notice.docNo)).toEqual([SET_NOTICE.docNo, SET_NOTICE.docNo]);
    expect(result.drafts.map((d) => d.notice.issuer)).toEqual([SET_NOTICE.issuer, SET_NOTICE.issuer]);
    expect(result.drafts.map((d) => deadline(d.form))).toEqual(SET_NOTICE.deadlines);
    expect(result.drafts.map((d) => d.form.params.find((p) => p.id === 'year')?.default)).toEqual([2022, 2022]);
    expect(result.facts.title).toBe(SET_NOTICE.title);
    // The PDF is said, the lock file is not.
    expect(result.files?.unread).toEqual([expect.stringMatching(/^“盖章件\.pdf”是 PDF 文件/)]);
  });

  it('reads the office’s own Excel form by its merged title row, unit line, list header and 注', async () => {
    const [application, statistics] = (await imported(['set'])).drafts.map((d) => d.form) as [FormDefinition, FormDefinition];
    expect(labels(application)).toEqual(expect.arrayContaining(SET_NOTICE.applicationLabels));
    expect(statistics.name).toBe('藏书情况统计表');
    const list = statistics.bands.find((b) => b.kind === 'table');
    expect(list?.kind === 'table' && list.cells.map((c) => c.field.label)).toEqual(SET_NOTICE.statisticsHeader);
    expect(labels(statistics)).toEqual(expect.arrayContaining(['填报单位：']));
  });

  it('takes the notice and its attachments named in any order', async () => {
    const given = [SET_FILES.statistics, SET_FILES.application, SET_FILES.notice].map(setFile);
    const result = await imported(given);
    expect(result.files?.notice).toBe(SET_FILES.notice);
    expect(result.drafts.map((d) => [d.form.id, deadline(d.form)])).toEqual([
      [SET_NOTICE.ids[0], SET_NOTICE.deadlines[0]],
      [SET_NOTICE.ids[1], SET_NOTICE.deadlines[1]],
    ]);
  });

  it('numbers files named by their titles only as the notice’s 附件 list numbers them', async () => {
    // 藏书情况统计表 sorts before 职工书屋申报表, and neither name nor first line says 附件N: the list numbers them.
    const result = await imported(['plain']);
    expect(result.files?.attachments).toEqual([
      { file: '职工书屋申报表.docx', heading: '附件1' },
      { file: '藏书情况统计表.xlsx', heading: '附件2' },
    ]);
    expect(result.drafts.map((d) => [d.form.id, deadline(d.form)])).toEqual([
      [SET_NOTICE.ids[0], SET_NOTICE.deadlines[0]],
      [SET_NOTICE.ids[1], SET_NOTICE.deadlines[1]],
    ]);
  });

  it('imports an attachment file alone, and says the notice’s facts are missing', async () => {
    const result = await imported([setFile(SET_FILES.statistics)]);
    expect(result.drafts).toHaveLength(1);
    expect(result.noticeGuesses).toContainEqual(expect.objectContaining({ field: '通知正文', undecided: true }));
  });

  it('reads the same forms from an Excel 97 .xls attachment', async () => {
    fs.mkdirSync(path.join(root, 'with-xls'), { recursive: true });
    fs.copyFileSync(path.join(root, setFile(SET_FILES.notice)), path.join(root, 'with-xls', SET_FILES.notice));
    fs.copyFileSync(path.join(root, 'xls', '附件2 藏书情况统计表.xls'), path.join(root, 'with-xls', '附件2 藏书情况统计表.xls'));
    const result = await imported(['with-xls']);
    expect(result.drafts.map((d) => [d.form.id, deadline(d.form)])).toEqual([['notice-2022-58-2', '12-16']]);
  });
});

describe('a Word 97-2003 .doc', () => {
  it('is read through LibreOffice where the machine has it', async () => {
    const result = await imported([path.join('single', '书屋通知.doc')], 'soffice');
    expect(result.drafts.map((d) => [d.form.id, d.form.notice.docNo, deadline(d.form)])).toEqual([
      [SET_NOTICE.ids[0], SET_NOTICE.docNo, SET_NOTICE.deadlines[0]],
    ]);
    expect(labels(result.drafts[0]?.form as FormDefinition)).toEqual(expect.arrayContaining(SET_NOTICE.applicationLabels));
  });

  it('without LibreOffice gets a verdict naming .doc and how to save it as .docx, never the zip’s words', async () => {
    const read = await readNoticeFiles([path.join('single', '书屋通知.doc')], root, false);
    expect(read.parts).toEqual([]);
    expect(read.unread).toEqual([expect.stringMatching(/Word 97-2003 文档（\.doc）.*另存为.*Word 文档 \(\*\.docx\)/)]);
    expect(read.unread.join('')).not.toMatch(/压缩包/);
  });

  it('stops LibreOffice at the time limit and says so in Chinese', async () => {
    const fake = path.join(root, 'slow-soffice.sh');
    fs.writeFileSync(fake, '#!/bin/sh\nsleep 30\n', { mode: 0o755 });
    const started = Date.now();
    const error = await docToDocx(new Uint8Array([1, 2, 3]), '通知.doc', fake, 500).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/^用 LibreOffice 转换“通知\.doc”超过 1 秒，已停止。请用 Word 或 WPS 打开它/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('says so when LibreOffice makes nothing of the file', async () => {
    const fake = path.join(root, 'failing-soffice.sh');
    fs.writeFileSync(fake, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    const error = await docToDocx(new Uint8Array([1, 2, 3]), '通知.doc', fake).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/^LibreOffice 未能把“通知\.doc”转换为 \.docx/);
  });
});

describe('the pane’s 从通知导入 with several files chosen at once', () => {
  const chosen = (...files: string[]) =>
    files.map((f) => ({ name: path.basename(f), data: new Uint8Array(fs.readFileSync(path.join(root, f))) }));

  it('reads the notice and its attachments from their bytes as the command line does', async () => {
    const result = await importNoticeFileBytes(chosen(...[SET_FILES.statistics, SET_FILES.notice, SET_FILES.application].map(setFile)));
    expect(result.drafts.map((d) => [d.form.id, d.form.notice.docNo, deadline(d.form)])).toEqual([
      [SET_NOTICE.ids[0], SET_NOTICE.docNo, SET_NOTICE.deadlines[0]],
      [SET_NOTICE.ids[1], SET_NOTICE.docNo, SET_NOTICE.deadlines[1]],
    ]);
  });

  it('tells a .doc how to be saved as .docx (no LibreOffice in a pane)', async () => {
    const error = await importNoticeFileBytes(chosen(path.join('single', '书屋通知.doc'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/^“书屋通知\.doc”是 Word 97-2003 文档（\.doc），不能直接读取。.*Word 文档 \(\*\.docx\)/);
  });
});

describe('which definition rules when returns carry copies that differ', () => {
  const form = (name: string): FormDefinition => ({ ...CATALOGUE.getForm('yangpu-theme-activity'), id: 'notice-2022-58-9', name });
  const notice = { title: '通知', docNo: '沪工〔2022〕1号' };
  const sent = form('读书活动登记表');
  const edited = form('读书活动登记表（改）');
  const found = (file: string, f: FormDefinition): FoundDefinition => ({ file, notice, form: f });
  const carried = (...pairs: [string, FormDefinition][]) => pairs.map(([file, f]) => ({ file, found: [found(file, f)] }));
  const words = { own: '您的定义', giveOwn: '请给出您的定义' };

  it('the clerk’s own: a differing copy and a version the clerk lacks are refused, the same copy is read', () => {
    const ruling = ruleDefinitions(
      carried(['甲.xlsx', sent], ['乙.xlsx', edited], ['丙.xlsx', { ...sent, version: 2 }]),
      [found('forms', sent)],
      words,
    );
    expect([...ruling.refused.keys()]).toEqual(['乙.xlsx', '丙.xlsx']);
    expect(ruling.refused.get('乙.xlsx')).toMatch(/“读书活动登记表（改）”（notice-2022-58-9 第 1 版）与您的定义不同/);
    expect(ruling.refused.get('丙.xlsx')).toMatch(/第 2 版）不在您的定义中（只有第 1 版）/);
    expect(ruling.found.map((d) => d.file)).toEqual(['甲.xlsx']);
  });

  it('none of the clerk’s: the copy most files carry rules, whichever file was read first', () => {
    const ruling = ruleDefinitions(carried(['甲.xlsx', edited], ['乙.xlsx', sent], ['丙.xlsx', sent]), [], words);
    expect([...ruling.refused.keys()]).toEqual(['甲.xlsx']);
    expect(ruling.found.map((d) => d.form.name)).toEqual(['读书活动登记表', '读书活动登记表']);
    expect(ruling.notes).toEqual([expect.stringMatching(/按 3 个文件中 2 个所附的定义读取.*请给出您的定义/)]);
  });

  it('none of the clerk’s and no majority: every file carrying the form is refused, naming the files', () => {
    const ruling = ruleDefinitions(carried(['甲.xlsx', sent], ['乙.xlsx', edited]), [], words);
    expect([...ruling.refused.keys()]).toEqual(['甲.xlsx', '乙.xlsx']);
    expect(ruling.refused.get('甲.xlsx')).toMatch(/（甲\.xlsx；乙\.xlsx，各不相同），无法判断哪一份是下发的.*请给出您的定义/);
    expect(ruling.found).toEqual([]);
  });
});
