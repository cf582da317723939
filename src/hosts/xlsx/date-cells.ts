import * as XLSX from '@e965/xlsx';
import { crc32, writeZip, type ZipPart } from './zip-write';

/**
 * Which numbers of a workbook file are dates. Excel stores a date as a number (days since 1900, or since 1904 in an
 * old Mac workbook) and marks it only by the cell's number format: typing 2018/7/15 into any cell gives the number
 * 43296 shown with a date format.
 */

const DAY_MS = 86_400_000;
/** 1899-12-30: serial 0 of Excel's 1900 system, as counted from 1 March 1900 on (before that Excel counts 29 Feb 1900). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
/** Days from 1900-01-00 to 1904-01-01: what a 1904-system workbook's date serials lack. */
export const DAYS_1904 = 1462;
/** 9999-12-31, the last day Excel shows. */
const LAST_SERIAL = 2958465;

const isDateFormat = (XLSX.SSF as { is_date(format: string): boolean }).is_date;
const verdicts = new Map<string, boolean>();
const MAX_REMEMBERED = 1000;
/** Excel keeps number formats to 255 characters; a longer one is no date format Excel wrote. */
const MAX_FORMAT_LENGTH = 255;

/** A number format that shows a calendar day (yyyy/m/d, m"月"d"日", yyyy-mm-dd h:mm), not a time alone (h:mm, [h]:mm). */
export function isCalendarFormat(code: string): boolean {
  let verdict = verdicts.get(code);
  if (verdict === undefined) {
    verdict = code.length <= MAX_FORMAT_LENGTH && isDateFormat(code) && showsDay(code);
    if (verdicts.size < MAX_REMEMBERED) verdicts.set(code, verdict);
  }
  return verdict;
}

function showsDay(code: string): boolean {
  const tokens = code
    .replace(/"[^"]*"|\\.|_.|\*.|\[[^\]]*\]/g, '')
    .replace(/am\/pm|a\/p|上午\/下午/gi, '')
    .toLowerCase();
  if (/[ydeg]|b[12]/.test(tokens)) return true;
  return tokens.includes('m') && !/[hs]/.test(tokens);
}

/**
 * The day (and time of day, if any) an Excel serial stands for, as a Date in UTC — so that getUTCFullYear, getUTCMonth
 * and getUTCDate give the day the clerk typed, whatever the machine's time zone. Undefined for what is no day: below 1
 * (a time alone, or 1900-01-00), 60 (29 Feb 1900, which Excel counts but never was), after 9999-12-31.
 */
export function serialDate(serial: number, date1904: boolean): Date | undefined {
  const days = date1904 ? serial + DAYS_1904 : serial;
  if (!Number.isFinite(days) || days < 1 || (days >= 60 && days < 61) || days >= LAST_SERIAL + 1) return undefined;
  return new Date(EPOCH_1900 + Math.round((days < 60 ? days + 1 : days) * DAY_MS));
}

/**
 * Built-in number formats of a Chinese Excel or WPS that a file names only by id (ECMA-376 Part 1, 18.8.30, zh-cn):
 * SheetJS knows none of them, so it cannot tell a 2018年7月15日 (id 31) or 7月15日 (id 58) from a plain number.
 */
export const CHINESE_BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

const LOCAL = 0x04034b50;
const STYLES_PART = /(^|\/)styles[^/]*\.xml$/i;
/** Any mention of a Chinese built-in format's id: without one (most files), the styles need no closer look. */
const CHINESE_ID = /numFmtId\s*=\s*["']0*(?:2[7-9]|3[0-6]|5[0-8])["']/;
const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8', { fatal: true });
const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The numFmtId of each element of this name (numFmt, xf) in the XML: every pattern stops at the next < (linear time). */
function formatIds(xml: string, element: 'numFmt' | 'xf'): Set<number> {
  const ids = new Set<number>();
  for (const [tag] of xml.matchAll(element === 'xf' ? /<(?:\w+:)?xf\s[^<>]*/g : /<(?:\w+:)?numFmt\s[^<>]*/g)) {
    const id = /\snumFmtId\s*=\s*["'](\d{1,5})["']/.exec(tag)?.[1];
    if (id !== undefined) ids.add(Number(id));
  }
  return ids;
}

/**
 * The styles XML with a declaration added for each Chinese built-in format its cell formats use and it does not
 * declare itself, or undefined if there is none.
 */
export function declareChineseFormats(xml: string): string | undefined {
  const declared = formatIds(xml, 'numFmt');
  const missing = [...formatIds(xml, 'xf')].filter((id) => CHINESE_BUILTIN_FORMATS[id] !== undefined && !declared.has(id));
  if (missing.length === 0) return undefined;
  const declarations = missing.map(
    (id) => `numFmt numFmtId="${id}" formatCode="${escapeAttribute(CHINESE_BUILTIN_FORMATS[id] as string)}"/>`,
  );
  const close = /<\/((?:\w+:)?)numFmts>/.exec(xml);
  if (close) return `${xml.slice(0, close.index)}${declarations.map((d) => `<${close[1]}${d}`).join('')}${xml.slice(close.index)}`;
  const open = /<((?:\w+:)?)styleSheet\b[^<>]*>/.exec(xml);
  if (!open || open[0].endsWith('/>')) return undefined;
  const prefix = open[1] ?? '';
  const withoutEmpty = xml.replace(/<(?:\w+:)?numFmts\b[^<>]*\/>/, '');
  const at = withoutEmpty.indexOf(open[0]) + open[0].length;
  return `${withoutEmpty.slice(0, at)}<${prefix}numFmts count="${missing.length}">${declarations.map((d) => `<${prefix}${d}`).join('')}</${prefix}numFmts>${withoutEmpty.slice(at)}`;
}

/**
 * The parts of a zip that holds only stored parts, one after the other, with sizes in their local headers (as the zip
 * guard writes it), or undefined if it is not one.
 */
function storedParts(zip: Uint8Array): ZipPart[] | undefined {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const parts: ZipPart[] = [];
  for (let at = 0; at + 30 <= zip.length && view.getUint32(at, true) === LOCAL;) {
    const flags = view.getUint16(at + 6, true);
    const method = view.getUint16(at + 8, true);
    const size = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const start = at + 30 + nameLength + view.getUint16(at + 28, true);
    if (method !== 0 || flags & 0x08 || start + size > zip.length || size !== view.getUint32(at + 22, true)) return undefined;
    parts.push({
      nameBytes: zip.subarray(at + 30, at + 30 + nameLength),
      method: 0,
      flags,
      time: view.getUint16(at + 10, true),
      date: view.getUint16(at + 12, true),
      crc: view.getUint32(at + 14, true),
      unpacked: size,
      data: zip.subarray(start, start + size),
    });
    at = start + size;
  }
  return parts;
}

/**
 * The zip (stored parts only, see storedParts) with the Chinese built-in formats its styles use declared, so that
 * SheetJS reports them as every other format; undefined where there is nothing to declare.
 */
export function withChineseFormats(zip: Uint8Array): Uint8Array | undefined {
  const parts = storedParts(zip);
  if (!parts) return undefined;
  let changed = false;
  const patched = parts.map((part) => {
    if (!STYLES_PART.test(latin1.decode(part.nameBytes)) || !CHINESE_ID.test(latin1.decode(part.data))) return part;
    let xml: string;
    try {
      xml = utf8.decode(part.data);
    } catch {
      return part;
    }
    const declared = declareChineseFormats(xml);
    if (declared === undefined) return part;
    changed = true;
    const data = new TextEncoder().encode(declared);
    return { ...part, data, unpacked: data.length, crc: crc32(data) };
  });
  return changed ? writeZip(patched) : undefined;
}
