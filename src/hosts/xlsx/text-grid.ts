/**
 * A return saved as text — "CSV UTF-8（逗号分隔）", "CSV（逗号分隔）" (GBK/GB18030 on a Chinese Windows), "Unicode 文本"
 * (UTF-16LE, tab-separated) — read into a sheet's grid. The bytes are decoded here with TextDecoder, which Node.js and
 * the pane's Web Worker both have, and split here too: SheetJS's text reading guesses formats from the first bytes
 * (a file starting "ID" is read as SYLK) and turns "0021" or "2018-6-12" into numbers and dates.
 */
import type { CellValue } from '../../core/cell-value';

/** The first lines a separator is counted on. */
const SNIFF_LINES = 20;
const SEPARATORS = [',', '\t', ';'] as const;
/** A number as Excel writes one into a CSV: no leading zero (kept: 0021 is a code), no grouping, at most 15 digits. */
const PLAIN_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;
const MAX_DIGITS = 15;
/** A day as Excel writes a date cell into a CSV (2018/7/15, or 2018-7-15), with the time of day where it has one. */
const DAY = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** The bytes decoded strictly, or undefined where they are not valid in that encoding (or the runtime lacks it). */
function decodeWith(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The text of a file saved as text, or undefined when its bytes are not text: UTF-16 where a byte-order mark says so,
 * else UTF-8 (with or without its mark) where every byte sequence is valid UTF-8, else GB18030 (which contains GBK,
 * what Excel on a Chinese Windows writes). A NUL byte outside UTF-16 means the file is binary.
 */
export function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith('utf-16le', bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith('utf-16be', bytes);
  if (bytes.includes(0)) return undefined;
  return decodeWith('utf-8', bytes) ?? decodeWith('gb18030', bytes);
}

/** The separator used most outside quotes in the first lines (a comma where none is used). */
function separatorOf(text: string): string {
  const counts = new Map<string, number>(SEPARATORS.map((s) => [s, 0]));
  let quoted = false;
  let lines = 0;
  for (let i = 0; i < text.length && lines < SNIFF_LINES; i++) {
    const ch = text[i] as string;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '\n') lines++;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) as number) + 1);
  }
  let best: string = ',';
  for (const s of SEPARATORS) if ((counts.get(s) as number) > (counts.get(best) as number)) best = s;
  return best;
}

/**
 * The rows of delimited text as written (RFC 4180: fields in double quotes may hold the separator, line breaks and
 * doubled quotes). Excel's "sep=;" first line names the separator and is not a row. Line ends: CRLF, LF or CR.
 */
export function splitDelimited(text: string): string[][] {
  let body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let separator: string;
  const hint = /^sep=(.)\r?\n/i.exec(body);
  if (hint) {
    separator = hint[1] as string;
    body = body.slice(hint[0].length);
  } else separator = separatorOf(body);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (body[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The day (at UTC midnight, plus its time), as a workbook's date cell is read, or undefined where there is no such day. */
function dayOf(text: string): Date | undefined {
  const m = DAY.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map((part) => Number(part ?? 0)) as number[];
  const date = new Date(Date.UTC(year as number, (month as number) - 1, day, hour, minute, second));
  const real =
    date.getUTCMonth() === (month as number) - 1 && date.getUTCDate() === day && (hour as number) < 24 && (minute as number) < 60;
  return real && (second as number) < 60 ? date : undefined;
}

/**
 * A field's value as Excel takes it when it opens the CSV, where that loses nothing: a plain number as a number, a
 * day written as Excel writes a date cell as a Date; everything else as the text typed ("021-65181234", "0021",
 * "1,200", "2018年6月").
 */
function valueOf(field: string): CellValue {
  if (field === '') return null;
  const trimmed = field.trim();
  if (PLAIN_NUMBER.test(trimmed) && trimmed.replace(/\D/g, '').length <= MAX_DIGITS) return Number(trimmed);
  return dayOf(trimmed) ?? field;
}

/** A sheet's grid from delimited text: rows end at their last value, empty rows are empty arrays (as from a workbook). */
export function gridOfText(text: string, maxColumns: number): CellValue[][] {
  const grid = splitDelimited(text).map((fields) => {
    const row: CellValue[] = [];
    fields.slice(0, maxColumns).forEach((field, c) => {
      const value = valueOf(field);
      if (value === null) return;
      while (row.length < c) row.push(null);
      row[c] = value;
    });
    return row;
  });
  while (grid.length > 0 && (grid[grid.length - 1] as CellValue[]).length === 0) grid.pop();
  return grid;
}
