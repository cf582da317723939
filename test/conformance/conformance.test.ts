import { planSheet } from '../../src/core/layout';
import type { SheetPlan } from '../../src/core/sheet-plan';
import { FORMS } from '../../src/notices';
import { detectApiSupport } from '../../src/hosts/office/api-support';
import { insertForm } from '../../src/hosts/office/insert-form';
import { OwnWrites } from '../../src/hosts/office/own-writes';
import { writeFormsWorkbook } from '../../src/hosts/xlsx/write-workbook';
import { FakeExcelHost, NEWEST_API } from '../fake-excel/host';
import { snapshotXlsx } from '../support/xlsx-snapshot';
import { fromFake, fromXlsx, type FormSnapshot } from './form-snapshot';

const MINIMUM_API = '1.7';

async function viaFile(plan: SheetPlan): Promise<FormSnapshot> {
  const sheet = snapshotXlsx(await writeFormsWorkbook([plan])).sheets[0];
  if (!sheet) throw new Error('no sheet written');
  return fromXlsx(sheet, plan);
}

async function viaOffice(plan: SheetPlan, apiVersion: string): Promise<{ snapshot: FormSnapshot; syncs: number; host: FakeExcelHost }> {
  const host = new FakeExcelHost({ apiVersion });
  host.state.addSheet('Sheet1');
  const support = detectApiSupport((set, v) => host.isSetSupported(set, v));
  const inserted = await host.run((ctx) => insertForm(ctx, plan, support, new OwnWrites()));
  const sheet = host.state.sheet(inserted.sheetName);
  if (!sheet) throw new Error('no sheet inserted');
  return { snapshot: fromFake(sheet, plan), syncs: host.syncCount, host };
}

describe.each(FORMS.map((f) => [f.id, f]))('%s: the .xlsx renderer and the Office.js adapter draw the same form', (_id, form) => {
  const plan = planSheet(form);

  it(`at the newest requirement set (ExcelApi ${NEWEST_API}): cells, merges, formats, validation, print, protection, marker`, async () => {
    const file = await viaFile(plan);
    const { snapshot, syncs } = await viaOffice(plan, NEWEST_API);
    expect(snapshot).toEqual(file);
    expect(Object.keys(snapshot.validations)).toHaveLength(plan.validations.length);
    expect(syncs).toBeLessThanOrEqual(2);
  });

  it(`at the manifest's minimum (ExcelApi ${MINIMUM_API}): the same cells, merges, formats and marker; no validation or page layout`, async () => {
    const file = await viaFile(plan);
    const { snapshot, syncs } = await viaOffice(plan, MINIMUM_API);
    expect(snapshot.areas).toEqual(file.areas);
    expect(snapshot.merges).toEqual(file.merges);
    expect(snapshot.columnWidths).toEqual(file.columnWidths);
    expect(snapshot.rowHeights).toEqual(file.rowHeights);
    expect(snapshot.marker).toEqual(file.marker);
    expect(snapshot.protection).toEqual(file.protection);
    expect(snapshot.validations).toEqual({});
    expect(snapshot.print).toBeNull();
    expect(syncs).toBeLessThanOrEqual(2);
  });
});
