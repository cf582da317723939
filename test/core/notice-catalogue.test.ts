import type { CellValue } from '../../src/core/cell-value';
import { parseFormDefinition, type FormDefinition } from '../../src/core/form-schema';
import { planSheet } from '../../src/core/layout';
import { recogniseSheet } from '../../src/core/merge/recognise';
import { makeCatalogue } from '../../src/core/notice-catalogue';
import { CATALOGUE, FORM_IDS, getForm } from '../../src/notices';
import { yangpu2018 } from '../../src/notices/yangpu-2018';
import { cloneForm } from '../support/forms';

/** A sheet drawn from a form version: its labels and, when asked, its marker. */
function sheetOf(form: FormDefinition, withMarker: boolean) {
  const plan = planSheet(form);
  const grid: CellValue[][] = Array.from({ length: plan.area.bottom + 1 }, () => Array<CellValue>(plan.area.right + 2).fill(null));
  for (const cell of plan.cells) (grid[cell.row] as CellValue[])[cell.col] = cell.value;
  if (withMarker) (grid[plan.marker.row] as CellValue[])[plan.marker.col] = plan.marker.text;
  return { name: 'Sheet1', grid, nameValues: [] };
}

/** Next year's 主题活动申报表: version 2, its list columns renamed. */
function nextVersion(form: FormDefinition): FormDefinition {
  const text = JSON.stringify(cloneForm(form))
    .replace(/"version":1/, '"version":2')
    .replace(/活动名称/g, '项目名称')
    .replace(/活动形式/g, '项目形式')
    .replace(/时间安排/g, '实施时间')
    .replace(/参与人数/g, '覆盖人数');
  return parseFormDefinition(JSON.parse(text));
}

describe('the catalogue of notices', () => {
  it('lists the three notices, each with its 文号, title, issuing body and its own forms', () => {
    expect(CATALOGUE.notices.map((n) => [n.id, n.docNo, n.issuer])).toEqual([
      ['festival-2017', '沪工总基〔2017〕153号', expect.stringContaining('上海市总工会')],
      ['studio-2020', '沪工技中〔2020〕7号', '上海市职工技协服务中心'],
      ['yangpu-2018', '杨工〔2018〕14号', '上海市杨浦区总工会'],
    ]);
    for (const notice of CATALOGUE.notices)
      for (const form of notice.forms) {
        expect([form.id, form.notice.docNo, form.notice.title]).toEqual([form.id, notice.docNo, notice.title]);
        expect(CATALOGUE.noticeOf(form.id)).toBe(notice);
        expect(form.params.find((p) => p.id === 'deadline')?.default).toBe(notice.deadlines[form.id]);
      }
    expect(CATALOGUE.forms.map((f) => f.id)).toEqual(FORM_IDS);
  });

  it('keeps the notices’ numbers as data: the workshop quotas and share, the 科技节 year of each 届次', () => {
    const studio = CATALOGUE.noticeOf('studio-application');
    expect(studio?.quotas.map((q) => q.quota)).toEqual([25, 100]);
    expect(studio?.shares.map((s) => s.min)).toEqual([0.5]);
    expect(studio?.crossFormChecks.map((c) => c.id)).toEqual(['studio-returns']);
    expect(CATALOGUE.noticeOf('festival-project')?.yearFromEdition).toEqual({ base: 2010 });
  });

  it('finds a form by id and version: that version, else the newest older one, else the oldest; the newest without one', () => {
    const v1 = getForm('yangpu-theme-activity');
    const v2 = nextVersion(v1);
    const catalogue = makeCatalogue([{ ...yangpu2018, forms: [...yangpu2018.forms, v2] }]);
    expect(catalogue.findForm('yangpu-theme-activity')).toBe(v2);
    expect(catalogue.findForm('yangpu-theme-activity', 1)).toBe(v1);
    expect(catalogue.findForm('yangpu-theme-activity', 2)).toBe(v2);
    expect(catalogue.findForm('yangpu-theme-activity', 9)).toBe(v2);
    expect(catalogue.forms.map((f) => [f.id, f.version])).toEqual([
      ['yangpu-theme-activity', 2],
      ['yangpu-volunteer-team', 1],
    ]);
    expect(catalogue.findForm('studio-application')).toBeUndefined();
    expect(() => catalogue.getForm('studio-application')).toThrow(/没有编号为“studio-application”的表格/);
    expect(() => makeCatalogue([yangpu2018, yangpu2018])).toThrow(/listed twice/);
  });

  it('reads a return against the version in its marker, and a retyped one against the version its labels match best', () => {
    const v1 = getForm('yangpu-theme-activity');
    const v2 = nextVersion(v1);
    const catalogue = makeCatalogue([{ ...yangpu2018, forms: [...yangpu2018.forms, v2] }]);
    const formOf = (sheet: ReturnType<typeof sheetOf>) => {
      const found = recogniseSheet(sheet, catalogue);
      if (!found.ok) throw new Error(found.reason);
      return [found.recognition.form.version, found.recognition.method];
    };
    expect(formOf(sheetOf(v1, true))).toEqual([1, 'marker']);
    expect(formOf(sheetOf(v2, true))).toEqual([2, 'marker']);
    expect(formOf(sheetOf(v1, false))).toEqual([1, 'labels']);
    expect(formOf(sheetOf(v2, false))).toEqual([2, 'labels']);
  });

  it('recognises only the forms of the catalogue it is handed', () => {
    const sheet = sheetOf(getForm('studio-summary'), true);
    expect(recogniseSheet(sheet, CATALOGUE).ok).toBe(true);
    expect(recogniseSheet(sheet, makeCatalogue([yangpu2018]))).toEqual({
      ok: false,
      reason: '未知的表格“studio-summary”，请升级工会表格助手。',
    });
  });
});
