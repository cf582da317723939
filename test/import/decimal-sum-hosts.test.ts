import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { importNotice } from '../../src/core/import/import-notice';
import { planSheet } from '../../src/core/layout';
import { detectApiSupport } from '../../src/hosts/office/api-support';
import { insertForm } from '../../src/hosts/office/insert-form';
import { OwnWrites } from '../../src/hosts/office/own-writes';
import { readDocx } from '../../src/hosts/docx/read-docx';
import { insertFormWps } from '../../src/hosts/wps/insert-form';
import { KIND_CASE } from '../fake-wps/behaviours';
import { FakeEt } from '../fake-wps/fake-et';
import { cellKey } from '../fake-wps/state';
import { hostFor, PLATFORMS } from '../fake-excel/platforms';

/**
 * The decimal type and the printed 合计 drawn by Excel's and WPS's adapters (issue 21 §3), on the fake hosts: the
 * python-docx notice's 送温暖慰问情况表 (make_clerk_tables_docx.py) imported, then inserted. Its 合计 row under the
 * three-row list sums each quantity column from the list's first row to its last; its 金额（万元） cells take
 * decimals (Excel's decimal rule, ET's xlValidateDecimal = 2), its 人数 cells whole numbers.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'decimal-sum-hosts-'));
let plan: ReturnType<typeof planSheet>;

beforeAll(() => {
  execFileSync('/usr/bin/python3', [path.join(__dirname, 'make_clerk_tables_docx.py'), dir]);
  const notice = importNotice(readDocx(new Uint8Array(fs.readFileSync(path.join(dir, 'clerk-tables.docx')))).blocks);
  plan = planSheet(notice.forms.find((f) => f.notice.attachment === '附件1')!);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The list's rows and columns as the sheet shows them: row 1 the heading, 2 the title, 3-4 the header, 5-7 the rows. */
const EXPECTED_SUMS = ['=SUM(C5:C7)', '=SUM(D5:D7)', '=SUM(E5:E7)', '=SUM(F5:F7)'];
const TOTAL_ROW = 7; // zero-based: the eighth row, under the list's three

describe('a printed 合计 and decimal cells drawn by the hosts', () => {
  it('the plan holds the sums at the 合计 row, in English and without "="', () => {
    const sums = plan.cells.filter((c) => c.formula !== undefined).map((c) => [c.row, c.col, c.formula]);
    expect(sums).toEqual(EXPECTED_SUMS.map((f, i) => [TOTAL_ROW, 2 + i, f.slice(1)]));
  });

  it.each(PLATFORMS.map((p) => [p.name, p]))(
    'Office.js (%s) writes them as formulas and gives 金额 a decimal rule',
    async (_name, platform) => {
      const host = hostFor(platform);
      const support = detectApiSupport((set, v) => host.isSetSupported(set, v));
      const inserted = await host.run((ctx) => insertForm(ctx, plan, support, new OwnWrites()));
      const sheet = host.state.sheet(inserted.sheetName)!;
      expect([2, 3, 4, 5].map((col) => host.state.cell(sheet, TOTAL_ROW, col).formula)).toEqual(EXPECTED_SUMS);
      expect(sheet.validations.get('4:3')?.rule).toEqual({ decimal: { formula1: 0, operator: 'GreaterThanOrEqualTo' } });
      expect(sheet.validations.get('4:2')?.rule).toEqual({ wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' } });
    },
  );

  it('WPS writes them as formulas and gives 金额 ET’s decimal validation', () => {
    const et = new FakeEt({ behaviours: KIND_CASE, sheets: ['Sheet1'] });
    const inserted = insertFormWps(et.app, plan);
    const sheet = et.workbook.sheets.find((s) => s.name === inserted.sheetName)!;
    expect([2, 3, 4, 5].map((col) => sheet.cells.get(cellKey(TOTAL_ROW, col))?.formula)).toEqual(EXPECTED_SUMS);
    expect(sheet.validations.get(cellKey(4, 3))).toMatchObject({ type: 2, operator: 7, formula1: '0' });
    expect(sheet.validations.get(cellKey(4, 2))).toMatchObject({ type: 1 });
  });
});
