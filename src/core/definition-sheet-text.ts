import { MAX_ENVELOPE_CHARS } from './definition-envelope';

/**
 * The text side of the sheet that carries a workbook's imported definitions (issue 13 §3), shared by every host
 * that writes or reads it — the .xlsx package (hosts/xlsx/definition-sheet.ts) and the open workbook through
 * Office.js (hosts/office/workbook-definitions.ts): its name, how an envelope is cut into cells and joined again.
 * Pure: no spreadsheet library, so the task pane can use it without bundling one.
 */
export const DEFINITION_SHEET = 'UnionForms_定义';
/** A workbook carries a few definitions; more rows than this are not read, and no more are written. */
export const MAX_DEFINITIONS = 50;
/** Excel keeps at most 32,767 characters in a cell; envelopes are cut into pieces below that. */
const PIECE = 30_000;

/**
 * The envelope's JSON in pieces for cells. Every "_" is written \u005f (all of them sit inside JSON strings), so
 * that no text reads as Excel's _xHHHH_ escape; no piece starts with = + - @ (never taken for a formula by a writer
 * that retypes text) or ' (Excel takes a leading apostrophe written through Range.values for its text prefix and
 * drops it), and no piece splits a surrogate pair.
 */
export function envelopePieces(json: string): string[] {
  const text = json.replace(/_/g, '\\u005f');
  const pieces: string[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + PIECE);
    const bad = (i: number) => /^[=+\-@']/.test(text.charAt(i)) || /[\ud800-\udbff]/.test(text.charAt(i - 1));
    while (end < text.length && end > at + 1 && bad(end)) end--;
    pieces.push(text.slice(at, end));
    at = end;
  }
  return pieces;
}

/**
 * The envelope one row of the sheet holds: its string cells joined in order (a number, a date, a boolean or an
 * empty cell is no part of one), reading no further once the text is longer than an envelope may be (openEnvelope
 * refuses it then). Undefined for a row without text.
 */
export function envelopeFromRow(cells: readonly unknown[]): string | undefined {
  let text = '';
  for (const cell of cells) {
    if (typeof cell !== 'string') continue;
    text += cell;
    if (text.length > MAX_ENVELOPE_CHARS) break;
  }
  return text.trim() === '' ? undefined : text;
}
