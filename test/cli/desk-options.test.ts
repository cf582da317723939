import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../src/cli/main';
import { filledFile } from '../support/filled-file';
import { volunteerReturn } from '../support/volunteer-return';

/**
 * `union-forms merge` as the collection desk (issue 14 §1–2): --deadline, --reminder and --slips, their usage errors,
 * and what they write. The desk's logic is tested in test/collect; the realistic corpus checks its results apart.
 */
const TODAY = '2026-11-29';
let dir: string;

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: dir });
  return { code, out, err };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uf-desk-'));
  fs.mkdirSync(path.join(dir, 'returns'));
  fs.writeFileSync(
    path.join(dir, 'returns', '殷行.xlsx'),
    await filledFile('yangpu-volunteer-team', volunteerReturn('殷行街道总工会', '殷行志愿队')),
  );
  // a team of 0 people: an error to send back
  fs.writeFileSync(
    path.join(dir, 'returns', '大桥.xlsx'),
    await filledFile('yangpu-volunteer-team', volunteerReturn('大桥街道总工会', '大桥志愿队', 0)),
  );
  fs.writeFileSync(path.join(dir, 'roster.txt'), '殷行街道总工会\n大桥街道总工会\n平凉路街道总工会\n');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('refuses a deadline that is not a date, and a reminder without a roster, with exit 2 and a Chinese reason', async () => {
  const bad = await cli('merge', 'returns', '-o', 'a.xlsx', '--deadline', '5月12日', '--today', TODAY);
  expect({ code: bad.code, err: bad.err.join('\n') }).toEqual({ code: 2, err: expect.stringContaining('--deadline 应为“年-月-日”') });
  const noRoster = await cli('merge', 'returns', '-o', 'a.xlsx', '--reminder', '催报.txt', '--today', TODAY);
  expect({ code: noRoster.code, err: noRoster.err.join('\n') }).toEqual({ code: 2, err: expect.stringContaining('需要单位名单') });
  expect(fs.existsSync(path.join(dir, 'a.xlsx'))).toBe(false);
});

it('writes the status into the report, the 催报 text and one 退回修改单 per unit with something to fix', async () => {
  const run = await cli(
    'merge',
    'returns',
    '-o',
    'out/汇总.xlsx',
    '--roster',
    'roster.txt',
    '--json',
    'out/report.json',
    '--reminder',
    'out/催报.txt',
    '--slips',
    'out/退回',
    '--deadline',
    '2018-06-15',
    '--today',
    TODAY,
  );
  expect({ code: run.code, err: run.err }).toEqual({ code: 0, err: [] });
  const report = JSON.parse(fs.readFileSync(path.join(dir, 'out', 'report.json'), 'utf8')) as {
    units: { unit: string; status: string; forms: { form: string; submitted: boolean; late: boolean; errors: number }[] }[];
  };
  expect(report.units.map((u) => [u.unit, u.status])).toEqual([
    ['殷行街道总工会', 'complete'],
    ['大桥街道总工会', 'complete'],
    ['平凉路街道总工会', 'missing'],
  ]);
  // the files were written today, long after the deadline given
  expect(report.units[0]!.forms).toEqual([
    expect.objectContaining({ form: 'yangpu-volunteer-team', submitted: true, late: true, errors: 0 }),
  ]);
  expect(report.units[1]!.forms[0]!.errors).toBe(1);
  const reminder = fs.readFileSync(path.join(dir, 'out', '催报.txt'), 'utf8');
  expect(reminder).toMatch(/^【催报】/);
  expect(reminder).toContain('平凉路街道总工会');
  expect(reminder).not.toContain('殷行');
  expect(fs.readdirSync(path.join(dir, 'out', '退回'))).toEqual(['退回修改单-大桥街道总工会.xlsx']);
  expect(run.out).toEqual(expect.arrayContaining(['退回修改单：1 个单位（大桥街道总工会）。']));

  // run again: the slips exist, so nothing is written without --force
  const again = await cli('merge', 'returns', '-o', 'out/汇总.xlsx', '--roster', 'roster.txt', '--slips', 'out/退回', '--today', TODAY);
  expect(again.code).toBe(1);
});
