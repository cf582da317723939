import { useEffect, useReducer, useRef } from 'react';
import { flushSync } from 'react-dom';
import { isReturnFileName } from '../../core/merge/return-files';
import { parseRoster } from '../../core/merge/roster';
import type { Strings } from '../i18n';
import type { MergeHost, ReadReturns } from '../merge-host';
import { copyText } from './copy-text';
import { MergeCancelled } from './merge-client';
import type { PickedFile } from './merge-protocol';
import { initialMergeState, isBusy, mergeReducer, withPicked, type Banner } from './merge-state';
import { downloadSlips } from './save-slips';

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** The 合并 tab's steps over its reducer (merge-state.ts): MergePanel draws `state` and calls these. */
export function useMergeState(merge: MergeHost, strings: Strings) {
  const s = strings.merge;
  const [state, dispatch] = useReducer(mergeReducer, initialMergeState);
  const abort = useRef<AbortController | undefined>(undefined);
  const reminderBox = useRef<HTMLTextAreaElement>(null);
  const busy = isBusy(state);
  const deadline = state.deadline || undefined;

  useEffect(() => {
    merge.loadRoster().then(
      (units) => dispatch({ type: 'roster-loaded', units }),
      () => undefined,
    );
  }, [merge]);

  const failure = (err: unknown): Banner =>
    err instanceof MergeCancelled ? { intent: 'info', text: s.cancelled } : { intent: 'error', title: s.failed, text: messageOf(err) };
  const failed = (err: unknown) => dispatch({ type: 'banner', banner: failure(err) });

  /** Keeps the roster in the workbook; says why not if it could not (the merge goes on without it). */
  const keepRoster = (units: string[]): Promise<string | undefined> =>
    merge.saveRoster(units).then(
      () => undefined,
      (err: unknown) => messageOf(err),
    );

  /** Reads returns into the preview; `fromWorkbook` when they are the open workbook's own sheets. */
  async function read(run: ReadReturns, fromWorkbook: boolean) {
    const controller = new AbortController();
    abort.current = controller;
    try {
      dispatch({ type: 'read-done', preview: await run(controller.signal), fromWorkbook });
    } catch (err) {
      dispatch({ type: 'read-failed', banner: failure(err) });
    } finally {
      abort.current = undefined;
    }
  }

  function addFiles(picked: PickedFile[]) {
    const next = withPicked(state.files, picked);
    dispatch({ type: 'read-started', files: next, total: next.length });
    const roster = parseRoster(state.rosterText);
    void read(
      (signal) =>
        merge.readFiles(next, roster, (done, total, file) => dispatch({ type: 'read-progress', done, total, file }), signal, deadline),
      false,
    );
  }

  function readWorkbook() {
    dispatch({ type: 'read-started', files: [], total: 1 });
    const roster = parseRoster(state.rosterText);
    void read((signal) => merge.readWorkbook(roster, signal, deadline), true);
  }

  function dropped(files: readonly File[]) {
    dispatch({ type: 'dragging', dragging: false });
    const picked = files.filter((f) => isReturnFileName(f.name));
    if (picked.length > 0 && !busy) addFiles(picked);
  }

  function selectCell(sheet: string, cell: string) {
    merge
      .selectCell(sheet, cell)
      .catch((err: unknown) => dispatch({ type: 'banner', banner: { intent: 'error', title: s.cellNotSelected, text: messageOf(err) } }));
  }

  /** The last read summarised again with the roster and deadline as they are now. */
  async function resummarise(units: string[], date: string | undefined) {
    const { preview } = state;
    if (preview && !busy) dispatch({ type: 'preview-updated', preview: await merge.resummarise(units, date).catch(() => preview) });
  }

  async function rosterChanged(units = parseRoster(state.rosterText)) {
    const notSaved = await keepRoster(units);
    if (notSaved) dispatch({ type: 'banner', banner: { intent: 'error', title: s.rosterNotSaved, text: notSaved } });
    await resummarise(units, deadline);
  }

  async function rosterFromSelection() {
    try {
      const units = await merge.rosterFromSelection();
      if (units.length === 0) dispatch({ type: 'banner', banner: { intent: 'info', text: s.rosterSelectionEmpty } });
      else {
        dispatch({ type: 'roster-typed', text: units.join('\n') });
        await rosterChanged(units);
      }
    } catch (err) {
      failed(err);
    }
  }

  function deadlineChanged(date: string) {
    dispatch({ type: 'deadline-set', deadline: date });
    void resummarise(parseRoster(state.rosterText), date || undefined);
  }

  async function write(replace: boolean) {
    const { preview } = state;
    if (!preview) return;
    dispatch({ type: 'write-started', total: [...preview.summaries, preview.report].reduce((n, t) => n + t.rows.length, 0) });
    try {
      const notSaved = await keepRoster(parseRoster(state.rosterText));
      const sheets = await merge.write(preview, replace, (done, total) => dispatch({ type: 'write-progress', done, total }));
      dispatch({
        type: 'written',
        sheets,
        banner: notSaved
          ? { intent: 'warning', title: s.written(sheets.length), text: `${s.rosterNotSaved}：${notSaved}` }
          : { intent: 'success', text: s.written(sheets.length) },
      });
    } catch (err) {
      failed(err);
    } finally {
      dispatch({ type: 'idle' });
    }
  }

  async function startWrite() {
    try {
      const previous = await merge.previousSummaries();
      if (previous.length > 0) dispatch({ type: 'confirm-asked', names: previous });
      else await write(false);
    } catch (err) {
      failed(err);
    }
  }

  /** 复制催报文字: the text is shown in its read-only box as well, so the clerk can copy it by hand. */
  async function copyReminder() {
    const text = state.preview?.desk.reminder;
    if (!text) return;
    flushSync(() => dispatch({ type: 'reminder-shown' }));
    const outcome = await copyText(text, reminderBox.current);
    dispatch({
      type: 'banner',
      banner: outcome === 'copied' ? { intent: 'success', text: s.reminderCopied } : { intent: 'info', text: s.reminderSelectHint },
    });
  }

  /** 保存退回修改单: the worker draws them, the pane hands them over as one .zip. */
  async function saveSlips() {
    dispatch({ type: 'slips-started' });
    try {
      const slips = await merge.slips();
      await downloadSlips(slips, s.slipsZipName);
      dispatch({ type: 'banner', banner: { intent: 'success', text: s.slipsSaved(slips.length, s.slipsZipName) } });
    } catch (err) {
      dispatch({ type: 'banner', banner: { intent: 'error', title: s.slipsFailed, text: messageOf(err) } });
    } finally {
      dispatch({ type: 'idle' });
    }
  }

  return {
    state,
    busy,
    reminderBox,
    addFiles,
    readWorkbook,
    dropped,
    cancel: () => abort.current?.abort(),
    clear: () => dispatch({ type: 'cleared' }),
    setDragging: (dragging: boolean) => dispatch({ type: 'dragging', dragging }),
    typeRoster: (text: string) => dispatch({ type: 'roster-typed', text }),
    rosterChanged: () => void rosterChanged(),
    rosterFromSelection: () => void rosterFromSelection(),
    deadlineChanged,
    selectCell,
    showSheet: (id: string) => void merge.showSheet(id).catch(failed),
    startWrite: () => void startWrite(),
    write: (replace: boolean) => void write(replace),
    closeConfirm: () => dispatch({ type: 'confirm-closed' }),
    copyReminder: () => void copyReminder(),
    saveSlips: () => void saveSlips(),
  };
}
