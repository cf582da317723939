import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { HIGHLIGHT } from '../../src/core/rules/highlights';
import { libreOfficeConvert, requireTool } from '../support/libreoffice';
import { rendered } from '../support/render';

/**
 * The templates' conditional formatting as LibreOffice evaluates it: forms filled by label with openpyxl (not our
 * writer), printed to PDF by LibreOffice and rasterised. A wrong value is red; a correct or blank form has no red.
 */
jest.setTimeout(120_000);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'uf-cf-'));
const FORM = 'studio-application';

/** A correct application, by the labels printed on the form. */
const CORRECT: Record<string, string | number> = {
  工作室名称: '张三技能大师工作室',
  '申报类型（勾选）': '巾帼工作室',
  申报单位: '上海某某机械有限公司',
  单位性质: '国有企业',
  邮政编码: '200063',
  领衔人姓名: '李四',
  联系方式: '021-55885659、13812345678',
  性别: '女',
  年龄: 45,
  工作年限: 20,
  技能等级: '技师',
};

/** One wrong value each, on top of the correct form: what the conditional formatting must show red. */
const WRONG: Record<string, Record<string, string | number>> = {
  oneOf巾帼: { 性别: '男' },
  oneOf技师: { '申报类型（勾选）': '技师工作室', 技能等级: '高级工' },
  postcode: { 邮政编码: '2000' },
  phone: { 联系方式: '电话待定' },
  integer: { 年龄: '约45' },
  choice: { 单位性质: '国企' },
  flagAndCount: { 发明专利: 3 },
};

const red = HIGHLIGHT.error;
const rgb = [1, 3, 5].map((i) => parseInt(red.slice(i, i + 2), 16)) as [number, number, number];

/** Pixels of the highlight red in a binary PPM (P6) image. */
function redPixels(ppm: Buffer): number {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('not a P6 image');
  let count = 0;
  for (let i = header[0].length; i + 2 < ppm.length; i += 3) {
    if (Math.abs(ppm[i]! - rgb[0]) <= 4 && Math.abs(ppm[i + 1]! - rgb[1]) <= 4 && Math.abs(ppm[i + 2]! - rgb[2]) <= 4) count++;
  }
  return count;
}

const counts = new Map<string, number>();

beforeAll(async () => {
  requireTool('pdftoppm');
  const { data } = await rendered(FORM);
  const template = path.join(work, 'template.xlsx');
  fs.writeFileSync(template, data);
  const jobs = [
    { name: 'correct', values: CORRECT },
    ...Object.entries(WRONG).map(([name, values]) => ({ name: `wrong-${name}`, values: { ...CORRECT, ...values } })),
  ].map((j) => ({ template, out: path.join(work, `${j.name}.xlsx`), values: j.values }));
  const jobFile = path.join(work, 'jobs.json');
  fs.writeFileSync(jobFile, JSON.stringify(jobs));
  execFileSync('/usr/bin/python3', [path.join(__dirname, 'fill-by-label.py'), jobFile], { stdio: 'pipe', timeout: 60_000 });
  const files = [template, ...jobs.map((j) => j.out)];
  const pdfDir = path.join(work, 'pdf');
  fs.mkdirSync(pdfDir);
  for (const pdf of libreOfficeConvert(files, 'pdf', pdfDir)) {
    const stem = path.join(work, path.basename(pdf, '.pdf'));
    execFileSync('pdftoppm', ['-r', '40', pdf, stem], { stdio: 'pipe', timeout: 30_000 });
    const pages = fs.readdirSync(work).filter((f) => f.startsWith(`${path.basename(stem)}-`) && f.endsWith('.ppm'));
    counts.set(
      path.basename(pdf, '.pdf'),
      pages.reduce((n, p) => n + redPixels(fs.readFileSync(path.join(work, p))), 0),
    );
  }
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

it('shows no red on the blank template', () => {
  expect(counts.get('template')).toBe(0);
});

it('shows no red on a correct form', () => {
  expect(counts.get('correct')).toBe(0);
});

it.each(Object.keys(WRONG))('shows red where a value is wrong: %s', (name) => {
  expect(counts.get(`wrong-${name}`)).toBeGreaterThan(20);
});
