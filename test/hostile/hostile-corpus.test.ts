/**
 * Issue 6 §1: the hostile-input corpus (make-corpus.ts), every case through the command line's merge and the
 * pane's merge path. For each: no crash, one clear Chinese verdict for the file as expected, every other file
 * still merged, and records in = records in the summaries + records reported skipped.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../src/cli/main';
import type { InputReport } from '../../src/core/merge/merge-returns';
import { BOMB_LIMITS, CASE_IDS, MISSING_UNIT, TODAY } from './make-corpus';
import { accountingOf, failuresOf, runCorpus, type CorpusRun } from './run-corpus';

/** Every own property of the built-in prototypes a pollution would reach, with its value. */
function prototypes(): Record<string, [string, unknown][]> {
  const state = (proto: object) =>
    Reflect.ownKeys(proto).map((k) => {
      const d = Object.getOwnPropertyDescriptor(proto, k) as PropertyDescriptor;
      return [String(k), d.value ?? d.get] as [string, unknown];
    });
  return {
    Object: state(Object.prototype),
    Array: state(Array.prototype),
    Function: state(Function.prototype),
    String: state(String.prototype),
  };
}

const before = prototypes();
let root: string;
let run: CorpusRun;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'uf-hostile-'));
  run = await runCorpus(root);
}, 240_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const caseOf = (id: string) => {
  const c = run.cases.find((x) => x.id === id);
  if (!c) throw new Error(`case ${id} was not generated`);
  return c;
};

it('holds at least 30 cases, each in its own file, in the order named here', () => {
  expect(run.cases.map((c) => c.id)).toEqual(CASE_IDS);
  expect(CASE_IDS.length).toBeGreaterThanOrEqual(30);
  expect(new Set(run.cases.map((c) => c.file)).size).toBe(run.cases.length);
});

describe.each([
  ['command line (union-forms merge)', 'cli'],
  ['pane’s path (mergeBuffers)', 'pane'],
] as const)('through the %s', (_name, which) => {
  it.each(CASE_IDS)('%s', (id) => {
    expect(failuresOf(caseOf(id), run[which], run.guards.get(id))).toEqual([]);
  });

  it('the merge of every file together did not fail', () => {
    expect(run[which].crash).toBeUndefined();
    expect(run.kept).toEqual([]);
  });

  it('records in = records in the summaries + records reported skipped, over the corpus', () => {
    const totals = run.cases.map((c) => accountingOf(c, run[which]));
    const recordsIn = totals.reduce((n, t) => n + t.recordsIn, 0);
    const out = totals.reduce((n, t) => n + t.inSummaries + t.reportedSkipped, 0);
    expect(recordsIn).toBeGreaterThan(100);
    expect(out).toBe(recordsIn);
  });

  it('reports the roster’s one unit that sent nothing, and only it', () => {
    expect(run[which].missing).toEqual([MISSING_UNIT]);
  });
});

it('the summary workbook, read back with fflate and fast-xml-parser, holds no formula, no error value and nothing XML forbids', () => {
  expect(run.cli.inputs.length).toBeGreaterThan(0);
  expect(run.cli.formulaCells).toEqual([]);
  expect(run.cli.errorCells).toEqual([]);
  expect(run.cli.badXml).toEqual([]);
});

it.each(['zip-bomb', 'zip-bomb-lying'])('%s: refused, read alone in a fresh process, in under a second and without large memory', (id) => {
  const g = run.guards.get(id);
  expect(g?.failure).toBeUndefined();
  expect(g?.unreadable).toMatch(/[\u4e00-\u9fff]/);
  expect(g?.ms).toBeLessThan(BOMB_LIMITS.ms);
  expect((g?.peakMb ?? Infinity) - (g?.baseMb ?? 0)).toBeLessThan(BOMB_LIMITS.mb);
});

it('leaves the built-in prototypes as they were', () => {
  expect(prototypes()).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

it('union-forms validate gives every file one verdict, unreadable exactly where the merge says so', async () => {
  const files = run.cases.filter((c) => !run.kept.includes(c.id) && c.id !== '100000-rows');
  const lines: string[] = [];
  const code = await runCli(['validate', ...files.map((c) => c.file), '--json', '--today', TODAY], {
    out: (l) => lines.push(l),
    err: (l) => lines.push(l),
    cwd: path.join(root, 'returns'),
  });
  expect({ code, internal: lines.filter((l) => l.startsWith('错误')) }).toEqual({ code: 2, internal: [] });
  const verdicts = (JSON.parse(lines.join('\n')) as { files: { file: string; status: string; message: string }[] }).files;
  expect(verdicts.map((v) => [v.file, v.status === 'unreadable'])).toEqual(files.map((c) => [c.file, c.expect.status === 'unreadable']));
  for (const v of verdicts) expect(v.message).toMatch(/[\u4e00-\u9fff]/);
});

it('a folder of returns holding a .csv and an .et gets a verdict for each of them too', async () => {
  const folder = path.join(root, 'folder');
  fs.mkdirSync(path.join(folder, 'returns'), { recursive: true });
  for (const id of ['control-exceljs', 'csv', 'et'])
    fs.copyFileSync(path.join(root, 'returns', caseOf(id).file), path.join(folder, 'returns', caseOf(id).file));
  const lines: string[] = [];
  const code = await runCli(['merge', 'returns', '-o', '汇总.xlsx', '--json', 'report.json', '--today', TODAY], {
    out: (l) => lines.push(l),
    err: (l) => lines.push(l),
    cwd: folder,
  });
  expect({ code, lines: code === 0 ? [] : lines }).toEqual({ code: 0, lines: [] });
  const report = JSON.parse(fs.readFileSync(path.join(folder, 'report.json'), 'utf8')) as { inputs: InputReport[] };
  expect(report.inputs.map((i) => [path.basename(i.file), i.status])).toEqual(
    ['control-exceljs', 'csv', 'et'].map((id) => [caseOf(id).file, caseOf(id).expect.status]),
  );
});
