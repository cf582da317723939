import { builtinModules } from 'module';
import * as fs from 'fs';
import * as path from 'path';

/**
 * Everything the program imports at run time is a production dependency (issue 12): a user who installs the
 * command line without the dev dependencies must not meet "Cannot find module". CI also installs the production
 * dependencies alone and runs the command line (.ci/production-deps.sh); this test says the same in a second.
 */
const ROOT = path.join(__dirname, '..', '..');
const SRC = path.join(ROOT, 'src');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.(ts|tsx|js)$/.test(e.name) ? [p] : [];
  });
}

/** The package a bare specifier names: `react-dom/client` → react-dom, `@e965/xlsx` → @e965/xlsx. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
}

/** Bare modules a file imports for run time: `import type` and `export type … from` are erased by TypeScript. */
function runtimeImports(file: string): string[] {
  const text = fs
    .readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  const found: string[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^;]*?from\s+'([^']+)'/gm)) if (!m[2]) found.push(m[3] as string);
  for (const m of text.matchAll(/^\s*import\s+'([^']+)'/gm)) found.push(m[1] as string);
  for (const m of text.matchAll(/\brequire\('([^']+)'\)|\bimport\('([^']+)'\)/g)) found.push((m[1] ?? m[2]) as string);
  return found.filter((s) => !s.startsWith('.') && !s.startsWith('node:'));
}

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
const dependencies = new Set(Object.keys(pkg.dependencies ?? {}));
const builtins = new Set(builtinModules);

describe('run-time imports are production dependencies', () => {
  const files = [...sources(SRC), path.join(ROOT, 'bin', 'union-forms.js'), path.join(ROOT, 'examples', 'generate-returns.js')];
  const used = new Map<string, string[]>();
  for (const file of files)
    for (const spec of runtimeImports(file)) {
      const name = packageOf(spec);
      if (builtins.has(name)) continue;
      used.set(name, [...(used.get(name) ?? []), path.relative(ROOT, file)]);
    }

  it('finds the packages the program uses', () => {
    // zod (the form schema) and exceljs (the .xlsx writer) are used at run time for certain
    expect([...used.keys()]).toEqual(expect.arrayContaining(['zod', 'exceljs']));
  });

  it('lists every one of them under "dependencies" in package.json', () => {
    const missing = [...used.entries()].filter(([name]) => !dependencies.has(name)).map(([name, where]) => `${name} (${where.join(', ')})`);
    expect(missing).toEqual([]);
  });
});
