import * as XLSX from '@e965/xlsx';
import type { CellValue } from '../../core/cell-value';
import { UserError } from '../../core/errors';

/** One sheet of a workbook file, as the core reads it. */
export interface SheetValues {
  name: string;
  /** Cell values from A1; dates as Excel serial numbers, formulas as their cached values, errors as #N/A etc. */
  grid: CellValue[][];
  /** Values of the sheet's own defined names (where a form's marker may be). */
  nameValues: string[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(data: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => data[i] === b);
}

function cellValue(cell: XLSX.CellObject | undefined): CellValue {
  if (!cell) return null;
  switch (cell.t) {
    case 'e':
      return cell.w ?? '#VALUE!';
    case 'z':
      return null;
    case 'd':
      return cell.v instanceof Date ? cell.v : null;
    default:
      return cell.v as CellValue;
  }
}

/** Reads an .xlsx/.xlsm/.xls file's sheets, or says in Chinese why it cannot. */
export function readWorkbookFile(data: Uint8Array): SheetValues[] {
  if (data.length === 0) throw new UserError('unreadable', '文件是空的。');
  if (!startsWith(data, ZIP) && !startsWith(data, OLE)) throw new UserError('unreadable', '不是 Excel 文件（.xlsx/.xls），无法读取。');
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(data, { type: 'array', cellFormula: false, cellHTML: false, cellText: true, cellDates: false, WTF: false });
  } catch (err) {
    const message = String((err as Error).message ?? err);
    if (/password|encrypt/i.test(message)) throw new UserError('unreadable', '文件设有打开密码：请先取消密码后再试。');
    throw new UserError('unreadable', `文件已损坏或不是 Excel 工作簿，无法读取（${message.slice(0, 80)}）。`);
  }
  const names = workbook.Workbook?.Names ?? [];
  return workbook.SheetNames.map((name, index) => {
    const sheet = workbook.Sheets[name];
    const grid: CellValue[][] = [];
    if (sheet?.['!ref']) {
      const range = XLSX.utils.decode_range(sheet['!ref']);
      for (let r = 0; r <= range.e.r; r++) {
        const row: CellValue[] = [];
        for (let c = 0; c <= range.e.c; c++)
          row.push(
            r < range.s.r || c < range.s.c ? null : cellValue(sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined),
          );
        grid.push(row);
      }
    }
    return { name, grid, nameValues: names.filter((n) => n.Sheet === index).map((n) => String(n.Ref ?? '')) };
  });
}
