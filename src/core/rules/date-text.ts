import { cellText, toHalfWidth, type CellValue } from '../cell-value';

/**
 * Dates as clerks write them: real dates, Excel serials, 2017-5-12, 2017/5/12, 2017.5.12, 2017年5月12日, 5月12日
 * (the form's year), 20170512, the same in Chinese numerals (二〇一七年五月十二日), months (2016年9月, 2016.9) and
 * ten-day periods (5月上旬, 2017年5月中旬). Every check that reads a date reads it here.
 */

/** A date as ISO text (YYYY-MM-DD); a range as two of them. */
export type DateRange = { start: string; end: string };

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

const iso = (y: number, m: number, d: number): string | undefined => {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
};

/** 〇 (and the ○, 零 and letter O people type for it) to 九, as digits. */
const CN_DIGIT: Readonly<Record<string, string>> = {
  〇: '0',
  '○': '0',
  零: '0',
  O: '0',
  o: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};
const CN_RUN = /[〇○零Oo一二三四五六七八九十廿卅]+/g;
/** 十, 十二, 二十, 二十一, 廿一, 卅: a month or a day in Chinese numerals. */
const CN_TENS = /^([一二三四五六七八九]?)([十廿卅])([一二三四五六七八九]?)$/;

/**
 * A date's Chinese numerals as Arabic digits, where the text marks a date with 年, 月 or 日: 二〇一七年五月十二日 →
 * 2017年5月12日, 三十一 → 31. A year is read digit by digit (four of them), a month or a day by its tens; any other
 * run of numerals is left as it is, so that the date does not read.
 */
export function arabicDate(text: string): string {
  if (!/[年月日]/.test(text)) return text;
  return text.replace(CN_RUN, (run) => {
    const tens = CN_TENS.exec(run);
    if (tens) {
      const [, before, ten, after] = tens as unknown as [string, string, string, string];
      const base = ten === '十' ? Number(CN_DIGIT[before] ?? 1) * 10 : ten === '廿' && !before ? 20 : ten === '卅' && !before ? 30 : NaN;
      return Number.isNaN(base) ? run : String(base + Number(CN_DIGIT[after] ?? 0));
    }
    const digits = [...run];
    if ((digits.length === 1 || digits.length === 4) && digits.every((d) => CN_DIGIT[d] !== undefined))
      return digits.map((d) => CN_DIGIT[d]).join('');
    return run;
  });
}

/** A cell's text as the date readers see it: half-width, without spaces, Chinese numerals as digits. */
function dateTextOf(raw: CellValue): string {
  return arabicDate(toHalfWidth(cellText(raw)).replace(/\s/g, ''));
}

/** One date as people write it: a Date, an Excel serial number, 2017-5-12, 2017/5/12, 2017.5.12, 2017年5月12日, 5月12日. */
export function parseDate(raw: CellValue, year: number | undefined): string | undefined {
  if (raw instanceof Date)
    return Number.isNaN(raw.getTime()) ? undefined : iso(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate());
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw) || raw < 1 || raw > 2958465) return undefined;
    const d = new Date(EXCEL_EPOCH + Math.floor(raw) * 86400000);
    return d.toISOString().slice(0, 10);
  }
  const t = dateTextOf(raw);
  const full = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  if (full) return iso(Number(full[1]), Number(full[2]), Number(full[3]));
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (compact) return iso(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  const monthDay = /^(\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  if (monthDay && year !== undefined) return iso(year, Number(monthDay[1]), Number(monthDay[2]));
  return undefined;
}

/**
 * A month as people write it when the notice asks no day (组建时间): 2016年9月, 2016.9, 2016-09, 2016/9, as YYYY-MM.
 * A number such as 2016.9 is what Excel keeps of "2016.9" typed into a General cell.
 */
export function parseMonth(raw: CellValue): string | undefined {
  let y: number;
  let m: number;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw) || Number.isInteger(raw) || raw < 1900 || raw >= 2100) return undefined;
    const [whole, fraction = ''] = String(raw).split('.');
    if (fraction.length > 2) return undefined;
    y = Number(whole);
    m = Number(fraction);
  } else if (typeof raw === 'string') {
    const found = /^(\d{4})(?:年(\d{1,2})月份?|[-/.](\d{1,2})月?)$/.exec(dateTextOf(raw));
    if (!found) return undefined;
    y = Number(found[1]);
    m = Number(found[2] ?? found[3]);
  } else return undefined;
  if (m < 1 || m > 12 || y < 1900) return undefined;
  return `${y}-${String(m).padStart(2, '0')}`;
}

/** A ten-day period of a month (旬): its text as typed, and its first and last day. */
export interface TenDays extends DateRange {
  text: string;
  /** Whether the year was written (2017年5月上旬) or taken from the form (5月上旬). */
  yearWritten: boolean;
}

/** 上旬 is the 1st to the 10th, 中旬 the 11th to the 20th, 下旬 the 21st to the month's end. */
const TEN_DAYS = /^(?:(\d{4})[-/.年])?(\d{1,2})月(上|中|下)旬$/;

/** 5月上旬, 2017年5月中旬, 五月下旬: the period, or undefined (also when no year is written and the form has none). */
export function parseTenDays(raw: CellValue, year: number | undefined): TenDays | undefined {
  if (typeof raw !== 'string') return undefined;
  const found = TEN_DAYS.exec(dateTextOf(raw));
  if (!found) return undefined;
  const y = found[1] !== undefined ? Number(found[1]) : year;
  const m = Number(found[2]);
  if (y === undefined) return undefined;
  const first = found[3] === '上' ? 1 : found[3] === '中' ? 11 : 21;
  const lastOfMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const start = iso(y, m, first);
  const end = iso(y, m, found[3] === '下' ? lastOfMonth : first + 9);
  if (!start || !end) return undefined;
  return { start, end, text: cellText(raw), yearWritten: found[1] !== undefined };
}

/** A day or a ten-day period, as the range it covers. */
function periodOf(raw: CellValue, year: number | undefined): DateRange | undefined {
  const day = parseDate(raw, year);
  if (day) return { start: day, end: day };
  const tenDays = parseTenDays(raw, year);
  return tenDays ? { start: tenDays.start, end: tenDays.end } : undefined;
}

/**
 * A date or a period (举办时间): one day, a ten-day period, or two of them joined by 至, 到, ~, — or -
 * (2017-5-22至2017-6-2, 5月22日-6月2日, 5月下旬至6月上旬); the end takes the start's year when it has none.
 * The range, or the text when it is none (so the message can say why).
 */
export function dateRangeOf(year: number | undefined) {
  const pair = (a: string, b: string): DateRange | undefined => {
    const start = periodOf(a, year);
    const end = start ? periodOf(b, Number(start.start.slice(0, 4))) : undefined;
    return start && end ? { start: start.start, end: end.end } : undefined;
  };
  return (raw: CellValue): unknown => {
    const single = periodOf(raw, year);
    if (single) return single;
    const t = toHalfWidth(cellText(raw)).replace(/\s/g, '');
    const words = t.split(/至|到|~|～|—|–|－/);
    if (words.length === 2) return pair(words[0] as string, words[1] as string) ?? t;
    for (let i = t.indexOf('-'); i > 0; i = t.indexOf('-', i + 1)) {
      const found = pair(t.slice(0, i), t.slice(i + 1));
      if (found) return found;
    }
    return t;
  };
}
