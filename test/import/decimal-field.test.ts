import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../src/cli/main';
import { parseFormDefinition, type Field } from '../../src/core/form-schema';
import { fieldFormulas } from '../../src/core/conditional-formats';
import { nativeValidationFor, numberFormatFor } from '../../src/core/native-validation';
import { checkField } from '../../src/core/rules/field-rules';
import { formTemplateFiles } from '../../src/hosts/xlsx/form-template';

/**
 * The decimal number type (issue 21 §3) end to end: a form with 书屋面积（平方米）, 每周开放时间（小时） and 购书经费（万元）
 * beside whole numbers; its template drawn by our xlsx writer, filled by openpyxl by its printed labels for three
 * units, checked by `validate` (the wrong values found at their labels, the right ones not) and summed by `merge`.
 * Expected values are worked out by hand from the values typed.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'decimal-field-'));
const returns = path.join(dir, 'returns');
const FORM = 'reading-room-2026';

const label = (col: number, text: string) => ({ kind: 'label', text, col });
const input = (col: number, field: Record<string, unknown>) => ({ kind: 'input', col, field });

const form = parseFormDefinition({
  id: FORM,
  version: 1,
  name: '职工书屋情况表',
  sheetName: '职工书屋情况表',
  description: '小数字段的端到端测试用表。',
  notice: { title: '关于职工书屋情况统计的通知', docNo: '沪工〔2026〕9号', attachment: '附件1' },
  params: [{ id: 'year', label: '年份', kind: 'integer', default: 2026, min: 2000, max: 2099 }],
  unitFieldId: 'unit',
  font: { name: '宋体', size: 11 },
  columns: [{ width: 22 }, { width: 14 }, { width: 22 }, { width: 14 }],
  bands: [
    {
      kind: 'rows',
      rows: [
        { cells: [{ ...label(0, '职工书屋情况表'), colSpan: 4, preset: 'title' }] },
        { cells: [label(0, '填报单位'), { ...input(1, { id: 'unit', label: '填报单位', type: 'text', required: true }), colSpan: 3 }] },
        {
          cells: [
            label(0, '书屋面积（平方米）'),
            input(1, { id: 'area', label: '书屋面积（平方米）', type: 'decimal', unit: '平方米', places: 2, required: true }),
            label(2, '现有藏书（册）'),
            input(3, { id: 'books', label: '现有藏书（册）', type: 'integer', unit: '册', required: true }),
          ],
        },
        {
          cells: [
            label(0, '每周开放时间（小时）'),
            input(1, { id: 'hours', label: '每周开放时间（小时）', type: 'decimal', unit: '小时', places: 1, max: 168 }),
            label(2, '年度借阅人次'),
            input(3, { id: 'loans', label: '年度借阅人次', type: 'integer' }),
          ],
        },
        {
          cells: [
            label(0, '购书经费（万元）'),
            input(1, { id: 'funds', label: '购书经费（万元）', type: 'decimal', unit: '万元', places: 2 }),
            label(2, '借阅率（%）'),
            input(3, { id: 'rate', label: '借阅率（%）', type: 'decimal', unit: '%', total: false }),
          ],
        },
      ],
    },
  ],
  print: { orientation: 'portrait' },
  merge: { sheetRecord: true, summaryName: '职工书屋情况汇总' },
});

let written: Record<string, Record<string, string>> = {};
const template = path.join(dir, `${FORM}.xlsx`);

async function cli(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: dir });
  return { code, out, err };
}

beforeAll(async () => {
  const files = await formTemplateFiles(form, { title: form.notice.title, docNo: form.notice.docNo });
  for (const f of files) fs.writeFileSync(path.join(dir, f.name), f.data);
  fs.mkdirSync(returns);
  const unit = (name: string, values: Record<string, unknown>) => ({
    template,
    out: path.join(returns, `${name}.xlsx`),
    values: { 填报单位: name, ...values },
  });
  const jobs = [
    // Numbers typed as numbers, and as text with their units ("85.25平方米", "１.１万元" with a full-width digit).
    unit('甲公司工会', {
      '书屋面积（平方米）': 120.5,
      '现有藏书（册）': 3000,
      '每周开放时间（小时）': 40.5,
      年度借阅人次: 1200,
      '购书经费（万元）': 1.1,
      '借阅率（%）': 35.5,
    }),
    unit('乙公司工会', {
      '书屋面积（平方米）': '85.25平方米',
      '现有藏书（册）': 1500,
      '每周开放时间（小时）': '30小时',
      年度借阅人次: 800,
      '购书经费（万元）': '２.2万元',
      '借阅率（%）': '40%',
    }),
    // Three wrong values: three decimals where two are asked, more hours than a week has, an approximate sum.
    unit('丙公司工会', {
      '书屋面积（平方米）': 60.125,
      '现有藏书（册）': 900,
      '每周开放时间（小时）': 200,
      年度借阅人次: 300,
      '购书经费（万元）': '约2万元',
      '借阅率（%）': 12,
    }),
  ];
  const file = path.join(dir, 'jobs.json');
  fs.writeFileSync(file, JSON.stringify(jobs));
  written = JSON.parse(
    execFileSync('/usr/bin/python3', [path.join(__dirname, 'fill_imported.py'), file], { encoding: 'utf8' }),
  ) as typeof written;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const fieldOf = (id: string) => {
  for (const band of form.bands)
    if (band.kind === 'rows')
      for (const row of band.rows) for (const cell of row.cells) if (cell.kind === 'input' && cell.field.id === id) return cell.field;
  throw new Error(`no field ${id}`);
};

describe('a decimal field read as a clerk writes it', () => {
  const area = () => fieldOf('area');
  const check = (field: Field, raw: string | number) => checkField(field, raw, { year: 2026 });

  it('takes numbers with their units, full-width digits and grouped thousands; refuses too many places, words and bounds', () => {
    expect(check(area(), '85.25平方米')).toMatchObject({ status: 'ok', reading: { value: 85.25 } });
    expect(check(area(), '１,２００.5㎡')).toMatchObject({ status: 'ok', reading: { value: 1200.5 } });
    expect(check(area(), 12)).toMatchObject({ status: 'ok', reading: { value: 12 } });
    expect(check(area(), '/')).toEqual({ status: 'blank', notApplicable: '/' });
    expect(check(area(), 60.125)).toMatchObject({ status: 'invalid', code: 'decimal.places', message: '最多保留2位小数。' });
    expect(check(area(), '约60')).toMatchObject({ status: 'invalid', code: 'integer.approximate' });
    expect(check(area(), '六十')).toMatchObject({ status: 'invalid', code: 'integer.chinese' });
    expect(check(area(), '很大')).toMatchObject({
      status: 'invalid',
      code: 'decimal',
      message: '请填写数字，可以有小数（可以带单位，如“12.5平方米”）。',
    });
    expect(check(area(), '1e3')).toMatchObject({ status: 'invalid', code: 'decimal' });
    expect(check(area(), -3)).toMatchObject({ status: 'invalid', code: 'decimal.min', message: '不能小于0。' });
    expect(check(fieldOf('hours'), 168.5)).toMatchObject({ status: 'invalid', code: 'decimal.max', message: '不能大于168。' });
    expect(check(fieldOf('rate'), '40%')).toMatchObject({ status: 'ok', reading: { value: 40 } });
  });

  it('has Excel’s decimal validation, a number format by its places, and a highlight formula', () => {
    expect(nativeValidationFor(fieldOf('hours'))).toMatchObject({
      rule: { kind: 'decimal', min: 0, max: 168 },
      prompt: '请填写0到168之间的数，最多1位小数（单位：小时）。',
    });
    expect([numberFormatFor(area()), numberFormatFor(fieldOf('rate'))]).toEqual(['0.00', 'General']);
    const [formula] = fieldFormulas(area(), 'B3');
    expect(formula?.source).toBe('decimal');
    // The number as read (a number as it is, text without its unit), then rounded to the places the form allows.
    expect(formula?.formula).toContain('=ROUND(IF(ISNUMBER(B3),B3,');
    expect(formula?.formula).toContain('"平方米"');
  });

  it('is drawn by the xlsx writer with a decimal validation on its cell', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(template);
    const ws = wb.getWorksheet(form.sheetName) as ExcelJS.Worksheet;
    const at = written[path.join(returns, '甲公司工会.xlsx')]?.['书屋面积（平方米）'] as string;
    const validation = ws.getCell(at).dataValidation;
    expect(validation).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(ws.getCell(at).numFmt).toBe('0.00');
  });
});

interface ValidateJson {
  files: { file: string; formFound: boolean; sheets: { problems: { cell: string; severity: string; code: string }[] }[] }[];
}

describe('a decimal field end to end: validate and merge', () => {
  it('finds the wrong values at their labels and nothing on the right returns', async () => {
    const names = ['甲公司工会', '乙公司工会', '丙公司工会'];
    const { out } = await cli(['validate', '--json', '--today', '2026-06-10', ...names.map((n) => path.join('returns', `${n}.xlsx`))]);
    const report = JSON.parse(out.join('\n')) as ValidateJson;
    expect(report.files.map((f) => f.formFound)).toEqual([true, true, true]);
    const errors = (i: number) =>
      report.files[i]?.sheets.flatMap((s) => s.problems.filter((p) => p.severity === 'error').map((p) => `${p.cell}:${p.code}`)).sort() ??
      [];
    expect([errors(0), errors(1)]).toEqual([[], []]);
    const cells = written[path.join(returns, '丙公司工会.xlsx')] as Record<string, string>;
    expect(errors(2)).toEqual(
      [
        `${cells['书屋面积（平方米）']}:decimal.places`,
        `${cells['每周开放时间（小时）']}:decimal.max`,
        `${cells['购书经费（万元）']}:integer.approximate`,
      ].sort(),
    );
  });

  it('sums the measures in 合计 as people add them (1.1 + 2.2 = 3.3), a share not at all', async () => {
    const right = path.join(dir, 'right');
    fs.mkdirSync(right);
    for (const n of ['甲公司工会', '乙公司工会']) fs.copyFileSync(path.join(returns, `${n}.xlsx`), path.join(right, `${n}.xlsx`));
    const { code } = await cli(['merge', 'right', '-o', '汇总.xlsx', '--today', '2026-06-10']);
    expect(code).toBe(0);
    const book = XLSX.read(fs.readFileSync(path.join(dir, '汇总.xlsx')), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['职工书屋情况汇总'] as XLSX.WorkSheet, { header: 1 });
    const header = rows.find((r) => r.includes('书屋面积（平方米）')) as unknown[];
    const total = rows.find((r) => String(r[0] ?? '').startsWith('合计')) as unknown[];
    const at = (h: string) => total[header.indexOf(h)];
    expect(at('书屋面积（平方米）')).toBe(205.75);
    expect(at('每周开放时间（小时）')).toBe(70.5);
    expect(at('购书经费（万元）')).toBe(3.3);
    expect(at('现有藏书（册）')).toBe(4500);
    expect(at('年度借阅人次')).toBe(2000);
    expect(at('借阅率（%）') ?? null).toBeNull();
    const 乙 = rows.find((r) => r.includes('乙公司工会')) as unknown[];
    expect(乙[header.indexOf('书屋面积（平方米）')]).toBe(85.25);
  });
});

describe('a decimal field’s highlight in the template, evaluated by LibreOffice', () => {
  it('is red exactly where the add-in finds the value wrong', () => {
    const cells = written[path.join(returns, '甲公司工会.xlsx')] as Record<string, string>;
    const [area, hours] = [cells['书屋面积（平方米）'] as string, cells['每周开放时间（小时）'] as string];
    const typed: [string | number, string | number][] = [
      [120.5, 40],
      ['85.25平方米', '30小时'],
      ['１,２００.5', '７.5'],
      [60.125, 168.5],
      ['约60', 'abc'],
      ['六十', '-2'],
      [-3, '12.25'],
      ['/', '—'],
      ['12.5 平方米', 0],
    ];
    const jobs = typed.map(([a, h], i) => ({ template, out: path.join(dir, `cf-${i}.xlsx`), values: { [area]: a, [hours]: h } }));
    const file = path.join(dir, 'cf-jobs.json');
    fs.writeFileSync(file, JSON.stringify(jobs));
    const output = execFileSync('/usr/bin/python3', [path.join(__dirname, '..', 'libreoffice', 'eval-cf.py'), file], {
      encoding: 'utf8',
      timeout: 200_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const results = JSON.parse(output) as { cells: Record<string, boolean | 'error'> }[][];
    const red = (i: number, cell: string) => (results[i] ?? []).some((rule) => rule.cells[cell] === true);
    const wrong = (id: string, value: string | number) => checkField(fieldOf(id), value, { year: 2026 }).status === 'invalid';
    const seen = typed.map((_, i) => [red(i, area), red(i, hours)]);
    const addIn = typed.map(([a, h]) => [wrong('area', a), wrong('hours', h)]);
    expect(seen).toEqual(addIn);
    // and the values above are a fair test: some right, some wrong, in both fields
    expect(new Set(addIn.map(([a]) => a))).toEqual(new Set([true, false]));
    expect(new Set(addIn.map(([, h]) => h))).toEqual(new Set([true, false]));
  });
});
