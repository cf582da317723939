import ExcelJS from 'exceljs';
import type { CellRange } from '../../core/a1';
import type { CellValue } from '../../core/cell-value';
import type { CorrectionSlip, SlipItem } from '../../core/collect/correction-slips';
import { chineseDate } from '../../core/collect/reminder';
import { baseName } from '../../core/merge/return-files';
import { HIGHLIGHT } from '../../core/rules/highlights';
import { uniqueSheetName } from '../../core/sheet-names';
import { BOX, CJK_CHARSET } from './cell-style';
import { WORKBOOK_CREATOR } from './workbook-creator';

/**
 * A 退回修改单 as a workbook (issue 14 §2): the first sheet lists what to correct (form, cell, item, what is wrong and
 * how to put it right) and by when; then each of the unit's returned sheets that has something to correct, as it was
 * sent — values, merged cells, column widths and, for .xlsx files, the unit's own formatting — with every problem
 * cell filled red (an error) or yellow (a warning) and a note saying what to fix.
 *
 * Nothing the unit typed becomes a formula: a formula cell of the return is copied as the value it showed, and texts
 * are written as texts.
 */
export interface SlipSource {
  /** The file as sent, when it is a workbook ExcelJS can open (.xlsx, .xlsm): its look is kept. */
  bytes?: Uint8Array;
  /** Each sheet as the reader read it: the copy falls back to these values when the file cannot be opened. */
  sheets: readonly { name: string; grid: readonly (readonly CellValue[])[]; merges?: readonly CellRange[] }[];
}

const LIST_SHEET = '问题清单';
const LIST_HEADER = ['序号', '文件', '表格', '工作表', '单元格', '项目', '问题', '怎样修改'];
const LIST_WIDTHS = [6, 24, 22, 16, 8, 18, 7, 60];
const fill = (color: string): ExcelJS.Fill => ({
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: `FF${color.replace('#', '')}` },
});
const FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 11, charset: CJK_CHARSET };

function listSheet(workbook: ExcelJS.Workbook, slip: CorrectionSlip, fileName: (file: string) => string): void {
  const ws = workbook.addWorksheet(LIST_SHEET, { views: [{ state: 'frozen', ySplit: 4 }] });
  ws.getCell('A1').value = `退回修改单：${slip.unit}`;
  ws.getCell('A1').font = { ...FONT, size: 16, bold: true };
  ws.mergeCells(1, 1, 1, LIST_HEADER.length);
  const errors = slip.items.filter((i) => i.severity === 'error').length;
  const warnings = slip.items.length - errors;
  ws.getCell('A2').value =
    `贵单位报送的表格有${[errors ? ` ${errors} 处错误` : '', warnings ? ` ${warnings} 处需要核对（警告）` : ''].filter(Boolean).join('、')}，` +
    `已在后面各工作表中标出（红色为错误，黄色为警告，` +
    `把鼠标停在单元格上可看说明）。请在原报送文件中逐项修改，` +
    (slip.deadline ? `于${chineseDate(slip.deadline)}前重新报送。` : '修改后重新报送。');
  ws.getCell('A2').alignment = { wrapText: true, vertical: 'top' };
  ws.getCell('A2').font = FONT;
  ws.mergeCells(2, 1, 2, LIST_HEADER.length);
  ws.getRow(2).height = 48;
  const header = ws.getRow(4);
  LIST_HEADER.forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    cell.font = { ...FONT, bold: true };
    cell.border = BOX;
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
  });
  slip.items.forEach((item, n) => {
    const row = ws.getRow(5 + n);
    const values = [n + 1, fileName(item.file), item.form, item.sheet, item.cell, item.label, item.severityWord, item.message];
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v;
      cell.font = FONT;
      cell.border = BOX;
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
    row.getCell(7).fill = fill(HIGHLIGHT[item.severity]);
  });
  LIST_WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '4:4' };
}

/** What a cell of the sent workbook showed: a formula's last result, rich text as plain text, never a formula. */
function shownValue(value: ExcelJS.CellValue): ExcelJS.CellValue {
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined || (typeof result === 'object' && result !== null && !(result instanceof Date)) ? null : result;
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value && 'hyperlink' in value) return value.text as string;
  if ('error' in value) return value.error as string;
  return null;
}

/** The sheet as sent, with its look, from the unit's own .xlsx. */
function copyStyledSheet(from: ExcelJS.Worksheet, to: ExcelJS.Worksheet): void {
  from.eachRow({ includeEmpty: true }, (row, r) => {
    const target = to.getRow(r);
    if (row.height) target.height = row.height;
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const copy = target.getCell(c);
      if (cell.isMerged && cell.master !== cell) return;
      copy.value = shownValue(cell.value);
      copy.style = JSON.parse(JSON.stringify(cell.style ?? {})) as Partial<ExcelJS.Style>;
    });
  });
  from.columns?.forEach((col, i) => {
    if (col.width) to.getColumn(i + 1).width = col.width;
  });
  for (const range of (from.model as { merges?: string[] }).merges ?? []) to.mergeCells(range);
}

/** The sheet as the reader read it: values and merged cells. */
function copyGridSheet(sheet: SlipSource['sheets'][number], to: ExcelJS.Worksheet): void {
  sheet.grid.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === undefined || v === '') return;
      const cell = to.getCell(r + 1, c + 1);
      cell.value = typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : v;
      cell.border = BOX;
    }),
  );
  for (const m of sheet.merges ?? []) to.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
}

function markProblems(ws: ExcelJS.Worksheet, items: readonly SlipItem[]): void {
  const byCell = new Map<string, SlipItem[]>();
  for (const item of items) byCell.set(item.cell, [...(byCell.get(item.cell) ?? []), item]);
  for (const [address, here] of byCell) {
    // a problem of the whole form (no cell) is only in the list
    if (!/^[A-Z]{1,3}[1-9]\d{0,6}$/.test(address)) continue;
    const cell = ws.getCell(address);
    const worst = here.some((i) => i.severity === 'error') ? 'error' : 'warning';
    cell.fill = fill(HIGHLIGHT[worst]);
    cell.note = here.map((i) => `${i.severityWord}：${i.label ? `${i.label}——` : ''}${i.message}`).join('\n');
  }
}

async function openWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook | undefined> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    return workbook;
  } catch {
    return undefined;
  }
}

/**
 * The slip's workbook. `sourceOf` gives each of the slip's files as sent; `fileName` how a file is named to the
 * unit (its name without the clerk's folders).
 */
export async function writeCorrectionSlip(
  slip: CorrectionSlip,
  sourceOf: (file: string) => SlipSource | undefined,
  fileName: (file: string) => string = baseName,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = WORKBOOK_CREATOR;
  workbook.title = `退回修改单：${slip.unit}`;
  listSheet(workbook, slip, fileName);
  const names = [LIST_SHEET];
  for (const file of slip.files) {
    const source = sourceOf(file);
    if (!source) continue;
    const opened = source.bytes ? await openWorkbook(source.bytes) : undefined;
    const sheets = [...new Set(slip.items.filter((i) => i.file === file).map((i) => i.sheet))];
    for (const sheetName of sheets) {
      const name = uniqueSheetName(sheetName, names);
      names.push(name);
      const ws = workbook.addWorksheet(name);
      const styled = opened?.getWorksheet(sheetName);
      const read = source.sheets.find((s) => s.name === sheetName);
      if (styled) copyStyledSheet(styled, ws);
      else if (read) copyGridSheet(read, ws);
      markProblems(
        ws,
        slip.items.filter((i) => i.file === file && i.sheet === sheetName),
      );
    }
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
