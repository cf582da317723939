import { cellText, squashSpaces, toHalfWidth, type CellValue } from '../../core/cell-value';
import type { CrossFormCheck, MergeCheck, NoticeLimits, Quota, Share } from '../../core/merge/cross-form';
import type { FormRecords, MergedRecord } from '../../core/merge/merge-returns';
import type { SummaryTable, SummaryValue } from '../../core/merge/summaries';
import { STUDIO_TYPES } from './common';
import { UNIT_TYPES } from './unit-types';

/** What the checks find (MergeCheck.kind); for an application without a matching 汇总表, `units` is its 所属系统. */
export type CheckKind = 'duplicate-name' | 'listed-without-application' | 'application-not-listed' | 'non-public-share' | 'over-quota';

const SUMMARY = 'studio-summary';
const APPLICATION = 'studio-application';
/** The notice's share of 非公企业 among the units a district recommends (its `shares`). */
export const NON_PUBLIC_SHARE_ID = 'nonPublicUnits';

interface StudioCheck extends MergeCheck {
  kind: CheckKind;
}

/** Shanghai's districts, present and merged (卢湾、闸北、南汇), as a 所属系统 may name them without 区. */
const SHANGHAI_DISTRICTS = '黄浦 徐汇 长宁 静安 普陀 虹口 杨浦 闵行 宝山 嘉定 浦东 金山 松江 青浦 奉贤 崇明 卢湾 闸北 南汇'.split(' ');
/** Names ending in 区 that are no district: parks and zones have their own (产业) unions. */
const ZONE = /(园区|开发区|工业区|保税区|自贸区|综合区|试验区|示范区|高新区|功能区|港区|片区|社区|小区|景区|校区|厂区|矿区)$/;

/**
 * Whether a 推荐区局（产业）工会 is a district's union (黄浦区总工会, 上海市浦东新区总工会, 徐汇), to which the notice's
 * 非公企业 ≥ 50% applies; false for 局 and 产业 unions (上海电气集团工会, 市教育工会, 上海化学工业区工会);
 * undefined when no name was given.
 */
export function isDistrictUnion(name: string): boolean | undefined {
  const bare = squashName(name)
    .replace(/^(上海市|上海)/, '')
    .replace(/(总工会|工会|职工技协)$/, '');
  if (!bare || /^（未填/.test(name)) return undefined;
  if (SHANGHAI_DISTRICTS.some((d) => bare.startsWith(d))) return true;
  return /(区|县)$/.test(bare) && !ZONE.test(bare);
}

export interface StudioAnalysis {
  checks: StudioCheck[];
  /** Per 汇总表 list row and per application: what the cross-checks found, for the 核对 column. */
  notes: Map<MergedRecord, string[]>;
  /** Per application: the 区局（产业）工会 it was counted under. */
  districtOf: Map<MergedRecord, string>;
  tables: SummaryTable[];
}

const text = (v: unknown): string => (typeof v === 'object' && v !== null && !(v instanceof Date) ? '' : cellText(v as CellValue));
const squashName = (s: string): string => squashSpaces(toHalfWidth(s)).toLowerCase();
const districtKey = (s: string): string => squashName(s).replace(/(总工会|工会)$/, '') || squashName(s);
const quoted = (s: string) => `“${s}”`;
const source = (r: MergedRecord) => ({ file: r.file, sheet: r.sheet });

interface District {
  label: string;
  key: string;
  record: MergedRecord | undefined;
  rows: MergedRecord[];
  byName: Map<string, MergedRecord[]>;
}

function districtsOf(sheetRecords: MergedRecord[], rowRecords: MergedRecord[]): District[] {
  const byReturn = new Map<string, District>();
  const of = (r: MergedRecord) => {
    const id = `${r.file}\u0000${r.sheet}`;
    let d = byReturn.get(id);
    if (!d)
      byReturn.set(
        id,
        (d = {
          label: r.unit || '（未填区局名称）',
          key: r.unit ? districtKey(r.unit) : id,
          record: undefined,
          rows: [],
          byName: new Map(),
        }),
      );
    return d;
  };
  for (const r of sheetRecords) of(r).record = r;
  for (const r of rowRecords) {
    const d = of(r);
    d.rows.push(r);
    const name = squashName(text(r.values.studioName));
    if (!name) continue;
    d.byName.set(name, [...(d.byName.get(name) ?? []), r]);
  }
  return [...byReturn.values()];
}

/** Which 汇总表 an application belongs to: one in the same file, else the one its 所属系统 names, else the one listing it. */
function assign(app: MergedRecord, districts: District[]): District | undefined {
  const sameFile = districts.filter((d) => d.record?.file === app.file);
  if (sameFile.length === 1) return sameFile[0];
  const system = text(app.values.system);
  if (system) {
    const key = districtKey(system);
    const exact = districts.filter((d) => d.key === key);
    if (exact.length === 1) return exact[0];
    const prefix = districts.filter((d) => key.length >= 2 && (d.key.startsWith(key) || key.startsWith(d.key)));
    if (prefix.length === 1) return prefix[0];
  }
  const name = squashName(text(app.values.studioName));
  const listing = name ? districts.filter((d) => d.byName.has(name)) : [];
  return listing.length === 1 ? listing[0] : undefined;
}

function addNote(notes: Map<MergedRecord, string[]>, r: MergedRecord, note: string) {
  notes.set(r, [...(notes.get(r) ?? []), note]);
}

function duplicateChecks(
  groups: Map<string, { label: string; record: MergedRecord }[]>,
  form: string,
  where: string,
  notes: StudioAnalysis['notes'],
) {
  const checks: StudioCheck[] = [];
  for (const entries of groups.values()) {
    const labels = [...new Set(entries.map((e) => e.label))];
    if (labels.length < 2) continue;
    const studio = text(entries[0]?.record.values.studioName);
    for (const e of entries) addNote(notes, e.record, `与${labels.filter((l) => l !== e.label).join('、')}的工作室同名`);
    checks.push({
      kind: 'duplicate-name',
      severity: 'warning',
      form,
      units: labels,
      studio,
      sources: entries.map((e) => source(e.record)),
      message: `工作室名称${quoted(studio)}同时出现在${labels.join('、')}的${where}中，请核实是否同一工作室重复推荐或名称需区分。`,
    });
  }
  return checks;
}

const count = (rows: MergedRecord[], type: string) => rows.filter((r) => text(r.values.studioType) === type).length;
const numberOr0 = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const numberOrNull = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

const COUNT_FIELDS: [string, string][] = [
  ['craftsmanStudios', '工匠创建数'],
  ['technicianStudios', '技师创建数'],
  ['workerStudios', '职工创建数'],
  ['womenStudios', '巾帼创建数'],
];

function countsTable(districts: District[]): SummaryTable {
  const rows = districts.map((d) => {
    const counts = COUNT_FIELDS.map(([id]) => numberOrNull(d.record?.values[id]));
    return [
      d.label,
      ...counts,
      counts.reduce<number>((n, c) => n + (c ?? 0), 0),
      d.rows.length,
      ...STUDIO_TYPES.map((t) => count(d.rows, t)),
    ] as SummaryValue[];
  });
  const sum = (at: number) => rows.reduce((n, r) => n + numberOr0(r[at]), 0);
  const width = 1 + COUNT_FIELDS.length + 2 + STUDIO_TYPES.length;
  return {
    sheetName: '创新工作室创建数统计',
    title: '创新工作室创建数和推荐数统计（按区局（产业）工会）',
    formId: SUMMARY,
    header: ['区局（产业）工会', ...COUNT_FIELDS.map(([, h]) => h), '创建数合计', '推荐工作室数', ...STUDIO_TYPES.map((t) => `推荐${t}`)],
    rows,
    totals: [`全市合计（${rows.length}）`, ...Array.from({ length: width - 1 }, (_, i) => sum(i + 1))],
    formats: ['text', ...Array<'number'>(width - 1).fill('number')],
    derived: true,
    charts: rows.length
      ? [{ title: '各区局（产业）工会推荐工作室数', kind: 'bar', category: '区局（产业）工会', series: ['推荐工作室数'] }]
      : undefined,
  };
}

function quotaTable(
  quotas: readonly Quota[],
  listed: MergedRecord[] | undefined,
  applications: MergedRecord[] | undefined,
  checks: StudioCheck[],
): SummaryTable {
  const judgedBy = listed ? '汇总表' : '申请表';
  const form = listed ? SUMMARY : APPLICATION;
  const countOf = (rs: MergedRecord[] | undefined, types: readonly string[]) => (rs ? types.reduce((n, t) => n + count(rs, t), 0) : null);
  const rows: SummaryValue[][] = STUDIO_TYPES.map((type) => {
    const shared = quotas.find((q) => q.options.length > 1 && q.options.includes(type));
    const note = shared ? `与${shared.options.filter((t) => t !== type).join('、')}共用 ${shared.quota} 个名额` : null;
    return [type, countOf(listed, [type]), countOf(applications, [type]), null, null, note];
  });
  for (const q of quotas) {
    const n = countOf(listed ?? applications, q.options) ?? 0;
    const over = n > q.quota;
    const verdict = [over ? '是' : '否', `${judgedBy}推荐 ${n} 个，${over ? `超出命名名额 ${n - q.quota} 个` : '未超出命名名额'}`];
    const own = q.options.length === 1 ? rows.find((r) => r[0] === q.options[0]) : undefined;
    if (own) own.splice(3, 3, q.quota, ...verdict);
    else rows.push([q.label, countOf(listed, q.options), countOf(applications, q.options), q.quota, ...verdict]);
    if (over)
      checks.push({
        kind: 'over-quota',
        severity: 'info',
        form,
        units: [],
        studio: null,
        sources: [],
        message: `${q.options.join('、')}共推荐 ${n} 个，多于通知的命名名额 ${q.quota} 个（超出 ${n - q.quota} 个），评审时需择优。`,
      });
  }
  const unknown = (rs: MergedRecord[] | undefined) =>
    rs ? rs.filter((r) => !STUDIO_TYPES.includes(text(r.values.studioType))).length : null;
  if ((unknown(listed) ?? 0) + (unknown(applications) ?? 0) > 0)
    rows.push(['类型未填或不在选项中', unknown(listed), unknown(applications), null, null, '未计入名额对照，请核对工作室类型']);
  return {
    sheetName: '创新工作室名额对照',
    title: `创新工作室推荐数与命名名额对照（通知：${quotas.map((q) => `${q.options.join('、')}共 ${q.quota} 个`).join('；')}）`,
    formId: form,
    header: ['工作室类型', '汇总表推荐数', '申请表数', '命名名额', '是否超出名额', '说明'],
    rows,
    totals: [
      '合计',
      listed ? listed.length : null,
      applications ? applications.length : null,
      quotas.reduce((n, q) => n + q.quota, 0),
      null,
      null,
    ],
    formats: ['text', 'number', 'number', 'number', 'text', 'text'],
    derived: true,
    // each type's recommendations beside its naming quota (a quota shared by two types stands on its own row)
    charts: [
      {
        title: '推荐数与命名名额',
        kind: 'bar',
        category: '工作室类型',
        series: [listed ? '汇总表推荐数' : '申请表数', '命名名额'],
      },
    ],
  };
}

function shareTable(
  share: Share,
  applications: MergedRecord[],
  districtOf: Map<MergedRecord, string>,
  checks: StudioCheck[],
): SummaryTable {
  const pct = `${Math.round(share.min * 1000) / 10}%`;
  const groups = new Map<string, { label: string; units: Map<string, string>; apps: MergedRecord[] }>();
  for (const app of applications) {
    const label = districtOf.get(app) ?? '（未填所属系统）';
    const key = districtKey(label);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { label, units: new Map(), apps: [] }));
    g.apps.push(app);
    const unit = squashName(app.unit) || `${app.file}\u0000${app.sheet}`;
    if (!g.units.has(unit)) g.units.set(unit, text(app.values.unitType));
  }
  const rows: SummaryValue[][] = [];
  let allUnits = 0;
  let allNonPublic = 0;
  for (const g of groups.values()) {
    const types = [...g.units.values()];
    const nonPublic = types.filter((t) => share.options.includes(t)).length;
    const unknown = types.filter((t) => !UNIT_TYPES.includes(t)).length;
    allUnits += types.length;
    allNonPublic += nonPublic;
    const enough = nonPublic >= share.min * types.length;
    const percentShown = percent(nonPublic, types.length);
    const unknownNote = unknown > 0 ? `${unknown} 个单位的单位性质未填或不在选项中，未算作非公企业` : '';
    // The notice asks its share of 区 recommendations only; 局 and 产业 unions are shown but not judged.
    const district = isDistrictUnion(g.label);
    if (district !== true) {
      const why = district === false ? `局（产业）工会推荐，通知的${pct}要求只针对区推荐` : '未填区局（产业）工会，无法判断是否区推荐';
      rows.push([g.label, types.length, nonPublic, percentShown, null, '不适用', [why, unknownNote].filter(Boolean).join('；')]);
      continue;
    }
    rows.push([g.label, types.length, nonPublic, percentShown, share.min * 100, enough ? '是' : '否', unknownNote || null]);
    if (!enough)
      checks.push({
        kind: 'non-public-share',
        severity: 'warning',
        form: APPLICATION,
        units: [g.label],
        studio: null,
        sources: g.apps.map(source),
        message: `${g.label}推荐的 ${types.length} 个单位中非公企业 ${nonPublic} 个，占 ${percentShown}%，低于通知要求的 ${pct}（区推荐单位数非公企业应不少于${pct}）。${unknownNote ? `${unknownNote}。` : ''}`,
      });
  }
  return {
    sheetName: '推荐单位非公企业占比',
    title: `各区局推荐单位中非公企业占比（通知要求区推荐单位中非公企业不少于${pct}，局、产业工会不适用）`,
    formId: APPLICATION,
    header: ['区局（产业）工会', '推荐单位数', '非公企业数', '非公企业占比（%）', '通知要求（%）', `是否达到${pct}`, '说明'],
    rows,
    totals: [`合计（${rows.length}）`, allUnits, allNonPublic, percent(allNonPublic, allUnits), null, null, null],
    formats: ['text', 'number', 'number', 'number', 'number', 'text', 'text'],
    derived: true,
    // the requirement as a second bar beside each district's share (a value in cells, so every viewer draws it)
    charts: rows.length
      ? [
          {
            title: `各区推荐单位中非公企业占比（通知要求不少于${pct}）`,
            kind: 'column',
            category: '区局（产业）工会',
            series: ['非公企业占比（%）', '通知要求（%）'],
          },
        ]
      : undefined,
  };
}

/**
 * The workshop notice's checks across returns: 汇总表 lists against 申请表 (both ways), the same 工作室名称 from two
 * districts, recommendations per type against the naming quotas, and each district's share of 非公企业.
 */
export function studioAnalysis(records: ReadonlyMap<string, FormRecords>, limits: NoticeLimits): StudioAnalysis {
  const summary = records.get(SUMMARY);
  const application = records.get(APPLICATION);
  const notes: StudioAnalysis['notes'] = new Map();
  const districtOf = new Map<MergedRecord, string>();
  const checks: StudioCheck[] = [];
  const tables: SummaryTable[] = [];
  const hasSummaries = summary !== undefined && summary.sheetRecords.length + summary.rowRecords.length > 0;
  const apps = application?.sheetRecords ?? [];
  if (!hasSummaries && apps.length === 0) return { checks, notes, districtOf, tables };

  const districts = hasSummaries ? districtsOf(summary.sheetRecords, summary.rowRecords) : [];
  const assigned = new Map<MergedRecord, District | undefined>(apps.map((a) => [a, assign(a, districts)]));
  for (const app of apps) districtOf.set(app, assigned.get(app)?.label ?? (text(app.values.system) || '（未填所属系统）'));

  const nameGroups = new Map<string, { label: string; record: MergedRecord }[]>();
  const group = (record: MergedRecord, label: string) => {
    const name = squashName(text(record.values.studioName));
    if (name) nameGroups.set(name, [...(nameGroups.get(name) ?? []), { label, record }]);
  };
  if (hasSummaries) for (const d of districts) for (const r of d.rows) group(r, d.label);
  else for (const app of apps) group(app, districtOf.get(app) ?? '');
  checks.push(...duplicateChecks(nameGroups, hasSummaries ? SUMMARY : APPLICATION, hasSummaries ? '推荐申报汇总表' : '申请表', notes));

  if (hasSummaries && apps.length > 0) {
    for (const app of apps) {
      const district = assigned.get(app);
      const name = text(app.values.studioName);
      const key = squashName(name);
      const who = `申报单位${quoted(app.unit || '未填')}`;
      let message: string | undefined;
      if (!key) message = `申请表（${who}）未填工作室名称，无法与推荐申报汇总表核对。`;
      else if (district && !district.byName.has(key)) {
        const elsewhere = districts.filter((d) => d !== district && d.byName.has(key)).map((d) => d.label);
        message = `申请表${quoted(name)}（${who}）不在${district.label}的推荐申报汇总表中${elsewhere.length ? `；该名称列在${elsewhere.join('、')}的汇总表中` : ''}。`;
      } else if (!district) {
        const listing = districts.filter((d) => d.byName.has(key)).map((d) => d.label);
        const system = text(app.values.system);
        message = listing.length
          ? `申请表${quoted(name)}（${who}，所属系统${quoted(system || '未填')}）同名工作室列在${listing.join('、')}的汇总表中，无法确定属于哪个区局（产业）工会。`
          : `申请表${quoted(name)}（${who}，所属系统${quoted(system || '未填')}）没有对应的推荐申报汇总表：合并的汇总表中没有这个区局（产业）工会，也没有列出此工作室。`;
      }
      if (!message) continue;
      addNote(notes, app, !key ? '未填工作室名称' : district ? `不在${district.label}的汇总表中` : '找不到对应的汇总表');
      checks.push({
        kind: 'application-not-listed',
        severity: 'warning',
        form: APPLICATION,
        units: [districtOf.get(app) ?? ''],
        studio: name || null,
        sources: [source(app)],
        message,
      });
    }
    for (const d of districts) {
      for (const row of d.rows) {
        const name = text(row.values.studioName);
        const key = squashName(name);
        if (!key || apps.some((a) => assigned.get(a) === d && squashName(text(a.values.studioName)) === key)) continue;
        const elsewhere = [
          ...new Set(apps.filter((a) => squashName(text(a.values.studioName)) === key).map((a) => districtOf.get(a) ?? '')),
        ];
        addNote(notes, row, '未见申请表');
        checks.push({
          kind: 'listed-without-application',
          severity: 'warning',
          form: SUMMARY,
          units: [d.label],
          studio: name,
          sources: [source(row)],
          message: `${d.label}推荐申报汇总表中的${quoted(name)}（申报单位${quoted(text(row.values.unit) || '未填')}）没有对应的申请表${elsewhere.length ? `；同名申请表属于${elsewhere.join('、')}` : ''}。`,
        });
      }
    }
  }

  if (hasSummaries) tables.push(countsTable(districts));
  tables.push(quotaTable(limits.quotas, hasSummaries ? summary.rowRecords : undefined, apps.length > 0 ? apps : undefined, checks));
  const share = limits.shares.find((s) => s.id === NON_PUBLIC_SHARE_ID);
  if (apps.length > 0 && share) tables.push(shareTable(share, apps, districtOf, checks));
  return { checks, notes, districtOf, tables };
}

/** The workshop notice's checks across its two forms, with the notice's quotas and share as parameters. */
export const studioCrossCheck: CrossFormCheck = {
  id: 'studio-returns',
  run({ records, params }) {
    const studio = studioAnalysis(records, params);
    const notes = (r: MergedRecord) => studio.notes.get(r)?.join('；') ?? null;
    return {
      findings: studio.checks,
      tables: studio.tables,
      columns: [
        { form: SUMMARY, table: 'list', header: '核对', value: notes },
        { form: APPLICATION, table: 'sheet', header: '推荐区局（产业）工会', value: (r) => studio.districtOf.get(r) ?? null },
        { form: APPLICATION, table: 'sheet', header: '核对', value: notes },
      ],
    };
  },
};
