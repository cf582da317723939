/**
 * The WPS add-in package's shell (wps/, scripts/wps-package.js), checked without building the pane: the ribbon WPS
 * parses, main.js's callbacks run against the fake ET's task panes and PluginStorage, the <JsPlugin> manifest, and
 * the two registration files. test/browser/wps.test.ts builds the whole package and runs the pane.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { XMLParser } from 'fast-xml-parser';
import { FakeEt } from '../fake-wps/fake-et';

const ROOT = path.join(__dirname, '..', '..');
const WPS = path.join(ROOT, 'wps');
const read = (name: string) => fs.readFileSync(path.join(WPS, name), 'utf8');
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
const wpsPackage = require(path.join(ROOT, 'scripts', 'wps-package.js')) as {
  SHELL_FILES: string[];
  REGISTRATION_FILES: string[];
  registrationFile(name: string, url: string | undefined, version: string): string;
  packageVersion(): string;
};

type Ribbon = {
  OnAddinLoad(ui: unknown): boolean;
  OnAction(control: { Id: string }): boolean;
  GetImage(control: { Id: string }): string;
};

/** main.js run as WPS runs it: a classic script in the add-in's hidden page, with `Application` on the window. */
function loadMainJs(et: FakeEt, href = 'https://forms.example.org/union-forms/wps/index.html') {
  const alerts: string[] = [];
  const window: Record<string, unknown> = { Application: et.app, alert: (m: string) => alerts.push(m) };
  const sandbox = vm.createContext({ window, document: { location: { href } } });
  vm.runInContext(read('main.js'), sandbox, { filename: 'main.js' });
  return { ribbon: vm.runInContext('ribbon', sandbox) as Ribbon, alerts };
}

describe('ribbon.xml', () => {
  const ribbon = parser.parse(read('ribbon.xml')) as {
    customUI: { xmlns: string; onLoad: string; ribbon: { tabs: { tab: { label: string; group: { button: Record<string, string> } } } } };
  };

  it('is CustomUI 2006/01 with a 工会表格 tab whose button calls main.js', () => {
    expect(ribbon.customUI.xmlns).toBe('http://schemas.microsoft.com/office/2006/01/customui');
    const tab = ribbon.customUI.ribbon.tabs.tab;
    expect(tab.label).toBe('工会表格');
    const button = tab.group.button;
    expect(button).toMatchObject({ id: 'UnionFormsOpenPane', onAction: 'ribbon.OnAction', getImage: 'ribbon.GetImage' });
    // every callback the ribbon names exists on main.js's `ribbon`
    const { ribbon: callbacks } = loadMainJs(new FakeEt());
    for (const name of [ribbon.customUI.onLoad, button.onAction, button.getImage]) {
      expect(typeof (callbacks as unknown as Record<string, unknown>)[String(name).replace(/^ribbon\./, '')]).toBe('function');
    }
  });

  it('names an image the package carries', () => {
    const { ribbon: callbacks } = loadMainJs(new FakeEt());
    const image = callbacks.GetImage({ Id: 'UnionFormsOpenPane' });
    expect(fs.existsSync(path.join(ROOT, image))).toBe(true);
  });
});

describe('main.js opens the pane through CreateTaskPane, its ID kept in PluginStorage', () => {
  it('creates the pane next to index.html on the first click, then hides and shows the same pane', () => {
    const et = new FakeEt();
    const created: string[] = [];
    const create = et.app.CreateTaskPane.bind(et.app);
    (et.app as { CreateTaskPane: typeof create }).CreateTaskPane = (url, title) => {
      created.push(url);
      return create(url, title);
    };
    const { ribbon } = loadMainJs(et, 'https://forms.example.org/union-forms/wps/index.html?x=1#top');
    expect(ribbon.OnAddinLoad({})).toBe(true);
    expect(ribbon.OnAction({ Id: 'UnionFormsOpenPane' })).toBe(true);
    expect(created).toEqual(['https://forms.example.org/union-forms/wps/taskpane.html']);
    const id = Number(et.pluginStorage.get('UnionForms.taskPaneId.et'));
    expect(id).toBeGreaterThan(0);
    expect(et.app.GetTaskPane(id).Visible).toBe(true);
    ribbon.OnAction({ Id: 'UnionFormsOpenPane' });
    expect(et.app.GetTaskPane(id).Visible).toBe(false);
    ribbon.OnAction({ Id: 'UnionFormsOpenPane' });
    expect(et.app.GetTaskPane(id).Visible).toBe(true);
    expect(created).toHaveLength(1);
  });

  it('makes a new pane when the kept ID is stale (GetTaskPane throws after a restart)', () => {
    const et = new FakeEt();
    et.pluginStorage.set('UnionForms.taskPaneId.et', '7');
    const { ribbon, alerts } = loadMainJs(et);
    expect(ribbon.OnAction({ Id: 'UnionFormsOpenPane' })).toBe(true);
    const id = Number(et.pluginStorage.get('UnionForms.taskPaneId.et'));
    expect(id).not.toBe(7);
    expect(et.app.GetTaskPane(id).Visible).toBe(true);
    expect(alerts).toEqual([]);
  });

  it('says so in Chinese when WPS cannot make the pane, and the ribbon goes on', () => {
    const et = new FakeEt();
    (et.app as { CreateTaskPane: unknown }).CreateTaskPane = () => {
      throw new Error('E_FAIL');
    };
    const { ribbon, alerts } = loadMainJs(et);
    expect(ribbon.OnAction({ Id: 'UnionFormsOpenPane' })).toBe(false);
    expect(alerts).toEqual(['无法打开工会表格助手窗格，请重启 WPS 表格后再试。']);
  });
});

describe('the package files', () => {
  it('index.html loads main.js only; the pane page loads no office.js and allows scripts from its own origin only', () => {
    expect([...read('index.html').matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1])).toEqual(['main.js']);
    const pane = read('taskpane.html');
    expect(pane).not.toMatch(/office\.js|<script/i);
    expect(pane).toContain('<%= csp %>');
  });

  it('manifest.xml is a <JsPlugin> descriptor (not an Office manifest)', () => {
    const manifest = parser.parse(read('manifest.xml')) as { JsPlugin: { ApiVersion: string; Name: string } };
    expect(manifest.JsPlugin.Name).toBe('UnionForms');
    expect(String(manifest.JsPlugin.ApiVersion)).toBe('1.0.0');
  });

  it('publish.xml and jsplugins.xml register the ET add-in at ADDIN_URL with the package version', () => {
    const version = wpsPackage.packageVersion();
    for (const name of wpsPackage.REGISTRATION_FILES) {
      const xml = wpsPackage.registrationFile(name, 'https://forms.example.org/union-forms/wps', version);
      expect(xml).not.toContain('{{');
      const entry = (parser.parse(xml) as { jsplugins: { jspluginonline: Record<string, string> } }).jsplugins.jspluginonline;
      expect(entry).toMatchObject({ name: 'UnionForms', type: 'et', url: 'https://forms.example.org/union-forms/wps/', version });
    }
  });

  it('refuses a missing or plain-http ADDIN_URL, and escapes the address', () => {
    expect(() => wpsPackage.registrationFile('publish.xml', undefined, '0.1.0')).toThrow(/ADDIN_URL is not set/);
    expect(() => wpsPackage.registrationFile('publish.xml', 'http://forms.example.org/', '0.1.0')).toThrow(/https/);
    const xml = wpsPackage.registrationFile('publish.xml', 'https://forms.example.org/a&b/', '0.1.0');
    expect(xml).toContain('url="https://forms.example.org/a&amp;b/"');
  });

  it('every shell file the build copies exists', () => {
    for (const name of [...wpsPackage.SHELL_FILES, ...wpsPackage.REGISTRATION_FILES, 'taskpane.html']) {
      expect(fs.existsSync(path.join(WPS, name))).toBe(true);
    }
  });
});
