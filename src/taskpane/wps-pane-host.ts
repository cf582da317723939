import type { FormDraft, NoticeImport } from '../app/import-forms';
import { UserError } from '../core/errors';
import { versionToKeep } from '../core/imported-catalogue';
import { planSheet } from '../core/layout';
import type { FormDefinition } from '../core/form-schema';
import type { SelectedGrid } from '../core/import/selected-grid';
import type { SheetPlan } from '../core/sheet-plan';
import type { InsertedForm } from '../hosts/office/insert-form';
import { readWorkbookDefinitions, saveWorkbookDefinition } from '../hosts/wps/workbook-definitions';
import type { EtApplicationSurface } from '../hosts/wps/wps-surface';
import type { MergeHost } from './merge-host';
import type { PaneHost, ValidationHost } from './pane-host';
import { WorkbookCatalogue } from './workbook-catalogue';

/**
 * The pane's host in WPS 表格 (index.tsx loads this module, as the "wps-host" chunk, when the page has a
 * `window.Application` with `Workbooks` and no Office.js). It composes the WPS modules: drawing a form
 * (hosts/wps/insert-form.ts), live checking (hosts/wps/live-*.ts), the merge (wps-merge-host.ts), and the workbook's
 * imported forms (hosts/wps/workbook-definitions.ts). ET's calls are synchronous; each runs at once, and a failure
 * throws a UserError with a Chinese line (the WPS modules word them).
 */

/** The parts of the WPS host that its own modules give; each missing part leaves its tab or button out. */
export interface WpsPaneParts {
  /** Draws a planned form as a new sheet (hosts/wps/insert-form.ts). */
  insert?: (plan: SheetPlan) => InsertedForm;
  /** Live checking of the workbook's form sheets (hosts/wps/live-*.ts), told when the catalogue changes. */
  live?: ValidationHost & { setCatalogue?(catalogue: WorkbookCatalogue['catalogue']): Promise<void> | void };
  merge?: MergeHost;
  /** The selected cells as a grid, for 从所选区域创建. */
  readSelection?: () => SelectedGrid;
}

/**
 * PluginStorage key of the pane's ID, as wps/main.js keeps it when the ribbon opens the pane (per host: WPS 文字,
 * 表格 and 演示 share one PluginStorage and count pane IDs from 1 each — aiworkdeck's notes).
 */
export const PANE_ID_KEY = 'UnionForms.taskPaneId.et';

/** Hides the pane the ribbon opened (the in-pane 收起窗格 button); nothing when its ID is unknown or stale. */
export function collapseWpsPane(app: EtApplicationSurface): void {
  try {
    const id = Number(app.PluginStorage.getItem(PANE_ID_KEY));
    if (!id) return;
    // GetTaskPane may return null or throw after a restart (opencode-wps docs/WPSJS_DEVELOPMENT.md)
    const pane = app.GetTaskPane(id) as ReturnType<EtApplicationSurface['GetTaskPane']> | null;
    if (pane) pane.Visible = false;
  } catch {
    // the ribbon's button still closes it
  }
}

const NOT_YET = (what: string) => new UserError('wps', `WPS 表格中暂不能${what}，请用表格模板包或在 Excel 中操作。`);

/** Reading a .docx is loaded on the first import only, as in Excel (pane-host.ts). */
async function importNoticeBytes(data: Uint8Array): Promise<NoticeImport> {
  const [{ readDocx }, { importNoticeForms }] = await Promise.all([import('../hosts/docx/read-docx'), import('../app/import-forms')]);
  return importNoticeForms(readDocx(data));
}

async function downloadTemplate({ form, notice }: Pick<FormDraft, 'form' | 'notice'>, zipName: string): Promise<void> {
  const [{ formTemplateFiles }, { downloadSlips: downloadZip }] = await Promise.all([
    import('../hosts/xlsx/form-template'),
    import('./merge/save-slips'),
  ]);
  await downloadZip(await formTemplateFiles(form, notice), zipName);
}

/** ET's calls are synchronous: each is run after the pane has painted its busy state, and its throw becomes a rejection. */
const later = <T>(work: () => T): Promise<T> =>
  new Promise((resolve, reject) =>
    setTimeout(() => {
      try {
        resolve(work());
      } catch (err) {
        reject(err);
      }
    }, 0),
  );

export function wpsPaneHost(app: EtApplicationSurface, parts: WpsPaneParts = {}): PaneHost {
  const workbookForms = new WorkbookCatalogue();
  // The forms imported into this workbook before, read once (as in Excel); a failed read is said in the pane.
  let loaded = false;
  const loadDefinitions = (): void => {
    if (loaded) return;
    try {
      workbookForms.take(readWorkbookDefinitions(app));
      loaded = true;
      void parts.live?.setCatalogue?.(workbookForms.catalogue);
    } catch (err) {
      workbookForms.failed(err instanceof Error ? err.message : String(err));
    }
  };
  void later(loadDefinitions);
  const { insert, live, readSelection } = parts;
  return {
    inOffice: true,
    missing: [],
    validation: live,
    merge: parts.merge,
    workbookForms,
    insertForm: (formId, params) =>
      later(() => {
        if (!insert) throw NOT_YET('插入表格');
        const inserted = insert(planSheet(workbookForms.catalogue.getForm(formId), { params }));
        void live?.checkAll();
        return inserted;
      }),
    importNotice: importNoticeBytes,
    // WPS's pane is a Chromium page: a download is saved where the clerk chooses
    canDownload: true,
    downloadTemplate,
    importSelection: async () => {
      if (!readSelection) throw NOT_YET('从所选区域创建表格');
      const grid = await later(readSelection);
      const [{ importSelectedForm }, { localIsoDate }] = await Promise.all([import('../app/import-forms'), import('../core/cell-value')]);
      return importSelectedForm(grid, localIsoDate());
    },
    saveForm: ({ form: edited, notice }) =>
      later(() => {
        loadDefinitions();
        if (workbookForms.loadProblem) throw new UserError('wps', workbookForms.loadProblem);
        const form: FormDefinition = versionToKeep(edited, workbookForms.kept);
        const saved = saveWorkbookDefinition(app, form, notice);
        workbookForms.put(form, notice);
        void parts.live?.setCatalogue?.(workbookForms.catalogue);
        return { saved, version: form.version, form };
      }),
  };
}
