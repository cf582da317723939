/**
 * Returns as units would send them, from the project's own templates, written by the three libraries the corpus
 * uses (ExcelJS, SheetJS, raw XML zipped with fflate) — never only by the reader's own library. Each value set
 * says how many records it holds, counted here from what was put in, not by the merge.
 */
import * as XLSX from '@e965/xlsx';
import type { CellValue } from '../../src/core/cell-value';
import { planSheet, type PlanOptions } from '../../src/core/layout';
import type { SheetPlan } from '../../src/core/sheet-plan';
import { getForm } from '../../src/notices';
import { filledGrid, goodApplication } from '../support/filled-form';
import { rawWorkbook, type RawName, type RawSheet, type RawValue, type RawWorkbookOptions } from './raw-workbook';

export interface Filled {
  formId: string;
  values: Record<string, CellValue>;
  /** Records this return holds: one for the sheet where the form's merge takes one, plus its filled list rows. */
  records: number;
  options?: PlanOptions;
}

export interface Activity {
  name: CellValue;
  form: CellValue;
  schedule: CellValue;
  content: CellValue;
  participants: CellValue;
}

/** 主题活动申报表 (a list form: one record per activity). */
export function theme(unit: CellValue, activities: Partial<Activity>[], extra: Record<string, CellValue> = {}): Filled {
  const values: Record<string, CellValue> = { unit, contact: '张琳', contactPhone: '25032216', fillDate: '2018-6-10', ...extra };
  activities.forEach((a, i) => {
    values[`activities[${i}].seq`] = i + 1;
    values[`activities[${i}].name`] = 'name' in a ? a.name : `活动${i + 1}`;
    values[`activities[${i}].form`] = 'form' in a ? a.form : '宣讲';
    values[`activities[${i}].schedule`] = 'schedule' in a ? a.schedule : '6月';
    values[`activities[${i}].content`] = 'content' in a ? a.content : '邀请劳模先进讲述成长经历。';
    values[`activities[${i}].participants`] = 'participants' in a ? a.participants : 30 + i;
  });
  return { formId: 'yangpu-theme-activity', values, records: activities.length };
}

export interface Team {
  name: CellValue;
  leader: CellValue;
  size: CellValue;
  formedOn: CellValue;
  service: CellValue;
  results: CellValue;
}

/** 志愿者服务队登记表 (a list form). */
export function teams(unit: CellValue, list: Partial<Team>[]): Filled {
  const values: Record<string, CellValue> = { unit, contact: '王芳', contactPhone: '13812345678', fillDate: '2018-6-12' };
  list.forEach((t, i) => {
    values[`teams[${i}].seq`] = i + 1;
    values[`teams[${i}].name`] = t.name ?? `${String(unit)}服务队${i + 1}`;
    values[`teams[${i}].leader`] = t.leader ?? '李强 主席';
    values[`teams[${i}].size`] = t.size ?? 12 + i;
    values[`teams[${i}].formedOn`] = t.formedOn ?? `201${i}-3-1`;
    values[`teams[${i}].service`] = t.service ?? '为社区老人提供义务维修服务。';
    values[`teams[${i}].results`] = t.results ?? '累计服务居民两千余人次。';
  });
  return { formId: 'yangpu-volunteer-team', values, records: list.length };
}

/** 创新工作室推荐汇总表: one record for the union, one per studio. */
export function studioSummary(unionName: string, studios: number): Filled {
  const values: Record<string, CellValue> = {
    unionName,
    applicant: '陈敏',
    applicantPhone: '021-63214567',
    hasCampaign: '有',
    craftsmanStudios: 1,
    technicianStudios: 3,
    workerStudios: 5,
    womenStudios: 2,
    opinion: '经审核，同意推荐。',
  };
  const types = ['工匠工作室', '技师工作室', '职工工作室'];
  for (let i = 0; i < studios; i++) {
    const type = types[i % types.length] as string;
    Object.assign(values, {
      [`studios[${i}].seq`]: i + 1,
      [`studios[${i}].studioType`]: type,
      [`studios[${i}].studioName`]: `工作室${i + 1}号${type}`,
      [`studios[${i}].unit`]: `上海第${i + 1}机械有限公司`,
      [`studios[${i}].leader`]: `领衔人${i + 1}`,
    });
  }
  return { formId: 'studio-summary', values, records: 1 + studios };
}

/** 活动项目申报表: one record. */
export function project(unit: string): Filled {
  return {
    formId: 'festival-project',
    values: {
      unit,
      fillDate: '2017-5-8',
      projectName: '职工创新成果展',
      host: unit,
      organizer: '区职工技协',
      time: '2017-5-25',
      place: '区职工活动中心',
      audience: '辖区企业职工',
      participants: 300,
      contactName: '刘洋',
      contactPhone: '13912345678',
      summary: '围绕岗位创新，组织职工开展创新成果展示、技术交流和科普讲座，推广先进操作法。',
    },
    records: 1,
  };
}

/** 工作室申请表: the application, and each member of the team listed in it. */
export function application(values: Record<string, CellValue> = goodApplication()): Filled {
  const members = Object.keys(values).filter((k) => /^members\[\d+\]\.name$/.test(k) && String(values[k] ?? '').trim() !== '').length;
  return { formId: 'studio-application', values, records: 1 + members };
}

export function planOf(filled: Pick<Filled, 'formId' | 'options'>): SheetPlan {
  return planSheet(getForm(filled.formId), filled.options ?? {});
}

/** The sheet's cells (labels, values and the marker cell) as a grid from A1. */
export function gridOf(filled: Filled): CellValue[][] {
  return filledGrid(filled.formId, filled.values, filled.options ?? {});
}

/** A form sheet as raw XML: every cell as filled, the marker in its cell and as the sheet's defined name. */
export function rawFormSheet(
  name: string,
  filled: Filled,
  overrides: { marker?: string; cells?: Record<string, RawValue> } = {},
): RawSheet {
  const plan = planOf(filled);
  const rows: RawValue[][] = gridOf(filled).map((row) => [...row]);
  const marker = overrides.marker ?? plan.marker.text;
  (rows[plan.marker.row] as RawValue[])[plan.marker.col] = marker;
  for (const [key, value] of Object.entries(overrides.cells ?? {})) {
    const slot = plan.slots.find((s) => s.key === key);
    if (!slot) throw new Error(`no field ${key} in ${filled.formId}`);
    const row = (rows[slot.row] ??= []);
    row[slot.col] = value;
  }
  const names: RawName[] = [{ name: plan.marker.name, value: `"${marker.replace(/"/g, '""')}"` }];
  return { name, rows, names };
}

export function rawReturn(sheets: RawSheet[], options: RawWorkbookOptions = {}): Uint8Array {
  return rawWorkbook(sheets, options);
}

export interface SheetJsSheet {
  name: string;
  grid: readonly (readonly CellValue[])[];
  /** The marker as the sheet's defined name too (SheetJS writes sheet-scoped names to .xlsx). */
  marker?: string;
}

/** A workbook written by SheetJS (.xlsx, or .xls as BIFF8). */
export function sheetJsWorkbook(sheets: SheetJsSheet[], bookType: 'xlsx' | 'xls' = 'xlsx'): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(s.grid as unknown[][]), s.name);
  const names = sheets.flatMap((s, i) => (s.marker ? [{ Name: 'UnionForms_Form', Ref: `"${s.marker}"`, Sheet: i }] : []));
  if (names.length && bookType === 'xlsx') wb.Workbook = { ...(wb.Workbook ?? {}), Names: names };
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType, compression: true }) as ArrayBuffer);
}

/** A filled form sheet for sheetJsWorkbook. */
export function sheetJsForm(name: string, filled: Filled): SheetJsSheet {
  return { name, grid: gridOf(filled), marker: planOf(filled).marker.text };
}
