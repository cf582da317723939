import ExcelJS from 'exceljs';
import { FORM_IDS } from '../../src/notices';
import { rendered } from '../support/render';
import { snapshotXlsx, validationsByCell } from '../support/xlsx-snapshot';

/** Cells named by a sqref ("A5:A14 B3"), one by one. */
function cellsOf(sqref: string): string[] {
  return sqref.split(/\s+/).flatMap((ref) => [...validationsByCell({ validations: [{ sqref: ref }] } as never).keys()]);
}

describe.each(FORM_IDS.map((id) => [id]))('%s written as .xlsx', (id) => {
  it('puts no cell under two data-validation rules', async () => {
    const { plan, data } = await rendered(id);
    const sheet = snapshotXlsx(Buffer.from(data)).sheets[0] as NonNullable<ReturnType<typeof snapshotXlsx>['sheets'][0]>;
    const seen = new Map<string, number>();
    for (const v of sheet.validations) for (const cell of cellsOf(v.sqref)) seen.set(cell, (seen.get(cell) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1)).toEqual([]);
    expect(seen.size).toBe(plan.validations.length);
  });

  it('carries the conditional formatting of the plan, formulas without "=" and the highlight fill', async () => {
    const { plan, data } = await rendered(id);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(data) as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet & { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] };
    const written = ws.conditionalFormattings.flatMap((cf) =>
      cf.rules.map((r) => {
        const fill = (r.style?.fill as ExcelJS.FillPattern | undefined)?.bgColor?.argb;
        return { range: cf.ref, formula: (r as ExcelJS.ExpressionRuleType).formulae?.[0] as string, fill };
      }),
    );
    expect(written).toEqual(
      plan.conditionalFormats.map((r) => ({ range: r.range, formula: r.formula, fill: `FF${r.fill.slice(1).toUpperCase()}` })),
    );
  });
});
