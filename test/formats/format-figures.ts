/**
 * Issue 19 §7, per file format: how many of the realistic returns are read in each format a clerk's program writes,
 * and what the clerk is told of every other kind of file. Alone:
 *
 *   node -r ./test/hostile/register-ts.js test/formats/format-figures.ts [--keep]
 *
 * Needs /usr/bin/python3 with openpyxl and LibreOffice (soffice), like formats.test.ts, which asserts the same runs.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileRole } from '../../src/core/merge/return-files';
import { readReturnBuffer } from '../../src/hosts/xlsx/merge-buffers';
import { DESCRIPTION, FORMATS, makeSource, runFormat } from './run-formats';

/** Extensions taken as returns but not made by an independent writer here (only SheetJS itself writes .xlsb here). */
const NOT_MADE_HERE: [string, string][] = [
  ['.xlsx/.xlsm', 'read (the realistic and hostile corpora: openpyxl, ExcelJS, LibreOffice)'],
  ['.et', 'read (hostile corpus: BIFF8 inside, as WPS writes for compatibility)'],
  ['.xltx/.xltm/.xlt/.ett/.ots', 'taken as returns, read by content (a template is the same package as its workbook)'],
  ['.xlsb/.numbers', 'taken as returns and handed to SheetJS; no independent writer of these formats here'],
];

/** Other kinds of files, by name alone (fileRole) — what `merge` reports for them. */
const OTHER_NAMES = ['表.fods', '表.sxc', '表.xlw', '表.wk1', '表.dbf', '表.xlam', '说明.txt', '通知.docx', '盖章件.pdf', '报表.zip'];

function rec(kind: number, body: number[]): number[] {
  return [kind & 0xff, kind >> 8, body.length & 0xff, body.length >> 8, ...body];
}

/** Files given a return's name whose bytes are something else — what the reader says of them. */
const OTHER_BYTES: [string, Uint8Array][] = [
  [
    'Excel 4.0 workbook (BIFF4W) .xls',
    new Uint8Array([...rec(0x0409, [0, 0, 0x00, 0x01, 0, 0]), ...rec(0x008f, [0, 0, 0, 0, 0, 0, 1, 0x53]), ...rec(0x000a, [])]),
  ],
  ['binary bytes named .csv', new Uint8Array(Array.from({ length: 512 }, (_, i) => i % 256))],
  ['a web page named .xls', new TextEncoder().encode('<html><table><tr><td>活动</td></tr></table></html>')],
  ['a text file named .xlsx', new TextEncoder().encode('这不是表格')],
  ['0 bytes', new Uint8Array(0)],
];
const OTHER_BYTES_NAME: Record<string, string> = {
  'Excel 4.0 workbook (BIFF4W) .xls': 'a.xls',
  'binary bytes named .csv': 'a.csv',
  'a web page named .xls': 'a.xls',
  'a text file named .xlsx': 'a.xlsx',
  '0 bytes': 'a.xlsx',
};

export function formatFigures(options: { keep?: boolean } = {}): string[] {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'uf-format-figures-'));
  const lines: string[] = [
    '| format | returns in it | merged | records intact | totals exact | false errors | missed errors | stderr lines |',
    '|---|---|---|---|---|---|---|---|',
  ];
  try {
    makeSource(root);
    for (const format of FORMATS) {
      const run = runFormat(root, format);
      const status = new Map(run.report.inputs.map((i) => [path.basename(i.file), i.status]));
      const merged = run.converted.filter((n) => ['merged', 'merged-with-problems', 'replaced'].includes(status.get(n) ?? '')).length;
      const c = run.check;
      lines.push(
        `| ${DESCRIPTION[format]} | ${run.converted.length} | ${merged} | ${c.records.intact}/${c.records.expected} | ` +
          `${c.totals.exact}/${c.totals.total} | ${c.false_errors.length} | ${c.missed_errors.length} | ${run.merge.err.length} |`,
      );
    }
  } finally {
    if (!options.keep) fs.rmSync(root, { recursive: true, force: true });
    else lines.push(`(kept in ${root})`);
  }
  lines.push('', '| also taken as returns | how |', '|---|---|', ...NOT_MADE_HERE.map(([ext, how]) => `| ${ext} | ${how} |`));
  lines.push('', '| file | what the clerk is told |', '|---|---|');
  for (const name of OTHER_NAMES) {
    const role = fileRole(name);
    lines.push(`| ${name} | ${role.role === 'other' ? `未合并：${role.message}` : role.role} |`);
  }
  for (const [what, data] of OTHER_BYTES) {
    const read = readReturnBuffer({ name: OTHER_BYTES_NAME[what] as string, modified: 0, data });
    lines.push(`| ${what} | ${'unreadable' in read ? `无法读取：${read.unreadable}` : 'read'} |`);
  }
  return lines;
}

if (require.main === module) for (const line of formatFigures({ keep: process.argv.includes('--keep') })) console.log(line);
