import { squashSpaces } from '../cell-value';
import {
  attachmentHeading,
  isAttachmentList,
  isContinuationLine,
  listedAttachments,
  listedFor,
  looksLikeFormTitle,
  titleFragment,
  type HeadingLine,
  type ListedAttachment,
} from './attachment-heading';
import { cellText, type DocBlock, type DocTable } from './docx-model';
import { fillInKeys } from './key-line';
import { dateLine } from './notice-facts';
import { continuedTable, withoutRepeatedHeaders } from './table-continuation';

/**
 * Finding the forms in a notice (issue 21 §1): where the body ends (the signature's date), the body's list of
 * attachments, and each attachment after it — opened by a 附件 heading in any of its forms, by a title the body
 * lists, or by a table under a title — with its title (over up to three lines), the lines above and below its
 * tables, and its tables with those continued over pages joined.
 */

/** One attachment as found, before its tables are put on grids. */
export interface FoundAttachment {
  no: number;
  /** What tells it apart in its form's id: "2", or "2-1" for a part printed as 附件2-1. */
  idPart: string;
  /** The heading as printed ("附件1", "附件一", "附件"); empty when the form is printed under its title only. */
  heading: string;
  /** How the import names it (logs, the definition's notice.attachment): the heading, else 附件N. */
  name: string;
  title: string;
  above: string[];
  tables: DocTable[];
  below: string[];
  /** Its tables lie in a landscape section. */
  landscape: boolean;
  /** The body's list entry it answers to. */
  listed?: ListedAttachment;
}

export interface NoticeParts {
  /** The notice's own lines, before its attachments (a paragraph's line breaks kept inside it). */
  body: string[];
  /** The attachments the body lists. */
  listed: ListedAttachment[];
  attachments: FoundAttachment[];
}

type Item = { kind: 'line'; text: string } | { kind: 'table'; table: DocTable };

interface Segment {
  heading?: HeadingLine;
  title: string;
  above: string[];
  tables: DocTable[];
  below: string[];
  listed?: ListedAttachment;
}

/** Paragraphs split at their line breaks (a heading and title typed in one paragraph with Shift+Enter) and tables. */
function itemsOf(blocks: readonly DocBlock[]): Item[] {
  return blocks.flatMap((b): Item[] =>
    b.kind === 'table' ? [{ kind: 'table', table: b }] : b.text.split('\n').map((t) => ({ kind: 'line' as const, text: t.trim() })),
  );
}

const lineAt = (items: readonly Item[], i: number) => {
  const it = items[i];
  return it?.kind === 'line' ? it.text : undefined;
};

/** The non-empty lines after i, up to the next table. */
function linesAfter(items: readonly Item[], i: number, count = 3): string[] {
  const out: string[] = [];
  for (let k = i + 1; k < items.length && out.length < count; k++) {
    const t = lineAt(items, k);
    if (t === undefined) break;
    if (t !== '') out.push(t);
  }
  return out;
}

/** A heading that opens an attachment (not the body's "附件：1．…" list). */
function openingHeading(items: readonly Item[], i: number): HeadingLine | undefined {
  const text = lineAt(items, i);
  if (text === undefined || text === '') return undefined;
  const h = attachmentHeading(text);
  return h && !isAttachmentList(text, linesAfter(items, i)) ? h : undefined;
}

/** Whether a table follows item i before the next opening heading. */
function tableFollows(items: readonly Item[], i: number): boolean {
  for (let k = i + 1; k < items.length; k++) {
    if (items[k]?.kind === 'table') return true;
    if (openingHeading(items, k)) return false;
  }
  return false;
}

/**
 * The index of the signature's date: the first date line alone that a table or an attachment heading follows before
 * the next such date; else the last date line; -1 when there is none.
 */
function signatureAt(items: readonly Item[]): number {
  const dates = items.flatMap((it, i) => (it.kind === 'line' && dateLine(it.text) ? [i] : []));
  for (const [n, d] of dates.entries()) {
    const end = dates[n + 1] ?? items.length;
    for (let k = d + 1; k < end; k++) if (items[k]?.kind === 'table' || openingHeading(items, k)) return d;
  }
  return dates[dates.length - 1] ?? -1;
}

/** Where the attachments start in a notice without a signature's date: the first heading a table follows, else the first table's title. */
function startWithoutSignature(items: readonly Item[]): number {
  for (let i = 0; i < items.length; i++) if (openingHeading(items, i) && tableFollows(items, i)) return i;
  const first = items.findIndex((it) => it.kind === 'table');
  if (first < 0) return items.length;
  let start = first;
  for (let k = first - 1, seen = 0; k >= 0 && seen < 4; k--) {
    const t = lineAt(items, k);
    if (t === undefined) break;
    if (t === '') continue;
    if (!titleFragment(t) && !/^[^。；]{1,30}[：:]/.test(t)) break;
    start = k;
    seen += 1;
  }
  return start;
}

/**
 * Lines after the signature that belong to no form: the 版记 a notice ends with (抄送：…, "…办公室 2021年9月1日印发")
 * and page numbers left by a copy from PDF ("- 3 -").
 */
const NOT_OF_A_FORM = /^(抄送|抄报|主送|分送)[：:]|印发$|^[-—–]\d{1,3}[-—–]$/;

/** A "key：" line: 填报单位：…, 联系人：… . */
const KEY_LINE = /^[^：:。，]{1,15}[：:]/;

/** A year or 届 in brackets under a title: （2022年度）. */
const TITLE_TAIL = /^[（(][^（()）]*(年|届)[^（()）]*[)）]$/;

/** The title starting at item i, its lines joined while it has not reached a form's word (…表, …名单): up to three. */
function titleFrom(items: readonly Item[], i: number): { text: string; next: number } {
  let text = lineAt(items, i) ?? '';
  let next = i + 1;
  for (let lines = 1; lines < 3; lines++) {
    let k = next;
    while (lineAt(items, k) === '') k++;
    const line = lineAt(items, k);
    if (line === undefined || openingHeading(items, k)) break;
    const joins = (!looksLikeFormTitle(text) && titleFragment(line)) || TITLE_TAIL.test(squashSpaces(line));
    if (!joins) break;
    text += line;
    next = k + 1;
  }
  return { text, next };
}

/** A run of one to three lines from i that names an attachment the body lists. */
function listedTitleAt(items: readonly Item[], i: number, listed: readonly ListedAttachment[]) {
  if (listed.length === 0) return undefined;
  const first = lineAt(items, i) ?? '';
  if (!titleFragment(first) && listedFor(first, listed) === undefined) return undefined;
  let text = '';
  let k = i;
  for (let lines = 0; lines < 3; lines++, k++) {
    const line = lineAt(items, k);
    if (line === undefined || line === '' || (lines > 0 && !titleFragment(line))) break;
    text += line;
    const match = listedFor(text, listed);
    if (match) return { listed: match, text, next: k + 1 };
  }
  return undefined;
}

/** Lines printed between a title and its table: "填报单位：…", "（盖章）", "年 月 日", a bracketed note. */
const HEAD_LINE = /[：:]|^[（(].*[)）]$|年.*月.*日/;

/**
 * The title among the last lines before a table that no heading announced: a line reading as a form's title (or
 * one the body lists), with at most four head lines after it; a title broken over lines is joined.
 */
function trailingTitle(lines: readonly string[], listed: readonly ListedAttachment[]) {
  for (let k = lines.length - 1; k >= 0 && lines.length - 1 - k <= 4; k--) {
    const line = lines[k] as string;
    const match = listedFor(line, listed);
    if (looksLikeFormTitle(line) || match) {
      let from = k;
      let text = line;
      // Lines before it that complete a title broken over lines: the body lists the joined title, or they are short.
      for (let j = k - 1; j >= 0 && k - j < 3; j--) {
        const before = lines[j] as string;
        if (!titleFragment(before) || looksLikeFormTitle(before)) break;
        const joined = before + text;
        const better = listedFor(joined, listed) !== undefined && !match;
        if (!better && (joined.length > 40 || /可另附|不够|填写|请|须|应|要/.test(before))) break;
        from = j;
        text = joined;
      }
      return { from, to: k, text, listed: listedFor(text, listed) };
    }
    if (!HEAD_LINE.test(line)) return undefined;
  }
  return undefined;
}

/** Whether a table has anything to fill in: a blank cell, underscores, or a □ to tick. */
export function hasCellsToFill(t: DocTable): boolean {
  return t.rows.some((row) =>
    row.some((c) => c.vMerge !== 'continue' && (/^[\s_\u3000]*$/.test(cellText(c)) || /[□☐]|_{2,}/.test(cellText(c)))),
  );
}

/** A table's first row when it is one cell across the table holding the title (a title typed inside the table). */
function titleRow(t: DocTable): string | undefined {
  const row = t.rows[0];
  const width = Math.max(0, ...t.rows.map((r) => r.reduce((n, c) => n + c.gridSpan, 0)));
  if (!row || row.length !== 1 || (row[0]?.gridSpan ?? 0) < width || t.rows.length < 2) return undefined;
  const text = squashSpaces(cellText(row[0] as (typeof row)[number]));
  return looksLikeFormTitle(text) ? text : undefined;
}

/** A row of one cell across the table holding a fill-in line ("填报单位：  年 月 日"): its text. */
function lineRowText(t: DocTable, r: number): string | undefined {
  const row = t.rows[r];
  const width = Math.max(0, ...t.rows.map((x) => x.reduce((n, c) => n + c.gridSpan, 0)));
  if (!row || row.length !== 1 || (row[0]?.gridSpan ?? 0) < width || row[0]?.vMerge) return undefined;
  const text = cellText(row[0] as (typeof row)[number])
    .replace(/\n/g, ' ')
    .trim();
  return fillInKeys(text) ? text : undefined;
}

/**
 * A notice's blocks → its body and its attachments. `attachmentsOnly`: the document is an attachment sent on its own
 * (no body: every heading or titled table is a form), `listed` the attachments its notice lists.
 */
export function noticeParts(
  blocks: readonly DocBlock[],
  options: { attachmentsOnly?: boolean; listed?: readonly ListedAttachment[] } = {},
): NoticeParts {
  const items = itemsOf(blocks);
  let start: number;
  if (options.attachmentsOnly) start = 0;
  else {
    const signature = signatureAt(items);
    start = signature >= 0 ? signature + 1 : startWithoutSignature(items);
  }
  const body = options.attachmentsOnly ? [] : items.slice(0, start).flatMap((it) => (it.kind === 'line' ? [it.text] : []));
  const listed = [...(options.listed ?? []), ...listedAttachments(body).filter((l) => !options.listed?.some((o) => o.no === l.no))];

  const segments: Segment[] = [];
  let cur: Segment | undefined;
  const loose: string[] = [];
  let awaitingTitle = false;
  let continuation = false;
  let linesSinceTable = 0;
  const open = (s: Segment) => {
    segments.push(s);
    cur = s;
    continuation = false;
    linesSinceTable = 0;
  };
  for (let i = start; i < items.length; i++) {
    const item = items[i] as Item;
    if (item.kind === 'line') {
      const text = item.text;
      if (text === '' || NOT_OF_A_FORM.test(squashSpaces(text))) continue;
      const heading = openingHeading(items, i);
      if (heading) {
        const title = heading.title;
        open({ heading, title, above: [], tables: [], below: [], ...withListed(title, listed) });
        awaitingTitle = title === '';
        continue;
      }
      // "填报单位：" right under the heading is no title: the title is then in the table's first row, or the body's list.
      if (cur && awaitingTitle && KEY_LINE.test(text) && !looksLikeFormTitle(text)) awaitingTitle = false;
      if (cur && awaitingTitle) {
        const t = titleFrom(items, i);
        cur.title = t.text;
        Object.assign(cur, withListed(t.text, listed));
        i = t.next - 1;
        awaitingTitle = false;
        continue;
      }
      if (isContinuationLine(text)) {
        continuation = true;
        continue;
      }
      const named = listedTitleAt(items, i, listed);
      if (named && (!cur || cur.listed?.no !== named.listed.no)) {
        open({ title: named.text, above: [], tables: [], below: [], listed: named.listed });
        i = named.next - 1;
        continue;
      }
      if (!cur) loose.push(text);
      else if (cur.tables.length > 0) {
        cur.below.push(text);
        linesSinceTable += 1;
      } else cur.above.push(text);
      continue;
    }

    const table = withoutRepeatedHeaders(item.table);
    awaitingTitle = false;
    if (cur && cur.tables.length > 0 && (continuation || linesSinceTable === 0)) {
      const last = cur.tables[cur.tables.length - 1] as DocTable;
      const joined = continuedTable(last, table, continuation);
      if (joined || continuation) {
        if (joined) cur.tables[cur.tables.length - 1] = joined;
        else cur.tables.push(table);
        continuation = false;
        linesSinceTable = 0;
        continue;
      }
    }
    continuation = false;
    if (cur && cur.tables.length === 0) {
      cur.tables.push(table);
      linesSinceTable = 0;
      continue;
    }
    // A table no heading or listed title announced: its title is among the lines just above it.
    const source = cur ? cur.below : loose;
    const run = trailingTitle(source, listed);
    const current = cur;
    const split =
      !current ||
      (run !== undefined && (current.heading === undefined || (run.listed !== undefined && run.listed.no !== current.listed?.no)));
    if (split) {
      // The title's lines leave the lines before; the head lines after it are printed above the table.
      const above = run ? source.splice(run.from).slice(run.to - run.from + 1) : [];
      open({ title: run?.text ?? '', above, tables: [table], below: [], ...(run?.listed ? { listed: run.listed } : {}) });
    } else {
      (current as Segment).tables.push(table);
      linesSinceTable = 0;
    }
  }
  return { body, listed, attachments: numbered(segments, listed) };
}

function withListed(title: string, listed: readonly ListedAttachment[]): { listed?: ListedAttachment } {
  const match = title === '' ? undefined : listedFor(title, listed);
  return match ? { listed: match } : {};
}

/**
 * Numbers, names and titles: the heading's number, else the listed entry's, else the place in order; a title typed in
 * the table's first row or given only by the body's list; names kept apart (two lone "附件" headings).
 */
function numbered(segments: readonly Segment[], listed: readonly ListedAttachment[]): FoundAttachment[] {
  const used = new Set<string>();
  const names = new Set<string>();
  return segments.map((s, index) => {
    let no = s.heading?.no ?? s.listed?.no ?? index + 1;
    const sub = s.heading?.sub;
    const key = (n: number) => (sub === undefined ? `${n}` : `${n}-${sub}`);
    while (used.has(key(no))) no += 1;
    const idPart = key(no);
    used.add(idPart);
    const tables = [...s.tables];
    let title = s.title;
    const inTable = tables[0] ? titleRow(tables[0]) : undefined;
    if (title === '' && inTable && tables[0]) {
      title = inTable;
      tables[0] = { ...tables[0], rows: tables[0].rows.slice(1) };
    }
    // "填报单位：  填报日期：" typed in a row across the top of the table, or "填表人： 联系电话：" across its
    // foot: the lines a form prints above and below its table, read as such.
    const above = [...s.above];
    const below = [...s.below];
    const first = tables[0];
    if (first) {
      let top = 0;
      while (top < first.rows.length - 1 && lineRowText(first, top) !== undefined) above.push(lineRowText(first, top++) as string);
      if (top > 0) tables[0] = { ...first, rows: first.rows.slice(top) };
    }
    const lastAt = tables.length - 1;
    const last = tables[lastAt];
    if (last) {
      let end = last.rows.length;
      while (end > 1 && lineRowText(last, end - 1) !== undefined) end -= 1;
      if (end < last.rows.length) {
        below.unshift(...last.rows.slice(end).map((_, k) => lineRowText(last, end + k) as string));
        tables[lastAt] = { ...last, rows: last.rows.slice(0, end) };
      }
    }
    const entry = s.listed ?? (title === '' ? listed.find((l) => l.no === no) : undefined);
    if (title === '' && entry) title = entry.title;
    const heading = s.heading?.heading ?? '';
    let name = heading || `附件${no}`;
    if (names.has(name)) name = `附件${no}`;
    names.add(name);
    return {
      no,
      idPart,
      heading,
      name,
      title,
      above,
      tables,
      below,
      landscape: tables.some((t) => t.landscape === true),
      ...(entry ? { listed: entry } : {}),
    };
  });
}
