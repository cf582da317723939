/**
 * Child process of the bench: in one run, the reader alone over every file of a folder, then the whole merge
 * (read, recognise, check, summarise, write the summary workbook). Prints JSON with both times and peak memory.
 */
import * as XLSX from '@e965/xlsx';
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { mergeReturns } from '../src/core/merge/merge-returns';
import { reportTable, summaryTables } from '../src/core/merge/summaries';
import { readWorkbookFile } from '../src/hosts/xlsx/read-workbook';
import { writeSummaryWorkbook } from '../src/hosts/xlsx/write-summaries';

async function main(): Promise<void> {
  const dir = process.argv[2] as string;
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort();
  let t = performance.now();
  for (const f of files) XLSX.read(fs.readFileSync(path.join(dir, f)), { type: 'buffer' });
  const readerMs = performance.now() - t;
  t = performance.now();
  const returns = files.map((f, i) => ({ file: f, modified: i, sheets: readWorkbookFile(fs.readFileSync(path.join(dir, f))) }));
  const result = mergeReturns(returns, { today: '2026-11-21' });
  const data = await writeSummaryWorkbook([...summaryTables(result), reportTable(result)]);
  const mergeMs = performance.now() - t;
  const records = result.forms.reduce((n, f) => n + f.sheetRecords.length + f.rowRecords.length, 0);
  console.log(JSON.stringify({ files: files.length, readerMs, mergeMs, records, outputBytes: data.length, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
}

void main();
