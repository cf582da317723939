import type { MergeHost } from './merge-host';

/** What the real host offers beyond the methods every MergeHost has, known before its code is loaded. */
export interface LazyMergeOptions {
  /** The real host has `chooseReturns` (WPS's file dialog): the lazy host offers it too. */
  choosesReturns?: boolean;
}

/**
 * A MergeHost whose code (the host's summary writer, roster store, the merge client) is loaded on the 合并 tab's first
 * call, not in the pane's first load: each method waits for the real host, loaded once.
 */
export function lazyMergeHost(load: () => Promise<MergeHost>, canDownload: boolean, options: LazyMergeOptions = {}): MergeHost {
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
    ...(options.choosesReturns
      ? {
          chooseReturns: async () => {
            const real = await host();
            if (!real.chooseReturns) throw new Error('此处不能用宿主的对话框选择文件。');
            return real.chooseReturns();
          },
        }
      : {}),
  };
}
