import { squashSpaces } from '../cell-value';
import { parseChineseNumeral } from '../templates';
import type { GuessLog } from './guess-log';

/** What a notice states of itself (文号, title, issuer, date, 届次/年度) — the imported forms' parameters. */
export interface NoticeFacts {
  docNo?: string;
  title?: string;
  issuer?: string;
  /** The notice's date, YYYY-MM-DD. */
  date?: string;
  /** 届次 of a numbered event (第七届 → 7). */
  edition?: number;
  year?: number;
}

const DOC_NO = /[\u4e00-\u9fa5]{1,10}[〔[(（]\d{4}[〕\])）]\s*\d+\s*号/;
const DATE_LINE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const ISSUER = /(总工会|工会|委员会|中心|协会|局|委|办公室)$/;

const squash = squashSpaces;
const pad2 = (n: number) => String(n).padStart(2, '0');

/** The facts of a notice from its paragraphs before the first attachment, each guess logged. */
export function noticeFacts(lines: readonly string[], log: GuessLog): NoticeFacts {
  const facts: NoticeFacts = {};
  const texts = lines.map((l) => l.trim()).filter((l) => l !== '');
  const docNoAt = texts.findIndex((l) => DOC_NO.test(l));
  if (docNoAt >= 0) {
    facts.docNo = squash((DOC_NO.exec(texts[docNoAt] as string) as RegExpExecArray)[0]);
    log.add('文号', facts.docNo, '形如“机关代字〔年份〕序号号”的一行');
  } else log.undecided('文号', '未找到', '通知中没有“〔年份〕…号”形式的文号');

  const titleAt = texts.findIndex((l) => /^关于/.test(l));
  if (titleAt >= 0) {
    let title = texts[titleAt] as string;
    // A long title wraps onto the next line (…“创新杨浦”’ / 主题活动的通知).
    if (!/通知$/.test(title) && /通知$/.test(texts[titleAt + 1] ?? '')) title += texts[titleAt + 1];
    facts.title = squash(title);
    log.add('标题', facts.title, '以“关于”开头、以“通知”结尾的一行');
  } else log.undecided('标题', '未找到', '没有以“关于”开头的标题行');

  const dates = texts.map((l) => DATE_LINE.exec(squash(l))).filter((m): m is RegExpExecArray => m !== null);
  const last = dates[dates.length - 1];
  if (last) {
    facts.date = `${last[1]}-${pad2(Number(last[2]))}-${pad2(Number(last[3]))}`;
    log.add('成文日期', facts.date, '正文后单独一行的“YYYY年M月D日”');
  }

  const head = texts.slice(0, titleAt >= 0 ? titleAt : 0).filter((l) => !DOC_NO.test(l) && ISSUER.test(squash(l)));
  const dateAt = last ? texts.findIndex((l) => squash(l) === last[0]) : -1;
  const signature =
    dateAt > 0 ? texts.slice(Math.max(0, dateAt - 12), dateAt).filter((l) => ISSUER.test(squash(l).replace(/（代章）$/, ''))) : [];
  const issuers = (head.length > 0 ? head : signature).map((l) => squash(l).replace(/（代章）$/, ''));
  if (issuers.length > 0) {
    facts.issuer = [...new Set(issuers)].join('、');
    log.add('发文单位', facts.issuer, head.length > 0 ? '标题前的机关名称' : '落款（成文日期前）的机关名称');
  } else log.undecided('发文单位', '未找到', '标题前和落款中都没有机关名称');

  const edition = /第([一二三四五六七八九十]{1,3})届/.exec(facts.title ?? '');
  if (edition) {
    const n = parseChineseNumeral(edition[1] as string);
    if (n !== undefined) {
      facts.edition = n;
      log.add('届次', `${n}（${edition[0]}）`, '标题中的“第N届”；换届时改这个参数');
    }
  }
  const titleYear = /(\d{4})\s*年/.exec(facts.title ?? '');
  const docYear = /〔(\d{4})〕/.exec(facts.docNo ?? '');
  const year = titleYear?.[1] ?? docYear?.[1] ?? facts.date?.slice(0, 4);
  if (year) {
    facts.year = Number(year);
    log.add('年份', year, titleYear ? '标题中的年份' : docYear ? '文号中的年份' : '成文日期的年份');
  }
  return facts;
}

/**
 * The return deadline (MM-DD) of one attachment: a sentence naming it (（附件1）, or its title in 《》) and a date
 * "M月D日前"; its own 注 lines first.
 */
export function deadlineFor(
  attachmentNo: number,
  title: string,
  notes: readonly string[],
  body: readonly string[],
): { monthDay: string; source: string } | undefined {
  const DEADLINE = /(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(前|之前|以前)/;
  const asMonthDay = (m: RegExpExecArray) => `${pad2(Number(m[1]))}-${pad2(Number(m[2]))}`;
  for (const note of notes) {
    const m = DEADLINE.exec(note);
    if (m) return { monthDay: asMonthDay(m), source: `表下注：“${note.trim()}”` };
  }
  const bare = squash(title);
  for (const line of body) {
    const text = squash(line);
    const namesIt =
      new RegExp(`[（(]附件${attachmentNo}[）)]`).test(text) ||
      [...text.matchAll(/《([^》]+)》/g)].some((m) => bare.endsWith(m[1] as string));
    const m = DEADLINE.exec(text);
    if (namesIt && m) return { monthDay: asMonthDay(m), source: `正文：“${line.trim().slice(0, 60)}”` };
  }
  return undefined;
}
