import { squashSpaces } from '../cell-value';
import { parseChineseNumeral } from '../templates';
import { halfWidth } from './attachment-heading';
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

/** 沪工总基〔2017〕153号, 滨会发[2015]18号, 杨工【2022】 8号, 沪工〔2022〕008号: any bracket, padded or not. */
const DOC_NO = /[\u4e00-\u9fa5]{1,12}\s*[〔[(（【［﹝〖]\s*[0-9０-９]{4}\s*[〕\])）】］﹞〗]\s*第?\s*[0-9０-９]+\s*号/;
const DOC_NO_PARTS = /[〔[(【﹝〖]\s*(\d{4})\s*[〕\])】﹞〗]\s*第?\s*0*(\d+)/;
const ISSUER = /(总工会|工会|委员会|中心|协会|联合会|局|委|厅|办公室|部)$/;
/** What a notice calls itself at the end of its title: …的通知, …实施方案, …意见. */
const DOC_KIND = /(通知|方案|意见|计划|办法|决定|函|细则|安排|规定|公告|通报|要点|规则|指南|纪要|批复|报告|倡议书)$/;

const squash = squashSpaces;
const pad2 = (n: number) => String(n).padStart(2, '0');
const CN_DIGITS = '〇一二三四五六七八九';

/** "2017年5月3日", "２０１７年５月３日", "二〇一七年五月三日" alone on a line (the signature's date) → YYYY-MM-DD. */
export function dateLine(line: string): string | undefined {
  const t = halfWidth(squash(line)).replace(/[(（](代章|盖章|印章)[)）]$/, '');
  const m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(t);
  if (m) return `${m[1]}-${pad2(Number(m[2]))}-${pad2(Number(m[3]))}`;
  const cn = /^([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/.exec(t);
  if (!cn) return undefined;
  const year = [...(cn[1] as string)].map((ch) => CN_DIGITS.indexOf(ch === '○' || ch === '零' ? '〇' : ch)).join('');
  const month = parseChineseNumeral(cn[2] as string);
  const day = parseChineseNumeral(cn[3] as string);
  return month && day ? `${year}-${pad2(month)}-${pad2(day)}` : undefined;
}

/** The id parts of a 文号: 沪工总基〔2017〕153号 → 2017 and 153 (padding dropped: 〔2022〕008号 → 8). */
export function docNoParts(docNo: string): { year: number; no: number } | undefined {
  const m = DOC_NO_PARTS.exec(halfWidth(docNo));
  return m ? { year: Number(m[1]), no: Number(m[2]) } : undefined;
}

/**
 * Where the notice's title is among its first lines and how many lines it takes: a line with 关于 (after the issuer's
 * name, or first), or one ending with 通知/方案/…; a title broken over two or three lines is read to its end.
 */
function findTitle(texts: readonly string[]): { at: number; lines: number; text: string } | undefined {
  const head = texts.slice(0, 30);
  const salutation = head.findIndex((l) => /[：:]$/.test(l) && !DOC_NO.test(l));
  const limit = salutation >= 0 ? salutation : head.length;
  for (let i = 0; i < limit; i++) {
    const line = squash(head[i] as string);
    if (DOC_NO.test(line) || dateLine(line)) continue;
    const about = line.indexOf('关于');
    const startsTitle = about === 0 || (about > 0 && ISSUER.test(line.slice(0, about))) || DOC_KIND.test(line);
    if (!startsTitle) continue;
    let text = line;
    let lines = 1;
    while (!DOC_KIND.test(text) && lines < 3 && i + lines < limit) {
      const next = squash(head[i + lines] as string);
      if (next === '' || DOC_NO.test(next) || dateLine(next) || /[：:。；]/.test(next) || next.length > 40) break;
      text += next;
      lines += 1;
    }
    // A first line that never reaches a kind of document stands alone (its next lines are something else).
    if (!DOC_KIND.test(text)) return { at: i, lines: 1, text: line };
    return { at: i, lines, text };
  }
  return undefined;
}

/** The facts of a notice from its paragraphs before the first attachment, each guess logged. */
export function noticeFacts(lines: readonly string[], log: GuessLog): NoticeFacts {
  const facts: NoticeFacts = {};
  const texts = lines
    .flatMap((l) => l.split('\n'))
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const docNoAt = texts.findIndex((l) => DOC_NO.test(l));
  if (docNoAt >= 0) {
    facts.docNo = squash((DOC_NO.exec(texts[docNoAt] as string) as RegExpExecArray)[0]);
    log.add('文号', facts.docNo, '形如“机关代字〔年份〕序号号”的一行');
  } else log.undecided('文号', '未找到', '通知中没有“〔年份〕…号”形式的文号');

  const title = findTitle(texts);
  const titleAt = title ? title.at : -1;
  if (title) {
    facts.title = title.text;
    log.add('标题', facts.title, title.lines > 1 ? `标题的 ${title.lines} 行连起来` : '以“关于”开头或以“通知”等结尾的一行');
  } else log.undecided('标题', '未找到', '没有以“关于”开头的标题行');

  const dated = texts.map((l, i) => ({ i, date: dateLine(l) })).filter((d): d is { i: number; date: string } => d.date !== undefined);
  const last = dated[dated.length - 1];
  if (last) {
    facts.date = last.date;
    log.add('成文日期', facts.date, '正文后单独一行的“YYYY年M月D日”');
  }

  const issuerName = (l: string) => squash(l).replace(/文件$/, '');
  // A name alone on its line: "联系人：…宣传教育部" is not an issuer.
  const isIssuer = (l: string) => !/[：:。，]/.test(l) && ISSUER.test(l);
  const head = texts
    .slice(0, titleAt >= 0 ? titleAt : 0)
    .filter((l) => !DOC_NO.test(l) && isIssuer(issuerName(l)))
    .map(issuerName);
  // "上海市总工会关于…的通知": the issuer opens the title.
  const about = facts.title?.indexOf('关于') ?? -1;
  if (head.length === 0 && facts.title && about > 0) head.push(facts.title.slice(0, about));
  const dateAt = last ? last.i : -1;
  // Joint issuers sign two to a line, set apart by spaces.
  const signature =
    dateAt > 0
      ? texts
          .slice(Math.max(0, dateAt - 12), dateAt)
          .flatMap((l) => l.split(/\s{2,}|\t/))
          .filter((l) => isIssuer(squash(l).replace(/[（(]代章[）)]$/, '')))
      : [];
  const issuers = (head.length > 0 ? head : signature).map((l) => squash(l).replace(/[（(]代章[）)]$/, ''));
  if (issuers.length > 0) {
    facts.issuer = [...new Set(issuers)].join('、');
    log.add('发文单位', facts.issuer, head.length > 0 ? '标题前的机关名称' : '落款（成文日期前）的机关名称');
  } else log.undecided('发文单位', '未找到', '标题前和落款中都没有机关名称');

  const edition = /第([一二三四五六七八九十]{1,3}|\d{1,2})届/.exec(halfWidth(facts.title ?? ''));
  if (edition) {
    const n = /^\d+$/.test(edition[1] as string) ? Number(edition[1]) : parseChineseNumeral(edition[1] as string);
    if (n !== undefined) {
      facts.edition = n;
      log.add('届次', `${n}（${edition[0]}）`, '标题中的“第N届”；换届时改这个参数');
    }
  }
  const titleYear = /(\d{4})\s*年/.exec(halfWidth(facts.title ?? ''));
  const docYear = docNoParts(facts.docNo ?? '')?.year;
  const year = titleYear?.[1] ?? docYear ?? facts.date?.slice(0, 4);
  if (year) {
    facts.year = Number(year);
    log.add('年份', String(year), titleYear ? '标题中的年份' : docYear ? '文号中的年份' : '成文日期的年份');
  }
  return facts;
}
