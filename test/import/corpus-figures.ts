/**
 * Figures of the import corpus for the closing note (issue 21 §5), measured in one run on this machine: per notice
 * of test/import/corpus, forms found, labels kept, inputs and types right, lists right, the receiving office's
 * fields, the notice's facts and the time to import; the three forms tried end to end; the six seed forms' match
 * with their hand-made definitions.
 *
 * usage: npm run import-figures [-- --verbose] [--keep]
 *   --verbose: every miss of every form; --keep: keep the generated notices and what was imported
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CATALOGUE } from '../../src/notices';
import { runEndToEnd } from './corpus/end-to-end';
import { matchNotice, pct, sum, type FormFigures, type Tally } from './corpus/match-notice';
import { importSeeds, runCorpus } from './corpus/run-corpus';
import { matchForms } from './form-match';

const frac = ([a, b]: Tally) => `${a}/${b}`;
const cells = (t: Tally) => `${pct(t)} (${frac(t)})`;
/** Required inputs the notice does not ask for, shown after the inputs figure as -N. */
const stray = (forms: FormFigures[]) => forms.reduce((n, x) => n + x.strayInputs, 0);

async function main(): Promise<void> {
  const verbose = process.argv.includes('--verbose');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'uf-import-figures-'));
  try {
    // The seeds first: their import also loads the template writer, so the corpus' times are of warm runs.
    const seeds = await importSeeds(root);
    const runs = await runCorpus(root);
    const figures = runs.map((r) => ({ run: r, m: matchNotice(r.expected, r.forms) }));

    console.log('notice                 | forms  | labels kept   | inputs right  | types right   | lists | office | facts  | ms   | exit');
    for (const { run, m } of figures) {
      const f = m.perForm;
      const row = [
        m.id.padEnd(22),
        `${frac(m.forms)}${m.extraForms.length ? `+${m.extraForms.length}` : ''}`.padEnd(6),
        cells(sum(f.map((x) => x.labels))).padEnd(13),
        `${cells(sum(f.map((x) => x.inputs)))}${stray(f) ? `-${stray(f)}` : ''}`.padEnd(13),
        cells(sum(f.map((x) => x.types))).padEnd(13),
        `${frac(sum(f.map((x) => x.lists)))}${f.some((x) => x.extraLists) ? '+' : ''}`.padEnd(5),
        frac(sum(f.map((x) => x.office))).padEnd(6),
        frac(sum(f.map((x) => x.facts))).padEnd(6),
        String(Math.round(run.ms)).padStart(4),
        String(run.code),
      ];
      console.log(row.join(' | '));
      if (m.extraForms.length) console.log(`    extra forms: ${m.extraForms.join('；')}`);
      if (verbose) {
        if (run.code !== 0) console.log(`    said: ${[...run.err, ...run.out.slice(0, 1)].join(' / ')}`);
        for (const form of f) for (const miss of form.misses) console.log(`    [${form.title}] ${miss.kind}: ${miss.text}`);
      }
    }
    const all = figures.flatMap((x) => x.m.perForm);
    const forms = sum(figures.map((x) => x.m.forms));
    const extras = figures.reduce((n, x) => n + x.m.extraForms.length, 0);
    console.log(
      `all ${figures.length} notices: forms ${frac(forms)} (+${extras} not forms), labels ${cells(sum(all.map((x) => x.labels)))}, ` +
        `inputs ${cells(sum(all.map((x) => x.inputs)))} (stray required inputs ${stray(all)}), types ${cells(sum(all.map((x) => x.types)))}, ` +
        `lists ${frac(sum(all.map((x) => x.lists)))}, office fields ${frac(sum(all.map((x) => x.office)))}, facts ${frac(sum(all.map((x) => x.facts)))}`,
    );
    const times = figures.map((x) => x.run.ms).sort((a, b) => a - b);
    console.log(
      `time to import: median ${Math.round(times[Math.floor(times.length / 2)] ?? 0)} ms, slowest ${Math.round(times[times.length - 1] ?? 0)} ms ` +
        `(${figures.reduce((s, x) => (x.run.ms === times[times.length - 1] ? x.run.expected.id : s), '')})`,
    );

    console.log('\nend to end (templates filled by their printed labels with openpyxl, validated, merged):');
    for (const e of await runEndToEnd(root, runs)) {
      console.log(`  ${e.id}: ${e.ok ? 'ok' : 'FAILS'} — ${e.summary}`);
      for (const p of verbose || !e.ok ? e.problems : []) console.log(`    ${p}`);
    }

    console.log('\nseed forms against their hand-made definitions:');
    for (const hand of CATALOGUE.forms) {
      const no = /\d+/.exec(hand.notice.attachment)?.[0];
      const form = (seeds.get(hand.notice.seed ?? '') ?? []).find((f) => /\d+/.exec(f.notice.attachment)?.[0] === no);
      if (!form) {
        console.log(`  ${hand.id.padEnd(24)} not imported`);
        continue;
      }
      const m = matchForms(hand, form);
      console.log(
        `  ${hand.id.padEnd(24)} ${(m.share * 100).toFixed(1)}%  labels ${frac(m.labels)}, inputs ${frac(m.inputs)}, types ${frac(m.types)}, lists ${frac(m.lists)}`,
      );
    }
  } finally {
    if (process.argv.includes('--keep')) console.log(`kept: ${root}`);
    else fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
