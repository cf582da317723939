/**
 * Runs the corpus through both merge paths — the command line (`union-forms merge`, in process, as test/cli does)
 * and the pane's path (mergeBuffers, which the pane's worker calls) — and says, per case, what is wrong.
 * Risky cases are first read alone in a child process under a time and memory limit (guard.ts); one that breaks
 * the limit is kept out of the in-process runs, so that it fails alone instead of hanging or killing the test.
 */
import { CATALOGUE } from '../../src/notices';
import { strFromU8, unzipSync } from 'fflate';
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { runCli } from '../../src/cli/main';
import type { InputReport } from '../../src/core/merge/merge-returns';
import type { SummaryTable } from '../../src/core/merge/summaries';
import { mergeBuffers } from '../../src/hosts/xlsx/merge-buffers';
import { snapshotXlsx } from '../support/xlsx-snapshot';
import { guardAll, type GuardResult } from './guard';
import { makeCorpus, rosterOf, TODAY, type HostileCase, type SummaryRow } from './make-corpus';

export interface PathOutcome {
  path: 'cli' | 'pane';
  ms: number;
  /** Why a run of all the cases failed, when it did (each case was then run alone to find which one). */
  crash?: string;
  /** Cases that make a merge fail on their own, with what it said. */
  crashedBy: Map<string, string>;
  inputs: InputReport[];
  /** Summary rows by source file. */
  rows: Map<string, SummaryRow[]>;
  /** Files named in 合并报告. */
  reported: Set<string>;
  missing: string[];
  /** Only for the written summary workbook: cells holding formulas or error values, and parts holding characters XML 1.0 forbids. */
  formulaCells: string[];
  errorCells: string[];
  badXml: string[];
}

const SOURCE = '来源文件';
const REPORT_FILE = '文件';

/** OOXML's _xHHHH_ escapes, as Excel reads them. */
function unescapeOoxml(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function rowsOfTables(tables: readonly SummaryTable[]): Map<string, SummaryRow[]> {
  const byFile = new Map<string, SummaryRow[]>();
  for (const table of tables) {
    const at = table.header.indexOf(SOURCE);
    for (const row of table.rows) {
      const values: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      table.header.forEach((h, i) => (values[h] = row[i]));
      const file = String(row[at] ?? '');
      byFile.set(file, [...(byFile.get(file) ?? []), { sheet: table.sheetName, values }]);
    }
  }
  return byFile;
}

function emptyOutcome(which: 'cli' | 'pane'): PathOutcome {
  return {
    path: which,
    ms: 0,
    crashedBy: new Map(),
    inputs: [],
    rows: new Map(),
    reported: new Set(),
    missing: [],
    formulaCells: [],
    errorCells: [],
    badXml: [],
  };
}

/** Runs `run` on all cases; if it fails, runs each case alone to find the ones that break it, then the rest together. */
async function withBisection(
  cases: readonly HostileCase[],
  run: (cases: readonly HostileCase[]) => Promise<PathOutcome>,
): Promise<PathOutcome> {
  const started = performance.now();
  const all = await run(cases);
  if (!all.crash) return all;
  const crashedBy = new Map<string, string>();
  for (const c of cases) {
    const alone = await run([c]);
    if (alone.crash) crashedBy.set(c.id, alone.crash);
  }
  const rest = await run(cases.filter((c) => !crashedBy.has(c.id)));
  return { ...rest, crash: all.crash, crashedBy, ms: performance.now() - started };
}

/** The pane's path: mergeBuffers over every file's bytes, in file-name order. */
export function runPanePath(dir: string, cases: readonly HostileCase[]): Promise<PathOutcome> {
  return withBisection(cases, async (some) => {
    const outcome = emptyOutcome('pane');
    const buffers = [...some]
      .sort((a, b) => a.file.localeCompare(b.file))
      .map((c) => ({ name: c.file, modified: c.modified, data: new Uint8Array(fs.readFileSync(path.join(dir, c.file))) }));
    const started = performance.now();
    try {
      const merged = mergeBuffers(buffers, { catalogue: CATALOGUE, today: TODAY, roster: rosterOf() });
      outcome.inputs = merged.result.inputs;
      outcome.missing = merged.result.missing;
      outcome.rows = rowsOfTables(merged.summaries);
      const at = merged.report.header.indexOf(REPORT_FILE);
      outcome.reported = new Set(merged.report.rows.map((r) => String(r[at] ?? '')));
    } catch (err) {
      outcome.crash = `mergeBuffers threw: ${String((err as Error)?.stack ?? err).slice(0, 400)}`;
    }
    outcome.ms = performance.now() - started;
    return outcome;
  });
}

interface Sheet {
  name: string;
  grid: unknown[][];
}

/** The summary workbook read back with fflate and fast-xml-parser (it is written with ExcelJS). */
export function readSummaryWorkbook(data: Uint8Array): { sheets: Sheet[]; formulaCells: string[]; errorCells: string[]; badXml: string[] } {
  const sheets = snapshotXlsx(data).sheets.map((s) => {
    const grid: unknown[][] = [];
    for (const [address, cell] of s.cells) {
      const m = /^([A-Z]+)(\d+)$/.exec(address) as RegExpExecArray;
      const col = [...(m[1] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const row = Number(m[2]) - 1;
      (grid[row] ??= [])[col] = typeof cell.value === 'string' ? unescapeOoxml(cell.value) : cell.value;
    }
    return { name: s.name, grid };
  });
  const formulaCells: string[] = [];
  const errorCells: string[] = [];
  const badXml: string[] = [];
  for (const [name, bytes] of Object.entries(unzipSync(data))) {
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
    const xml = strFromU8(bytes);
    // eslint-disable-next-line no-control-regex
    const bad = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.exec(xml);
    if (bad) badXml.push(`${name}: U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${bad.index}`);
    if (!name.startsWith('xl/worksheets/')) continue;
    for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      if (/<f[\s>/]/.test(m[3] ?? '')) formulaCells.push(`${name}!${m[1]}`);
      if (/\bt="e"/.test(m[2] ?? '')) errorCells.push(`${name}!${m[1]}`);
    }
    if (/<f[\s>/]/.test(xml) && !formulaCells.some((c) => c.startsWith(name))) formulaCells.push(`${name}: a formula outside any cell`);
  }
  return { sheets, formulaCells, errorCells, badXml };
}

/** The command line: `union-forms merge <every file> -o 汇总.xlsx --json report.json --roster units.txt`. */
export function runCliPath(dir: string, outDir: string, cases: readonly HostileCase[]): Promise<PathOutcome> {
  let round = 0;
  return withBisection(cases, async (some) => {
    const outcome = emptyOutcome('cli');
    const out = path.join(outDir, `run-${round++}`);
    fs.mkdirSync(out, { recursive: true });
    const roster = path.join(out, 'units.txt');
    fs.writeFileSync(roster, rosterOf().join('\n'));
    const lines: string[] = [];
    const files = some.map((c) => c.file).sort((a, b) => a.localeCompare(b));
    const started = performance.now();
    let code: number;
    try {
      code = await runCli(
        [
          'merge',
          ...files,
          '-o',
          path.join(out, '汇总.xlsx'),
          '--json',
          path.join(out, 'report.json'),
          '--roster',
          roster,
          '--today',
          TODAY,
        ],
        { out: (l) => lines.push(l), err: (l) => lines.push(l), cwd: dir },
      );
    } catch (err) {
      code = -1;
      lines.push(String((err as Error)?.stack ?? err));
    }
    outcome.ms = performance.now() - started;
    if (code !== 0) {
      outcome.crash = `union-forms merge exited ${code}: ${lines.join(' | ').slice(0, 400)}`;
      return outcome;
    }
    const report = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8')) as { inputs: InputReport[]; missing: string[] };
    outcome.inputs = report.inputs;
    outcome.missing = report.missing;
    const book = readSummaryWorkbook(new Uint8Array(fs.readFileSync(path.join(out, '汇总.xlsx'))));
    outcome.formulaCells = book.formulaCells;
    outcome.errorCells = book.errorCells;
    outcome.badXml = book.badXml;
    for (const sheet of book.sheets) {
      const headerAt = sheet.grid.findIndex((row) => row?.includes(sheet.name === '合并报告' ? REPORT_FILE : SOURCE));
      if (headerAt < 0) continue;
      const header = (sheet.grid[headerAt] ?? []).map((h) => String(h ?? ''));
      const body = sheet.grid.slice(headerAt + 1);
      if (sheet.name === '合并报告') {
        const at = header.indexOf(REPORT_FILE);
        for (const row of body) if (row?.[at] !== undefined) outcome.reported.add(String(row[at]));
        continue;
      }
      const at = header.indexOf(SOURCE);
      // The last row is the 合计 row.
      for (const row of body.slice(0, -1)) {
        const values: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
        header.forEach((h, i) => (values[h] = row?.[i] ?? null));
        const file = String(row?.[at] ?? '');
        outcome.rows.set(file, [...(outcome.rows.get(file) ?? []), { sheet: sheet.name, values }]);
      }
    }
    return outcome;
  });
}

const CJK = /[\u4e00-\u9fff]/;
const SET_ASIDE = new Set(['unreadable', 'skipped', 'replaced']);

export interface Accounting {
  recordsIn: number;
  inSummaries: number;
  reportedSkipped: number;
}

/** Records put in, found in the summaries, and set aside with a verdict that says so (by the file or by its sheet). */
export function accountingOf(c: HostileCase, outcome: PathOutcome): Accounting {
  const recordsIn = Object.values(c.recordsIn).reduce((n, r) => n + r, 0);
  const inSummaries = outcome.rows.get(c.file)?.length ?? 0;
  const input = outcome.inputs.find((i) => i.file === c.file);
  let reportedSkipped = 0;
  if (input && SET_ASIDE.has(input.status)) reportedSkipped = recordsIn;
  else if (input)
    for (const s of input.sheets)
      if (!s.used && Object.prototype.hasOwnProperty.call(c.recordsIn, s.sheet)) reportedSkipped += c.recordsIn[s.sheet] ?? 0;
  return { recordsIn, inSummaries, reportedSkipped };
}

/** What is wrong with one case's outcome on one path (nothing: the case passes). */
export function failuresOf(c: HostileCase, outcome: PathOutcome, guard: GuardResult | undefined): string[] {
  if (guard && !guard.ok) return [`read alone in a child process, it ${guard.failure}; so it was kept out of the merges`];
  if (outcome.crashedBy.has(c.id)) return [`this file alone makes the merge fail: ${outcome.crashedBy.get(c.id)}`];
  if (outcome.crash && outcome.inputs.length === 0) return [`the merge failed: ${outcome.crash}`];
  const verdicts = outcome.inputs.filter((i) => i.file === c.file);
  if (verdicts.length !== 1) return [`expected one verdict for ${c.file}, got ${verdicts.length}`];
  const failures: string[] = [];
  const v = verdicts[0] as InputReport;
  const said = `${v.status}: ${v.message} ${v.sheets.map((s) => `[${s.sheet}] ${s.message}`).join(' ')}`.trim();
  if (v.status !== c.expect.status) failures.push(`status ${v.status}, expected ${c.expect.status} (${said.slice(0, 300)})`);
  if (!CJK.test(v.message)) failures.push(`the verdict's message is not Chinese: “${v.message}”`);
  if (c.expect.message && !c.expect.message.test(v.message)) failures.push(`message “${v.message}” does not match ${c.expect.message}`);
  if (c.expect.sheetMessage && !v.sheets.some((s) => c.expect.sheetMessage?.test(s.message)))
    failures.push(`no sheet message matches ${c.expect.sheetMessage}: ${said.slice(0, 300)}`);
  if (!outcome.reported.has(c.file)) failures.push('the file is not listed in 合并报告');
  const rows = outcome.rows.get(c.file) ?? [];
  if (rows.length !== c.expect.records) failures.push(`${rows.length} rows in the summaries, expected ${c.expect.records}`);
  const reportedRecords = v.sheets.filter((s) => s.used).reduce((n, s) => n + s.records, 0);
  if (reportedRecords !== rows.length) failures.push(`the report counts ${reportedRecords} records, the summaries hold ${rows.length}`);
  const { recordsIn, inSummaries, reportedSkipped } = accountingOf(c, outcome);
  if (recordsIn !== inSummaries + reportedSkipped)
    failures.push(`records in ${recordsIn} ≠ ${inSummaries} in the summaries + ${reportedSkipped} reported skipped`);
  if (v.status !== 'unreadable')
    for (const sheet of Object.keys(c.recordsIn))
      if (sheet !== '*' && !v.sheets.some((s) => s.sheet === sheet)) failures.push(`sheet “${sheet}” is missing from the report`);
  if (c.check) failures.push(...c.check(rows));
  return failures;
}

export interface CorpusRun {
  cases: HostileCase[];
  guards: Map<string, GuardResult>;
  cli: PathOutcome;
  pane: PathOutcome;
  /** Cases kept out of the in-process runs (their guarded read hung, crashed or broke its limits). */
  kept: string[];
  /** Writing the corpus (with the guarded reads, done meanwhile), and the guarded reads alone. */
  ms: { generate: number; guard: number };
}

/** Generates the corpus under `root`, guards the risky cases (while LibreOffice works), and runs them all through both paths. */
export async function runCorpus(root: string, options: { withLibreOffice?: boolean } = {}): Promise<CorpusRun> {
  const dir = path.join(root, 'returns');
  const started = performance.now();
  let guards = new Map<string, GuardResult>();
  let guard = 0;
  const cases = await makeCorpus(dir, {
    ...options,
    alongside: async (written) => {
      const t = performance.now();
      guards = await guardAll(written.flatMap((c) => (c.risky ? [{ id: c.id, file: path.join(dir, c.file), limits: c.risky }] : [])));
      guard = performance.now() - t;
    },
  });
  const generate = performance.now() - started;
  const kept = cases.filter((c) => c.risky && !guards.get(c.id)?.ok).map((c) => c.id);
  const runnable = cases.filter((c) => !kept.includes(c.id));
  const pane = await runPanePath(dir, runnable);
  const cli = await runCliPath(dir, path.join(root, 'out'), runnable);
  return { cases, guards, cli, pane, kept, ms: { generate, guard } };
}
