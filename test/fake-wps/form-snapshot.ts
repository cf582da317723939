/**
 * A form drawn on the fake ET in the neutral shape of test/conformance/form-snapshot.ts, so that it can be compared
 * with the .xlsx renderer's output field by field; and its conditional formats in the shape of
 * test/conformance/conditional-format-snapshot.ts.
 */
import { cellAddress, parseRangeAddress, rangeAddress } from '../../src/core/a1';
import { MARKER_NAME, parseMarker } from '../../src/core/marker';
import type { SheetPlan } from '../../src/core/sheet-plan';
import { bgrToHex } from '../../src/hosts/wps/et-values';
import type { ConditionalFormatView } from '../conformance/conditional-format-snapshot';
import type { AreaSnapshot, FormSnapshot, NeutralRule, ValidationView } from '../conformance/form-snapshot';
import { cellKey, emptyCell, type EtSheetState } from './state';

/** ET's enum numbers (typings) spelled as the neutral snapshot spells them. */
const H: Record<number, string> = { [-4131]: 'left', [-4108]: 'center', [-4152]: 'right', 1: 'general' };
const V: Record<number, string> = { [-4160]: 'top', [-4108]: 'center', [-4107]: 'bottom' };
const OPERATORS: Record<number, string> = { 1: 'between', 7: 'greaterThanOrEqual', 8: 'lessThanOrEqual' };
const round = (n: number) => Math.round(n * 10) / 10;
const num = (v: string | undefined) => (v === undefined || v === '' ? null : Number(v));
const serialToIso = (serial: string) => new Date(Date.UTC(1899, 11, 30) + Number(serial) * 86400000).toISOString().slice(0, 10);

export function fromFakeEt(sheet: EtSheetState, plan: SheetPlan): FormSnapshot {
  const at = (r: number, c: number) => sheet.cells.get(cellKey(r, c));
  const areas: Record<string, AreaSnapshot> = {};
  for (const cell of plan.cells) {
    const top = cell.row;
    const left = cell.col;
    const bottom = cell.row + cell.rowSpan - 1;
    const right = cell.col + cell.colSpan - 1;
    const anchor = at(top, left) ?? emptyCell();
    const along = (side: 'top' | 'bottom' | 'left' | 'right') => {
      const cells: [number, number][] = [];
      if (side === 'top' || side === 'bottom') for (let c = left; c <= right; c++) cells.push([side === 'top' ? top : bottom, c]);
      else for (let r = top; r <= bottom; r++) cells.push([r, side === 'left' ? left : right]);
      return cells.every(([r, c]) => (at(r, c)?.borders[side]?.lineStyle ?? -4142) !== -4142);
    };
    areas[cellAddress(top, left)] = {
      value: anchor.formula ?? (anchor.value as string | number | null),
      font: anchor.fontName,
      size: anchor.fontSize,
      bold: anchor.bold,
      h: H[anchor.h] ?? `unknown ${anchor.h}`,
      v: V[anchor.v] ?? `unknown ${anchor.v}`,
      wrap: anchor.wrap,
      vertical: anchor.orientation === -4166,
      numFmt: anchor.numberFormat,
      locked: anchor.locked,
      border: { top: along('top'), bottom: along('bottom'), left: along('left'), right: along('right') },
    };
  }
  const validations: Record<string, ValidationView> = {};
  for (const v of plan.validations) {
    const found = sheet.validations.get(cellKey(v.row, v.col));
    if (!found) continue;
    let rule: NeutralRule | null = null;
    if (found.type === 3) rule = { kind: 'list', options: found.formula1.split(',') };
    if (found.type === 1 || found.type === 6) {
      rule = {
        kind: found.type === 1 ? 'whole' : 'textLength',
        op: OPERATORS[found.operator] ?? `unknown ${found.operator}`,
        formula1: num(found.formula1),
        formula2: num(found.formula2),
      };
    }
    if (found.type === 4) rule = { kind: 'date', min: serialToIso(found.formula1), max: serialToIso(found.formula2) };
    validations[cellAddress(v.row, v.col)] = {
      rule,
      promptTitle: found.inputTitle === '' ? null : found.inputTitle,
      prompt: found.inputMessage === '' ? null : found.inputMessage,
      errorStyle: rule ? (found.alertStyle === 1 ? 'stop' : 'warning') : null,
    };
  }
  const p = sheet.pageSetup;
  const allow = sheet.protection.allow;
  return {
    areas,
    merges: sheet.merges.map(rangeAddress).sort(),
    validations,
    columnWidths: plan.columnWidths.map((_w, i) => round(sheet.columnWidths.get(i) ?? -1)),
    rowHeights: plan.rowHeights.map((_h, i) => sheet.rowHeights.get(i) ?? -1),
    marker: {
      cell: parseMarker(at(plan.marker.row, plan.marker.col)?.value),
      columnHidden: sheet.hiddenColumns.has(plan.marker.col),
      name: parseMarker(sheet.names.get(MARKER_NAME.toLowerCase())?.refersTo),
    },
    print:
      p.paperSize === undefined
        ? null
        : {
            paper: p.paperSize === 9 ? 'A4' : String(p.paperSize),
            orientation: p.orientation === 2 ? 'landscape' : 'portrait',
            fitWidth: Number(p.fitToPagesWide),
            fitHeight: p.fitToPagesTall === false ? 0 : Number(p.fitToPagesTall),
            centered: p.centerHorizontally,
            area: rangeAddress(parseRangeAddress(p.printArea.replace(/\$/g, ''))),
            titleRows: p.printTitleRows ? p.printTitleRows.replace(/\$/g, '') : null,
          },
    protection: {
      protected: sheet.protection.protected,
      password: sheet.protection.password !== '',
      formatColumns: Boolean(allow.formatColumns),
      formatRows: Boolean(allow.formatRows),
      insertRows: Boolean(allow.insertRows),
    },
    gridlines: sheet.gridlines,
  };
}

/**
 * The sheet's conditional formats, highest priority first, each with the cell its formula's relative references
 * were read from (it must be the range's top-left for the formula to mean what the .xlsx file's does).
 */
export function conditionalFormatsFromFakeEt(sheet: EtSheetState): (ConditionalFormatView & { anchor: string })[] {
  return sheet.conditions.map((c) => ({
    range: c.appliesTo,
    formula: c.formula1,
    fill: c.fill === undefined ? '' : bgrToHex(c.fill),
    anchor: c.formulaAnchor,
  }));
}
