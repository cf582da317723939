import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strFromU8, unzipSync } from 'fflate';
import type { SummaryTable } from '../../src/core/merge/summaries';
import { SERIES_COLORS } from '../../src/hosts/xlsx/chart-parts';
import { writeSummaryWorkbook } from '../../src/hosts/xlsx/write-summaries';
import { libreOfficeConvert, requireTool } from '../support/libreoffice';

/**
 * Charts of the .xlsx writer as LibreOffice draws them: a summary with charts and the same summary without, printed
 * to PDF and rasterised. The series' fills appear only where a chart is drawn. (LibreOffice does not draw a target
 * written as literal values, c:numLit: that is not asserted here.)
 */
jest.setTimeout(120_000);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'uf-charts-'));
/** A sheet name that needs quoting in a formula, with an apostrophe and markup in it. */
const SHEET = "各区's <统计>";
const UNITS = ['黄浦区', '徐汇区', '长宁区', '静安区', '普陀区', '虹口区'];

function table(withCharts: boolean): SummaryTable {
  const rows = UNITS.map((u, i) => [u, 40 + i * 25, 3 + i, 0.3 + i * 0.08]);
  return {
    sheetName: SHEET,
    title: '各区参加人数统计',
    formId: null,
    header: ['单位', '参加人数', '活动数', '非公占比'],
    rows,
    totals: ['合计', rows.reduce((n, r) => n + (r[1] as number), 0), rows.reduce((n, r) => n + (r[2] as number), 0), null],
    formats: ['text', 'number', 'number', 'number'],
    derived: true,
    ...(withCharts
      ? {
          charts: [
            { title: '参加人数与活动数', kind: 'bar' as const, category: '单位', series: ['参加人数', '活动数'] },
            {
              title: '非公占比',
              kind: 'column' as const,
              category: '单位',
              series: ['非公占比'],
              target: { label: '目标 50%', value: 0.5 },
            },
          ],
        }
      : {}),
  };
}

const rgbOf = (hex: string) => [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

/** Pixels of a colour (within a small tolerance) in a binary PPM (P6) image. */
function pixels(ppm: Buffer, hex: string): number {
  const [r, g, b] = rgbOf(hex);
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('not a P6 image');
  let count = 0;
  for (let i = header[0].length; i + 2 < ppm.length; i += 3)
    if (Math.abs(ppm[i]! - r) <= 6 && Math.abs(ppm[i + 1]! - g) <= 6 && Math.abs(ppm[i + 2]! - b) <= 6) count++;
  return count;
}

let files: Record<'charts' | 'plain', Uint8Array>;
const counts = new Map<string, Record<string, number>>();
const texts = new Map<string, string>();

beforeAll(async () => {
  requireTool('pdftoppm');
  requireTool('pdftotext');
  files = { charts: await writeSummaryWorkbook([table(true)]), plain: await writeSummaryWorkbook([table(false)]) };
  const paths = Object.entries(files).map(([name, data]) => {
    const file = path.join(work, `${name}.xlsx`);
    fs.writeFileSync(file, data);
    return file;
  });
  const pdfDir = path.join(work, 'pdf');
  fs.mkdirSync(pdfDir);
  for (const pdf of libreOfficeConvert(paths, 'pdf', pdfDir)) {
    const name = path.basename(pdf, '.pdf');
    const stem = path.join(work, name);
    execFileSync('pdftoppm', ['-r', '50', pdf, stem], { stdio: 'pipe', timeout: 30_000 });
    const pages = fs.readdirSync(work).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.ppm'));
    const count: Record<string, number> = {};
    for (const color of [SERIES_COLORS[0]!, SERIES_COLORS[1]!])
      count[color] = pages.reduce((n, p) => n + pixels(fs.readFileSync(path.join(work, p)), color), 0);
    counts.set(name, count);
    texts.set(name, execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', timeout: 30_000 }));
  }
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

it('LibreOffice draws both series of the bar chart', () => {
  const plain = counts.get('plain')!;
  const charts = counts.get('charts')!;
  for (const color of [SERIES_COLORS[0]!, SERIES_COLORS[1]!]) {
    expect(plain[color]).toBe(0);
    expect(charts[color]).toBeGreaterThan(100);
  }
});

it('prints the chart title, which the table alone does not', () => {
  for (const words of ['参加人数与活动数']) {
    expect(texts.get('plain')).not.toContain(words);
    expect(texts.get('charts')).toContain(words);
  }
});

it('writes the chart parts, pointing at the data rows of the quoted sheet name (the totals row left out)', () => {
  const zip = unzipSync(files.charts);
  const names = Object.keys(zip);
  expect(names).toEqual(
    expect.arrayContaining([
      'xl/charts/chart1.xml',
      'xl/charts/chart2.xml',
      'xl/drawings/drawing1.xml',
      'xl/drawings/_rels/drawing1.xml.rels',
      'xl/worksheets/_rels/sheet1.xml.rels',
    ]),
  );
  expect(Object.keys(unzipSync(files.plain)).some((n) => n.includes('chart') || n.includes('drawing'))).toBe(false);
  const chart = strFromU8(zip['xl/charts/chart1.xml']!);
  // title row 1, header row 2, data rows 3 to 8, totals row 9
  const quoted = "'各区''s &lt;统计&gt;'";
  expect([...chart.matchAll(/<c:f>([^<]*(?:&[a-z]+;[^<]*)*)<\/c:f>/g)].map((m) => m[1])).toEqual([
    `${quoted}!$B$2`,
    `${quoted}!$A$3:$A$8`,
    `${quoted}!$B$3:$B$8`,
    `${quoted}!$C$2`,
    `${quoted}!$A$3:$A$8`,
    `${quoted}!$C$3:$C$8`,
  ]);
  expect(chart).toContain('<c:barDir val="bar"/>');
  // bars in the table's order, first at the top, the value axis kept at the bottom; the column chart as Excel draws it
  expect(chart).toMatch(/<c:catAx>.*<c:orientation val="maxMin"\/>.*<\/c:catAx>/);
  expect(chart).toMatch(/<c:valAx>.*<c:crosses val="max"\/>.*<\/c:valAx>/);
  const columns = strFromU8(zip['xl/charts/chart2.xml']!);
  expect(columns).toMatch(/<c:catAx>.*<c:orientation val="minMax"\/>.*<\/c:catAx>/);
  expect(chart).toContain('<c:legend>');
  expect(chart).toContain('<c:pt idx="5"><c:v>165</c:v></c:pt>');
  expect(chart).not.toContain('<c:v>合计</c:v>');
  const types = strFromU8(zip['[Content_Types].xml']!);
  expect(types).toContain(
    'PartName="/xl/charts/chart2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"',
  );
  expect(types).toContain('PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"');
  expect(strFromU8(zip['xl/worksheets/sheet1.xml']!)).toContain('<drawing r:id="rId1"/>');
});

it('openpyxl loads the file and finds both charts on the sheet', () => {
  const file = path.join(work, 'charts.xlsx');
  const script = [
    'import sys, openpyxl',
    'wb = openpyxl.load_workbook(sys.argv[1])',
    'ws = wb.worksheets[0]',
    'print(ws.title)',
    'print(len(ws._charts))',
    // openpyxl's reading of the axes: x_axis is the category axis, y_axis the value axis, whatever the bars' direction
    'print(" ".join(f"{c.x_axis.scaling.orientation}/{c.y_axis.crosses}" for c in ws._charts))',
  ].join('\n');
  const out = execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8', timeout: 60_000 }).trim().split('\n');
  expect(out).toEqual([SHEET, '2', 'maxMin/max minMax/autoZero']);
});
