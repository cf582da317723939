/**
 * The clerk simulator from the command line (issue 19 §6, §7):
 *
 *   npm run clerk-sim -- --seed N --count N [--seeds 1,2,3] [--libreoffice-share 0.05] [--shrink 5] [--verbose] [--keep]
 *
 * prints the figures (records intact, totals exact, false and missed errors per 1,000 returns, files per format),
 * and for up to --shrink failing returns (one per kind of failure, default 5) the seed and the shortest list of
 * operators that still fails. --verbose: every failure; --keep: keep the returns and the merge's output.
 * Exit code 1 when anything failed.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { hasOpenpyxl, hasSoffice } from '../realistic/run-realistic';
import {
  addFigures,
  describeFailure,
  figuresText,
  makeTemplates,
  representatives,
  runClerkSim,
  shrink,
  type Figures,
} from './run-clerk-sim';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function main(): number {
  if (!hasOpenpyxl()) {
    console.log('clerk simulator: not run (/usr/bin/python3 has no openpyxl)');
    return 1;
  }
  const seeds = (option('--seeds') ?? option('--seed') ?? String(Date.now() % 100_000)).split(',').map(Number);
  const count = Number(option('--count') ?? 200);
  const share = hasSoffice() ? Number(option('--libreoffice-share') ?? 0.05) : 0;
  const shrinkLimit = Number(option('--shrink') ?? 5);
  const keep = process.argv.includes('--keep');
  const verbose = process.argv.includes('--verbose');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uf-clerk-sim-'));
  let figures: Figures | undefined;
  let failed = false;
  try {
    const templates = makeTemplates(dir);
    for (const seed of seeds) {
      const batch = path.join(dir, `seed-${seed}`);
      fs.mkdirSync(batch, { recursive: true });
      const run = runClerkSim(batch, templates, { seed, count, libreOfficeShare: share });
      figures = addFigures(figures, run);
      const s = (ms: number) => (ms / 1000).toFixed(1);
      console.log(
        `seed ${seed}: ${run.generated.files} files (${run.generated.libreoffice_files} through LibreOffice), ${run.generated.records} records, ` +
          `${run.generated.mistakes} deliberate mistakes; generated in ${s(run.ms.generate)} s, merged in ${s(run.ms.merge)} s, checked in ${s(run.ms.check)} s; ` +
          `merge exit ${run.merge.code}${run.merge.err.length ? `, stderr: ${run.merge.err.join(' | ').slice(0, 300)}` : ''}`,
      );
      if (!run.check) {
        failed = true;
        console.log(`  the merge wrote no summary: ${[...run.merge.out, ...run.merge.err].join(' ').slice(0, 300)}`);
        continue;
      }
      if (run.check.failures.length > 0 || run.merge.code !== 0 || run.merge.err.length > 0) failed = true;
      if (verbose) for (const f of run.check.failures) console.log(`  [return ${f.bundle ?? '?'}] ${describeFailure(f)}`);
      for (const index of representatives(run, shrinkLimit)) {
        const s2 = shrink(run, templates, index, path.join(batch, `shrink-${index}`));
        console.log(
          `  FAIL seed ${seed} return ${index} (${s2.form}, ${s2.unit}): operators ${s2.ops.join(', ') || '(none)'}; ` +
            `${s2.alone ? `shortest failing list: ${s2.minimal.join(', ') || '(none: the plain return fails)'}` : 'passes alone: fails only beside its batch'}`,
        );
        console.log(
          `    reproduce: python3 test/clerk-sim/clerk_sim.py OUT --seed ${seed} --count ${count} --only ${index} --ops ${s2.minimal.join(',')} --companions auto --templates … --old-templates …`,
        );
        for (const f of s2.failures.slice(0, 6)) console.log(`    ${describeFailure(f)}`);
      }
    }
    if (figures) for (const line of figuresText(figures)) console.log(line);
    if (keep) console.log(`returns kept in ${dir}`);
  } finally {
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
  return failed ? 1 : 0;
}

process.exitCode = main();
