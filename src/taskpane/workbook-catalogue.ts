import type { EnvelopeNotice, OpenedEnvelope } from '../core/definition-envelope';
import type { FormDefinition } from '../core/form-schema';
import { catalogueWithImported, type FoundDefinition } from '../core/imported-catalogue';
import type { Catalogue } from '../core/notice-catalogue';
import { THIS_WORKBOOK } from '../hosts/office/read-workbook-forms';
import { CATALOGUE } from '../notices';

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
    return [...(this.loadProblem ? [this.loadProblem] : []), ...this.refusedOnRead, ...this.built.refused];
  }

  /** The forms listed under 插入表格: the program's own first, then the imported ones. */
  get forms(): readonly FormDefinition[] {
    return this.built.catalogue.forms;
  }

  /** The definitions the workbook keeps with their notices, as the merge worker takes them. */
  get keptWithNotices(): { notice: EnvelopeNotice; form: FormDefinition }[] {
    return this.found.map((f) => ({ notice: f.notice, form: f.form }));
  }

  /** Every version of every imported form the workbook keeps. */
  get kept(): FormDefinition[] {
    return this.found.map((f) => f.form);
  }

  /** Why the workbook's definitions could not be read (shown until a read succeeds). */
  loadProblem: string | undefined;

  /** The definitions read from the workbook's definition sheet replace those known. */
  take(opened: readonly OpenedEnvelope[]): void {
    this.loadProblem = undefined;
    this.found = [];
    this.refusedOnRead = [];
    for (const e of opened) {
      if (e.ok) this.found.push({ file: THIS_WORKBOOK, notice: e.notice, form: e.form });
      else this.refusedOnRead.push(`${THIS_WORKBOOK}：${e.problem}`);
    }
    this.rebuild();
  }

  /** A definition just saved in the workbook: it replaces the one of the same id and version. */
  put(form: FormDefinition, notice: EnvelopeNotice): void {
    this.found = [
      ...this.found.filter((f) => !(f.form.id === form.id && f.form.version === form.version)),
      { file: THIS_WORKBOOK, notice, form },
    ];
    this.rebuild();
  }

  /** The workbook's definitions could not be read: said in the pane until a later read succeeds. */
  failed(reason: string): void {
    this.loadProblem = `无法读取本工作簿中保存的导入表格：${reason}（点“检查整个工作簿”或保存表格时会再试）`;
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
