import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { rangeAddress } from '../../src/core/a1';
import { withOnlyMergesAfterCells } from '../../src/hosts/xlsx/sheet-tail';
import { readWorkbookFile } from '../../src/hosts/xlsx/read-workbook';

const bytes = (xml: string) => new TextEncoder().encode(xml);
const text = (data: Uint8Array) => new TextDecoder().decode(data);
const CELLS = '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a &lt;/sheetData&gt; b</t></is></c></row></sheetData>';
const MERGES = '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>';
const CF =
  '<conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"><formula>LEN(A1)&gt;3</formula></cfRule></conditionalFormatting>';
const HEAD = '<?xml version="1.0"?><worksheet xmlns="main"><dimension ref="A1"/>';

describe('a worksheet part cut after its cells to its merges (sheet-tail.ts)', () => {
  it('keeps everything up to the end of the cells, the merges and the closing tag; drops the rest', () => {
    const xml = `${HEAD}${CELLS}<sheetProtection sheet="1"/>${MERGES}${CF}<pageMargins left="0.7"/><extLst><ext/></extLst></worksheet>`;
    expect(text(withOnlyMergesAfterCells(bytes(xml)))).toBe(`${HEAD}${CELLS}${MERGES}</worksheet>`);
  });

  it('reads prefixed tags (x:sheetData, x:mergeCells) as plain ones', () => {
    const xml = `<x:worksheet xmlns:x="main"><x:sheetData><x:row r="1"/></x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:A2"/></x:mergeCells><x:dataValidations count="0"/></x:worksheet>`;
    expect(text(withOnlyMergesAfterCells(bytes(xml)))).toBe(
      '<x:worksheet xmlns:x="main"><x:sheetData><x:row r="1"/></x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:A2"/></x:mergeCells></x:worksheet>',
    );
  });

  it('cuts after an empty <sheetData/> and keeps a sheet without merges to its closing tag', () => {
    expect(text(withOnlyMergesAfterCells(bytes(`${HEAD}<sheetData/>${MERGES}${CF}</worksheet>`)))).toBe(
      `${HEAD}<sheetData/>${MERGES}</worksheet>`,
    );
    expect(text(withOnlyMergesAfterCells(bytes(`${HEAD}${CELLS}${CF}</worksheet>`)))).toBe(`${HEAD}${CELLS}</worksheet>`);
  });

  it('does not take the word sheetData in a formula after the cells for their end', () => {
    const xml = `${HEAD}${CELLS}${MERGES}<conditionalFormatting sqref="A1"><cfRule type="expression"><formula>ISERROR('sheetData'!A1)</formula></cfRule></conditionalFormatting></worksheet>`;
    expect(text(withOnlyMergesAfterCells(bytes(xml)))).toBe(`${HEAD}${CELLS}${MERGES}</worksheet>`);
  });

  it('leaves a part it cannot place whole: no end of cells, or nothing after them to drop', () => {
    for (const xml of [`${HEAD}<sheetData><row r="1"/>`, `${HEAD}${CELLS}${MERGES}</worksheet>`, '<worksheet/>', `${HEAD}<sheetData>`]) {
      expect(text(withOnlyMergesAfterCells(bytes(xml)))).toBe(xml);
    }
  });
});

describe("the same cut where there is no Buffer (the pane's worker in a browser)", () => {
  it('gives the same bytes as on Node.js, non-ASCII text before the cut included', () => {
    const xml = `${HEAD}<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>单位 é ©</t></is></c></row></sheetData>${MERGES}${CF}</worksheet>`;
    const onNode = withOnlyMergesAfterCells(bytes(xml));
    let inBrowser: Uint8Array | undefined;
    const saved = globalThis.Buffer;
    jest.isolateModules(() => {
      // The module reads globalThis.Buffer once, when loaded: hidden while it loads, as in a browser.
      (globalThis as { Buffer?: unknown }).Buffer = undefined;
      try {
        const fresh = require('../../src/hosts/xlsx/sheet-tail') as typeof import('../../src/hosts/xlsx/sheet-tail');
        inBrowser = fresh.withOnlyMergesAfterCells(bytes(xml));
      } finally {
        globalThis.Buffer = saved;
      }
    });
    expect(text(inBrowser!)).toBe(text(onNode));
    expect(text(onNode)).toBe(
      `${HEAD}<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>单位 é ©</t></is></c></row></sheetData>${MERGES}</worksheet>`,
    );
  });
});

describe('a return whose sheets carry much after their cells, written by openpyxl', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'uf-sheet-tail-'));
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('is read to the values and merges openpyxl wrote, sheet by sheet', () => {
    const file = path.join(work, 'return.xlsx');
    const out = execFileSync('/usr/bin/python3', [path.join(__dirname, 'make_tailed_sheet.py'), file], { encoding: 'utf8' });
    const written = JSON.parse(out) as { name: string; values: Record<string, string | number>; merges: string[] }[];
    const sheets = readWorkbookFile(new Uint8Array(fs.readFileSync(file)), 'return.xlsx');
    expect(sheets.map((s) => s.name)).toEqual(written.map((w) => w.name));
    for (const [i, w] of written.entries()) {
      const sheet = sheets[i]!;
      const read: Record<string, unknown> = {};
      sheet.grid.forEach((row, r) =>
        row.forEach((value, c) => {
          if (value !== null && value !== undefined) read[`${String.fromCharCode(65 + c)}${r + 1}`] = value;
        }),
      );
      expect(read).toEqual(w.values);
      expect(sheet.merges.map((m) => rangeAddress(m)).sort()).toEqual([...w.merges].sort());
    }
  });
});
