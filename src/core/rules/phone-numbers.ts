import { cellText, toHalfWidth, type CellValue } from '../cell-value';

/**
 * Phone numbers by China's numbering plan, as clerks write them (one or several in a cell):
 * - a mobile: 1, then 3 to 9, then 9 digits (11 in all): 13812345678, 138-1234-5678, +86 138 1234 5678;
 * - a landline with a 3-digit area code (010 Beijing, 021 Shanghai, 022 Tianjin, 023 Chongqing, 020 and 024–029):
 *   8 digits after it, the first from 2 to 9: 021-55885659, (021)55885659;
 * - a landline with a 4-digit area code (0XXX, X from 3 to 9 first): 7 or 8 digits after it: 0571-87654321;
 * - a local number without area code, as Shanghai's forms ask: 8 digits: 55885659;
 * - Shanghai's code written without its 0 (+86 21 55885659, 2155885659);
 * - a 400 or 800 number: 10 digits: 400-820-8820;
 * and after a landline an extension of 1 to 6 digits, after "-", 转, 分机, ext or x: 021-55885659-123.
 */

const MOBILE = /^1[3-9]\d{9}$/;
const LOCAL = /^[2-9]\d{7}$/;
const AREA_3 = /^0(?:10|2\d)[2-9]\d{7}$/;
const AREA_4 = /^0[3-9]\d{2}[2-9]\d{6,7}$/;
const SHANGHAI_WITHOUT_0 = /^21[2-9]\d{7}$/;
const SERVICE = /^[48]00\d{7}$/;

const MARKS = /[()（）-]/g;

/** A landline's digits, valid as one of the plan's numbers. */
const isLandline = (digits: string): boolean =>
  LOCAL.test(digits) || AREA_3.test(digits) || AREA_4.test(digits) || SHANGHAI_WITHOUT_0.test(digits) || SERVICE.test(digits);

/** A number's digits without marks and with the country code taken off (+86, 0086) when that makes it valid. */
function mainDigits(text: string, valid: (digits: string) => boolean): string | undefined {
  const digits = text.replace(MARKS, '');
  if (valid(digits)) return digits;
  // 86 is also how some 8-digit local numbers begin (86123456): the prefix goes only when the rest is a number.
  const national = digits.replace(/^(?:\+86|0086|86)/, '');
  if (national !== digits && valid(national)) return national;
  if (national !== digits && valid(`0${national}`)) return `0${national}`;
  return undefined;
}

const isAny = (digits: string): boolean => MOBILE.test(digits) || isLandline(digits);

/** The number and its extension: "021-55885659转123", "55885659-123", "021 55885659 ext 12". */
const WITH_EXTENSION = /^(.+?)(?:(?:转|ext\.?|x|分机)(\d{1,6})|-(\d{1,6}))$/i;

/** One phone number, normalised (13812345678, 02155885659-123), or undefined when it is not one. */
export function onePhone(text: string): string | undefined {
  const t = text.replace(/\s/g, '');
  // A landline and its extension first: "0571-8765432-1" is a 7-digit number and extension 1, not 8 digits.
  const m = WITH_EXTENSION.exec(t);
  if (m) {
    const main = mainDigits(m[1] as string, isLandline);
    if (main) return `${main}-${m[2] ?? m[3]}`;
  }
  // Else a number written in groups: 138-1234-5678, 021-5588-5659.
  return mainDigits(t, isAny);
}

/** Words split by spaces into consecutive numbers, each valid ("021 55885659 138 1234 5678"), or undefined. */
function phonesBySpaces(words: string[]): string[] | undefined {
  for (let cut = words.length; cut > 0; cut--) {
    const head = onePhone(words.slice(0, cut).join(''));
    if (!head) continue;
    if (cut === words.length) return [head];
    const rest = phonesBySpaces(words.slice(cut));
    if (rest) return [head, ...rest];
  }
  return undefined;
}

/** Between two numbers in one cell: 、 / ; ； , ， | or 或. */
const PHONE_SEPARATORS = /[、/;,|]|或/;

/**
 * The phone numbers in a cell, each checked: one number, or several separated by a space, 、 / ； , or 或
 * (65012345、13812345678), kept in order and joined by 、; with the part that is wrong when one is.
 */
export function phonesOf(raw: CellValue): { phones: string[] } | { wrong: string } {
  if (typeof raw === 'number') {
    const one = Number.isInteger(raw) ? onePhone(String(raw)) : undefined;
    return one ? { phones: [one] } : { wrong: cellText(raw) };
  }
  const t = toHalfWidth(cellText(raw)).trim();
  const whole = onePhone(t);
  if (whole) return { phones: [whole] };
  const parts = t
    .split(PHONE_SEPARATORS)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const phones: string[] = [];
  for (const part of parts) {
    const found = phonesBySpaces(part.split(/\s+/));
    if (!found) return { wrong: part };
    phones.push(...found);
  }
  return phones.length > 0 ? { phones } : { wrong: t };
}

/** Why a number is wrong, when its length says it: a mobile not of 11 digits, a landline too short or long for its area code. */
export type PhoneLength = { kind: 'mobile'; count: number } | { kind: 'area'; area: string; count: number; min: number; max: number };

/**
 * What is wrong with a wrong number's length, or undefined when it is wrong otherwise (letters, a local number
 * too short: the general message says those). "021-6518123" has 7 digits after 021, which needs 8.
 */
export function phoneLength(text: string): PhoneLength | undefined {
  const t = text.replace(/\s/g, '').replace(/^(?:\+86|0086)/, '');
  if (/[^\d()（）-]/.test(t)) return undefined;
  const groups = t
    .replace(/[()（）]/g, '-')
    .split('-')
    .filter((g) => g !== '');
  const digits = groups.join('');
  // A mobile of the wrong length; not one of 11 digits and more after it (13812345678-12: a mobile has no extension).
  if (/^1\d*$/.test(digits) && digits.length !== 11 && digits.length >= 7 && !groups.some((g) => g.length === 11))
    return { kind: 'mobile', count: digits.length };
  const area = /^0(?:10|2\d)/.test(digits) ? digits.slice(0, 3) : /^0[3-9]\d{2}/.test(digits) ? digits.slice(0, 4) : undefined;
  if (!area) return undefined;
  // The number is all that follows the area code, or the one group after it ("021-6518123"); with more groups, an
  // extension cannot be told from a number written in groups, and the general message says what is right.
  const local = groups.length === 1 ? digits.slice(area.length) : groups.length === 2 && groups[0] === area ? groups[1] : undefined;
  if (local === undefined) return undefined;
  const [min, max] = area.length === 3 ? [8, 8] : [7, 8];
  if (local.length >= min && local.length <= max) return undefined;
  return { kind: 'area', area, count: local.length, min, max };
}
