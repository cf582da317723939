import type { LiveChecking } from '../hosts/live/live-checking';
import type { ValidationHost } from './pane-host';

/**
 * The 检查 tab's view of a host's live checking, the same in Excel and WPS: while the clerk fills a form in, a required
 * cell not reached yet is 未填, not an error; 检查全部 makes it one for the rest of the session. A pick from a dropdown
 * may raise no change event (Excel on the web: office-js #4066, #3888, #420; WPS: no source says it does), so the
 * forms are read again when the clerk comes back to the pane (one read, nothing more when nothing changed).
 * `beforeCheckAll`: what 检查整个工作簿 waits for first (Excel: the workbook's imported forms read); `paintClearsUndo`:
 * whether its painting costs the clerk's Ctrl+Z (ValidationHost.paintClearsUndo).
 */
export function validationView(
  live: LiveChecking,
  beforeCheckAll: () => Promise<void> = async () => undefined,
  paintClearsUndo = true,
): ValidationHost {
  live.unfilled = 'pending';
  let state = live.state;
  const listeners = new Set<() => void>();
  live.subscribe((next) => {
    state = next;
    listeners.forEach((l) => l());
  });
  void live.start().catch(() => undefined);
  if (typeof window !== 'undefined') window.addEventListener('focus', () => live.recheck());
  return {
    getState: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    checkAll: async () => {
      await beforeCheckAll();
      return live.checkAll();
    },
    checkEverything: () => {
      live.unfilled = 'error';
      return live.checkAll();
    },
    everything: () => live.unfilled === 'error',
    select: (sheetId, cell) => live.select(sheetId, cell),
    paintClearsUndo,
  };
}
