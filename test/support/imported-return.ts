import ExcelJS from 'exceljs';
import { cellAddress } from '../../src/core/a1';
import type { CellValue } from '../../src/core/cell-value';
import type { FormDefinition } from '../../src/core/form-schema';
import { planSheet } from '../../src/core/layout';
import { DEFINITION_SHEET, embedDefinitions } from '../../src/hosts/xlsx/definition-sheet';
import { writeFormsWorkbook } from '../../src/hosts/xlsx/write-workbook';
import { CATALOGUE } from '../../src/notices';

export const IMPORTED_NOTICE = { title: '关于开展职工读书活动的通知', docNo: '杨工〔2026〕13号' };

/** A form no one wrote code for: a built-in form given a new id, name and sheet name (valid, unknown to the catalogue). */
export const importedForm = (id = 'notice-2026-13-1'): FormDefinition => ({
  ...CATALOGUE.getForm('yangpu-theme-activity'),
  id,
  name: '职工读书活动登记表',
  sheetName: '读书活动登记表',
});

/**
 * A district's return of an imported form: the template as `import` writes it (the form's sheet plus its definition
 * in the very hidden sheet), filled in and saved by ExcelJS as a clerk's Excel would. `tamper` changes the
 * definition's text as someone editing it by hand would, before the return is saved.
 */
export async function importedReturn(
  form: FormDefinition,
  values: Record<string, CellValue>,
  tamper?: (envelope: string) => string,
): Promise<Uint8Array> {
  const plan = planSheet(form);
  const template = embedDefinitions(await writeFormsWorkbook([plan]), [{ form, notice: IMPORTED_NOTICE }]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template.slice().buffer as ArrayBuffer);
  const ws = workbook.getWorksheet(plan.sheetName) ?? (workbook.worksheets[0] as ExcelJS.Worksheet);
  for (const [key, value] of Object.entries(values)) {
    const slot = plan.slots.find((s) => s.key === key);
    if (!slot) throw new Error(`no field ${key}`);
    ws.getCell(cellAddress(slot.row, slot.col)).value = value as ExcelJS.CellValue;
  }
  if (tamper) {
    const cell = workbook.getWorksheet(DEFINITION_SHEET)?.getCell('A1');
    if (!cell || typeof cell.value !== 'string') throw new Error('the template carries no definition in A1');
    cell.value = tamper(cell.value);
  }
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
