import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; dev?: boolean }>;
};

function newer(version: string, than: string): boolean {
  const a = version.split(/[.-]/).map(Number);
  const b = than.split(/[.-]/).map(Number);
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}

/** Installed production packages by name (every copy in the tree). */
function production(name: string): string[] {
  return Object.entries(lock.packages)
    .filter(([where, p]) => !p.dev && where.endsWith(`node_modules/${name}`))
    .map(([, p]) => p.version ?? '0');
}

// npm audit needs an advisory service the registry here does not offer, so the advisories that concern the
// reader and writer libraries and their trees are checked against the versions that fixed them.
const FIXED_IN: [string, string, string][] = [
  ['@e965/xlsx', '0.20.2', 'SheetJS prototype pollution (CVE-2023-30533) and ReDoS (CVE-2024-22363)'],
  ['jszip', '3.8.0', 'jszip path traversal and prototype pollution (CVE-2022-48285, CVE-2021-23413)'],
  ['unzipper', '0.8.13', 'unzipper zip slip (CVE-2018-1002203)'],
  ['fstream', '1.0.12', 'fstream hard-link overwrite (CVE-2019-13173)'],
  ['minimist', '1.2.6', 'minimist prototype pollution (CVE-2021-44906)'],
  ['minimatch', '3.0.5', 'minimatch ReDoS (CVE-2022-3517)'],
  ['brace-expansion', '1.1.12', 'brace-expansion ReDoS (CVE-2025-5889)'],
  ['tmp', '0.2.4', 'tmp symlink write (CVE-2025-54798)'],
];

describe('the reader and writer libraries', () => {
  it('the old `xlsx` 0.18 with known advisories is not installed; SheetJS comes from its maintained build', () => {
    expect(production('xlsx')).toEqual([]);
    expect(production('@e965/xlsx').length).toBeGreaterThan(0);
  });

  it.each(FIXED_IN)('%s is at or above %s (%s)', (name, fixed) => {
    const versions = production(name);
    for (const v of versions) expect(`${name}@${v} ${newer(v, fixed) ? 'ok' : 'vulnerable'}`).toBe(`${name}@${v} ok`);
  });

  it('the version comparison does tell older from newer', () => {
    expect(newer('0.20.3', '0.20.2')).toBe(true);
    expect(newer('0.18.5', '0.20.2')).toBe(false);
    expect(newer('1.1.11', '1.1.12')).toBe(false);
    expect(newer('2.1.8', '1.1.12')).toBe(true);
  });
});
