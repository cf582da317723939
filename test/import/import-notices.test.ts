import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { importNotice, type ImportedNotice } from '../../src/core/import/import-notice';
import { readDocx } from '../../src/hosts/docx/read-docx';
import { runCli } from '../../src/cli/main';
import { parseFormDefinition } from '../../src/core/form-schema';
import { CATALOGUE } from '../../src/notices';
import { matchForms } from './form-match';

/**
 * Issue 13 §1, the accuracy figure: Word files of the three seed notices, written by python-docx from the notice
 * texts (make_notice_docx.py, never from our definitions), imported and compared with the hand-made definitions.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'notice-docx-'));
const imported = new Map<string, ImportedNotice>();

beforeAll(() => {
  execFileSync('/usr/bin/python3', [path.join(__dirname, 'make_notice_docx.py'), dir]);
  for (const file of fs.readdirSync(dir))
    imported.set(file, importNotice(readDocx(new Uint8Array(fs.readFileSync(path.join(dir, file)))).blocks));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The issue asks for ≥ 90% per form; every seed form reaches it (figures printed per form when the test runs). */
const FLOORS: Record<string, number> = {
  'festival-project': 0.9,
  'festival-stats': 0.9,
  'studio-summary': 0.9,
  'studio-application': 0.9,
  'yangpu-theme-activity': 0.9,
  'yangpu-volunteer-team': 0.9,
};

const FILES: Record<string, string> = { '000': '000-festival.docx', '002': '002-studio.docx', '004': '004-yangpu.docx' };

describe('importing the seed notices from Word', () => {
  it('reads each notice’s facts: 文号, title, date, 届次', () => {
    const festival = imported.get('000-festival.docx')?.facts;
    expect(festival).toMatchObject({
      docNo: '沪工总基〔2017〕153号',
      title: '关于举办第七届上海职工科技节的通知',
      date: '2017-05-03',
      edition: 7,
      year: 2017,
    });
    expect(imported.get('004-yangpu.docx')?.facts).toMatchObject({ docNo: '杨工〔2018〕14号', issuer: '上海市杨浦区总工会', year: 2018 });
    expect(imported.get('002-studio.docx')?.facts.issuer).toMatch(/上海市职工技协服务中心/);
  });

  it('finds every attachment form, with its deadline when the notice gives one', () => {
    const ids = [...imported.values()].flatMap((n) =>
      n.forms.map((f) => `${f.notice.attachment}:${f.params.find((p) => p.id === 'deadline')?.default ?? '-'}`),
    );
    expect(ids).toEqual(['附件1:05-12', '附件2:06-01', '附件1::-', '附件2::11-13', '附件1:06-15', '附件2:06-15']);
  });

  it('says what it could not decide, apart from its other guesses (issue 13 §4)', () => {
    const undecided = [...imported.entries()].flatMap(([file, n]) =>
      n.guesses.filter((g) => g.undecided).map((g) => `${file} ${g.where} ${g.field}：${g.what}`),
    );
    process.stdout.write(`undecided:\n  ${undecided.join('\n  ')}\n`);
    // the studio notice names no deadline for its 推荐申报汇总表; every □ choice may be one of several if the notice allows
    expect(undecided).toContain('002-studio.docx 附件1: 报送截止日期：未找到');
    expect(undecided.filter((u) => /：单选：/.test(u)).length).toBeGreaterThan(0);
    expect(undecided.every((u) => /未找到|单选/.test(u))).toBe(true);
  });

  it.each(CATALOGUE.forms.map((f) => f.id))('%s: the imported definition matches the hand-made one', (id) => {
    const handMade = CATALOGUE.getForm(id);
    const notice = imported.get(FILES[handMade.notice.seed as string] as string) as ImportedNotice;
    const no = /\d+/.exec(handMade.notice.attachment)?.[0];
    const form = notice.forms.find((f) => /\d+/.exec(f.notice.attachment)?.[0] === no);
    expect(form).toBeDefined();
    const m = matchForms(handMade, form as NonNullable<typeof form>);
    const pct = (x: [number, number]) => `${x[0]}/${x[1]}`;
    process.stdout.write(
      `${id}: ${(m.share * 100).toFixed(1)}% (labels ${pct(m.labels)}, inputs ${pct(m.inputs)}, types ${pct(m.types)}, lists ${pct(m.lists)})\n`,
    );
    expect(m.share).toBeGreaterThanOrEqual(FLOORS[id] as number);
  });
});

describe('union-forms import', () => {
  it('writes a definition and a template per attachment form and prints what it found and guessed, Chinese first', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['import', path.join(dir, '004-yangpu.docx'), '-o', 'forms'], {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      cwd: dir,
    });
    expect({ code, err }).toEqual({ code: 0, err: [] });
    const files = fs.readdirSync(path.join(dir, 'forms')).sort();
    expect(files).toEqual(['notice-2018-14-1.json', 'notice-2018-14-1.xlsx', 'notice-2018-14-2.json', 'notice-2018-14-2.xlsx']);
    const json: unknown = JSON.parse(fs.readFileSync(path.join(dir, 'forms', 'notice-2018-14-2.json'), 'utf8'));
    expect(parseFormDefinition(json).name).toBe('杨浦职工志愿者服务队登记表');
    expect(
      fs
        .readFileSync(path.join(dir, 'forms', 'notice-2018-14-1.xlsx'))
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    expect(out[0]).toMatch(/^通知：关于广泛开展/);
    expect(out.join('\n')).toMatch(/\[附件2\] 名单\.服务成效简介：长文本，选填/);
    const again = await runCli(['import', path.join(dir, '004-yangpu.docx'), '-o', 'forms'], {
      out: () => undefined,
      err: (l) => err.push(l),
      cwd: dir,
    });
    expect(again).toBe(1);
  });

  it('says so when the file is not a Word document (exit 1) or the command lacks -o (exit 2)', async () => {
    fs.writeFileSync(path.join(dir, 'not.docx'), 'plain text');
    const err: string[] = [];
    const io = { out: () => undefined, err: (l: string) => err.push(l), cwd: dir };
    expect(await runCli(['import', 'not.docx', '-o', 'x'], io)).toBe(1);
    expect(await runCli(['import', 'not.docx'], io)).toBe(2);
    expect(err[0]).toMatch(/^错误：/);
  });
});
