/**
 * The command line is honest (issue 10 §5): the built CLI, spawned as a clerk runs it, on a folder of returns as
 * they arrive — forms, a broken file, the notice in Word, a PDF, notes, and the lock files Excel and LibreOffice
 * leave beside an open file.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../src/cli/main';
import { filledFile } from '../support/filled-file';
import { goodApplication, TODAY } from '../support/filled-form';
import { snapshotXlsx } from '../support/xlsx-snapshot';

// Each spawn starts a Node process: allow for a loaded machine.
jest.setTimeout(120_000);

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'union-forms.js');

let dir: string;

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8' });
  return { code: run.status, out: run.stdout, err: run.stderr, lines: run.stdout.split('\n').filter(Boolean) };
}

const write = (file: string, data: string | Uint8Array) => {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), data);
};

/** A workbook with no form in it, written by openpyxl (not by this project's writer). */
function noFormWorkbook(file: string): void {
  const script = [
    'import openpyxl, sys',
    'wb = openpyxl.Workbook()',
    'ws = wb.active',
    "ws.title = '会议记录'",
    "ws['A1'] = '杨浦区总工会会议记录'",
    "ws['A2'] = '时间'",
    "ws['B2'] = '2026年3月5日'",
    'wb.save(sys.argv[1])',
  ].join('\n');
  execFileSync('/usr/bin/python3', ['-c', script, path.join(dir, file)]);
}

const GOOD = path.join('returns', 'a-张三工作室.xlsx');
const BAD = path.join('returns', 'b-李四工作室.xlsx');
const BROKEN = path.join('returns', 'c-发错了.xlsx');
const WORD = path.join('returns', '通知.docx');
const TEXT = path.join('returns', '备注.txt');
const PDF = path.join('returns', '盖章件.pdf');
const EXCEL_LOCK = path.join('returns', '~$a-张三工作室.xlsx');
const LIBRE_LOCK = path.join('returns', '.~lock.b-李四工作室.xlsx#');
const MAC_COPY = path.join('returns', '__MACOSX', 'returns', '._a-张三工作室.xlsx');

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'node', 'cli', 'main.js')))
    execFileSync('npm', ['run', 'build:cli'], { cwd: ROOT, stdio: 'ignore' });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uf-honest-'));
  write(GOOD, await filledFile('studio-application', goodApplication()));
  // Two faults put in by hand: a phone number too short and no postcode.
  write(
    BAD,
    await filledFile('studio-application', { ...goodApplication(), studioName: '李四巾帼创新工作室', leaderPhone: '5588', postcode: null }),
  );
  write(BROKEN, '这不是表格');
  write(WORD, 'PK\u0003\u0004 word/document.xml');
  write(TEXT, '李四工作室的材料明天补交。');
  write(PDF, '%PDF-1.4\n');
  write(EXCEL_LOCK, Buffer.concat([Buffer.from([4]), Buffer.from('张三', 'utf16le'), Buffer.alloc(150)]));
  write(LIBRE_LOCK, '李四,DESKTOP-1,DESKTOP-1,13.11.2026 09:12,file:///C:/Users/li/AppData/Roaming/LibreOffice/4;');
  write(MAC_COPY, '\u0000\u0005\u0016\u0007 Mac OS X');
  noFormWorkbook('会议记录.xlsx');
  write(path.join('junk', 'c-发错了.xlsx'), '这不是表格');
  write(path.join('junk', '通知.docx'), 'PK\u0003\u0004 word/document.xml');
  fs.copyFileSync(path.join(dir, '会议记录.xlsx'), path.join(dir, 'junk', '会议记录.xlsx'));
  fs.mkdirSync(path.join(dir, 'empty'));
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
type Input = { file: string; status: string; message: string };

describe('union-forms --version and --help', () => {
  it('--version (and -v) print the version in package.json', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const run = cli(flag);
      expect({ code: run.code, out: run.out.trim(), err: run.err }).toEqual({
        code: 0,
        out: `工会表格助手 union-forms ${version}`,
        err: '',
      });
    }
  });

  // What each command takes, as the commands are documented in the issue and README (not read from the code).
  const COMMANDS: Record<string, string[]> = {
    templates: ['--help'],
    template: ['--output', '--all', '--edition', '--year', '--deadline', '--rows', '--force', '--help'],
    validate: ['--json', '--today', '--lang', '--forms', '--help'],
    merge: ['--output', '--roster', '--json', '--force', '--today', '--deadline', '--slips', '--reminder', '--forms', '--help'],
    import: ['--output', '--force', '--help'],
  };
  const sectionOf = (help: string, command: string) => {
    const start = help.indexOf(`union-forms ${command}：`);
    const end = help.indexOf('\n\n', start);
    return start < 0 ? '' : help.slice(start, end < 0 ? undefined : end);
  };

  it('--help lists every option of every command and what each exit code of each command means', () => {
    const { code, out } = cli('--help');
    expect(code).toBe(0);
    whole = out;
    expect(out).toMatch(/--version/);
    for (const [command, options] of Object.entries(COMMANDS)) {
      const section = sectionOf(out, command);
      expect([command, [...new Set(section.match(/--[a-z]+/g))].sort()]).toEqual([command, [...options].sort()]);
      for (const exit of [0, 1, 2]) expect([command, section]).toEqual([command, expect.stringMatching(new RegExp(`\\n +${exit}  \\S`))]);
    }
    expect(sectionOf(out, 'template')).toMatch(/-o, --output/);
    expect(sectionOf(out, 'merge')).toMatch(/-o, --output/);
  });

  let whole: string | undefined;
  const wholeHelp = () => (whole ??= cli('--help').out);

  it.each(Object.keys(COMMANDS))('%s: <command> --help, help <command> (and -h) print that command alone, exit 0', (command) => {
    for (const args of [
      [command, '--help'],
      ['help', command],
      [command, '-h'],
    ].slice(0, command === 'merge' ? 3 : 2)) {
      const run = cli(...args);
      expect({ args, code: run.code, err: run.err }).toEqual({ args, code: 0, err: '' });
      expect(run.out.trim()).toBe(sectionOf(wholeHelp(), command).trim());
    }
  });

  it('every option the help lists is one the command accepts', async () => {
    const accepted = async (command: string, option: string) => {
      const err: string[] = [];
      const code = await runCli([command, option, '--help'], { out: () => undefined, err: (l) => err.push(l), cwd: dir });
      return code === 0 || !err.some((l) => /未知选项/.test(l));
    };
    for (const [command, options] of Object.entries(COMMANDS))
      if (command !== 'templates')
        for (const option of options) expect([command, option, await accepted(command, option)]).toEqual([command, option, true]);
  });
});

describe('union-forms merge: every file accounted for, on stdout and in the report', () => {
  it('non-Excel files found in the folder get a verdict (skipped, not failed); lock files are left out', () => {
    const run = cli('merge', 'returns', '-o', path.join('out', '汇总.xlsx'), '--json', path.join('out', 'report.json'), '--today', TODAY);
    expect({ code: run.code, err: run.err }).toEqual({ code: 0, err: '' });
    const report = readJson(path.join('out', 'report.json')) as { inputs: Input[] };
    expect(report.inputs.map((i) => [i.file, i.status])).toEqual([
      [GOOD, 'merged'],
      [BAD, 'merged-with-problems'],
      [BROKEN, 'unreadable'],
      [TEXT, 'skipped'],
      [PDF, 'skipped'],
      [WORD, 'skipped'],
    ]);
    const messageOf = (file: string) => report.inputs.find((i) => i.file === file)?.message;
    expect(messageOf(WORD)).toBe('不是 Excel 工作簿（Word 文档），未合并。');
    expect(messageOf(TEXT)).toBe('不是 Excel 工作簿（文本文件），未合并。');
    expect(messageOf(PDF)).toBe('不是 Excel 工作簿（PDF 文件），未合并。');

    // The three other documents are not among the Excel files, nor among those that could not be read.
    expect(run.lines[0]).toMatch(
      /^合并完成：3 个 Excel 文件，合并 2，其中有问题 1，跳过 0，无法读取 1，被代替 0；另有 3 个其他文件未合并。$/,
    );
    expect(run.lines).toEqual(
      expect.arrayContaining([
        `有问题：${BAD}（2 个问题）`,
        `无法读取：${BROKEN}——不是 Excel 文件（.xlsx/.xls），无法读取。`,
        `未合并：${WORD}——不是 Excel 工作簿（Word 文档），未合并。`,
        `未合并：${TEXT}——不是 Excel 工作簿（文本文件），未合并。`,
        `未合并：${PDF}——不是 Excel 工作簿（PDF 文件），未合并。`,
      ]),
    );
    expect(run.out).not.toMatch(/lock|~\$|__MACOSX|\._/);
    expect(run.out).not.toContain(GOOD);

    // 合并报告 in the workbook lists the Word notice as skipped too, by its name (the clerk's folders left out).
    const book = snapshotXlsx(fs.readFileSync(path.join(dir, 'out', '汇总.xlsx')));
    const reportSheet = book.sheets.find((s) => s.name === '合并报告');
    const texts = [...(reportSheet?.cells.values() ?? [])].map((c) => String(c.value));
    expect(texts).toEqual(expect.arrayContaining([path.basename(WORD), '跳过', '不是 Excel 工作簿（Word 文档），未合并。']));
    expect(texts).not.toContain(WORD);
    expect(texts.some((t) => /lock|~\$/.test(t))).toBe(false);
  });

  it('files named one by one (as a shell’s returns/* gives them) are judged by the same rule: lock files left out', () => {
    const names = fs.readdirSync(path.join(dir, 'returns')).map((n) => path.join('returns', n));
    expect(names).toEqual(expect.arrayContaining([EXCEL_LOCK, LIBRE_LOCK]));
    const run = cli('merge', ...names, '-o', path.join('glob', '汇总.xlsx'), '--json', path.join('glob', 'report.json'), '--today', TODAY);
    expect({ code: run.code, err: run.err }).toEqual({ code: 0, err: '' });
    const files = (readJson(path.join('glob', 'report.json')) as { inputs: Input[] }).inputs.map((i) => i.file).sort();
    expect(files).toEqual([GOOD, BAD, BROKEN, WORD, TEXT, PDF].sort());
  });

  it('an input path that does not exist: exit 2, a Chinese line naming it, nothing read or written', () => {
    const run = cli('merge', 'returns', '各街道报表', path.join('returns', '五角场.xlsx'), '-o', path.join('missing', '汇总.xlsx'));
    expect(run.code).toBe(2);
    expect(run.err.trim()).toBe(`错误：找不到要合并的文件或文件夹：各街道报表、${path.join('returns', '五角场.xlsx')}。请检查路径。`);
    expect(fs.existsSync(path.join(dir, 'missing'))).toBe(false);
  });

  it('a roster that does not exist: exit 2', () => {
    const run = cli('merge', 'returns', '-o', path.join('missing', '汇总.xlsx'), '--roster', '单位名单.txt');
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^错误：找不到单位名单“单位名单\.txt”/);
    expect(fs.existsSync(path.join(dir, 'missing'))).toBe(false);
  });

  it('nothing merged: exit 1 with the reason, every file named on stdout, nothing written', () => {
    const run = cli('merge', 'junk', '-o', path.join('nothing', '汇总.xlsx'), '--json', path.join('nothing', 'report.json'));
    expect(run.code).toBe(1);
    expect(run.err.trim()).toBe(
      '错误：没有合并到任何记录：2 个 Excel 文件中，1 个无法读取，1 个没有可识别的已填表格（另有 1 个其他文件，不是 Excel 工作簿），未生成汇总。',
    );
    expect(run.lines).toEqual([
      `无法读取：${path.join('junk', 'c-发错了.xlsx')}——不是 Excel 文件（.xlsx/.xls），无法读取。`,
      `未合并：${path.join('junk', '会议记录.xlsx')}——${run.lines[1]?.split('——')[1]}`,
      `未合并：${path.join('junk', '通知.docx')}——不是 Excel 工作簿（Word 文档），未合并。`,
    ]);
    expect(run.lines[1]).toMatch(/没有.*表格/);
    expect(fs.existsSync(path.join(dir, 'nothing'))).toBe(false);
  });

  it('a folder with no workbook in it: exit 1, says so', () => {
    const run = cli('merge', 'empty', '-o', path.join('nothing', '汇总.xlsx'));
    expect(run.code).toBe(1);
    expect(run.err.trim()).toBe('错误：在 empty 中没有找到表格文件（.xlsx/.xls/.et/.ods/.csv 等），未生成汇总。');
    expect(fs.existsSync(path.join(dir, 'nothing'))).toBe(false);
  });

  it('its own summary, report and roster are not read back as returns when they sit in the folder merged', () => {
    write(path.join('again', '单位名单.txt'), '上海某某机械有限公司\n');
    fs.copyFileSync(path.join(dir, GOOD), path.join(dir, 'again', 'a.xlsx'));
    const args = ['merge', 'again', '-o', path.join('again', '汇总.xlsx'), '--json', path.join('again', 'report.json')];
    const first = cli(...args, '--roster', path.join('again', '单位名单.txt'));
    expect(first.code).toBe(0);
    const second = cli(...args, '--roster', path.join('again', '单位名单.txt'), '--force');
    expect({ code: second.code, err: second.err }).toEqual({ code: 0, err: '' });
    expect((readJson(path.join('again', 'report.json')) as { inputs: Input[] }).inputs.map((i) => [i.file, i.status])).toEqual([
      [path.join('again', 'a.xlsx'), 'merged'],
    ]);
  });
});

describe('union-forms validate', () => {
  it('a path that does not exist: exit 2, a Chinese line on stderr naming it, and the other files still checked', () => {
    const run = cli('validate', GOOD, '五角场.xlsx', '--today', TODAY);
    expect(run.code).toBe(2);
    expect(run.err.trim()).toBe('错误：找不到“五角场.xlsx”：没有这个文件，请检查路径。');
    expect(run.out).toMatch(/a-张三工作室\.xlsx：1 张表格：0 个错误/);
  });

  it('lock files are left out by the same rule as merge', () => {
    const run = cli('validate', GOOD, EXCEL_LOCK, LIBRE_LOCK, '--json', '--today', TODAY);
    expect({ code: run.code, err: run.err }).toEqual({ code: 0, err: '' });
    expect(JSON.parse(run.out).files.map((f: { file: string }) => f.file)).toEqual([GOOD]);
  });

  it('only a lock file: a usage error saying what it is', () => {
    const run = cli('validate', EXCEL_LOCK);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^错误：.*临时锁文件/);
  });

  it('a workbook in which no form was found: exit 1, and it says so', () => {
    const text = cli('validate', '会议记录.xlsx');
    expect(text.code).toBe(1);
    expect(text.out).toMatch(/会议记录\.xlsx：.*\n {2}没有找到可检查的表格，未检查。/);
    const json = cli('validate', '会议记录.xlsx', '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out).files).toEqual([expect.objectContaining({ file: '会议记录.xlsx', formFound: false })]);
  });

  it('a file with a form and one without: still exit 1, the good one is not enough', () => {
    const run = cli('validate', GOOD, '会议记录.xlsx', '--json', '--today', TODAY);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.out).files.map((f: { formFound: boolean }) => f.formFound)).toEqual([true, false]);
  });
});
