import { squashSpaces } from '../cell-value';
import type { z } from 'zod';
import type { FormDefinition, FormDefinitionInput, ParamSchema, RowSchema } from '../form-schema';
import { checkedDefinition } from './checked-definition';
import { sha256Hex, utf8Bytes } from '../sha256';
import { chineseNumeral, literalText } from '../templates';
import type { DocBlock } from './docx-model';
import { guessField, type FieldInput } from './field-guess';
import { tableGrid, type GridTable } from './grid';
import { GuessLog, type Guess } from './guess-log';
import { fillInKeys } from './key-line';
import { listedAttachments, type ListedAttachment } from './attachment-heading';
import { hasCellsToFill, noticeParts, type FoundAttachment } from './notice-attachments';
import { deadlineFor } from './notice-deadlines';
import { docNoParts, noticeFacts, type NoticeFacts } from './notice-facts';
import { FieldIds, tableBands, type BandInput } from './table-to-bands';

type RowInput = z.input<typeof RowSchema>;
type ParamInput = z.input<typeof ParamSchema>;

/** What importing a notice gives: its facts, a checked definition per attachment form, and every guess made. */
export interface ImportedNotice {
  facts: NoticeFacts;
  forms: FormDefinition[];
  guesses: Guess[];
  /** Attachments found without a table (nothing to fill in): named, not imported. */
  skipped: string[];
  /** The attachments the notice's body lists (to say which are missing when they come in other files). */
  listed?: ListedAttachment[];
}

/**
 * The line that opens an attachment in its plainest form, 附件1, 附件 2： (what a selection in a sheet is read with).
 * A notice's headings in all their forms are read by attachment-heading.ts.
 */
export const HEADING = /^附件\s*(\d+)\s*[:：]?$/;

/** One attachment of a notice, or a block of cells selected in a sheet: its lines and its tables on their grids. */
export interface Attachment {
  no: number;
  /** 附件N as printed; empty when the source had none (a selection without it). */
  heading: string;
  title: string;
  above: string[];
  tables: GridTable[];
  below: string[];
  /** How the import names it when no heading is printed (a form under its title only): 附件N. */
  name?: string;
  /** The notice prints it on landscape pages. */
  landscape?: boolean;
}

/** Where a form came from, for its id and description. */
export interface FormOrigin {
  id: string;
  description: string;
}

/** A found attachment with its tables on their grids. */
function gridded(a: FoundAttachment): Attachment {
  return {
    no: a.no,
    heading: a.heading,
    title: a.title,
    above: a.above,
    tables: a.tables.map(tableGrid),
    below: a.below,
    name: a.name,
    ...(a.landscape ? { landscape: true } : {}),
  };
}

const squash = squashSpaces;

/** Labels and names with the notice's parameters as placeholders: 第七届 → 第{edition:cn}届, 2020年度 → {year}年度. */
function templated(text: string, facts: NoticeFacts): string {
  // Braces typed in the notice are text, not placeholders: full-width ones print the same to a reader.
  let out = literalText(text);
  if (facts.edition !== undefined) out = out.split(`第${chineseNumeral(facts.edition)}届`).join('第{edition:cn}届');
  if (facts.year !== undefined) out = out.replace(new RegExp(`${facts.year}\\s*年度`, 'g'), '{year}年度');
  return out;
}

/** "申报单位:   月 日" → the unit (and the fill-in date); "联系人：… 联系电话：…" → one field per key. */
function lineRow(line: string, ids: FieldIds, log: GuessLog, unitTaken: { done: boolean }): RowInput | undefined {
  const keys = fillInKeys(line);
  if (!keys) return undefined;
  const cells: RowInput['cells'] = [];
  let col = 0;
  for (const [i, { name, after, seal }] of keys.entries()) {
    cells.push({ kind: 'label', text: `${name}：`, col: col++, preset: 'plain' });
    let field: FieldInput;
    if (/(单位|单位名称|工会名称)$/.test(name) && !unitTaken.done) {
      unitTaken.done = true;
      field = { id: ids.take('unit'), label: name, type: 'text', required: true };
      log.add(name, '填报单位（每份表的身份）', `表上方的“${name}：”一行`);
    } else if (/日期$/.test(name)) {
      field = { id: ids.take('fillDate'), label: name, type: 'date', remindIfBlank: true };
      log.add(name, '日期，空着只提醒', `“${name}：\u3000年\u3000月\u3000日”`);
    } else {
      const g = guessField(name);
      const preferred = /^联系人$/.test(name) ? 'contact' : /电话/.test(name) ? 'contactPhone' : undefined;
      field = { ...g.field, id: ids.take(preferred) } as FieldInput;
      log.add(name, g.field.type === 'phone' ? '电话' : '文本', g.why);
    }
    cells.push({ kind: 'input', field, col: col++, style: { border: 'bottom' } });
    if (seal) cells.push({ kind: 'label', text: seal, col: col++, preset: 'plain' });
    // "申报单位:   月 日": a date to fill after the unit.
    if (i === keys.length - 1 && /月[\s\u3000_]*日/.test(after) && !/日期$/.test(name)) {
      const date: FieldInput = { id: ids.take('fillDate'), label: '填报日期', type: 'date', remindIfBlank: true };
      log.add('填报日期', '日期，空着只提醒', `单位一行末尾的“月\u3000日”`);
      cells.push({ kind: 'input', field: date, col: col++, style: { border: 'bottom', h: 'right' } });
    }
  }
  return { height: 26, cells };
}

function widen(rows: RowInput[], width: number): number {
  let need = width;
  for (const row of rows) for (const c of row.cells) need = Math.max(need, c.col + (c.colSpan ?? 1));
  return need;
}

/** One attachment → a form definition (not yet checked by the schema); every decision a person should see is logged. */
export function formFrom(
  a: Attachment,
  facts: NoticeFacts,
  body: readonly string[],
  origin: FormOrigin,
  log: GuessLog,
): FormDefinitionInput {
  const ids = new FieldIds();
  const unitTaken = { done: false };
  const notes = a.below.filter((l) => /^注|^\d+[.．、]/.test(l));
  const growable = a.below.some((l) => /不够可另附|可另附|可续表|可加行/.test(l));
  const ctx = { ids, log, growable, listCount: { n: 0 } };

  const head: RowInput[] = [
    ...(a.heading ? [{ height: 20, cells: [{ kind: 'label' as const, text: a.heading, col: 0, preset: 'heading' as const }] }] : []),
    { height: 40, cells: [{ kind: 'label', text: squash(a.title), col: 0, preset: 'title' }] },
  ];
  for (const line of a.above) {
    const row = lineRow(line, ids, log, unitTaken);
    head.push(row ?? { cells: [{ kind: 'label', text: line, col: 0, preset: 'plain' }] });
  }
  const bands: BandInput[] = [{ kind: 'rows', rows: head }];
  let width = 1;
  let widths: number[] = [];
  for (const grid of a.tables) {
    width = Math.max(width, grid.width);
    if (widths.length === 0) widths = grid.columnWidths;
    bands.push(...tableBands(grid.cells, grid.rowCount, ctx));
  }
  const tail: RowInput[] = [];
  for (const line of a.below) {
    const row = /^注|^\d+[.．、]/.test(line) ? undefined : lineRow(line, ids, log, unitTaken);
    tail.push(row ?? { cells: [{ kind: 'label', text: line, col: 0, preset: 'note' }] });
  }
  if (tail.length > 0) bands.push({ kind: 'rows', rows: tail });
  for (const band of bands) if (band.kind === 'rows') width = widen(band.rows, width);

  // Lines of one cell span the whole width; placeholders for the notice's parameters.
  for (const band of bands) {
    const rows = band.kind === 'rows' ? band.rows : band.header;
    for (const row of rows) {
      if (row.cells.length === 1 && row.cells[0]?.kind === 'label' && row.cells[0].col === 0 && (row.cells[0].colSpan ?? 1) === 1)
        row.cells[0].colSpan = width;
      for (const cell of row.cells) if (cell.kind === 'label') cell.text = templated(cell.text, facts);
    }
  }

  const allFields = bands.flatMap((b) =>
    (b.kind === 'rows' ? b.rows.flatMap((r) => r.cells) : []).flatMap((c) => (c.kind === 'input' ? [c.field] : [])),
  );
  let unitFieldId = allFields.find((f) => f.id === 'unit')?.id;
  if (!unitFieldId) {
    const unit = allFields.find((f) => /(单位|工会名称|单位名称)$/.test(f.label) && f.type === 'text');
    if (unit) {
      unitFieldId = unit.id;
      log.add(unit.label, '填报单位（每份表的身份）', `表中第一个以“单位/工会名称”结尾的栏目`);
    } else log.undecided('填报单位', '未找到', '表上方没有“单位：”一行，表中也没有“…单位”栏目；合并时按文件区分');
  }
  const list = bands.find((b) => b.kind === 'table');
  const ownFields = allFields.filter((f) => !['unit', 'fillDate', 'contact', 'contactPhone'].includes(f.id));
  const sheetRecord = !list || ownFields.length > 0;
  const nameField = sheetRecord ? allFields.find((f) => f.id !== unitFieldId && /名称$/.test(f.label) && f.type === 'text') : undefined;
  log.add(
    '每份记录',
    nameField ? `单位 + ${nameField.label}` : sheetRecord ? '单位' : `单位，名单每行一条`,
    nameField ? `一个单位可报多份（表中有“${nameField.label}”）` : sheetRecord ? '表中的栏目属于整份表' : '表上只有名单和联系人',
  );

  const listed = listedAttachments(body);
  const deadline = deadlineFor({ no: a.no, title: a.title, others: listed.map((l) => l.title) }, notes, body);
  const params: ParamInput[] = [];
  if (facts.edition !== undefined) params.push({ id: 'edition', label: '届次', kind: 'integer', default: facts.edition, min: 1, max: 99 });
  const year = facts.year ?? Number(facts.date?.slice(0, 4) ?? 2000);
  params.push({ id: 'year', label: /年度/.test(a.title) ? '年度' : '年份', kind: 'integer', default: year, min: 2000, max: 2099 });
  if (deadline) {
    params.push({ id: 'deadline', label: '报送截止日期', kind: 'monthDay', default: deadline.monthDay });
    log.add('报送截止日期', deadline.monthDay, deadline.source);
    // The template dates the deadline in the form's year: a deadline written in another year (a notice of December
    // asking for returns in January) is for a person to set.
    if (deadline.year !== undefined && deadline.year !== year)
      log.undecided('报送截止日期的年份', `${deadline.year}年`, `通知写的截止日期在${deadline.year}年，表格的年份参数是${year}年，请核对`);
  } else log.undecided('报送截止日期', '未找到', '正文和表下注中都没有提到这个附件的“M月D日前”');

  const title = templated(squash(a.title), facts);
  const bare = squash(a.title)
    .replace(/^\d{4}年度|^第[一二三四五六七八九十]+届/, '')
    .replace(/[[\]:*?/\\']/g, '');
  const named = bare || (a.heading ? squash(a.heading).replace(/[:：]/g, '') : '导入的表格');
  const sheetName = named.length <= 24 ? named : named.slice(-24);
  const twips = widths.length === width ? widths : Array.from({ length: width }, () => 1800);
  // A landscape section in the notice gives a landscape template; a portrait page with many columns is turned too.
  const wide = width > 6;
  if (a.landscape) log.add('页面方向', '横向', '通知中这张表所在的节是横向页面');
  return {
    id: origin.id,
    version: 1,
    name: title,
    sheetName,
    description: origin.description,
    notice: {
      title: templated(facts.title ?? squash(a.title), facts),
      docNo: facts.docNo ?? '（未找到文号）',
      attachment: attachmentName(a),
    },
    params,
    ...(deadline ? { deadlineParam: 'deadline' } : {}),
    ...(unitFieldId ? { unitFieldId } : {}),
    font: { name: '宋体', size: 11 },
    columns: twips.map((w) => ({ width: Math.min(80, Math.max(6, Math.round(w / 105))) })),
    bands,
    print: { orientation: a.landscape || wide ? 'landscape' : 'portrait', ...(list ? { repeatHeaderOf: list.id } : {}) },
    rules: [],
    merge: {
      sheetRecord,
      ...(list ? { table: list.id } : {}),
      summaryName: `${sheetName.slice(0, 24)}汇总`,
      sameReturnBy: nameField ? [nameField.id] : [],
    },
  };
}

/** What the import calls an attachment: its heading as printed, else 附件N (a form under its title only). */
export function attachmentName(a: Attachment): string {
  return a.heading || a.name || '附件';
}

/**
 * A kebab-case id for a notice's forms from its 文号: 沪工总基〔2017〕153号 → notice-2017-153 (any bracket, padding
 * dropped). Without a 文号, from the notice's title, else its first lines, else the titles of its forms: never from
 * empty text, so that forms of different notices do not share ids.
 */
export function formPrefix(facts: NoticeFacts, body: readonly string[], titles: readonly string[] = []): string {
  const parts = docNoParts(facts.docNo ?? '');
  if (parts) return `notice-${parts.year}-${parts.no}`;
  const first = body
    .map(squash)
    .filter((l) => l !== '')
    .slice(0, 5)
    .join('|');
  const named =
    facts.title ??
    (first ||
      titles
        .map(squash)
        .filter((t) => t !== '')
        .join('|') ||
      '导入的表格');
  return `notice-${sha256Hex(utf8Bytes(named)).slice(0, 8)}`;
}

/** What a notice says of itself, read from its document alone: what the forms of its attachments (in other files too) take. */
export interface NoticeContext {
  facts: NoticeFacts;
  /** The notice's own lines (its deadlines are read from them). */
  body: string[];
  /** The attachments its body lists. */
  listed: ListedAttachment[];
  /** The id prefix of its forms. */
  prefix: string;
  /** The decisions about the notice (文号, title, issuer, date, 届次, 年份). */
  guesses: Guess[];
}

/** A notice's facts (文号, title, issuer, 届次/年度, date) and the lines its deadlines are read from, from its document on its own. */
export function readNoticeContext(blocks: readonly DocBlock[]): NoticeContext {
  const { body, listed, attachments } = noticeParts(blocks);
  return contextOf(
    body,
    listed,
    attachments.map((a) => a.title),
  );
}

function contextOf(body: string[], listed: ListedAttachment[], titles: readonly string[]): NoticeContext {
  const log = new GuessLog('通知');
  const facts = noticeFacts(body, log);
  return { facts, body, listed, prefix: formPrefix(facts, body, titles), guesses: [...log.guesses] };
}

/** A title naming a document rather than a form: 实施方案, 办法, 细则, 意见, 要点, 指南 (…方案表 is a form). */
function isDocumentTitle(title: string): boolean {
  return /(方案|办法|细则|意见|规则|要点|指南|通知|说明)$/.test(squash(title).replace(/[（(][^（()）]*[）)]$/, ''));
}

/** Found attachments → checked forms; those without a table to fill are named in `skipped`. */
function formsOf(found: readonly FoundAttachment[], notice: NoticeContext): ImportedNotice {
  const forms: FormDefinition[] = [];
  const guesses: Guess[] = [];
  const skipped: string[] = [];
  const taken = new Set<string>();
  for (const f of found) {
    const a = gridded(f);
    const label = `${a.heading || a.name} ${a.title}`.trim();
    if (f.tables.length === 0) {
      skipped.push(label);
      continue;
    }
    // A 名单 printed as a table of names, an 实施方案's schedule: nothing to fill in, not a form.
    if (!f.tables.some(hasCellsToFill)) {
      skipped.push(`${label}（表中没有要填写的空格）`);
      continue;
    }
    // An attachment that is a document (…实施方案, …办法, …细则), its tables part of its text.
    if (isDocumentTitle(a.title)) {
      skipped.push(`${label}（是文件，不是要填写的表格）`);
      continue;
    }
    const name = attachmentName(a);
    const log = new GuessLog(name);
    let id = `${notice.prefix}-${f.idPart}`;
    for (let n = 2; taken.has(id); n++) id = `${notice.prefix}-${f.idPart}-${n}`;
    taken.add(id);
    const origin = { id, description: `从通知《${notice.facts.title ?? '（未找到标题）'}》的${name}导入。` };
    forms.push(checkedDefinition(formFrom(a, notice.facts, notice.body, origin, log), `${name}“${squash(a.title)}”`));
    guesses.push(...log.guesses);
  }
  return { facts: notice.facts, forms, guesses: [...notice.guesses, ...guesses], skipped, listed: notice.listed };
}

/** A notice's Word content → its attachment forms, each checked by the form schema (pure: no file, no host). */
export function importNotice(blocks: readonly DocBlock[]): ImportedNotice {
  const { body, listed, attachments } = noticeParts(blocks);
  return formsOf(
    attachments,
    contextOf(
      body,
      listed,
      attachments.map((a) => a.title),
    ),
  );
}

/**
 * The forms of an attachment sent as its own Word file, with the facts of its notice (read by readNoticeContext from
 * the notice's file): every 附件 heading, listed title or titled table in it is a form. `no` numbers a file that
 * prints no 附件N (from its name: "附件2 职工书屋统计表.docx").
 */
export function importAttachmentDocument(blocks: readonly DocBlock[], notice: NoticeContext, hint: { no?: number } = {}): ImportedNotice {
  const { attachments } = noticeParts(blocks, { attachmentsOnly: true, listed: notice.listed });
  const found =
    hint.no !== undefined && attachments.length === 1 && attachments[0] && attachments[0].heading === ''
      ? [{ ...attachments[0], no: hint.no, idPart: `${hint.no}`, name: `附件${hint.no}` }]
      : attachments;
  return formsOf(found, notice);
}
