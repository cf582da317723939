/**
 * The WPS add-in package built as `npm run build:wps` builds it (webpack.wps.js), checked by es-check, and its pane run
 * in headless Chromium over the fake ET (test/fake-wps) injected as `window.Application` before the pane's scripts:
 * the host chosen at start-up is WPS, office.js is never asked for, and the clerk's work goes through ET's model.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import webpack from 'webpack';
import { cellAddress } from '../../src/core/a1';
import type { CellValue } from '../../src/core/cell-value';
import { planSheet } from '../../src/core/layout';
import { getForm } from '../../src/notices';
import { filledFile } from '../support/filled-file';
import { requireTool } from '../support/libreoffice';
import { compile, harnessConfig, serveDirectory } from '../support/pane-server';
import { volunteerReturn } from '../support/volunteer-return';

jest.setTimeout(180_000);

const ROOT = path.join(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'test-results', 'browser');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'uf-wps-'));
const WPS_DIR = path.join(out, 'wps');
const HARNESS = path.join(out, 'harness', 'fake-wps.js');
let server: http.Server;
let origin: string;
let browser: Browser;
const requests: string[] = [];
const cspViolations: string[] = [];

async function buildAll(): Promise<void> {
  process.env.ADDIN_URL = 'https://forms.example.org/union-forms/wps/';
  process.env.OUTPUT_DIR = WPS_DIR;
  const paneConfig = (require(path.join(ROOT, 'webpack.wps.js')) as (e: object, a: object) => webpack.Configuration)(
    {},
    { mode: 'production' },
  );
  await compile([paneConfig, harnessConfig(ROOT, path.join(__dirname, 'fake-wps-harness.ts'), HARNESS, 'es2018')]);
}

async function serve(dir: string): Promise<void> {
  ({ server, origin } = await serveDirectory(dir));
}

async function openPane(query = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 360, height: 900 }, locale: 'zh-CN' });
  await page.exposeFunction('reportCspViolation', (text: string) => cspViolations.push(text));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportCspViolation(t: string): void }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  // WPS gives the page its object model before any script of the page runs
  await page.addInitScript({ path: HARNESS });
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${origin}/taskpane.html${query}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

type Table = (string | number | boolean | null | { formula: string })[][];
type FakeEtPage = {
  calls(): number;
  paneVisible(): boolean;
  sheets(): { name: string; active: boolean; validations: number; cells: number }[];
  type(sheet: string, address: string, text: string): void;
  fillAt(sheet: string, address: string): string | null;
  table(sheet: string): Table | null;
};
/** Runs `fn` on the page's window.fakeEt (reads of the workbook). */
const fakeEt = <T>(page: Page, fn: (f: FakeEtPage) => T) => page.evaluate(`(${fn.toString()})(window.fakeEt)`) as Promise<T>;
/** The clerk types into one cell and presses Enter (SheetChange, then the cell below selected). */
const typeInto = (page: Page, sheet: string, address: string, text: string) =>
  page.evaluate(([s, a, t]) => (window as unknown as { fakeEt: FakeEtPage }).fakeEt.type(s, a, t), [sheet, address, text] as const);
const tableOf = (page: Page, sheet: string) => page.evaluate((s) => (window as unknown as { fakeEt: FakeEtPage }).fakeEt.table(s), sheet);

beforeAll(async () => {
  requireTool('chromium');
  await buildAll();
  await serve(WPS_DIR);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  fs.rmSync(out, { recursive: true, force: true });
});

describe('the WPS add-in package', () => {
  it('passes es-check: the pane and its worker as ES2018, main.js as ES5', () => {
    const { checkWpsBuild } = require(path.join(ROOT, 'scripts', 'check-wps-build.js')) as {
      checkWpsBuild(dir: string): { ok: boolean; files: number; es2018: { output: string }; es5: { output: string } };
    };
    const result = checkWpsBuild(WPS_DIR);
    expect({ ok: result.ok, es2018: result.ok ? '' : result.es2018.output, es5: result.ok ? '' : result.es5.output }).toEqual({
      ok: true,
      es2018: '',
      es5: '',
    });
    expect(result.files).toBeGreaterThan(1);
  });

  it('holds the shell, the pane and the two registration files naming ADDIN_URL', () => {
    const files = fs.readdirSync(WPS_DIR);
    expect(files).toEqual(
      expect.arrayContaining(['ribbon.xml', 'manifest.xml', 'index.html', 'main.js', 'taskpane.html', 'publish.xml', 'jsplugins.xml']),
    );
    for (const name of ['publish.xml', 'jsplugins.xml']) {
      expect(fs.readFileSync(path.join(WPS_DIR, name), 'utf8')).toContain('url="https://forms.example.org/union-forms/wps/"');
    }
    // no absolute address in the pane's page: its scripts are loaded relative to it
    const html = fs.readFileSync(path.join(WPS_DIR, 'taskpane.html'), 'utf8');
    expect([...html.matchAll(/src="?([^" >]+)/g)].map((m) => m[1]).filter((src) => /^[a-z]+:|^\//i.test(src ?? ''))).toEqual([]);
  });
});

describe('the pane in WPS, over the fake ET', () => {
  it('starts as the WPS host: no office.js, no “open in Excel” warning, the forms listed', async () => {
    const page = await openPane();
    expect(await page.getByText(/此页面需要在 Excel 中作为加载项打开/).count()).toBe(0);
    await page.getByRole('button', { name: '插入表格' }).first().waitFor();
    expect(await page.getByRole('button', { name: '收起窗格' }).count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'wps-pane.png'), fullPage: true });
    await page.close();
  });

  it('finds ET through wps.EtApplication() where an older build gives no global Application', async () => {
    const page = await openPane('?root=wps');
    await page.getByRole('button', { name: '收起窗格' }).waitFor();
    await page.getByRole('button', { name: '插入表格' }).first().click();
    await page.getByText('已插入工作表“活动项目申报表”。').waitFor();
    await page.close();
  });

  it('inserts a form through ET: a new sheet after the last, with its validations', async () => {
    const page = await openPane();
    await page.getByRole('button', { name: '插入表格' }).first().click();
    await page.getByText('已插入工作表“活动项目申报表”。').waitFor();
    const sheets = await fakeEt(page, (f) => f.sheets());
    expect(sheets.map((s) => s.name)).toEqual(['Sheet1', '活动项目申报表']);
    expect(sheets[1]).toMatchObject({ active: true });
    expect(sheets[1]?.validations).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'wps-inserted.png'), fullPage: true });
    await page.close();
  });

  it('收起窗格 hides the pane the ribbon opened', async () => {
    const page = await openPane();
    expect(await fakeEt(page, (f) => f.paneVisible())).toBe(true);
    await page.getByRole('button', { name: '收起窗格' }).click();
    expect(await fakeEt(page, (f) => f.paneVisible())).toBe(false);
    await page.close();
  });

  it('runs 自检 through ET and shows its report, leaving the workbook as it was', async () => {
    const page = await openPane();
    const before = await fakeEt(page, (f) => f.sheets().map((s) => s.name));
    await page.getByRole('button', { name: '自检' }).click();
    await page.getByRole('button', { name: '运行自检' }).click();
    await page.getByRole('button', { name: '复制报告' }).waitFor({ timeout: 60_000 });
    // the report names the host and lists the probes' results
    expect(await page.getByText(/WPS/).count()).toBeGreaterThan(0);
    expect(await fakeEt(page, (f) => f.sheets().map((s) => s.name))).toEqual(before);
    await page.screenshot({ path: path.join(ARTIFACTS, 'wps-self-test.png'), fullPage: true });
    await page.close();
  });

  it('the whole flow: insert, type a wrong value and see it listed and painted, fix it, merge three returns', async () => {
    const plan = planSheet(getForm('yangpu-volunteer-team'));
    const at = (key: string) => {
      const slot = plan.slots.find((x) => x.key === key);
      if (!slot) throw new Error(key);
      return cellAddress(slot.row, slot.col);
    };
    const returns = path.join(out, 'returns');
    fs.mkdirSync(returns, { recursive: true });
    const inputs: [string, Record<string, CellValue>][] = [
      ['殷行街道.xlsx', volunteerReturn('殷行街道工会', '殷行科技服务队', 12, '为社区居民修理家电')],
      ['五角场街道.xlsx', volunteerReturn('五角场街道工会', '五角场法律服务队', 8, '法律咨询')],
      ['长白新村街道.xlsx', volunteerReturn('长白新村街道工会', '长白健康服务队', 15, '健康讲座和义诊')],
    ];
    const files: string[] = [];
    for (const [name, values] of inputs) {
      files.push(path.join(returns, name));
      fs.writeFileSync(files[files.length - 1] as string, await filledFile('yangpu-volunteer-team', values));
    }
    const sheet = '志愿者服务队登记表';
    const page = await openPane();
    await page.getByRole('button', { name: '插入表格' }).nth(5).click();
    await page.getByText(`已插入工作表“${sheet}”。`).waitFor();

    await page.getByRole('tab', { name: '检查' }).click();
    const size = at('teams[0].size');
    const phone = at('contactPhone');
    const typed: [string, string][] = [
      [at('unit'), '殷行街道工会'],
      [at('teams[0].name'), '殷行科技服务队'],
      [size, '十二个'],
      [phone, '5588'],
    ];
    for (const [address, text] of typed) await typeInto(page, sheet, address, text);
    const sizeProblem = page.getByRole('button', { name: new RegExp(`^${size} 服务队人数：`) });
    const phoneProblem = page.getByRole('button', { name: new RegExp(`^${phone} .*电话号码有误`) });
    await sizeProblem.waitFor();
    await phoneProblem.waitFor();
    await page.getByRole('button', { name: '检查整个工作簿' }).click();
    await page.waitForFunction(`window.fakeEt.fillAt(${JSON.stringify(sheet)}, ${JSON.stringify(size)}) === '#FFC7CE'`);
    await page.screenshot({ path: path.join(ARTIFACTS, 'wps-flow-problems.png'), fullPage: true });

    await typeInto(page, sheet, size, '12');
    await typeInto(page, sheet, phone, '021-55885659');
    await sizeProblem.waitFor({ state: 'detached' });
    await phoneProblem.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '检查整个工作簿' }).click();
    await page.waitForFunction(`window.fakeEt.fillAt(${JSON.stringify(sheet)}, ${JSON.stringify(size)}) === null`);

    await page.getByRole('tab', { name: '合并' }).click();
    await page.locator('input[type=file]').setInputFiles(files);
    await page.getByText(/共 3 个文件：可合并 3/).waitFor();
    await page.getByRole('button', { name: '生成汇总表' }).click();
    await page.getByText(/已生成 \d+ 张工作表/).waitFor();
    const names = (await fakeEt(page, (f) => f.sheets())).map((x) => x.name);
    expect(names).toEqual(expect.arrayContaining([sheet, '志愿者服务队汇总', '合并报告']));
    const summary = (await tableOf(page, '志愿者服务队汇总')) as Table;
    const header = summary.find((row) => row.includes('服务队人数')) as Table[number];
    const sizeCol = header.indexOf('服务队人数');
    const body = summary.slice(summary.indexOf(header) + 1).filter((row) => row.some((v) => v !== null));
    const totals = body[body.length - 1] as Table[number];
    expect(String(totals[0])).toMatch(/^合计/);
    expect(totals[sizeCol]).toBe(12 + 8 + 15);
    expect(body.flat().some((v) => typeof v === 'object' && v !== null)).toBe(false);
    await page.screenshot({ path: path.join(ARTIFACTS, 'wps-flow-merged.png'), fullPage: true });
    await page.close();
  });

  it('takes files through WPS’s own dialog (FileDialog, wps.FileSystem): three returns merged, a notice imported', async () => {
    const made: [string, Uint8Array][] = [
      [
        'C:\\报表\\殷行街道.xlsx',
        await filledFile('yangpu-volunteer-team', volunteerReturn('殷行街道工会', '殷行科技服务队', 12, '为社区居民修理家电')),
      ],
      [
        '/home/科员/报表/五角场街道.xlsx',
        await filledFile('yangpu-volunteer-team', volunteerReturn('五角场街道工会', '五角场法律服务队', 8, '法律咨询')),
      ],
      [
        '/home/科员/报表/长白新村街道.xlsx',
        await filledFile('yangpu-volunteer-team', volunteerReturn('长白新村街道工会', '长白健康服务队', 15, '健康讲座和义诊')),
      ],
    ];
    execFileSync('/usr/bin/python3', [path.join(__dirname, '..', 'import', 'make_new_notice_docx.py'), out]);
    made.push(['/home/科员/通知/合理化建议通知.docx', new Uint8Array(fs.readFileSync(path.join(out, 'proposal-notice.docx')))]);
    const page = await openPane();
    // the clerk's files on disk, for the fake ET's FileSystem to read (test/fake-wps/fake-et.ts)
    await page.evaluate(
      (files) => {
        const { et } = (window as unknown as { fakeEt: { et: { files: Map<string, Uint8Array> } } }).fakeEt;
        for (const [name, base64] of files)
          et.files.set(
            name,
            Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)),
          );
      },
      made.map(([name, bytes]) => [name, Buffer.from(bytes).toString('base64')] as const),
    );
    const nextPick = (paths: string[]) =>
      page.evaluate((p) => void ((window as unknown as { fakeEt: { et: { nextPick: string[] } } }).fakeEt.et.nextPick = p), paths);

    await page.getByRole('tab', { name: '合并' }).click();
    await nextPick(made.slice(0, 3).map(([name]) => name));
    await page.getByRole('button', { name: '用 WPS 选择文件…' }).click();
    await page.getByText(/共 3 个文件：可合并 3/).waitFor();
    for (const name of ['殷行街道.xlsx', '五角场街道.xlsx', '长白新村街道.xlsx'])
      expect(await page.getByText(name, { exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: '生成汇总表' }).click();
    await page.getByText(/已生成 \d+ 张工作表/).waitFor();
    const summary = (await tableOf(page, '志愿者服务队汇总')) as Table;
    const header = summary.find((row) => row.includes('服务队人数')) as Table[number];
    const body = summary.slice(summary.indexOf(header) + 1).filter((row) => row.some((v) => v !== null));
    const totals = body[body.length - 1] as Table[number];
    expect(String(totals[0])).toMatch(/^合计/);
    expect(totals[header.indexOf('服务队人数')]).toBe(12 + 8 + 15);
    await page.screenshot({ path: path.join(ARTIFACTS, 'wps-dialog-merged.png'), fullPage: true });

    // a cancel leaves the tab as it was
    const before = await page.getByRole('region', { name: '合并' }).textContent();
    await nextPick([]);
    await page.getByRole('button', { name: '用 WPS 选择文件…' }).click();
    await page.getByRole('button', { name: '用 WPS 选择文件…' }).and(page.locator(':enabled')).waitFor();
    expect(await page.getByRole('region', { name: '合并' }).textContent()).toBe(before);

    await page.getByRole('tab', { name: '插入表格' }).click();
    await page.getByRole('button', { name: '新表格…' }).click();
    const newForm = page.getByRole('region', { name: '新表格' });
    await nextPick(['/home/科员/通知/合理化建议通知.docx']);
    await newForm.getByRole('button', { name: '用 WPS 选择通知…' }).click();
    await newForm.getByText(/找到 1 张附件表格/).waitFor();
    expect(await newForm.getByText(/^通知：.*文号：沪工总经〔2026〕21号/).count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'wps-dialog-notice.png'), fullPage: true });
    await page.close();
  });

  it('asks for nothing but its own files: no office.js, no other origin; breaks none of its CSP', () => {
    expect(requests.filter((url) => !url.startsWith(origin))).toEqual([]);
    expect(requests.filter((url) => /office(\.debug)?\.js/.test(url))).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
