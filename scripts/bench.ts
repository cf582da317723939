/**
 * npm run bench: figures measured in one run on this machine.
 *  - syncs and operations per insert through Office.js (on the strict fake host), at ExcelApi 1.7 and the newest;
 *  - time to write a form as .xlsx against time to insert it through the adapter (a ratio, same run);
 *  - first-load JavaScript of the built task pane, gzipped (after `npm run build`).
 */
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { gzipSync } from 'zlib';
import { planSheet } from '../src/core/layout';
import { FORMS } from '../src/forms';
import { detectApiSupport } from '../src/hosts/office/api-support';
import { insertForm } from '../src/hosts/office/insert-form';
import { OwnWrites } from '../src/hosts/office/own-writes';
import { writeFormsWorkbook } from '../src/hosts/xlsx/write-workbook';
import { FakeExcelHost, NEWEST_API } from '../test/fake-excel/host';

const ROUNDS = 20;
const FIRST_LOAD_BUDGET = 300 * 1024;

async function insertOnce(formId: string, apiVersion: string) {
  const host = new FakeExcelHost({ apiVersion });
  const support = detectApiSupport((s, v) => host.isSetSupported(s, v));
  const plan = planSheet(FORMS.find((f) => f.id === formId)!);
  const started = performance.now();
  await host.run((ctx) => insertForm(ctx, plan, support, new OwnWrites()));
  return { ms: performance.now() - started, syncs: host.syncCount, ops: host.operationCount };
}

async function median(run: () => Promise<number>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) times.push(await run());
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

function firstLoad(): string {
  const dir = path.join(__dirname, '..', '..', '..', 'dist', 'web');
  const html = path.join(dir, 'taskpane.html');
  if (!fs.existsSync(html)) return 'first-load JS: not built (run ADDIN_URL=https://localhost:3000/ npm run build first)';
  const scripts = [...fs.readFileSync(html, 'utf8').matchAll(/<script[^>]+src="?([^" >]+)"?/g)].map((m) => m[1] as string).filter((s) => !/^https?:/.test(s));
  const rows = scripts.map((s) => {
    const bytes = fs.readFileSync(path.join(dir, s));
    return { file: s, raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
  });
  const total = rows.reduce((n, r) => n + r.gz, 0);
  return [
    ...rows.map((r) => `  ${r.file}: ${(r.raw / 1024).toFixed(1)} KB, gzipped ${(r.gz / 1024).toFixed(1)} KB`),
    `first-load JS gzipped: ${(total / 1024).toFixed(1)} KB of the ${FIRST_LOAD_BUDGET / 1024} KB budget (${((100 * total) / FIRST_LOAD_BUDGET).toFixed(0)}%)`,
  ].join('\n');
}

async function main(): Promise<void> {
  console.log('form                    syncs@1.7 syncs@newest  ops@newest  xlsx ms  insert ms  insert/xlsx');
  for (const form of FORMS) {
    const old = await insertOnce(form.id, '1.7');
    const newest = await insertOnce(form.id, NEWEST_API);
    const plan = planSheet(form);
    const xlsxMs = await median(async () => {
      const t = performance.now();
      await writeFormsWorkbook([plan]);
      return performance.now() - t;
    });
    const insertMs = await median(async () => (await insertOnce(form.id, NEWEST_API)).ms);
    console.log(
      `${form.id.padEnd(24)}${String(old.syncs).padStart(9)}${String(newest.syncs).padStart(13)}${String(newest.ops).padStart(12)}${xlsxMs.toFixed(1).padStart(9)}${insertMs.toFixed(1).padStart(11)}${(insertMs / xlsxMs).toFixed(2).padStart(13)}`,
    );
  }
  console.log(firstLoad());
}

void main();
