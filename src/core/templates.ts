/** `{param}` or `{param:format}` inside label texts, titles and notes. */
const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9]*)(?::([a-z]+))?\}/g;

/** cn: Chinese numeral (七, 十二); md: 5月12日; ymd: 2017年5月12日. */
export const TEMPLATE_FORMATS = ['cn', 'md', 'ymd'];

export type ParamValues = Readonly<Record<string, number | string>>;

export interface Placeholder {
  param: string;
  format: string | undefined;
}

export function placeholdersIn(text: string): Placeholder[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({ param: m[1] as string, format: m[2] }));
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九, 100 → 一百. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) throw new RangeError(`chineseNumeral: ${n} is out of range`);
  if (n < 10) return DIGITS[n] as string;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  const rest = n % 100;
  const hundreds = `${DIGITS[Math.floor(n / 100)]}百`;
  if (rest === 0) return hundreds;
  if (rest < 10) return `${hundreds}零${DIGITS[rest]}`;
  return `${hundreds}${rest < 20 ? '一' : ''}${chineseNumeral(rest)}`;
}

/** "05-12" → { month: 5, day: 12 }. */
export function parseMonthDay(value: string): { month: number; day: number } {
  const m = /^(\d{2})-(\d{2})$/.exec(value);
  if (!m) throw new RangeError(`not a MM-DD value: ${value}`);
  return { month: Number(m[1]), day: Number(m[2]) };
}

function formatValue(value: number | string, format: string | undefined, params: ParamValues): string {
  switch (format) {
    case undefined:
      return String(value);
    case 'cn':
      return chineseNumeral(Number(value));
    case 'md': {
      const { month, day } = parseMonthDay(String(value));
      return `${month}月${day}日`;
    }
    case 'ymd': {
      const { month, day } = parseMonthDay(String(value));
      return `${params.year}年${month}月${day}日`;
    }
    default:
      throw new RangeError(`unknown template format :${format}`);
  }
}

/** Text typed by a person, made safe to keep where placeholders are read: its braces full-width, printed the same. */
export function literalText(text: string): string {
  return text.replace(/\{/g, '｛').replace(/\}/g, '｝');
}

export function fillTemplate(text: string, params: ParamValues): string {
  return text.replace(PLACEHOLDER, (_whole, param: string, format: string | undefined) => {
    const value = params[param];
    if (value === undefined) throw new RangeError(`template "${text}" needs param ${param}`);
    return formatValue(value, format, params);
  });
}

/** 七 → 7, 十二 → 12, 二十一 → 21 (up to 99); undefined for anything else. */
export function parseChineseNumeral(text: string): number | undefined {
  const digit = (ch: string | undefined) => (ch === undefined ? undefined : DIGITS.indexOf(ch));
  const m = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(text);
  if (!m || text === '') return undefined;
  const [, tens, ten, ones] = m as unknown as [string, string, string, string];
  // Without 十 the one numeral is matched as "tens": 七 is 7.
  if (!ten) return tens && !ones ? digit(tens) : undefined;
  return (tens ? (digit(tens) as number) : 1) * 10 + (ones ? (digit(ones) as number) : 0);
}
