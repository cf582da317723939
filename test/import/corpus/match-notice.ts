import type { FormDefinition } from '../../../src/core/form-schema';
import { fillTemplate } from '../../../src/core/templates';
import { typesOf, type ExpectedField, type ExpectedForm, type ExpectedNotice } from './expectation';

/**
 * A tolerant comparison of what `union-forms import` wrote with what a notice should give (issue 21 §5): labels are
 * compared without spaces, in half width (NFKC), without a trailing colon or a leading 其中：, and — when that is all
 * that differs — without their bracketed parts (书屋类型（请在□内打√） = 书屋类型, 书屋面积（平方米） = 书屋面积).
 */

/** [right, out of] */
export type Tally = [number, number];

/** What did not match, by the figure it lowers. */
export interface Miss {
  kind: 'form' | 'labels' | 'inputs' | 'types' | 'lists' | 'office' | 'facts';
  text: string;
}

export interface FormFigures {
  title: string;
  found: boolean;
  importedName?: string;
  labels: Tally;
  inputs: Tally;
  types: Tally;
  lists: Tally;
  /** Tables of the imported form that match no expected list (a list cut in two at a page break). */
  extraLists: number;
  /** Required inputs outside lists that the notice does not ask of the unit. */
  strayInputs: number;
  office: Tally;
  /** 文号, title, deadline, orientation: each checked where the expectation names it. */
  facts: Tally;
  misses: Miss[];
}

export interface NoticeFigures {
  id: string;
  forms: Tally;
  /** Imported forms that match no expected form, or match an attachment that is not a form. */
  extraForms: string[];
  perForm: FormFigures[];
}

const QUOTES = /[“”"'‘’「」『』]/g;
export const squash = (text: string): string =>
  text
    .normalize('NFKC')
    .replace(/[\s_·•・]/g, '')
    .replace(QUOTES, '')
    .replace(/[:]+$/, '');
const key = (text: string): string => squash(text).replace(/^其中:/, '');
/** Without bracketed parts, nested ones too. */
function bare(text: string): string {
  let t = key(text);
  for (let last = ''; last !== t;) [last, t] = [t, t.replace(/\([^()]*\)/g, '')];
  return t;
}
const brackets = (text: string): string =>
  squash(text)
    .replace(/[〔［【[]/g, '[')
    .replace(/[〕］】\]]/g, ']');

/** Whether an imported label stands for an expected one; "upper·lower" needs both levels, in order. */
export function sameLabel(expected: string, actual: string): boolean {
  const parts = expected.split('·');
  if (parts.length > 1) {
    const text = bare(actual);
    let at = 0;
    for (const part of parts) {
      const i = text.indexOf(bare(part), at);
      if (i < 0 || bare(part) === '') return false;
      at = i + bare(part).length;
    }
    return true;
  }
  if (key(expected) === key(actual)) return true;
  return bare(expected) !== '' && bare(expected) === bare(actual);
}

function sameTitle(expected: string, actual: string): number {
  const e = squash(expected);
  const a = squash(actual);
  if (e === a) return 2;
  return e.length >= 4 && a.length >= 4 && (a.includes(e) || e.includes(a)) ? 1 : 0;
}

interface ImportedInput {
  label: string;
  type: string;
  options: string[];
  required: boolean;
  total: boolean;
}

interface ImportedForm {
  name: string;
  labels: string[];
  inputs: ImportedInput[];
  tables: ImportedInput[][];
  def: FormDefinition;
}

function readImported(def: FormDefinition): ImportedForm {
  const params = Object.fromEntries(def.params.map((p) => [p.id, p.default]));
  const text = (t: string) => fillTemplate(t, params);
  const input = (field: Record<string, unknown>): ImportedInput => ({
    label: text(String(field.label ?? '')),
    type: String(field.type),
    options: Array.isArray(field.options) ? field.options.map(String) : [],
    required: field.required === true,
    total: field.total !== false && (field.type === 'integer' || field.type === 'decimal'),
  });
  const labels: string[] = [];
  const inputs: ImportedInput[] = [];
  const tables: ImportedInput[][] = [];
  for (const band of def.bands) {
    const rows = band.kind === 'rows' ? band.rows : band.header;
    for (const row of rows)
      for (const cell of row.cells) {
        if (cell.kind === 'label' && squash(cell.text) !== '') labels.push(text(cell.text));
        if (cell.kind === 'input') inputs.push(input(cell.field as unknown as Record<string, unknown>));
      }
    if (band.kind === 'table') tables.push(band.cells.map((c) => input(c.field as unknown as Record<string, unknown>)));
  }
  return { name: def.name, labels, inputs, tables, def };
}

/** Takes the first unused item that fits, so that a label printed twice needs two. */
function take<T>(pool: T[], fits: (item: T) => boolean): T | undefined {
  const at = pool.findIndex(fits);
  return at < 0 ? undefined : pool.splice(at, 1)[0];
}

function typeRight(expected: ExpectedField, actual: ImportedInput): boolean {
  const types = typesOf(expected);
  // A choice of exactly 是 and 否 says what yesNo says.
  const yesNoChoice = actual.type === 'choice' && [...actual.options].map(squash).sort().join('|') === '否|是';
  const type = yesNoChoice ? 'yesNo' : actual.type;
  if (!types.includes(type)) return false;
  if (type !== 'choice' || !expected.options) return true;
  const want = expected.options.map(squash).sort().join('|');
  return want === actual.options.map(squash).sort().join('|');
}

function matchFields(expected: ExpectedField[], actual: ImportedInput[], misses: Miss[], where: string) {
  const pool = [...actual];
  let inputs = 0;
  let types = 0;
  for (const e of expected) {
    const a = take(pool, (x) => sameLabel(e.label, x.label));
    if (!a) {
      misses.push({ kind: 'inputs', text: `${where}${e.label}：没有输入格` });
      continue;
    }
    inputs++;
    if (typeRight(e, a)) types++;
    else
      misses.push({
        kind: 'types',
        text: `${where}${e.label}：类型 ${a.type}${a.options.length ? `[${a.options.join('/')}]` : ''}，应为 ${typesOf(e).join('/')}`,
      });
  }
  return { inputs, types, left: pool };
}

function deadlineOf(def: FormDefinition): string | null {
  const p = def.params.find((x) => x.id === def.deadlineParam) ?? def.params.find((x) => x.kind === 'monthDay');
  return p && typeof p.default === 'string' ? p.default : null;
}

export function matchForm(expected: ExpectedForm, notice: ExpectedNotice, imported: FormDefinition | undefined): FormFigures {
  const misses: Miss[] = [];
  const listColumns = expected.lists.reduce((n, l) => n + l.columns.length, 0);
  const inputTotal = expected.fields.length + listColumns + expected.office.length;
  const typeTotal = expected.fields.length + listColumns;
  const factTotal = 3 + (expected.orientation ? 1 : 0);
  const labelTotal = expected.labels.length + expected.notes.length;
  if (!imported)
    return {
      title: expected.title,
      found: false,
      labels: [0, labelTotal],
      inputs: [0, inputTotal],
      types: [0, typeTotal],
      lists: [0, expected.lists.length],
      extraLists: 0,
      strayInputs: 0,
      office: [0, expected.office.length],
      facts: [0, factTotal],
      misses: [{ kind: 'form', text: '没有导入这张表' }],
    };
  const form = readImported(imported);

  const labelPool = [...form.labels];
  let labels = 0;
  for (const l of expected.labels) {
    if (take(labelPool, (x) => sameLabel(l, x))) labels++;
    else misses.push({ kind: 'labels', text: `标签“${l}”不在表上` });
  }
  for (const note of expected.notes) {
    const head = squash(note).slice(0, 8);
    if (form.labels.some((x) => squash(x).includes(head))) labels++;
    else misses.push({ kind: 'labels', text: `说明“${note.slice(0, 12)}…”不在表上` });
  }

  const rowsInputs = form.inputs.filter((i) => !form.tables.some((t) => t.includes(i)));
  const fieldFit = matchFields(expected.fields, rowsInputs, misses, '');
  let inputs = fieldFit.inputs;
  let types = fieldFit.types;

  let office = 0;
  for (const label of expected.office) {
    const kept = form.labels.some((x) => sameLabel(label, x));
    const asInput = form.inputs.find((i) => sameLabel(label, i.label));
    // Kept for the office to write anything in: not required, not summed, no type that would refuse its words.
    const right = kept && (!asInput || (!asInput.required && !asInput.total && ['text', 'longText'].includes(asInput.type)));
    if (right) office++;
    else
      misses.push({
        kind: 'office',
        text: `受理方填写的“${label}”${kept ? `成了 ${asInput?.type ?? ''}${asInput?.required ? '、单位必填' : ''}的输入“${asInput?.label ?? ''}”` : '不在表上'}`,
      });
  }
  inputs += office;

  // A required input the notice does not ask of the unit is a false error on every correct return.
  const stray = fieldFit.left.filter((i) => i.required && !expected.office.some((l) => sameLabel(l, i.label)));
  for (const i of stray) misses.push({ kind: 'inputs', text: `多出的必填输入格“${i.label}”（${i.type}）` });

  const tablePool = [...form.tables];
  let lists = 0;
  for (const list of expected.lists) {
    // The imported list that holds the most of the expected columns.
    const scored = tablePool
      .map((t) => ({ t, n: list.columns.filter((c) => t.some((x) => sameLabel(c.label, x.label))).length }))
      .sort((a, b) => b.n - a.n)[0];
    const where = `名单.`;
    if (!scored || scored.n === 0) {
      misses.push({ kind: 'lists', text: `名单（${list.columns.map((c) => c.label).join('|')}）没有导入` });
      continue;
    }
    tablePool.splice(tablePool.indexOf(scored.t), 1);
    const fit = matchFields(list.columns, scored.t, misses, where);
    inputs += fit.inputs;
    types += fit.types;
    if (fit.inputs === list.columns.length && scored.t.length === list.columns.length) lists++;
    else
      misses.push({
        kind: 'lists',
        text: `名单列 ${scored.t.map((x) => x.label).join('|')}，应为 ${list.columns.map((c) => c.label).join('|')}`,
      });
  }
  const extraLists = tablePool.length;
  if (extraLists)
    misses.push({
      kind: 'lists',
      text: `多出 ${extraLists} 个名单（${tablePool.map((t) => t.map((x) => x.label).join('|')).join('；')}）`,
    });

  let facts = 0;
  const docNo = imported.notice.docNo;
  if (notice.facts.docNo === null ? !/e3b0c442/.test(imported.id) : brackets(docNo) === brackets(notice.facts.docNo)) facts++;
  else
    misses.push({ kind: 'facts', text: `文号“${docNo}”（id ${imported.id}），应为“${notice.facts.docNo ?? '（无文号，id 由标题而来）'}”` });
  const params = Object.fromEntries(imported.params.map((p) => [p.id, p.default]));
  const title = fillTemplate(imported.notice.title, params);
  if (squash(title) === squash(notice.facts.title)) facts++;
  else misses.push({ kind: 'facts', text: `通知标题“${title}”` });
  const deadline = deadlineOf(imported);
  if (deadline === expected.deadline) facts++;
  else misses.push({ kind: 'facts', text: `截止日期 ${deadline ?? '未找到'}，应为 ${expected.deadline ?? '无'}` });
  if (expected.orientation) {
    if (imported.print.orientation === expected.orientation) facts++;
    else misses.push({ kind: 'facts', text: `纸张方向 ${imported.print.orientation}，应为 ${expected.orientation}` });
  }

  return {
    title: expected.title,
    found: true,
    importedName: imported.name,
    labels: [labels, labelTotal],
    inputs: [inputs, inputTotal],
    types: [types, typeTotal],
    lists: [lists, expected.lists.length],
    extraLists,
    strayInputs: stray.length,
    office: [office, expected.office.length],
    facts: [facts, factTotal],
    misses,
  };
}

/** Pairs each expected form with the imported form of the same title (exact before contained), then compares. */
export function matchNotice(expected: ExpectedNotice, imported: readonly FormDefinition[]): NoticeFigures {
  const pool = [...imported];
  const pairs = new Map<ExpectedForm, FormDefinition>();
  for (const level of [2, 1])
    for (const form of expected.forms) {
      if (pairs.has(form)) continue;
      const hit = take(pool, (d) => sameTitle(form.title, d.name) === level);
      if (hit) pairs.set(form, hit);
    }
  const perForm = expected.forms.map((f) => matchForm(f, expected, pairs.get(f)));
  const extraForms = pool.map((d) => {
    const notForm = expected.notForms.find((t) => sameTitle(t, d.name) > 0);
    return notForm ? `${d.name}（${notForm} 不是表格）` : d.name;
  });
  return { id: expected.id, forms: [pairs.size, expected.forms.length], extraForms, perForm };
}

export const sum = (tallies: Tally[]): Tally => tallies.reduce<Tally>((s, [a, b]) => [s[0] + a, s[1] + b], [0, 0]);
export const pct = ([a, b]: Tally): string => (b === 0 ? '—' : `${Math.round((100 * a) / b)}%`);
