import * as XLSX from '@e965/xlsx';
import type { CellRange } from '../../core/a1';
import type { CellValue } from '../../core/cell-value';
import type { SheetToCheck } from '../../core/check-sheets';
import { UserError } from '../../core/errors';
import { baseName } from '../../core/merge/return-files';
import { isCalendarFormat, serialDate, withChineseFormats } from './date-cells';
import { checkOleWorkbook } from './ole-guard';
import { odsHiddenSheets } from './ods-visibility';
import { withoutLibraryOutput } from './quiet-library';
import {
  CSV_NOT_TEXT,
  CSV_UNKNOWN_ENCODING,
  DAMAGED,
  EMPTY_FILE,
  NOT_EXCEL,
  oldExcelFormat,
  PASSWORD_PROTECTED,
  POWERPOINT_DOCUMENT,
  WEB_PAGE_AS_WORKBOOK,
  WORD_DOCUMENT,
} from './read-verdicts';
import { decodeText, gridOfText } from './text-grid';
import { checkedZip } from './zip-guard';

/** A returned form is tens of kilobytes; a workbook over this is not a return. */
export const MAX_FILE_BYTES = 30 * 1024 * 1024;
/**
 * Columns A to IV (the width of an .xls sheet) are kept in a sheet's grid; forms use fewer than 40 and their markers
 * sit in the first MARKER_SCAN_COLUMNS. Values further right belong to no form and are left out of the grid.
 */
export const MAX_GRID_COLUMNS = 256;
/** A form has tens of merged areas; a sheet declaring more than this many is not a return, and the rest are left out. */
export const MAX_MERGES = 10_000;

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
const EMPTY_ROW: CellValue[] = Object.freeze([]) as unknown as CellValue[];
/**
 * Excel 2.x to 4.0 wrote a sheet as bare BIFF records, not inside an OLE file: the first is a BOF record, 0x0009
 * (BIFF2), 0x0209 (BIFF3) or 0x0409 (BIFF4), of 4 to 16 bytes ([MS-XLS] 2.4.21 and the BIFF2-4 record layouts).
 */
const OLD_BIFF: Record<number, string> = { 0x00: 'Excel 2.x', 0x02: 'Excel 3.0', 0x04: 'Excel 4.0' };
const TEXT_FILE = /\.csv$/i;
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

/** A number as it is, or the day it stands for where its format shows a day. */
function numberValue(cell: XLSX.CellObject, date1904: boolean): CellValue {
  const value = cell.v as number;
  if (typeof cell.z !== 'string' || !isCalendarFormat(cell.z)) return value;
  return serialDate(value, date1904) ?? value;
}

function cellValue(cell: XLSX.CellObject, date1904: boolean): CellValue {
  switch (cell.t) {
    case 'n':
      return numberValue(cell, date1904);
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

/** The merged areas of a sheet whose grid has `rows` rows, within the limits told at readWorkbookFile. */
function mergesOf(sheet: XLSX.WorkSheet | undefined, rows: number): CellRange[] {
  const declared = sheet?.['!merges'];
  const merges: CellRange[] = [];
  if (!Array.isArray(declared)) return merges;
  const whole = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;
  for (const m of declared) {
    if (merges.length >= MAX_MERGES) break;
    const top = m?.s?.r;
    const left = m?.s?.c;
    const bottom = m?.e?.r;
    const right = m?.e?.c;
    if (!whole(top) || !whole(left) || !whole(bottom) || !whole(right)) continue;
    if (left >= MAX_GRID_COLUMNS || top >= rows || bottom < top || right < left) continue;
    const area = { top, left, bottom: Math.min(bottom, rows - 1), right: Math.min(right, MAX_GRID_COLUMNS - 1) };
    if (area.bottom > area.top || area.right > area.left) merges.push(area);
  }
  return merges;
}

function parse(data: Uint8Array): XLSX.WorkBook {
  try {
    return XLSX.read(data, {
      type: 'array',
      dense: true,
      // Each cell's number format (a property set from a table SheetJS has anyway) is how dates are told from numbers.
      cellNF: true,
      cellFormula: false,
      cellHTML: false,
      cellText: false,
      cellDates: false,
      WTF: false,
    });
  } catch (err) {
    // SheetJS's own words never reach the clerk: a password is told apart, anything else is a damaged file.
    const message = String((err as Error)?.message ?? err);
    if (/password|encrypt/i.test(message)) throw new UserError('unreadable', PASSWORD_PROTECTED);
    throw new UserError('unreadable', DAMAGED);
  }
}

/** Why a file of this many bytes is not read (before reading it at all, where its size is known), or undefined. */
export function fileTooLarge(bytes: number): string | undefined {
  if (bytes <= MAX_FILE_BYTES) return undefined;
  return `文件太大（${(bytes / MB).toFixed(1)} MB），超过 ${MAX_FILE_BYTES / MB} MB 的上限，未读取。请删去与报表无关的工作表、图片等内容后再试。`;
}

/** The version of Excel 2.x-4.0 that wrote these bytes, if they are a bare BIFF2/3/4 stream. */
function oldBiffVersion(data: Uint8Array): string | undefined {
  const length = (data[2] as number) | ((data[3] as number) << 8);
  if (data[0] !== 0x09 || length < 4 || length > 16) return undefined;
  return OLD_BIFF[data[1] as number];
}

/** `hiddenByName`: the hidden sheets where SheetJS does not tell them (OpenDocument). */
function sheetsOf(workbook: XLSX.WorkBook, hiddenByName?: ReadonlySet<string>): Required<SheetToCheck>[] {
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  const names = workbook.Workbook?.Names ?? [];
  const states = workbook.Workbook?.Sheets ?? [];
  return workbook.SheetNames.map((name, index) => {
    const sheet = workbook.Sheets[name];
    const grid = gridOf(sheet, date1904);
    return {
      name,
      grid,
      nameValues: names.filter((n) => n.Sheet === index).map((n) => String(n.Ref ?? '')),
      merges: mergesOf(sheet, grid.length),
      // 1: hidden, 2: very hidden (shown again only from VBA).
      hidden: Boolean(states[index]?.Hidden) || Boolean(hiddenByName?.has(name)),
    };
  });
}

/** A CSV file's one sheet, named as Excel names it: after the file. */
function textSheet(data: Uint8Array, fileName: string): Required<SheetToCheck>[] {
  const text = decodeText(data);
  if (text === undefined) throw new UserError('unreadable', data.includes(0) ? CSV_NOT_TEXT : CSV_UNKNOWN_ENCODING);
  const name =
    baseName(fileName)
      .replace(/\.[^.]*$/, '')
      .slice(0, 31) || 'Sheet1';
  return [{ name, grid: gridOfText(text, MAX_GRID_COLUMNS), nameValues: [], merges: [], hidden: false }];
}

function readByContent(data: Uint8Array, fileName: string): Required<SheetToCheck>[] {
  if (startsWith(data, ZIP)) {
    const { zip, entries } = checkedZip(data);
    for (const [part, message] of OTHER_OFFICE_FILES) if (entries.some((e) => e.name === part)) throw new UserError('unreadable', message);
    // A Chinese Excel names its built-in date formats (2018年7月15日, 7月15日) by id alone, and SheetJS knows none of them.
    const workbook = parse(forSheetJs(withChineseFormats(zip) ?? zip));
    const isOpenDocument = entries.some((e) => e.name === 'content.xml') && !entries.some((e) => /^xl\//.test(e.name));
    return sheetsOf(workbook, isOpenDocument ? odsHiddenSheets(zip) : undefined);
  }
  if (startsWith(data, OLE)) {
    checkOleWorkbook(data);
    return sheetsOf(parse(forSheetJs(data)));
  }
  const oldVersion = oldBiffVersion(data);
  if (oldVersion) {
    // Read where SheetJS can (one sheet of labels, numbers and formulas' values); a file it cannot read, or reads
    // to no value at all, is named by its version so that the clerk knows what to save it as.
    let sheets: Required<SheetToCheck>[];
    try {
      sheets = sheetsOf(parse(forSheetJs(data)));
    } catch {
      throw new UserError('unreadable', oldExcelFormat(oldVersion));
    }
    if (!sheets.some((s) => s.grid.length > 0)) throw new UserError('unreadable', oldExcelFormat(oldVersion));
    return sheets;
  }
  if (TEXT_FILE.test(fileName)) return textSheet(data, fileName);
  // An HTML table named .xls is what many systems' "导出 Excel" writes; any other content is simply not a workbook.
  const head = new TextDecoder(data[0] === 0xff && data[1] === 0xfe ? 'utf-16le' : 'utf-8').decode(data.subarray(0, 256));
  if (/^\s*<(!doctype html|html|table)\b/i.test(head)) throw new UserError('unreadable', WEB_PAGE_AS_WORKBOOK);
  throw new UserError('unreadable', NOT_EXCEL);
}

/**
 * Reads a returned file's sheets, or says in Chinese why it cannot. The format is told from the bytes: a zip (.xlsx,
 * .xlsm, .xltx, .xlsb, .ods, .numbers), an OLE file (.xls, .et, Excel 5.0/95), bare Excel 2.x-4.0 records, or — for a
 * file named .csv — text (text-grid.ts). Of each sheet:
 * - `grid`: cell values from A1; a number shown with a date format (yyyy/m/d, m"月"d"日", …) as a Date at that day's
 *   UTC midnight (plus the time of day, if the cell holds one), in either date system; times alone (h:mm) and other
 *   numbers as numbers; formulas as their cached values, errors as #N/A etc. Rows end at their last value, so they
 *   differ in length; empty rows are empty arrays.
 * - `nameValues`: values of the sheet's own defined names (where a form's marker may be).
 * - `merges`, always known here: at most MAX_MERGES, each of more than one cell, starting within the grid's columns
 *   and rows and cut off at its right (MAX_GRID_COLUMNS) and bottom (the grid's last row). None in a CSV.
 * - `hidden`: hidden or very hidden in the workbook.
 * Whatever the libraries print while reading is kept off the console; whatever they throw becomes a Chinese verdict.
 */
export function readWorkbookFile(data: Uint8Array, fileName = ''): Required<SheetToCheck>[] {
  if (data.length === 0) throw new UserError('unreadable', EMPTY_FILE);
  const tooLarge = fileTooLarge(data.length);
  if (tooLarge) throw new UserError('unreadable', tooLarge);
  try {
    return withoutLibraryOutput(() => readByContent(data, fileName));
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError('unreadable', DAMAGED);
  }
}
