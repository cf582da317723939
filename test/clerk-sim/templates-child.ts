/**
 * The clerk simulator's template packs in one child process (node -r ./test/hostile/register-ts.js
 * templates-child.ts <dir>): this year's six forms into <dir>/current and last year's (第六届, 2019年度, 2017年) into
 * <dir>/old, by the command line from the current sources, as clerks get them.
 */
import * as path from 'path';
import { runCli } from '../../src/cli/main';

const LAST_YEAR: [string, string[]][] = [
  ['festival-project', ['--edition', '6', '--year', '2016']],
  ['festival-stats', ['--edition', '6', '--year', '2016']],
  ['studio-summary', ['--year', '2019']],
  ['studio-application', ['--year', '2019']],
  ['yangpu-theme-activity', ['--year', '2017']],
  ['yangpu-volunteer-team', ['--year', '2017']],
];
// Names the simulator finds each form by (make_returns.TEMPLATE_WORDS).
const WORDS: Record<string, string> = {
  'festival-project': '活动项目申报表',
  'festival-stats': '活动情况统计表',
  'studio-summary': '推荐申报汇总表',
  'studio-application': '创新工作室申请表',
  'yangpu-theme-activity': '主题活动申报表',
  'yangpu-volunteer-team': '志愿者服务队登记表',
};

async function main(dir: string): Promise<number> {
  const io = { out: () => undefined, err: (line: string) => process.stderr.write(`${line}\n`), cwd: process.cwd() };
  let code = await runCli(['template', '--all', '-o', path.join(dir, 'current'), '--force'], io);
  for (const [form, options] of LAST_YEAR) {
    if (code !== 0) break;
    code = await runCli(['template', form, ...options, '-o', path.join(dir, 'old', `${WORDS[form]}.xlsx`), '--force'], io);
  }
  return code;
}

void main(process.argv[2] ?? '.').then((code) => {
  process.exitCode = code;
});
