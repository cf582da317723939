import ExcelJS from 'exceljs';
import type { CellValue } from '../../src/core/cell-value';
import { cellAddress } from '../../src/core/a1';
import { planSheet, type PlanOptions } from '../../src/core/layout';
import { getForm } from '../../src/notices';
import { writeFormsWorkbook } from '../../src/hosts/xlsx/write-workbook';

/** A returned file: the template as the add-in writes it, filled in with ExcelJS as a clerk's Excel would save it. */
export async function filledFile(
  formId: string,
  values: Record<string, CellValue>,
  options: PlanOptions = {},
  extraSheet?: string,
): Promise<Uint8Array> {
  const plan = planSheet(getForm(formId), options);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await writeFormsWorkbook([plan])) as unknown as ArrayBuffer);
  const ws = workbook.worksheets[0] as ExcelJS.Worksheet;
  for (const [key, value] of Object.entries(values)) {
    const slot = plan.slots.find((s) => s.key === key);
    if (!slot) throw new Error(`no field ${key}`);
    ws.getCell(cellAddress(slot.row, slot.col)).value = value === undefined ? null : (value as ExcelJS.CellValue);
  }
  if (extraSheet) workbook.addWorksheet(extraSheet).getCell('A1').value = '备注';
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
