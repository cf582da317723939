import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { unzipSync } from 'fflate';
import { chromium, type Browser, type Page } from 'playwright-core';
import webpack from 'webpack';
import { cellAddress } from '../../src/core/a1';
import type { CellValue } from '../../src/core/cell-value';
import { planSheet } from '../../src/core/layout';
import { getForm } from '../../src/notices';
import { EXPECTED_FORM_IDS, EXPECTED_TITLES as TITLES } from '../fixtures/expected-forms';
import { filledFile } from '../support/filled-file';
import { requireTool } from '../support/libreoffice';
import { compile, harnessConfig, serveDirectory } from '../support/pane-server';
import { volunteerReturn } from '../support/volunteer-return';

jest.setTimeout(180_000);

const ROOT = path.join(__dirname, '..', '..');
const ARTIFACTS = path.join(ROOT, 'test-results', 'browser');
const CDN = 'https://appsforoffice.microsoft.com/';
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'uf-web-'));
let server: http.Server;
let origin: string;
let browser: Browser;
const foreignRequests: string[] = [];
const cspViolations: string[] = [];

async function buildAll(): Promise<void> {
  process.env.ADDIN_URL = 'https://localhost:3000/';
  process.env.OUTPUT_DIR = path.join(out, 'web');

  const paneConfig = await (require(path.join(ROOT, 'webpack.config.js')) as (e: object, a: object) => Promise<webpack.Configuration>)(
    {},
    { mode: 'production' },
  );
  await compile([
    { ...paneConfig, context: ROOT },
    harnessConfig(ROOT, path.join(__dirname, 'fake-office.ts'), path.join(out, 'harness', 'office.js'), 'es2017'),
  ]);
}

async function serve(dir: string): Promise<void> {
  ({ server, origin } = await serveDirectory(dir));
}

async function openPane(query = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 420, height: 900 }, locale: 'zh-CN' });
  await page.route(`${CDN}**`, (route) =>
    route.fulfill({ contentType: 'text/javascript', body: fs.readFileSync(path.join(out, 'harness', 'office.js')) }),
  );
  await page.exposeFunction('reportCspViolation', (text: string) => cspViolations.push(text));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportCspViolation(t: string): void }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith(CDN)) foreignRequests.push(url);
  });
  await page.goto(`${origin}/taskpane.html${query}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

beforeAll(async () => {
  requireTool('chromium');
  await buildAll();
  // axe-core is served from the pane's own origin: the pane's CSP rightly refuses inline scripts.
  fs.copyFileSync(require.resolve('axe-core/axe.min.js'), path.join(out, 'web', 'axe-for-tests.js'));
  await serve(path.join(out, 'web'));
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
  // the two production builds take minutes on a shared two-core machine
}, 480_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  fs.rmSync(out, { recursive: true, force: true });
});

/**
 * The serious and critical findings of axe-core on the page as it is (axe is served from the pane's own origin). Fluent's
 * focus manager (tabster) places aria-hidden focus sentinels at the edges of focus groups on purpose; they are its own
 * plumbing, not content, so they are left out of the check (the rule stays on for the rest).
 */
async function seriousAxeFindings(page: Page): Promise<{ id: string; nodes: string[] }[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: `${origin}/axe-for-tests.js` });
  return page.evaluate(async () => {
    type Violation = { id: string; impact: string; nodes: { html: string }[] };
    const axe = (window as unknown as { axe: { run(context: object): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run({ exclude: [['[data-tabster-dummy]']] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.html.slice(0, 160)) }));
  });
}

/** Lines each action button's label takes in a section, and how far the page is wider than the pane. */
const layoutOf = (page: Page, section: string) =>
  page.evaluate((label) => {
    const lines = (el: Element) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set(
        Array.from(range.getClientRects())
          .filter((r) => r.width > 0)
          .map((r) => Math.round(r.top)),
      ).size;
    };
    const root = document.querySelector(`section[aria-label="${label}"]`) ?? document.body;
    return {
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      // action buttons only: a problem in the list is a sentence and may wrap; the tab list's buttons hold a hidden
      // bold copy of their label (Fluent reserves its width), which is no wrap
      wrappedButtons: Array.from(root.querySelectorAll('button:not([role=tab])'))
        .filter((b) => (b as HTMLElement).offsetParent && !b.closest('li') && lines(b) > 1)
        .map((b) => b.textContent),
    };
  }, section);

describe('the production task pane in headless Chromium, over the fake Excel host', () => {
  it('inserts each of the six forms through the pane', async () => {
    const page = await openPane();
    expect(await page.getByRole('heading', { level: 3 }).allTextContents()).toEqual(TITLES);
    const buttons = page.getByRole('button', { name: '插入表格' });
    for (let i = 0; i < TITLES.length; i++) {
      await buttons.nth(i).click();
      await page
        .getByText(/^已插入工作表“/)
        .nth(i)
        .waitFor();
    }
    const sheets = await page.evaluate(() => (window as unknown as { fakeExcel: { sheets(): unknown[] } }).fakeExcel.sheets());
    expect(sheets).toEqual([
      expect.objectContaining({ name: 'Sheet1', formId: null }),
      ...EXPECTED_FORM_IDS.map((formId) => expect.objectContaining({ formId, protectedSheet: true, validations: expect.any(Number) })),
    ]);
    expect((sheets as { active: boolean; formId: string }[]).find((s) => s.active)?.formId).toBe('yangpu-volunteer-team');
    expect((sheets as { validations: number }[]).slice(1).every((s) => s.validations > 0)).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'taskpane-inserted.png'), fullPage: true });
    await page.close();
  });

  it('tells an older Excel what it leaves out, in English where Office is in English', async () => {
    const page = await openPane('?api=1.7&lang=en-US');
    await page.getByText('Some features are not available in this version of Excel').waitFor();
    await page.getByRole('button', { name: 'Insert form' }).first().click();
    await page.getByText('Inserted the sheet “活动项目申报表”.').waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'taskpane-excel-1.7-en.png'), fullPage: true });
    await page.close();
  });

  it('has no serious or critical accessibility violations on either tab (axe-core)', async () => {
    const page = await openPane();
    const audit = () => seriousAxeFindings(page);
    expect(await audit()).toEqual([]);
    await page.getByRole('tab', { name: '检查' }).click();
    await page.getByRole('button', { name: '检查整个工作簿' }).waitFor();
    expect(await audit()).toEqual([]);
    await page.close();
  });

  it('typing a bad phone number highlights the cell and lists it; fixing it clears both', async () => {
    const page = await openPane();
    type Fake = {
      type(sheet: string, edits: Record<string, string>): void;
      fillAt(sheet: string, a: string): string | null;
      selection(): { address: string } | null;
    };
    const fake = <T>(fn: (f: Fake) => T) => page.evaluate(fn as never) as Promise<T>;
    await page.getByRole('button', { name: '插入表格' }).first().click();
    await page.getByText('已插入工作表“活动项目申报表”。').waitFor();
    await page.getByRole('tab', { name: '检查' }).click();
    await page.evaluate(() =>
      (window as unknown as { fakeExcel: Fake }).fakeExcel.type('活动项目申报表', { B3: '某区总工会', D10: '5588' }),
    );
    const problem = page.getByRole('button', { name: /^D10 联系电话：电话号码有误/ });
    await problem.waitFor();
    // Typing lists the problem at once; the add-in paints cells when the clerk asks (painting after each edit would
    // cost the clerk's undo history; while typing, the form's own conditional formats show the red).
    await page.getByRole('button', { name: '检查整个工作簿' }).click();
    await page.waitForFunction(() => (window as unknown as { fakeExcel: Fake }).fakeExcel.fillAt('活动项目申报表', 'D10') === '#FFC7CE');
    await page.screenshot({ path: path.join(ARTIFACTS, 'taskpane-check-problem.png'), fullPage: true });
    await problem.click();
    await page.waitForFunction(() => (window as unknown as { fakeExcel: Fake }).fakeExcel.selection()?.address === 'D10');
    await page.evaluate(() => (window as unknown as { fakeExcel: Fake }).fakeExcel.type('活动项目申报表', { D10: '021-55885659' }));
    await problem.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '检查整个工作簿' }).click();
    await page.waitForFunction(() => (window as unknown as { fakeExcel: Fake }).fakeExcel.fillAt('活动项目申报表', 'D10') === null);
    await page.screenshot({ path: path.join(ARTIFACTS, 'taskpane-check-fixed.png'), fullPage: true });
    void fake;
    await page.close();
  });

  it('says so when opened outside Office (office.js cannot load)', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.route(`${CDN}**`, (route) => route.abort());
    await page.goto(`${origin}/taskpane.html`);
    await page.getByText(/此页面需要在 Excel 中作为加载项打开/).waitFor();
    expect(await page.getByRole('button', { name: '插入表格' }).first().isDisabled()).toBe(true);
    await page.close();
  });

  it('sends no request anywhere but its own origin and the office.js address, and breaks none of its own CSP', () => {
    expect(foreignRequests).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});

type Table = (string | number | boolean | null | { formula: string })[][];
type FlowFake = {
  type(sheet: string, edits: Record<string, string | number | null>): void;
  fillAt(sheet: string, a: string): string | null;
  sheets(): { name: string; active: boolean; formId: string | null }[];
  table(sheet: string): Table | null;
};

describe('the whole flow in headless Chromium', () => {
  it('insert, type good and bad values, fix them, then merge three returns picked in the file chooser', async () => {
    const plan = planSheet(getForm('yangpu-volunteer-team'));
    const at = (key: string) => {
      const slot = plan.slots.find((x) => x.key === key);
      if (!slot) throw new Error(key);
      return cellAddress(slot.row, slot.col);
    };
    const returns = path.join(out, 'returns');
    fs.mkdirSync(returns, { recursive: true });
    const injected = '=HYPERLINK("http://example.invalid","点我")';
    const inputs: [string, Record<string, CellValue>][] = [
      ['殷行街道.xlsx', volunteerReturn('殷行街道工会', '殷行科技服务队', 12, '为社区居民修理家电')],
      ['五角场街道.xlsx', volunteerReturn('五角场街道工会', '五角场法律服务队', 8, injected)],
      ['长白新村街道.xlsx', volunteerReturn('长白新村街道工会', '长白健康服务队', 15, '健康讲座和义诊')],
    ];
    const files: string[] = [];
    for (const [name, values] of inputs) {
      files.push(path.join(returns, name));
      fs.writeFileSync(files[files.length - 1] as string, await filledFile('yangpu-volunteer-team', values));
    }

    const page = await openPane();
    await page.getByRole('button', { name: '插入表格' }).nth(5).click();
    await page.getByText('已插入工作表“志愿者服务队登记表”。').waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'flow-1-inserted.png'), fullPage: true });

    await page.getByRole('tab', { name: '检查' }).click();
    const size = at('teams[0].size');
    const phone = at('contactPhone');
    await page.evaluate(
      ([s, p, u, n]) =>
        (window as never as { fakeExcel: FlowFake }).fakeExcel.type('志愿者服务队登记表', {
          [u as string]: '殷行街道工会',
          [n as string]: '殷行科技服务队',
          [s as string]: '十二个',
          [p as string]: '5588',
        }),
      [size, phone, at('unit'), at('teams[0].name')],
    );
    const sizeProblem = page.getByRole('button', { name: new RegExp(`^${size} 服务队人数：`) });
    const phoneProblem = page.getByRole('button', { name: new RegExp(`^${phone} .*电话号码有误`) });
    await sizeProblem.waitFor();
    await phoneProblem.waitFor();
    await page.getByRole('button', { name: '检查整个工作簿' }).click();
    await page.waitForFunction(
      (a) => (window as never as { fakeExcel: FlowFake }).fakeExcel.fillAt('志愿者服务队登记表', a) === '#FFC7CE',
      size,
    );
    await page.screenshot({ path: path.join(ARTIFACTS, 'flow-2-problems.png'), fullPage: true });

    await page.evaluate(
      ([s, p]) =>
        (window as never as { fakeExcel: FlowFake }).fakeExcel.type('志愿者服务队登记表', {
          [s as string]: 12,
          [p as string]: '021-55885659',
        }),
      [size, phone],
    );
    await sizeProblem.waitFor({ state: 'detached' });
    await phoneProblem.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '检查整个工作簿' }).click();
    await page.waitForFunction(
      (a) => (window as never as { fakeExcel: FlowFake }).fakeExcel.fillAt('志愿者服务队登记表', a) === null,
      size,
    );
    await page.screenshot({ path: path.join(ARTIFACTS, 'flow-3-fixed.png'), fullPage: true });

    await page.getByRole('tab', { name: '合并' }).click();
    await page.locator('input[type=file]').setInputFiles(files);
    await page.getByText('读取结果').waitFor();
    await page.getByText(/共 3 个文件：可合并 3/).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'flow-4-preview.png'), fullPage: true });

    await page.getByRole('button', { name: '生成汇总表' }).click();
    await page.getByText(/已生成 \d+ 张工作表/).waitFor();
    const names = (await page.evaluate(() => (window as never as { fakeExcel: FlowFake }).fakeExcel.sheets())).map((x) => x.name);
    expect(names).toEqual(expect.arrayContaining(['志愿者服务队登记表', '志愿者服务队汇总', '合并报告']));
    const summary = (await page.evaluate(() => (window as never as { fakeExcel: FlowFake }).fakeExcel.table('志愿者服务队汇总'))) as Table;
    const header = summary.find((row) => row.includes('服务队人数')) as Table[number];
    const sizeCol = header.indexOf('服务队人数');
    const serviceCol = header.indexOf('服务内容');
    const body = summary.slice(summary.indexOf(header) + 1);
    expect(body.flat().some((v) => typeof v === 'object' && v !== null)).toBe(false);
    expect(body.map((r) => r[serviceCol])).toContain(injected);
    const totals = body[body.length - 1] as Table[number];
    expect(String(totals[0])).toMatch(/^合计/);
    expect(totals[sizeCol]).toBe(12 + 8 + 15);

    await page.getByRole('navigation', { name: '生成的工作表' }).getByRole('button', { name: '合并报告' }).click();
    await page.waitForFunction(() =>
      (window as never as { fakeExcel: FlowFake }).fakeExcel.sheets().some((x) => x.active && x.name === '合并报告'),
    );
    await page.screenshot({ path: path.join(ARTIFACTS, 'flow-5-merged.png'), fullPage: true });

    const serious = await seriousAxeFindings(page);
    expect(serious).toEqual([]);

    await page.getByRole('button', { name: '生成汇总表' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '替换原汇总表' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByText(/已生成 \d+ 张工作表/).waitFor();
    const after = (await page.evaluate(() => (window as never as { fakeExcel: FlowFake }).fakeExcel.sheets())).map((x) => x.name);
    expect(after.filter((n) => n.startsWith('志愿者服务队汇总'))).toHaveLength(1);
    expect(after.filter((n) => n.startsWith('合并报告'))).toHaveLength(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'flow-6-replaced.png'), fullPage: true });
    await page.close();
  });
});

/** The 340 px screenshots of each tab (issue 14 §4). */
const SHOTS = path.join(ROOT, 'test-results', 'screenshots');

describe('插入表格 and 检查 at a task pane’s width (issue 14 §4)', () => {
  it('at 340 px: the form cards and the problem list fit, no button label wraps', async () => {
    const page = await openPane();
    await page.setViewportSize({ width: 340, height: 900 });
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.getByRole('button', { name: '插入表格' }).first().waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'insert-340.png'), fullPage: true });
    expect(await layoutOf(page, '插入表格')).toEqual({ overflow: 0, wrappedButtons: [] });

    await page.getByRole('button', { name: '插入表格' }).first().click();
    await page.getByText('已插入工作表“活动项目申报表”。').waitFor();
    await page.getByRole('tab', { name: '检查' }).click();
    await page.evaluate(() =>
      (window as unknown as { fakeExcel: { type(sheet: string, edits: Record<string, string>): void } }).fakeExcel.type('活动项目申报表', {
        B3: '某区总工会',
        D10: '5588',
      }),
    );
    await page.getByRole('button', { name: /^D10 联系电话：电话号码有误/ }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'check-340.png'), fullPage: true });
    expect(await layoutOf(page, '检查')).toEqual({ overflow: 0, wrappedButtons: [] });
    // no instruction from another tab: the insert tab's line is shown on that tab only
    expect(await page.getByText('选择表格，设好届次或年度，插入为新工作表。').isVisible()).toBe(false);
    await page.close();
  });
});

describe('the 合并 tab at a task pane’s width (issue 14 §4)', () => {
  it('at 340 px: the status board, the counts and 生成汇总表 read on one line each; 催报 and 退回修改单 work; axe-core is clean', async () => {
    const returns = path.join(out, 'narrow-returns');
    fs.mkdirSync(returns, { recursive: true });
    const inputs: [string, Record<string, CellValue>][] = [
      ['殷行街道.xlsx', volunteerReturn('殷行街道工会', '殷行科技服务队', 12)],
      ['五角场街道.xlsx', { ...volunteerReturn('五角场街道工会', '五角场法律服务队', 8), contactPhone: '5588' }],
      ['不是表格.xlsx', volunteerReturn('长白新村街道工会', '长白健康服务队', 15)],
    ];
    const files: string[] = [];
    for (const [name, values] of inputs) {
      files.push(path.join(returns, name));
      fs.writeFileSync(files[files.length - 1] as string, await filledFile('yangpu-volunteer-team', values));
    }
    // a file that is no workbook: listed first, as unreadable
    fs.writeFileSync(files[2] as string, '这不是工作簿');

    const page = await openPane();
    await page.setViewportSize({ width: 340, height: 900 });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await page.getByRole('tab', { name: '合并' }).click();
    await page.getByRole('textbox', { name: '应报送单位名单' }).fill('殷行街道工会\n五角场街道工会\n长白新村街道工会\n新江湾城街道工会');
    // the 插入表格 tab stays mounted, hidden: its forms' own 报送截止日期 fields are not the merge's
    await page
      .locator('section[aria-label="合并"]')
      .getByLabel(/截止日期/)
      .fill('2026-11-30');
    await page.locator('input[type=file]').setInputFiles(files);
    await page.getByRole('heading', { name: '报送情况' }).waitFor();
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'merge-status-board-340.png'), fullPage: true });
    // 殷行 and 五角场 (with a problem) sent their form; 长白新村's file is no workbook; 新江湾城 sent nothing
    await page.getByText('齐全 2 · 缺报 0 · 未报 2').waitFor();

    // nothing wider than the pane; no button's label and no count wraps onto a second line
    const layout = await page.evaluate(() => {
      const lines = (el: Element) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set(
          Array.from(range.getClientRects())
            .filter((r) => r.width > 0)
            .map((r) => Math.round(r.top)),
        ).size;
      };
      const tab = document.querySelector('section[aria-label="合并"]') as HTMLElement;
      return {
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        wrappedButtons: Array.from(tab.querySelectorAll('button'))
          .filter((b) => b.offsetParent && lines(b) > 1)
          .map((b) => b.textContent),
        wrappedWords: Array.from(tab.querySelectorAll('td span, th span'))
          .filter((s) => lines(s) > 1)
          .map((s) => s.textContent),
        countsLines: Array.from(tab.querySelectorAll('span'))
          .filter((s) => /^齐全 \d+/.test(s.textContent ?? ''))
          .map(lines),
      };
    });
    expect(layout).toEqual({ overflow: 0, wrappedButtons: [], wrappedWords: [], countsLines: [1] });

    // 生成汇总表 stays in view when the clerk scrolls down to the files
    // (a short pane, scrolled to its end: without the sticky bar the button would be far above the top)
    await page.setViewportSize({ width: 340, height: 480 });
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(700);
    const top = await page.getByRole('button', { name: '生成汇总表' }).evaluate((b) => b.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(60);
    await page.screenshot({ path: path.join(SHOTS, 'merge-status-board-340-scrolled.png') });
    await page.setViewportSize({ width: 340, height: 900 });

    await page.getByRole('button', { name: '复制催报文字' }).click();
    const reminder = page.getByRole('textbox', { name: '催报文字' });
    await reminder.waitFor();
    expect(await reminder.inputValue()).toMatch(/长白新村街道工会/);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '保存退回修改单（1 个单位）' }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('退回修改单.zip');
    const zip = fs.readFileSync((await saved.path()) as string);
    expect([...zip.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(zip.toString('utf8')).toContain('退回修改单-五角场街道工会.xlsx');
    await page.getByText(/已生成 1 份退回修改单/).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SHOTS, 'merge-desk-actions-340.png'), fullPage: true });

    const serious = await seriousAxeFindings(page);
    expect(serious).toEqual([]);
    await page.close();

    // Excel on Mac saves no download (office-js #3385, #4681): the pane says the command line makes the slips
    const mac = await openPane('?platform=Mac');
    await mac.setViewportSize({ width: 340, height: 900 });
    await mac.getByRole('tab', { name: '合并' }).click();
    await mac.getByRole('textbox', { name: '应报送单位名单' }).fill('殷行街道工会\n五角场街道工会');
    await mac.locator('input[type=file]').setInputFiles(files.slice(0, 2));
    await mac.getByText(/Excel for Mac 的加载项不能保存文件。退回修改单请用命令行生成/).waitFor();
    expect(await mac.getByRole('button', { name: /保存退回修改单/ }).count()).toBe(0);
    await mac.screenshot({ path: path.join(SHOTS, 'merge-slips-on-mac-340.png'), fullPage: true });
    await mac.close();
  });
});

describe('新表格 at a task pane’s width (issue 13)', () => {
  it('at 340 px: a notice’s Word file imported, its fields reviewed, saved and inserted; nothing wider than the pane; axe-core is clean', async () => {
    const notices = path.join(out, 'notices');
    fs.mkdirSync(notices, { recursive: true });
    execFileSync('/usr/bin/python3', [path.join(ROOT, 'test', 'import', 'make_new_notice_docx.py'), notices]);
    const page = await openPane();
    await page.setViewportSize({ width: 340, height: 900 });
    await page.getByRole('button', { name: '新表格…' }).click();
    const panel = page.getByRole('region', { name: '新表格' });
    await panel.locator('input[type=file]').setInputFiles(path.join(notices, 'proposal-notice.docx'));
    await panel.getByText(/找到 1 张附件表格/).waitFor();
    await panel.getByRole('group', { name: '参与职工人数' }).waitFor();
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'new-form-340.png'), fullPage: true });
    const layout = await layoutOf(page, '新表格');
    expect(layout).toEqual({ overflow: 0, wrappedButtons: [] });
    const violations = await seriousAxeFindings(page);
    expect(violations).toEqual([]);

    await panel.getByRole('button', { name: '保存到本工作簿' }).click();
    await panel.getByText(/已保存“职工合理化建议登记表”/).waitFor();
    // the template and the definition to send the units, downloaded as one .zip (ExcelJS loaded on demand)
    const downloading = page.waitForEvent('download');
    await panel.getByRole('button', { name: '下载模板和定义（.zip）' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('职工合理化建议登记表.zip');
    const zipped = unzipSync(new Uint8Array(fs.readFileSync(await download.path())));
    expect(Object.keys(zipped).map((n) => n.replace(/^notice-2026-21-1/, 'id'))).toEqual(['id.json', 'id.xlsx']);
    // listed under 插入表格 beside the six official forms, and inserted like them
    const cards = page.getByRole('button', { name: '插入表格' });
    expect(await cards.count()).toBe(TITLES.length + 1);
    await cards.last().click();
    await page.getByText(/已插入工作表“职工合理化建议登记表”/).waitFor();
    await page.close();
  });
});
