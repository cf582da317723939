/**
 * The clerk simulator's run (issue 19 §6), shared by clerk-sim.test.ts and the `npm run clerk-sim` printer: the
 * template packs from the command line, N returns from a seed by clerk_sim.py (openpyxl, and LibreOffice for the
 * operators that need it — a different writer than our reader), `union-forms merge` over them with a roster and
 * --json, then check_clerk.py on what the merge wrote. A return that fails is shrunk to the shortest list of its
 * operators that still fails (delta debugging: the return made again alone, beside two plain returns of its form,
 * with subsets of its operator list).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { cli, PYTHON, ROOT, type CliRun } from '../realistic/run-realistic';

const HERE = path.join(ROOT, 'test', 'clerk-sim');

export interface SimOptions {
  seed: number;
  count: number;
  /** Share of returns that may draw the operators needing LibreOffice (0 without soffice). */
  libreOfficeShare: number;
}

export interface Failure {
  what: string;
  bundle: number | null;
  [key: string]: unknown;
}

export interface CheckFigures {
  returns: number;
  records: { expected: number; intact: number };
  totals: { exact: number; total: number };
  false_errors: number;
  missed_errors: number;
  wrong_reason: number;
  other_failed: number;
  formats: Record<string, { files: number; read: number }>;
  failures: Failure[];
  failing_bundles: number[];
}

export interface Generated {
  returns: number;
  files: number;
  formats: Record<string, number>;
  records: number;
  mistakes: number;
  libreoffice_files: number;
  ops: Record<string, number>;
}

export interface BundleInfo {
  index: number;
  form: string;
  unit: string;
  ops: string[];
  files: string[];
}

export interface SimRun {
  dir: string;
  options: SimOptions;
  generated: Generated;
  merge: CliRun;
  check: CheckFigures | undefined;
  bundles: BundleInfo[];
  ms: { generate: number; merge: number; check: number };
}

function python(script: string, args: string[]): string {
  const run = spawnSync(PYTHON, [path.join(HERE, script), ...args], {
    encoding: 'utf8',
    timeout: 1_800_000,
    maxBuffer: 256 << 20,
  });
  if (run.status !== 0) throw new Error(`${script} failed (exit ${run.status}): ${run.stderr || run.error?.message || ''}`);
  return run.stdout;
}

/** This year's and last year's template packs, into dir/templates/{current,old}. */
export function makeTemplates(dir: string): string {
  const templates = path.join(dir, 'templates');
  fs.mkdirSync(path.join(templates, 'old'), { recursive: true });
  const run = spawnSync(
    process.execPath,
    ['-r', path.join(ROOT, 'test', 'hostile', 'register-ts.js'), path.join(HERE, 'templates-child.ts'), templates],
    { encoding: 'utf8', timeout: 180_000 },
  );
  if (run.status !== 0) throw new Error(`the template packs could not be made (exit ${run.status}): ${run.stderr}`);
  return templates;
}

/** Operators named by clerk_sim.py, with what each does. */
export function listOperators(): { name: string; phase: string; libreoffice: boolean; about: string }[] {
  return JSON.parse(python('clerk_sim.py', ['--list-ops'])) as { name: string; phase: string; libreoffice: boolean; about: string }[];
}

function mergeAndCheck(dir: string): { merge: CliRun; check: CheckFigures | undefined; ms: { merge: number; check: number } } {
  let t = performance.now();
  const merge = cli(['merge', 'returns', '-o', 'out.xlsx', '--roster', 'roster.txt', '--json', 'report.json', '--force'], dir);
  const ms = { merge: performance.now() - t, check: 0 };
  const out = path.join(dir, 'out.xlsx');
  const report = path.join(dir, 'report.json');
  let check: CheckFigures | undefined;
  if (fs.existsSync(out) && fs.existsSync(report)) {
    t = performance.now();
    check = JSON.parse(python('check_clerk.py', [out, report, path.join(dir, 'expected.json')])) as CheckFigures;
    ms.check = performance.now() - t;
  }
  return { merge, check, ms };
}

/** What names a batch to clerk_sim.py: where it goes, its seed and size, and the two template packs. */
function batchArgs(dir: string, templates: string, options: SimOptions): string[] {
  return [
    dir,
    '--seed',
    String(options.seed),
    '--count',
    String(options.count),
    '--templates',
    path.join(templates, 'current'),
    '--old-templates',
    path.join(templates, 'old'),
  ];
}

/** Generates a batch into dir, merges it and checks the result. */
export function runClerkSim(dir: string, templates: string, options: SimOptions): SimRun {
  for (const name of ['out.xlsx', 'report.json']) fs.rmSync(path.join(dir, name), { force: true });
  const t = performance.now();
  const generated = JSON.parse(
    python('clerk_sim.py', [...batchArgs(dir, templates, options), '--libreoffice-share', String(options.libreOfficeShare)]),
  ) as Generated;
  const generate = performance.now() - t;
  const { merge, check, ms } = mergeAndCheck(dir);
  const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as { bundles: BundleInfo[] };
  return { dir, options, generated, merge, check, bundles: expected.bundles, ms: { generate, ...ms } };
}

/** Whether return `index` of the batch, made alone (beside two plain returns of its form) with these operators, fails. */
function failsWith(dir: string, templates: string, options: SimOptions, index: number, ops: string[]): boolean {
  python('clerk_sim.py', [...batchArgs(dir, templates, options), '--only', String(index), '--ops', ops.join(','), '--companions', 'auto']);
  for (const name of ['out.xlsx', 'report.json']) fs.rmSync(path.join(dir, name), { force: true });
  const { merge, check } = mergeAndCheck(dir);
  if (merge.code !== 0 || merge.err.length > 0 || !check) return true;
  return check.failures.some((f) => f.bundle === index || f.bundle === null);
}

export interface Shrunk {
  index: number;
  form: string;
  unit: string;
  ops: string[];
  /** The fewest operators that still fail (1-minimal: dropping any one of them makes it pass). */
  minimal: string[];
  /** False when the return passes when made alone: it fails only beside the rest of its batch. */
  /** (Shrinking stops at the deadline given: the list is then shorter, not always minimal.) */
  alone: boolean;
  /** What still fails with the minimal list. */
  failures: Failure[];
}

/**
 * Delta debugging (Zeller's ddmin) over the operator list of one failing return: subsets and complements are tried
 * until no single operator can be dropped without the return passing.
 */
export function shrink(run: SimRun, templates: string, index: number, scratch: string, deadline = Infinity): Shrunk {
  const bundle = run.bundles.find((b) => b.index === index);
  if (!bundle) throw new Error(`no return ${index} in the batch`);
  fs.mkdirSync(scratch, { recursive: true });
  const test = (ops: string[]) => failsWith(scratch, templates, run.options, index, ops);
  let ops = [...bundle.ops];
  const alone = test(ops);
  if (alone) {
    let n = 2;
    while (ops.length >= 2 && performance.now() < deadline) {
      const size = Math.ceil(ops.length / n);
      const chunks: string[][] = [];
      for (let i = 0; i < ops.length; i += size) chunks.push(ops.slice(i, i + size));
      let reduced = false;
      for (const chunk of chunks) {
        if (chunk.length < ops.length && test(chunk)) {
          ops = chunk;
          n = 2;
          reduced = true;
          break;
        }
      }
      if (!reduced)
        for (const chunk of chunks) {
          const rest = ops.filter((o) => !chunk.includes(o));
          if (rest.length > 0 && rest.length < ops.length && test(rest)) {
            ops = rest;
            n = Math.max(n - 1, 2);
            reduced = true;
            break;
          }
        }
      if (!reduced) {
        if (n >= ops.length) break;
        n = Math.min(ops.length, 2 * n);
      }
    }
    // The plain return (no operator) failing too means no operator is needed to fail.
    if (test([])) ops = [];
  }
  // The failures of the minimal list, as the checker words them.
  failsWith(scratch, templates, run.options, index, alone ? ops : bundle.ops);
  const report = path.join(scratch, 'report.json');
  let failures: Failure[] = [];
  if (fs.existsSync(report)) {
    const check = JSON.parse(
      python('check_clerk.py', [path.join(scratch, 'out.xlsx'), report, path.join(scratch, 'expected.json')]),
    ) as CheckFigures;
    failures = check.failures.filter((f) => f.bundle === index || f.bundle === null);
  }
  return { index, form: bundle.form, unit: bundle.unit, ops: bundle.ops, minimal: alone ? ops : bundle.ops, alone, failures };
}

/** One representative failing return per kind of failure (what failed, on which field), for shrinking. */
export function representatives(run: SimRun, limit: number): number[] {
  const seen = new Map<string, number>();
  for (const f of run.check?.failures ?? []) {
    if (f.bundle === null) continue;
    const kind = `${f.what}|${String(f.field ?? f.label ?? f.header ?? '')}|${String(f.why ?? '')}|${String(f.check ?? '').replace(/^.*?(:|sent)/, '')}`;
    if (!seen.has(kind)) seen.set(kind, f.bundle);
  }
  return [...new Set(seen.values())].slice(0, limit);
}

/** Failures as lines a person can act on. */
export function describeFailure(f: Failure): string {
  const rest = Object.entries(f)
    .filter(([k]) => !['what', 'bundle'].includes(k))
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
  return `${f.what}: ${rest}`.slice(0, 400);
}

export interface Figures {
  seeds: number[];
  returns: number;
  records: { expected: number; intact: number };
  totals: { exact: number; total: number };
  falseErrors: number;
  missedErrors: number;
  otherFailed: number;
  formats: Record<string, { files: number; read: number }>;
}

export function addFigures(into: Figures | undefined, run: SimRun): Figures {
  const c = run.check;
  const f: Figures = into ?? {
    seeds: [],
    returns: 0,
    records: { expected: 0, intact: 0 },
    totals: { exact: 0, total: 0 },
    falseErrors: 0,
    missedErrors: 0,
    otherFailed: 0,
    formats: {},
  };
  f.seeds.push(run.options.seed);
  f.returns += run.options.count;
  if (!c) return f;
  f.records.expected += c.records.expected;
  f.records.intact += c.records.intact;
  f.totals.exact += c.totals.exact;
  f.totals.total += c.totals.total;
  f.falseErrors += c.false_errors;
  f.missedErrors += c.missed_errors;
  f.otherFailed += c.other_failed;
  for (const [ext, n] of Object.entries(c.formats)) {
    const e = (f.formats[ext] ??= { files: 0, read: 0 });
    e.files += n.files;
    e.read += n.read;
  }
  return f;
}

export function figuresText(f: Figures): string[] {
  const per = (n: number) => ((n * 1000) / Math.max(f.returns, 1)).toFixed(1);
  return [
    `clerk simulator, seeds ${f.seeds.join(', ')}: ${f.returns} returns`,
    `  records intact ${f.records.intact}/${f.records.expected}, totals exact ${f.totals.exact}/${f.totals.total}`,
    `  false errors ${f.falseErrors} (${per(f.falseErrors)} per 1,000 returns), missed errors ${f.missedErrors} (${per(f.missedErrors)} per 1,000 returns), other checks failed ${f.otherFailed}`,
    `  files per format (read/sent): ${Object.entries(f.formats)
      .map(([ext, n]) => `${ext} ${n.read}/${n.files}`)
      .join(', ')}`,
  ];
}
