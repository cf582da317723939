/**
 * Stands in for office.js in the browser tests: defines the `Office` and `Excel` globals over the strict fake
 * Excel host, so that the production task pane runs unchanged. Query parameters: api=1.7, lang=en-US.
 */
import { parseCellAddress } from '../../src/core/a1';
import { parseMarker } from '../../src/core/marker';
import { FakeExcelHost } from '../fake-excel/host';

const query = new URLSearchParams(window.location.search);
const host = new FakeExcelHost({ apiVersion: query.get('api') ?? undefined });
host.state.addSheet('Sheet1');

const info = { host: 'Excel', platform: 'PC' };
Object.assign(window, {
  Office: {
    HostType: { Excel: 'Excel' },
    context: {
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
  },
});
