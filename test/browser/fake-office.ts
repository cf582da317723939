/**
 * Stands in for office.js in the browser tests: defines the `Office` and `Excel` globals over the strict fake
 * Excel host, so that the production task pane runs unchanged. Query parameters: api=1.7, lang=en-US, platform=Mac.
 */
import { parseCellAddress } from '../../src/core/a1';
import { parseMarker } from '../../src/core/marker';
import { FakeExcelHost } from '../fake-excel/host';

const query = new URLSearchParams(window.location.search);
const host = new FakeExcelHost({ apiVersion: query.get('api') ?? undefined });
host.state.addSheet('Sheet1');

const platform = query.get('platform') ?? 'PC';
const info = { host: 'Excel', platform };
Object.assign(window, {
  Office: {
    HostType: { Excel: 'Excel' },
    PlatformType: { PC: 'PC', Mac: 'Mac', OfficeOnline: 'OfficeOnline' },
    context: {
      platform,
      displayLanguage: query.get('lang') ?? 'zh-CN',
      requirements: { isSetSupported: (set: string, version: string) => host.isSetSupported(set, version) },
    },
    onReady: (callback?: (i: typeof info) => void) => {
      callback?.(info);
      return Promise.resolve(info);
    },
  },
  Excel: { run: <T>(batch: Parameters<typeof host.run<T>>[0]) => host.run(batch) },
  fakeExcel: {
    host,
    sheets: () =>
      host.state.sheets.map((s) => ({
        name: s.name,
        active: s.id === host.state.activeSheetId,
        formId: parseMarker(s.names.get('UnionForms_Form'))?.formId ?? null,
        cells: s.cells.size,
        merges: s.merges.length,
        validations: s.validations.size,
        protectedSheet: s.protection.protected,
      })),
    syncs: () => host.syncCount,
    /** A person typing or pasting into the sheet: values, then Excel's change event. */
    type: (sheet: string, edits: Record<string, string | number | null>) => host.userEdit(sheet, edits),
    fillAt: (sheet: string, address: string) => {
      const s = host.state.sheet(sheet);
      const { row, col } = parseCellAddress(address);
      return s ? (host.state.peek(s, row, col)?.fill ?? null) : null;
    },
    selection: () => host.state.selection ?? null,
    /** A sheet's values as rows (from A1 to its last used cell), with any formula reported in place of its value. */
    table: (sheet: string) => {
      const s = host.state.sheet(sheet);
      if (!s) return null;
      let rows = 0;
      let cols = 0;
      for (const key of s.cells.keys()) {
        const [row, col] = key.split(':').map(Number) as [number, number];
        rows = Math.max(rows, row + 1);
        cols = Math.max(cols, col + 1);
      }
      return Array.from({ length: rows }, (_r, row) =>
        Array.from({ length: cols }, (_c, col) => {
          const cell = host.state.peek(s, row, col);
          return cell?.formula !== undefined ? { formula: cell.formula } : (cell?.value ?? null);
        }),
      );
    },
  },
});
