/**
 * The figures of the realistic-returns corpus (issue 10 §6), measured in one run: records intact / expected,
 * totals exact, false errors, missed errors. Called by `npm run bench`; alone:
 *
 *   node -r ./test/hostile/register-ts.js test/realistic/figures.ts [--verbose] [--keep]
 *   (npm run realistic-figures)
 *
 * --verbose: every mismatch, wrong total, false and missed error; --keep: keep the corpus and the merge's output.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { figuresOf, hasOpenpyxl, hasSoffice, runRealistic } from './run-realistic';

export function realisticFigures(options: { verbose?: boolean; keep?: boolean } = {}): string[] {
  if (!hasOpenpyxl()) return ['realistic returns: not measured (/usr/bin/python3 has no openpyxl)'];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uf-realistic-figures-'));
  try {
    const libreOffice = hasSoffice();
    const run = runRealistic(dir, { libreOffice });
    const head =
      `realistic returns (${run.generated.files} files, ${run.generated.records} records, ${run.generated.mistakes} deliberate mistakes` +
      `${libreOffice ? '' : '; without LibreOffice'}; generated in ${(run.ms.generate / 1000).toFixed(1)} s, merged in ${(run.ms.merge / 1000).toFixed(1)} s):`;
    if (!run.check)
      return [
        head,
        `  the merge wrote no summary (exit ${run.merge.code}): ${[...run.merge.out, ...run.merge.err].join(' ').slice(0, 300)}`,
      ];
    const lines = [head, `  ${figuresOf(run.check)}; merge exit code ${run.merge.code}`];
    if (options.verbose)
      lines.push(
        ...run.check.text
          .split('\n')
          .slice(4)
          .map((l) => `  ${l}`),
      );
    if (options.keep) lines.push(`  corpus kept in ${dir}`);
    return lines;
  } finally {
    if (!options.keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module)
  for (const line of realisticFigures({ verbose: process.argv.includes('--verbose'), keep: process.argv.includes('--keep') }))
    console.log(line);
