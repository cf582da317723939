import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateExampleReturns, pageText, printPack, summariesOfFolder, type PrintedPack } from './printed-pages';

/**
 * The example summary pack as LibreOffice prints it (issue 14 §3): a reasonable number of pages, no table at an
 * unreadable scale, the header rows on every page of a long table, the unit column on every page of a wide one.
 * (`npm run print-pages` prints the same figures for people.)
 */
jest.setTimeout(300_000);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'uf-print-pages-'));
/** Pages the pack may take: 46 when this was written (84 before print settings; 16 with every table squeezed to one page wide at ~4 pt). */
const MAX_PAGES = 60;
let pack: PrintedPack;

beforeAll(async () => {
  pack = await printPack(await summariesOfFolder(generateExampleReturns(work)), path.join(work, 'print'));
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const sheet = (name: string) => {
  const found = pack.sheets.find((s) => s.sheet === name);
  if (!found) throw new Error(`no sheet ${name} in ${pack.sheets.map((s) => s.sheet).join(', ')}`);
  return found;
};
/** The lines of a page that hold every one of these words, in this order. */
const linesWith = (text: string, words: string[]) =>
  text.split('\n').filter((line) => {
    let at = 0;
    return words.every((w) => (at = line.indexOf(w, at)) >= 0);
  });

it('prints the pack within a bound, every table at a readable scale', () => {
  expect(pack.total).toBeLessThanOrEqual(MAX_PAGES);
  expect(pack.total).toBe(pack.sheets.reduce((n, s) => n + s.pages, 0));
  for (const s of pack.sheets) expect([s.sheet, s.scale >= 60]).toEqual([s.sheet, true]);
});

it('repeats the header row on every page of a long table, with the footer', () => {
  const report = sheet('合并报告');
  expect(report.pages).toBeGreaterThan(1);
  for (let page = 1; page <= report.pages; page++) {
    const text = pageText(report.pdf, page);
    expect([page, linesWith(text, ['文件', '工作表', '表格', '单位', '结果', '说明']).length]).toEqual([page, 1]);
    expect(text).toContain('制表单位：上海市总工会');
  }
});

it('prints the statistics table under two-level headers, several pages wide with the unit column on each page', () => {
  const stats = sheet('活动情况统计汇总');
  expect(stats.pagesWide).toBeGreaterThan(1);
  expect(stats.pages).toBeGreaterThan(1);
  const first = pageText(stats.pdf, 1);
  // an item's words over its short 是 / 数量 columns
  expect(first).toContain('是否制定'); // wrapped over two narrow columns, a few characters a line
  expect(linesWith(first, ['单位', '是', '数量', '是', '数量']).length).toBeGreaterThan(0);
  const unit = /^\s*(\S+总工会)/m.exec(first.split('单位').slice(1).join('单位'))?.[1];
  expect(unit).toBeDefined();
  for (let page = 2; page <= stats.pages; page++) {
    const text = pageText(stats.pdf, page);
    expect([page, text.includes(unit as string), linesWith(text, ['单位']).length > 0]).toEqual([page, true, true]);
  }
});
