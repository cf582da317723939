/**
 * Every form of the catalogue drawn by the .xlsx renderer and by the WPS adapter on the fake ET, compared cell by
 * cell (values, fonts, alignment, borders, number formats, locking, merges, validation, widths, heights, marker,
 * print settings, protection, gridlines) and conditional format by conditional format: with every unknown of WPS
 * answered the kind way (all parts drawn) and the worst way (the parts the host refuses left out, the rest equal).
 * The WPS calls of each insert are counted and bounded.
 */
import { planSheet } from '../../src/core/layout';
import type { SheetPlan } from '../../src/core/sheet-plan';
import { insertFormWps } from '../../src/hosts/wps/insert-form';
import { writeFormsWorkbook } from '../../src/hosts/xlsx/write-workbook';
import { FORMS } from '../../src/notices';
import { conditionalFormatsFromXlsx } from '../conformance/conditional-format-snapshot';
import { fromXlsx, type FormSnapshot } from '../conformance/form-snapshot';
import { snapshotXlsx } from '../support/xlsx-snapshot';
import { KIND_CASE, WORST_CASE, type EtBehaviours } from '../fake-wps/behaviours';
import { FakeEt } from '../fake-wps/fake-et';
import { conditionalFormatsFromFakeEt, fromFakeEt } from '../fake-wps/form-snapshot';

function viaWps(plan: SheetPlan, behaviours: EtBehaviours) {
  const et = new FakeEt({ behaviours, sheets: ['Sheet1'] });
  const inserted = insertFormWps(et.app, plan);
  const sheet = et.sheet(inserted.sheetName);
  if (!sheet) throw new Error('no sheet inserted');
  return { et, inserted, sheet, snapshot: fromFakeEt(sheet, plan) };
}

/** The form's lists each given `rows` rows, within what each list allows. */
function withListRows(form: (typeof FORMS)[number], rows: number): SheetPlan {
  const base = planSheet(form);
  const tableRows = Object.fromEntries(base.tables.map((t) => [t.id, Math.min(rows, t.maxRows)]));
  return planSheet(form, { tableRows });
}

/**
 * ET keeps no empty text in a cell (writing "" through Value2 empties it, as typing nothing does): the file's
 * empty-string labels are compared as empty cells.
 */
function emptyTextAsEmpty(snapshot: FormSnapshot): FormSnapshot {
  const areas = Object.fromEntries(Object.entries(snapshot.areas).map(([k, a]) => [k, a.value === '' ? { ...a, value: null } : a]));
  return { ...snapshot, areas };
}

describe.each(FORMS.map((f) => [f.id, f]))('%s: the .xlsx renderer and the WPS adapter draw the same form', (_id, form) => {
  const plan = planSheet(form);
  let fileBytes: Uint8Array;
  beforeAll(async () => {
    fileBytes = await writeFormsWorkbook([plan]);
  });
  const file = () => {
    const sheet = snapshotXlsx(fileBytes).sheets[0];
    if (!sheet) throw new Error('no sheet written');
    return emptyTextAsEmpty(fromXlsx(sheet, plan));
  };

  it('where WPS does all a VBA host does: every cell, merge, validation, conditional format, print setting, the marker', () => {
    const { snapshot, sheet, inserted } = viaWps(plan, KIND_CASE);
    expect(snapshot).toEqual(file());
    expect(Object.keys(snapshot.validations)).toHaveLength(plan.validations.length);
    const formats = conditionalFormatsFromFakeEt(sheet);
    expect(formats.map(({ range, formula, fill }) => ({ range, formula, fill }))).toEqual(conditionalFormatsFromXlsx(fileBytes));
    expect(formats).toHaveLength(plan.conditionalFormats.length);
    // Each formula's relative references read from its range's top-left cell, as in the file.
    for (const f of formats) expect(f.anchor).toBe(f.range.split(':')[0]);
    expect(inserted.skipped).toEqual([]);
    expect(inserted.refusedConditions).toBe(0);
  });

  it('where WPS refuses what no source says it does: the same cells, merges, validation and marker cell; the rest left out and said', () => {
    const { snapshot, sheet, inserted } = viaWps(plan, WORST_CASE);
    const expected = file();
    expect(snapshot.areas).toEqual(expected.areas);
    expect(snapshot.merges).toEqual(expected.merges);
    expect(snapshot.validations).toEqual(expected.validations);
    expect(snapshot.columnWidths).toEqual(expected.columnWidths);
    expect(snapshot.rowHeights).toEqual(expected.rowHeights);
    expect(snapshot.marker.cell).toEqual(expected.marker.cell);
    expect(snapshot.marker.columnHidden).toBe(expected.marker.columnHidden);
    expect(snapshot.protection).toEqual(expected.protection);
    expect(snapshot.gridlines).toBe(expected.gridlines);
    expect(snapshot.marker.name).toBeUndefined();
    expect(snapshot.print).toBeNull();
    expect(sheet.conditions).toEqual([]);
    expect([...inserted.skipped].sort()).toEqual(['conditionalFormats', 'markerName', 'pageSetup']);
    expect(inserted.refusedConditions).toBe(plan.conditionalFormats.length);
  });

  it('where a host makes a sheet name a workbook name, the marker name is removed again (no clash between forms)', () => {
    const et = new FakeEt({ behaviours: { ...KIND_CASE, sheetScopedNames: 'workbook' } });
    const first = insertFormWps(et.app, plan);
    const second = insertFormWps(et.app, plan);
    expect(first.skipped).toContain('markerName');
    expect(second.sheetName).not.toBe(first.sheetName);
    expect(et.workbook.names.size).toBe(0);
  });

  it('writes all values in one Value2 write', () => {
    for (const behaviours of [KIND_CASE, WORST_CASE]) {
      const { et } = viaWps(plan, behaviours);
      expect(et.counter.byMember.get('Range.Value2=')).toBe(1);
    }
  });
});

/** The forms with a list that grows: festival-project and festival-stats have none. */
const LIST_FORMS = FORMS.filter((f) => planSheet(f).tables.length > 0);

describe.each(LIST_FORMS.map((f) => [f.id, f]))('%s: a longer list costs the WPS adapter no call per cell', (_id, form) => {
  it('under 2 calls per added list cell (a cell-by-cell drawing makes 2 for the value of each)', () => {
    const short = withListRows(form, 5);
    const long = withListRows(form, 40);
    const addedCells = long.cells.length - short.cells.length;
    expect(addedCells).toBeGreaterThan(0);
    const addedCalls = viaWps(long, KIND_CASE).et.calls - viaWps(short, KIND_CASE).et.calls;
    expect(addedCalls).toBeLessThan(2 * addedCells);
  });
});
