import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cellAddress } from '../../src/core/a1';
import { localIsoDate } from '../../src/core/cell-value';
import type { FormDefinition } from '../../src/core/form-schema';
import { readSheet } from '../../src/core/read/read-sheet';
import type { Problem } from '../../src/core/rules/check-form';
import { HIGHLIGHT } from '../../src/core/rules/highlights';
import type { FieldSlot, SheetPlan } from '../../src/core/sheet-plan';
import { CATALOGUE, FORMS } from '../../src/notices';
import { readWorkbookFile } from '../../src/hosts/xlsx/read-workbook';
import { planSheet } from '../../src/core/layout';
import { writeFormsWorkbook } from '../../src/hosts/xlsx/write-workbook';
import { requireTool } from '../support/libreoffice';
import { FORM_INPUTS, type Inputs, type Typed } from './cf-agreement-inputs';

/**
 * The add-in's own checking and the templates' conditional formatting agree (issue 11 §4). Every form's template
 * (made by our writer) is filled with openpyxl (not our writer) with the inputs of cf-agreement-inputs.ts; every
 * formula of the file's conditional formatting is evaluated at every cell of its range by LibreOffice
 * (eval-cf.py); the same file is read by the add-in's reader and checked by readSheet. Cell by cell, "red by the
 * formulas" must equal "error reported by the add-in there", and yellow must equal warning, except:
 * - checks the formulas leave to the add-in (conditional-formats.ts header), told apart by LEFT_TO_ADDIN below;
 * - the listed EXCEPTIONS, which the test asserts exactly, so that the list can neither grow nor go stale silently.
 * Prints one summary line per form (npx jest test/libreoffice/cf-agreement.test.ts).
 */
jest.setTimeout(240_000);

type Severity = 'error' | 'warning';
const SEVERITIES: readonly Severity[] = ['error', 'warning'];

interface Exception {
  form: string;
  field: string;
  input: string;
  why: string;
}

/**
 * Disagreements the formulas cannot remove, each with its reason. `input` is what was typed at the cell (a string in
 * quotes, a number bare, a real date as date:YYYY-MM-DD).
 */
const PHONE_LOOSER =
  "the formulas check a phone cell's characters and that it has at least 7 digits; the add-in checks each number's length " +
  'and prefix (mobile 11 digits from 1, landline 8 digits from 2 to 9, area codes), which needs the list split into numbers';
const EXCEPTIONS: readonly Exception[] = [
  { form: 'festival-project', field: 'contactPhone', input: '"1234567"', why: PHONE_LOOSER },
  { form: 'festival-project', field: 'contactPhone', input: '"12345678901"', why: PHONE_LOOSER },
  { form: 'yangpu-theme-activity', field: 'contactPhone', input: '"1381234567"', why: PHONE_LOOSER },
  {
    form: 'studio-application',
    field: 'members.years',
    input: '20',
    why: "age typed in full-width digits (２５): yearsForAge reads no full-width digits, which would take its formula past Excel's 8192 characters",
  },
];

/** Why a problem the add-in reports is not one a formula says, or undefined when a formula should say it. */
function leftToAddin(form: FormDefinition, plan: SheetPlan, problem: Problem, typed: Typed | undefined): string | undefined {
  if (typed === undefined || typed === null || (typeof typed === 'string' && typed.trim() === ''))
    return 'blank cell (required, requiredUnlessThisYear, minRows, flagWithoutCount): formulas never colour a blank cell';
  const slot = plan.slots.find((s) => s.key === problem.key);
  if (problem.code === 'required' || problem.code === 'required.row')
    return 'required: a cell the add-in reads as blank ("□有 □无", "×" in a check box)';
  for (const rule of form.rules) {
    if (rule.kind === 'sequence' && `${slot?.tableId}.${slot?.field.id}` === rule.field && problem.message.startsWith('序号应依次为'))
      return 'sequence';
    if ((rule.kind === 'minRows' || rule.kind === 'requiredUnlessThisYear') && problem.message.startsWith(rule.message)) return rule.kind;
  }
  if (slot?.field.type === 'date' && slot.field.range) return 'date range (and withinPeriod)';
  return undefined;
}

const describeTyped = (typed: Typed | undefined): string =>
  typed === undefined || typed === null
    ? ''
    : typeof typed === 'object'
      ? `date:${typed.date}`
      : typeof typed === 'number'
        ? String(typed)
        : `"${typed}"`;

interface RuleResult {
  range: string;
  formula: string;
  fill: string | null;
  cells: Record<string, boolean | 'error'>;
}

interface Job {
  form: FormDefinition;
  plan: SheetPlan;
  variant: string;
  /** By A1 address. */
  typed: Map<string, Typed>;
  out: string;
}

interface Disagreement {
  form: string;
  variant: string;
  cell: string;
  field: string;
  input: string;
  severity: Severity;
  formulas: boolean;
  addin: boolean;
  message: string;
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'uf-cf-agree-'));
const today = localIsoDate();
const disagreements: Disagreement[] = [];
const figures = new Map<string, { cells: number; agreeing: number; leftToAddin: number }>();

const refOf = (slot: FieldSlot): string => (slot.tableId === undefined ? slot.field.id : `${slot.tableId}.${slot.field.id}`);

function severityOfFill(fill: string | null): Severity {
  const wanted = (fill ?? '').toUpperCase();
  for (const s of SEVERITIES) if (HIGHLIGHT[s].toUpperCase() === wanted) return s;
  throw new Error(`a conditional format with an unknown fill: ${fill}`);
}

function compare(job: Job, results: RuleResult[]): void {
  const { form, plan } = job;
  const formulaSays = new Map<string, Set<Severity>>();
  for (const rule of results) {
    const severity = severityOfFill(rule.fill);
    for (const [cell, value] of Object.entries(rule.cells)) {
      if (value !== true) continue;
      let at = formulaSays.get(cell);
      if (!at) formulaSays.set(cell, (at = new Set()));
      at.add(severity);
    }
  }
  const sheet = readWorkbookFile(new Uint8Array(fs.readFileSync(job.out)))[0];
  if (!sheet) throw new Error(`${job.out}: no sheet`);
  const read = readSheet(sheet, today, CATALOGUE);
  if (!read.ok) throw new Error(`${job.out}: not recognised: ${read.reason}`);
  const figure = figures.get(form.id) ?? { cells: 0, agreeing: 0, leftToAddin: 0 };
  figures.set(form.id, figure);
  const addinSays = new Map<string, Map<Severity, string>>();
  for (const p of read.problems) {
    if (p.severity === 'info') continue;
    if (leftToAddin(form, plan, p, job.typed.get(p.cell)) !== undefined) {
      figure.leftToAddin++;
      continue;
    }
    let at = addinSays.get(p.cell);
    if (!at) addinSays.set(p.cell, (at = new Map()));
    at.set(p.severity, p.message);
  }
  const slotAt = new Map(plan.slots.map((s) => [cellAddress(s.row, s.col), s]));
  const cells = new Set([...slotAt.keys(), ...formulaSays.keys(), ...addinSays.keys()]);
  for (const cell of cells) {
    const slot = slotAt.get(cell);
    let agrees = true;
    for (const severity of SEVERITIES) {
      const formulas = formulaSays.get(cell)?.has(severity) ?? false;
      const addin = addinSays.get(cell)?.has(severity) ?? false;
      if (formulas === addin) continue;
      agrees = false;
      disagreements.push({
        form: form.id,
        variant: job.variant,
        cell,
        field: slot ? refOf(slot) : '(not a field)',
        input: describeTyped(job.typed.get(cell)),
        severity,
        formulas,
        addin,
        message: addinSays.get(cell)?.get(severity) ?? '',
      });
    }
    figure.cells++;
    if (agrees) figure.agreeing++;
  }
}

beforeAll(async () => {
  requireTool('soffice');
  const jobs: Job[] = [];
  for (const form of FORMS) {
    const inputs = FORM_INPUTS[form.id];
    if (!inputs) throw new Error(`no inputs for ${form.id}`);
    const plan = planSheet(form, {});
    const data = await writeFormsWorkbook([plan]);
    const template = path.join(work, `${form.id}.xlsx`);
    fs.writeFileSync(template, data);
    const slotOf = new Map(plan.slots.map((s) => [s.key, s]));
    const variants: [string, Inputs][] = [['base', {}], ...Object.entries(inputs.variants)];
    for (const [variant, overrides] of variants) {
      const typed = new Map<string, Typed>();
      for (const [key, value] of Object.entries({ ...inputs.base, ...overrides })) {
        const slot = slotOf.get(key);
        if (!slot) throw new Error(`${form.id}: no slot ${key}`);
        if (value !== null) typed.set(cellAddress(slot.row, slot.col), value);
      }
      jobs.push({ form, plan, variant, typed, out: path.join(work, `${form.id}-${variant}.xlsx`) });
    }
  }
  const jobFile = path.join(work, 'jobs.json');
  fs.writeFileSync(
    jobFile,
    JSON.stringify(jobs.map((j) => ({ template: path.join(work, `${j.form.id}.xlsx`), out: j.out, values: Object.fromEntries(j.typed) }))),
  );
  const output = execFileSync('/usr/bin/python3', [path.join(__dirname, 'eval-cf.py'), jobFile], {
    encoding: 'utf8',
    timeout: 200_000,
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const results = JSON.parse(output) as RuleResult[][];
  jobs.forEach((job, i) => compare(job, results[i] ?? []));
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const key = (d: { form: string; field: string; input: string }): string => `${d.form} | ${d.field} | ${d.input}`;

it('evaluates every form, with conditional formats in each', () => {
  for (const form of FORMS) expect(figures.get(form.id)?.cells ?? 0).toBeGreaterThan(0);
  for (const [form, f] of figures)
    console.log(
      `${form}: ${f.cells} cells compared, ${f.agreeing} agreeing, ${f.leftToAddin} problems left to the add-in, exceptions listed: ${EXCEPTIONS.filter((e) => e.form === form).length}`,
    );
});

it('finds no disagreement but the listed exceptions', () => {
  const listed = new Set(EXCEPTIONS.map(key));
  const unexpected = disagreements.filter((d) => !listed.has(key(d)));
  // CF_AGREEMENT_DUMP=file.json writes every disagreement found (listed or not), to study them.
  if (process.env.CF_AGREEMENT_DUMP) fs.writeFileSync(process.env.CF_AGREEMENT_DUMP, JSON.stringify(disagreements, null, 1));
  expect(unexpected).toEqual([]);
});

it('lists no exception that does not happen', () => {
  const seen = new Set(disagreements.map(key));
  expect(EXCEPTIONS.filter((e) => !seen.has(key(e)))).toEqual([]);
});
