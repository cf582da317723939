import ExcelJS from 'exceljs';
import type { SummaryTable } from '../../core/merge/summaries';
import { uniqueSheetName } from '../../core/sheet-names';
import { BOX, CJK_CHARSET } from './cell-style';
import { WORKBOOK_CREATOR } from './write-workbook';

const FONT = { name: '宋体', size: 11, charset: CJK_CHARSET };

/** Summary sheets and the report as a new .xlsx. Every value is written as a value: text never becomes a formula. */
export async function writeSummaryWorkbook(tables: readonly SummaryTable[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = WORKBOOK_CREATOR;
  const used: string[] = [];
  for (const table of tables) {
    const name = uniqueSheetName(table.sheetName, used);
    used.push(name);
    const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
    ws.getCell(1, 1).value = table.title;
    ws.getCell(1, 1).font = { ...FONT, size: 14, bold: true };
    const rows = [table.header, ...table.rows, ...(table.totals ? [table.totals] : [])];
    rows.forEach((values, i) => {
      values.forEach((value, j) => {
        const cell = ws.getCell(i + 2, j + 1);
        cell.value = value;
        cell.border = BOX;
        cell.font = { ...FONT, bold: i === 0 || (table.totals !== undefined && i === rows.length - 1) };
        cell.alignment = { vertical: 'middle', wrapText: true };
        if (i > 0 && table.formats[j] === 'date' && value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
        else if (i > 0 && table.formats[j] === 'text') cell.numFmt = '@';
      });
    });
    table.header.forEach((h, j) => {
      const longest = Math.max(h.length * 2, ...rows.slice(1).map((r) => String(r[j] ?? '').length * 1.6));
      ws.getColumn(j + 1).width = Math.min(50, Math.max(8, Math.round(longest)));
    });
  }
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
