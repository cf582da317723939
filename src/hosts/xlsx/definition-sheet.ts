import * as XLSX from '@e965/xlsx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { sealDefinition, type EnvelopeNotice, type OpenedEnvelope } from '../../core/definition-envelope';
import { openEnvelope } from '../../core/open-envelope';
import { DEFINITION_SHEET, envelopeFromRow, envelopePieces, MAX_DEFINITIONS } from '../../core/definition-sheet-text';
import type { FormDefinition } from '../../core/form-schema';
import { checkedZip } from './zip-guard';

/**
 * Where a workbook carries the definitions of its imported forms (issue 13 §3): a very hidden sheet (state
 * "veryHidden", ECMA-376 Part 1 §18.2.19 and §18.18.68: not listed by Excel's 取消隐藏, shown only through code), one
 * row per definition, its envelope JSON (core/definition-envelope.ts) as text cells from column A. A sheet rather
 * than a custom XML part because a sheet and its text survive every writer the districts save returns with — Excel,
 * WPS, LibreOffice, openpyxl —, where openpyxl (3.0) drops the custom XML parts of a workbook it saves.
 */
export { DEFINITION_SHEET, envelopePieces };

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const WORKSHEET_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

export interface DefinitionToEmbed {
  form: FormDefinition;
  notice: EnvelopeNotice;
}

function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const columnName = (index: number): string =>
  index < 26 ? String.fromCharCode(65 + index) : columnName(Math.floor(index / 26) - 1) + String.fromCharCode(65 + (index % 26));

function sheetXml(definitions: readonly DefinitionToEmbed[]): string {
  const rows = definitions.map((d, r) => {
    const cells = envelopePieces(sealDefinition(d.form, d.notice)).map(
      (piece, c) => `<c r="${columnName(c)}${r + 1}" t="inlineStr"><is><t xml:space="preserve">${xmlText(piece)}</t></is></c>`,
    );
    return `<row r="${r + 1}">${cells.join('')}</row>`;
  });
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}">` +
    `<sheetData>${rows.join('')}</sheetData><sheetProtection sheet="1" objects="1" scenarios="1"/></worksheet>`
  );
}

function replaceOnce(xml: string, marker: string, insert: string, part: string): string {
  const at = xml.lastIndexOf(marker);
  if (at < 0) throw new Error(`${part} has no ${marker}`);
  return xml.slice(0, at) + insert + xml.slice(at);
}

/**
 * The workbook with its imported forms' definitions added as its last sheet, very hidden. Any host that has the
 * bytes of an .xlsx package (ExcelJS's, the pane's) can call it; the forms' own sheets and names are unchanged.
 */
export function embedDefinitions(xlsx: Uint8Array, definitions: readonly DefinitionToEmbed[]): Uint8Array {
  if (definitions.length === 0) return xlsx;
  const files = unzipSync(xlsx);
  const text = (name: string) => {
    const data = files[name];
    if (!data) throw new Error(`${name} is missing from the workbook`);
    return strFromU8(data);
  };
  let workbook = text('xl/workbook.xml');
  let rels = text('xl/_rels/workbook.xml.rels');
  let types = text('[Content_Types].xml');
  if (workbook.includes(`name="${DEFINITION_SHEET}"`)) throw new Error('the workbook already carries definitions');
  let n = 1;
  while (files[`xl/worksheets/sheet${n}.xml`]) n++;
  const part = `worksheets/sheet${n}.xml`;
  const ids = [...rels.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]));
  const relId = `rId${Math.max(0, ...ids) + 1}`;
  const sheetIds = [...workbook.matchAll(/sheetId="(\d+)"/g)].map((m) => Number(m[1]));
  const sheetId = Math.max(0, ...sheetIds) + 1;
  workbook = replaceOnce(
    workbook,
    '</sheets>',
    `<sheet name="${DEFINITION_SHEET}" sheetId="${sheetId}" state="veryHidden" r:id="${relId}"/>`,
    'xl/workbook.xml',
  );
  rels = replaceOnce(
    rels,
    '</Relationships>',
    `<Relationship Id="${relId}" Type="${WORKSHEET_REL}" Target="${part}"/>`,
    'workbook.xml.rels',
  );
  types = replaceOnce(types, '</Types>', `<Override PartName="/xl/${part}" ContentType="${WORKSHEET_TYPE}"/>`, '[Content_Types].xml');
  const out: Zippable = {};
  for (const [name, data] of Object.entries(files)) {
    if (name === 'xl/workbook.xml') out[name] = strToU8(workbook);
    else if (name === 'xl/_rels/workbook.xml.rels') out[name] = strToU8(rels);
    else if (name === '[Content_Types].xml') out[name] = strToU8(types);
    else out[name] = data;
  }
  out[`xl/${part}`] = strToU8(sheetXml(definitions));
  return zipSync(out, { level: 6 });
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/**
 * The definitions a workbook carries, each opened (checksum, then schema) or refused with its Chinese reason; none
 * for a workbook without the sheet, or one that is not a zip (.xls, .csv). Only text cells are read: a formula or
 * a number in the sheet is not part of an envelope; nothing read is ever evaluated. Throws the zip guard's
 * UserError for a hostile package (the return's own reading says the same).
 */
export function readEmbeddedDefinitions(data: Uint8Array): OpenedEnvelope[] {
  if (!ZIP.every((b, i) => data[i] === b)) return [];
  const { zip, entries } = checkedZip(data);
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) return [];
  const workbook = XLSX.read(zip, {
    type: 'array',
    dense: true,
    sheets: [DEFINITION_SHEET],
    cellFormula: false,
    cellHTML: false,
    cellText: false,
    cellNF: false,
    cellDates: false,
  });
  const sheet = workbook.Sheets[DEFINITION_SHEET] as XLSX.DenseWorkSheet | undefined;
  return openRows(sheet?.['!data'] ?? [], (cell) => (cell?.t === 's' && typeof cell.v === 'string' ? cell.v : undefined));
}

/**
 * The envelopes in the rows of a definition sheet, one per row: the row's text cells joined in order (a number, a
 * date or an empty cell is no part of one). Both readings of the sheet, from a package and from a grid, go through it.
 */
function openRows<C>(
  rows: readonly (readonly (C | undefined)[] | undefined)[],
  textOf: (cell: C | undefined) => string | undefined,
): OpenedEnvelope[] {
  const opened: OpenedEnvelope[] = [];
  for (const row of rows.slice(0, MAX_DEFINITIONS)) {
    if (!row) continue;
    const text = envelopeFromRow(row.map(textOf));
    if (text !== undefined) opened.push(openEnvelope(text));
  }
  return opened;
}

/**
 * A workbook already read into sheets (readWorkbookFile, or the open workbook's values through Office.js), parted
 * into its form sheets and the definitions its definition sheet carries, so that one reading of a file serves both
 * and the package is not unzipped a second time. Only strings in the grid are read, as readEmbeddedDefinitions
 * reads only text cells: a number or a date (a Date in a grid) is no part of an envelope.
 */
export function definitionsInSheets<T extends { name: string; grid: readonly (readonly unknown[])[] }>(
  sheets: readonly T[],
): { sheets: T[]; opened: OpenedEnvelope[] } {
  const carrier = sheets.find((s) => s.name === DEFINITION_SHEET);
  const opened = carrier ? openRows(carrier.grid, (cell) => (typeof cell === 'string' ? cell : undefined)) : [];
  return { sheets: formSheetsOnly(sheets), opened };
}

/** A workbook's sheets without the one that carries definitions: it holds no form to check or merge. */
export function formSheetsOnly<T extends { name: string }>(sheets: readonly T[]): T[] {
  return sheets.filter((s) => s.name !== DEFINITION_SHEET);
}
