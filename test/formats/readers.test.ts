/**
 * Issue 19 §5, file by file: text files decoded and split as Excel would open them, Excel 2.x-4.0 files read or
 * named, hidden sheets flagged, library warnings kept off the console, and verdicts in Chinese only — whatever the
 * bytes. Every input is written by another program: Python (its csv module, openpyxl, BIFF records packed by hand
 * from the published layout) and LibreOffice.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CellValue } from '../../src/core/cell-value';
import { readReturnBuffer } from '../../src/hosts/xlsx/merge-buffers';
import { readWorkbookFile } from '../../src/hosts/xlsx/read-workbook';
import { runCli } from '../../src/cli/main';
import { requireTool } from '../support/libreoffice';
import { PYTHON } from '../realistic/run-realistic';

let dir: string;
const file = (name: string) => path.join(dir, name);
const bytes = (name: string) => new Uint8Array(fs.readFileSync(file(name)));

/** The rows every text file holds, as Python's csv module writes them. */
const ROWS = [
  ['ID', '活动名称', '联系电话', '人数'],
  ['1', '职工\n运动会', '021-6518123', '1,200'],
  ['0021', '“五小”成果展', '330102199001011234', ' 12 '],
  ['2018/6/31', '2018/6/30', '2018-6-12 9:30', '-3.5'],
  ['', '=HYPERLINK("http://x","y")', '', '约300'],
];
/** The same as a sheet's grid, by hand: plain numbers and days as Excel opens them, the rest as typed. */
const GRID: CellValue[][] = [
  ['ID', '活动名称', '联系电话', '人数'],
  [1, '职工\n运动会', '021-6518123', '1,200'],
  ['0021', '“五小”成果展', '330102199001011234', 12],
  ['2018/6/31', new Date(Date.UTC(2018, 5, 30)), new Date(Date.UTC(2018, 5, 12, 9, 30)), -3.5],
  [null, '=HYPERLINK("http://x","y")', null, '约300'],
];

const WRITE = String.raw`
import csv, json, struct, sys, openpyxl
out = sys.argv[1]
rows = json.loads(sys.argv[2])
for name, enc, sep in [("gb18030.csv", "gb18030", ","), ("gbk.csv", "gbk", ","), ("utf8-bom.csv", "utf-8-sig", ","),
                       ("utf8.csv", "utf-8", ","), ("unicode-text.csv", "utf-16", "\t")]:
    with open(f"{out}/{name}", "w", encoding=enc, newline="") as f:
        csv.writer(f, delimiter=sep, lineterminator="\r\n").writerows(rows)
with open(f"{out}/sep-hint.csv", "w", encoding="utf-8", newline="") as f:
    f.write("sep=;\r\n")
    csv.writer(f, delimiter=";", lineterminator="\n").writerows(rows)
with open(f"{out}/binary.csv", "wb") as f:
    f.write(bytes(range(256)) * 4)

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "数字"
for i in range(200):
    ws.cell(row=i // 10 + 1, column=i % 10 + 1, value=i * 3.5)
wb.create_sheet("隐藏").sheet_state = "hidden"
wb.create_sheet("深度隐藏").sheet_state = "veryHidden"
wb["隐藏"]["A1"] = "去年的表"
wb.save(f"{out}/numbers.xlsx")

def rec(kind, body):
    return struct.pack("<HH", kind, len(body)) + body
# An Excel 4.0 workbook (BIFF4W): a globals stream (BOF of type 0x0100, BUNDLESHEET, EOF) before its sheets.
globals_ = rec(0x0409, struct.pack("<HHH", 0, 0x0100, 0)) + rec(0x008F, struct.pack("<IHB", 0, 0, 2) + b"S1") + rec(0x000A, b"")
sheet = rec(0x0409, struct.pack("<HHH", 0, 0x0010, 0)) + rec(0x0204, struct.pack("<HHHH", 0, 0, 0, 2) + b"hi") + rec(0x000A, b"")
open(f"{out}/excel4-workbook.xls", "wb").write(globals_ + sheet)
# An Excel 2.x worksheet: BOF, CODEPAGE 936, a GBK label and a number, EOF.
text = "活动名称".encode("gbk")
old = (rec(0x0009, struct.pack("<HH", 2, 0x0010)) + rec(0x0042, struct.pack("<H", 936))
       + rec(0x0004, struct.pack("<HH", 0, 0) + b"\0\0\0" + struct.pack("<B", len(text)) + text)
       + rec(0x0003, struct.pack("<HH", 1, 0) + b"\0\0\0" + struct.pack("<d", 1200.5)) + rec(0x000A, b""))
open(f"{out}/excel2.xls", "wb").write(old)
open(f"{out}/web-page.xls", "w", encoding="utf-8").write("<html><body><table><tr><td>活动</td></tr></table></body></html>")
`;

beforeAll(() => {
  requireTool('soffice');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uf-readers-'));
  const run = spawnSync(PYTHON, ['-c', WRITE, dir, JSON.stringify(ROWS)], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  // LibreOffice's own .ods and .xls of the numbers workbook (its .ods is what made SheetJS print warnings).
  const profile = `file://${path.join(dir, 'profile')}`;
  for (const to of ['ods', 'xls']) {
    const lo = spawnSync(
      'soffice',
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', to, '--outdir', dir, file('numbers.xlsx')],
      {
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    if (!fs.existsSync(file(`numbers.${to}`))) throw new Error(`LibreOffice did not write numbers.${to}: ${lo.stderr}`);
  }
}, 180_000);
afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('a return saved as text', () => {
  it.each(['gb18030.csv', 'gbk.csv', 'utf8-bom.csv', 'utf8.csv', 'unicode-text.csv', 'sep-hint.csv'])(
    '%s: one sheet named after the file, the grid as Excel opens it (021-…, 0021, 1,200 and an ID number stay text)',
    (name) => {
      const sheets = readWorkbookFile(bytes(name), `某区/${name}`);
      expect(sheets.map((s) => s.name)).toEqual([name.replace(/\.csv$/, '')]);
      expect(sheets[0]?.grid).toEqual(GRID);
      expect(sheets[0]?.hidden).toBe(false);
    },
  );

  it('a .csv whose bytes are not text gets a Chinese verdict', () => {
    expect(() => readWorkbookFile(bytes('binary.csv'), 'binary.csv')).toThrow(/内容却不是文本.*另存为 \.xlsx/);
  });

  it('a .csv in neither UTF-8 nor GBK (Latin-1 bytes that GB18030 cannot decode) is told so', () => {
    const latin1 = new Uint8Array([0x41, 0x2c, 0xe9, 0x0d, 0x0a, 0x42, 0x2c, 0xff, 0x0d, 0x0a]);
    expect(() => readWorkbookFile(latin1, 'x.csv')).toThrow(/既不是 UTF-8 也不是 GBK 编码/);
  });

  it('a web page named .xls is told to be one', () => {
    expect(() => readWorkbookFile(bytes('web-page.xls'), 'web-page.xls')).toThrow(/网页（HTML）文件.*另存为 \.xlsx/);
  });
});

describe('Excel 2.x-4.0', () => {
  it('an Excel 2.x worksheet is read: its GBK label and its number', () => {
    const sheets = readWorkbookFile(bytes('excel2.xls'), 'excel2.xls');
    expect(sheets.map((s) => s.grid)).toEqual([[['活动名称'], [1200.5]]]);
  });

  it('an Excel 4.0 workbook, which SheetJS does not read, gets a verdict naming the version and what to do', () => {
    const read = readReturnBuffer({ name: 'excel4-workbook.xls', modified: 0, data: bytes('excel4-workbook.xls') });
    expect('unreadable' in read && read.unreadable).toBe('这是 Excel 4.0 的旧格式文件，无法读取：请用 Excel 另存为 .xlsx 后再发送。');
  });
});

describe('sheets of a workbook', () => {
  it.each(['numbers.xlsx', 'numbers.ods', 'numbers.xls'])('%s: hidden and very hidden sheets are flagged', (name) => {
    const sheets = readWorkbookFile(bytes(name), name);
    expect(sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['数字', false],
      ['隐藏', true],
      ['深度隐藏', true],
    ]);
    expect(sheets[0]?.grid.flat().filter((v) => typeof v === 'number')).toHaveLength(200);
  });

  it('a sheet of 200 numbers and no text is not called 空白工作表 (validate)', async () => {
    const lines: string[] = [];
    await runCli(['validate', 'numbers.xlsx', '--json'], { out: (l) => lines.push(l), err: (l) => lines.push(l), cwd: dir });
    const sheets = (JSON.parse(lines.join('\n')) as { files: { sheets: { sheet: string; message: string }[] }[] }).files[0]?.sheets;
    expect(sheets?.map((s) => [s.sheet, /空白工作表/.test(s.message), /标题和栏目也对不上/.test(s.message)])).toEqual([
      ['数字', false, true],
      ['隐藏', false, true],
      ['深度隐藏', true, false],
    ]);
  });
});

describe('what the libraries say stays off the console', () => {
  it('reading LibreOffice’s .ods prints nothing, and the console is as it was after', () => {
    const methods = ['error', 'warn', 'log', 'info', 'debug', 'trace'] as const;
    const before = methods.map((m) => console[m]);
    const spies = methods.map((m) => jest.spyOn(console, m));
    try {
      const spied = methods.map((m) => console[m]);
      readWorkbookFile(bytes('numbers.ods'), 'numbers.ods');
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
      expect(methods.map((m) => console[m])).toEqual(spied);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    expect(methods.map((m) => console[m])).toEqual(before);
  });
});

describe('a verdict is Chinese only, whatever the bytes', () => {
  /** A small seeded generator (mulberry32), so that a failure can be replayed. */
  function random(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  /** Words a verdict may hold in Latin letters: formats and programs the clerk knows by these names. */
  const ALLOWED = /\b(Excel|WPS|Word|PowerPoint|HTML|CSV|UTF|GBK|ZIP|ZIP64|MB|Huffman|xlsx|xls|csv|[0-9.]+x)\b/g;

  it.each(['numbers.xlsx', 'numbers.ods', 'numbers.xls', 'excel2.xls', 'gbk.csv'])(
    '%s with bytes changed, cut or repeated: never a throw, never a program’s words',
    (name) => {
      const seed = Date.now() % 100_000;
      const next = random(seed);
      const original = bytes(name);
      const foreign: string[] = [];
      for (let i = 0; i < 60; i++) {
        const data = original.slice();
        const changes = 1 + Math.floor(next() * 8);
        for (let c = 0; c < changes; c++) data[Math.floor(next() * data.length)] = Math.floor(next() * 256);
        const cut = next() < 0.3 ? data.slice(0, Math.floor(next() * data.length)) : data;
        const read = readReturnBuffer({ name, modified: 0, data: cut });
        if ('unreadable' in read && /[A-Za-z]{2,}/.test(read.unreadable.replace(ALLOWED, '')))
          foreign.push(`seed ${seed} #${i}: ${read.unreadable}`);
      }
      expect(foreign).toEqual([]);
    },
  );
});
