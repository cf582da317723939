/**
 * Figures of the hostile-input corpus for the closing note (issue 6 §5), measured in one run on this machine:
 * cases and how many pass on both merge paths, the zip bomb's time to its verdict and peak memory (read alone in
 * a fresh process), and records in = records in the summaries + records reported skipped.
 *
 * usage: node -r ./test/hostile/register-ts.js test/hostile/corpus-figures.ts [--verbose] [--verdicts] [--keep]
 *   --verbose: why each failing case fails; --verdicts: every case's verdict on the pane's path; --keep: keep the files
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BOMB_GIB } from './make-corpus';
import { accountingOf, failuresOf, runCorpus, type PathOutcome } from './run-corpus';

async function main(): Promise<void> {
  const verbose = process.argv.includes('--verbose');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'uf-hostile-figures-'));
  try {
    const run = await runCorpus(root);
    const { cases, guards } = run;
    const failing = (outcome: PathOutcome) => cases.filter((c) => failuresOf(c, outcome, guards.get(c.id)).length > 0);
    const cliFailing = failing(run.cli);
    const paneFailing = failing(run.pane);
    const both = cases.filter((c) => !cliFailing.includes(c) && !paneFailing.includes(c));
    console.log(
      `hostile corpus: ${cases.length} cases, ${both.length} pass on both paths (CLI ${cases.length - cliFailing.length}, pane ${cases.length - paneFailing.length})` +
        ` [generated in ${(run.ms.generate / 1000).toFixed(1)} s; CLI merge ${(run.cli.ms / 1000).toFixed(1)} s; pane merge ${(run.pane.ms / 1000).toFixed(1)} s]`,
    );
    const failed = cases.filter((c) => !both.includes(c));
    if (failed.length) console.log(`  failing: ${failed.map((c) => c.id).join(', ')}`);
    for (const c of verbose ? failed : []) {
      for (const [name, outcome] of [
        ['CLI', run.cli],
        ['pane', run.pane],
      ] as const)
        for (const f of failuresOf(c, outcome, guards.get(c.id))) console.log(`    ${c.id} (${name}): ${f}`);
    }
    if (process.argv.includes('--verdicts'))
      for (const c of cases) {
        const v = run.pane.inputs.find((i) => i.file === c.file);
        const sheets = v?.sheets.map((s) => `[${s.sheet}${s.used ? '' : ' ✗'}] ${s.records} ${s.message}`.trim()).join(' ') ?? '';
        console.log(`  ${c.id} → ${v ? `${v.status}: ${v.message} ${sheets}` : `(not run: ${guards.get(c.id)?.failure ?? 'no verdict'})`}`);
      }
    for (const id of ['zip-bomb', 'zip-bomb-lying']) {
      const c = cases.find((x) => x.id === id);
      const g = guards.get(id);
      if (!c || !g) continue;
      const size = (fs.statSync(path.join(root, 'returns', c.file)).size / 1024 / 1024).toFixed(1);
      const verdict = g.unreadable
        ? `“${g.unreadable}”`
        : g.sheets
          ? `read as ${g.sheets.length} sheet(s), not refused`
          : (g.failure ?? '');
      const time = g.ms === undefined ? 'no verdict' : `${Math.round(g.ms)} ms`;
      const above = g.peakMb === undefined || g.baseMb === undefined ? '?' : Math.round(g.peakMb - g.baseMb);
      console.log(
        `${id}: ${size} MB file inflating to ${BOMB_GIB} GiB → ${time}, peak ${Math.round(g.peakMb ?? 0)} MB RSS (${above} MB above the fresh process's ${Math.round(g.baseMb ?? 0)} MB); ${verdict}${g.ok ? '' : ` — FAILS: ${g.failure}`}`,
      );
    }
    for (const [name, outcome] of [
      ['CLI', run.cli],
      ['pane', run.pane],
    ] as const) {
      const totals = cases
        .filter((c) => !run.kept.includes(c.id))
        .map((c) => accountingOf(c, outcome))
        .reduce((a, b) => ({
          recordsIn: a.recordsIn + b.recordsIn,
          inSummaries: a.inSummaries + b.inSummaries,
          reportedSkipped: a.reportedSkipped + b.reportedSkipped,
        }));
      const keptIn = cases
        .filter((c) => run.kept.includes(c.id))
        .reduce((n, c) => n + Object.values(c.recordsIn).reduce((m, r) => m + r, 0), 0);
      const balance = totals.recordsIn === totals.inSummaries + totals.reportedSkipped ? '=' : '≠';
      console.log(
        `records (${name}): in ${totals.recordsIn} ${balance} ${totals.inSummaries} in summaries + ${totals.reportedSkipped} reported skipped` +
          (keptIn ? ` (not counted: ${keptIn} in files kept out of the run: ${run.kept.join(', ')})` : '') +
          (outcome.crash ? `; the merge of all files failed: ${outcome.crash.slice(0, 160)}` : ''),
      );
    }
  } finally {
    if (process.argv.includes('--keep')) console.log(`corpus kept in ${root}`);
    else fs.rmSync(root, { recursive: true, force: true });
  }
}

void main();
