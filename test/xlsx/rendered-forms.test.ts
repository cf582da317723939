import * as XLSX from '@e965/xlsx';
import { cellAddress, rangeAddress } from '../../src/core/a1';
import { parseMarker } from '../../src/core/marker';
import { FORM_IDS } from '../../src/notices';
import { NOTICE_LABELS } from '../fixtures/notice-labels';
import { rendered } from '../support/render';
import { normalizeText } from '../support/text';
import { snapshotXlsx, validationsByCell, type SheetSnapshot } from '../support/xlsx-snapshot';

async function sheetOf(
  formId: string,
): Promise<{ sheet: SheetSnapshot; plan: Awaited<ReturnType<typeof rendered>>['plan']; data: Uint8Array }> {
  const { plan, data } = await rendered(formId);
  const book = snapshotXlsx(data);
  expect(book.sheets).toHaveLength(1);
  return { sheet: book.sheets[0] as SheetSnapshot, plan, data };
}

describe.each(FORM_IDS.map((id) => [id]))('%s rendered to .xlsx and read back without ExcelJS', (formId) => {
  it('contains every label of the notice verbatim', async () => {
    const { sheet } = await sheetOf(formId);
    const texts = new Set([...sheet.cells.values()].map((c) => normalizeText(String(c.value ?? ''))));
    expect((NOTICE_LABELS[formId] ?? []).filter((l) => !texts.has(normalizeText(l)))).toEqual([]);
  });

  it('has the merges of the layout, and SheetJS reads the same merges and labels', async () => {
    const { sheet, plan, data } = await sheetOf(formId);
    const expected = plan.merges.map(rangeAddress).sort();
    expect([...sheet.merges].sort()).toEqual(expected);
    const wb = XLSX.read(data, { type: 'array' });
    const ws = wb.Sheets[wb.SheetNames[0] as string] as XLSX.WorkSheet;
    expect((ws['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m)).sort()).toEqual(expected);
    for (const cell of plan.cells.filter((c) => c.role === 'label' && c.value !== '')) {
      expect(ws[cellAddress(cell.row, cell.col)]?.v).toBe(cell.value);
    }
  });

  it('locks labels, unlocks inputs, and is protected without a password', async () => {
    const { sheet, plan } = await sheetOf(formId);
    expect(sheet.protected).toBe(true);
    expect(sheet.protectionPassword).toBe(false);
    for (const cell of plan.cells) {
      expect({ at: cellAddress(cell.row, cell.col), locked: sheet.cells.get(cellAddress(cell.row, cell.col))?.locked }).toEqual({
        at: cellAddress(cell.row, cell.col),
        locked: cell.role === 'label',
      });
    }
  });

  it('writes a native validation with a Chinese input message for every input', async () => {
    const { sheet, plan } = await sheetOf(formId);
    const bySqref = validationsByCell(sheet);
    for (const { row, col, validation } of plan.validations) {
      const found = bySqref.get(cellAddress(row, col));
      expect(found?.promptTitle).toBe(validation.promptTitle);
      expect(found?.prompt).toBe(validation.prompt);
      const rule = validation.rule;
      if (!rule) {
        expect(found?.type).toBe('none');
        continue;
      }
      expect(found?.allowBlank).toBe(true);
      expect(found?.errorStyle).toBe(validation.errorStyle);
      switch (rule.kind) {
        case 'list':
          expect(found).toMatchObject({ type: 'list', formula1: `"${rule.options.join(',')}"` });
          break;
        case 'whole':
          expect(found).toMatchObject({ type: 'whole', formula1: String(rule.min) });
          if (rule.max !== undefined) expect(found?.formula2).toBe(String(rule.max));
          else expect(found?.operator).toBe('greaterThanOrEqual');
          break;
        case 'textLength':
          expect(found?.type).toBe('textLength');
          expect([found?.formula1, found?.formula2]).toEqual(
            rule.min === undefined ? [String(rule.max), undefined] : [String(rule.min), String(rule.max)],
          );
          break;
        case 'date':
          expect(found).toMatchObject({ type: 'date', formula1: '36526', formula2: '73050' });
          break;
      }
    }
  });

  it('has the print settings: A4, orientation, one page wide, print area and repeated list headers', async () => {
    const { sheet, plan, data } = await sheetOf(formId);
    expect(sheet.pageSetup).toMatchObject({ paperSize: '9', orientation: plan.print.orientation, fitToWidth: '1', fitToHeight: '0' });
    expect(sheet.fitToPage).toBe(true);
    expect(sheet.horizontalCentered).toBe(true);
    const names = snapshotXlsx(data).sheets[0]?.names;
    expect(names?.get('_xlnm.Print_Area')?.replace(/\$/g, '')).toBe(`'${plan.sheetName}'!${rangeAddress(plan.print.area)}`);
    const titles = plan.print.titleRows;
    if (titles)
      expect(names?.get('_xlnm.Print_Titles')?.replace(/\$/g, '')).toBe(`'${plan.sheetName}'!${titles.top + 1}:${titles.bottom + 1}`);
    else expect(names?.has('_xlnm.Print_Titles')).toBe(false);
  });

  it('carries its marker in a hidden, locked cell and in a sheet-scoped name', async () => {
    const { sheet, plan } = await sheetOf(formId);
    const address = cellAddress(plan.marker.row, plan.marker.col);
    const cell = sheet.cells.get(address);
    expect(cell?.locked).toBe(true);
    expect(parseMarker(cell?.value)).toMatchObject({ formId, version: 1 });
    const column = sheet.columns.find((c) => c.min <= plan.marker.col + 1 && plan.marker.col + 1 <= c.max);
    expect(column?.hidden).toBe(true);
    expect(parseMarker(sheet.names.get('UnionForms_Form'))).toMatchObject({ formId, version: 1 });
  });

  it('uses 宋体 throughout, bold for the title, and boxes the table cells', async () => {
    const { sheet, plan } = await sheetOf(formId);
    for (const cell of plan.cells) {
      const got = sheet.cells.get(cellAddress(cell.row, cell.col));
      expect(got?.font).toBe('宋体');
      expect(got?.bold).toBe(cell.style.bold);
      expect(got?.size).toBe(cell.style.size);
      expect(got?.h).toBe(cell.style.h);
      expect(got?.wrap).toBe(cell.style.wrap);
      expect(got?.numFmt).toBe(cell.style.numFmt);
      const box = cell.style.border === 'box';
      expect(got?.border).toEqual({ top: box, left: box, bottom: box || cell.style.border === 'bottom', right: box });
    }
    const title = plan.cells.find((c) => c.value === plan.title);
    expect(sheet.cells.get(cellAddress(title?.row ?? 0, title?.col ?? 0))?.bold).toBe(true);
  });

  it('sets the column widths and row heights of the layout', async () => {
    const { sheet, plan } = await sheetOf(formId);
    plan.columnWidths.forEach((width, i) => {
      const col = sheet.columns.find((c) => c.min <= i + 1 && i + 1 <= c.max);
      expect(col?.width).toBeCloseTo(width, 0);
    });
    plan.rowHeights.forEach((height, i) => expect(sheet.rowHeights.get(i + 1)).toBe(height));
  });
});

describe('the festival side label', () => {
  it('is written vertically', async () => {
    const { sheet } = await sheetOf('festival-stats');
    expect(sheet.cells.get('A4')?.vertical).toBe(true);
  });
});
