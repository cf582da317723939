/**
 * The formats run (issue 19 §5), shared by formats.test.ts and format-figures.ts: the realistic returns made once by
 * make_returns.py, saved again per format by resave_returns.py, merged by `union-forms merge` in a child process and
 * checked by check_summary.py.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { InputReport } from '../../src/core/merge/merge-returns';
import { cli, MERGE_ARGS, PYTHON, ROOT, type CheckResult, type CliRun } from '../realistic/run-realistic';

export const FORMATS = ['csv-gb18030', 'csv-utf8-bom', 'csv-utf8', 'tsv-utf16', 'ods', 'xls', 'biff2', 'biff3', 'biff4'] as const;
export type Format = (typeof FORMATS)[number];

export const EXTENSION: Record<Format, string> = {
  'csv-gb18030': '.csv',
  'csv-utf8-bom': '.csv',
  'csv-utf8': '.csv',
  'tsv-utf16': '.csv',
  ods: '.ods',
  xls: '.xls',
  biff2: '.xls',
  biff3: '.xls',
  biff4: '.xls',
};

/** What each format is, for people. */
export const DESCRIPTION: Record<Format, string> = {
  'csv-gb18030': 'CSV（逗号分隔）, GBK/GB18030, as Excel on a Chinese Windows',
  'csv-utf8-bom': 'CSV UTF-8 with BOM',
  'csv-utf8': 'CSV UTF-8 without BOM (LibreOffice, WPS)',
  'tsv-utf16': 'Unicode 文本: UTF-16LE with BOM, tab-separated',
  ods: 'OpenDocument .ods (LibreOffice)',
  xls: 'Excel 97-2003 .xls (LibreOffice)',
  biff2: 'Excel 2.x worksheet (BIFF2)',
  biff3: 'Excel 3.0 worksheet (BIFF3)',
  biff4: 'Excel 4.0 worksheet (BIFF4)',
};

/** How many returns at least each format holds: a CSV or an Excel 2.x-4.0 sheet cannot hold every return. */
export const AT_LEAST: Record<Format, number> = {
  'csv-gb18030': 25,
  'csv-utf8-bom': 25,
  'csv-utf8': 25,
  'tsv-utf16': 25,
  ods: 30,
  xls: 30,
  biff2: 12,
  biff3: 12,
  biff4: 12,
};

export interface FormatRun {
  converted: string[];
  merge: CliRun;
  check: CheckResult;
  report: { inputs: InputReport[]; outputs: { sheet: string; rows: number }[]; derived: { sheet: string; rows: number }[] };
}

function python(args: string[]): string {
  const run = spawnSync(PYTHON, args, { encoding: 'utf8', timeout: 300_000, maxBuffer: 64 << 20 });
  if (run.status !== 0) throw new Error(`${args[0]} failed (exit ${run.status}): ${run.stderr || run.error?.message || ''}`);
  return run.stdout;
}

/** The template pack and the realistic returns (openpyxl only) into root/source. */
export function makeSource(root: string): void {
  const templates = path.join(root, 'templates');
  const template = cli(['template', '--all', '-o', templates, '--force'], root);
  if (template.code !== 0) throw new Error(`template --all failed: ${[...template.out, ...template.err].join('\n')}`);
  python([
    path.join(ROOT, 'test', 'realistic', 'make_returns.py'),
    path.join(root, 'source'),
    '--templates',
    templates,
    '--no-libreoffice',
  ]);
}

/** The returns saved as `format` into root/<format>, merged and checked. */
export function runFormat(root: string, format: Format): FormatRun {
  const dir = path.join(root, format);
  const { converted } = JSON.parse(
    python([path.join(ROOT, 'test', 'formats', 'resave_returns.py'), path.join(root, 'source'), dir, format]),
  ) as { converted: string[] };
  const merge = cli(MERGE_ARGS, dir);
  const at = (f: string) => path.join(dir, f);
  const check = JSON.parse(
    python([
      path.join(ROOT, 'test', 'realistic', 'check_summary.py'),
      at('out.xlsx'),
      at('report.json'),
      at('expected.json'),
      at('slips'),
      at('催报.txt'),
    ]),
  ) as CheckResult;
  return { converted, merge, check, report: JSON.parse(fs.readFileSync(at('report.json'), 'utf8')) as FormatRun['report'] };
}
