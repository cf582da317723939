import type { MergeHost } from './merge-host';

/**
 * A MergeHost whose code (the host's summary writer, roster store, the merge client) is loaded on the 合并 tab's first
 * call, not in the pane's first load: each method waits for the real host, loaded once.
 */
export function lazyMergeHost(load: () => Promise<MergeHost>, canDownload: boolean): MergeHost {
  let loading: Promise<MergeHost> | undefined;
  const host = (): Promise<MergeHost> => {
    loading ??= load().catch((err: unknown) => {
      loading = undefined;
      throw err;
    });
    return loading;
  };
  return {
    canDownload,
    readFiles: async (...args) => (await host()).readFiles(...args),
    readWorkbook: async (...args) => (await host()).readWorkbook(...args),
    resummarise: async (...args) => (await host()).resummarise(...args),
    slips: async () => (await host()).slips(),
    previousSummaries: async () => (await host()).previousSummaries(),
    write: async (...args) => (await host()).write(...args),
    showSheet: async (id) => (await host()).showSheet(id),
    selectCell: async (sheet, cell) => (await host()).selectCell(sheet, cell),
    loadRoster: async () => (await host()).loadRoster(),
    saveRoster: async (units) => (await host()).saveRoster(units),
    rosterFromSelection: async () => (await host()).rosterFromSelection(),
  };
}
