import { planSheet } from '../core/layout';
import type { ParamOverrides } from '../core/params';
import { getForm } from '../forms';
import { detectApiSupport, missingFeatures, type ApiSupport, type MissingFeature } from '../hosts/office/api-support';
import { insertForm, type InsertedForm } from '../hosts/office/insert-form';
import { OwnWrites } from '../hosts/office/own-writes';
import type { ContextSurface } from '../hosts/office/excel-surface';

/** What the task pane's components may ask of the workbook; the components hold no Office.js code. */
export interface PaneHost {
  readonly inOffice: boolean;
  readonly missing: MissingFeature[];
  insertForm(formId: string, params: ParamOverrides): Promise<InsertedForm>;
}

export type ExcelRun = <T>(batch: (context: ContextSurface) => Promise<T>) => Promise<T>;

export function officePaneHost(run: ExcelRun, support: ApiSupport, ownWrites = new OwnWrites()): PaneHost {
  return {
    inOffice: true,
    missing: missingFeatures(support),
    insertForm: async (formId, params) => {
      const plan = planSheet(getForm(formId), { params });
      return run((context) => insertForm(context, plan, support, ownWrites));
    },
  };
}

export function detachedPaneHost(): PaneHost {
  return {
    inOffice: false,
    missing: [],
    insertForm: () => Promise.reject(new Error('not in Office')),
  };
}

export function supportFromOffice(): ApiSupport {
  return detectApiSupport((set, version) => Office.context.requirements.isSetSupported(set, version));
}
