import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.(ts|tsx|js)$/.test(e.name) ? [full] : [];
  });
}

const CODE_FROM_TEXT = /\beval\s*\(|\bnew\s+Function\s*\(|\bFunction\s*\(\s*['"`]|setTimeout\s*\(\s*['"`]|setInterval\s*\(\s*['"`]/;

describe('the project makes no code from text', () => {
  const files = [...sources(path.join(ROOT, 'src')), ...sources(path.join(ROOT, 'scripts')), path.join(ROOT, 'webpack.config.js')];

  it('has no eval, new Function or string timers in src/, scripts/ or the build', () => {
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.filter((f) => CODE_FROM_TEXT.test(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(ROOT, f));
    expect(offenders).toEqual([]);
  });

  it('the pattern does catch each form it looks for', () => {
    for (const bad of ['eval(x)', 'new Function("return 1")', "Function('a', 'return a')", "setTimeout('go()', 1)"])
      expect(CODE_FROM_TEXT.test(bad)).toBe(true);
    expect(CODE_FROM_TEXT.test('evaluate(x); functional(y)')).toBe(false);
  });
});
