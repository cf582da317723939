import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const settings = require('../../scripts/build-settings.js') as {
  DEV_URL: string;
  productionUrl(value: string | undefined): string;
  manifestFor(source: string, baseUrl: string): string;
  officeJsDir(): string;
  isOfficeJsFile(file: string, dir?: string): boolean;
  readManifest(root: string): string;
  contentSecurityPolicy(localOfficeJs: boolean): string;
};

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name as string, values]),
  );
}

const ROOT = path.join(__dirname, '..', '..');
const SCHEMA = path.join(__dirname, 'schemas', 'OfficeAppManifestV1_1.xsd');

describe('the production build settings', () => {
  it('give the pane a Content-Security-Policy: connections to its own origin only, office.js the one outside script', () => {
    const cdn = directives(settings.contentSecurityPolicy(false));
    expect(cdn.get('connect-src')).toEqual(["'self'"]);
    expect(cdn.get('script-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(cdn.get('worker-src')).toEqual(["'self'"]);
    expect(cdn.get('object-src')).toEqual(["'none'"]);
    expect([...cdn.values()].flat()).not.toContain("'unsafe-eval'");
    const local = directives(settings.contentSecurityPolicy(true));
    expect(local.get('script-src')).toEqual(["'self'"]);
  });

  it('need an https ADDIN_URL and say so loudly', () => {
    expect(() => settings.productionUrl(undefined)).toThrow(/ADDIN_URL is not set/);
    expect(() => settings.productionUrl('http://intranet/forms/')).toThrow(/must be an https address/);
    expect(settings.productionUrl('https://intranet.example/forms')).toBe('https://intranet.example/forms/');
  });

  it('move every address of the manifest to the production URL, and the result still validates', () => {
    const out = settings.manifestFor(settings.readManifest(ROOT), 'https://forms.example.org/uf/');
    expect(out).not.toContain('localhost');
    const urls = [...out.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(4);
    expect(urls.every((u) => u?.startsWith('https://forms.example.org/uf/'))).toBe(true);
    const file = path.join(os.tmpdir(), 'uf-prod-manifest.xml');
    fs.writeFileSync(file, out);
    expect(execFileSync('xmllint', ['--noout', '--nonet', '--schema', SCHEMA, file], { encoding: 'utf8', stdio: 'pipe' })).toBe('');
  });

  it('fail when an address in the manifest would be missed', () => {
    const source = settings.readManifest(ROOT).replace('https://localhost:3000/assets/icon-80.png', 'https://cdn.example.com/icon-80.png');
    expect(() => settings.manifestFor(source, 'https://forms.example.org/uf/')).toThrow(
      /outside https:\/\/forms.example.org\/uf\/: https:\/\/cdn.example.com\/icon-80.png/,
    );
  });

  it('serve office.js locally with the Excel scripts and the Chinese and English strings only', () => {
    const dir = settings.officeJsDir();
    const pick = (rel: string) => settings.isOfficeJsFile(path.join(dir, rel), dir);
    expect(pick('office.js')).toBe(true);
    expect(pick('excel-win32-16.01.js')).toBe(true);
    expect(pick('zh-cn/office_strings.js')).toBe(true);
    expect(pick('en-us/office_strings.js')).toBe(true);
    expect(pick('word-win32-16.01.js')).toBe(false);
    expect(pick('fr-fr/office_strings.js')).toBe(false);
    expect(fs.existsSync(path.join(dir, 'office.js'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'zh-cn'))).toBe(true);
  });
});
