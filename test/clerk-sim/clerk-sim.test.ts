/**
 * Issue 19 §6: a bounded sample of the clerk simulator in CI — returns made the way clerks make them (six forms
 * filled by printed label, then a seeded composition of operators: 合计 rows, 续表, hidden sheets, resends, blank
 * units, last year's form, "1 200", .csv, .xls/.ods re-saves …), written by openpyxl and LibreOffice, with what a
 * careful clerk expects computed by the simulator from what it wrote. The seed changes on every run and is printed;
 * CLERK_SIM_SEED=N repeats one. A failure names its seed, its returns and the shortest operator list that still fails
 * (`npm run clerk-sim -- --seed N --count N` runs more). LibreOffice operators are drawn by a tenth of the returns.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { hasOpenpyxl, hasSoffice } from '../realistic/run-realistic';
import {
  describeFailure,
  listOperators,
  makeTemplates,
  representatives,
  runClerkSim,
  shrink,
  type CheckFigures,
  type Shrunk,
  type SimRun,
} from './run-clerk-sim';
import { performance } from 'perf_hooks';

const COUNT = 300;
// A fixed seed, so that the suite gives the same verdict on every run (58515 found the simulator's own slip of
// b219636); new seeds are tried with `npm run clerk-sim -- --seed N`, or here with CLERK_SIM_SEED=N.
const seed = Number(process.env.CLERK_SIM_SEED ?? 58515);
let dir: string;
let templates: string;
let run: SimRun;
let shrunk: Shrunk[] | undefined;

beforeAll(() => {
  if (!hasOpenpyxl()) throw new Error('/usr/bin/python3 has no openpyxl: apt-get install python3-openpyxl (see README.md)');
  console.log(`clerk simulator: seed ${seed}, ${COUNT} returns (CLERK_SIM_SEED=${seed} repeats this run)`);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uf-clerk-sim-test-'));
  templates = makeTemplates(dir);
  run = runClerkSim(path.join(dir, 'batch'), templates, { seed, count: COUNT, libreOfficeShare: hasSoffice() ? 0.1 : 0 });
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `clerk simulator: ${run.generated.files} files (${run.generated.libreoffice_files} through LibreOffice) generated in ${s(run.ms.generate)}, ` +
      `merged in ${s(run.ms.merge)}, checked in ${s(run.ms.check)}`,
  );
}, 150_000);
afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function checked(): CheckFigures {
  if (!run.check)
    throw new Error(
      `seed ${seed}: the merge wrote no summary (exit ${run.merge.code}): ${[...run.merge.out, ...run.merge.err].join('\n')}`,
    );
  return run.check;
}

/** The failing returns of one kind each, shrunk to their shortest failing operator lists (within 45 s in all). */
function explained(failures: CheckFigures['failures']): string[] {
  if (failures.length === 0) return [];
  if (!shrunk) {
    const deadline = performance.now() + 45_000;
    shrunk = representatives(run, 4)
      .filter(() => performance.now() < deadline)
      .map((index) => shrink(run, templates, index, path.join(dir, `shrink-${index}`), deadline));
  }
  const lines = failures.map((f) => `seed ${seed} return ${f.bundle ?? '?'}: ${describeFailure(f)}`);
  for (const s of shrunk)
    lines.push(
      `seed ${seed} return ${s.index} (${s.form}): operators ${s.ops.join(', ')} → shortest failing list: ${s.alone ? s.minimal.join(', ') || '(the plain return)' : '(fails only in its batch)'}`,
    );
  return lines;
}

it('composes at least 30 kinds of clerks’ deviations over the six forms', () => {
  const operators = listOperators();
  expect(operators.length).toBeGreaterThanOrEqual(30);
  const used = Object.entries(run.generated.ops).filter(([, n]) => n > 0);
  expect(used.length).toBeGreaterThanOrEqual(30);
  expect(run.generated.returns).toBe(COUNT);
  if (hasSoffice()) expect(run.generated.libreoffice_files).toBeGreaterThan(0);
});

it('merges every return with exit code 0 and nothing on stderr', () => {
  expect({ seed, code: run.merge.code, err: run.merge.err }).toEqual({ seed, code: 0, err: [] });
});

it('brings every record into its summary intact, and nothing that is not a record', () => {
  const check = checked();
  const failing = check.failures.filter((f) => f.what === 'mismatch' || f.what === 'missing column');
  expect(explained(failing)).toEqual([]);
  expect(check.records.intact).toBe(check.records.expected);
}, 120_000);

it('makes every 合计 equal the independent sum', () => {
  const check = checked();
  expect(explained(check.failures.filter((f) => f.what === 'total'))).toEqual([]);
  expect(check.totals.exact).toBe(check.totals.total);
}, 120_000);

it('raises no error on what a clerk typed correctly, and misses none of the mistakes', () => {
  const check = checked();
  expect(explained(check.failures.filter((f) => ['false error', 'missed error', 'wrong reason'].includes(f.what)))).toEqual([]);
}, 120_000);

it('reports hidden sheets, replaced files, last year’s forms and every unit that sent', () => {
  const check = checked();
  expect(explained(check.failures.filter((f) => f.what === 'check'))).toEqual([]);
}, 120_000);
