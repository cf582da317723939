import { squashSpaces } from '../cell-value';
import { attachmentNumber, halfWidth, sameTitle, titleKey } from './attachment-heading';

/**
 * When a form is to be returned, as notices write it (issue 21 §1): "5月12日前", "于2022年12月9日前", "12月9日（星期五）
 * 下班前", "之前", "以前", "截止日期：2022年12月9日", "12月9日截止", "请于12月9日报送"; for one attachment (named
 * by 附件N or its title) or for all of them.
 */

export interface Deadline {
  /** MM-DD. */
  monthDay: string;
  /** The year when the notice writes it. */
  year?: number;
  /** Where it was read, for the person checking the import. */
  source: string;
}

const DATE = String.raw`(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]`;
const DOTTED = String.raw`(\d{4})\s*[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{1,2})`;
const AFTER = String.raw`\s*(?:[(（][^()（）]{1,8}[)）])?\s*(?:上午|中午|下午|晚上|下班)?\s*(?:\d{1,2}\s*[:：]\s*\d{2}|\d{1,2}\s*[时点](?:\s*\d{1,2}\s*分)?)?\s*`;
/** A date followed by 前/之前/以前/为止/截止, or after 截止/截至/报送时间, or "于<date>" with a verb of sending. */
const PATTERNS: RegExp[] = [
  new RegExp(`(?:${DATE}|${DOTTED})${AFTER}(?:前|之前|以前|为止|截止|止)`),
  new RegExp(`(?:截止|截至|报送|上报|报名|申报|提交)(?:日期|时间)?(?:为|是|到|至)?\\s*[:：]?\\s*(?:${DATE}|${DOTTED})`),
  new RegExp(`于\\s*(?:${DATE}|${DOTTED})${AFTER}(?:将|把)?[^。；]{0,20}?(?:报送|上报|报至|报|交|送|发送|寄送|提交|发至|传至)`),
];

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Every deadline a text states, by where it begins: its month, day and year when written. */
function allDeadlines(text: string): { at: number; monthDay: string; year?: number }[] {
  const t = halfWidth(text);
  const found = new Map<number, { at: number; monthDay: string; year?: number }>();
  for (const re of PATTERNS) {
    for (const m of t.matchAll(new RegExp(re.source, 'g'))) {
      // Groups: (year, month, day) written with 年月日, then (year, month, day) written with dots.
      const [y, mo, d] = m[2] !== undefined ? [m[1], m[2], m[3]] : [m[4], m[5], m[6]];
      const month = Number(mo);
      const day = Number(d);
      if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) continue;
      const at = m.index ?? 0;
      if (![...found.values()].some((f) => Math.abs(f.at - at) < 12 && f.monthDay === `${pad2(month)}-${pad2(day)}`))
        found.set(at, { at, monthDay: `${pad2(month)}-${pad2(day)}`, ...(y ? { year: Number(y) } : {}) });
    }
  }
  return [...found.values()].sort((a, b) => a.at - b.at);
}

/** The first deadline a text states: its month, day and year when written. */
export function findDeadline(text: string): { monthDay: string; year?: number } | undefined {
  const first = allDeadlines(text)[0];
  return first && { monthDay: first.monthDay, ...(first.year !== undefined ? { year: first.year } : {}) };
}

/** The attachment numbers a sentence names: （附件1）, 附件２, 附件一, 附件1、2, 附件1-3, 附件1和附件2. */
export function namedNumbers(sentence: string): number[] {
  const out: number[] = [];
  const t = halfWidth(sentence);
  for (const m of t.matchAll(
    /附件\s*((?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})(?:\s*(?:[、,，和及与\-~～至到]|和附件|及附件)\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3}))*)/g,
  )) {
    const parts = (m[1] as string)
      .split(/\s*([-~～至到])\s*|\s*(?:和附件|及附件|[、,，和及与])\s*/)
      .filter((p) => p !== undefined && p !== '');
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] as string;
      if (/^[-~～至到]$/.test(part)) {
        const from = attachmentNumber(parts[i - 1] ?? '');
        const to = attachmentNumber(parts[i + 1] ?? '');
        if (from !== undefined && to !== undefined) for (let k = from + 1; k < to; k++) out.push(k);
        continue;
      }
      const n = attachmentNumber(part);
      if (n !== undefined) out.push(n);
    }
  }
  return out;
}

/** A sentence about sending something in: a deadline in it is a deadline for returns. */
const SENDING = /报送|上报|报至|报市|报区|报名|申报|提交|交至|送至|发送|发至|寄送|传至|截止|截至/;

/** The sentences of the body: split at 。；！ and line ends. */
function sentences(body: readonly string[]): string[] {
  return body
    .flatMap((line) => line.split(/(?<=[。；;！!])|\n/))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export interface DeadlineTarget {
  no: number;
  title: string;
  /** The titles of every attachment of the notice (the body's list and those printed), to tell whether a sentence names another. */
  others: readonly string[];
}

/** Whether a sentence names a form by its title: in 《》, or as the words of one of the notice's titles. */
function namesTitle(sentence: string, title: string): boolean {
  if ([...sentence.matchAll(/《([^》]+)》/g)].some((m) => sameTitle(m[1] as string, title))) return true;
  const key = titleKey(title).replace(/^\d{4}年度?|^第[一二三四五六七八九十]+届/, '');
  return key.length >= 5 && titleKey(sentence).includes(key);
}

/**
 * The return deadline of one attachment: its own notes below the table first; then a sentence of the body that
 * names it (附件N, its title) and a deadline; then a sentence with a deadline that names none of the notice's forms
 * (a deadline for all of them: "以上材料请于12月9日前报送").
 */
export function deadlineFor(target: DeadlineTarget, notes: readonly string[], body: readonly string[]): Deadline | undefined {
  for (const note of notes) {
    const d = findDeadline(squashSpaces(note));
    if (d) return { ...d, source: `表下注：“${note.trim()}”` };
  }
  let general: Deadline | undefined;
  for (const sentence of sentences(body)) {
    for (const { text, names } of clauses(squashSpaces(sentence))) {
      const d = findDeadline(text);
      if (!d) continue;
      const numbers = namedNumbers(names);
      const titled = target.others.filter((t) => namesTitle(names, t));
      const namesThis = numbers.includes(target.no) || (target.title !== '' && namesTitle(names, target.title));
      if (namesThis) return { ...d, source: `正文：“${sentence.slice(0, 60)}”` };
      if (!general && numbers.length === 0 && titled.length === 0 && SENDING.test(text))
        general = { ...d, source: `正文（未指明附件，适用于全部附件）：“${sentence.slice(0, 60)}”` };
    }
  }
  return general;
}

/**
 * A sentence with one deadline is one clause. With several ("附件1请于3月31日前报送，附件2请于4月15日前报送"), each
 * clause holding a deadline goes with the attachments it names, or else with those named since the previous
 * deadline ("填写申报表（附件1），并于3月31日前报送").
 */
function clauses(sentence: string): { text: string; names: string }[] {
  const dates = new Set(allDeadlines(sentence).map((d) => d.monthDay));
  if (dates.size < 2) return [{ text: sentence, names: sentence }];
  const out: { text: string; names: string }[] = [];
  let pending = '';
  for (const part of sentence.split(/[，,]/)) {
    pending += `${part}，`;
    if (allDeadlines(part).length === 0) continue;
    out.push({ text: part, names: namedNumbers(part).length > 0 || /《/.test(part) ? part : pending });
    pending = '';
  }
  return out;
}
