import { squashSpaces } from '../cell-value';
import { parseChineseNumeral } from '../templates';

/**
 * The words of a notice that name its attachments (issue 21 §1): the heading line that opens one ("附件", "附件：",
 * "附件1", "附件 １：", "附件一", "附件2：职工书屋申报表"), the body's list of them ("附件：1．… 2．…"), and
 * whether a line reads as a form's title.
 */

/** A line that opens an attachment: its number when printed, the heading as printed, a title on the same line. */
export interface HeadingLine {
  no?: number;
  /** The part of an attachment printed as 附件2-1, 附件2-2. */
  sub?: number;
  /** "附件1", "附件一", "附件": what the notice prints, spaces dropped, without the colon before a title. */
  heading: string;
  title: string;
}

/** An attachment the body lists, by its number and title. */
export interface ListedAttachment {
  no: number;
  title: string;
}

/** Full-width digits, letters, colons and brackets as their ASCII forms (for matching only; texts are kept as printed). */
export function halfWidth(text: string): string {
  return text.normalize('NFKC');
}

const NUMBER = '([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})';
// 附件, a number, then a colon, a space, the end of the line, or (after digits) the title itself: "附件1职工书屋申报表".
const HEADING_LINE = new RegExp(
  `^附\\s*件\\s*${NUMBER}?(?:\\s*[-－—–]\\s*([0-9０-９]{1,2}))?\\s*(?:[:：.．、]\\s*|\\s+|$|(?<=[0-9０-９])(?=(?![份个张页])[\\u4e00-\\u9fa5“"《]))(.*)$`,
);

/** 1, ２, 一, 十二 → a number; undefined for anything else. */
export function attachmentNumber(text: string): number | undefined {
  const t = halfWidth(text);
  return /^\d+$/.test(t) ? Number(t) : parseChineseNumeral(t);
}

/** A line that opens an attachment, or undefined. "附件材料报送…" (no number, colon or space after 附件) is prose. */
export function attachmentHeading(line: string): HeadingLine | undefined {
  const m = HEADING_LINE.exec(line.trim());
  if (!m) return undefined;
  const [, number, part, rest] = m as unknown as [string, string | undefined, string | undefined, string];
  const no = number === undefined ? undefined : attachmentNumber(number);
  if (number !== undefined && no === undefined) return undefined;
  if (part !== undefined && number === undefined) return undefined;
  const sub = part === undefined ? undefined : attachmentNumber(part);
  const title = rest.trim();
  // Alone on its line the heading is printed as typed ("附件 1:" → "附件1:", "附件１"); before a title, without the colon.
  const heading = title === '' ? squashSpaces(line) : `附件${number ?? ''}${part === undefined ? '' : `-${part}`}`;
  return { ...(no !== undefined ? { no } : {}), ...(sub !== undefined ? { sub } : {}), heading, title };
}

/** "1．" "2、" "（1）" "1." at the start of a list item. */
const ITEM = /^(?:[(（]\s*([0-9０-９]{1,2})\s*[)）]|([0-9０-９]{1,2})\s*[.．、，,]|([一二三四五六七八九十]{1,3})\s*[、.．])\s*/;

/** A heading line that is the body's list of attachments, not the start of one: "附件：1．…", "附件：" over "1、…" lines. */
export function isAttachmentList(line: string, next: readonly string[]): boolean {
  const h = attachmentHeading(line);
  if (!h) return false;
  if (h.title !== '') return ITEM.test(h.title);
  const following = next.find((l) => l.trim() !== '');
  return following !== undefined && ITEM.test(following.trim()) && !attachmentHeading(following);
}

/** Quotes, book-title marks and trailing punctuation off a listed title: 《职工书屋申报表》。 → 职工书屋申报表. */
function cleanTitle(text: string): string {
  return text
    .trim()
    .replace(/[。；;，,]+$/, '')
    .replace(/^《([^《》]*)》$/, '$1')
    .trim();
}

/**
 * The attachments a notice's body lists: "附件：1．A  2．B" on one line, "附件：" over lines "1、A" "2、B",
 * "附件1：A" "附件2：B" on their own lines, or "附件：A" alone (one attachment).
 */
export function listedAttachments(body: readonly string[]): ListedAttachment[] {
  const lines = body.flatMap((l) => l.split('\n')).map((l) => l.trim());
  const out: ListedAttachment[] = [];
  const add = (no: number, title: string) => {
    const t = cleanTitle(title);
    if (t !== '' && !out.some((o) => o.no === no)) out.push({ no, title: t });
  };
  for (let i = 0; i < lines.length; i++) {
    const h = attachmentHeading(lines[i] as string);
    if (!h) continue;
    if (h.no !== undefined) {
      if (h.title !== '') add(h.no, h.title + wrapped(lines, i + 1, h.title).join(''));
      continue;
    }
    const items: string[] = [];
    if (h.title !== '') items.push(h.title);
    for (let k = i + 1; k < lines.length; k++) {
      const line = lines[k] as string;
      if (ITEM.test(line)) items.push(line);
      else {
        // A long title wrapped onto the next line: "1．关于…优秀" / "职工书屋示范点申报表".
        const rest = wrapped(lines, k, items[items.length - 1] ?? '');
        if (rest.length === 0 || items.length === 0) break;
        items[items.length - 1] += rest.join('');
        k += rest.length - 1;
      }
    }
    // Several items typed on one line, set apart by spaces: "1．A  2．B".
    const split = items.flatMap((item) => item.trim().split(/\s+(?=[0-9０-９]{1,2}\s*[.．、])/));
    const numbered = split.map((s) => ITEM.exec(s));
    if (numbered.every((m) => m !== null) && split.length > 0)
      split.forEach((s, k) => {
        const m = numbered[k] as RegExpExecArray;
        const no = m[1] ?? m[2] ?? m[3];
        add(no === undefined ? k + 1 : (attachmentNumber(no) ?? k + 1), s.slice(m[0].length));
      });
    else if (split.length === 1) add(1, items[0] as string);
  }
  return out;
}

const ISSUER_NAME = /(总工会|工会|委员会|中心|协会|联合会|局|委|厅|办公室|部)$/;

/**
 * The lines from `from` that continue a listed title wrapped over lines: short title fragments, while the title has
 * not reached a form's word (…表, …名单); never the issuer's name or the date that sign the notice.
 */
function wrapped(lines: readonly string[], from: number, title: string): string[] {
  const out: string[] = [];
  let text = title;
  for (let k = from; k < lines.length && out.length < 2; k++) {
    const line = lines[k] as string;
    if (looksLikeFormTitle(text) || !titleFragment(line) || line.length > 30 || ISSUER_NAME.test(squashSpaces(line))) break;
    if (/^[\d〇○零一二三四五六七八九十]{4}\s*年/.test(line)) break;
    out.push(line);
    text += line;
  }
  return out;
}

/** A title reduced for comparison: widths, spaces, quotes, book-title marks and punctuation dropped. */
export function titleKey(text: string): string {
  return halfWidth(text)
    .replace(/[\s"'“”‘’《》〈〉「」『』()（）【】[\]、，,。.:：;；!！?？·\-—_]/g, '')
    .replace(/^附件\d*/, '');
}

function commonSubsequence(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] as number;
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : Math.max(up, prev[j - 1] as number);
      diag = up;
    }
  }
  return prev[b.length] as number;
}

/**
 * Whether two texts name the same form: the same words, or nearly (the body's list and the printed title often differ
 * by a word: "…竞赛协调小组成员名单" / "…竞赛活动协调小组成员名单"), or one is the other with a year or 届 before it.
 */
export function sameTitle(a: string, b: string): boolean {
  const x = titleKey(a);
  const y = titleKey(b);
  if (x.length < 4 || y.length < 4) return x === y && x !== '';
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (long.endsWith(short) && short.length >= 6) return true;
  return commonSubsequence(x, y) / long.length >= 0.85;
}

/** The listed attachment a title names, if any. */
export function listedFor(title: string, listed: readonly ListedAttachment[]): ListedAttachment | undefined {
  return listed.find((l) => sameTitle(l.title, title));
}

/** Words a form's title ends with: …申报表, …名单, …登记表（样表）. */
const FORM_TITLE_END = /(表|单|名单|清单|目录|一览)$/;

/** A line that may be (part of) a title: short, no "key：", no sentence, no note. */
export function titleFragment(line: string): boolean {
  const t = squashSpaces(line);
  if (t === '' || t.length > 60) return false;
  if (/[：:。；;，,！!？?]$|[：:。；]/.test(t)) return false;
  if (/^(注|说明|备注|填表说明|填报说明)/.test(t) || ITEM.test(t)) return false;
  if (attachmentHeading(t)) return false;
  return !/^[\d\s年月日_\u3000]*$/.test(t);
}

/** A line that reads as a form's title: a title fragment ending in 表/单/名单/清单, a bracketed note after it allowed. */
export function looksLikeFormTitle(line: string): boolean {
  const t = squashSpaces(line).replace(/[（(][^（()）]*[）)]$/, '');
  return titleFragment(line) && FORM_TITLE_END.test(t);
}

/** A line saying the table below continues the one before: 续表, （续表）, 续上表, 职工书屋申报表（续）. */
export function isContinuationLine(line: string): boolean {
  const t = squashSpaces(halfWidth(line));
  return /^\(?(续表|续上表|接上表|续前表)[0-9一二三四五六七八九十]*\)?[:：]?$/.test(t) || /[(（]续(表|上表)?[)）]$/.test(t);
}
