import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const SRC = path.join(__dirname, '..', '..', 'src');
// src/app is the application layer the command line and the pane's worker share: pure too (it reads and writes no file).
const PURE_DIRS = ['core', 'notices', 'app'];
const HOST_MODULES =
  /^(exceljs|fs|path|os|child_process|util|react|react-dom|@fluentui\/.*|@microsoft\/office-js|office-js|fflate|@e965\/xlsx|node:.*)$/;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('the core knows nothing of its hosts', () => {
  const files = PURE_DIRS.flatMap((d) => sources(path.join(SRC, d)));

  it('has files to check', () => expect(files.length).toBeGreaterThan(10));

  it.each(PURE_DIRS)('src/%s imports no host module and uses no host global', (dir) => {
    const offending = files
      .filter((f) => f.includes(`${path.sep}${dir}${path.sep}`))
      .flatMap((file) => {
        const text = fs
          .readFileSync(file, 'utf8')
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\/\/.*$/gm, '');
        const imports = [...text.matchAll(/from '([^']+)'|require\('([^']+)'\)/g)].map((m) => (m[1] ?? m[2]) as string);
        const bad = imports.filter((i) => HOST_MODULES.test(i) || i.includes('/hosts/') || i.includes('/cli/') || i.includes('/taskpane/'));
        const globals = /\b(Office|Excel|document|window|process|Buffer)\./.test(text) ? ['host global'] : [];
        return [...bad, ...globals].map((b) => `${path.relative(SRC, file)}: ${b}`);
      });
    expect(offending).toEqual([]);
  });
});

/** What a module imports, re-exports or loads: static, type-only, `export … from`, require() and import(). */
function specifiersOf(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  return [...code.matchAll(/\bfrom\s+'([^']+)'|\bimport\s+'([^']+)'|\b(?:require|import)\(\s*'([^']+)'\s*\)/g)].map(
    (m) => (m[1] ?? m[2] ?? m[3]) as string,
  );
}

/** A relative specifier as the file it names (x.ts, x.tsx, x/index.ts), or the path itself when none exists. */
function resolveRelative(from: string, specifier: string): string {
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')];
  return candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile()) ?? base;
}

/**
 * Walks the imports of every module under `root`, following relative imports transitively: every import that
 * leaves `root`, and every host module, as "importer → import".
 */
function importsLeaving(root: string): string[] {
  const within = (file: string) => !path.relative(root, file).startsWith('..');
  const queue = sources(root);
  const seen = new Set(queue);
  const offending: string[] = [];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    for (const specifier of specifiersOf(fs.readFileSync(file, 'utf8'))) {
      const where = `${path.relative(root, file)} → ${specifier}`;
      if (!specifier.startsWith('.')) {
        if (HOST_MODULES.test(specifier)) offending.push(where);
        continue;
      }
      const target = resolveRelative(file, specifier);
      if (!within(target)) offending.push(where);
      else if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return offending.sort();
}

describe('the core imports nothing above it', () => {
  it('no module of src/core, followed import by import, reaches outside src/core or into a host module', () => {
    expect(importsLeaving(path.join(SRC, 'core'))).toEqual([]);
  });

  it('the walk finds an import out of the core, however it is written, and one a level down', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'purity-'));
    try {
      const core = path.join(tmp, 'core');
      fs.mkdirSync(path.join(core, 'merge'), { recursive: true });
      fs.mkdirSync(path.join(tmp, 'notices'));
      fs.writeFileSync(path.join(tmp, 'notices', 'index.ts'), 'export const CATALOGUE = 1;\n');
      fs.writeFileSync(path.join(core, 'a.ts'), "import { b } from './merge/b';\nexport const a = b;\n");
      fs.writeFileSync(path.join(core, 'merge', 'b.ts'), "import type { X } from '../../notices';\nexport const b = 1;\n");
      fs.writeFileSync(path.join(core, 'merge', 'c.ts'), "export { CATALOGUE } from '../../notices/index';\n");
      fs.writeFileSync(path.join(core, 'd.ts'), "// import { x } from '../notices';\nimport { z } from 'zod';\nimport * as f from 'fs';\n");
      expect(importsLeaving(core)).toEqual(['d.ts → fs', 'merge/b.ts → ../../notices', 'merge/c.ts → ../../notices/index']);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
