/**
 * `union-forms` from the current sources, as bin/union-forms.js runs the built ones: the realistic-returns run
 * starts it as a child process (node -r ./test/hostile/register-ts.js cli-child.ts <args>), so that the exit code is
 * the process's own and nothing needs `npm run build:cli` first.
 */
import { runCli } from '../../src/cli/main';

void runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
}).then((code) => {
  process.exitCode = code;
});
