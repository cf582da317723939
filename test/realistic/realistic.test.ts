/**
 * Issue 10 §6: about 35 returns made the way district clerks make them (filled by label into the template pack,
 * retyped from the notice, edited and re-saved in LibreOffice, saved as .xls, corrected and resent), written by
 * make_returns.py with openpyxl and LibreOffice — never by our own writer — with the values a careful clerk expects
 * computed there from what was written. The merge must bring every record intact into the summaries, every 合计
 * must equal the independent sum, and report.json must flag every deliberate mistake and nothing typed correctly.
 *
 * LibreOffice parts (.xls re-saves, edits, a sheet copied into another workbook) are replaced by plain .xlsx files
 * only when soffice is not installed; CI has it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  cli,
  describeMismatch,
  figuresOf,
  hasOpenpyxl,
  hasSoffice,
  runRealistic,
  type CheckResult,
  type RealisticRun,
} from './run-realistic';

const libreOffice = hasSoffice();
let dir: string;
let run: RealisticRun;

beforeAll(() => {
  if (!hasOpenpyxl()) throw new Error('/usr/bin/python3 has no openpyxl: apt-get install python3-openpyxl (see README.md)');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uf-realistic-'));
  run = runRealistic(dir, { libreOffice });
}, 120_000);
afterAll(() => {
  // The four figures of issue 10 §6, for the log (each is asserted above).
  if (run?.check) console.log(`realistic returns: ${figuresOf(run.check)}`);
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function checked(): CheckResult {
  if (!run.check)
    throw new Error(
      `the merge wrote no summary or no report.json (exit ${run.merge.code}):\n${[...run.merge.out, ...run.merge.err].join('\n')}`,
    );
  return run.check;
}

it('makes about 35 returns with deliberate mistakes, LibreOffice parts included when soffice is installed', () => {
  expect(run.generated.files).toBeGreaterThanOrEqual(30);
  expect(run.generated.records).toBeGreaterThan(80);
  expect(run.generated.mistakes).toBeGreaterThanOrEqual(8);
  expect(run.generated.left_out).toEqual(libreOffice ? [] : [expect.stringContaining('soffice')]);
});

it('merges the folder with exit code 0 and nothing on stderr', () => {
  expect({ code: run.merge.code, err: run.merge.err }).toEqual({ code: 0, err: [] });
});

it('brings every record into its summary intact: every field as typed, from the right file', () => {
  const check = checked();
  expect(check.missing_columns.map((m) => `${m.sheet} / ${m.column}`)).toEqual([]);
  expect(check.mismatches.map(describeMismatch)).toEqual([]);
  expect(check.records.intact).toBe(check.records.expected);
});

it('makes every 合计 equal the independent sum (with a note where a value is not a number), and none for 序号, 年龄, 工作年限', () => {
  const check = checked();
  expect(check.totals.wrong.map((t) => `${t.sheet} / ${t.header}: ${t.why}`)).toEqual([]);
  expect(check.totals.exact).toBe(check.totals.total);
});

it('raises no error on a cell that was typed correctly', () => {
  const check = checked();
  expect(check.false_errors.map((e) => `${e.file} [${e.sheet}] ${e.cell ?? ''} ${e.label ?? e.field ?? ''}: ${e.message ?? ''}`)).toEqual(
    [],
  );
});

it('flags every deliberate mistake on its cell or field, with the reason a clerk needs', () => {
  const check = checked();
  expect(check.missed_errors.map((e) => `${e.file} [${e.sheet}] ${e.cells.filter(Boolean).join('/')} ${e.label}: ${e.what}`)).toEqual([]);
  expect(check.wrong_reason.map((e) => `${e.file} ${e.label}: wanted “${e.wanted}”, got ${e.got.join(' | ')}`)).toEqual([]);
});

it('accounts in report.json for replaced returns, the lock file, the non-Excel files and the roster', () => {
  const check = checked();
  const failing = check.other_checks.filter((c) => !c.ok && !c.loose).map((c) => `${c.check}: ${JSON.stringify(c.detail)}`);
  expect(failing).toEqual([]);
});

describe('exit codes of union-forms merge', () => {
  it('an input path that does not exist: exit 2', () => {
    const result = cli(['merge', 'no-such-folder', '-o', 'x.xlsx'], dir);
    expect(result.code).toBe(2);
  });

  it('nothing merged (a folder with only a Word file and a note): exit 1, with the reason', () => {
    const only = path.join(dir, 'no-workbooks');
    fs.mkdirSync(only, { recursive: true });
    for (const name of fs.readdirSync(path.join(dir, 'returns')).filter((n) => /\.(docx|txt)$/.test(n)))
      fs.copyFileSync(path.join(dir, 'returns', name), path.join(only, name));
    const result = cli(['merge', 'no-workbooks', '-o', 'nothing.xlsx', '--force'], dir);
    expect(result.code).toBe(1);
    expect([...result.out, ...result.err].join('\n')).not.toBe('');
  });
});
