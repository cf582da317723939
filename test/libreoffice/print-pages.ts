/**
 * `npm run print-pages [-- --keep DIR]`: the printed pages of the example summary pack (issue 14 §3), per sheet and
 * in all, with the print scale of each sheet and the smallest, as LibreOffice prints them. Generates the example
 * returns (building the command line first if needed), merges them, writes the summary workbook, converts to PDF.
 * With --keep, the returns, workbooks and PDFs stay in DIR.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateExampleReturns, printPack, summariesOfFolder } from './printed-pages';

async function main(): Promise<void> {
  const keep = process.argv.indexOf('--keep');
  const dir =
    keep >= 0 && process.argv[keep + 1]
      ? path.resolve(process.argv[keep + 1] as string)
      : fs.mkdtempSync(path.join(os.tmpdir(), 'uf-print-'));
  fs.mkdirSync(dir, { recursive: true });
  try {
    const tables = await summariesOfFolder(generateExampleReturns(dir));
    const pack = await printPack(tables, path.join(dir, 'print'));
    const width = Math.max(...pack.sheets.map((s) => s.sheet.length));
    console.log(`${'工作表'.padEnd(width)}  页数  列数  方向      页宽  缩放`);
    for (const s of pack.sheets)
      console.log(
        `${s.sheet.padEnd(width)}  ${String(s.pages).padStart(4)}  ${String(s.columns).padStart(4)}  ${s.orientation.padEnd(9)} ${String(s.pagesWide).padStart(4)}  ${s.scale}%`,
      );
    const sum = pack.sheets.reduce((n, s) => n + s.pages, 0);
    const smallest = pack.sheets.reduce((a, b) => (b.scale < a.scale ? b : a));
    console.log(`合计：整个工作簿 ${pack.total} 页（各表单独打印之和 ${sum} 页）；最小缩放 ${smallest.scale}%（${smallest.sheet}）`);
    console.log(
      JSON.stringify({
        total: pack.total,
        sumOfSheets: sum,
        smallestScale: smallest.scale,
        sheets: pack.sheets.map(({ pdf, ...s }) => (pdf ? s : s)),
      }),
    );
    if (keep >= 0) console.log(`文件在 ${dir}`);
  } finally {
    if (keep < 0) fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
