import { planSheet } from '../../src/core/layout';
import type { SheetPlan } from '../../src/core/sheet-plan';
import { FORMS } from '../../src/notices';
import { detectApiSupport } from '../../src/hosts/office/api-support';
import { insertForm } from '../../src/hosts/office/insert-form';
import { OwnWrites } from '../../src/hosts/office/own-writes';
import { writeFormsWorkbook } from '../../src/hosts/xlsx/write-workbook';
import { FakeExcelHost, NEWEST_API } from '../fake-excel/host';
import { conditionalFormatsFromFake, conditionalFormatsFromXlsx, type ConditionalFormatView } from './conditional-format-snapshot';

const MINIMUM_API = '1.7';

async function viaOffice(plan: SheetPlan, apiVersion: string): Promise<ConditionalFormatView[]> {
  const host = new FakeExcelHost({ apiVersion });
  host.state.addSheet('Sheet1');
  const support = detectApiSupport((set, v) => host.isSetSupported(set, v));
  const inserted = await host.run((ctx) => insertForm(ctx, plan, support, new OwnWrites()));
  const sheet = host.state.sheet(inserted.sheetName);
  if (!sheet) throw new Error('no sheet inserted');
  return conditionalFormatsFromFake(sheet);
}

describe.each(FORMS.map((f) => [f.id, f]))(
  '%s: the .xlsx template and the Office.js insert carry the same conditional formats',
  (_id, form) => {
    const plan = planSheet(form);
    let file: ConditionalFormatView[];
    beforeAll(async () => {
      file = conditionalFormatsFromXlsx(await writeFormsWorkbook([plan]));
    });

    it.each([NEWEST_API, MINIMUM_API])('at ExcelApi %s: same ranges, formulas, fills and priority order', async (api) => {
      expect(file).toHaveLength(plan.conditionalFormats.length);
      expect(await viaOffice(plan, api)).toEqual(file);
    });
  },
);
