import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cellAddress } from '../../src/core/a1';
import { UserError } from '../../src/core/errors';
import type { FormDefinition } from '../../src/core/form-schema';
import { planSheet } from '../../src/core/layout';
import type { SheetPlan } from '../../src/core/sheet-plan';
import { insertFormWps } from '../../src/hosts/wps/insert-form';
import { writeFormsWorkbook } from '../../src/hosts/xlsx/write-workbook';
import { makeCatalogue } from '../../src/core/notice-catalogue';
import { readSheet } from '../../src/core/read/read-sheet';
import { readWorkbookFile } from '../../src/hosts/xlsx/read-workbook';
import { FORMS } from '../../src/notices';
import { studio2020 } from '../../src/notices/studio-2020';
import { KIND_CASE } from '../fake-wps/behaviours';
import { EtError, FakeEt } from '../fake-wps/fake-et';
import { fieldOf, INDUSTRIES_40, joinedLength, longChecksForm, longTextForm } from '../support/long-checks';

/**
 * Templates stay within Excel's formula limits (Microsoft, "Excel specifications and limits": 8,192 characters,
 * 64 levels of nested functions; a list typed inline 255 characters), measured on the written file by openpyxl and
 * its own formula tokenizer (measure_formulas.py), not by our code; and the writers refuse what is past them.
 */
jest.setTimeout(120_000);

const EXCEL = { length: 8192, nesting: 64, text: 255, list: 255 };

interface Measured {
  formulas: { range: string; length: number; nesting: number; longestText: number }[];
  lists: { range: string; inline: boolean; length: number }[];
  notes: string[];
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'uf-formula-limits-'));

async function measured(name: string, plan: SheetPlan): Promise<Measured> {
  const file = path.join(work, `${name}.xlsx`);
  fs.writeFileSync(file, await writeFormsWorkbook([plan]));
  const out = execFileSync('/usr/bin/python3', [path.join(__dirname, 'measure_formulas.py'), file], { encoding: 'utf8' });
  const sheets = Object.values(JSON.parse(out) as Record<string, Measured>);
  expect(sheets).toHaveLength(1);
  return sheets[0] as Measured;
}

function expectWithinLimits(m: Measured): void {
  expect(m.formulas.length).toBeGreaterThan(0);
  for (const f of m.formulas) {
    expect(f.length).toBeLessThanOrEqual(EXCEL.length);
    expect(f.nesting).toBeLessThanOrEqual(EXCEL.nesting);
    expect(f.longestText).toBeLessThanOrEqual(EXCEL.text);
  }
  for (const l of m.lists) if (l.inline) expect(l.length).toBeLessThanOrEqual(EXCEL.list);
}

const addressOf = (plan: SheetPlan, field: string) => {
  const slot = plan.slots.find((s) => s.key === field);
  if (!slot) throw new Error(`no slot ${field}`);
  return cellAddress(slot.row, slot.col);
};

describe("templates within Excel's formula limits, read back by openpyxl", () => {
  it.each(FORMS.map((f): [string, FormDefinition] => [f.id, f]))('%s', async (id, form) => {
    const m = await measured(id, planSheet(form));
    expectWithinLimits(m);
    // The built-in forms lose nothing to the limits: no 填表说明 about them.
    expect(m.notes).toEqual([]);
  });

  it('a choice of 40 □ options: its check spelt short, no dropdown, its options in the 填表说明', async () => {
    // Typed inline the 40 options would take more than Excel's 255 characters.
    expect(joinedLength(INDUSTRIES_40)).toBeGreaterThan(EXCEL.list);
    const plan = planSheet(longChecksForm());
    const m = await measured('forty', plan);
    expectWithinLimits(m);
    const industry = addressOf(plan, 'industry');
    // Still coloured when wrong: a conditional format on the cell.
    expect(m.formulas.filter((f) => f.range === industry)).toHaveLength(1);
    expect(m.lists.filter((l) => l.range === industry)).toEqual([]);
    expect(m.notes).toHaveLength(1);
    const note = m.notes[0] as string;
    expect(note).toContain('“所属行业”');
    for (const option of INDUSTRIES_40) expect(note).toContain(option);
    // The other choices keep their dropdowns.
    expect(m.lists.find((l) => l.range === addressOf(plan, 'unitType'))?.inline).toBe(true);
  });

  it('a long 字数 rule (at most 3,000 characters) is written within the limits', async () => {
    const { form } = longTextForm(3000);
    const plan = planSheet(form);
    const m = await measured('long-text', plan);
    expectWithinLimits(m);
    expect(m.formulas.filter((f) => f.range === addressOf(plan, 'introduction'))).toHaveLength(1);
    expect(m.notes).toEqual([]);
  });
});

/** f(f(…f(B3)…)): `n` nested calls, written by hand. */
const nested = (n: number) => `${'ABS('.repeat(n)}B3${')'.repeat(n)}`;

describe('a return of a template with a 填表说明 row', () => {
  it('is read at the template’s places, the wrong 所属行业 found, filled by openpyxl', async () => {
    const form = longChecksForm();
    const catalogue = makeCatalogue([{ ...studio2020, forms: studio2020.forms.map((f) => (f.id === form.id ? form : f)) }]);
    const plan = planSheet(form);
    const file = path.join(work, 'return.xlsx');
    fs.writeFileSync(file, await writeFormsWorkbook([plan]));
    const industry = addressOf(plan, 'industry');
    const unit = addressOf(plan, 'unit');
    const fill = `import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
ws[sys.argv[2]] = "互联网"
ws[sys.argv[3]] = "杨浦区某公司"
wb.save(sys.argv[1])`;
    execFileSync('/usr/bin/python3', ['-c', fill, file, industry, unit]);
    const sheet = readWorkbookFile(new Uint8Array(fs.readFileSync(file)))[0];
    if (!sheet) throw new Error('no sheet read');
    const read = readSheet(sheet, '2026-12-07', catalogue);
    if (!read.ok) throw new Error(read.reason);
    expect(read.reading.layout).toBe('template');
    expect(read.reading.values[plan.slots.findIndex((s) => s.key === 'unit')]).toBe('杨浦区某公司');
    expect(read.problems.filter((p) => p.cell === industry && p.severity === 'error').map((p) => p.key)).toEqual(['industry']);
  });
});

describe('a check Excel cannot hold even spelt short', () => {
  it('is left out of the template and named in its 填表说明; the file stays within the limits', async () => {
    // 120 options of 12 characters: each list alone is some 1,800 characters, and the short spelling names it 7 times.
    const options = Array.from({ length: 120 }, (_, i) => `第${String(i + 1).padStart(3, '0')}类行业服务有限公司`);
    const form = longChecksForm();
    const industry = fieldOf(form, 'industry');
    if (industry.type !== 'choice') throw new Error('industry is no choice');
    industry.options = options;
    const plan = planSheet(form);
    const m = await measured('hundred-twenty', plan);
    expectWithinLimits(m);
    const cell = addressOf(plan, 'industry');
    expect(m.formulas.filter((f) => f.range === cell)).toEqual([]);
    expect(m.lists.filter((l) => l.range === cell)).toEqual([]);
    expect(m.notes).toHaveLength(1);
    expect(m.notes[0]).toContain('“所属行业”填写有误时，本表不能用颜色标出，请用工会表格助手检查。');
    expect(m.notes[0]).toContain(options[119]);
  });
});

describe('the writers refuse what Excel would not take', () => {
  const base = planSheet(longChecksForm());
  const withFormula = (formula: string): SheetPlan => ({
    ...base,
    conditionalFormats: [{ range: 'B3', formula, fill: '#FFC7CE', severity: 'error', field: 'unit', source: 'test' }],
  });

  it.each([
    ['9,000 characters', `LEN(B3)>${'1+'.repeat(4500)}0`],
    ['65 nested functions', nested(65)],
    ['a text constant of 256 characters', `B3="${'字'.repeat(256)}"`],
  ])('the .xlsx writer: a conditional format of %s', async (_what, formula) => {
    await expect(writeFormsWorkbook([withFormula(formula)])).rejects.toThrow(UserError);
    await expect(writeFormsWorkbook([withFormula(formula)])).rejects.toThrow(/超出|最多/);
  });

  it('the .xlsx writer: a computed cell (a printed 合计) past the limits', async () => {
    const plan: SheetPlan = { ...base, cells: [...base.cells, { ...(base.cells[0] as SheetPlan['cells'][0]), formula: nested(65) }] };
    await expect(writeFormsWorkbook([plan])).rejects.toThrow(/函数嵌套65层（Excel 最多64层）/);
  });

  it('the .xlsx writer: at the limits, it writes', async () => {
    const data = await writeFormsWorkbook([withFormula(nested(64))]);
    expect(data.byteLength).toBeGreaterThan(0);
  });

  it('the .xlsx writer: a validation list typed inline past 255 characters', async () => {
    const area = base.validationAreas.find((a) => a.validation.rule?.kind === 'list');
    if (!area) throw new Error('no list on the form');
    const options = INDUSTRIES_40;
    const plan: SheetPlan = {
      ...base,
      validationAreas: base.validationAreas.map((a) =>
        a === area ? { ...a, validation: { ...a.validation, rule: { kind: 'list', options } } } : a,
      ),
    };
    await expect(writeFormsWorkbook([plan])).rejects.toThrow(/下拉列表长\d+个字符（Excel 最多255个）/);
  });

  it('the fake ET: FormatConditions.Add past the limits throws, and the 40-option form goes in whole', () => {
    const et = new FakeEt({ behaviours: KIND_CASE, sheets: ['Sheet1'] });
    const cell = et.app.ActiveSheet.Range('B3');
    expect(() => cell.FormatConditions.Add(2, undefined, `=${nested(65)}`)).toThrow(EtError);
    expect(() => cell.FormatConditions.Add(2, undefined, `=LEN(B3)>${'1+'.repeat(4500)}0`)).toThrow(EtError);
    expect(() => cell.FormatConditions.Add(2, undefined, `=${nested(64)}`)).not.toThrow();
    const total = et.app.ActiveSheet.Range('C3');
    expect(() => (total.Formula = `=${nested(65)}`)).toThrow(EtError);
    total.Formula = `=${nested(64)}`;
    expect(total.Formula).toBe(`=${nested(64)}`);

    const inserted = insertFormWps(et.app, base);
    const sheet = et.workbook.sheets.find((s) => s.name === inserted.sheetName);
    expect(sheet?.conditions.length).toBe(base.conditionalFormats.length);
  });
});
