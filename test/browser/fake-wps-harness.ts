/**
 * Stands in for WPS 表格 in the browser test of the WPS pane: the fake ET (test/fake-wps) as `window.Application`,
 * set before the pane's scripts run (test/browser/wps.test.ts injects this bundle as an init script), and the pane
 * opened as wps/main.js opens it (CreateTaskPane, its ID in PluginStorage). `window.fakeEt` lets the test act as the
 * clerk (type, pick, select) and read the workbook back.
 */
import { parseCellAddress } from '../../src/core/a1';
import { bgrToHex } from '../../src/hosts/wps/et-values';
import { FakeEt } from '../fake-wps/fake-et';

const et = new FakeEt();
// as wps/main.js does when the ribbon's button is clicked
const pane = et.app.CreateTaskPane(window.location.href, '工会表格助手');
et.pluginStorage.set('UnionForms.taskPaneId.et', String(pane.ID));
pane.Visible = true;
const paneId = pane.ID;

function cell(sheet: string, row: number, col: number) {
  return et.sheet(sheet)?.cells.get(`${row}:${col}`);
}

// ?root=wps: an older build, whose page reaches ET through wps.EtApplication() only (the typings' deprecated root)
const olderRoot = new URLSearchParams(window.location.search).get('root') === 'wps';
Object.assign(window, olderRoot ? { wps: { EtApplication: () => et.app } } : { Application: et.app });
Object.assign(window, {
  fakeEt: {
    et,
    calls: () => et.calls,
    paneVisible: () => et.app.GetTaskPane(paneId).Visible,
    sheets: () =>
      et.workbook.sheets.map((s) => ({
        name: s.name,
        active: s === et.workbook.activeSheet,
        validations: s.validations.size,
        cells: s.cells.size,
      })),
    type: (sheet: string, address: string, text: string) => et.type(sheet, address, text),
    select: (sheet: string, address: string) => et.select(sheet, address),
    /** The fill of one cell ("D10") as #RRGGBB, or null. */
    fillAt: (sheet: string, address: string) => {
      const { row, col } = parseCellAddress(address);
      const fill = cell(sheet, row, col)?.fill;
      return fill === undefined ? null : bgrToHex(fill);
    },
    /** A sheet's values as rows, from A1 to its last used cell, with any formula reported in place of its value. */
    table: (sheet: string) => {
      const s = et.sheet(sheet);
      if (!s) return null;
      let rows = 0;
      let cols = 0;
      for (const [key, c] of s.cells) {
        if (c.value === null && c.formula === undefined) continue;
        const [row, col] = key.split(':').map(Number) as [number, number];
        rows = Math.max(rows, row + 1);
        cols = Math.max(cols, col + 1);
      }
      return Array.from({ length: rows }, (_r, row) =>
        Array.from({ length: cols }, (_c, col) => {
          const c = cell(sheet, row, col);
          return c?.formula !== undefined ? { formula: c.formula } : (c?.value ?? null);
        }),
      );
    },
  },
});
