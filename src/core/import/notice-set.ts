import type { CellRange } from '../a1';
import { cellText, squashSpaces, toHalfWidth, type CellValue } from '../cell-value';
import { parseChineseNumeral } from '../templates';
import type { DocBlock, DocCell, DocTable } from './docx-model';
import type { GridTable } from './grid';
import { GuessLog, type Guess } from './guess-log';
import { gridAttachment } from './import-grid';
import type { Attachment } from './import-notice';
import type { SelectedGrid } from './selected-grid';

/**
 * A notice sent as several files (issue 21 §2): 通知.docx, 附件1 ….docx, 附件2 ….xlsx (an office's own Excel form).
 * The notice is the Word file that reads as one (关于…的通知, a 文号), the others are its attachments; they are put
 * after the notice's own text as the 附件N sections they are, so that the notice's facts (文号, title, issuer,
 * 届次/年度, deadlines) go to every form of every file by the one reading of a notice (import-notice.ts). Pure.
 */

/** A Word file of the notice, read into paragraphs and tables. */
export interface NoticeDocument {
  kind: 'document';
  name: string;
  blocks: readonly DocBlock[];
  unknownSymbols: readonly string[];
}

/** A workbook of the notice, each visible sheet read into a grid. */
export interface NoticeWorkbook {
  kind: 'workbook';
  name: string;
  sheets: readonly SelectedGrid[];
}

export type NoticePart = NoticeDocument | NoticeWorkbook;

/** The files of a notice as one document, and what was decided about each file. */
export interface NoticeSet {
  /** The notice's text followed by every attachment file as a 附件N section. */
  blocks: DocBlock[];
  unknownSymbols: string[];
  /** The file read as the notice; none when no file reads as one (the attachments are then imported without its facts). */
  notice?: string;
  /** Each attachment file with the 附件N it was read as, in order. */
  attachments: { file: string; heading: string }[];
  /** Guesses made while reading a sheet (its title not found …), by 附件N, for that form's list. */
  guesses: Guess[];
  /** Sheets or files that held no form, one Chinese sentence each. */
  skipped: string[];
}

/** 附件, 附件1, 附件１, 附件一, 附件2：…, as the first line of an attachment file or in its name. */
const ATTACHMENT_LINE = /^附件\s*([0-9０-９]+|[一二三四五六七八九十]+)?\s*[:：]?\s*(.*)$/;
const ATTACHMENT_NAME = /附件\s*([0-9０-９]+|[一二三四五六七八九十]+)/;
const DOC_NO = /[〔[【(（]\s*\d{4}\s*[〕\]】)）]\s*\d+\s*号/;

function numberOf(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const digits = toHalfWidth(text);
  return /^\d+$/.test(digits) ? Number(digits) : parseChineseNumeral(text);
}

const paragraphs = (blocks: readonly DocBlock[]) =>
  blocks.flatMap((b) => (b.kind === 'paragraph' && b.text.trim() !== '' ? [squashSpaces(b.text)] : []));

/**
 * How much a Word file reads as the notice itself: a title 关于…通知 (over one or two lines) or a 文号 near its top, a
 * name with 通知; a file named or opening as 附件 is an attachment.
 */
function noticeScore(part: NoticeDocument): number {
  const lines = paragraphs(part.blocks);
  const top = lines.slice(0, 20);
  let score = 0;
  if (top.some((l, i) => /^关于/.test(l) && /通知$/.test(l + (/通知$/.test(l) ? '' : (top[i + 1] ?? ''))))) score += 2;
  if (top.some((l) => DOC_NO.test(l))) score += 2;
  const base = part.name.replace(/^.*[/\\]/, '');
  if (/通知/.test(base)) score += 1;
  if (/^附件/.test(base)) score -= 3;
  if (ATTACHMENT_LINE.test(lines[0] ?? '')) score -= 3;
  return score;
}

/** The 附件 numbers a document prints with a table under them: the attachments it holds itself. */
function numbersWithTables(blocks: readonly DocBlock[]): number[] {
  const used: number[] = [];
  let current: number | undefined;
  for (const b of blocks) {
    if (b.kind === 'table') {
      if (current !== undefined && !used.includes(current)) used.push(current);
      continue;
    }
    const line = ATTACHMENT_LINE.exec(squashSpaces(b.text));
    // "附件1" or "附件1：标题" opens an attachment; "附件：1．…" (the body's list) does not.
    if (line?.[1] !== undefined) current = numberOf(line[1]);
  }
  return used;
}

/** A list item of the body's 附件 list: "附件：1．职工书屋申报表", "2．藏书情况统计表", "附件2：…". */
const LIST_ITEM = /^(?:附件\s*[:：]?\s*)?([0-9０-９]+)\s*[.．、:：]\s*(.+)$/;

/** The notice's list of attachments (number → title, squashed), from the lines after the one opening with 附件. */
function listedTitles(blocks: readonly DocBlock[]): Map<number, string> {
  const titles = new Map<number, string>();
  const lines = paragraphs(blocks);
  const start = lines.findIndex((l) => /^附件\s*[:：]/.test(l) || /^附件\s*[0-9０-９]+\s*[:：.．]\s*\S/.test(l));
  if (start < 0) return titles;
  for (const line of lines.slice(start)) {
    const item = LIST_ITEM.exec(line);
    const n = item ? numberOf(item[1]) : undefined;
    if (!item || n === undefined) break;
    titles.set(n, (item[2] as string).replace(/[（(][^）)]*[）)]$|[。；;]$/g, ''));
  }
  return titles;
}

/** The number of the body's list whose title the file's name (or its form's title) holds, or which holds it. */
function listedNumber(part: NoticePart, titles: ReadonlyMap<number, string>): number | undefined {
  const base = squashSpaces(part.name.replace(/^.*[/\\]/, '').replace(/\.[^.]+$/, ''));
  for (const [n, title] of titles) if (title !== '' && (base.includes(title) || (base.length >= 4 && title.includes(base)))) return n;
  return undefined;
}

/**
 * A Word attachment file's blocks under its heading: a first line 附件N (any width, or a Chinese numeral) becomes
 * the heading "附件N"; "附件：职工书屋申报表" is the heading and the title; without one, the heading is put first.
 */
function documentSection(blocks: readonly DocBlock[], heading: string): DocBlock[] {
  const first = blocks.findIndex((b) => b.kind !== 'paragraph' || b.text.trim() !== '');
  const opening = blocks[first];
  const line = opening?.kind === 'paragraph' ? ATTACHMENT_LINE.exec(squashSpaces(opening.text)) : null;
  const head: DocBlock = { kind: 'paragraph', text: heading };
  if (!line) return [head, ...blocks];
  const title = line[2] ?? '';
  return [head, ...(title ? [{ kind: 'paragraph' as const, text: title }] : []), ...blocks.slice(first + 1)];
}

/** A sheet's table as a Word table: merged areas as w:gridSpan and w:vMerge, so the notice's reader reads it the same. */
function docTable(table: GridTable): DocTable {
  const rows: DocCell[][] = [];
  for (let r = 0; r < table.rowCount; r++) {
    const row: DocCell[] = [];
    for (let c = 0; c < table.width;) {
      const starts = table.cells.find((x) => x.row === r && x.col === c);
      const covers = starts ?? table.cells.find((x) => x.col === c && x.row < r && r < x.row + x.rowSpan);
      if (!covers) {
        row.push({ paragraphs: [''], gridSpan: 1 });
        c++;
        continue;
      }
      row.push(
        starts
          ? { paragraphs: starts.text.split('\n'), gridSpan: starts.colSpan, ...(starts.rowSpan > 1 ? { vMerge: 'restart' as const } : {}) }
          : { paragraphs: [], gridSpan: covers.colSpan, vMerge: 'continue' },
      );
      c += covers.colSpan;
    }
    rows.push(row);
  }
  return { kind: 'table', rows, columnWidths: table.columnWidths.length === table.width ? table.columnWidths : [] };
}

/** A sheet read as an attachment (import-grid.ts, as 从所选区域创建 reads one), written as the section a notice prints. */
function sheetSection(a: Attachment, heading: string): DocBlock[] {
  const line = (text: string): DocBlock => ({ kind: 'paragraph', text });
  return [line(heading), line(a.title), ...a.above.map(line), ...a.tables.map(docTable), ...a.below.map(line)];
}

/** A sheet as the grid a selection gives: each cell's text as shown, its merged areas (always known in a file). */
export function sheetGrid(name: string, values: readonly (readonly CellValue[])[], merges: readonly CellRange[]): SelectedGrid {
  const width = Math.max(0, ...values.map((r) => r.length), ...merges.map((m) => m.right + 1));
  const height = Math.max(values.length, ...merges.map((m) => m.bottom + 1));
  const rows = Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => cellText(values[r]?.[c])));
  return {
    sheetName: name,
    address: name,
    rows,
    merges: merges.map((m) => ({ row: m.top, col: m.left, rowCount: m.bottom - m.top + 1, colCount: m.right - m.left + 1 })),
    mergesKnown: true,
    columnWidths: [],
  };
}

/** The notice's files as one document: the notice first, then each attachment file under its 附件N. */
export function noticeSet(parts: readonly NoticePart[]): NoticeSet {
  const documents = parts.filter((p): p is NoticeDocument => p.kind === 'document');
  let notice: NoticeDocument | undefined;
  let best = 0;
  for (const d of documents) {
    const score = noticeScore(d);
    if (score > best) [notice, best] = [d, score];
  }
  const used = new Set(notice ? numbersWithTables(notice.blocks) : []);
  const titles = notice ? listedTitles(notice.blocks) : new Map<number, string>();
  const others = parts.filter((p) => p !== notice);
  // Files named 附件N (or opening with it) keep N; a file named as an item of the body's 附件 list takes its number;
  // the others take the next numbers free, in the order given.
  const named = others.map((p) => {
    const n = numberOf(ATTACHMENT_NAME.exec(p.name.replace(/^.*[/\\]/, ''))?.[1]);
    const opening = p.kind === 'document' ? ATTACHMENT_LINE.exec(paragraphs(p.blocks)[0] ?? '') : null;
    return n ?? numberOf(opening?.[1]) ?? listedNumber(p, titles);
  });
  const numbers: number[] = [];
  for (const [i] of others.entries()) {
    const wanted = named[i];
    if (wanted !== undefined && !used.has(wanted) && !numbers.includes(wanted)) numbers[i] = wanted;
  }
  let next = 1;
  for (const [i] of others.entries()) {
    if (numbers[i] !== undefined) continue;
    while (used.has(next) || numbers.includes(next)) next++;
    numbers[i] = next;
  }

  const blocks: DocBlock[] = notice ? [...notice.blocks] : [];
  const unknownSymbols = notice ? [...notice.unknownSymbols] : [];
  const attachments: NoticeSet['attachments'] = [];
  const guesses: Guess[] = [];
  const skipped: string[] = [];
  const order = others.map((p, i) => ({ p, n: numbers[i] as number })).sort((a, b) => a.n - b.n);
  for (const { p, n } of order) {
    const heading = `附件${n}`;
    if (p.kind === 'document') {
      blocks.push(...documentSection(p.blocks, heading));
      unknownSymbols.push(...p.unknownSymbols);
      attachments.push({ file: p.name, heading });
      continue;
    }
    // An attachment file is one form: the first sheet holding a table (the others are said, not guessed at).
    let taken = 0;
    for (const sheet of p.sheets) {
      const log = new GuessLog(heading);
      let a: Attachment;
      try {
        a = gridAttachment(sheet, log);
      } catch {
        skipped.push(`“${p.name}”的工作表“${sheet.sheetName}”中没有表格，未导入。`);
        continue;
      }
      if (taken > 0) {
        skipped.push(`“${p.name}”的工作表“${sheet.sheetName}”：一个附件文件只取第一张有表格的工作表，其余未导入。`);
        continue;
      }
      taken++;
      blocks.push(...sheetSection(a, heading));
      guesses.push(...log.guesses);
      attachments.push({ file: p.name, heading });
    }
  }
  return { blocks, unknownSymbols, ...(notice ? { notice: notice.name } : {}), attachments, guesses, skipped };
}
