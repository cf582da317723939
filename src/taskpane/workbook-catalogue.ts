import type { EnvelopeNotice, OpenedEnvelope } from '../core/definition-envelope';
import type { FormDefinition } from '../core/form-schema';
import { catalogueWithImported, type FoundDefinition } from '../core/imported-catalogue';
import type { Catalogue } from '../core/notice-catalogue';
import { CATALOGUE } from '../notices';

/** How the open workbook is named in the messages about the definitions it carries. */
export const THIS_WORKBOOK_FILE = '本工作簿';

/**
 * The forms the pane knows in the open workbook (issue 13 §3): the program's own and those imported into this
 * workbook (kept in its definition sheet). The catalogue is rebuilt by the core's catalogueWithImported on each
 * change, so that insert, live checking and 合并本工作簿中的表 all see the same forms.
 */
export class WorkbookCatalogue {
  private found: FoundDefinition[] = [];
  private built = catalogueWithImported(CATALOGUE.notices, []);
  private refusedOnRead: string[] = [];
  private readonly listeners = new Set<() => void>();

  get catalogue(): Catalogue {
    return this.built.catalogue;
  }

  /** Why definitions found in the workbook are not used, one Chinese sentence each. */
  get refused(): string[] {
    return [...this.refusedOnRead, ...this.built.refused];
  }

  /** The forms listed under 插入表格: the program's own first, then the imported ones. */
  get forms(): readonly FormDefinition[] {
    return this.built.catalogue.forms;
  }

  isImported(formId: string): boolean {
    return this.found.some((f) => f.form.id === formId);
  }

  /** The definitions read from the workbook's definition sheet replace those known. */
  take(opened: readonly OpenedEnvelope[]): void {
    this.found = [];
    this.refusedOnRead = [];
    for (const e of opened) {
      if (e.ok) this.found.push({ file: THIS_WORKBOOK_FILE, notice: e.notice, form: e.form });
      else this.refusedOnRead.push(`${THIS_WORKBOOK_FILE}：${e.problem}`);
    }
    this.rebuild();
  }

  /** A definition just saved in the workbook: it replaces the one of the same id and version. */
  put(form: FormDefinition, notice: EnvelopeNotice): void {
    this.found = [
      ...this.found.filter((f) => !(f.form.id === form.id && f.form.version === form.version)),
      { file: THIS_WORKBOOK_FILE, notice, form },
    ];
    this.rebuild();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private rebuild(): void {
    this.built = catalogueWithImported(CATALOGUE.notices, this.found);
    this.listeners.forEach((l) => l());
  }
}
