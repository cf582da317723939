/**
 * The summary pack as it prints (issue 14 §3): the example returns merged the way the command line merges them,
 * the summary workbook written by the .xlsx writer, and LibreOffice's PDF of it — the whole pack, and each sheet on
 * its own so that its pages can be counted. Used by printed-pages.test.ts and by `npm run print-pages`.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { summariseReturns } from '../../src/app/merge-returns';
import type { SummaryTable } from '../../src/core/merge/summaries';
import { planSummary, type SummaryPlanOptions } from '../../src/core/merge/summary-plan';
import { findInputs } from '../../src/hosts/node/find-inputs';
import { readReturnFile } from '../../src/hosts/node/read-return';
import { writeSummaryWorkbook } from '../../src/hosts/xlsx/write-summaries';
import { CATALOGUE } from '../../src/notices';
import { libreOfficeConvert, requireTool } from '../support/libreoffice';

const ROOT = path.join(__dirname, '..', '..');
/** A fixed footer, so that the pack prints the same every day. */
const PLAN_OPTIONS: SummaryPlanOptions = { issuer: '上海市总工会', date: '2026-11-21' };

export interface SheetPrint {
  sheet: string;
  /** Pages LibreOffice prints for the sheet alone. */
  pages: number;
  /** Pages wide the plan fits the sheet to, and the print scale (percent) that comes to. */
  pagesWide: number;
  scale: number;
  orientation: 'portrait' | 'landscape';
  columns: number;
  /** The sheet's own PDF. */
  pdf: string;
}

export interface PrintedPack {
  sheets: SheetPrint[];
  /** Pages of the whole workbook printed at once. */
  total: number;
  pdf: string;
}

/** Pages of a PDF, as pdfinfo counts them. */
export function pdfPages(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = /^Pages:\s+(\d+)/m.exec(info);
  if (!pages) throw new Error(`pdfinfo gave no page count for ${pdf}`);
  return Number(pages[1]);
}

/** The text of one page (one-based) of a PDF, as pdftotext reads it. */
export function pageText(pdf: string, page: number): string {
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], { encoding: 'utf8' });
}

/** The example returns (examples/generate-returns.js, which needs the built command line) in `dir`/returns. */
export function generateExampleReturns(dir: string): string {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'node', 'cli', 'main.js')))
    execFileSync('npm', ['run', 'build:cli'], { cwd: ROOT, stdio: 'ignore' });
  const returns = path.join(dir, 'returns');
  execFileSync(process.execPath, [path.join(ROOT, 'examples', 'generate-returns.js'), returns], { stdio: 'pipe' });
  return returns;
}

/** The summary tables and 合并报告 of a folder of returns, merged as `union-forms merge DIR --roster DIR/roster.txt` does. */
export async function summariesOfFolder(returns: string): Promise<SummaryTable[]> {
  const rosterFile = path.join(returns, 'roster.txt');
  const roster = fs.existsSync(rosterFile)
    ? fs
        .readFileSync(rosterFile, 'utf8')
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)
    : undefined;
  const { found } = await findInputs([returns], process.cwd(), [rosterFile]);
  const files = [];
  for (const f of found.filter((f) => f.role.role === 'return')) files.push(await readReturnFile(f.fullPath, f.file));
  const { summaries, report } = summariseReturns(files, { today: '2026-11-21', roster, catalogue: CATALOGUE });
  return [...summaries, report];
}

/** Writes the pack and each sheet alone into `work`, prints them all to PDF with LibreOffice (one process) and counts. */
export async function printPack(tables: readonly SummaryTable[], work: string): Promise<PrintedPack> {
  requireTool('pdfinfo');
  requireTool('pdftotext');
  fs.mkdirSync(work, { recursive: true });
  const whole = path.join(work, 'pack.xlsx');
  fs.writeFileSync(whole, await writeSummaryWorkbook(tables, PLAN_OPTIONS));
  const single: string[] = [];
  for (const [i, table] of tables.entries()) {
    const file = path.join(work, `sheet-${String(i + 1).padStart(2, '0')}.xlsx`);
    fs.writeFileSync(file, await writeSummaryWorkbook([table], PLAN_OPTIONS));
    single.push(file);
  }
  const pdfDir = path.join(work, 'pdf');
  fs.mkdirSync(pdfDir, { recursive: true });
  const [wholePdf, ...pdfs] = libreOfficeConvert([whole, ...single], 'pdf', pdfDir) as [string, ...string[]];
  const sheets = tables.map((table, i): SheetPrint => {
    const plan = planSummary(table, PLAN_OPTIONS);
    const pdf = pdfs[i] as string;
    return {
      sheet: table.sheetName,
      pages: pdfPages(pdf),
      pagesWide: plan.print.fitToWidth,
      scale: plan.print.scale,
      orientation: plan.print.orientation,
      columns: plan.columns,
      pdf,
    };
  });
  return { sheets, total: pdfPages(wholePdf), pdf: wholePdf };
}
