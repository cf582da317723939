import { schemaProblems } from '../schema-problems';
import { FormDefinitionSchema, type Field, type FormDefinition } from '../form-schema';
import { fillTemplate, literalText } from '../templates';

/**
 * The fields of an imported form as a person reviews them before saving (issue 13 §2): label, type, required and
 * the limits a clerk can judge, and the edits they make. Pure: the pane shows and collects, this applies and checks.
 */
export type ReviewType = Field['type'];

export const REVIEW_TYPES: readonly ReviewType[] = [
  'text',
  'longText',
  'integer',
  'decimal',
  'date',
  'phone',
  'postcode',
  'yesNo',
  'check',
  'choice',
];

export interface ReviewedField {
  /** Names the field in edits: its id, or "list id.column id" for a list's column (ids are per list). */
  key: string;
  id: string;
  label: string;
  type: ReviewType;
  required: boolean;
  /** Most characters (text, long text). */
  maxLength?: number;
  /** The choices of a one-of field. */
  options?: string[];
  /** A column of a list (one value per row) rather than a cell of its own. */
  inList: boolean;
}

export interface FieldEdit {
  label?: string;
  type?: ReviewType;
  required?: boolean;
  /** null clears the limit. */
  maxLength?: number | null;
  /** The limit as typed in the review ("" clears it): read here, refused in Chinese when it is no whole number. */
  maxLengthText?: string;
  options?: string[];
  /** The options as typed in the review, separated by 、，,；; or line breaks (parseOptions). */
  optionsText?: string;
}

/** Options as a clerk types them: separated by 、 ， , ； ; or line breaks; spaces inside an option kept. */
export function parseOptions(text: string): string[] {
  return text
    .split(/[、，,；;\n]+/)
    .map((o) => o.trim())
    .filter((o) => o !== '');
}

/** Why options typed for a 单选 cannot be used, in Chinese; none when they can. */
function optionProblems(label: string, options: readonly string[]): string[] {
  const problems: string[] = [];
  if (options.length < 2) problems.push(`栏目“${label}”改为单选，至少要给出两个选项。`);
  for (const o of options)
    if (/["]/.test(o)) problems.push(`栏目“${label}”的选项“${o}”不能含英文引号。`);
    else if (/^[=+\-@]/.test(o)) problems.push(`栏目“${label}”的选项“${o}”不能以 = + - @ 开头（Excel 会当作公式）。`);
  if (new Set(options).size < options.length) problems.push(`栏目“${label}”的选项有重复。`);
  return problems;
}

/** A limit typed in the review: a whole number above 0, or "" for none; anything else is refused in Chinese. */
function typedLimit(label: string, text: string): { value: number | null } | { problem: string } {
  const t = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (t === '') return { value: null };
  if (/^\d+$/.test(t) && Number(t) > 0) return { value: Number(t) };
  return { problem: `栏目“${label}”的字数上限“${text.trim()}”应为大于 0 的整数，或留空表示不限。` };
}

export interface FormEdits {
  /**
   * The form's title as shown in the review (its parameters filled in: displayName) and listed under 插入表格; the
   * sheet keeps its name. Unchanged, the form keeps its own title, placeholders (第{edition:cn}届, {year}年度) and all.
   */
  name?: string;
  /** By ReviewedField.key. */
  fields?: Record<string, FieldEdit>;
}

export type EditedForm = { ok: true; form: FormDefinition } | { ok: false; problems: string[] };

function reviewed(field: Field, list: string | undefined): ReviewedField {
  return {
    key: list ? `${list}.${field.id}` : field.id,
    id: field.id,
    label: field.label,
    type: field.type,
    required: field.required,
    ...('maxLength' in field && field.maxLength !== undefined ? { maxLength: field.maxLength } : {}),
    ...(field.type === 'choice' ? { options: [...field.options] } : {}),
    inList: list !== undefined,
  };
}

/** The form's title as a clerk reads it: its parameters (届次, 年度) filled in with their defaults. */
export function displayName(form: FormDefinition): string {
  return fillTemplate(form.name, Object.fromEntries(form.params.map((p) => [p.id, p.default])));
}

/** Every field of the form, in the order it is printed. */
export function reviewFields(form: FormDefinition): ReviewedField[] {
  return form.bands.flatMap((band) =>
    band.kind === 'rows'
      ? band.rows.flatMap((row) => row.cells.flatMap((cell) => (cell.kind === 'input' ? [reviewed(cell.field, undefined)] : [])))
      : band.cells.map((cell) => reviewed(cell.field, band.id)),
  );
}

/** A field with the edits made: what its new type needs is given defaults; what it cannot hold is dropped. */
function editedField(field: Field, edit: FieldEdit): Record<string, unknown> {
  const type = edit.type ?? field.type;
  const common: Record<string, unknown> = {
    id: field.id,
    label: edit.label !== undefined ? edit.label.trim() : field.label,
    required: edit.required ?? field.required,
    remindIfBlank: field.remindIfBlank,
    ...(field.hint !== undefined ? { hint: field.hint } : {}),
  };
  const same = type === field.type;
  const maxLength = edit.maxLength === null ? undefined : (edit.maxLength ?? ('maxLength' in field ? field.maxLength : undefined));
  switch (type) {
    case 'text':
      return { ...common, type, ...(maxLength !== undefined ? { maxLength } : {}) };
    case 'longText':
      return {
        ...common,
        type,
        ...(maxLength !== undefined ? { maxLength } : {}),
        ...(same && field.type === 'longText' && field.aboutLength !== undefined ? { aboutLength: field.aboutLength } : {}),
      };
    case 'integer':
      return same ? { ...field, ...common } : { ...common, type, min: 0, total: true };
    case 'decimal':
      return same ? { ...field, ...common } : { ...common, type, min: 0, total: true };
    case 'choice':
      return { ...common, type, options: edit.options ?? (field.type === 'choice' ? field.options : []), source: 'notice' };
    case 'date':
      return same ? { ...field, ...common } : { ...common, type, range: false, monthAllowed: false };
    default:
      return { ...common, type };
  }
}

/** Where a schema objection points: the field's label when it is inside one, else the path. */
function fieldAt(form: unknown, path: readonly PropertyKey[]): string | undefined {
  let node: unknown = form;
  for (const key of path) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
    const field = (node as { field?: { label?: unknown } } | undefined)?.field;
    if (field && typeof field.label === 'string') return field.label;
  }
  return undefined;
}

/**
 * The form with a person's edits, checked by the same schema as every definition; refused with one Chinese sentence
 * per objection, naming the field by its label.
 */
export function editForm(form: FormDefinition, edits: FormEdits): EditedForm {
  const problems: string[] = [];
  const fields = edits.fields ?? {};
  const draft = JSON.parse(JSON.stringify(form)) as FormDefinition;
  for (const band of draft.bands) {
    const cells = band.kind === 'rows' ? band.rows.flatMap((r) => r.cells) : band.cells;
    const scope = band.kind === 'table' ? `${band.id}.` : '';
    for (const cell of cells) {
      if (cell.kind !== 'input') continue;
      const edit = fields[scope + cell.field.id];
      if (!edit) continue;
      if (edit.label !== undefined && edit.label.trim() === '') problems.push(`栏目“${cell.field.label}”的名称不能为空。`);
      const label = edit.label?.trim() || cell.field.label;
      const typed = { ...edit };
      if (edit.optionsText !== undefined) typed.options = parseOptions(edit.optionsText);
      if (edit.maxLengthText !== undefined) {
        const limit = typedLimit(label, edit.maxLengthText);
        if ('problem' in limit) problems.push(limit.problem);
        else typed.maxLength = limit.value;
      }
      const next = editedField(cell.field, typed);
      if (next.type === 'choice') problems.push(...optionProblems(label, next.options as string[]));
      (cell as { field: unknown }).field = next;
    }
  }
  if (edits.name !== undefined && edits.name.trim() !== displayName(form)) {
    const name = edits.name.trim();
    if (name === '') problems.push('表格名称不能为空。');
    // A name typed by the clerk is text: braces in it are not placeholders.
    draft.name = literalText(name);
  }
  if (problems.length > 0) return { ok: false, problems };
  const result = FormDefinitionSchema.safeParse(draft);
  if (result.success) return { ok: true, form: result.data };
  const worded = schemaProblems(result.error);
  return {
    ok: false,
    problems: result.error.issues.map((issue, i) => {
      const label = fieldAt(draft, issue.path);
      return label ? `栏目“${label}”：${worded[i] as string}` : (worded[i] as string);
    }),
  };
}
