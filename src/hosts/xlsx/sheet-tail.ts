/**
 * What of a worksheet part's XML after its cells is handed to SheetJS: the merged areas only.
 *
 * A return made from our templates carries, after <sheetData>, a conditional format and a validation per field whose
 * formulas make up about nine tenths of the part (28 of 31 KB for a 主题活动申报表). SheetJS runs five regular
 * expressions over that whole tail (autoFilter, mergeCell, hyperlink, pageMargins, legacyDrawing: parse_ws_xml in
 * xlsx.js) and the reader uses only the merges. The tail is cut to the <mergeCells> element and the closing root tag,
 * working on bytes (ASCII markers only, so nothing is decoded); anything not in the expected shape is left whole.
 */

/** What the cut needs of a part: search for ASCII text, and short stretches of it as text; positions are bytes. */
interface Bytewise {
  indexOf(text: string, from: number): number;
  lastIndexOf(text: string, from?: number): number;
  text(start: number, end: number): string;
}

interface NodeBytes {
  indexOf(text: string, from: number, encoding: 'latin1'): number;
  lastIndexOf(text: string, from: number, encoding: 'latin1'): number;
  toString(encoding: 'latin1', start: number, end: number): string;
}
const NodeBuffer = (globalThis as { Buffer?: { from(data: ArrayBufferLike, offset: number, length: number): NodeBytes } }).Buffer;

/**
 * On Node.js the bytes are searched where they are (Buffer's native search: no copy of a sheet of many megabytes);
 * in a browser they are read as one character per byte (windows-1252: one UTF-16 unit per byte, so positions hold).
 */
function bytewise(data: Uint8Array): Bytewise {
  if (NodeBuffer) {
    const bytes = NodeBuffer.from(data.buffer, data.byteOffset, data.byteLength);
    return {
      indexOf: (text, from) => bytes.indexOf(text, from, 'latin1'),
      lastIndexOf: (text, from = data.length) => bytes.lastIndexOf(text, from, 'latin1'),
      text: (start, end) => bytes.toString('latin1', start, end),
    };
  }
  const all = new TextDecoder('latin1').decode(data);
  return {
    indexOf: (text, from) => all.indexOf(text, from),
    lastIndexOf: (text, from = data.length) => all.lastIndexOf(text, from),
    text: (start, end) => all.slice(start, end),
  };
}

/** The start of a tag's name (`<`, `</`, `<x:` or `</x:`) ending just before position `name`. */
const OPENING = /<(?:[\w.-]+:)?$/;
const CLOSING = /<\/(?:[\w.-]+:)?$/;
/** Enough characters before a tag name to hold `</` and a namespace prefix. */
const PREFIX_ROOM = 40;

function tagBefore(bytes: Bytewise, name: number, tag: RegExp): boolean {
  return tag.test(bytes.text(Math.max(0, name - PREFIX_ROOM), name));
}

/**
 * The end (just past `>`) of the cells: of the first <sheetData> tag when it is empty, else of the `</sheetData>`
 * after it; -1 if unsure. Searched forwards (the native forward search is many times faster than the backward one);
 * cell text may hold the word and even `sheetData>`, never a `<`, so only a tag's own name passes the check.
 */
function endOfCells(bytes: Bytewise): number {
  let open = bytes.indexOf('sheetData', 0);
  while (open >= 0 && !tagBefore(bytes, open, OPENING)) open = bytes.indexOf('sheetData', open + 1);
  if (open < 0) return -1;
  const openEnd = bytes.indexOf('>', open);
  if (openEnd < 0) return -1;
  if (bytes.text(openEnd - 1, openEnd) === '/') return openEnd + 1;
  let close = bytes.indexOf('sheetData>', openEnd);
  while (close >= 0 && !tagBefore(bytes, close, CLOSING)) close = bytes.indexOf('sheetData>', close + 1);
  return close < 0 ? -1 : close + 'sheetData>'.length;
}

/** The <mergeCells> element between `from` and `before` ([start, end)), or undefined. */
function mergeCellsElement(bytes: Bytewise, from: number, before: number): [number, number] | undefined {
  const open = bytes.indexOf('mergeCells', from);
  if (open < 0 || open >= before || !tagBefore(bytes, open, OPENING)) return undefined;
  const start = bytes.lastIndexOf('<', open);
  const openEnd = bytes.indexOf('>', open);
  if (openEnd < 0 || openEnd >= before) return undefined;
  if (bytes.text(openEnd - 1, openEnd) === '/') return [start, openEnd + 1];
  const close = bytes.indexOf('mergeCells>', openEnd);
  if (close < 0 || close >= before || !tagBefore(bytes, close, CLOSING)) return undefined;
  return [start, close + 'mergeCells>'.length];
}

/** Where the last closing tag (the root's) starts, found byte by byte from the end (Buffer's backward search of
 * the whole part took longer than the rest of the cut); -1 if the last 1 KB has none. */
function closingTagAtEnd(data: Uint8Array): number {
  for (let at = data.length - 2; at >= Math.max(0, data.length - 1024); at--) if (data[at] === 0x3c && data[at + 1] === 0x2f) return at;
  return -1;
}

/** The worksheet part with only its merged areas and its closing root tag after the cells (see the file's comment). */
export function withOnlyMergesAfterCells(data: Uint8Array): Uint8Array {
  const bytes = bytewise(data);
  const cells = endOfCells(bytes);
  if (cells < 0) return data;
  const rootClose = closingTagAtEnd(data);
  if (rootClose < cells) return data;
  const merges = mergeCellsElement(bytes, cells, rootClose);
  const mergeLength = merges ? merges[1] - merges[0] : 0;
  const tailLength = data.length - rootClose;
  if (cells + mergeLength + tailLength >= data.length) return data;
  const out = new Uint8Array(cells + mergeLength + tailLength);
  out.set(data.subarray(0, cells), 0);
  if (merges) out.set(data.subarray(merges[0], merges[1]), cells);
  out.set(data.subarray(rootClose), cells + mergeLength);
  return out;
}
