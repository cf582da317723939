import type { WrittenSheet } from '../merge-host';
import type { MergePreview, PickedFile } from './merge-protocol';

/**
 * The 合并 tab's state as one pure reducer: what the clerk picked and typed, what the worker found, and what the tab is
 * doing. The hook beside it (use-merge-state.ts) runs the steps; MergePanel only draws.
 */
export type Phase =
  | { kind: 'idle' }
  | { kind: 'reading'; done: number; total: number; file: string }
  | { kind: 'writing'; done: number; total: number }
  | { kind: 'slips' };

export type Banner = { intent: 'success' | 'warning' | 'error' | 'info'; title?: string; text: string } | undefined;

export interface MergeState {
  files: PickedFile[];
  rosterText: string;
  /** The clerk's own deadline (YYYY-MM-DD), or '' for the notices' own. */
  deadline: string;
  phase: Phase;
  preview: MergePreview | undefined;
  /** Whether the preview is of the open workbook's own sheets, whose problems can be selected there. */
  fromWorkbook: boolean;
  banner: Banner;
  /** The earlier summaries the clerk is asked about before writing, while the question is open. */
  confirm: string[] | undefined;
  written: WrittenSheet[];
  dragging: boolean;
  /** The 催报 text is shown (after the clerk asked to copy it), so it can be copied by hand too. */
  reminderShown: boolean;
}

export type MergeAction =
  | { type: 'roster-loaded'; units: string[] }
  | { type: 'roster-typed'; text: string }
  | { type: 'deadline-set'; deadline: string }
  | { type: 'read-started'; files: PickedFile[]; total: number }
  | { type: 'read-progress'; done: number; total: number; file: string }
  | { type: 'read-done'; preview: MergePreview; fromWorkbook: boolean }
  | { type: 'read-failed'; banner: Banner }
  | { type: 'preview-updated'; preview: MergePreview }
  | { type: 'cleared' }
  | { type: 'confirm-asked'; names: string[] }
  | { type: 'confirm-closed' }
  | { type: 'write-started'; total: number }
  | { type: 'write-progress'; done: number; total: number }
  | { type: 'written'; sheets: WrittenSheet[]; banner: Banner }
  | { type: 'slips-started' }
  | { type: 'idle' }
  | { type: 'banner'; banner: Banner }
  | { type: 'dragging'; dragging: boolean }
  | { type: 'reminder-shown' };

export const initialMergeState: MergeState = {
  files: [],
  rosterText: '',
  deadline: '',
  phase: { kind: 'idle' },
  preview: undefined,
  fromWorkbook: false,
  banner: undefined,
  confirm: undefined,
  written: [],
  dragging: false,
  reminderShown: false,
};

export function mergeReducer(state: MergeState, action: MergeAction): MergeState {
  switch (action.type) {
    case 'roster-loaded':
      // the clerk may have typed before the workbook answered: what was typed wins
      return state.rosterText ? state : { ...state, rosterText: action.units.join('\n') };
    case 'roster-typed':
      return { ...state, rosterText: action.text };
    case 'deadline-set':
      return { ...state, deadline: action.deadline };
    case 'read-started':
      return {
        ...state,
        files: action.files,
        phase: { kind: 'reading', done: 0, total: action.total, file: '' },
        banner: undefined,
        written: [],
      };
    case 'read-progress':
      return { ...state, phase: { kind: 'reading', done: action.done, total: action.total, file: action.file } };
    case 'read-done':
      return { ...state, phase: { kind: 'idle' }, preview: action.preview, fromWorkbook: action.fromWorkbook, reminderShown: false };
    case 'read-failed':
      return { ...state, phase: { kind: 'idle' }, preview: undefined, banner: action.banner };
    case 'preview-updated':
      return { ...state, preview: action.preview };
    case 'cleared':
      return { ...state, files: [], preview: undefined, written: [], banner: undefined, reminderShown: false };
    case 'confirm-asked':
      return { ...state, confirm: action.names };
    case 'confirm-closed':
      return { ...state, confirm: undefined };
    case 'write-started':
      return { ...state, confirm: undefined, banner: undefined, phase: { kind: 'writing', done: 0, total: action.total } };
    case 'write-progress':
      return { ...state, phase: { kind: 'writing', done: action.done, total: action.total } };
    case 'written':
      return { ...state, written: action.sheets, banner: action.banner };
    case 'slips-started':
      return { ...state, banner: undefined, phase: { kind: 'slips' } };
    case 'idle':
      return { ...state, phase: { kind: 'idle' } };
    case 'banner':
      return { ...state, banner: action.banner };
    case 'dragging':
      return { ...state, dragging: action.dragging };
    case 'reminder-shown':
      return { ...state, reminderShown: true };
  }
}

/** Whether the tab is busy (reading, writing or making slips): its actions wait. */
export const isBusy = (state: MergeState): boolean => state.phase.kind !== 'idle';

/** The key by which a file picked twice is taken once. */
export const fileKey = (f: PickedFile): string => `${f.name}|${f.size}|${f.lastModified}`;

/** The files picked so far and the newly picked ones, each once. */
export function withPicked(files: readonly PickedFile[], picked: readonly PickedFile[]): PickedFile[] {
  const known = new Set(files.map(fileKey));
  return [...files, ...picked.filter((f) => !known.has(fileKey(f)))];
}
