import { sealDefinition } from '../../src/core/definition-envelope';
import { openEnvelope } from '../../src/core/open-envelope';
import { DEFINITION_SHEET, envelopePieces, MAX_DEFINITIONS } from '../../src/core/definition-sheet-text';
import { UserError } from '../../src/core/errors';
import type { FormDefinition } from '../../src/core/form-schema';
import type { ContextSurface } from '../../src/hosts/office/excel-surface';
import { readWorkbookDefinitions, saveWorkbookDefinition } from '../../src/hosts/office/workbook-definitions';
import { CATALOGUE } from '../../src/notices';
import type { FakeExcelHost } from '../fake-excel/host';
import { hostFor, type PlatformProfile } from '../fake-excel/platforms';
import type { SheetState } from '../fake-excel/state';
import { forEachPlatform } from './for-each-platform';

const NOTICE = { title: '关于开展合理化建议征集活动的通知', docNo: '沪工总经〔2026〕21号' };
/** A built-in form given a new id: a form the catalogue does not know, already valid. */
const imported = (id: string, change: Partial<FormDefinition> = {}): FormDefinition => ({
  ...CATALOGUE.getForm('yangpu-theme-activity'),
  id,
  ...change,
});

function setUp(platform: PlatformProfile) {
  const host = hostFor(platform);
  const first = host.state.addSheet('Sheet1');
  host.state.activeSheetId = first.id;
  const run = <T>(batch: (context: ContextSurface) => Promise<T>) => host.run(batch);
  return { host, first, run };
}

/** The definition sheet's rows as the fake holds them: each row's cell values, from column A to its last cell. */
function rowsOf(host: FakeExcelHost): (string | number | boolean | null)[][] {
  const sheet = host.state.sheet(DEFINITION_SHEET) as SheetState;
  const rows: (string | number | boolean | null)[][] = [];
  for (const [k, cell] of sheet.cells) {
    const [r, c] = k.split(':').map(Number) as [number, number];
    if (cell.value === null || cell.value === '') continue;
    (rows[r] ??= [])[c] = cell.value;
  }
  return rows;
}

/** Syncs a batch takes. */
async function syncsOf<T>(host: FakeExcelHost, batch: () => Promise<T>): Promise<{ result: T; syncs: number }> {
  const before = host.syncCount;
  const result = await batch();
  return { result, syncs: host.syncCount - before };
}

forEachPlatform((platform) => {
  describe('imported definitions kept in the open workbook (a very hidden sheet)', () => {
    it('reads none, in one sync, from a workbook without the sheet', async () => {
      const { host, run } = setUp(platform);
      const { result, syncs } = await syncsOf(host, () => run((c) => readWorkbookDefinitions(c)));
      expect(result).toEqual([]);
      expect(syncs).toBe(1);
      expect(host.state.sheet(DEFINITION_SHEET)).toBeUndefined();
    });

    it('adds the sheet very hidden, not active, its cells text; reads back what was saved (save 2 syncs, read 2)', async () => {
      const { host, first, run } = setUp(platform);
      const form = imported('notice-2026-21-1');
      const saved = await syncsOf(host, () => run((c) => saveWorkbookDefinition(c, form, NOTICE)));
      expect(saved.result).toBe('added');
      // one to find no sheet, one to write
      expect(saved.syncs).toBe(2);
      const sheet = host.state.sheet(DEFINITION_SHEET) as SheetState;
      expect(sheet.visibility).toBe('VeryHidden');
      expect(host.state.activeSheetId).toBe(first.id);
      expect(sheet.protection.protected).toBe(false);
      const pieces = envelopePieces(sealDefinition(form, NOTICE));
      expect(rowsOf(host)).toEqual([pieces]);
      pieces.forEach((_, c) => expect(host.state.peek(sheet, 0, c)?.numberFormat).toBe('@'));

      const read = await syncsOf(host, () => run((c) => readWorkbookDefinitions(c)));
      // one to find the sheet, one for its cells: nothing is asked of a sheet not known to exist
      expect(read.syncs).toBe(2);
      expect(read.result).toEqual([{ ok: true, notice: NOTICE, form }]);
    });

    it('replaces the row of the same form id and version; another form, or another version, gets a row of its own', async () => {
      const { host, run } = setUp(platform);
      await run((c) => saveWorkbookDefinition(c, imported('notice-2026-21-1'), NOTICE));
      const renamed = imported('notice-2026-21-1', { name: '改过名字的登记表' });
      const again = await syncsOf(host, () => run((c) => saveWorkbookDefinition(c, renamed, NOTICE)));
      expect(again.result).toBe('replaced');
      expect(again.syncs).toBe(3);
      expect(rowsOf(host)).toHaveLength(1);

      const second = imported('notice-2026-21-2');
      expect(await run((c) => saveWorkbookDefinition(c, second, NOTICE))).toBe('added');
      const newer = imported('notice-2026-21-1', { version: 2 });
      expect(await run((c) => saveWorkbookDefinition(c, newer, NOTICE))).toBe('added');
      expect(rowsOf(host)).toHaveLength(3);
      const read = await run((c) => readWorkbookDefinitions(c));
      expect(read).toEqual([
        { ok: true, notice: NOTICE, form: renamed },
        { ok: true, notice: NOTICE, form: second },
        { ok: true, notice: NOTICE, form: newer },
      ]);
    });

    it('empties the cells a longer old row had past the new envelope’s end', async () => {
      const { host, run } = setUp(platform);
      const long = imported('notice-2026-21-1', { description: '一段很长的填表说明。'.repeat(4000) });
      expect(envelopePieces(sealDefinition(long, NOTICE)).length).toBeGreaterThan(1);
      await run((c) => saveWorkbookDefinition(c, long, NOTICE));
      expect(rowsOf(host)[0]!.length).toBeGreaterThan(1);
      const short = imported('notice-2026-21-1', { description: '简短的说明。' });
      expect(await run((c) => saveWorkbookDefinition(c, short, NOTICE))).toBe('replaced');
      expect(rowsOf(host)).toEqual([envelopePieces(sealDefinition(short, NOTICE))]);
      expect(await run((c) => readWorkbookDefinitions(c))).toEqual([{ ok: true, notice: NOTICE, form: short }]);
    });

    it('refuses, in Chinese, a definition row changed by hand (one character of a piece)', async () => {
      const { host, run } = setUp(platform);
      await run((c) => saveWorkbookDefinition(c, imported('notice-2026-21-1'), NOTICE));
      await run((c) => saveWorkbookDefinition(c, imported('notice-2026-21-2'), NOTICE));
      const cell = host.state.peek(host.state.sheet(DEFINITION_SHEET) as SheetState, 1, 0)!;
      const text = cell.value as string;
      expect(text).toContain('合理化建议');
      cell.value = text.replace('合理化建议', '合理化建意');
      const read = await run((c) => readWorkbookDefinitions(c));
      expect(read[0]).toMatchObject({ ok: true });
      expect(read[1]).toEqual({ ok: false, problem: expect.stringContaining('校验值不符') as unknown });
      expect(openEnvelope(cell.value as string).ok).toBe(false);
    });

    it(`keeps at most ${MAX_DEFINITIONS} definitions: a new one past them is refused in Chinese, a replacement is not`, async () => {
      const { host, run } = setUp(platform);
      const sheet = host.state.addSheet(DEFINITION_SHEET);
      sheet.visibility = 'VeryHidden';
      for (let r = 0; r < MAX_DEFINITIONS; r++)
        envelopePieces(sealDefinition(imported(`notice-2026-21-${r + 1}`), NOTICE)).forEach((piece, c) => {
          const cell = host.state.cell(sheet, r, c);
          cell.numberFormat = '@';
          cell.value = piece;
        });
      const before = host.state.clone();
      const refused = run((c) => saveWorkbookDefinition(c, imported('notice-2026-21-99'), NOTICE));
      await expect(refused).rejects.toBeInstanceOf(UserError);
      await expect(refused).rejects.toThrow(`已保存了 ${MAX_DEFINITIONS} 个`);
      expect(host.state.clone()).toEqual(before);
      const renamed = imported('notice-2026-21-7', { name: '第七张表' });
      expect(await run((c) => saveWorkbookDefinition(c, renamed, NOTICE))).toBe('replaced');
      const read = await run((c) => readWorkbookDefinitions(c));
      expect(read).toHaveLength(MAX_DEFINITIONS);
      expect(read[6]).toEqual({ ok: true, notice: NOTICE, form: renamed });
    });

    it('writes into a sheet another writer protected (as the .xlsx side does) or left merely hidden', async () => {
      const { host, run } = setUp(platform);
      const sheet = host.state.addSheet(DEFINITION_SHEET);
      sheet.protection = { protected: true, options: undefined, password: undefined };
      sheet.visibility = 'Hidden';
      const form = imported('notice-2026-21-1');
      const saved = await syncsOf(host, () => run((c) => saveWorkbookDefinition(c, form, NOTICE)));
      expect(saved).toEqual({ result: 'added', syncs: 3 });
      expect(sheet.visibility).toBe('VeryHidden');
      expect(sheet.protection.protected).toBe(false);
      expect(await run((c) => readWorkbookDefinitions(c))).toEqual([{ ok: true, notice: NOTICE, form }]);
    });

    it('tells a failed write in Chinese, with Excel’s reason', async () => {
      const { host, run } = setUp(platform);
      host.options.failAt = { sync: host.syncCount + 2, afterOps: 0, code: 'GeneralException' };
      await expect(run((c) => saveWorkbookDefinition(c, imported('notice-2026-21-1'), NOTICE))).rejects.toThrow(
        /^无法把“.+”的表格定义保存到工作簿：Excel 内部出错/,
      );
    });
  });

  describe('the fake host: sheet visibility, as Excel has it', () => {
    it('lists a very hidden sheet among the worksheets, and keeps one sheet visible at least', async () => {
      const { host, run } = setUp(platform);
      const hidden = host.state.addSheet('藏起来');
      hidden.visibility = 'VeryHidden';
      const listed = await run(async (c) => {
        const sheets = c.workbook.worksheets;
        sheets.load('items/name,items/visibility');
        await c.sync();
        return sheets.items.map((s) => [s.name, s.visibility]);
      });
      expect(listed).toEqual([
        ['Sheet1', 'Visible'],
        ['藏起来', 'VeryHidden'],
      ]);
      await expect(
        run(async (c) => {
          c.workbook.worksheets.getItem('Sheet1').visibility = 'Hidden';
          await c.sync();
        }),
      ).rejects.toMatchObject({ code: 'InvalidOperation' });
    });

    it('clears the undo stack on setting a visibility where the undo page says it is not undoable (Windows, Mac)', async () => {
      const { host, run } = setUp(platform);
      host.state.addSheet('另一张');
      host.userEdit('Sheet1', { A1: '有人输入' });
      await run(async (c) => {
        c.workbook.worksheets.getItem('另一张').visibility = 'Hidden';
        await c.sync();
      });
      const clears = platform.options.sheetNameClearsUndo ?? true;
      expect(host.state.undoStack.some((r) => r.by === 'person')).toBe(!clears);
    });
  });
});
