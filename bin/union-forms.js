#!/usr/bin/env node
'use strict';
const path = require('path');

let cli;
try {
  cli = require(path.join(__dirname, '..', 'dist', 'node', 'cli', 'main.js'));
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND') {
    process.stderr.write('错误：命令行程序尚未编译。请先在项目目录运行 npm ci（或 npm run build:cli）。\n');
    process.exit(1);
  }
  throw err;
}

cli
  .runCli(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    cwd: process.cwd(),
  })
  .then((code) => {
    process.exitCode = code;
  });
