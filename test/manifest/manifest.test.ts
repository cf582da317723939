import { execFileSync } from 'child_process';
import { XMLParser } from 'fast-xml-parser';
import * as fs from 'fs';
import * as path from 'path';
import { requireTool } from '../support/libreoffice';

const ROOT = path.join(__dirname, '..', '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const SCHEMA = path.join(__dirname, 'schemas', 'OfficeAppManifestV1_1.xsd');
const xml = fs.readFileSync(MANIFEST, 'utf8');

function urlsIn(text: string): string[] {
  return [...text.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1] as string);
}

describe('manifest.xml', () => {
  it('validates offline against the Office add-in manifest schemas', () => {
    requireTool('xmllint');
    const result = execFileSync('xmllint', ['--noout', '--nonet', '--schema', SCHEMA, MANIFEST], { encoding: 'utf8', stdio: 'pipe' });
    expect(result).toBe('');
  });

  it('the schema check can fail: a manifest without Permissions is rejected', () => {
    requireTool('xmllint');
    const broken = path.join(require('os').tmpdir(), 'uf-broken-manifest.xml');
    fs.writeFileSync(broken, xml.replace(/\s*<Permissions>.*<\/Permissions>/, ''));
    expect(() => execFileSync('xmllint', ['--noout', '--nonet', '--schema', SCHEMA, broken], { stdio: 'pipe' })).toThrow();
    fs.writeFileSync(broken, xml.replace('<TaskpaneId>', '<PaneId>').replace('</TaskpaneId>', '</PaneId>'));
    expect(() => execFileSync('xmllint', ['--noout', '--nonet', '--schema', SCHEMA, broken], { stdio: 'pipe' })).toThrow();
  });

  it('is an Excel task pane, Chinese first, asking for ReadWriteDocument only', () => {
    const app = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml).OfficeApp;
    expect(app['xsi:type']).toBe('TaskPaneApp');
    expect(app.DefaultLocale).toBe('zh-CN');
    expect(app.DisplayName.Override).toMatchObject({ Locale: 'en-US' });
    expect(app.Hosts.Host).toMatchObject({ Name: 'Workbook' });
    expect(app.Permissions).toBe('ReadWriteDocument');
    // The pane talks to no other site, so it names none it could navigate to.
    expect(app.AppDomains).toBeUndefined();
    expect(xml).not.toMatch(/<AppDomain>/);
  });

  it('defines every resid it uses, and uses every resource it defines', () => {
    const used = new Set([...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]));
    const defined = new Set([...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((id) => !defined.has(id))).toEqual([]);
    expect([...defined].filter((id) => !used.has(id))).toEqual([]);
  });

  it('puts a button on the Home tab, labelled in Chinese with an English override', () => {
    expect(xml).toMatch(/<OfficeTab id="TabHome">/);
    expect(xml).toMatch(/<bt:String id="Button.Label" DefaultValue="工会表格助手">\s*<bt:Override Locale="en-US" Value="Union Forms"\/>/);
    expect(xml).toMatch(/<Action xsi:type="ShowTaskpane">/);
    for (const size of [16, 32, 80]) expect(xml).toContain(`<bt:Image size="${size}" resid="Icon.${size}"/>`);
  });

  it('points every URL at one https origin, and the icons it names exist in assets/', () => {
    const urls = urlsIn(xml);
    expect(urls.length).toBeGreaterThan(0);
    expect(new Set(urls.map((u) => new URL(u).origin))).toEqual(new Set(['https://localhost:3000']));
    for (const u of urls.filter((x) => x.includes('/assets/'))) {
      expect(fs.existsSync(path.join(ROOT, new URL(u).pathname))).toBe(true);
    }
  });
});
