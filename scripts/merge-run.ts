/**
 * Child process of the bench: in one run, the reader alone over every file of a folder, then the whole merge
 * (read, recognise, check, summarise, write the summary workbook) through the same path as the CLI and the pane's
 * worker, alternately for ROUNDS rounds. Prints JSON with every round's times and the peak memory.
 */
import * as XLSX from '@e965/xlsx';
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { mergeBuffers } from '../src/hosts/xlsx/merge-buffers';
import { CATALOGUE } from '../src/notices';
import { readWorkbookFile } from '../src/hosts/xlsx/read-workbook';
import { writeSummaryWorkbook } from '../src/hosts/xlsx/write-summaries';

const ROUNDS = 3;

async function main(): Promise<void> {
  const dir = process.argv[2] as string;
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.xlsx'))
    .sort();
  const rounds: { readerMs: number; mergeMs: number }[] = [];
  let records = 0;
  let outputBytes = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let t = performance.now();
    for (const f of files) XLSX.read(fs.readFileSync(path.join(dir, f)), { type: 'buffer' });
    const readerMs = performance.now() - t;
    t = performance.now();
    const buffers = files.map((f, i) => ({ name: f, modified: i, data: fs.readFileSync(path.join(dir, f)) }));
    const { result, summaries, report } = mergeBuffers(buffers, { today: '2026-11-21', catalogue: CATALOGUE });
    const data = await writeSummaryWorkbook([...summaries, report]);
    rounds.push({ readerMs, mergeMs: performance.now() - t });
    records = result.forms.reduce((n, f) => n + f.sheetRecords.length + f.rowRecords.length, 0);
    outputBytes = data.length;
  }
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const readers = await compareReaders(dir, files);
  console.log(JSON.stringify({ files: files.length, rounds, records, outputBytes, peakRssMb, readers }));
}

/** Why SheetJS reads the returns: the same files parsed by it, by ExcelJS, and by the project's guarded reader. */
async function compareReaders(dir: string, files: string[]): Promise<{ sheetjsMs: number; exceljsMs: number; projectMs: number }> {
  const ExcelJS = (await import('exceljs')).default;
  const data = files.map((f) => fs.readFileSync(path.join(dir, f)));
  let t = performance.now();
  for (const d of data) XLSX.read(d, { type: 'buffer' });
  const sheetjsMs = performance.now() - t;
  t = performance.now();
  for (const d of data) await new ExcelJS.Workbook().xlsx.load(d as unknown as ArrayBuffer);
  const exceljsMs = performance.now() - t;
  t = performance.now();
  for (const d of data) readWorkbookFile(d);
  return { sheetjsMs, exceljsMs, projectMs: performance.now() - t };
}

void main();
