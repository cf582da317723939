/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- ExcelJS objects here (getCell of an .xlsx read back), not Office.js proxies */
import { execFileSync } from 'child_process';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { importGrid } from '../../src/core/import/import-grid';
import type { SelectedGrid } from '../../src/core/import/selected-grid';
import { CATALOGUE } from '../../src/notices';
import { matchForms } from './form-match';

/**
 * Issue 13 §2: a form pasted from Word into a sheet, selected and recognised. The sheets are laid out by openpyxl
 * from the python-docx notices (paste_into_sheet.py: merged cells kept, the block starting at B3) and read back
 * by ExcelJS as the pane reads a selection (the text each cell shows, merged areas, column widths) — neither is
 * the program's own reader or writer. The recognised forms are compared with the hand-made definitions.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pasted-grid-'));
const grids = new Map<string, SelectedGrid>();

const decode = (a1: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(a1) as RegExpExecArray;
  const col = [...(m[1] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]), col };
};

/** What a host reads of a selection: `area` widened by one blank row above and one blank column right, as clerks select. */
async function selectionOf(file: string, area: string): Promise<SelectedGrid> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const ws = book.getWorksheet('Sheet1') as ExcelJS.Worksheet;
  const [from, to] = area.split(':').map(decode) as [{ row: number; col: number }, { row: number; col: number }];
  const top = from.row - 1;
  const left = from.col;
  const bottom = to.row;
  const right = to.col + 1;
  const rows: string[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row: string[] = [];
    for (let c = left; c <= right; c++) {
      const cell = ws.getCell(r, c);
      // A cell covered by a merge shows nothing; ExcelJS gives it the master's value, Excel does not.
      row.push(cell.isMerged && cell.master !== cell ? '' : cell.text);
    }
    rows.push(row);
  }
  const merges = (ws.model.merges ?? []).map((ref) => {
    const [a, b] = ref.split(':').map(decode) as [{ row: number; col: number }, { row: number; col: number }];
    return { row: a.row - top, col: a.col - left, rowCount: b.row - a.row + 1, colCount: b.col - a.col + 1 };
  });
  const columnWidths = Array.from({ length: right - left + 1 }, (_, i) => (ws.getColumn(left + i).width ?? 8.43) * 5.25);
  return { sheetName: 'Sheet1', address: `Sheet1!${area}`, rows, merges, mergesKnown: true, columnWidths };
}

beforeAll(async () => {
  execFileSync('/usr/bin/python3', [path.join(__dirname, 'make_notice_docx.py'), dir]);
  for (const docx of fs.readdirSync(dir).filter((f) => f.endsWith('.docx'))) {
    const listing = execFileSync('/usr/bin/python3', [path.join(__dirname, 'paste_into_sheet.py'), path.join(dir, docx), dir], {
      encoding: 'utf8',
    });
    for (const line of listing.trim().split('\n')) {
      const [file, area] = line.split('\t') as [string, string];
      grids.set(file, await selectionOf(path.join(dir, file), area));
    }
  }
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Without merged areas the grid is guessed from blanks alone: a lower figure, printed per form, held to this floor. */
const WITHOUT_MERGES_FLOOR = 0.55;

const FILES: Record<string, string> = { '000': '000-festival', '002': '002-studio', '004': '004-yangpu' };

describe('a form pasted into a sheet and selected (从所选区域创建)', () => {
  it('lays out one sheet per attachment form', () => {
    expect([...grids.keys()].sort()).toEqual([
      '000-festival-1.xlsx',
      '000-festival-2.xlsx',
      '002-studio-1.xlsx',
      '002-studio-2.xlsx',
      '004-yangpu-1.xlsx',
      '004-yangpu-2.xlsx',
    ]);
  });

  it.each(CATALOGUE.forms.map((f) => f.id))('%s: the form recognised on the grid matches the hand-made one', (id) => {
    const handMade = CATALOGUE.getForm(id);
    const no = /\d+/.exec(handMade.notice.attachment)?.[0] as string;
    const grid = grids.get(`${FILES[handMade.notice.seed as string] as string}-${no}.xlsx`) as SelectedGrid;
    const { form, guesses } = importGrid(grid, '2026-11-29');
    const m = matchForms(handMade, form);
    const pct = (x: [number, number]) => `${x[0]}/${x[1]}`;
    process.stdout.write(
      `grid ${id}: ${(m.share * 100).toFixed(1)}% (labels ${pct(m.labels)}, inputs ${pct(m.inputs)}, types ${pct(m.types)}, lists ${pct(m.lists)})\n`,
    );
    expect(m.share).toBeGreaterThanOrEqual(0.9);
    // Excel before ExcelApi 1.13 gives no merged areas: the same selection read without them
    const bare = matchForms(handMade, importGrid({ ...grid, merges: [], mergesKnown: false }, '2026-11-29').form);
    process.stdout.write(`grid without merges ${id}: ${(bare.share * 100).toFixed(1)}%\n`);
    expect(bare.share).toBeGreaterThanOrEqual(WITHOUT_MERGES_FLOOR);
    expect(form.notice.attachment).toMatch(new RegExp(`^附件${no}\\b`));
    // what the import decided about the form's identity is shown for review
    expect(guesses.map((g) => g.field)).toContain('每份记录');
  });

  it('gives the same id to the same selection, so saving it again replaces the definition', () => {
    const grid = grids.get('004-yangpu-1.xlsx') as SelectedGrid;
    expect(importGrid(grid, '2026-11-29').form.id).toBe(importGrid({ ...grid, address: 'Sheet1!C4:H30' }, '2026-11-29').form.id);
  });

  it('without merged areas (Excel before ExcelApi 1.13) still finds the table and says the merges were not read', () => {
    const grid = grids.get('000-festival-1.xlsx') as SelectedGrid;
    const { form, guesses } = importGrid({ ...grid, merges: [], mergesKnown: false }, '2026-11-29');
    expect(form.bands.some((b) => b.kind === 'rows' && b.rows.some((r) => r.cells.some((c) => c.kind === 'input')))).toBe(true);
    expect(guesses.filter((g) => g.field === '合并单元格' && /1\.13/.test(g.why)).map((g) => g.undecided)).toEqual([true]);
  });

  it('without merged areas, reads a lone label beside blanks as a field, not a line; a "key：" line is no title', () => {
    const grid: SelectedGrid = {
      sheetName: '报名',
      address: '报名!A1:D7',
      rows: [
        ['填报单位：', '', '', ''],
        ['单位名称', '', '', '（盖章）'],
        ['负责人', '', '联系电话', ''],
        ['备注', '', '', ''],
        ['', '', '', ''],
        ['', '', '', ''],
        ['注：请于6月30日前报送。', '', '', ''],
      ],
      merges: [],
      mergesKnown: false,
      columnWidths: [],
    };
    const { form, guesses } = importGrid(grid, '2026-11-29');
    const fields = form.bands
      .flatMap((b) => (b.kind === 'rows' ? b.rows.flatMap((r) => r.cells) : []))
      .flatMap((c) => (c.kind === 'input' ? [c.field.label] : []));
    // 单位名称 and 备注 beside blanks are fields (their blanks joined into one cell each), 填报单位 a line's field
    expect(fields.slice(0, 3)).toEqual(['填报单位', '单位名称', '负责人']);
    expect(fields[fields.length - 1]).toBe('备注');
    expect(fields).toHaveLength(5);
    expect(form.name).toBe('报名');
    expect(guesses.filter((g) => g.undecided).map((g) => g.field)).toEqual(expect.arrayContaining(['标题', '合并单元格']));
    // the two blank rows above the note are spacing, not rows to fill in: the note follows 备注's row
    const labels = form.bands
      .flatMap((b) => (b.kind === 'rows' ? b.rows : []))
      .map((r) => r.cells.map((c) => (c.kind === 'label' ? c.text : '□')).join(''));
    expect(labels.slice(-2)).toEqual(['备注□', '注：请于6月30日前报送。']);
  });

  it('refuses a selection with no table in Chinese', () => {
    const grid: SelectedGrid = {
      sheetName: '草稿',
      address: '草稿!A1:C3',
      rows: [
        ['关于举办比赛的通知', '', ''],
        ['', '', ''],
        ['请各单位按时报送。', '', ''],
      ],
      merges: [],
      mergesKnown: true,
      columnWidths: [],
    };
    expect(() => importGrid(grid, '2026-11-29')).toThrow(/所选区域中没有表格/);
  });
});
