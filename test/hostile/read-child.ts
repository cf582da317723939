/**
 * Child process of guard.ts: reads one returned file with the reader every merge path uses and prints one JSON
 * line with the time, the process's peak memory before and after, and what was read.
 * usage: node -r ./test/hostile/register-ts.js test/hostile/read-child.ts FILE
 */
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { readReturnBuffer } from '../../src/hosts/xlsx/merge-buffers';

const file = process.argv[2] as string;
const data = new Uint8Array(fs.readFileSync(file));
const baseKb = process.resourceUsage().maxRSS;
process.stdout.write(`${JSON.stringify({ ready: true, baseKb })}\n`);
const started = performance.now();
const read = readReturnBuffer({ name: path.basename(file), modified: 0, data });
const ms = performance.now() - started;
const peakKb = process.resourceUsage().maxRSS;
const sheets =
  'sheets' in read
    ? read.sheets.map((s) => ({ name: s.name, rows: s.grid.length, cols: Math.max(0, ...s.grid.map((r) => r.length)) }))
    : undefined;
process.stdout.write(
  `${JSON.stringify({ done: true, ms, baseKb, peakKb, unreadable: 'unreadable' in read ? read.unreadable : undefined, sheets })}\n`,
);
