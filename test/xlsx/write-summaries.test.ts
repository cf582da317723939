import ExcelJS from 'exceljs';
import { XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { SummaryTable } from '../../src/core/merge/summaries';
import { readWorkbookFile } from '../../src/hosts/xlsx/read-workbook';
import { writeSummaryWorkbook } from '../../src/hosts/xlsx/write-summaries';
import { libreOfficeConvert } from '../support/libreoffice';
import { snapshotXlsx } from '../support/xlsx-snapshot';

const DATE = new Date('2018-05-20T00:00:00Z');
const LONG = '长'.repeat(32_767);

const table: SummaryTable = {
  sheetName: '主题活动汇总',
  title: '主题活动汇总表',
  formId: 'yangpu-theme-activity',
  header: ['单位', '活动名称', '参与人数', '日期', '备注'],
  rows: [
    ['殷行街道总工会', '=HYPERLINK("http://x","点我")', 120, DATE, null],
    ['五角场街道总工会', "+cmd|' /C calc'!A0", 30, null, '@SUM(A1:A2)'],
    ['\t前有制表符', '\r回车开头', -5, null, '\n换行开头'],
    ['带 _x0041_ 的文字', 'A & B < C > D "引号"', 0.5, null, '-1+2 控制字符\u0001\u001f'],
    ['𠀀𪚥😀', LONG, 1e21, null, ' 前后空格 '],
  ],
  totals: ['合计（5）', null, 145.5, null, null],
  formats: ['text', 'text', 'number', 'date', 'text'],
};
const report: SummaryTable = { ...table, sheetName: '主题活动汇总', title: '空表', rows: [], totals: undefined };

let data: Uint8Array;
beforeAll(async () => {
  data = await writeSummaryWorkbook([table, report]);
});

describe('the summary workbook', () => {
  it('is a zip of well-formed XML parts', () => {
    const parts = unzipSync(data);
    const xml = Object.entries(parts).filter(([name]) => /\.(xml|rels)$/.test(name));
    expect(xml.map(([name]) => name)).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet2.xml']),
    );
    for (const [name, bytes] of xml) expect([name, XMLValidator.validate(strFromU8(bytes))]).toEqual([name, true]);
  });

  it('holds every value as a value: text stays text whatever it starts with, numbers stay numbers, dates are dates', () => {
    const [sheet, second] = readWorkbookFile(data);
    expect(sheet?.name).toBe('主题活动汇总');
    expect(second?.name).toBe('主题活动汇总 (2)');
    expect(sheet?.grid[0]).toEqual(['主题活动汇总表']);
    expect(sheet?.grid[1]).toEqual(table.header);
    const asRead = (row: SummaryTable['rows'][number]) => {
      // a date cell (formatted as a date) is read back as the same calendar day
      const values = [...row];
      while (values.length && values[values.length - 1] === null) values.pop();
      return values;
    };
    expect(sheet?.grid.slice(2, 7)).toEqual(table.rows.map(asRead));
    expect(sheet?.grid[7]).toEqual(['合计（5）', null, 145.5]);
    expect(second?.grid).toEqual([['空表'], table.header]);
  });

  it('is read the same by ExcelJS, with no formula anywhere and the date as a date', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
    const ws = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.getCell('B3').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('B3').value).toBe('=HYPERLINK("http://x","点我")');
    expect(ws.getCell('B4').value).toBe("+cmd|' /C calc'!A0");
    expect(ws.getCell('D3').value).toEqual(DATE);
    expect(ws.getCell('C7').value).toBe(1e21);
    let formulas = 0;
    ws.eachRow((row) => row.eachCell((cell) => (formulas += cell.type === ExcelJS.ValueType.Formula ? 1 : 0)));
    expect(formulas).toBe(0);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });

  it('shows the header and the totals in bold, boxes every cell, dates as yyyy-mm-dd and text columns as text', () => {
    const cells = snapshotXlsx(data).sheets[0]?.cells;
    const box = { top: true, left: true, bottom: true, right: true };
    expect(cells?.get('A1')).toMatchObject({ bold: true, size: 14 });
    expect(cells?.get('A2')).toMatchObject({ bold: true, border: box, font: '宋体' });
    expect(cells?.get('A3')).toMatchObject({ bold: false, border: box, numFmt: '@', wrap: true, v: 'center' });
    expect(cells?.get('C3')).toMatchObject({ numFmt: 'General', value: 120 });
    expect(cells?.get('D3')).toMatchObject({ numFmt: 'yyyy-mm-dd', value: 43240 });
    expect(cells?.get('E3')).toMatchObject({ border: box, value: null });
    expect(cells?.get('A8')).toMatchObject({ bold: true, value: '合计（5）' });
  });

  it('marks text that starts like a formula with Excel’s quote prefix, so editing the cell keeps it text', () => {
    const parts = unzipSync(data);
    const sheetXml = strFromU8(parts['xl/worksheets/sheet1.xml'] as Uint8Array);
    const xfs = [
      ...strFromU8(parts['xl/styles.xml'] as Uint8Array)
        .replace(/^[\s\S]*<cellXfs[^>]*>|<\/cellXfs>[\s\S]*$/g, '')
        .matchAll(/<xf [^>]*>/g),
    ];
    const quoted = (ref: string) =>
      /quotePrefix="1"/.test(xfs[Number(new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(sheetXml)?.[1])]?.[0] ?? '');
    expect(['B3', 'B4', 'E4', 'E6'].map(quoted)).toEqual([true, true, true, true]);
    expect(['A3', 'A5', 'B5', 'E5'].map(quoted)).toEqual([false, false, false, false]);
  });
});

describe('the summary workbook in LibreOffice', () => {
  jest.setTimeout(120_000);
  it('opens and saves again with the same values', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uf-summary-lo-'));
    try {
      const file = path.join(dir, '汇总.xlsx');
      fs.writeFileSync(file, data);
      const out = path.join(dir, 'out');
      fs.mkdirSync(out);
      const [again] = libreOfficeConvert([file], 'xlsx', out);
      const ours = readWorkbookFile(data);
      const theirs = readWorkbookFile(fs.readFileSync(again as string));
      expect(theirs.map((s) => s.name)).toEqual(ours.map((s) => s.name));
      // LibreOffice keeps a line break in a cell as LF only.
      const lf = (grid: unknown) => JSON.parse(JSON.stringify(grid).replace(/\\r/g, '\\n'));
      expect(lf(theirs[0]?.grid)).toEqual(lf(ours[0]?.grid));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
