/**
 * The built command line on a notice sent in several files and on the clerk's own definitions (issue 21 §2), spawned
 * as a clerk runs it: import <folder>, import <notice> <附件…>, a .doc with and without LibreOffice, then validate and
 * merge with --forms against returns filled by openpyxl, one of them carrying a district's edited copy.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { sealDefinition } from '../../src/core/definition-envelope';
import type { FormDefinition } from '../../src/core/form-schema';
import { SET_FILES, SET_NOTICE, writeNoticeSet } from '../import/notice-set-files';

jest.setTimeout(240_000);

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'union-forms.js');
let dir: string;

function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: run.status, out: run.stdout.split('\n').filter(Boolean), err: run.stderr.split('\n').filter(Boolean) };
}

const definition = (folder: string, id: string) =>
  JSON.parse(fs.readFileSync(path.join(dir, folder, `${id}.json`), 'utf8')) as FormDefinition;
const deadline = (form: FormDefinition) => form.params.find((p) => p.id === 'deadline')?.default;
const python = (script: string, jobs: unknown) => {
  const file = path.join(dir, `jobs-${Date.now()}.json`);
  fs.writeFileSync(file, JSON.stringify(jobs));
  execFileSync('/usr/bin/python3', [path.join(ROOT, 'test', 'import', script), file]);
};

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'node', 'cli', 'main.js')))
    execFileSync('npm', ['run', 'build:cli'], { cwd: ROOT, stdio: 'ignore' });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uf-import-files-'));
  writeNoticeSet(dir, true);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('union-forms import of a notice in several files', () => {
  it('imports a folder: every form gets the notice’s 文号, title and deadline', () => {
    const { code, out, err } = cli(['import', 'set', '-o', 'forms']);
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(out).toEqual(
      expect.arrayContaining([
        `通知正文：${SET_FILES.notice}`,
        `附件1：${SET_FILES.application}`,
        `附件2：${SET_FILES.statistics}`,
        expect.stringMatching(/^未导入：“盖章件\.pdf”是 PDF 文件/),
      ]),
    );
    expect(out.join('\n')).not.toContain(SET_FILES.lock);
    expect(fs.readdirSync(path.join(dir, 'forms')).sort()).toEqual(SET_NOTICE.ids.flatMap((id) => [`${id}.json`, `${id}.xlsx`]));
    const forms = SET_NOTICE.ids.map((id) => definition('forms', id));
    expect(forms.map((f) => f.notice.docNo)).toEqual([SET_NOTICE.docNo, SET_NOTICE.docNo]);
    expect(forms.map(deadline)).toEqual(SET_NOTICE.deadlines);
  });

  it('imports the notice and its attachments named one by one, in any order', () => {
    const given = [SET_FILES.statistics, SET_FILES.notice, SET_FILES.application].map((f) => path.join('set', f));
    const { code, err } = cli(['import', ...given, '-o', 'forms-named']);
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(SET_NOTICE.ids.map((id) => [definition('forms-named', id).notice.docNo, deadline(definition('forms-named', id))])).toEqual([
      [SET_NOTICE.docNo, SET_NOTICE.deadlines[0]],
      [SET_NOTICE.docNo, SET_NOTICE.deadlines[1]],
    ]);
  });

  it('writes the forms into the notice’s own folder and, run again, does not read them as attachments', () => {
    fs.cpSync(path.join(dir, 'set'), path.join(dir, 'in-place'), { recursive: true });
    expect(cli(['import', 'in-place', '-o', 'in-place']).code).toBe(0);
    const again = cli(['import', 'in-place', '-o', 'in-place', '--force']);
    expect({ code: again.code, err: again.err }).toEqual({ code: 0, err: [] });
    expect(again.out.filter((l) => /^附件\d+：/.test(l))).toEqual([`附件1：${SET_FILES.application}`, `附件2：${SET_FILES.statistics}`]);
  });

  it('says to import the attachments with a notice that has none of its own', () => {
    const { code, out, err } = cli(['import', path.join('set', SET_FILES.notice), '-o', 'none']);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toEqual([
      expect.stringMatching(
        /^错误：通知中没有找到带表格的附件：正文列出的附件（“职工书屋申报表”、“藏书情况统计表”）不在这个文件里.*请把通知和附件一起导入/,
      ),
    ]);
  });

  it('imports the office’s Excel form alone, not calling it “不是 Word 文档”, and marks the notice’s facts missing', () => {
    const { code, out, err } = cli(['import', path.join('set', SET_FILES.statistics), '-o', 'xlsx-alone']);
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(out).toContainEqual(expect.stringMatching(/^ {2}！\[通知\] 通知正文：未找到/));
  });

  it('reads a .doc through LibreOffice', () => {
    const { code, out, err } = cli(['import', path.join('single', '书屋通知.doc'), '-o', 'from-doc']);
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(out).toContain('已用 LibreOffice 把 Word 97-2003 文档“书屋通知.doc”转换为 .docx 后读取。');
    const form = definition('from-doc', SET_NOTICE.ids[0] as string);
    expect([form.notice.docNo, deadline(form)]).toEqual([SET_NOTICE.docNo, SET_NOTICE.deadlines[0]]);
  });

  it.each(['书屋通知.doc', '改了名的.docx'])('without LibreOffice, %s gets one Chinese line saying how to save it as .docx', (name) => {
    fs.copyFileSync(path.join(dir, 'single', '书屋通知.doc'), path.join(dir, name));
    const { code, err } = cli(['import', name, '-o', 'no-lo'], { UNION_FORMS_SOFFICE: '' });
    expect(code).toBe(1);
    expect(err).toEqual([
      `错误：“${name}”是 Word 97-2003 文档（.doc），不能直接读取。请用 Word 或 WPS 打开它，点“文件”→“另存为”，保存类型选“Word 文档 (*.docx)”，再导入另存的 .docx 文件。`,
    ]);
  });
});

describe('validate and merge --forms: the clerk’s definitions rule', () => {
  const application = SET_NOTICE.ids[0] as string;
  const filled = (unit: string, name: string) => ({
    template: path.join(dir, 'forms', `${application}.xlsx`),
    out: path.join(dir, 'returns', `${unit}.xlsx`),
    values: {
      '申报单位：': unit,
      书屋名称: name,
      '书屋面积（平方米）': 120,
      '现有藏书（册）': 3000,
      '每周开放时间（小时）': 40,
      联系人: '张三',
      联系电话: '021-65432100',
      书屋简介: '位于工人文化宫二楼',
    },
  });

  beforeAll(() => {
    if (!fs.existsSync(path.join(dir, 'forms'))) cli(['import', 'set', '-o', 'forms']);
    fs.mkdirSync(path.join(dir, 'returns'), { recursive: true });
    python('fill_imported.py', [filled('杨浦区总工会', '杨浦职工书屋'), filled('虹口区总工会', '虹口职工书屋')]);
    // A district's own copy of the same form and version, sealed as the pane seals a form saved with changes.
    const sent = definition('forms', application);
    const edited = sealDefinition({ ...sent, name: '职工书屋申报表（虹口改）' }, { title: sent.notice.title, docNo: sent.notice.docNo });
    const hongkou = path.join(dir, 'returns', '虹口区总工会.xlsx');
    python('fill_imported.py', [{ edit: hongkou, out: hongkou, text: edited }]);
  });

  it('merge refuses the return carrying a different copy, naming it, and merges the others', () => {
    const { code, out, err } = cli([
      'merge',
      'returns',
      '-o',
      '汇总.xlsx',
      '--forms',
      'forms',
      '--json',
      'report.json',
      '--today',
      '2022-12-01',
    ]);
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(out).toContainEqual(
      expect.stringMatching(/^无法读取：returns\/虹口区总工会\.xlsx——所附的表格定义“职工书屋申报表（虹口改）”.*与 --forms 中的定义不同/),
    );
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')) as { inputs: { file: string; status: string }[] };
    expect(report.inputs.map((i) => `${path.basename(i.file)}:${i.status}`).sort()).toEqual([
      '杨浦区总工会.xlsx:merged',
      '虹口区总工会.xlsx:unreadable',
    ]);
  });

  it('validate --forms says the same of that file (exit 2) and checks the other', () => {
    const refused = cli(['validate', path.join('returns', '虹口区总工会.xlsx'), '--forms', 'forms', '--today', '2022-12-01']);
    expect(refused.code).toBe(2);
    expect(refused.out).toContainEqual(
      expect.stringMatching(/^returns\/虹口区总工会\.xlsx：无法读取——所附的表格定义.*与 --forms 中的定义不同/),
    );
    const read = cli(['validate', path.join('returns', '杨浦区总工会.xlsx'), '--forms', 'forms', '--today', '2022-12-01']);
    expect({ code: read.code, err: read.err }).toEqual({ code: 0, err: [] });
  });

  it('without --forms, one file against one: neither decides, both are named and nothing is merged', () => {
    const { code, out, err } = cli(['merge', 'returns', '-o', '汇总2.xlsx', '--today', '2022-12-01']);
    expect(code).toBe(1);
    expect(out.filter((l) => l.startsWith('无法读取：'))).toEqual([
      expect.stringMatching(
        /^无法读取：returns\/杨浦区总工会\.xlsx——.*不一致（returns\/杨浦区总工会\.xlsx；returns\/虹口区总工会\.xlsx，各不相同）.*请加 --forms/,
      ),
      expect.stringMatching(/^无法读取：returns\/虹口区总工会\.xlsx——/),
    ]);
    expect(err).toEqual([expect.stringMatching(/^错误：没有合并到任何记录/)]);
  });

  it('without --forms, the copy most returns carry rules, not the first file read', () => {
    python('fill_imported.py', [filled('浦东新区总工会', '浦东职工书屋')]);
    const { code, out } = cli(['merge', 'returns', '-o', '汇总3.xlsx', '--json', 'report3.json', '--today', '2022-12-01']);
    expect(code).toBe(0);
    expect(out).toContainEqual(expect.stringMatching(/^注意：表格“职工书屋申报表”.*按 3 个文件中 2 个所附的定义读取/));
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'report3.json'), 'utf8')) as { inputs: { file: string; status: string }[] };
    expect(report.inputs.map((i) => `${path.basename(i.file)}:${i.status}`).sort()).toEqual([
      '杨浦区总工会.xlsx:merged',
      '浦东新区总工会.xlsx:merged',
      '虹口区总工会.xlsx:unreadable',
    ]);
  });

  it('refuses a --forms folder that does not exist (exit 2)', () => {
    const { code, err } = cli(['merge', 'returns', '-o', '汇总4.xlsx', '--forms', 'no-such-folder']);
    expect(code).toBe(2);
    expect(err).toEqual(['错误：找不到表格定义文件夹“no-such-folder”（--forms）：请指定 union-forms import 写出的文件夹。']);
  });
});
