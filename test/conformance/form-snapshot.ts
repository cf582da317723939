/**
 * One neutral description of a drawn form, read either from an .xlsx file or from the fake Excel host, so that
 * the two hosts can be compared field by field. It is keyed by the plan's addresses.
 */
import { cellAddress, parseRangeAddress, rangeAddress } from '../../src/core/a1';
import { MARKER_NAME, parseMarker } from '../../src/core/marker';
import type { SheetPlan } from '../../src/core/sheet-plan';
import { pointsToColumnWidth } from '../../src/core/units';
import type { SheetState } from '../fake-excel/state';
import { validationsByCell, type CellSnapshot, type SheetSnapshot } from '../support/xlsx-snapshot';

/** How one planned cell (or merged area) looks: the same facts the .xlsx reader gives for a cell. */
export type AreaSnapshot = CellSnapshot;

export type NeutralRule =
  | { kind: 'list'; options: string[] }
  | { kind: 'whole' | 'textLength'; op: string; formula1: number | null; formula2: number | null }
  | { kind: 'date'; min: string; max: string };

export interface ValidationView {
  rule: NeutralRule | null;
  promptTitle: string | null;
  prompt: string | null;
  errorStyle: string | null;
}

export interface FormSnapshot {
  areas: Record<string, AreaSnapshot>;
  merges: string[];
  validations: Record<string, ValidationView>;
  columnWidths: number[];
  rowHeights: number[];
  marker: { cell: unknown; columnHidden: boolean; name: unknown };
  print: {
    paper: string;
    orientation: string;
    fitWidth: number;
    fitHeight: number;
    centered: boolean;
    area: string;
    titleRows: string | null;
  } | null;
  protection: { protected: boolean; password: boolean; formatColumns: boolean; formatRows: boolean; insertRows: boolean };
  gridlines: boolean;
}

const round = (n: number) => Math.round(n * 10) / 10;
const H = (h: string) => h.toLowerCase();
const V = (v: string) => (v.toLowerCase() === 'middle' ? 'center' : v.toLowerCase());

function areaCells(
  plan: SheetPlan,
): { anchor: string; cells: [number, number][]; top: number; bottom: number; left: number; right: number }[] {
  return plan.cells.map((c) => {
    const cells: [number, number][] = [];
    for (let r = c.row; r < c.row + c.rowSpan; r++) for (let col = c.col; col < c.col + c.colSpan; col++) cells.push([r, col]);
    return {
      anchor: cellAddress(c.row, c.col),
      cells,
      top: c.row,
      bottom: c.row + c.rowSpan - 1,
      left: c.col,
      right: c.col + c.colSpan - 1,
    };
  });
}

function serialToIso(serial: string | undefined): string {
  const days = Number(serial);
  return new Date(Date.UTC(1899, 11, 30) + days * 86400000).toISOString().slice(0, 10);
}

function num(v: string | number | undefined | null): number | null {
  return v === undefined || v === null || v === '' ? null : Number(v);
}

export function fromXlsx(sheet: SheetSnapshot, plan: SheetPlan): FormSnapshot {
  const areas: Record<string, AreaSnapshot> = {};
  for (const a of areaCells(plan)) {
    const at = (r: number, c: number) => sheet.cells.get(cellAddress(r, c));
    const anchor = at(a.top, a.left);
    if (!anchor) throw new Error(`no cell at ${a.anchor}`);
    const all = (cells: [number, number][], side: 'top' | 'bottom' | 'left' | 'right') =>
      cells.every(([r, c]) => at(r, c)?.border[side] ?? false);
    areas[a.anchor] = {
      value: anchor.value,
      font: anchor.font,
      size: anchor.size,
      bold: anchor.bold,
      h: H(anchor.h),
      v: V(anchor.v),
      wrap: anchor.wrap,
      vertical: anchor.vertical,
      numFmt: anchor.numFmt,
      locked: anchor.locked,
      border: {
        top: all(
          a.cells.filter(([r]) => r === a.top),
          'top',
        ),
        bottom: all(
          a.cells.filter(([r]) => r === a.bottom),
          'bottom',
        ),
        left: all(
          a.cells.filter(([, c]) => c === a.left),
          'left',
        ),
        right: all(
          a.cells.filter(([, c]) => c === a.right),
          'right',
        ),
      },
    };
  }
  const byCell = validationsByCell(sheet);
  const validations: Record<string, ValidationView> = {};
  for (const v of plan.validations) {
    const address = cellAddress(v.row, v.col);
    const found = byCell.get(address);
    if (!found) continue;
    let rule: NeutralRule | null = null;
    if (found.type === 'list') rule = { kind: 'list', options: (found.formula1 ?? '').replace(/^"|"$/g, '').split(',') };
    else if (found.type === 'whole' || found.type === 'textLength') {
      rule = { kind: found.type, op: found.operator ?? 'between', formula1: num(found.formula1), formula2: num(found.formula2) };
    } else if (found.type === 'date') rule = { kind: 'date', min: serialToIso(found.formula1), max: serialToIso(found.formula2) };
    validations[address] = {
      rule,
      promptTitle: found.promptTitle ?? null,
      prompt: found.prompt ?? null,
      errorStyle: rule ? (found.errorStyle ?? 'stop') : null,
    };
  }
  const names = sheet.names;
  const markerCol = plan.marker.col + 1;
  const titles = names.get('_xlnm.Print_Titles');
  return {
    areas,
    merges: [...sheet.merges].sort(),
    validations,
    columnWidths: plan.columnWidths.map((_w, i) => round(sheet.columns.find((c) => c.min <= i + 1 && i + 1 <= c.max)?.width ?? -1)),
    rowHeights: plan.rowHeights.map((_h, i) => sheet.rowHeights.get(i + 1) ?? -1),
    marker: {
      cell: parseMarker(sheet.cells.get(cellAddress(plan.marker.row, plan.marker.col))?.value),
      columnHidden: sheet.columns.some((c) => c.min <= markerCol && markerCol <= c.max && c.hidden),
      name: parseMarker(names.get(MARKER_NAME)),
    },
    print: {
      paper: sheet.pageSetup.paperSize === '9' ? 'A4' : String(sheet.pageSetup.paperSize),
      orientation: String(sheet.pageSetup.orientation),
      fitWidth: Number(sheet.pageSetup.fitToWidth),
      fitHeight: Number(sheet.pageSetup.fitToHeight),
      centered: sheet.horizontalCentered,
      area: rangeAddress(parseRangeAddress((names.get('_xlnm.Print_Area') ?? '').replace(/^.*!/, '').replace(/\$/g, ''))),
      titleRows: titles ? titles.replace(/^.*!/, '').replace(/\$/g, '') : null,
    },
    protection: {
      protected: sheet.protected,
      password: sheet.protectionPassword,
      formatColumns: sheet.protectionAllows.formatColumns,
      formatRows: sheet.protectionAllows.formatRows,
      insertRows: sheet.protectionAllows.insertRows,
    },
    gridlines: sheet.showGridLines,
  };
}

/** Office.js operator names, spelled as OOXML spells them. */
const OFFICE_OPERATORS: Record<string, string> = {
  Between: 'between',
  NotBetween: 'notBetween',
  EqualTo: 'equal',
  NotEqualTo: 'notEqual',
  GreaterThan: 'greaterThan',
  LessThan: 'lessThan',
  GreaterThanOrEqualTo: 'greaterThanOrEqual',
  LessThanOrEqualTo: 'lessThanOrEqual',
};

export function fromFake(sheet: SheetState, plan: SheetPlan): FormSnapshot {
  const areas: Record<string, AreaSnapshot> = {};
  for (const a of areaCells(plan)) {
    const at = (r: number, c: number) => sheet.cells.get(`${r}:${c}`);
    const anchor = at(a.top, a.left);
    if (!anchor) throw new Error(`no cell at ${a.anchor}`);
    const drawn = (r: number, c: number, edge: 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight') => {
      const b = at(r, c)?.borders[edge];
      return Boolean(b && b.style !== 'None');
    };
    const all = (cells: [number, number][], edge: 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight') =>
      cells.every(([r, c]) => drawn(r, c, edge));
    areas[a.anchor] = {
      value: anchor.formula ?? (anchor.value as string | number | null),
      font: anchor.fontName,
      size: anchor.fontSize,
      bold: anchor.bold,
      h: H(anchor.h),
      v: V(anchor.v),
      wrap: anchor.wrap,
      vertical: anchor.textOrientation === 180,
      numFmt: anchor.numberFormat,
      locked: anchor.locked,
      border: {
        top: all(
          a.cells.filter(([r]) => r === a.top),
          'EdgeTop',
        ),
        bottom: all(
          a.cells.filter(([r]) => r === a.bottom),
          'EdgeBottom',
        ),
        left: all(
          a.cells.filter(([, c]) => c === a.left),
          'EdgeLeft',
        ),
        right: all(
          a.cells.filter(([, c]) => c === a.right),
          'EdgeRight',
        ),
      },
    };
  }
  const validations: Record<string, ValidationView> = {};
  for (const v of plan.validations) {
    const found = sheet.validations.get(`${v.row}:${v.col}`);
    if (!found) continue;
    const r = found.rule;
    let rule: NeutralRule | null = null;
    if (r?.list) rule = { kind: 'list', options: String(r.list.source).split(',') };
    const basic = r?.wholeNumber ?? r?.textLength;
    if (basic) {
      rule = {
        kind: r?.wholeNumber ? 'whole' : 'textLength',
        op: OFFICE_OPERATORS[basic.operator] ?? `unknown ${basic.operator}`,
        formula1: num(basic.formula1 as number),
        formula2: num(basic.formula2 as number | undefined),
      };
    }
    if (r?.date) rule = { kind: 'date', min: String(r.date.formula1).slice(0, 10), max: String(r.date.formula2).slice(0, 10) };
    validations[cellAddress(v.row, v.col)] = {
      rule,
      promptTitle: found.prompt?.title ?? null,
      prompt: found.prompt?.message ?? null,
      errorStyle: rule ? (found.errorAlert?.style.toLowerCase() ?? null) : null,
    };
  }
  const merges = sheet.merges.map(rangeAddress).sort();
  const layout = sheet.pageLayout;
  const options = sheet.protection.options;
  return {
    areas,
    merges,
    validations,
    columnWidths: plan.columnWidths.map((_w, i) => round(pointsToColumnWidth(sheet.columnWidths.get(i) ?? -1))),
    rowHeights: plan.rowHeights.map((_h, i) => sheet.rowHeights.get(i) ?? -1),
    marker: {
      cell: parseMarker(sheet.cells.get(`${plan.marker.row}:${plan.marker.col}`)?.value),
      columnHidden: sheet.hiddenColumns.has(plan.marker.col),
      name: parseMarker(sheet.names.get(MARKER_NAME)),
    },
    print: layout.paperSize
      ? {
          paper: layout.paperSize,
          orientation: String(layout.orientation).toLowerCase(),
          fitWidth: Number(layout.zoom?.horizontalFitToPages),
          fitHeight: Number(layout.zoom?.verticalFitToPages),
          centered: layout.centerHorizontally,
          area: String(layout.printArea),
          titleRows: layout.printTitleRows ? layout.printTitleRows.replace(/\$/g, '') : null,
        }
      : null,
    protection: {
      protected: sheet.protection.protected,
      password: Boolean(sheet.protection.password),
      formatColumns: Boolean(options?.allowFormatColumns),
      formatRows: Boolean(options?.allowFormatRows),
      insertRows: Boolean(options?.allowInsertRows),
    },
    gridlines: sheet.showGridlines,
  };
}
