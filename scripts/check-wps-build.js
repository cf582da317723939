'use strict';
/*
 * es-check over the WPS package (run by `npm run build:wps` after webpack, and by test/browser/wps.test.ts on its own
 * build): the pane's chunks and its worker must parse as ES2018, the ribbon's main.js as ES5. Syntax only: the
 * built-ins newer than ES2018 that packages call (Array.prototype.flat, Object.fromEntries, String.prototype.matchAll
 * …) are in every Chromium since 73, and WPS's engine is ≈ Chromium 104 on current Windows builds
 * (../shared/research/wps-addin.md §1); `--features` lists them for the record.
 * Usage: node scripts/check-wps-build.js [dir] [--features]
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

// es-check's command line (its package exports only the library entry; the bin is found beside it)
const CLI = path.join(path.dirname(require.resolve('es-check')), 'cli', 'index.js');

function esCheck(version, files, extra = []) {
  const run = spawnSync(process.execPath, [CLI, version, ...files, '--noColor', ...extra], { encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`.trim() };
}

/** es-check's verdicts on a built dist/wps: the pane's scripts as ES2018, main.js as ES5. */
function checkWpsBuild(dir) {
  const pane = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.js') && f !== 'main.js')
    .map((f) => path.join(dir, f));
  if (pane.length === 0) throw new Error(`no pane scripts in ${dir}: run npm run build:wps first`);
  const es2018 = esCheck('es2018', pane);
  const es5 = esCheck('es5', [path.join(dir, 'main.js')]);
  return { ok: es2018.ok && es5.ok, files: pane.length, es2018, es5 };
}

if (require.main === module) {
  const dir = path.resolve(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? path.join(__dirname, '..', 'dist', 'wps'));
  const result = checkWpsBuild(dir);
  console.log(`es-check es2018, ${result.files} pane scripts: ${result.es2018.ok ? 'passed' : 'FAILED'}`);
  if (!result.es2018.ok) console.log(result.es2018.output);
  console.log(`es-check es5, main.js: ${result.es5.ok ? 'passed' : 'FAILED'}`);
  if (!result.es5.ok) console.log(result.es5.output);
  if (process.argv.includes('--features')) {
    const files = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.js') && f !== 'main.js')
      .map((f) => path.join(dir, f));
    const features = esCheck('es2018', files, ['--checkFeatures']);
    const named = [...new Set([...features.output.matchAll(/Unsupported features detected: ([^.]+)\./g)].flatMap((m) => m[1].split(', ')))];
    console.log(`built-ins newer than ES2018 called by the pane's scripts: ${named.length ? named.join(', ') : 'none'}`);
  }
  process.exit(result.ok ? 0 : 1);
}

module.exports = { checkWpsBuild };
