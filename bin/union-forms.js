#!/usr/bin/env node
'use strict';
const path = require('path');

const main = path.join(__dirname, '..', 'dist', 'node', 'cli', 'main.js');
let cli;
try {
  cli = require(main);
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND') {
    // Node names the module it could not find first in the message: the compiled program itself, or a dependency.
    const missing = /'([^']+)'/.exec(String(err.message));
    if (missing && missing[1] !== main) {
      process.stderr.write(`错误：缺少程序需要的模块“${missing[1]}”。请在项目目录重新运行 npm ci。\n`);
    } else {
      process.stderr.write('错误：命令行程序尚未编译。请先在项目目录运行 npm ci（或 npm run build:cli）。\n');
    }
    process.exit(1);
  }
  throw err;
}

// Output piped into a program that stops reading early (`| head`): stop quietly, as other command-line tools do.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (err) => {
    if (err && err.code === 'EPIPE') process.exit(process.exitCode || 0);
    throw err;
  });
cli.useNativeInflate();
cli
  .runCli(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    cwd: process.cwd(),
  })
  .then((code) => {
    process.exitCode = code;
  });
