/**
 * The realistic-returns run (issue 10 §6), shared by realistic.test.ts and figures.ts: the template pack from the
 * command line, the corpus from make_returns.py (openpyxl and LibreOffice, a different writer than our reader),
 * `union-forms merge` over it, then check_summary.py on what the merge wrote. The command line runs from the
 * current sources in a child process (cli-child.ts, transpiled by test/hostile/register-ts.js): real exit codes,
 * no build step, and no type-checking of the whole CLI by ts-jest on every run.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';

/** Where package.json is: this file runs from test/realistic under jest and from dist/bench/test/realistic in the bench. */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    try {
      const json = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown };
      if (json.name === 'union-forms') return dir;
    } catch {
      // not here
    }
    if (path.dirname(dir) === dir) throw new Error(`package.json of union-forms not found above ${from}`);
  }
}

export const ROOT = projectRoot(__dirname);
/** The system Python, which has openpyxl and LibreOffice's bridge (a `python3` on PATH may be a shim without them). */
export const PYTHON = '/usr/bin/python3';
const SCRIPTS = path.join(ROOT, 'test', 'realistic');

export interface Mismatch {
  sheet: string;
  unit: string | null;
  key: string;
  field: string;
  expected: unknown;
  got: unknown;
  why?: string;
  file: string | null;
  cell: string | null;
}

export interface ReportedIssue {
  file: string;
  sheet: string;
  cell: string | null;
  field: string | null;
  label: string | null;
  message: string | null;
}

export interface MistakeEntry {
  file: string;
  sheet: string;
  label: string;
  what: string;
  cells: (string | null)[];
}

export interface CheckResult {
  records: { expected: number; intact: number };
  mismatches: Mismatch[];
  missing_columns: { sheet: string; column: string }[];
  totals: { exact: number; total: number; wrong: { sheet: string; header: string; why: string }[] };
  false_errors: ReportedIssue[];
  missed_errors: MistakeEntry[];
  wrong_reason: (MistakeEntry & { wanted: string; got: string[] })[];
  other_checks: { check: string; ok: boolean; detail: unknown; loose?: boolean }[];
  text: string;
}

export interface CliRun {
  code: number;
  out: string[];
  err: string[];
}

export interface RealisticRun {
  dir: string;
  libreOffice: boolean;
  generated: { files: number; other_files: number; records: number; mistakes: number; left_out: string[] };
  template: CliRun;
  merge: CliRun;
  /** Undefined when the merge wrote no summary or no report.json. */
  check: CheckResult | undefined;
  ms: { generate: number; merge: number; check: number };
}

export function hasSoffice(): boolean {
  return spawnSync('which', ['soffice'], { stdio: 'ignore' }).status === 0;
}

/** Whether the system Python has openpyxl (without it nothing here can run). */
export function hasOpenpyxl(): boolean {
  return spawnSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0;
}

export function cli(args: string[], cwd: string): CliRun {
  const run = spawnSync(
    process.execPath,
    ['-r', path.join(ROOT, 'test', 'hostile', 'register-ts.js'), path.join(SCRIPTS, 'cli-child.ts'), ...args],
    { cwd, encoding: 'utf8', timeout: 180_000, maxBuffer: 64 << 20 },
  );
  if (run.error) throw run.error;
  const lines = (text: string) => text.split('\n').filter((l) => l !== '');
  return { code: run.status ?? -1, out: lines(run.stdout), err: lines(run.stderr) };
}

function python(script: string, args: string[]): string {
  const run = spawnSync(PYTHON, [path.join(SCRIPTS, script), ...args], { encoding: 'utf8', timeout: 180_000, maxBuffer: 64 << 20 });
  if (run.status !== 0) throw new Error(`${script} failed (exit ${run.status}): ${run.stderr || run.error?.message || ''}`);
  return run.stdout;
}

/** The merge a careful city clerk runs over a folder of returns: summaries, report, 退回修改单 and 催报. */
export const MERGE_ARGS = [
  'merge',
  'returns',
  '-o',
  'out.xlsx',
  '--roster',
  'roster.txt',
  '--json',
  'report.json',
  '--slips',
  'slips',
  '--reminder',
  '催报.txt',
  '--force',
];

/** Generates the corpus into dir, merges it and checks the result. */
export function runRealistic(dir: string, options: { libreOffice: boolean }): RealisticRun {
  const templates = path.join(dir, 'templates');
  const template = cli(['template', '--all', '-o', templates, '--force'], dir);
  if (template.code !== 0)
    throw new Error(`union-forms template --all failed (exit ${template.code}): ${[...template.out, ...template.err].join('\n')}`);
  let t = performance.now();
  const generated = JSON.parse(
    python('make_returns.py', [dir, '--templates', templates, ...(options.libreOffice ? [] : ['--no-libreoffice'])]),
  ) as RealisticRun['generated'];
  const ms = { generate: performance.now() - t, merge: 0, check: 0 };
  t = performance.now();
  const merge = cli(MERGE_ARGS, dir);
  ms.merge = performance.now() - t;
  const out = path.join(dir, 'out.xlsx');
  const report = path.join(dir, 'report.json');
  let check: CheckResult | undefined;
  if (fs.existsSync(out) && fs.existsSync(report)) {
    t = performance.now();
    check = JSON.parse(
      python('check_summary.py', [out, report, path.join(dir, 'expected.json'), path.join(dir, 'slips'), path.join(dir, '催报.txt')]),
    ) as CheckResult;
    ms.check = performance.now() - t;
  }
  return { dir, libreOffice: options.libreOffice, generated, template, merge, check, ms };
}

/** One line per mismatch, for a failure message a person can act on. */
export function describeMismatch(m: Mismatch): string {
  const where = [m.file, m.cell].filter(Boolean).join(' ');
  return `${m.sheet} [${m.key}] ${m.field}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.got)}${m.why ? ` (${m.why})` : ''} — ${where}`;
}

/** The four figures of issue 10 §6. */
export function figuresOf(check: CheckResult): string {
  return (
    `records intact ${check.records.intact}/${check.records.expected}, totals exact ${check.totals.exact}/${check.totals.total}, ` +
    `false errors ${check.false_errors.length}, missed errors ${check.missed_errors.length}`
  );
}
