import * as fs from 'fs';
import * as path from 'path';

const SRC = path.join(__dirname, '..', '..', 'src');
const PURE_DIRS = ['core', 'forms'];
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
