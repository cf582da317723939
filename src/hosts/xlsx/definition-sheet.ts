import * as XLSX from '@e965/xlsx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { MAX_ENVELOPE_CHARS, openEnvelope, sealDefinition, type EnvelopeNotice, type OpenedEnvelope } from '../../core/definition-envelope';
import type { FormDefinition } from '../../core/form-schema';
import { checkedZip } from './zip-guard';

/**
 * Where a workbook carries the definitions of its imported forms (issue 13 §3): a very hidden sheet (state
 * "veryHidden", ECMA-376 Part 1 §18.2.19 and §18.18.68: not listed by Excel's 取消隐藏, shown only through code), one
 * row per definition, its envelope JSON (core/definition-envelope.ts) as text cells from column A. A sheet rather
 * than a custom XML part because a sheet and its text survive every writer the districts save returns with — Excel,
 * WPS, LibreOffice, openpyxl —, where openpyxl (3.0) drops the custom XML parts of a workbook it saves.
 */
export const DEFINITION_SHEET = 'UnionForms_定义';
/** Excel keeps at most 32,767 characters in a cell; envelopes are cut into pieces below that. */
const PIECE = 30_000;
/** A workbook carries a few definitions; more rows than this are not read. */
const MAX_DEFINITIONS = 50;

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

/**
 * The envelope's JSON in pieces for cells. Every "_" is written \u005f (all of them sit inside JSON strings), so
 * that no text reads as Excel's _xHHHH_ escape; no piece starts with = + - @ (never taken for a formula by a writer
 * that retypes text) or splits a surrogate pair.
 */
export function envelopePieces(json: string): string[] {
  const text = json.replace(/_/g, '\\u005f');
  const pieces: string[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + PIECE);
    const bad = (i: number) => /^[=+\-@]/.test(text.charAt(i)) || /[\ud800-\udbff]/.test(text.charAt(i - 1));
    while (end < text.length && end > at + 1 && bad(end)) end--;
    pieces.push(text.slice(at, end));
    at = end;
  }
  return pieces;
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
  const rows = sheet?.['!data'] ?? [];
  const opened: OpenedEnvelope[] = [];
  for (const row of rows.slice(0, MAX_DEFINITIONS)) {
    if (!row) continue;
    let text = '';
    for (const cell of row) {
      if (cell?.t !== 's' || typeof cell.v !== 'string') continue;
      text += cell.v;
      if (text.length > MAX_ENVELOPE_CHARS) break;
    }
    if (text.trim() !== '') opened.push(openEnvelope(text));
  }
  return opened;
}

/** A workbook's sheets without the one that carries definitions: it holds no form to check or merge. */
export function formSheetsOnly<T extends { name: string }>(sheets: readonly T[]): T[] {
  return sheets.filter((s) => s.name !== DEFINITION_SHEET);
}
