import ExcelJS from 'exceljs';
import { uniqueSheetName } from '../../core/sheet-names';
import type { SheetPlan } from '../../core/sheet-plan';
import { drawSheet, protectSheet } from './draw-sheet';
import { addSheetScopedNames, type SheetScopedName } from './sheet-scoped-names';
import { WORKBOOK_CREATOR } from './workbook-creator';

/** A new .xlsx package holding one sheet per plan, each protected and carrying its marker. */
export async function writeFormsWorkbook(plans: readonly SheetPlan[]): Promise<Uint8Array> {
  if (plans.length === 0) throw new Error('writeFormsWorkbook: no forms to write');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = WORKBOOK_CREATOR;
  workbook.title = plans.map((p) => p.title).join('、');
  const used: string[] = [];
  const names: SheetScopedName[] = [];
  for (const [sheetIndex, plan] of plans.entries()) {
    const sheetName = uniqueSheetName(plan.sheetName, used);
    used.push(sheetName);
    const ws = workbook.addWorksheet(sheetName, { properties: { defaultRowHeight: 18 } });
    drawSheet(ws, plan);
    await protectSheet(ws, plan);
    names.push({ sheetIndex, name: plan.marker.name, text: plan.marker.text });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return addSheetScopedNames(new Uint8Array(buffer as ArrayBuffer), names);
}
