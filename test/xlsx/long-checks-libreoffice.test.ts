import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cellAddress } from '../../src/core/a1';
import type { Field } from '../../src/core/form-schema';
import { planSheet } from '../../src/core/layout';
import { HIGHLIGHT } from '../../src/core/rules/highlights';
import { checkField } from '../../src/core/rules/field-rules';
import { writeFormsWorkbook } from '../../src/hosts/xlsx/write-workbook';
import { requireTool } from '../support/libreoffice';
import { fieldOf, longChecksForm } from '../support/long-checks';

/**
 * The checks spelt short to fit Excel's limits still colour what is wrong (issue 22): the template of 申请表 with a
 * 40-option 所属行业 and a 3,000-character 工作室介绍 (written by our writer, within the limits) is filled by openpyxl
 * and its conditional formats evaluated by LibreOffice (test/libreoffice/eval-cf.py); a cell is red exactly when the
 * add-in's own reading of that value (checkField) finds it wrong.
 */
jest.setTimeout(240_000);

const MAX = 3000;
const form = longChecksForm(MAX);
const plan = planSheet(form);
const year = typeof plan.params.year === 'number' ? plan.params.year : undefined;

const slot = (key: string) => {
  const s = plan.slots.find((x) => x.key === key);
  if (!s) throw new Error(`no slot ${key}`);
  return { address: cellAddress(s.row, s.col), field: s.field };
};

/** What clerks type in 所属行业: options, ticks and boxes as the notice prints them, prefixes, wrong words. */
const INDUSTRY_INPUTS = [
  '教育',
  ' 卫生 ',
  '纺织服装、服饰业',
  '☑软件和信息技术服务业',
  '√汽车制造业',
  '□农业 ☑林业 □渔业',
  '☑农业 ☑林业',
  '□农业 □林业',
  '货币',
  '纺织',
  '黑色金属',
  '互联网',
  '制造业',
  '农业、林业',
  '航空运输',
  '信息技术',
];

/** What clerks type in 工作室介绍: at, over and under the 字数 limit, with spaces and line breaks not counted. */
const intro = (n: number, extra = '') => `${'创'.repeat(n)}${extra}`;
const INTRO_INPUTS = [intro(MAX), intro(MAX + 1), intro(MAX - 10, ' \u3000'.repeat(10)), intro(MAX, '\n\n'), intro(100)];

interface RuleResult {
  range: string;
  fill: string | null;
  cells: Record<string, boolean | 'error'>;
}

interface Case {
  field: Field;
  address: string;
  value: string;
  out: string;
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'uf-long-checks-'));
const cases: Case[] = [];
let results: RuleResult[][] = [];

beforeAll(async () => {
  requireTool('soffice');
  const template = path.join(work, 'template.xlsx');
  fs.writeFileSync(template, await writeFormsWorkbook([plan]));
  const add = (key: string, values: string[]) => {
    const { address, field } = slot(key);
    values.forEach((value, i) => cases.push({ field, address, value, out: path.join(work, `${field.id}-${i}.xlsx`) }));
  };
  add('industry', INDUSTRY_INPUTS);
  add('introduction', INTRO_INPUTS);
  const jobFile = path.join(work, 'jobs.json');
  fs.writeFileSync(jobFile, JSON.stringify(cases.map((c) => ({ template, out: c.out, values: { [c.address]: c.value } }))));
  const output = execFileSync('/usr/bin/python3', [path.join(__dirname, '..', 'libreoffice', 'eval-cf.py'), jobFile], {
    encoding: 'utf8',
    timeout: 200_000,
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  results = JSON.parse(output) as RuleResult[][];
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const redAt = (rules: RuleResult[], address: string): boolean =>
  rules.some((r) => (r.fill ?? '').toUpperCase() === HIGHLIGHT.error.toUpperCase() && r.cells[address] === true);

it('colours a value red in LibreOffice exactly when the add-in finds it wrong', () => {
  expect(results).toHaveLength(cases.length);
  const seen = cases.map((c, i) => ({
    field: c.field.id,
    value: c.value.length > 20 ? `${c.value.slice(0, 4)}… (${c.value.length})` : c.value,
    red: redAt(results[i] ?? [], c.address),
    wrong: checkField(c.field, c.value, { year }).status === 'invalid',
  }));
  if (process.env.LONG_CHECKS_DUMP) console.log(JSON.stringify(seen));
  expect(seen.filter((s) => s.red !== s.wrong)).toEqual([]);
  // Both kinds of answer are among the inputs, for both fields.
  for (const id of ['industry', 'introduction']) {
    expect(seen.some((s) => s.field === id && s.red)).toBe(true);
    expect(seen.some((s) => s.field === id && !s.red)).toBe(true);
  }
});

it('evaluates the long checks without an error value, and with the rule on the field’s own cell', () => {
  cases.forEach((c, i) => {
    const own = (results[i] ?? []).filter((r) => r.cells[c.address] !== undefined);
    expect(own.length).toBeGreaterThan(0);
    for (const r of own) expect(r.cells[c.address]).not.toBe('error');
  });
  expect(fieldOf(form, 'industry').type).toBe('choice');
});
