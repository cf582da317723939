import type { Problem } from '../../core/rules/check-form';

/** One form sheet's problems as the pane lists them. */
export interface LiveSheetProblems {
  sheetId: string;
  sheetName: string;
  formId: string;
  formTitle: string;
  problems: Problem[];
  /** Why the cells could not be highlighted (a password-protected sheet); the list still holds. */
  highlightNote: string | undefined;
}

export interface ValidationState {
  sheets: LiveSheetProblems[];
  busy: boolean;
  /** A passing condition worth telling the clerk (cell edit mode), or a failure. */
  notice: { kind: 'info' | 'error'; text: string } | undefined;
}

/**
 * What the pane reads of live checking: each form sheet's problems, whether a check is running, and a notice; the
 * pane's subscribers are told of every change.
 */
export class LiveStore {
  private readonly lists = new Map<string, LiveSheetProblems>();
  private readonly listeners = new Set<(state: ValidationState) => void>();
  private busy = false;
  notice: ValidationState['notice'];

  /** `position` places a sheet in the order of the workbook's tabs. */
  constructor(private readonly position: (sheetId: string) => number) {}

  get state(): ValidationState {
    const sheets = [...this.lists.values()].sort((a, b) => this.position(a.sheetId) - this.position(b.sheetId));
    return { sheets, busy: this.busy, notice: this.notice };
  }

  subscribe(listener: (state: ValidationState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(): void {
    const state = this.state;
    for (const l of this.listeners) l(state);
  }

  /** Whether checks are waiting or running; told to the subscribers. */
  setBusy(busy: boolean): void {
    this.busy = busy;
    this.emit();
  }

  get(sheetId: string): LiveSheetProblems | undefined {
    return this.lists.get(sheetId);
  }

  set(list: LiveSheetProblems): void {
    this.lists.set(list.sheetId, list);
  }

  delete(sheetId: string): void {
    this.lists.delete(sheetId);
  }
}
