import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../src/cli/main';
import type { CellValue } from '../../src/core/cell-value';
import { mergeReturns, type MergeResult, type ReturnFile } from '../../src/core/merge/merge-returns';
import { mergeChecks, reportTable, summaryTables, type SummaryTable } from '../../src/core/merge/summaries';
import { CATALOGUE } from '../../src/notices';
import { isDistrictUnion } from '../../src/notices/studio-2020/studio-checks';
import { NON_PUBLIC_UNIT_TYPES } from '../../src/notices/studio-2020/unit-types';
import { filledFile } from '../support/filled-file';
import { filledGrid, goodApplication, TODAY } from '../support/filled-form';

interface Listed {
  type: string;
  name: string;
  unit: string;
}

interface District {
  union: string;
  counts: [number, number, number, number];
  studios: Listed[];
}

interface Application {
  name: string;
  type: string;
  unit: string;
  system: string;
  unitType: string;
}

const COUNT_IDS = ['craftsmanStudios', 'technicianStudios', 'workerStudios', 'womenStudios'];

function summaryValues(d: District): Record<string, CellValue> {
  const values: Record<string, CellValue> = {
    unionName: d.union,
    applicant: '王琳',
    applicantPhone: '55885592',
    hasCampaign: '有',
    opinion: '同意推荐。',
  };
  COUNT_IDS.forEach((id, i) => (values[id] = d.counts[i] as number));
  d.studios.forEach((s, i) => {
    Object.assign(values, {
      [`studios[${i}].seq`]: i + 1,
      [`studios[${i}].studioType`]: s.type,
      [`studios[${i}].studioName`]: s.name,
      [`studios[${i}].unit`]: s.unit,
      [`studios[${i}].leader`]: '张强',
    });
  });
  return values;
}

function applicationValues(a: Application): Record<string, CellValue> {
  return {
    ...goodApplication(),
    studioName: a.name,
    studioType: a.type,
    unit: a.unit,
    system: a.system,
    unitType: a.unitType,
    leaderSex: a.type === '巾帼工作室' ? '女' : '男',
  };
}

const summarySheet = (d: District) => ({
  name: '推荐申报汇总表',
  grid: filledGrid('studio-summary', summaryValues(d), { tableRows: { studios: Math.max(1, d.studios.length) } }),
  nameValues: [],
});
const applicationSheet = (a: Application, name = '工作室申请表') => ({
  name,
  grid: filledGrid('studio-application', applicationValues(a)),
  nameValues: [],
});

const summaryReturn = (d: District, modified = 1): ReturnFile => ({ file: `${d.union}.xlsx`, modified, sheets: [summarySheet(d)] });
const applicationReturn = (a: Application, modified = 1): ReturnFile => ({
  file: `${a.unit}.xlsx`,
  modified,
  sheets: [applicationSheet(a)],
});

const squash = (s: string) => s.replace(/[\s\u3000]/g, '').replace(/[（）]/g, (c) => (c === '（' ? '(' : ')'));
const table = (tables: SummaryTable[], sheetName: string) => {
  const found = tables.find((t) => t.sheetName === sheetName);
  if (!found) throw new Error(`no sheet ${sheetName} in ${tables.map((t) => t.sheetName).join(', ')}`);
  return found;
};
const column = (t: SummaryTable, header: string) => {
  const at = t.header.indexOf(header);
  if (at < 0) throw new Error(`no column ${header} in ${t.sheetName}`);
  return t.rows.map((r) => r[at]);
};
const checksOf = (result: MergeResult, kind: string) => mergeChecks(result, CATALOGUE).filter((c) => c.kind === kind);

describe('workshop summaries: 创建数 totals, quotas and the same name from two districts', () => {
  const craftsmen = (prefix: string, n: number): Listed[] =>
    Array.from({ length: n }, (_, i) => ({ type: '工匠工作室', name: `${prefix}工匠${i + 1}号创新工作室`, unit: `${prefix}机械有限公司` }));
  const districts: District[] = [
    {
      union: '黄浦区总工会',
      counts: [2, 5, 7, 1],
      studios: [...craftsmen('黄浦', 14), { type: '职工工作室', name: '张三职工创新工作室', unit: '黄浦电子有限公司' }],
    },
    {
      union: '徐汇区总工会',
      counts: [1, 8, 9, 3],
      studios: [
        ...craftsmen('徐汇', 12),
        { type: '职工工作室', name: '张三\u3000职工创新工作室', unit: '徐汇物流有限公司' },
        { type: '技师工作室', name: '李四技师创新工作室', unit: '徐汇建设有限公司' },
      ],
    },
    {
      union: '静安区总工会',
      counts: [0, 2, 3, 4],
      studios: [{ type: '巾帼工作室', name: '王五巾帼创新工作室', unit: '静安医疗有限公司' }],
    },
  ];
  let result: MergeResult;
  let tables: SummaryTable[];
  beforeAll(() => {
    result = mergeReturns(
      districts.map((d) => summaryReturn(d)),
      { catalogue: CATALOGUE, today: TODAY },
    );
    tables = summaryTables(result, CATALOGUE);
  });

  it('lists every 创建数 per district with its total, and the city totals equal the sums of what the districts sent', () => {
    const counts = table(tables, '创新工作室创建数统计');
    expect(counts.derived).toBe(true);
    expect(column(counts, '区局（产业）工会')).toEqual(districts.map((d) => d.union));
    ['工匠创建数', '技师创建数', '职工创建数', '巾帼创建数'].forEach((header, i) => {
      expect(column(counts, header)).toEqual(districts.map((d) => d.counts[i]));
      expect(counts.totals?.[counts.header.indexOf(header)]).toBe(districts.reduce((n, d) => n + d.counts[i]!, 0));
    });
    expect(column(counts, '创建数合计')).toEqual(districts.map((d) => d.counts.reduce((a, b) => a + b, 0)));
    expect(counts.totals?.[counts.header.indexOf('创建数合计')]).toBe(districts.flatMap((d) => d.counts).reduce((a, b) => a + b, 0));
    expect(column(counts, '推荐工作室数')).toEqual(districts.map((d) => d.studios.length));
    expect(column(counts, '推荐工匠工作室')).toEqual(districts.map((d) => d.studios.filter((s) => s.type === '工匠工作室').length));
    expect(counts.totals?.[counts.header.indexOf('推荐工作室数')]).toBe(districts.reduce((n, d) => n + d.studios.length, 0));
  });

  it('counts the recommended workshops per type beside the notice quotas: 25 工匠, 100 技师、职工、巾帼 together', () => {
    const quota = table(tables, '创新工作室名额对照');
    const all = districts.flatMap((d) => d.studios);
    const ofType = (types: string[]) => all.filter((s) => types.includes(s.type)).length;
    const row = (label: string) => quota.rows.find((r) => r[0] === label) ?? [];
    const at = (header: string) => quota.header.indexOf(header);
    const craftsmenListed = ofType(['工匠工作室']);
    expect(row('工匠工作室')[at('汇总表推荐数')]).toBe(craftsmenListed);
    expect(row('工匠工作室')[at('命名名额')]).toBe(25);
    expect(row('工匠工作室')[at('是否超出名额')]).toBe(craftsmenListed > 25 ? '是' : '否');
    expect(craftsmenListed > 25).toBe(true);
    for (const type of ['技师工作室', '职工工作室', '巾帼工作室']) expect(row(type)[at('汇总表推荐数')]).toBe(ofType([type]));
    const shared = ofType(['技师工作室', '职工工作室', '巾帼工作室']);
    expect(row('技师、职工、巾帼工作室合计')[at('汇总表推荐数')]).toBe(shared);
    expect(row('技师、职工、巾帼工作室合计')[at('命名名额')]).toBe(100);
    expect(row('技师、职工、巾帼工作室合计')[at('是否超出名额')]).toBe(shared > 100 ? '是' : '否');
    expect(row('工匠工作室')[at('申请表数')]).toBeNull();
    expect(quota.totals?.[at('汇总表推荐数')]).toBe(all.length);

    const over = checksOf(result, 'over-quota');
    expect(over).toHaveLength(1);
    expect(over[0]?.message).toContain(`共推荐 ${craftsmenListed} 个，多于通知的命名名额 25 个（超出 ${craftsmenListed - 25} 个）`);
  });

  it('is not over quota at exactly 25 工匠', () => {
    const exact = mergeReturns([summaryReturn({ union: '闵行区总工会', counts: [1, 1, 1, 1], studios: craftsmen('闵行', 25) })], {
      catalogue: CATALOGUE,
      today: TODAY,
    });
    const quota = table(summaryTables(exact, CATALOGUE), '创新工作室名额对照');
    expect(quota.rows.find((r) => r[0] === '工匠工作室')?.[quota.header.indexOf('是否超出名额')]).toBe('否');
    expect(checksOf(exact, 'over-quota')).toEqual([]);
  });

  it('flags the same 工作室名称 from two districts in the list and in 合并报告, after squashing spaces', () => {
    const names = districts.flatMap((d) => d.studios.map((s) => ({ union: d.union, key: squash(s.name) })));
    const twice = [...new Set(names.map((n) => n.key))].filter(
      (k) => new Set(names.filter((n) => n.key === k).map((n) => n.union)).size > 1,
    );
    const duplicates = checksOf(result, 'duplicate-name');
    expect(duplicates.map((c) => squash(c.studio ?? ''))).toEqual(twice);
    expect(duplicates[0]?.units).toEqual(['黄浦区总工会', '徐汇区总工会']);

    const list = table(tables, '创新工作室推荐汇总-名单');
    const notes = column(list, '核对');
    const flagged = list.rows.filter((_, i) => typeof notes[i] === 'string' && (notes[i] as string).includes('同名'));
    expect(flagged.map((r) => `${String(r[0])}:${squash(String(r[list.header.indexOf('工作室名称')]))}`)).toEqual(
      names.filter((n) => twice.includes(n.key)).map((n) => `${n.union}:${n.key}`),
    );
    expect(list.header.slice(-3)).toEqual(['来源文件', '工作表', '问题数']);

    const report = reportTable(result, CATALOGUE);
    const said = report.rows
      .filter((r) => r[report.header.indexOf('结果')] === '需核对')
      .map((r) => String(r[report.header.indexOf('说明')]));
    expect(said).toEqual(duplicates.map((c) => c.message));
    expect(said[0]).toMatch(/同时出现在黄浦区总工会、徐汇区总工会的推荐申报汇总表中/);
  });

  it('cross-checks nothing against applications when none were merged', () => {
    expect(checksOf(result, 'listed-without-application')).toEqual([]);
    expect(tables.some((t) => t.sheetName === '推荐单位非公企业占比')).toBe(false);
  });
});

describe('workshop applications against the 汇总表: both ways, and the share of 非公企业', () => {
  const districts: District[] = [
    {
      union: '黄浦区总工会',
      counts: [1, 1, 1, 1],
      studios: [
        { type: '职工工作室', name: '甲职工创新工作室', unit: '黄浦甲有限公司' },
        { type: '技师工作室', name: '乙技师创新工作室', unit: '黄浦乙有限公司' },
      ],
    },
    {
      union: '徐汇区总工会',
      counts: [1, 1, 1, 1],
      studios: [{ type: '巾帼工作室', name: '丙（徐汇）巾帼创新工作室', unit: '徐汇丙有限公司' }],
    },
    {
      union: '静安区总工会',
      counts: [1, 1, 1, 1],
      studios: [{ type: '职工工作室', name: '己职工创新工作室', unit: '静安己有限公司' }],
    },
  ];
  const applications: Application[] = [
    { name: '甲 职工创新工作室', type: '职工工作室', unit: '黄浦甲有限公司', system: '黄浦区', unitType: '民营企业' },
    { name: '丙(徐汇)巾帼创新工作室', type: '巾帼工作室', unit: '徐汇丙有限公司', system: '徐汇', unitType: '国有企业' },
    { name: '丁职工创新工作室', type: '职工工作室', unit: '徐汇丁有限公司', system: '徐汇区总工会', unitType: '外商投资企业' },
    { name: '戊工匠创新工作室', type: '工匠工作室', unit: '崇明戊有限公司', system: '崇明区', unitType: '国有企业' },
  ];
  /** Sent by 静安 in one workbook with its 汇总表: the file says which district it belongs to, though its 所属系统 names another. */
  const withSummary: Application = {
    name: '己职工创新工作室',
    type: '职工工作室',
    unit: '静安己有限公司',
    system: '黄浦区',
    unitType: '民营企业',
  };
  const districtOf = (a: Application) =>
    a === withSummary ? '静安区总工会' : (districts.find((d) => d.union.startsWith(a.system.slice(0, 2)))?.union ?? a.system);
  let result: MergeResult;
  let tables: SummaryTable[];
  beforeAll(() => {
    const [huangpu, xuhui, jingan] = districts as [District, District, District];
    result = mergeReturns(
      [
        summaryReturn(huangpu),
        summaryReturn(xuhui),
        { file: `${jingan.union}.xlsx`, modified: 1, sheets: [summarySheet(jingan), applicationSheet(withSummary, '申请表1')] },
        ...applications.map((a) => applicationReturn(a)),
      ],
      { catalogue: CATALOGUE, today: TODAY },
    );
    tables = summaryTables(result, CATALOGUE);
  });

  it('reports each workshop listed without an application and each application missing from its district’s 汇总表', () => {
    const all = [...applications, withSummary];
    const listedKeys = (union: string) => districts.find((d) => d.union === union)?.studios.map((s) => squash(s.name)) ?? [];
    const expectedUnlisted = all.filter((a) => !listedKeys(districtOf(a)).includes(squash(a.name)));
    const expectedWithout = districts.flatMap((d) =>
      d.studios.filter((s) => !all.some((a) => districtOf(a) === d.union && squash(a.name) === squash(s.name))).map((s) => ({ d, s })),
    );
    expect(expectedUnlisted.length).toBeGreaterThan(0);
    expect(expectedWithout.length).toBeGreaterThan(0);

    const unlisted = checksOf(result, 'application-not-listed');
    expect(unlisted.map((c) => [c.studio, c.units])).toEqual(expectedUnlisted.map((a) => [a.name, [districtOf(a)]]));
    expect(unlisted[0]?.message).toBe('申请表“丁职工创新工作室”（申报单位“徐汇丁有限公司”）不在徐汇区总工会的推荐申报汇总表中。');
    expect(unlisted[1]?.message).toMatch(/所属系统“崇明区”.*没有对应的推荐申报汇总表/);

    const without = checksOf(result, 'listed-without-application');
    expect(without.map((c) => [c.studio, c.units])).toEqual(expectedWithout.map(({ d, s }) => [s.name, [d.union]]));
    expect(without[0]?.message).toBe('黄浦区总工会推荐申报汇总表中的“乙技师创新工作室”（申报单位“黄浦乙有限公司”）没有对应的申请表。');

    const report = reportTable(result, CATALOGUE);
    const said = report.rows
      .filter((r) => r[report.header.indexOf('结果')] === '需核对')
      .map((r) => String(r[report.header.indexOf('说明')]));
    for (const c of [...unlisted, ...without]) expect(said).toContain(c.message);

    const list = table(tables, '创新工作室推荐汇总-名单');
    const notes = column(list, '核对');
    expect(list.rows.filter((_, i) => notes[i] === '未见申请表').map((r) => r[list.header.indexOf('工作室名称')])).toEqual(
      expectedWithout.map(({ s }) => s.name),
    );
    const overview = table(tables, '工作室申请一览-单位');
    expect(column(overview, '推荐区局（产业）工会')).toEqual(
      result.forms
        .find((f) => f.form.id === 'studio-application')
        ?.sheetRecords.map((r) => districtOf(all.find((a) => a.unit === r.unit)!)),
    );
    expect(column(overview, '核对').filter(Boolean)).toHaveLength(expectedUnlisted.length);
  });

  it('gives each district’s share of 非公企业 among recommended units and names those below 50%', () => {
    const all = [...applications, withSummary];
    const byDistrict = new Map<string, Application[]>();
    for (const a of all) byDistrict.set(districtOf(a), [...(byDistrict.get(districtOf(a)) ?? []), a]);
    const share = table(tables, '推荐单位非公企业占比');
    const at = (header: string) => share.header.indexOf(header);
    expect(share.rows.map((r) => r[0]).sort()).toEqual([...byDistrict.keys()].sort());
    const below: string[] = [];
    for (const [district, apps] of byDistrict) {
      const row = share.rows.find((r) => r[0] === district) ?? [];
      const nonPublic = apps.filter((a) => NON_PUBLIC_UNIT_TYPES.includes(a.unitType)).length;
      expect(row[at('推荐单位数')]).toBe(apps.length);
      expect(row[at('非公企业数')]).toBe(nonPublic);
      expect(row[at('非公企业占比（%）')]).toBeCloseTo((100 * nonPublic) / apps.length, 1);
      expect(row[at('是否达到50%')]).toBe(nonPublic * 2 >= apps.length ? '是' : '否');
      if (nonPublic * 2 < apps.length) below.push(district);
    }
    expect(below.length).toBeGreaterThan(0);
    expect(below.length).toBeLessThan(byDistrict.size);
    expect(share.rows.find((r) => r[0] === '徐汇区总工会')?.[at('是否达到50%')]).toBe('是');
    const checks = checksOf(result, 'non-public-share');
    expect(checks.map((c) => c.units[0]).sort()).toEqual(below.sort());
    expect(checks[0]?.message).toMatch(/低于通知要求的 50%/);
    const total = all.filter((a) => NON_PUBLIC_UNIT_TYPES.includes(a.unitType)).length;
    expect(share.totals?.[at('非公企业数')]).toBe(total);
    expect(share.totals?.[at('推荐单位数')]).toBe(all.length);
  });

  it('keeps the derived sheets apart, with valid sheet names', () => {
    const derived = tables.filter((t) => t.derived).map((t) => t.sheetName);
    expect(derived).toEqual(['创新工作室创建数统计', '创新工作室名额对照', '推荐单位非公企业占比']);
    for (const t of [...tables, reportTable(result, CATALOGUE)]) {
      expect(t.sheetName.length).toBeLessThanOrEqual(31);
      expect(t.sheetName).not.toMatch(/[[\]:*?/\\]/);
      expect(t.formats).toHaveLength(t.header.length);
      for (const r of t.rows) expect(r).toHaveLength(t.header.length);
      if (t.totals) expect(t.totals).toHaveLength(t.header.length);
    }
  });

  it('with applications alone: no cross-check, but the quota counts and the 非公 shares', () => {
    const alone = mergeReturns(
      applications.map((a) => applicationReturn(a)),
      { catalogue: CATALOGUE, today: TODAY },
    );
    const kinds = mergeChecks(alone, CATALOGUE).map((c) => c.kind);
    expect(kinds).not.toContain('application-not-listed');
    expect(kinds).not.toContain('listed-without-application');
    const names = summaryTables(alone, CATALOGUE)
      .filter((t) => t.derived)
      .map((t) => t.sheetName);
    expect(names).toEqual(['创新工作室名额对照', '推荐单位非公企业占比']);
    const quota = table(summaryTables(alone, CATALOGUE), '创新工作室名额对照');
    expect(quota.rows.find((r) => r[0] === '工匠工作室')?.slice(1, 3)).toEqual([
      null,
      applications.filter((a) => a.type === '工匠工作室').length,
    ]);
  });
});

describe('the 非公企业 ≥ 50% rule is for 区 recommendations only (区推荐单位数非公企业应不少于50%)', () => {
  it.each<[string, boolean | undefined]>([
    ['黄浦区总工会', true],
    ['上海市浦东新区总工会', true],
    ['上海市黄浦区 总工会', true],
    ['崇明县总工会', true],
    ['徐汇', true],
    ['闵行区', true],
    ['上海电气（集团）总公司工会', false],
    ['上海市教育工会', false],
    ['中国宝武钢铁集团有限公司工会', false],
    ['上海化学工业区工会', false],
    ['张江高科技园区工会', false],
    ['（未填所属系统）', undefined],
  ])('%s is a district union: %p', (name, expected) => expect(isDistrictUnion(name)).toBe(expected));

  const app = (n: number, system: string, unitType: string): Application => ({
    name: `${system}${n}号职工创新工作室`,
    type: '职工工作室',
    unit: `${system}${n}号有限公司`,
    system,
    unitType,
  });
  const industry = '上海电气（集团）总公司工会';
  const zone = '上海化学工业区工会';
  const district = '闵行区总工会';
  const prefixed = '上海市浦东新区总工会';
  const applications: Application[] = [
    app(1, industry, '国有企业'),
    app(2, industry, '国有企业'),
    app(3, industry, '国有企业'),
    app(1, zone, '国有企业'),
    app(1, district, '国有企业'),
    app(2, district, '国有企业'),
    app(3, district, '民营企业'),
    app(1, prefixed, '事业单位'),
    app(2, prefixed, '外商投资企业'),
  ];
  let result: MergeResult;
  let share: SummaryTable;
  beforeAll(() => {
    result = mergeReturns(
      applications.map((a) => applicationReturn(a)),
      { catalogue: CATALOGUE, today: TODAY },
    );
    share = table(summaryTables(result, CATALOGUE), '推荐单位非公企业占比');
  });

  it('warns only for the 区 unions below 50%, not for 局 or 产业 unions however few 非公企业 they recommend', () => {
    const bySystem = (system: string) => applications.filter((a) => a.system === system);
    const nonPublic = (system: string) => bySystem(system).filter((a) => NON_PUBLIC_UNIT_TYPES.includes(a.unitType)).length;
    const below = [industry, zone, district, prefixed].filter((s) => nonPublic(s) * 2 < bySystem(s).length);
    expect(below).toEqual([industry, zone, district, prefixed].filter((s) => s !== prefixed));
    const checks = checksOf(result, 'non-public-share');
    expect(checks.map((c) => c.units[0])).toEqual([district]);
    expect(checks[0]?.message).toBe(
      `${district}推荐的 3 个单位中非公企业 1 个，占 33.3%，低于通知要求的 50%（区推荐单位数非公企业应不少于50%）。`,
    );
  });

  it('still shows every union’s share, marking the 局 and 产业 ones 不适用 with the reason', () => {
    const at = (header: string) => share.header.indexOf(header);
    const row = (label: string) => share.rows.find((r) => r[0] === label) ?? [];
    for (const s of [industry, zone]) {
      expect(row(s)[at('推荐单位数')]).toBe(applications.filter((a) => a.system === s).length);
      expect(row(s)[at('非公企业数')]).toBe(0);
      expect(row(s)[at('是否达到50%')]).toBe('不适用');
      expect(row(s)[at('说明')]).toBe('局（产业）工会推荐，通知的50%要求只针对区推荐');
    }
    expect(row(district)[at('是否达到50%')]).toBe('否');
    expect(row(prefixed)[at('是否达到50%')]).toBe('是');
    expect(share.totals?.[at('推荐单位数')]).toBe(applications.length);
    expect(share.title).toMatch(/区推荐单位中非公企业不少于50%/);
  });
});

describe('union-forms merge: the workshop checks in the JSON report', () => {
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uf-studio-'));
    const district: District = {
      union: '杨浦区总工会',
      counts: [1, 2, 3, 4],
      studios: [{ type: '技师工作室', name: '赵六技师创新工作室', unit: '杨浦赵有限公司' }],
    };
    const application: Application = {
      name: '钱七职工创新工作室',
      type: '职工工作室',
      unit: '杨浦钱有限公司',
      system: '杨浦区',
      unitType: '国有企业',
    };
    fs.writeFileSync(path.join(dir, '汇总表.xlsx'), await filledFile('studio-summary', summaryValues(district)));
    fs.writeFileSync(path.join(dir, '申请表.xlsx'), await filledFile('studio-application', applicationValues(application)));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists the checks and keeps the derived sheets out of the record counts', async () => {
    const code = await runCli(['merge', '.', '-o', '汇总.xlsx', '--json', 'report.json', '--today', TODAY], {
      out: () => undefined,
      err: () => undefined,
      cwd: dir,
    });
    expect(code).toBe(0);
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8'));
    expect(report.checks.map((c: { kind: string; studio: string }) => `${c.kind} ${c.studio}`).sort()).toEqual([
      'application-not-listed 钱七职工创新工作室',
      'listed-without-application 赵六技师创新工作室',
      'non-public-share null',
    ]);
    const records = report.inputs
      .flatMap((i: { sheets: { records: number; used: boolean }[] }) => i.sheets.filter((s) => s.used))
      .reduce((n: number, s: { records: number }) => n + s.records, 0);
    expect(report.outputs.reduce((n: number, o: { rows: number }) => n + o.rows, 0)).toBe(records);
    expect(report.derived.map((o: { sheet: string }) => o.sheet)).toEqual([
      '创新工作室创建数统计',
      '创新工作室名额对照',
      '推荐单位非公企业占比',
    ]);
  });
});
