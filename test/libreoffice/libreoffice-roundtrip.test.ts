import * as XLSX from '@e965/xlsx';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cellAddress } from '../../src/core/a1';
import { MARKER_NAME, parseMarker } from '../../src/core/marker';
import type { SheetPlan } from '../../src/core/sheet-plan';
import { CATALOGUE, FORM_IDS } from '../../src/notices';
import { libreOfficeConvert, libreOfficeCopySheet, requireTool } from '../support/libreoffice';
import { rendered } from '../support/render';
import { normalizeText } from '../support/text';
import { snapshotXlsx, validationsByCell } from '../support/xlsx-snapshot';

jest.setTimeout(240_000);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'uf-lo-'));
const plans = new Map<string, SheetPlan>();
const sources: string[] = [];

beforeAll(async () => {
  for (const id of FORM_IDS) {
    const { plan, data } = await rendered(id);
    plans.set(id, plan);
    const file = path.join(work, `${id}.xlsx`);
    fs.writeFileSync(file, data);
    sources.push(file);
  }
  for (const dir of ['pdf', 'xlsx', 'xls', 'copied']) fs.mkdirSync(path.join(work, dir));
  libreOfficeConvert(sources, 'pdf', path.join(work, 'pdf'));
  libreOfficeConvert(sources, 'xlsx', path.join(work, 'xlsx'));
  libreOfficeConvert(sources, 'xls', path.join(work, 'xls'));
  libreOfficeCopySheet(sources, path.join(work, 'copied'));
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** The marker as a reader finds it: in the sheet-scoped name, and in the cell just right of the form. */
function markersIn(file: string, sheetIndex: number, plan: SheetPlan) {
  const wb = XLSX.readFile(file);
  const sheetName = wb.SheetNames[sheetIndex] as string;
  const name = (wb.Workbook?.Names ?? []).find((n) => n.Name === MARKER_NAME && n.Sheet === sheetIndex);
  const cell = wb.Sheets[sheetName]?.[cellAddress(plan.marker.row, plan.marker.col)] as XLSX.CellObject | undefined;
  return { fromName: parseMarker(name?.Ref), fromCell: parseMarker(cell?.v) };
}

describe.each(FORM_IDS.map((id) => [id]))('%s in LibreOffice', (id) => {
  it('converts to a PDF that shows the form', () => {
    requireTool('pdftotext');
    const pdf = path.join(work, 'pdf', `${id}.pdf`);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const text = normalizeText(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
    expect(text).toContain(normalizeText(plans.get(id)?.title ?? '?'));
  });

  it('re-saved as .xlsx keeps the marker, the protection and the dropdowns', () => {
    const plan = plans.get(id) as SheetPlan;
    const file = path.join(work, 'xlsx', `${id}.xlsx`);
    const { fromName, fromCell } = markersIn(file, 0, plan);
    expect(fromCell).toMatchObject({ formId: id, version: 1 });
    expect(fromName).toMatchObject({ formId: id, version: 1 });
    const sheet = snapshotXlsx(fs.readFileSync(file)).sheets[0];
    expect(sheet?.protected).toBe(true);
    const byCell = validationsByCell(sheet as NonNullable<typeof sheet>);
    for (const v of plan.validations.filter((x) => x.validation.rule?.kind === 'list')) {
      expect(byCell.get(cellAddress(v.row, v.col))?.type).toBe('list');
    }
  });

  it('re-saved as .xls (Excel 97–2003) keeps the marker', () => {
    const { fromName, fromCell } = markersIn(path.join(work, 'xls', `${id}.xls`), 0, plans.get(id) as SheetPlan);
    expect(fromCell).toMatchObject({ formId: id, version: 1 });
    expect(fromName).toMatchObject({ formId: id, version: 1 });
  });

  it('copied into another workbook keeps the marker with the sheet', () => {
    const file = path.join(work, 'copied', `${id}.xlsx`);
    expect(XLSX.readFile(file).SheetNames).toHaveLength(2);
    const { fromName, fromCell } = markersIn(file, 1, plans.get(id) as SheetPlan);
    expect(fromCell).toMatchObject({ formId: id, version: 1 });
    expect(fromName).toMatchObject({ formId: id, version: 1 });
  });
});

describe('a filled-in return re-saved by LibreOffice', () => {
  it('is checked the same from .xlsx and from .xls', async () => {
    const { filledFile } = await import('../support/filled-file');
    const { goodApplication } = await import('../support/filled-form');
    const { readWorkbookFile } = await import('../../src/hosts/xlsx/read-workbook');
    const { checkSheet } = await import('../../src/core/check-sheets');
    const source = path.join(work, 'filled-application.xlsx');
    fs.writeFileSync(
      source,
      await filledFile('studio-application', { ...goodApplication(), leaderPhone: '5588', leaderAge: '45岁', postcode: null }),
    );
    const dir = path.join(work, 'filled');
    fs.mkdirSync(dir);
    const [xlsx] = libreOfficeConvert([source], 'xlsx', dir);
    const [xls] = libreOfficeConvert([source], 'xls', dir);
    const verdict = (file: string) => {
      const sheet = readWorkbookFile(fs.readFileSync(file))[0];
      if (!sheet) throw new Error('no sheet');
      const v = checkSheet(sheet, '2026-11-21', CATALOGUE);
      return { form: v.form, problems: v.problems.map((p) => `${p.cell} ${p.severity} ${p.field}`) };
    };
    const expected = { form: 'studio-application', problems: ['E8 error postcode', 'F12 error leaderPhone'] };
    expect(verdict(source)).toEqual(expected);
    expect(verdict(xlsx as string)).toEqual(expected);
    expect(verdict(xls as string)).toEqual(expected);
  });
});

describe('returns re-saved by LibreOffice', () => {
  it('merge to the same summaries from .xlsx, from LibreOffice .xlsx and from LibreOffice .xls', async () => {
    const { filledFile } = await import('../support/filled-file');
    const { readWorkbookFile } = await import('../../src/hosts/xlsx/read-workbook');
    const { mergeReturns } = await import('../../src/core/merge/merge-returns');
    const { summaryTables } = await import('../../src/core/merge/summaries');
    const dir = path.join(work, 'merge');
    fs.mkdirSync(dir);
    const units = ['殷行街道总工会', '五角场街道总工会', '新江湾城街道总工会'];
    const sources = await Promise.all(
      units.map(async (unit, i) => {
        const file = path.join(dir, `${i}.xlsx`);
        const values: Record<string, string | number> = { unit, contact: '张琳', contactPhone: '25032216', fillDate: '2018-6-10' };
        for (let r = 0; r <= i; r++) {
          Object.assign(values, {
            [`activities[${r}].seq`]: r + 1,
            [`activities[${r}].name`]: `${unit}活动${r + 1}`,
            [`activities[${r}].form`]: '宣讲',
            [`activities[${r}].schedule`]: '6月',
            [`activities[${r}].content`]: '劳模事迹宣讲',
            [`activities[${r}].participants`]: 10 * (r + 1) + i,
          });
        }
        fs.writeFileSync(file, await filledFile('yangpu-theme-activity', values));
        return file;
      }),
    );
    const asXlsx = libreOfficeConvert(sources, 'xlsx', fs.mkdtempSync(path.join(dir, 'x-')));
    const asXls = libreOfficeConvert(sources, 'xls', fs.mkdtempSync(path.join(dir, 'b-')));
    const summaryOf = (files: string[]) => {
      const returns = files.map((f, i) => ({ file: path.basename(f), modified: i, sheets: readWorkbookFile(fs.readFileSync(f)) }));
      return summaryTables(mergeReturns(returns, { catalogue: CATALOGUE, today: '2026-11-21' }), CATALOGUE).map((t) => ({
        header: t.header,
        rows: t.rows.map((r) => r.slice(0, -3)),
        totals: t.totals,
      }));
    };
    const expected = summaryOf(sources);
    expect(expected[0]?.rows).toHaveLength(6);
    expect(expected[0]?.totals?.[6]).toBe(10 + 11 + 21 + 12 + 22 + 32);
    expect(summaryOf(asXlsx)).toEqual(expected);
    expect(summaryOf(asXls)).toEqual(expected);
  });
});
