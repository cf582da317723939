import type { FormDraft, NoticeImport } from '../app/import-forms';
import { localIsoDate } from '../core/cell-value';
import { versionToKeep } from '../core/imported-catalogue';
import { planSheet } from '../core/layout';
import type { FormDefinition } from '../core/form-schema';
import type { ParamOverrides } from '../core/params';
import { readSelectionGrid } from '../hosts/office/read-selection-grid';
import { readWorkbookDefinitions, saveWorkbookDefinition } from '../hosts/office/workbook-definitions';
import { WorkbookCatalogue } from './workbook-catalogue';
import { validationView } from './live-validation-view';
import { detectApiSupport, missingFeatures, type ApiSupport, type MissingFeature } from '../hosts/office/api-support';
import type { InsertedForm } from '../hosts/office/insert-form';
import { LiveValidation, type ValidationState } from '../hosts/office/live-validation';
import { OwnWrites } from '../hosts/office/own-writes';
import type { ExcelRun } from '../hosts/office/excel-surface';
import type { ChooseFiles } from './chosen-files';
import { importNoticeFileBytes, type NoticeFileBytes } from './new-form/notice-files';
import type { MergeHost } from './merge-host';
import type { SelfTestReport } from '../core/self-test-report';
import type { OfficeEnvironment } from '../hosts/office/self-test';

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
  /**
   * Whether painting (检查整个工作簿, 检查全部) costs the clerk's Ctrl+Z history: Excel before ExcelApi 1.20
   * (api-support.ts), and WPS, where no source says what a JS write does to it (the worst is assumed). Checking as the
   * clerk types never paints, so it never costs it (hosts/live/live-paint.ts).
   */
  readonly paintClearsUndo: boolean;
}

/** What the task pane's components may ask of the workbook; the components hold no Office.js code. */
export interface PaneHost {
  readonly inOffice: boolean;
  readonly missing: MissingFeature[];
  readonly validation: ValidationHost | undefined;
  readonly merge: MergeHost | undefined;
  /** The forms of 插入表格: the program's own and those imported into this workbook. */
  readonly workbookForms: WorkbookCatalogue;
  insertForm(formId: string, params: ParamOverrides): Promise<InsertedForm>;
  /** 新表格 → 从通知导入: the notice's Word file read and its attachment forms recognised (nothing saved yet). */
  importNotice(data: Uint8Array): Promise<NoticeImport>;
  /**
   * 新表格 → 从通知导入 with several files chosen at once (issue 21 §2): the notice's .docx and its attachments (.docx,
   * an office's own .xlsx form), read as one notice; a .doc gets the verdict saying how to save it as .docx.
   */
  importNoticeFiles(files: readonly NoticeFileBytes[]): Promise<NoticeImport>;
  /**
   * 新表格 → 从通知导入 through the host's own file dialog (WPS: Application.FileDialog), where the pane's file chooser
   * may not work: the notice's file, whose bytes go to `importNotice` as the chooser's do. Absent in Excel.
   */
  chooseNotice?: ChooseFiles<Blob>;
  /** 新表格 → 从所选区域创建: the selected cells read (one sync) and recognised as a form (nothing saved yet). */
  importSelection(): Promise<FormDraft>;
  /** A reviewed form kept in the workbook (its definition sheet): listed under 插入表格 and checked live. */
  saveForm(draft: Pick<FormDraft, 'form' | 'notice'>): Promise<SavedForm>;
  /**
   * Whether the pane can hand the clerk a file to save: not in Excel on Mac (office-js #3385, #4681), where the command
   * line's `import` writes the templates.
   */
  readonly canDownload: boolean;
  /** The form's template (.xlsx carrying its definition) and its definition (.json), as one .zip to save. */
  downloadTemplate(draft: Pick<FormDraft, 'form' | 'notice'>, zipName: string): Promise<void>;
  /**
   * 自检 (issue 20 §6): every host call the add-in relies on, tried on a scratch sheet that is removed afterwards;
   * absent where there is no workbook (the pane then offers no self-test).
   */
  selfTest?(): Promise<SelfTestReport>;
}

/** What Office says of itself for the self-test's report (Office.context.diagnostics: version and platform). */
function officeEnvironment(): OfficeEnvironment {
  const diagnostics = typeof Office === 'undefined' ? undefined : Office.context?.diagnostics;
  return {
    version: diagnostics?.version ?? '未知',
    platform: diagnostics ? String(diagnostics.platform) : '未知',
    userAgent: typeof navigator === 'undefined' ? undefined : navigator.userAgent,
    isSetSupported: (set, version) => typeof Office !== 'undefined' && Office.context.requirements.isSetSupported(set, version),
  };
}

/** ExcelJS and the zip writer are loaded on the first download only. */
async function downloadTemplate({ form, notice }: Pick<FormDraft, 'form' | 'notice'>, zipName: string): Promise<void> {
  const [{ formTemplateFiles }, { downloadSlips: downloadZip }] = await Promise.all([
    import('../hosts/xlsx/form-template'),
    import('./merge/save-slips'),
  ]);
  await downloadZip(await formTemplateFiles(form, notice), zipName);
}

/** How a reviewed form was kept: its row added or replaced, and the version it was kept as (changed content: next). */
export interface SavedForm {
  saved: 'added' | 'replaced';
  version: number;
  /** The definition as kept (its version included). */
  form: FormDefinition;
}

/**
 * Reading a .docx is loaded on the first import only (its XML parser is not in the pane's first load). Pure once the
 * bytes are read: the same path as the command line's import (app/import-forms.ts).
 */
async function importNoticeBytes(data: Uint8Array): Promise<NoticeImport> {
  const [{ readDocx }, { importNoticeForms }] = await Promise.all([import('../hosts/docx/read-docx'), import('../app/import-forms')]);
  return importNoticeForms(readDocx(data));
}

export interface OfficePaneParts {
  ownWrites?: OwnWrites;
  /** The workbook's forms, when the merge host shares them (index.tsx). */
  workbookForms?: WorkbookCatalogue;
  live?: LiveValidation;
  merge?: MergeHost;
}

export function officePaneHost(run: ExcelRun, support: ApiSupport, parts: OfficePaneParts = {}): PaneHost {
  const ownWrites = parts.ownWrites ?? new OwnWrites();
  const workbookForms = parts.workbookForms ?? new WorkbookCatalogue();
  const live = parts.live ?? new LiveValidation(run, support, ownWrites, { catalogue: workbookForms.catalogue });
  // The forms imported into this workbook before: read once, then checked like the program's own. A failed read
  // (the clerk editing a cell, say) is said in the pane and tried again by 检查整个工作簿 or the next save; a save
  // waits for it, so that what it keeps is added to what the workbook had.
  let loaded: Promise<void> | undefined;
  const loadDefinitions = (): Promise<void> => {
    loaded ??= run((context) => readWorkbookDefinitions(context)).then(
      async (opened) => {
        const had = workbookForms.kept.length > 0 || workbookForms.loadProblem !== undefined;
        workbookForms.take(opened);
        if (opened.length > 0 || had) await live.setCatalogue(workbookForms.catalogue);
      },
      (err: unknown) => {
        loaded = undefined;
        workbookForms.failed(err instanceof Error ? err.message : String(err));
      },
    );
    return loaded;
  };
  void loadDefinitions();
  const validation = validationView(live, loadDefinitions, !support.undoKeptByWrites);
  return {
    inOffice: true,
    missing: missingFeatures(support),
    merge: parts.merge,
    validation,
    workbookForms,
    insertForm: async (formId, params) => {
      const plan = planSheet(workbookForms.catalogue.getForm(formId), { params });
      // The drawing of a form waits for the first 插入表格: it is not needed to show the forms or to check them.
      const { insertForm } = await import(/* webpackChunkName: "excel-insert" */ '../hosts/office/insert-form');
      const inserted = await run((context) => insertForm(context, plan, support, ownWrites));
      void live.checkAll();
      return inserted;
    },
    importNotice: importNoticeBytes,
    importNoticeFiles: importNoticeFileBytes,
    canDownload: parts.merge?.canDownload ?? true,
    downloadTemplate,
    // The self-test's code is loaded when the clerk runs it, not with the pane.
    selfTest: async () => {
      const { runOfficeSelfTest } = await import(/* webpackChunkName: "excel-self-test" */ '../hosts/office/self-test');
      return runOfficeSelfTest(run, officeEnvironment());
    },
    importSelection: async () => {
      const grid = await run((context) => readSelectionGrid(context, support));
      const { importSelectedForm } = await import('../app/import-forms');
      return importSelectedForm(grid, localIsoDate());
    },
    saveForm: async ({ form: edited, notice }) => {
      await loadDefinitions();
      if (workbookForms.loadProblem) throw new Error(workbookForms.loadProblem);
      // Changed content of a form already kept becomes its next version (core/imported-catalogue.ts).
      const form = versionToKeep(edited, workbookForms.kept);
      const saved = await run((context) => saveWorkbookDefinition(context, form, notice));
      workbookForms.put(form, notice);
      await live.setCatalogue(workbookForms.catalogue);
      return { saved, version: form.version, form };
    },
  };
}

export function detachedPaneHost(): PaneHost {
  return {
    inOffice: false,
    missing: [],
    validation: undefined,
    merge: undefined,
    workbookForms: new WorkbookCatalogue(),
    insertForm: () => Promise.reject(new Error('not in Office')),
    importNotice: importNoticeBytes,
    importNoticeFiles: importNoticeFileBytes,
    canDownload: true,
    downloadTemplate,
    importSelection: () => Promise.reject(new Error('not in Office')),
    saveForm: () => Promise.reject(new Error('not in Office')),
  };
}

export function supportFromOffice(): ApiSupport {
  return detectApiSupport((set, version) => Office.context.requirements.isSetSupported(set, version));
}
