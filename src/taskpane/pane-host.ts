import { planSheet } from '../core/layout';
import type { ParamOverrides } from '../core/params';
import { getForm } from '../notices';
import { detectApiSupport, missingFeatures, type ApiSupport, type MissingFeature } from '../hosts/office/api-support';
import { insertForm, type InsertedForm } from '../hosts/office/insert-form';
import { LiveValidation, type ValidationState } from '../hosts/office/live-validation';
import { OwnWrites } from '../hosts/office/own-writes';
import type { ExcelRun } from '../hosts/office/excel-surface';
import type { MergeHost } from './merge-host';

/** Live checking of the workbook's form sheets, as the pane sees it. */
export interface ValidationHost {
  getState(): ValidationState;
  subscribe(listener: () => void): () => void;
  checkAll(): Promise<void>;
  /**
   * 检查全部: checks every form sheet with required cells still empty reported as errors (and painted), as the merge
   * will; until then they are listed as 未填 and not painted. Stays on for the rest of the session.
   */
  checkEverything(): Promise<void>;
  /** Whether 检查全部 has been asked for (required cells still empty are errors). */
  everything(): boolean;
  select(sheetId: string, cell: string): Promise<void>;
}

/** What the task pane's components may ask of the workbook; the components hold no Office.js code. */
export interface PaneHost {
  readonly inOffice: boolean;
  readonly missing: MissingFeature[];
  readonly validation: ValidationHost | undefined;
  readonly merge: MergeHost | undefined;
  insertForm(formId: string, params: ParamOverrides): Promise<InsertedForm>;
}

export interface OfficePaneParts {
  ownWrites?: OwnWrites;
  live?: LiveValidation;
  merge?: MergeHost;
}

export function officePaneHost(run: ExcelRun, support: ApiSupport, parts: OfficePaneParts = {}): PaneHost {
  const ownWrites = parts.ownWrites ?? new OwnWrites();
  const live = parts.live ?? new LiveValidation(run, support, ownWrites);
  // While the clerk fills a form in, a required cell not reached yet is 未填, not an error: only 检查全部 makes it one.
  live.unfilled = 'pending';
  let state = live.state;
  const listeners = new Set<() => void>();
  live.subscribe((next) => {
    state = next;
    listeners.forEach((l) => l());
  });
  void live.start().catch(() => undefined);
  // A pick from a validation list raises no onChanged in Excel on the web (office-js #4066, #3888, #420): when the
  // clerk comes back to the pane, its forms are re-read (one sync, nothing more when nothing changed).
  if (typeof window !== 'undefined') window.addEventListener('focus', () => live.recheck());
  return {
    inOffice: true,
    missing: missingFeatures(support),
    merge: parts.merge,
    validation: {
      getState: () => state,
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      checkAll: () => live.checkAll(),
      checkEverything: () => {
        live.unfilled = 'error';
        return live.checkAll();
      },
      everything: () => live.unfilled === 'error',
      select: (sheetId, cell) => live.select(sheetId, cell),
    },
    insertForm: async (formId, params) => {
      const plan = planSheet(getForm(formId), { params });
      const inserted = await run((context) => insertForm(context, plan, support, ownWrites));
      void live.checkAll();
      return inserted;
    },
  };
}

export function detachedPaneHost(): PaneHost {
  return {
    inOffice: false,
    missing: [],
    validation: undefined,
    merge: undefined,
    insertForm: () => Promise.reject(new Error('not in Office')),
  };
}

export function supportFromOffice(): ApiSupport {
  return detectApiSupport((set, version) => Office.context.requirements.isSetSupported(set, version));
}
