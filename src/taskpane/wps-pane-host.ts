import type { FormDraft, NoticeImport } from '../app/import-forms';
import { UserError } from '../core/errors';
import { versionToKeep } from '../core/imported-catalogue';
import { planSheet } from '../core/layout';
import type { FormDefinition } from '../core/form-schema';
import type { SelectedGrid } from '../core/import/selected-grid';
import type { SheetPlan } from '../core/sheet-plan';
import { LiveChecking } from '../hosts/live/live-checking';
import type { LivePort } from '../hosts/live/live-port';
import type { InsertedForm } from '../hosts/office/insert-form';
import { WpsLivePort } from '../hosts/wps/live-port';
import { NOTICE_DIALOG, pickFiles } from '../hosts/wps/pick-files';
import { readWorkbookDefinitions, saveWorkbookDefinition } from '../hosts/wps/workbook-definitions';
import type { EtApplicationSurface } from '../hosts/wps/wps-surface';
import { lazyMergeHost } from './lazy-merge-host';
import type { MergeHost } from './merge-host';
import { importNoticeFileBytes } from './new-form/notice-files';
import type { WorkerLike } from './merge/merge-client';
import type { PaneHost } from './pane-host';
import { later } from './et-step';
import { validationView } from './live-validation-view';
import { WorkbookCatalogue } from './workbook-catalogue';

/**
 * The pane's host in WPS 表格 (index.tsx loads this module, as the "wps-host" chunk, when the page has a
 * `window.Application` with `Workbooks` and no Office.js). It composes the WPS modules: drawing a form
 * (hosts/wps/insert-form.ts), live checking (the shared hosts/live through hosts/wps/live-port.ts), the merge (wps-merge-host.ts), and the workbook's
 * imported forms (hosts/wps/workbook-definitions.ts). ET's calls are synchronous; each runs at once, and a failure
 * throws a UserError with a Chinese line (the WPS modules word them).
 */

/** The parts of the WPS host; by default its own modules. A missing part leaves its tab or button out. */
export interface WpsPaneParts {
  /** Draws a planned form as a new sheet (hosts/wps/insert-form.ts). */
  insert?: (plan: SheetPlan) => InsertedForm;
  /**
   * ET's side of live checking (hosts/wps/live-port.ts): what is shared (src/hosts/live) reads, checks and paints
   * through it. Without it the 检查 and 合并 tabs are left out.
   */
  livePort?: LivePort;
  merge?: MergeHost;
  /** The selected cells as a grid, for 从所选区域创建 (by default hosts/wps/read-selection-grid.ts, loaded at first use). */
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

export interface WpsPaneOptions {
  /** The merge worker's spawner, loaded with the 合并 tab (index.tsx gives it: only webpack compiles that module). */
  loadWorker?: () => Promise<() => WorkerLike>;
  /** Parts given instead of the WPS modules (tests). */
  parts?: WpsPaneParts;
}

export function wpsPaneHost(app: EtApplicationSurface, options: WpsPaneOptions = {}): PaneHost {
  const workbookForms = new WorkbookCatalogue();
  const { loadWorker } = options;
  const parts: WpsPaneParts = {
    livePort: new WpsLivePort(app),
    // the 合并 tab's code (ET's summary writer, the roster, the merge client) waits for its first use, as in Excel
    merge: loadWorker
      ? lazyMergeHost(
          async () => {
            const [{ wpsMergeHost }, { MergeClient }, spawnMergeWorker] = await Promise.all([
              import(/* webpackChunkName: "wps-merge" */ './wps-merge-host'),
              import(/* webpackChunkName: "merge-tab" */ './merge/merge-client'),
              loadWorker(),
            ]);
            return wpsMergeHost(app, new MergeClient(spawnMergeWorker), undefined, () => workbookForms.keptWithNotices);
          },
          true,
          { choosesReturns: true },
        )
      : undefined,
    ...options.parts,
  };
  // The forms imported into this workbook before, read once (as in Excel); a failed read is said in the pane.
  let loaded = false;
  const loadDefinitions = async (): Promise<void> => {
    if (loaded) return;
    try {
      workbookForms.take(await readWorkbookDefinitions(app));
      loaded = true;
      void live?.setCatalogue(workbookForms.catalogue);
    } catch (err) {
      workbookForms.failed(err instanceof Error ? err.message : String(err));
    }
  };
  void later(loadDefinitions);
  const { readSelection } = parts;
  // ET's drawing of a form waits for the first 插入表格 (it is not needed to show the forms or to check them)
  const drawing = (): Promise<(plan: SheetPlan) => InsertedForm> =>
    parts.insert
      ? Promise.resolve(parts.insert)
      : import(/* webpackChunkName: "wps-insert" */ '../hosts/wps/insert-form').then(
          ({ insertFormWps }) =>
            (plan) =>
              insertFormWps(app, plan),
        );
  const live = parts.livePort ? new LiveChecking(parts.livePort, { catalogue: workbookForms.catalogue }) : undefined;
  const validation = live ? validationView(live, undefined, true) : undefined;
  return {
    inOffice: true,
    missing: [],
    validation,
    merge: parts.merge,
    workbookForms,
    insertForm: async (formId, params) => {
      const insert = await drawing();
      return later(() => {
        const inserted = insert(planSheet(workbookForms.catalogue.getForm(formId), { params }));
        // ET tells of no sheet added: the form sheets are found again and checked, as Excel's pane does after an insert
        void live?.checkAll();
        return inserted;
      });
    },
    // 自检 (issue 20 §6): its code is loaded when the clerk runs it, not with the pane
    selfTest: async () => {
      const { runWpsSelfTest } = await import(/* webpackChunkName: "wps-self-test" */ '../hosts/wps/self-test');
      return runWpsSelfTest(app, { userAgent: typeof navigator === 'undefined' ? undefined : navigator.userAgent });
    },
    importNotice: importNoticeBytes,
    importNoticeFiles: importNoticeFileBytes,
    // the notice through WPS's own dialog and file reader, beside the pane's chooser (no source says that one works)
    chooseNotice: () => later(() => pickFiles(app, NOTICE_DIALOG)),
    // WPS's pane is a Chromium page: a download is saved where the clerk chooses
    canDownload: true,
    downloadTemplate,
    importSelection: async () => {
      // ET's reader of the selection waits for the first 从所选区域创建, as the drawing does
      let read = readSelection;
      if (!read) {
        const { readSelectionGridWps } = await import(/* webpackChunkName: "wps-read-selection" */ '../hosts/wps/read-selection-grid');
        read = () => readSelectionGridWps(app);
      }
      const grid = await later(read);
      const [{ importSelectedForm }, { localIsoDate }] = await Promise.all([import('../app/import-forms'), import('../core/cell-value')]);
      return importSelectedForm(grid, localIsoDate());
    },
    saveForm: async ({ form: edited, notice }) => {
      // what the workbook keeps is read first, so that the save adds to it (as in Excel)
      await later(loadDefinitions);
      return later(() => {
        if (workbookForms.loadProblem) throw new UserError('wps', workbookForms.loadProblem);
        const form: FormDefinition = versionToKeep(edited, workbookForms.kept);
        const saved = saveWorkbookDefinition(app, form, notice);
        workbookForms.put(form, notice);
        void live?.setCatalogue(workbookForms.catalogue);
        return { saved, version: form.version, form };
      });
    },
  };
}
