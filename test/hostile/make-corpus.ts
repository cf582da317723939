/**
 * The hostile-input corpus (issue 6 §1): broken, strange and malicious returns, generated into a folder, each
 * with the verdict the merge must give it. Records are counted from what is put into each file, so that
 * "records in = records in the summaries + records reported skipped" is checked against the generator, not the
 * merge. Password-protected files need LibreOffice (test/support/save-with-password.py).
 */
import { execFile } from 'child_process';
import ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import * as fs from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import type { CellValue } from '../../src/core/cell-value';
import type { InputStatus } from '../../src/core/merge/merge-returns';
import { planSheet } from '../../src/core/layout';
import { getForm } from '../../src/notices';
import { writeFormsWorkbook } from '../../src/hosts/xlsx/write-workbook';
import { filledFile } from '../support/filled-file';
import { requireTool } from '../support/libreoffice';
import {
  application,
  gridOf,
  planOf,
  project,
  rawFormSheet,
  rawReturn,
  sheetJsForm,
  sheetJsWorkbook,
  studioSummary,
  teams,
  theme,
  type Filled,
} from './returns';
import type { RawSheet, RawValue } from './raw-workbook';
import type { GuardLimits } from './guard';
import { bombEntry, deflated, stored, writeZip, type RawEntry } from './zip';

/** A summary row of one file, by column header (dates as Date from the pane, as serial numbers from the .xlsx). */
export interface SummaryRow {
  sheet: string;
  values: Record<string, unknown>;
}

export interface Expected {
  status: InputStatus;
  /** The file's own message. */
  message?: RegExp;
  /** A message one of its sheets must carry. */
  sheetMessage?: RegExp;
  /** Rows of this file in the summaries. */
  records: number;
}

export type Writer = 'exceljs' | 'sheetjs' | 'fflate' | 'bytes' | 'libreoffice';

export interface HostileCase {
  id: string;
  file: string;
  what: string;
  writer: Writer;
  /** Last-modified time (ms) given to the file and to the pane's buffer. */
  modified: number;
  /** Records put in, by sheet ('*' for a file whose sheets cannot be told apart). */
  recordsIn: Record<string, number>;
  expect: Expected;
  /** Read first alone in a child process, which must meet these limits (it could hang or exhaust the test's process). */
  risky?: GuardLimits;
  /** More checks on this file's summary rows; returns what is wrong. */
  check?: (rows: SummaryRow[]) => string[];
}

/** Every case, in the order makeCorpus writes them (the test names its cases before the corpus exists). */
export const CASE_IDS = [
  'control-exceljs',
  'control-sheetjs',
  'control-fflate',
  'control-xls',
  'empty-file',
  'not-a-zip',
  'truncated-zip',
  'truncated-xls',
  'docx-renamed',
  'csv',
  'et',
  'zip-bomb',
  'zip-bomb-lying',
  'huge-dimension',
  '100000-rows',
  'formulas',
  'error-values',
  'proto-sheets',
  'proto-form',
  'marker-params',
  'injection-list',
  'injection-sheet',
  'injection-names',
  'cell-32767',
  'emoji-rare-cjk',
  'control-characters',
  'newer-version',
  'unknown-form',
  'rows-added',
  'rows-deleted',
  'merges-changed',
  'empty-workbook',
  'no-sheets',
  'blank-template',
  'same-unit-earlier',
  'same-unit-later',
  'same-unit-one-file',
  'xlsm-macros',
  'xml-entities',
  'zip-slip',
  'date-1904',
  'password-xlsx',
  'password-xls',
] as const;

export const TODAY = '2026-11-21';
/** The roster's unit that sends nothing. */
export const MISSING_UNIT = '江浦路街道总工会';

export const INJECTIONS = [
  '=HYPERLINK("http://x","y")',
  '=WEBSERVICE("http://x")',
  '@SUM(1+1)',
  "+cmd|' /C calc'!A0",
  '-2+3',
  '\t=1+1',
  '\r=HYPERLINK("http://x","y")',
  '\n=WEBSERVICE("http://x")',
  '=cmd|"/C calc"!A0',
];

export const BOMB_GIB = 2;
/** Issue 6: a zip bomb is refused "in under a second and without large memory". */
export const BOMB_LIMITS: GuardLimits = { ms: 1_000, mb: 300 };

const START = Date.UTC(2026, 5, 1, 9, 0, 0);
const NAME_KEY = '活动名称';

/** Text of a summary value, however the path gave it. */
export function textOf(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

/** A summary date as YYYY-MM-DD: a Date from the pane, a serial number (1900 system) from the written .xlsx. */
export function isoDateOf(v: unknown): string {
  if (typeof v === 'number') return new Date(Date.UTC(1899, 11, 30) + Math.round(v * 86_400_000)).toISOString().slice(0, 10);
  return textOf(v);
}

function column(rows: SummaryRow[], header: string): unknown[] {
  return rows.map((r) => r.values[header]);
}

function expectColumn(rows: SummaryRow[], header: string, wanted: unknown[], same: (a: unknown, b: unknown) => boolean): string[] {
  const got = column(rows, header);
  if (got.length !== wanted.length || got.some((g, i) => !same(g, wanted[i])))
    return [`${header}: expected ${JSON.stringify(wanted).slice(0, 300)}, got ${JSON.stringify(got).slice(0, 300)}`];
  return [];
}

const sameText = (a: unknown, b: unknown) => typeof a === 'string' && a === b;
const sameTrimmed = (a: unknown, b: unknown) => typeof a === 'string' && a.trim() === String(b).trim();
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
const sameWithoutControls = (a: unknown, b: unknown) =>
  typeof a === 'string' && a.replace(CONTROLS, '').trim() === String(b).replace(CONTROLS, '').trim();

async function excelJsEdit(data: Uint8Array, edit: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  edit(wb.worksheets[0] as ExcelJS.Worksheet, wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function excelJs(filled: Filled): Promise<Uint8Array> {
  return filledFile(filled.formId, filled.values, filled.options ?? {});
}

/** The entries of a package, re-zipped by hand (so names and sizes are exactly as given). */
function repack(data: Uint8Array, change: (files: Record<string, Uint8Array>) => RawEntry[] | void): Uint8Array {
  const files = unzipSync(data);
  const extra = change(files) ?? [];
  return writeZip([...Object.entries(files).map(([name, bytes]) => deflated(name, bytes)), ...extra]);
}

function withDimension(data: Uint8Array, ref: string): Uint8Array {
  return repack(data, (files) => {
    const name = Object.keys(files).find((n) => /^xl\/worksheets\/sheet1\.xml$/.test(n)) as string;
    let xml = new TextDecoder().decode(files[name]);
    if (/<dimension\b[^>]*\/>/.test(xml)) xml = xml.replace(/<dimension\b[^>]*\/>/, `<dimension ref="${ref}"/>`);
    else xml = xml.replace(/(<sheetViews|<sheetFormatPr|<cols|<sheetData)/, `<dimension ref="${ref}"/>$1`);
    files[name] = strToU8(xml);
  });
}

function csvOf(grid: CellValue[][]): Uint8Array {
  const field = (v: CellValue) => {
    const t = v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
    return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  return strToU8(`\ufeff${grid.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`);
}

function wordDocument(): Uint8Array {
  const w = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${w}"><w:body><w:p><w:r><w:t>主题活动申报表（请见附件）</w:t></w:r></w:p></w:body></w:document>`,
    ),
  });
}

/** A two-sheet package: a filled form, then a sheet whose XML inflates to BOMB_GIB GiB of spaces. */
function zipBomb(form: RawSheet, statedSize?: number): Uint8Array {
  const sheets: RawSheet[] = [form, { name: '附表', rows: [['x']] }];
  const files = unzipSync(rawReturn(sheets));
  const bomb = bombEntry(
    'xl/worksheets/sheet2.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    0x20,
    BOMB_GIB * 1024,
    '</sheetData></worksheet>',
    statedSize,
  );
  return writeZip([
    ...Object.entries(files)
      .filter(([name]) => name !== 'xl/worksheets/sheet2.xml')
      .map(([name, bytes]) => (name.endsWith('.rels') ? stored(name, bytes) : deflated(name, bytes))),
    bomb,
  ]);
}

const payloadAt = (i: number) => INJECTIONS[i % INJECTIONS.length] as string;

/** Every text field of a form outside its lists, with a formula-looking payload. */
function injectEveryTextField(filled: Filled): Filled {
  const plan = planOf(filled);
  const values = { ...filled.values };
  let i = 0;
  for (const slot of plan.slots) {
    if (slot.tableId !== undefined) continue;
    if (slot.field.type === 'text') values[slot.key] = payloadAt(i++);
    if (slot.field.type === 'longText') values[slot.key] = `${payloadAt(i++)}${String(values[slot.key] ?? '')}`;
  }
  return { ...filled, values };
}

function textFieldsOf(filled: Filled): { label: string; value: string }[] {
  return planOf(filled)
    .slots.filter((s) => s.tableId === undefined && (s.field.type === 'text' || s.field.type === 'longText') && s.field.id !== 'unit')
    .map((s) => ({ label: s.field.label, value: String(filled.values[s.key]) }));
}

export interface CorpusOptions {
  /** Leave out the password-protected files (they need LibreOffice). */
  withLibreOffice?: boolean;
  /** Work to do on the files written so far while LibreOffice saves the password-protected ones. */
  alongside?: (written: readonly HostileCase[]) => Promise<void>;
}

/**
 * Writes every case's file into `dir` (files needing LibreOffice too, unless `withLibreOffice` is false) and
 * returns the cases with their expected verdicts.
 */
export async function makeCorpus(dir: string, options: CorpusOptions = {}): Promise<HostileCase[]> {
  fs.mkdirSync(dir, { recursive: true });
  const cases: HostileCase[] = [];
  const add = async (c: Omit<HostileCase, 'modified'> & { modified?: number }, data: Uint8Array | Promise<Uint8Array>) => {
    const full: HostileCase = { ...c, modified: c.modified ?? START + cases.length * 60_000 };
    cases.push(full);
    fs.writeFileSync(path.join(dir, full.file), await data);
  };
  const one = (sheet: string, n: number) => ({ [sheet]: n });
  const THEME = '主题活动申报表';
  const TEAMS = '志愿者服务队登记表';

  // Password-protected returns, saved by LibreOffice (ECMA-376 standard encryption; RC4 for .xls), which runs
  // while the other files are written.
  const secretXlsx = theme('区商业工会', [{ name: '劳模进社区' }, { name: '技能比武' }]);
  const secretXls = studioSummary('静安区总工会', 2);
  const plainDir = `${dir}-plain`;
  fs.mkdirSync(plainDir, { recursive: true });
  const plain = [path.join(plainDir, '41-设了密码.xlsx'), path.join(plainDir, '42-设了密码.xls')];
  fs.writeFileSync(plain[0] as string, await excelJs(secretXlsx));
  fs.writeFileSync(plain[1] as string, sheetJsWorkbook([sheetJsForm('推荐汇总表', secretXls)], 'xls'));
  const encrypted: HostileCase[] = [
    {
      id: 'password-xlsx',
      file: '41-设了密码.xlsx',
      what: 'a return saved with a password to open (.xlsx, LibreOffice)',
      writer: 'libreoffice',
      recordsIn: one(THEME, 2),
      expect: { status: 'unreadable', message: /密码/, records: 0 },
      modified: START + 41 * 60_000,
    },
    {
      id: 'password-xls',
      file: '42-设了密码.xls',
      what: 'a return saved with a password to open (.xls, LibreOffice)',
      writer: 'libreoffice',
      recordsIn: one('推荐汇总表', 3),
      expect: { status: 'unreadable', message: /密码/, records: 0 },
      modified: START + 42 * 60_000,
    },
  ];
  let encrypting: Promise<boolean> = Promise.resolve(false);
  if (options.withLibreOffice !== false) {
    requireTool('soffice');
    const script = path.join(__dirname, '..', 'support', 'save-with-password.py');
    const save = (filter: string, file: string) =>
      promisify(execFile)('/usr/bin/python3', [script, '工会2026', filter, dir, file], { timeout: 120_000 });
    encrypting = save('Calc MS Excel 2007 XML', plain[0] as string)
      .then(() => save('MS Excel 97', plain[1] as string))
      .then(
        () => true,
        (err: Error) => {
          // The two cases are then missing, and say so; the rest of the corpus still runs.
          console.warn(`LibreOffice could not save the password-protected returns: ${err.message}`);
          return false;
        },
      );
  }

  // Controls: ordinary returns written by each library, which must merge whatever else is in the folder.
  const controlTheme = theme('殷行街道总工会', [
    { name: '劳模进社区', participants: 120 },
    { name: '技能比武', participants: 80 },
    { name: '职工讲堂', participants: 45 },
  ]);
  await add(
    {
      id: 'control-exceljs',
      file: '01-殷行街道.xlsx',
      what: 'an ordinary return filled in with ExcelJS (control)',
      writer: 'exceljs',
      recordsIn: one(THEME, 3),
      expect: { status: 'merged', message: /合并 1 张表格/, records: 3 },
      check: (rows) => expectColumn(rows, '参与人数', [120, 80, 45], (a, b) => a === b),
    },
    excelJs(controlTheme),
  );
  const controlTeams = teams('五角场街道总工会', [{ name: '蓝天服务队' }, { name: '暖心服务队' }]);
  await add(
    {
      id: 'control-sheetjs',
      file: '02-五角场街道.xlsx',
      what: 'an ordinary return written by SheetJS (control)',
      writer: 'sheetjs',
      recordsIn: one(TEAMS, 2),
      expect: { status: 'merged', records: 2 },
    },
    sheetJsWorkbook([sheetJsForm(TEAMS, controlTeams)]),
  );
  const controlProject = project('黄浦区总工会');
  await add(
    {
      id: 'control-fflate',
      file: '03-黄浦区.xlsx',
      what: 'an ordinary return as raw XML zipped by fflate (control)',
      writer: 'fflate',
      recordsIn: one('活动项目申报表', 1),
      expect: { status: 'merged', records: 1 },
    },
    rawReturn([rawFormSheet('活动项目申报表', controlProject)]),
  );
  const controlXls = studioSummary('徐汇区总工会', 3);
  const xlsBytes = sheetJsWorkbook([sheetJsForm('推荐汇总表', controlXls)], 'xls');
  await add(
    {
      id: 'control-xls',
      file: '04-徐汇区.xls',
      what: 'an ordinary return saved as .xls (BIFF8, by SheetJS) (control)',
      writer: 'sheetjs',
      recordsIn: one('推荐汇总表', 4),
      expect: { status: 'merged', records: 4 },
    },
    xlsBytes,
  );

  // Not workbooks, or not whole ones.
  await add(
    {
      id: 'empty-file',
      file: '05-空文件.xlsx',
      what: 'a file of 0 bytes',
      writer: 'bytes',
      recordsIn: {},
      expect: { status: 'unreadable', message: /空/, records: 0 },
    },
    new Uint8Array(0),
  );
  await add(
    {
      id: 'not-a-zip',
      file: '06-不是压缩包.xlsx',
      what: 'text and random bytes named .xlsx',
      writer: 'bytes',
      recordsIn: {},
      expect: { status: 'unreadable', message: /不是 ?Excel/, records: 0 },
    },
    strToU8(`这不是一个表格文件\r\n${'\u0000\u00ff'.repeat(64)}PK`),
  );
  const truncatedSource = await excelJs(theme('大桥街道总工会', [{ name: '劳模故事会' }, { name: '创新论坛' }]));
  await add(
    {
      id: 'truncated-zip',
      file: '07-下载中断.xlsx',
      what: 'a return cut off at 60% (an interrupted download)',
      writer: 'exceljs',
      recordsIn: one(THEME, 2),
      expect: { status: 'unreadable', message: /损坏|不完整/, records: 0 },
    },
    truncatedSource.slice(0, Math.floor(truncatedSource.length * 0.6)),
  );
  const xlsSource = sheetJsWorkbook([sheetJsForm('推荐汇总表', studioSummary('长宁区总工会', 2))], 'xls');
  await add(
    {
      id: 'truncated-xls',
      file: '08-下载中断.xls',
      what: 'an .xls return cut off at 60%',
      writer: 'sheetjs',
      recordsIn: one('推荐汇总表', 3),
      expect: { status: 'unreadable', message: /损坏|不完整/, records: 0 },
    },
    xlsSource.slice(0, Math.floor(xlsSource.length * 0.6)),
  );
  await add(
    {
      id: 'docx-renamed',
      file: '09-其实是Word.xlsx',
      what: 'a Word document (.docx) renamed .xlsx',
      writer: 'fflate',
      recordsIn: {},
      expect: { status: 'unreadable', message: /Word|不是 ?Excel|损坏/, records: 0 },
    },
    wordDocument(),
  );
  const csvReturn = theme('定海路街道总工会', [{ name: '职工运动会' }, { name: '技能培训' }]);
  await add(
    {
      id: 'csv',
      file: '10-另存为CSV.csv',
      what: 'a filled form saved as CSV (UTF-8 with BOM): read as a grid, its marker among the cells (issue 19 §5)',
      writer: 'bytes',
      recordsIn: one('*', 2),
      expect: { status: 'merged', records: 2 },
    },
    csvOf(gridOf(csvReturn)),
  );
  const etReturn = theme('四平路街道总工会', [{ name: '劳模宣讲' }, { name: '技能比武' }]);
  await add(
    {
      id: 'et',
      file: '11-WPS表格.et',
      what: 'a return with WPS’s .et extension (BIFF8 inside, as WPS writes for compatibility)',
      writer: 'sheetjs',
      recordsIn: one(THEME, 2),
      expect: { status: 'merged', records: 2 },
    },
    sheetJsWorkbook([sheetJsForm(THEME, etReturn)], 'xls'),
  );

  // Files that cost the reader: a zip bomb (honest and lying sizes), a huge dimension, 100,000 rows.
  await add(
    {
      id: 'zip-bomb',
      file: '12-压缩炸弹.xlsx',
      what: `a 2 MB package whose second sheet inflates to ${BOMB_GIB} GiB (sizes stated truly)`,
      writer: 'bytes',
      recordsIn: one(THEME, 2),
      expect: { status: 'unreadable', message: /压缩|恶意|过大|太大|超过/, records: 0 },
      risky: BOMB_LIMITS,
    },
    zipBomb(rawFormSheet(THEME, theme('控江路街道总工会', [{ name: '劳模进社区' }, { name: '技能比武' }]))),
  );
  await add(
    {
      id: 'zip-bomb-lying',
      file: '13-压缩炸弹-谎报大小.xlsx',
      what: `the same bomb with its headers claiming the sheet inflates to 1,000 bytes`,
      writer: 'bytes',
      recordsIn: one(THEME, 1),
      expect: { status: 'unreadable', message: /压缩|恶意|过大|太大|超过|损坏|不符/, records: 0 },
      risky: BOMB_LIMITS,
    },
    zipBomb(rawFormSheet(THEME, theme('延吉新村街道总工会', [{ name: '劳模进社区' }])), 1000),
  );
  await add(
    {
      id: 'huge-dimension',
      file: '14-声称A1到XFD1048576.xlsx',
      what: 'a filled return (ExcelJS) whose sheet claims the dimension A1:XFD1048576',
      writer: 'exceljs',
      recordsIn: one(THEME, 2),
      expect: { status: 'merged', records: 2 },
      risky: { ms: 5_000, mb: 512 },
    },
    excelJs(theme('长海路街道总工会', [{ name: '劳模进社区' }, { name: '职工讲堂' }])).then((d) => withDimension(d, 'A1:XFD1048576')),
  );
  const bigList: RawValue[][] = [['姓名', '工号']];
  for (let i = 0; i < 100_000; i++) bigList.push([`职工${i + 1}`, 100_000 + i]);
  await add(
    {
      id: '100000-rows',
      file: '15-十万行名单.xlsx',
      what: 'a return with a second sheet of 100,000 rows (a staff list export, raw XML)',
      writer: 'fflate',
      recordsIn: { [THEME]: 2, 职工名单: 0 },
      expect: { status: 'merged', records: 2 },
      risky: { ms: 20_000, mb: 1_500 },
    },
    rawReturn([
      rawFormSheet(THEME, theme('五角场镇总工会', [{ name: '劳模进社区' }, { name: '职工讲堂' }])),
      { name: '职工名单', rows: bigList },
    ]),
  );

  // Cell contents.
  const formulas = theme('新江湾城街道总工会', [{ name: '劳模进社区' }, { name: '技能比武' }, { name: '职工讲堂' }]);
  await add(
    {
      id: 'formulas',
      file: '16-公式.xlsx',
      what: 'formula cells with cached values (one cache deliberately stale, one a DDE call, one text formula)',
      writer: 'fflate',
      recordsIn: one(THEME, 3),
      expect: { status: 'merged', records: 3 },
      check: (rows) => [
        ...expectColumn(rows, '参与人数', [42, 7, 250], (a, b) => a === b),
        ...expectColumn(rows, NAME_KEY, ['劳模进社区', '技能比武', '职工讲堂'], sameText),
      ],
    },
    rawReturn([
      rawFormSheet(THEME, formulas, {
        cells: {
          'activities[0].participants': { f: '1+1', v: 42 },
          'activities[1].participants': { f: "cmd|' /C calc'!A0", v: 7 },
          'activities[2].participants': { f: 'SUM(100,150)', v: 250 },
          'activities[0].name': { f: 'CONCATENATE("劳模","进社区")', v: '劳模进社区', t: 'str' },
        },
      }),
    ]),
  );
  await add(
    {
      id: 'error-values',
      file: '17-错误值.xlsx',
      what: 'Excel error values (#REF!, #N/A, #DIV/0!) in a list',
      writer: 'fflate',
      recordsIn: one(THEME, 2),
      expect: { status: 'merged-with-problems', message: /问题/, records: 2 },
    },
    rawReturn([
      rawFormSheet(THEME, theme('平凉路街道总工会', [{ name: '劳模进社区' }, { name: '技能比武' }]), {
        cells: {
          'activities[0].participants': { f: 'A1/0', v: '#DIV/0!', t: 'e' },
          'activities[1].participants': { f: 'Sheet9!A1', v: '#REF!', t: 'e' },
          'activities[1].schedule': { v: '#N/A', t: 'e' },
        },
      }),
    ]),
  );
  const protoWords = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', '{"__proto__":{"polluted":1}}', 'valueOf'];
  await add(
    {
      id: 'proto-sheets',
      file: '18-原型名称.xlsx',
      what: 'sheets named __proto__, constructor and prototype; defined names and cell texts of the same words',
      writer: 'fflate',
      recordsIn: {},
      expect: { status: 'skipped', message: /没有可识别/, records: 0 },
    },
    rawReturn(
      ['__proto__', 'constructor', 'prototype'].map((name) => ({
        name,
        rows: [protoWords, protoWords.map((w) => `${w}.polluted`)],
        names: protoWords.slice(0, 3).map((w) => ({ name: w, value: `"${w}"` })),
      })),
      { globalNames: protoWords.slice(0, 3).map((w) => ({ name: w, value: `'__proto__'!$A$1` })) },
    ),
  );
  const protoTheme = theme('__proto__', [
    { name: '__proto__', form: 'constructor', schedule: 'prototype' },
    { name: 'constructor', form: '__proto__', schedule: 'hasOwnProperty' },
  ]);
  const protoTeams = teams('constructor', [{ name: 'prototype', leader: '__proto__' }]);
  await add(
    {
      id: 'proto-form',
      file: '19-原型名称的表格.xlsx',
      what: 'filled forms in sheets named __proto__ and constructor, units and texts __proto__/constructor/prototype',
      writer: 'fflate',
      recordsIn: { ['__proto__']: 2, constructor: 1 },
      expect: { status: 'merged', records: 3 },
      check: (rows) => [
        ...expectColumn(
          rows.filter((r) => r.values[NAME_KEY] !== undefined),
          NAME_KEY,
          ['__proto__', 'constructor'],
          sameText,
        ),
        ...expectColumn(rows, '单位', ['__proto__', '__proto__', 'constructor'], sameText),
      ],
    },
    rawReturn([rawFormSheet('__proto__', protoTheme), rawFormSheet('constructor', protoTeams)], {
      globalNames: [
        { name: '__proto__', value: '"polluted"' },
        { name: 'constructor', value: `'__proto__'!$A$1` },
        { name: 'prototype', value: '1' },
      ],
    }),
  );
  const markerTheme = theme('长白新村街道总工会', [{ name: '劳模进社区' }, { name: '技能比武' }]);
  await add(
    {
      id: 'marker-params',
      file: '20-标记参数被篡改.xlsx',
      what: 'a marker whose parameters are __proto__=…, constructor=…, year=abc, deadline=13-45',
      writer: 'fflate',
      recordsIn: one(THEME, 2),
      expect: { status: 'merged', records: 2 },
    },
    rawReturn([
      rawFormSheet(THEME, markerTheme, {
        marker: 'UNIONFORMS|yangpu-theme-activity|1|__proto__=1;constructor=2;deadline=13-45;prototype=3;year=abc',
      }),
    ]),
  );

  const injected = theme(
    '=HYPERLINK("http://x","殷行")',
    INJECTIONS.map((_, i) => ({ name: payloadAt(i), form: payloadAt(i + 1), schedule: payloadAt(i + 2), content: payloadAt(i + 3) })),
    { contact: '@SUM(1+1)' },
  );
  await add(
    {
      id: 'injection-list',
      file: '21-公式注入-名单.xlsx',
      what: 'formula-injection payloads as text in every text field of a list form (ExcelJS)',
      writer: 'exceljs',
      recordsIn: one(THEME, INJECTIONS.length),
      expect: { status: 'merged', records: INJECTIONS.length },
      check: (rows) => [
        ...expectColumn(rows, NAME_KEY, INJECTIONS, sameTrimmed),
        ...expectColumn(
          rows,
          '活动形式',
          INJECTIONS.map((_, i) => payloadAt(i + 1)),
          sameTrimmed,
        ),
        ...expectColumn(
          rows,
          '时间安排',
          INJECTIONS.map((_, i) => payloadAt(i + 2)),
          sameTrimmed,
        ),
        ...expectColumn(
          rows,
          '主要内容和形式',
          INJECTIONS.map((_, i) => payloadAt(i + 3)),
          sameTrimmed,
        ),
        ...expectColumn(rows, '单位', Array<string>(INJECTIONS.length).fill('=HYPERLINK("http://x","殷行")'), sameText),
      ],
    },
    excelJs(injected),
  );
  const injectedSheet = injectEveryTextField(application());
  await add(
    {
      id: 'injection-sheet',
      file: '22-公式注入-申请表.xlsx',
      what: 'formula-injection payloads in every text field of a one-record form (SheetJS)',
      writer: 'sheetjs',
      // the application, and each of its four members in the members' list
      recordsIn: one('申请表', injectedSheet.records),
      expect: { status: 'merged', records: injectedSheet.records },
      check: (rows) =>
        textFieldsOf(injectedSheet).flatMap(({ label, value }) =>
          expectColumn(
            rows.filter((r) => r.sheet.endsWith('-单位')),
            label,
            [value],
            (a, b) => typeof a === 'string' && a.trim() === String(b).trim(),
          ),
        ),
    },
    sheetJsWorkbook([sheetJsForm('申请表', injectedSheet)]),
  );
  await add(
    {
      id: 'injection-names',
      file: '=2+3-注入的文件名.xlsx',
      what: 'a file name and a sheet name that look like formulas (=2+3…, @SUM(1+1)), which the summaries quote',
      writer: 'sheetjs',
      recordsIn: { '@SUM(1+1)': 1 },
      expect: { status: 'merged', records: 1 },
      check: (rows) => [
        ...expectColumn(rows, '工作表', ['@SUM(1+1)'], sameText),
        ...expectColumn(rows, '来源文件', ['=2+3-注入的文件名.xlsx'], sameText),
      ],
    },
    sheetJsWorkbook([sheetJsForm('@SUM(1+1)', theme('区机关工会', [{ name: '读书会' }]))]),
  );
  const longText = '长'.repeat(32_767);
  await add(
    {
      id: 'cell-32767',
      file: '23-32767字.xlsx',
      what: 'a 32,767-character cell (Excel’s limit) in a text field and in a 100-character field',
      writer: 'fflate',
      recordsIn: one(THEME, 1),
      expect: { status: 'merged-with-problems', message: /问题/, records: 1 },
      check: (rows) => [
        ...expectColumn(rows, NAME_KEY, [longText], sameText),
        ...expectColumn(rows, '主要内容和形式', [longText], sameText),
      ],
    },
    rawReturn([rawFormSheet(THEME, theme('殷行街道第二工会', [{ name: longText, content: longText }]))]),
  );
  const rare = theme('𠀀𪚥街道总工会', [
    { name: '👩‍🔧劳模进社区🎉', form: '𪚥𠀀', content: '😀'.repeat(50) },
    { name: '𰻞𰻞面品鉴会', schedule: '🗓️6月' },
  ]);
  await add(
    {
      id: 'emoji-rare-cjk',
      file: '24-生僻字和表情.xlsx',
      what: 'emoji (with joiners), rare CJK outside the BMP (𠀀, 𪚥, 𰻞) in unit and list (SheetJS)',
      writer: 'sheetjs',
      recordsIn: one(THEME, 2),
      expect: { status: 'merged', records: 2 },
      check: (rows) => [
        ...expectColumn(rows, '单位', ['𠀀𪚥街道总工会', '𠀀𪚥街道总工会'], sameText),
        ...expectColumn(rows, NAME_KEY, ['👩‍🔧劳模进社区🎉', '𰻞𰻞面品鉴会'], sameText),
        ...expectColumn(rows, '活动形式', ['𪚥𠀀', '宣讲'], sameText),
        ...expectColumn(rows, '主要内容和形式', ['😀'.repeat(50), '邀请劳模先进讲述成长经历。'], sameText),
      ],
    },
    sheetJsWorkbook([sheetJsForm(THEME, rare)]),
  );
  const controls = theme('控江路街道\u0001总工会', [
    { name: 'A\u0001B\u0007C劳模', form: '宣\u001f讲', schedule: '六月\u000b上旬' },
    { name: '职工\u0000讲堂', content: '内容\u200b\u202e反转\u0008' },
  ]);
  await add(
    {
      id: 'control-characters',
      file: '25-控制字符.xlsx',
      what: 'control characters (U+0000, U+0001, U+0007, U+0008, U+000B, U+001F) and bidi/zero-width marks in texts',
      writer: 'fflate',
      recordsIn: one(THEME, 2),
      expect: { status: 'merged', records: 2 },
      check: (rows) => [
        ...expectColumn(rows, NAME_KEY, ['A\u0001B\u0007C劳模', '职工\u0000讲堂'], sameWithoutControls),
        ...expectColumn(rows, '主要内容和形式', ['邀请劳模先进讲述成长经历。', '内容\u200b\u202e反转\u0008'], sameWithoutControls),
      ],
    },
    rawReturn([rawFormSheet(THEME, controls)]),
  );

  // Forms changed: a newer version, an unknown form, rows added and deleted, merges changed by hand.
  const newer = theme('殷行街道新村工会', [{ name: '劳模进社区' }, { name: '技能比武' }]);
  await add(
    {
      id: 'newer-version',
      file: '26-新版本表格.xlsx',
      what: 'a form marked version 99 (newer than the add-in knows)',
      writer: 'fflate',
      recordsIn: one(THEME, 2),
      expect: { status: 'merged', sheetMessage: /版本/, records: 2 },
    },
    rawReturn([rawFormSheet(THEME, newer, { marker: planOf(newer).marker.text.replace('|1|', '|99|') })]),
  );
  await add(
    {
      id: 'unknown-form',
      file: '27-未知表格.xlsx',
      what: 'a sheet marked as a form the add-in does not know (yangpu-future-form)',
      writer: 'fflate',
      recordsIn: one(THEME, 2),
      expect: { status: 'skipped', sheetMessage: /升级/, records: 0 },
    },
    rawReturn([
      rawFormSheet(THEME, theme('区教育工会', [{ name: '劳模进课堂' }, { name: '技能比武' }]), {
        marker: 'UNIONFORMS|yangpu-future-form|1|year=2019',
      }),
    ]),
  );
  const added = theme(
    '区卫生工会',
    Array.from({ length: 25 }, (_, i) => ({ name: `活动${i + 1}` })),
  );
  added.options = { tableRows: { activities: 25 } };
  await add(
    {
      id: 'rows-added',
      file: '28-加了行.xlsx',
      what: 'a list grown by hand from 10 to 25 rows, every row filled (SheetJS)',
      writer: 'sheetjs',
      recordsIn: one(THEME, 25),
      expect: { status: 'merged', records: 25 },
    },
    sheetJsWorkbook([sheetJsForm(THEME, added)]),
  );
  const deleted = theme('区建设工会', [{ name: '劳模进工地' }, { name: '安全讲堂' }, { name: '技能比武' }]);
  deleted.options = { tableRows: { activities: 3 } };
  await add(
    {
      id: 'rows-deleted',
      file: '29-删了行.xlsx',
      what: 'a list cut by hand from 10 rows to 3 (ExcelJS)',
      writer: 'exceljs',
      recordsIn: one(THEME, 3),
      expect: { status: 'merged', records: 3 },
    },
    excelJs(deleted),
  );
  const remerged = theme('江湾镇总工会', [{ name: '劳模进社区' }, { name: '技能比武' }, { name: '职工讲堂', form: '讲座' }]);
  const plan = planOf(remerged);
  const at = (key: string) => plan.slots.find((s) => s.key === key) as { row: number; col: number; colSpan: number };
  await add(
    {
      id: 'merges-changed',
      file: '30-改了合并单元格.xlsx',
      what: 'merged cells changed by hand: the unit cell unmerged, two schedules merged down, a name merged across (ExcelJS)',
      writer: 'exceljs',
      recordsIn: one(THEME, 3),
      expect: { status: 'merged-with-problems', message: /问题/, records: 3 },
      check: (rows) => expectColumn(rows, NAME_KEY, ['劳模进社区', '技能比武', '职工讲堂'], sameText),
    },
    excelJs(remerged).then((data) =>
      excelJsEdit(data, (ws) => {
        const unit = at('unit');
        ws.unMergeCells(unit.row + 1, unit.col + 1, unit.row + 1, unit.col + unit.colSpan);
        const s0 = at('activities[0].schedule');
        const s1 = at('activities[1].schedule');
        ws.mergeCells(s0.row + 1, s0.col + 1, s1.row + 1, s1.col + 1);
        const n2 = at('activities[2].name');
        ws.mergeCells(n2.row + 1, n2.col + 1, n2.row + 1, n2.col + 2);
      }),
    ),
  );
  await add(
    {
      id: 'empty-workbook',
      file: '31-空工作簿.xlsx',
      what: 'a workbook with one empty sheet (ExcelJS)',
      writer: 'exceljs',
      recordsIn: {},
      expect: { status: 'skipped', message: /没有可识别/, records: 0 },
    },
    (async () => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('Sheet1');
      return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    })(),
  );
  await add(
    {
      id: 'no-sheets',
      file: '32-没有工作表.xlsx',
      what: 'a package whose workbook lists no sheets at all',
      writer: 'fflate',
      recordsIn: {},
      expect: { status: 'skipped', message: /没有可识别/, records: 0 },
    },
    rawReturn([]),
  );
  await add(
    {
      id: 'blank-template',
      file: '33-空白模板.xlsx',
      what: 'the template sent back without anything filled in',
      writer: 'exceljs',
      recordsIn: {},
      expect: { status: 'skipped', sheetMessage: /尚未填写/, records: 0 },
    },
    writeFormsWorkbook([planSheet(getForm('yangpu-theme-activity'))]),
  );

  // The same unit twice: in two files (the later wins, even with a space in its name), and in one file.
  await add(
    {
      id: 'same-unit-earlier',
      file: '34-长白二村-第一次.xlsx',
      what: 'a unit’s first return (replaced by its later one)',
      writer: 'exceljs',
      recordsIn: one(THEME, 2),
      expect: { status: 'replaced', message: /较新/, records: 0 },
      modified: START - 86_400_000,
    },
    excelJs(theme('长白二村街道总工会', [{ name: '劳模进社区' }, { name: '技能比武' }])),
  );
  await add(
    {
      id: 'same-unit-later',
      file: '35-长白二村-更正.xlsx',
      what: 'the same unit’s corrected return, sent later, its name typed with a space (SheetJS)',
      writer: 'sheetjs',
      recordsIn: one(THEME, 1),
      expect: { status: 'merged', records: 1 },
      check: (rows) => expectColumn(rows, NAME_KEY, ['劳模故事会'], sameText),
    },
    sheetJsWorkbook([sheetJsForm(THEME, theme('长白二村街道 总工会', [{ name: '劳模故事会' }]))]),
  );
  await add(
    {
      id: 'same-unit-one-file',
      file: '36-同一文件两份.xlsx',
      what: 'one file holding the same unit’s form twice (a copied sheet): the later sheet is used',
      writer: 'fflate',
      recordsIn: { 初稿: 2, 定稿: 3 },
      expect: { status: 'merged', sheetMessage: /代替/, records: 3 },
      check: (rows) => expectColumn(rows, NAME_KEY, ['甲', '乙', '丙'], sameText),
    },
    rawReturn([
      rawFormSheet('初稿', theme('大桥街道第二总工会', [{ name: '草' }, { name: '稿' }])),
      rawFormSheet('定稿', theme('大桥街道第二总工会', [{ name: '甲' }, { name: '乙' }, { name: '丙' }])),
    ]),
  );

  // Packages with more in them than a workbook needs.
  await add(
    {
      id: 'xlsm-macros',
      file: '37-带宏.xlsm',
      what: 'a macro-enabled workbook (.xlsm) with a vbaProject part (macros are never run)',
      writer: 'fflate',
      recordsIn: one(THEME, 2),
      expect: { status: 'merged', records: 2 },
    },
    excelJs(theme('区科技工会', [{ name: '劳模进社区' }, { name: '技能比武' }])).then((data) =>
      repack(data, (files) => {
        const ct = new TextDecoder().decode(files['[Content_Types].xml']);
        files['[Content_Types].xml'] = strToU8(
          ct
            .replace(
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
              'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
            )
            .replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'),
        );
        const rels = new TextDecoder().decode(files['xl/_rels/workbook.xml.rels']);
        files['xl/_rels/workbook.xml.rels'] = strToU8(
          rels.replace(
            '</Relationships>',
            '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
          ),
        );
        files['xl/vbaProject.bin'] = strToU8(
          'Attribute VB_Name = "ThisWorkbook"\r\nSub Workbook_Open()\r\n Shell "calc.exe"\r\nEnd Sub\r\n',
        );
      }),
    ),
  );
  await add(
    {
      id: 'xml-entities',
      file: '38-XML实体.xlsx',
      what: 'shared strings with a DOCTYPE: an external entity (file:///etc/passwd) and nested entities (billion laughs)',
      writer: 'fflate',
      recordsIn: one(THEME, 1),
      expect: { status: 'merged', records: 1 },
      check: (rows) => {
        const texts = rows.flatMap((r) => Object.values(r.values).map(textOf));
        const bad = texts.filter((t) => /root:|daemon:/.test(t) || t.length > 1000);
        return bad.length ? [`entity expanded into the summary: ${bad.map((t) => t.slice(0, 60)).join(' | ')}`] : [];
      },
    },
    rawReturn([rawFormSheet(THEME, theme('XXE街道总工会', [{ name: 'LAUGHS', content: 'PASSWD' }]))], {
      sharedStringsPrologue:
        '<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY a "哈哈哈哈哈哈哈哈哈哈">' +
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">' +
        '<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">' +
        '<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">]>',
      rawSharedStrings: { LAUGHS: '劳模&g;', PASSWD: '内容&xxe;' },
    }),
  );
  await add(
    {
      id: 'zip-slip',
      file: '39-路径穿越.xlsx',
      what: 'a return with extra entries named ../../evil.sh and /etc/cron.d/evil (never written anywhere)',
      writer: 'fflate',
      recordsIn: one(THEME, 1),
      expect: { status: 'merged', records: 1 },
    },
    excelJs(theme('区体育工会', [{ name: '职工运动会' }])).then((data) =>
      repack(data, () => [stored('../../evil.sh', '#!/bin/sh\necho pwned\n'), stored('/etc/cron.d/evil', '* * * * * root true\n')]),
    ),
  );
  const formed = [new Date(Date.UTC(2015, 2, 1)), new Date(Date.UTC(2017, 10, 20))];
  const team1904 = teams('区文化工会', [{ name: '书香服务队' }, { name: '文艺服务队' }]);
  await add(
    {
      id: 'date-1904',
      file: '40-1904日期系统.xlsx',
      what: 'a workbook in the 1904 date system (old Mac Excel) with real date cells',
      writer: 'fflate',
      recordsIn: one(TEAMS, 2),
      expect: { status: 'merged', records: 2 },
      check: (rows) => expectColumn(rows, '服务队组建时间', ['2015-03-01', '2017-11-20'], (a, b) => isoDateOf(a) === b),
    },
    rawReturn([rawFormSheet(TEAMS, team1904, { cells: { 'teams[0].formedOn': formed[0], 'teams[1].formedOn': formed[1] } })], {
      date1904: true,
    }),
  );

  const [saved] = await Promise.all([encrypting, options.alongside?.([...cases])]);
  if (saved) cases.push(...encrypted);
  fs.rmSync(plainDir, { recursive: true, force: true });

  for (const c of cases) {
    const when = new Date(c.modified);
    fs.utimesSync(path.join(dir, c.file), when, when);
  }
  return cases;
}

/** Units that sent something readable, for the roster. */
export function rosterOf(): string[] {
  return ['殷行街道总工会', '五角场街道总工会', '黄浦区总工会', '徐汇区总工会', '__proto__', 'constructor', MISSING_UNIT];
}
