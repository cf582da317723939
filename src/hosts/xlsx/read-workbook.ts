import * as XLSX from '@e965/xlsx';
import type { CellValue } from '../../core/cell-value';
import { UserError } from '../../core/errors';
import { checkOleWorkbook } from './ole-guard';
import { EMPTY_FILE, NOT_EXCEL, PASSWORD_PROTECTED, POWERPOINT_DOCUMENT, WORD_DOCUMENT } from './read-verdicts';
import { checkedZip } from './zip-guard';

/** One sheet of a workbook file, as the core reads it. */
export interface SheetValues {
  name: string;
  /**
   * Cell values from A1; dates as Excel serial numbers (of the 1900 system, whatever the workbook's), formulas as
   * their cached values, errors as #N/A etc. Rows end at their last value, so they differ in length; empty rows are
   * empty arrays.
   */
  grid: CellValue[][];
  /** Values of the sheet's own defined names (where a form's marker may be). */
  nameValues: string[];
}

/** A returned form is tens of kilobytes; a workbook over this is not a return. */
export const MAX_FILE_BYTES = 30 * 1024 * 1024;
/**
 * Columns A to IV (the width of an .xls sheet) are kept in a sheet's grid; forms use fewer than 40 and their markers
 * sit in the first MARKER_SCAN_COLUMNS. Values further right belong to no form and are left out of the grid.
 */
export const MAX_GRID_COLUMNS = 256;

const MB = 1024 * 1024;
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ERRORS: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};
/** Days from 1900-01-00 to 1904-01-01: what a 1904-system workbook's date serials lack. */
const DAYS_1904 = 1462;
const isDateFormat = (XLSX.SSF as { is_date(format: string): boolean }).is_date;
const EMPTY_ROW: CellValue[] = Object.freeze([]) as unknown as CellValue[];
const OTHER_OFFICE_FILES: [string, string][] = [
  ['word/document.xml', WORD_DOCUMENT],
  ['ppt/presentation.xml', POWERPOINT_DOCUMENT],
];

/** SheetJS decodes text natively from a Node.js Buffer; a browser has none and gets the bytes as they are. */
const NodeBuffer = (globalThis as { Buffer?: { from(data: ArrayBufferLike, offset: number, length: number): Uint8Array } }).Buffer;
const forSheetJs = (bytes: Uint8Array) => (NodeBuffer ? NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes);

function startsWith(data: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => data[i] === b);
}

function cellValue(cell: XLSX.CellObject, date1904: boolean): CellValue {
  switch (cell.t) {
    case 'n':
      return date1904 && typeof cell.z === 'string' && isDateFormat(cell.z) ? (cell.v as number) + DAYS_1904 : (cell.v as number);
    case 'e':
      return typeof cell.v === 'number' ? (ERRORS[cell.v] ?? '#VALUE!') : String(cell.v ?? '#VALUE!');
    case 'z':
      return null;
    case 'd':
      return cell.v instanceof Date ? cell.v : null;
    default:
      return (cell.v ?? null) as CellValue;
  }
}

/** The grid from the cells the sheet holds; its stated dimension (which may claim A1:XFD1048576) is not used. */
function gridOf(sheet: XLSX.WorkSheet | undefined, date1904: boolean): CellValue[][] {
  const rows = (sheet as XLSX.DenseWorkSheet | undefined)?.['!data'];
  const grid: CellValue[][] = [];
  rows?.forEach((cells, r) => {
    const row: CellValue[] = [];
    cells?.forEach((cell, c) => {
      if (c >= MAX_GRID_COLUMNS || !cell) return;
      const value = cellValue(cell, date1904);
      if (value === null || value === undefined) return;
      while (row.length < c) row.push(null);
      row[c] = value;
    });
    if (row.length === 0) return;
    while (grid.length < r) grid.push(EMPTY_ROW);
    grid[r] = row;
  });
  return grid;
}

function parse(data: Uint8Array, cellNF = false): XLSX.WorkBook {
  try {
    return XLSX.read(data, {
      type: 'array',
      dense: true,
      cellNF,
      cellFormula: false,
      cellHTML: false,
      cellText: false,
      cellDates: false,
      WTF: false,
    });
  } catch (err) {
    const message = String((err as Error)?.message ?? err);
    if (/password|encrypt/i.test(message)) throw new UserError('unreadable', PASSWORD_PROTECTED);
    throw new UserError('unreadable', `文件已损坏或不是 Excel 工作簿，无法读取（${message.slice(0, 80)}）。`);
  }
}

/** Why a file of this many bytes is not read (before reading it at all, where its size is known), or undefined. */
export function fileTooLarge(bytes: number): string | undefined {
  if (bytes <= MAX_FILE_BYTES) return undefined;
  return `文件太大（${(bytes / MB).toFixed(1)} MB），超过 ${MAX_FILE_BYTES / MB} MB 的上限，未读取。请删去与报表无关的工作表、图片等内容后再试。`;
}

/** Reads an .xlsx/.xlsm/.xls file's sheets, or says in Chinese why it cannot. */
export function readWorkbookFile(data: Uint8Array): SheetValues[] {
  if (data.length === 0) throw new UserError('unreadable', EMPTY_FILE);
  const tooLarge = fileTooLarge(data.length);
  if (tooLarge) throw new UserError('unreadable', tooLarge);
  let input = data;
  if (startsWith(data, ZIP)) {
    const { zip, entries } = checkedZip(data);
    for (const [part, message] of OTHER_OFFICE_FILES) if (entries.some((e) => e.name === part)) throw new UserError('unreadable', message);
    input = zip;
  } else if (startsWith(data, OLE)) checkOleWorkbook(data);
  else throw new UserError('unreadable', NOT_EXCEL);
  let workbook = parse(forSheetJs(input));
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  // Which numbers are dates is only needed, and so only asked of SheetJS, in a 1904-system workbook.
  if (date1904) workbook = parse(forSheetJs(input), true);
  const names = workbook.Workbook?.Names ?? [];
  return workbook.SheetNames.map((name, index) => ({
    name,
    grid: gridOf(workbook.Sheets[name], date1904),
    nameValues: names.filter((n) => n.Sheet === index).map((n) => String(n.Ref ?? '')),
  }));
}
