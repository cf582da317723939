/**
 * What the add-in keeps in a workbook open in WPS: the roster (a very hidden sheet of its own) and the imported
 * form definitions (UnionForms_定义, the sheet Excel and the .xlsx side keep them in), saved and read back through ET.
 */
import { sealDefinition } from '../../src/core/definition-envelope';
import { openEnvelope } from '../../src/core/open-envelope';
import { DEFINITION_SHEET, envelopePieces, MAX_DEFINITIONS } from '../../src/core/definition-sheet-text';
import type { FormDefinition } from '../../src/core/form-schema';
import { loadRoster, readRosterFromSelection, ROSTER_SHEET, saveRoster } from '../../src/hosts/wps/roster-store';
import { readWorkbookDefinitions, saveWorkbookDefinition } from '../../src/hosts/wps/workbook-definitions';
import { CATALOGUE } from '../../src/notices';
import { KIND_CASE, WORST_CASE } from '../fake-wps/behaviours';
import { FakeEt } from '../fake-wps/fake-et';
import { cellKey, emptyCell, type EtSheetState } from '../fake-wps/state';

const NOTICE = { title: '关于开展合理化建议征集活动的通知', docNo: '沪工总经〔2026〕21号' };
/** A built-in form given a new id: a form the catalogue does not know, already valid. */
const imported = (id: string, change: Partial<FormDefinition> = {}): FormDefinition => ({
  ...CATALOGUE.getForm('yangpu-theme-activity'),
  id,
  ...change,
});

/** A sheet's values by row, as the fake holds them (column A first; empty cells left out). */
function rowsOf(sheet: EtSheetState): unknown[][] {
  const rows: unknown[][] = [];
  for (const [key, cell] of sheet.cells) {
    if (cell.value === null || cell.value === '') continue;
    const [r, c] = key.split(':').map(Number) as [number, number];
    (rows[r] ??= [])[c] = cell.value;
  }
  return rows;
}

describe.each([
  ['worst case', WORST_CASE],
  ['kind case', KIND_CASE],
])('kept in the workbook open in WPS (fake ET, %s)', (_label, behaviours) => {
  const workbook = () => new FakeEt({ behaviours, sheets: ['我的数据'] });

  describe('the roster', () => {
    it('is none in a workbook without it, and reading makes no sheet', () => {
      const et = workbook();
      expect(loadRoster(et.app)).toEqual([]);
      saveRoster(et.app, ['  ', '']);
      expect(et.workbook.sheets.map((s) => s.name)).toEqual(['我的数据']);
    });

    it('is saved in a very hidden sheet as text, the clerk’s sheet still shown, and read back', () => {
      const et = workbook();
      const units = ['黄浦区总工会', ' 徐汇区总工会 ', '黄浦区总工会', '00123', '=静安区', '', '长宁区总工会'];
      saveRoster(et.app, units);
      const sheet = et.sheet(ROSTER_SHEET) as EtSheetState;
      expect(sheet.visible).toBe(2);
      expect(et.workbook.activeSheet?.name).toBe('我的数据');
      expect(rowsOf(sheet)).toEqual([['黄浦区总工会'], ['徐汇区总工会'], ['00123'], ['=静安区'], ['长宁区总工会']]);
      expect(sheet.cells.get(cellKey(3, 0))?.formula).toBeUndefined();
      expect(sheet.cells.get(cellKey(0, 0))?.numberFormat).toBe('@');
      expect(loadRoster(et.app)).toEqual(['黄浦区总工会', '徐汇区总工会', '00123', '=静安区', '长宁区总工会']);
    });

    it('replaces a longer roster whole in one write, and an empty one empties it', () => {
      const et = workbook();
      saveRoster(et.app, ['甲', '乙', '丙', '丁']);
      const before = et.counter.byMember.get('Range.Value2=') ?? 0;
      saveRoster(et.app, ['戊', '己']);
      expect((et.counter.byMember.get('Range.Value2=') ?? 0) - before).toBe(1);
      expect(loadRoster(et.app)).toEqual(['戊', '己']);
      saveRoster(et.app, []);
      expect(loadRoster(et.app)).toEqual([]);
      expect(et.workbook.sheets.filter((s) => s.name === ROSTER_SHEET)).toHaveLength(1);
    });

    it('is read from the selected cells, only as far down as the sheet has values', () => {
      const et = workbook();
      const sheet = et.sheet('我的数据') as EtSheetState;
      ['单位', '黄浦区总工会', '', '徐汇区总工会', '黄浦区总工会'].forEach((v, r) =>
        sheet.cells.set(cellKey(r, 1), { ...emptyCell(), value: v }),
      );
      et.select('我的数据', 'B1:B1048576');
      expect(readRosterFromSelection(et.app)).toEqual(['单位', '黄浦区总工会', '徐汇区总工会']);
    });

    it('a refused save is one Chinese sentence', () => {
      const et = workbook();
      et.failOn('Range.Value2=');
      expect(() => saveRoster(et.app, ['甲'])).toThrow(/^无法把单位名单保存到工作簿：WPS 表格没有完成“保存单位名单”这一步。/);
    });
  });

  describe('imported definitions', () => {
    it('reads none from a workbook without the sheet, and makes none', async () => {
      const et = workbook();
      expect(await readWorkbookDefinitions(et.app)).toEqual([]);
      expect(et.sheet(DEFINITION_SHEET)).toBeUndefined();
    });

    it('adds the sheet very hidden, the clerk’s sheet still shown, its cells text; reads back what was saved', async () => {
      const et = workbook();
      const form = imported('notice-2026-21-1');
      expect(saveWorkbookDefinition(et.app, form, NOTICE)).toBe('added');
      const sheet = et.sheet(DEFINITION_SHEET) as EtSheetState;
      expect(sheet.visible).toBe(2);
      expect(et.workbook.activeSheet?.name).toBe('我的数据');
      expect(rowsOf(sheet)).toEqual([envelopePieces(sealDefinition(form, NOTICE))]);
      expect([...sheet.cells.values()].every((c) => c.numberFormat === '@')).toBe(true);
      const [read] = await readWorkbookDefinitions(et.app);
      expect(read?.ok && read.form).toEqual(form);
      expect(read?.ok && read.notice).toEqual(NOTICE);
    });

    it('replaces the row of the same form and version, adds a row for another', async () => {
      const et = workbook();
      saveWorkbookDefinition(et.app, imported('notice-2026-21-1'), NOTICE);
      saveWorkbookDefinition(et.app, imported('notice-2026-21-2'), NOTICE);
      const changed = imported('notice-2026-21-1', { name: '改过名字的表' });
      expect(saveWorkbookDefinition(et.app, changed, NOTICE)).toBe('replaced');
      const read = await readWorkbookDefinitions(et.app);
      expect(read.map((r) => r.ok && [r.form.id, r.form.name])).toEqual([
        ['notice-2026-21-1', '改过名字的表'],
        ['notice-2026-21-2', imported('x').name],
      ]);
    });

    it('reads a sheet another writer left (protected, rows as the .xlsx side cuts them), and writes to it', async () => {
      const et = new FakeEt({ behaviours, sheets: ['我的数据', DEFINITION_SHEET] });
      const sheet = et.sheet(DEFINITION_SHEET) as EtSheetState;
      sheet.visible = 2;
      sheet.protection = { protected: true, password: '', allow: {} };
      const first = imported('notice-2026-21-1');
      envelopePieces(sealDefinition(first, NOTICE)).forEach((piece, c) =>
        sheet.cells.set(cellKey(0, c), { ...emptyCell(), numberFormat: '@', value: piece }),
      );
      expect((await readWorkbookDefinitions(et.app)).map((r) => r.ok && r.form.id)).toEqual(['notice-2026-21-1']);
      expect(saveWorkbookDefinition(et.app, imported('notice-2026-21-2'), NOTICE)).toBe('added');
      expect(rowsOf(sheet).map((row) => openEnvelope(row.join('')).ok)).toEqual([true, true]);
    });

    it('refuses a new form once the workbook keeps the most, before changing anything', () => {
      const et = workbook();
      const sheet = () => et.sheet(DEFINITION_SHEET) as EtSheetState;
      saveWorkbookDefinition(et.app, imported('notice-2026-21-0'), NOTICE);
      const row = [...sheet().cells].filter(([k]) => k.startsWith('0:')).map(([, c]) => c.value as string);
      for (let r = 1; r < MAX_DEFINITIONS; r++)
        row.forEach((v, c) => sheet().cells.set(cellKey(r, c), { ...emptyCell(), numberFormat: '@', value: v }));
      const before = JSON.stringify([...sheet().cells]);
      expect(() => saveWorkbookDefinition(et.app, imported('notice-2026-21-99'), NOTICE)).toThrow(
        new RegExp(`^工作簿中已保存了 ${MAX_DEFINITIONS} 个导入的表格定义，不能再添加`),
      );
      expect(JSON.stringify([...sheet().cells])).toBe(before);
    });
  });
});
