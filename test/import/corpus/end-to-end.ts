import * as XLSX from '@e965/xlsx';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { FormDefinition } from '../../../src/core/form-schema';
import { squash, sameLabel } from './match-notice';
import { cli, type NoticeRun } from './run-corpus';

/**
 * Three imported forms end to end (issue 21 §4): each template `import` wrote is filled by its printed labels with
 * openpyxl (fill_by_labels.py) for three units, and once more with planted mistakes; `validate` must find the
 * mistakes at their labels' cells and nothing on the correct returns; `merge` of the correct returns must give the
 * 合计 computed here from the values written. Lists whose form prints a 合计 row must get it from the template.
 */
type Value = string | number;

interface UnitReturn {
  unit: string;
  values: Record<string, Value>;
  rows?: Value[][];
  /** Keys of the values (label, or "column#row") that are planted mistakes. */
  planted?: string[];
}

interface Case {
  notice: string;
  title: string;
  columns?: string[];
  /** Quantities whose 合计 the merge must give: labels of the head, or list columns. */
  totals: string[];
  /** List columns whose printed 合计 row the template computes. */
  templateTotals: string[];
  returns: UnitReturn[];
}

const contact = { 联系人: '王敏', 联系电话: '021-63211234' };

const CASES: Case[] = [
  {
    notice: 'n01-reading-room',
    title: '职工书屋示范点申报表',
    totals: ['职工人数（人）', '书屋面积（平方米）', '现有藏书（册）', '每周开放时间（小时）', '年度借阅人次', '年度举办读书活动（次）'],
    templateTotals: [],
    returns: [
      ['上海电气集团工会', 1200, 85.5, 5200, 40.5, 3600, 12, '是', '否', '独立设置'],
      ['上海地铁维护保障公司工会', 860, 120, 8000, 56, 5100, 20, '是', '是', '与职工之家合建'],
      ['宝山钢铁股份公司工会', 2300, 64.25, 4100, 35, 2890, 8, '否', '是', '流动书屋'],
    ]
      .map(([unit, people, area, books, hours, visits, events, keeper, digital, kind]): UnitReturn => ({
        unit: String(unit),
        values: {
          单位名称: unit as string,
          单位地址: '上海市黄浦区西藏中路1号',
          '职工人数（人）': people as number,
          '书屋面积（平方米）': area as number,
          '现有藏书（册）': books as number,
          '每周开放时间（小时）': hours as number,
          年度借阅人次: visits as number,
          '年度举办读书活动（次）': events as number,
          是否有专人管理: keeper as string,
          是否接入数字职工书屋: digital as string,
          '书屋类型（请在□内打√）': kind as string,
          ...contact,
          '书屋建设情况简介（300字以内）': '书屋设在职工之家二楼，配有阅览桌椅和电子阅读设备，每周开放五天。',
        },
      }))
      .concat([
        {
          unit: '某纺织厂工会',
          values: {
            单位名称: '某纺织厂工会',
            单位地址: '上海市杨浦区平凉路1号',
            '职工人数（人）': '很多',
            '书屋面积（平方米）': 50,
            '现有藏书（册）': 2100,
            '每周开放时间（小时）': 20,
            年度借阅人次: 600,
            '年度举办读书活动（次）': 2,
            是否有专人管理: '是',
            是否接入数字职工书屋: '否',
            '书屋类型（请在□内打√）': '独立设置',
            联系人: '李娜',
            联系电话: '6321',
            '书屋建设情况简介（300字以内）': '新建书屋。',
          },
          planted: ['职工人数（人）', '联系电话'],
        },
      ]),
  },
  {
    notice: 'n02-winter-warmth',
    title: '2023年元旦春节送温暖活动情况统计表',
    columns: [
      '序号',
      '基层单位名称',
      '慰问困难职工·人数（人）',
      '慰问困难职工·金额（万元）',
      '慰问劳动模范·人数（人）',
      '慰问劳动模范·金额（万元）',
      '慰问一线职工·人次',
      '慰问一线职工·金额（万元）',
      '备注',
    ],
    totals: [
      '慰问困难职工·人数（人）',
      '慰问困难职工·金额（万元）',
      '慰问劳动模范·人数（人）',
      '慰问劳动模范·金额（万元）',
      '慰问一线职工·人次',
      '慰问一线职工·金额（万元）',
    ],
    templateTotals: [
      '慰问困难职工·人数（人）',
      '慰问困难职工·金额（万元）',
      '慰问劳动模范·人数（人）',
      '慰问劳动模范·金额（万元）',
      '慰问一线职工·人次',
      '慰问一线职工·金额（万元）',
    ],
    returns: [
      {
        unit: '黄浦区总工会',
        rows: [
          [1, '南京东路街道工会', 35, 7.2, 3, 0.6, 420, 4.2, ''],
          [2, '外滩街道工会', 18, 3.65, 1, 0.2, 150, 1.5, ''],
        ],
      },
      {
        unit: '徐汇区总工会',
        rows: [
          [1, '漕河泾开发区工会', 52, 10.4, 6, 1.2, 800, 8, ''],
          [2, '田林街道工会', 9, 1.85, 0, 0, 95, 0.95, ''],
          [3, '龙华街道工会', 14, 2.8, 2, 0.4, 210, 2.1, '含春节值守'],
        ],
      },
      { unit: '长宁区总工会', rows: [[1, '虹桥街道工会', 21, 4.35, 2, 0.45, 300, 3, '']] },
      { unit: '普陀区总工会', rows: [[1, '长寿路街道工会', 12, '待定', 1, 0.2, 100, 1, '']], planted: ['慰问困难职工·金额（万元）#1'] },
    ].map((r) => ({
      ...r,
      values: { 填报单位: r.unit, 填报日期: '2023年1月10日', 填表人: '张伟', 联系电话: '021-54661234' },
    })),
  },
  {
    notice: 'n06-separate-files',
    title: '女职工关爱室建设情况汇总表',
    columns: ['序号', '单位名称', '女职工人数（人）', '关爱室面积（平方米）', '年度使用人次', '备注'],
    totals: ['女职工人数（人）', '关爱室面积（平方米）', '年度使用人次'],
    templateTotals: ['女职工人数（人）', '关爱室面积（平方米）', '年度使用人次'],
    returns: [
      {
        unit: '浦东新区总工会',
        rows: [
          [1, '张江高科技园区工会', 1320, 42.5, 2600, ''],
          [2, '陆家嘴金融城工会', 2100, 60, 4100, ''],
        ],
      },
      { unit: '闵行区总工会', rows: [[1, '莘庄工业区工会', 860, 25, 1500, '']] },
      {
        unit: '嘉定区总工会',
        rows: [
          [1, '安亭镇工会', 540, 18.75, 900, ''],
          [2, '马陆镇工会', 300, 12, 420, '新建'],
        ],
      },
      { unit: '金山区总工会', rows: [[1, '金山卫镇工会', 400, '待统计', 700, '']], planted: ['关爱室面积（平方米）#1'] },
    ].map((r) => ({ ...r, values: { 填报单位: r.unit, 填报日期: '2022年11月20日', ...contact } })),
  },
];

/** The cases' names, as EndToEnd.id gives them. */
export const END_TO_END_CASES = CASES.map((c) => `${c.notice} ${c.title}`);

export interface EndToEnd {
  id: string;
  ok: boolean;
  summary: string;
  problems: string[];
  /** Counts behind the summary, for the test. */
  falseErrors: number;
  planted: [number, number];
  totals: [number, number];
  templateTotals: [number, number];
}

interface ValidateJson {
  files: {
    file: string;
    formFound: boolean;
    sheets: { problems: { cell: string; severity: string; label?: string; message: string }[] }[];
  }[];
}

function findForm(run: NoticeRun | undefined, title: string): FormDefinition | undefined {
  const forms = run?.forms ?? [];
  return forms.find((f) => squash(f.name) === squash(title)) ?? forms.find((f) => squash(f.name).includes(squash(title)));
}

const sumOf = (values: Value[]): number => values.reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);

/** The 合计 a clerk expects for a label: over the correct returns' head values or their list rows. */
function expectedTotal(c: Case, label: string, correct: UnitReturn[]): number {
  const col = c.columns?.indexOf(label) ?? -1;
  return col >= 0
    ? sumOf(correct.flatMap((r) => (r.rows ?? []).map((row) => row[col] as Value)))
    : sumOf(correct.map((r) => r.values[label] as Value));
}

/** The 合计 the merge wrote for a label, from any summary sheet whose heading row names it (SheetJS reads it). */
function mergedTotal(book: XLSX.WorkBook, label: string): number | undefined {
  for (const name of book.SheetNames) {
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[name] as XLSX.WorkSheet, { header: 1, defval: '' });
    const total = rows.find((r) => squash(String(r[0] ?? '')).startsWith('合计'));
    if (!total) continue;
    for (const row of rows) {
      const col = row.findIndex((v) => typeof v === 'string' && v !== '' && sameLabel(label, v));
      if (col >= 0 && typeof total[col] === 'number') return total[col];
    }
  }
  return undefined;
}

/**
 * What LibreOffice Calc shows in the template's 合计 row of each correct return once recalculated, against the sum
 * of the rows written: a wrong sentence per column that differs.
 */
function recalculated(
  c: Case,
  dir: string,
  written: Record<string, { totalCells: Record<string, string> }>,
  out: (r: UnitReturn) => string,
): Record<string, string> {
  const correct = c.returns.filter((r) => !r.planted && r.rows);
  const jobs = correct.map((r) => ({ file: out(r), cells: Object.values(written[out(r)]?.totalCells ?? {}) }));
  if (c.templateTotals.length === 0 || jobs.length === 0) return {};
  const jobFile = path.join(dir, 'recalc.json');
  fs.writeFileSync(jobFile, JSON.stringify(jobs));
  const values = JSON.parse(
    execFileSync('/usr/bin/python3', [path.join(__dirname, 'recalc_cells.py'), jobFile], {
      encoding: 'utf8',
      timeout: 180_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  ) as Record<string, Record<string, Value>>;
  const wrong: Record<string, string> = {};
  for (const r of correct)
    for (const label of c.templateTotals) {
      const cell = written[out(r)]?.totalCells[label];
      const want = sumOf((r.rows ?? []).map((row) => row[c.columns?.indexOf(label) ?? -1] as Value));
      const got = cell ? values[out(r)]?.[cell] : undefined;
      if (typeof got !== 'number' || Math.abs(got - want) > 1e-9)
        wrong[label] ??= `${r.unit}：模板合计行“${label}”（${cell ?? '?'}）算得 ${String(got)}，应为 ${want}`;
    }
  return wrong;
}

async function runCase(c: Case, root: string, run: NoticeRun | undefined): Promise<EndToEnd> {
  const problems: string[] = [];
  const base = {
    id: `${c.notice} ${c.title}`,
    falseErrors: 0,
    planted: [0, 0] as [number, number],
    totals: [0, c.totals.length] as [number, number],
  };
  const form = findForm(run, c.title);
  const templateTotals: [number, number] = [0, c.templateTotals.length];
  if (!form || !run) return { ...base, ok: false, summary: '没有导入这张表', problems, templateTotals };
  const template = path.join(run.folder, `${form.id}.xlsx`);
  const dir = path.join(root, 'end-to-end', c.notice);
  fs.mkdirSync(path.join(dir, 'correct'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'planted'), { recursive: true });
  const out = (r: UnitReturn) => path.join(dir, r.planted ? 'planted' : 'correct', `${r.unit}.xlsx`);
  const jobs = c.returns.map((r) => ({
    template,
    out: out(r),
    values: r.values,
    ...(c.columns && r.rows ? { list: { columns: c.columns, rows: r.rows } } : {}),
    totals: c.templateTotals,
  }));
  const jobFile = path.join(dir, 'jobs.json');
  fs.writeFileSync(jobFile, JSON.stringify(jobs));
  let written: Record<string, { cells: Record<string, string>; totals: Record<string, boolean>; totalCells: Record<string, string> }>;
  try {
    written = JSON.parse(
      execFileSync('/usr/bin/python3', [path.join(__dirname, 'fill_by_labels.py'), jobFile], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    ) as typeof written;
  } catch (e) {
    const said = String((e as { stderr?: string }).stderr ?? e).trim();
    return { ...base, ok: false, summary: `模板无法按印出的标签填写：${said}`, problems, templateTotals };
  }
  const first = written[out(c.returns[0] as UnitReturn)];
  const computed = recalculated(c, dir, written, out);
  for (const l of c.templateTotals) {
    if (first?.totals[l] !== true) problems.push(`模板的合计行没有计算“${l}”`);
    else if (computed[l]) problems.push(computed[l] as string);
    else templateTotals[0]++;
  }

  const files = c.returns.map(out);
  const validated = await cli(['validate', '--json', '--today', '2023-06-01', ...files], root);
  let report: ValidateJson | undefined;
  try {
    report = JSON.parse(validated.out.join('\n')) as ValidateJson;
  } catch {
    problems.push(`validate 没有给出 JSON：${[...validated.err, ...validated.out].join(' ').slice(0, 200)}`);
  }
  const planted: [number, number] = [0, 0];
  let falseErrors = 0;
  let falseOnPlanted = 0;
  c.returns.forEach((r, i) => {
    const file = report?.files[i];
    const errors = (file?.sheets ?? []).flatMap((s) => s.problems.filter((p) => p.severity === 'error'));
    if (file && !file.formFound) problems.push(`${r.unit}：validate 没有认出表格`);
    const cells = (r.planted ?? []).map((k) => written[out(r)]?.cells[k]);
    planted[1] += cells.length;
    for (const e of errors) {
      if (cells.includes(e.cell)) planted[0]++;
      else {
        if (r.planted) falseOnPlanted++;
        else falseErrors++;
        problems.push(`${r.unit}：误报 ${e.cell} ${e.label ?? ''}：${e.message}`);
      }
    }
    for (const [k, cell] of (r.planted ?? []).map((p, j) => [p, cells[j]] as const))
      if (!errors.some((e) => e.cell === cell)) problems.push(`${r.unit}：漏报 ${k}（${cell}）`);
  });

  const correct = c.returns.filter((r) => !r.planted);
  const merged = await cli(
    ['merge', path.join(dir, 'correct'), '-o', path.join(dir, '汇总.xlsx'), '--today', '2023-06-01', '--force'],
    root,
  );
  const totals: [number, number] = [0, c.totals.length];
  if (merged.code !== 0 || !fs.existsSync(path.join(dir, '汇总.xlsx')))
    problems.push(`merge 失败：${[...merged.err, ...merged.out].join(' ').slice(0, 200)}`);
  else {
    const book = XLSX.read(fs.readFileSync(path.join(dir, '汇总.xlsx')), { type: 'buffer' });
    for (const label of c.totals) {
      const want = expectedTotal(c, label, correct);
      const got = mergedTotal(book, label);
      if (got !== undefined && Math.abs(got - want) < 1e-9) totals[0]++;
      else problems.push(`合计“${label}”为 ${got ?? '（没有）'}，应为 ${want}`);
    }
  }
  const ok = problems.length === 0;
  const summary =
    `${correct.length} 份正确的报表误报 ${falseErrors} 处；有意写错 ${planted[0]}/${planted[1]} 处在其标签处报出` +
    (falseOnPlanted ? `（写错的报表另误报 ${falseOnPlanted} 处）` : '') +
    '；' +
    `汇总合计正确 ${totals[0]}/${totals[1]}` +
    (c.templateTotals.length ? `；模板合计行算对 ${templateTotals[0]}/${templateTotals[1]}（LibreOffice 重算）` : '');
  return { id: base.id, ok, summary, problems, falseErrors, planted, totals, templateTotals };
}

export async function runEndToEnd(root: string, runs: readonly NoticeRun[]): Promise<EndToEnd[]> {
  const results: EndToEnd[] = [];
  for (const c of CASES)
    results.push(
      await runCase(
        c,
        root,
        runs.find((r) => r.expected.id === c.notice),
      ),
    );
  return results;
}
