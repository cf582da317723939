import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseCellAddress, rangeAddress } from '../../src/core/a1';
import type { CellValue } from '../../src/core/cell-value';
import { declareChineseFormats, isCalendarFormat, serialDate } from '../../src/hosts/xlsx/date-cells';
import type { SheetToCheck } from '../../src/core/check-sheets';
import { MAX_GRID_COLUMNS, MAX_MERGES, readWorkbookFile } from '../../src/hosts/xlsx/read-workbook';
import { libreOfficeConvert } from '../support/libreoffice';

jest.setTimeout(240_000);

/** What make_dated_returns.py wrote into one file: per cell, the day (and time of day) or the number. */
interface Written {
  file: string;
  cells: Record<string, { date: string; time: string } | { number: number }>;
  merges: string[] | null;
  date1904: boolean;
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'uf-dates-merges-'));
let written: Written[] = [];
let resaved: Map<string, string>;

beforeAll(() => {
  const out = execFileSync('/usr/bin/python3', [path.join(__dirname, 'make_dated_returns.py'), work], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  written = JSON.parse(out) as Written[];
  const xlsDir = path.join(work, 'xls');
  fs.mkdirSync(xlsDir);
  const small = written.filter((w) => w.merges !== null).map((w) => path.join(work, w.file));
  const converted = libreOfficeConvert(small, 'xls', xlsDir);
  resaved = new Map(small.map((file, i) => [path.basename(file), converted[i] as string]));
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const writtenFile = (file: string) => written.find((w) => w.file === file) as Written;
const valueAt = (sheet: Required<SheetToCheck>, address: string): CellValue => {
  const { row, col } = parseCellAddress(address);
  return sheet.grid[row]?.[col];
};

/** The cells as read, in the manifest's terms: a Date as its UTC day and time of day, a number as itself. */
function asWritten(sheet: Required<SheetToCheck>, cells: Written['cells']): Written['cells'] {
  const read: Written['cells'] = {};
  for (const address of Object.keys(cells)) {
    const value = valueAt(sheet, address);
    if (value instanceof Date) {
      const pad = (n: number) => String(n).padStart(2, '0');
      read[address] = {
        date: `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`,
        time: `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}`,
      };
    } else read[address] = { number: value as number };
  }
  return read;
}

function firstSheet(file: string): Required<SheetToCheck> {
  const [sheet] = readWorkbookFile(fs.readFileSync(file));
  return sheet as Required<SheetToCheck>;
}

describe.each([
  ['as openpyxl wrote it (.xlsx)', (file: string) => path.join(work, file)],
  ['re-saved as .xls by LibreOffice', (file: string) => resaved.get(file) as string],
])('%s', (_how, fileOf) => {
  it('a date typed into a text column of a list comes back as a Date of the day typed; times alone and counts stay numbers', () => {
    const w = writtenFile('text-column-dates.xlsx');
    const sheet = firstSheet(fileOf(w.file));
    expect(asWritten(sheet, w.cells)).toEqual(w.cells);
    expect(valueAt(sheet, 'B3')).toBeInstanceOf(Date);
    expect(valueAt(sheet, 'B9')).toBe('021-63281234');
  });

  it('a cell merged over two list rows, a title merged across the form and a value merged over two columns are in merges', () => {
    const w = writtenFile('text-column-dates.xlsx');
    const sheet = firstSheet(fileOf(w.file));
    expect(sheet.merges.map(rangeAddress).sort()).toEqual([...(w.merges as string[])].sort());
    expect(valueAt(sheet, 'A6')).toBe('杨浦区卫生系统工会');
    expect(valueAt(sheet, 'A7')).toBeNull();
  });

  it('dates shown with the built-in formats of a Chinese Excel (ids 28, 31, 57, 58) are dates; its time formats (32, 55) are not', () => {
    const w = writtenFile('chinese-builtin-formats.xlsx');
    expect(asWritten(firstSheet(fileOf(w.file)), w.cells)).toEqual(w.cells);
  });

  it('a 1904-system workbook (old Mac Excel) gives the same days; its times stay as they are', () => {
    const w = writtenFile('mac-1904.xlsx');
    const sheet = firstSheet(fileOf(w.file));
    expect(asWritten(sheet, w.cells)).toEqual(w.cells);
    expect(sheet.merges.map(rangeAddress)).toEqual(w.merges);
  });
});

describe('a sheet declaring 100,000 merged areas', () => {
  it('is read at once, keeping MAX_MERGES areas, none beyond the grid’s columns or rows', () => {
    const started = performance.now();
    const sheet = firstSheet(path.join(work, 'many-merges.xlsx'));
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(sheet.grid).toHaveLength(200_000);
    expect(sheet.merges).toHaveLength(MAX_MERGES);
    // IU3:IZ4 is cut at column IV; IW3:IX4 and XFD1:XFD2 start right of it, C300000:D300001 below the last row.
    expect(rangeAddress(sheet.merges[0]!)).toBe('IU3:IV4');
    expect(rangeAddress(sheet.merges[1]!)).toBe('A1:B1');
    expect(sheet.merges.every((m) => m.right < MAX_GRID_COLUMNS && m.bottom < sheet.grid.length)).toBe(true);
  });
});

describe('which number formats show a day', () => {
  it.each([
    ['yyyy/m/d', true],
    ['m/d/yy', true],
    ['yyyy"年"m"月"d"日"', true],
    ['m"月"d"日";@', true],
    ['mmm-yy', true],
    ['[$-F800]dddd, mmmm dd, yyyy', true],
    ['yyyy-mm-dd h:mm', true],
    ['h:mm', false],
    ['[h]:mm:ss', false],
    ['mm:ss', false],
    ['上午/下午h"时"mm"分"', false],
    ['h:mm AM/PM', false],
    ['General', false],
    ['0.00E+00', false],
    ['#,##0"天"', false],
    ['@', false],
  ])('%s → %s', (code, day) => expect(isCalendarFormat(code)).toBe(day));
});

describe('the day of an Excel serial (Excel counts a 29 February 1900 that never was)', () => {
  const iso = (d: Date | undefined) => d?.toISOString();
  it.each([
    [1, false, '1900-01-01T00:00:00.000Z'],
    [59, false, '1900-02-28T00:00:00.000Z'],
    [60, false, undefined],
    [61, false, '1900-03-01T00:00:00.000Z'],
    [43296, false, '2018-07-15T00:00:00.000Z'],
    [43296.5, false, '2018-07-15T12:00:00.000Z'],
    [2958465, false, '9999-12-31T00:00:00.000Z'],
    [2958466, false, undefined],
    [0, false, undefined],
    [0.5, false, undefined],
    [-3, false, undefined],
    [0, true, '1904-01-01T00:00:00.000Z'],
    [41834, true, '2018-07-15T00:00:00.000Z'],
  ])('%s (1904 system: %s) → %s', (serial, date1904, day) => expect(iso(serialDate(serial, date1904))).toBe(day));
});

describe('declaring the Chinese built-in formats a styles part uses', () => {
  const xfs = '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="58"/><xf numFmtId="31"/></cellXfs>';
  const ids = (xml: string | undefined) => [...(xml ?? '').matchAll(/<(?:\w+:)?numFmt numFmtId="(\d+)"/g)].map((m) => Number(m[1])).sort();

  it('adds them to the numFmts there are', () => {
    const xml = `<styleSheet xmlns="m"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts>${xfs}</styleSheet>`;
    expect(ids(declareChineseFormats(xml))).toEqual([164, 31, 58].sort());
  });

  it('writes numFmts (with the stylesheet’s prefix) where there are none, or only an empty one', () => {
    const prefixed = declareChineseFormats(`<x:styleSheet xmlns:x="m">${xfs.replace(/<(\/?)/g, '<$1x:')}</x:styleSheet>`);
    expect(prefixed).toMatch(
      /^<x:styleSheet xmlns:x="m"><x:numFmts count="2"><x:numFmt numFmtId="58" formatCode="m&quot;月&quot;d&quot;日&quot;"\/>/,
    );
    expect(ids(declareChineseFormats(`<styleSheet><numFmts/>${xfs}</styleSheet>`))).toEqual([31, 58]);
  });

  it('takes linear time over a hostile part (tags never closed, a thousand-fold)', () => {
    const started = performance.now();
    const xml = `<styleSheet>${'<numFmt numFmtId="58" '.repeat(100_000)}${'<xf numFmtId="31" '.repeat(100_000)}</styleSheet>`;
    // 58 counts as declared (by the unclosed numFmt tags); 31 is declared once, as the only formatCode there is.
    expect(declareChineseFormats(xml)?.match(/formatCode="[^"]*"/g)).toEqual([
      'formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"',
    ]);
    expect(isCalendarFormat('['.repeat(100_000))).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('leaves alone a part that uses none, or declares them itself', () => {
    expect(declareChineseFormats('<styleSheet><cellXfs><xf numFmtId="14"/></cellXfs></styleSheet>')).toBeUndefined();
    const own = '<styleSheet><numFmts><numFmt numFmtId="58" formatCode="m/d"/><numFmt numFmtId="31" formatCode="yyyy"/></numFmts>';
    expect(declareChineseFormats(`${own}${xfs}</styleSheet>`)).toBeUndefined();
  });
});
