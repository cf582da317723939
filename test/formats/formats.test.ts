/**
 * Issue 19 §5: the realistic returns (test/realistic/make_returns.py, openpyxl) saved again as a clerk's own program
 * saves them — CSV from Excel on a Chinese Windows (GBK/GB18030), CSV UTF-8 with and without its mark, Unicode text
 * (UTF-16LE, tabs), LibreOffice's .ods and .xls, and Excel 2.x/3.0/4.0 worksheets — by resave_returns.py (Python's
 * csv module, LibreOffice, and Python writing BIFF2-4 records from their published layout; never our writer), each folder then merged by `union-forms merge` in a child process (real stderr) and checked by
 * test/realistic/check_summary.py against the expected values Python computed from what it wrote; and read through
 * the pane's worker handler, which must take the same files and find the same records.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { InputReport } from '../../src/core/merge/merge-returns';
import { isReturnFileName } from '../../src/core/merge/return-files';
import { CATALOGUE } from '../../src/notices';
import { createMergeHandler } from '../../src/taskpane/merge/merge-handler';
import type { MergePreview, MergeResponse } from '../../src/taskpane/merge/merge-protocol';
import { requireTool } from '../support/libreoffice';
import { pickedFile } from '../support/in-process-worker';
import { describeMismatch, hasOpenpyxl } from '../realistic/run-realistic';
import { AT_LEAST, EXTENSION, FORMATS, makeSource, runFormat, type Format, type FormatRun } from './run-formats';

const TODAY = '2026-11-21';
let root: string;
const runs = new Map<Format, FormatRun>();

beforeAll(() => {
  if (!hasOpenpyxl()) throw new Error('/usr/bin/python3 has no openpyxl: apt-get install python3-openpyxl (see README.md)');
  requireTool('soffice');
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'uf-formats-'));
  makeSource(root);
  for (const format of FORMATS) runs.set(format, runFormat(root, format));
}, 600_000);
afterAll(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

const runOf = (format: Format) => runs.get(format) as FormatRun;

describe.each(FORMATS)('returns saved as %s', (format) => {
  it('many returns are in this format (a CSV holds one sheet and no list cell merged over rows; Excel 2.x-4.0 no date)', () => {
    const { converted } = runOf(format);
    expect(converted.length).toBeGreaterThanOrEqual(AT_LEAST[format]);
    expect(converted.every((name) => name.endsWith(EXTENSION[format]))).toBe(true);
  });

  it('union-forms merge: exit 0, nothing on stderr (no library warning), every converted file merged', () => {
    const { merge, report, converted } = runOf(format);
    expect({ code: merge.code, err: merge.err }).toEqual({ code: 0, err: [] });
    const statusOf = new Map(report.inputs.map((i) => [path.basename(i.file), i.status]));
    const notMerged = converted.filter((name) => !['merged', 'merged-with-problems', 'replaced'].includes(statusOf.get(name) ?? ''));
    expect(notMerged).toEqual([]);
  });

  it('every record intact, every 合计 exact, no false error, no missed error (check_summary.py)', () => {
    const { check } = runOf(format);
    expect(check.mismatches.map(describeMismatch)).toEqual([]);
    expect(check.records.intact).toBe(check.records.expected);
    expect(check.records.expected).toBeGreaterThan(80);
    expect(check.totals.wrong).toEqual([]);
    expect(check.false_errors).toEqual([]);
    expect(check.missed_errors).toEqual([]);
    expect(check.other_checks.filter((c) => !c.ok && !c.loose)).toEqual([]);
  });

  it('the pane’s worker takes the same files and finds what the command line found', async () => {
    const { report } = runOf(format);
    const folder = path.join(root, format, 'returns');
    const files = fs
      .readdirSync(folder)
      .filter(isReturnFileName)
      // A copy: a small file's Buffer is a view into Node's shared pool, and the picked file hands over a whole buffer.
      .map((name) =>
        pickedFile(name, new Uint8Array(fs.readFileSync(path.join(folder, name))), fs.statSync(path.join(folder, name)).mtimeMs),
      );
    const responses: MergeResponse[] = [];
    await createMergeHandler((r) => responses.push(r), CATALOGUE)({ id: 1, type: 'read-files', files, roster: [], today: TODAY });
    const done = responses.find((r) => r.type === 'done');
    if (!done || done.type !== 'done') throw new Error(`the worker did not finish: ${JSON.stringify(responses.at(-1))}`);
    const preview: MergePreview = done.preview;
    const statuses = (inputs: readonly InputReport[]) =>
      inputs
        .filter((i) => isReturnFileName(path.basename(i.file)))
        .map((i) => [path.basename(i.file), i.status])
        .sort();
    expect(statuses(preview.inputs)).toEqual(statuses(report.inputs));
    const rows = (tables: readonly { sheet?: string; sheetName?: string; rows: number | unknown[] }[]) =>
      tables.map((t) => [t.sheetName ?? t.sheet, Array.isArray(t.rows) ? t.rows.length : t.rows]).sort();
    expect(rows(preview.summaries.filter((t) => t.sheetName !== '合并报告'))).toEqual(rows([...report.outputs, ...report.derived]));
  });
});
