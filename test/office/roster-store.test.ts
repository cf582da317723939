import type { ContextSurface } from '../../src/hosts/office/excel-surface';
import {
  loadRoster,
  memoryRosterStore,
  readRosterFromSelection,
  saveRoster,
  workbookRosterStore,
} from '../../src/hosts/office/roster-store';
import { parseRosterXml, ROSTER_NAMESPACE, rosterXml } from '../../src/hosts/office/roster-xml';
import type { FakeHostOptions } from '../fake-excel/host';
import { hostFor, type PlatformProfile } from '../fake-excel/platforms';
import { forEachPlatform } from './for-each-platform';

function setUp(platform: PlatformProfile, options: FakeHostOptions = { apiVersion: '1.7' }) {
  const host = hostFor(platform, options);
  host.state.addSheet('名单');
  const run = <T>(batch: (context: ContextSurface) => Promise<T>) => host.run(batch);
  return { host, run };
}

const UNITS = [
  '黄浦区总工会',
  '  徐汇区总工会 ',
  '徐汇区总工会',
  '',
  'A & B <公司> "引号" \'撇号\'',
  '𠀀𪚥 区局',
  '控制\u0001字符',
  '=HYPERLINK("x")',
];
const CLEAN = ['黄浦区总工会', '徐汇区总工会', 'A & B <公司> "引号" \'撇号\'', '𠀀𪚥 区局', '控制字符', '=HYPERLINK("x")'];

forEachPlatform((platform) => {
  describe('the roster remembered in the workbook (a custom XML part, ExcelApi 1.5)', () => {
    it('round-trips through the workbook at ExcelApi 1.7, as one part in its own namespace', async () => {
      const { host, run } = setUp(platform);
      expect(await loadRoster(run)).toEqual([]);
      await saveRoster(run, UNITS);
      expect(host.state.customXmlParts).toHaveLength(1);
      expect(host.state.customXmlParts[0]?.namespaceUri).toBe(ROSTER_NAMESPACE);
      const before = host.syncCount;
      expect(await loadRoster(run)).toEqual(CLEAN);
      expect(host.syncCount - before).toBe(2);
      await saveRoster(run, ['静安区总工会']);
      expect(host.state.customXmlParts).toHaveLength(1);
      expect(await workbookRosterStore(run).load()).toEqual(['静安区总工会']);
      await workbookRosterStore(run).save([' ', '']);
      expect(host.state.customXmlParts).toHaveLength(0);
      expect(await loadRoster(run)).toEqual([]);
    });

    it('a save cut short after the new part was added is finished; cut short before, it changed nothing', async () => {
      const { host, run } = setUp(platform);
      await saveRoster(run, ['旧名单单位']);
      await new Promise((r) => setTimeout(r, 2));
      host.options.failAt = { sync: host.syncCount + 2, afterOps: 1 };
      await saveRoster(run, ['新名单单位']);
      expect(host.state.customXmlParts).toHaveLength(1);
      expect(await loadRoster(run)).toEqual(['新名单单位']);
      host.options.failAt = { sync: host.syncCount + 2, afterOps: 0 };
      await expect(saveRoster(run, ['第三份'])).rejects.toThrow(/^无法把单位名单保存到工作簿：/);
      expect(host.state.customXmlParts).toHaveLength(1);
      expect(await loadRoster(run)).toEqual(['新名单单位']);
    });

    it('reads parts Excel may give back with prefixes, a declaration or CDATA', () => {
      const xml = `<?xml version="1.0" encoding="UTF-8"?><ns0:roster xmlns:ns0="${ROSTER_NAMESPACE}" saved="2026-01-01T00:00:00.000Z"><ns0:unit>A &amp; B</ns0:unit><ns0:unit/><ns0:unit><![CDATA[<甲>]]></ns0:unit><ns0:unit>&#x20000;&#27784;</ns0:unit></ns0:roster>`;
      expect(parseRosterXml(xml)).toEqual({ saved: '2026-01-01T00:00:00.000Z', units: ['A & B', '<甲>', '𠀀沈'] });
      expect(parseRosterXml(rosterXml(UNITS, new Date(0)))).toEqual({ saved: '1970-01-01T00:00:00.000Z', units: CLEAN });
    });

    it('a memory store for outside Excel behaves the same', async () => {
      const store = memoryRosterStore(['甲']);
      expect(await store.load()).toEqual(['甲']);
      await store.save(UNITS);
      expect(await store.load()).toEqual(CLEAN);
    });

    it('reads the selected cells as unit names in one sync, even when whole columns are selected', async () => {
      const { host, run } = setUp(platform);
      const sheet = host.state.sheet('名单')!;
      ['黄浦区总工会', '', '徐汇区总工会', '黄浦区总工会'].forEach((v, r) => (host.state.cell(sheet, 2 + r, 1).value = v || null));
      host.state.cell(sheet, 3, 2).value = 12345;
      host.state.cell(sheet, 9, 5).value = '选区之外';
      host.state.selection = { sheetId: sheet.id, address: 'B1:C1048576' };
      const before = host.syncCount;
      expect(await readRosterFromSelection(run)).toEqual(['黄浦区总工会', '12345', '徐汇区总工会']);
      expect(host.syncCount - before).toBe(1);
      host.state.selection = { sheetId: sheet.id, address: 'H1:H9' };
      expect(await readRosterFromSelection(run)).toEqual([]);
    });

    it('another workbook in front, or a cell being edited: said as such, not as a selection of several blocks', async () => {
      const said = async (options: FakeHostOptions, act: (host: ReturnType<typeof setUp>['host']) => void) => {
        const { host, run } = setUp(platform, { apiVersion: '1.7', ...options });
        const sheet = host.state.sheet('名单')!;
        host.state.selection = { sheetId: sheet.id, address: 'B1:B3' };
        act(host);
        return readRosterFromSelection(run).then(
          () => 'read',
          (e: Error) => e.message,
        );
      };
      const away = await said({ workbookSwitchCode: 'InactiveWorkbook' }, (h) => h.userSwitchWorkbook(true));
      const editing = await said({ cellEditMode: true, cellEditCode: 'InvalidOperation' }, () => undefined);
      const several = await said({}, (h) => (h.state.selection = { sheetId: h.state.sheet('名单')!.id, address: 'B1:B3,D1' }));
      expect(away).toBe(
        platform.name === 'web' ? 'read' : '无法读取选中的单元格：Excel 拒绝了这次操作：另一个工作簿正在前台。请切换回本工作簿，再试一次。',
      );
      expect(editing).toMatch(/^无法读取选中的单元格：.*请先按 Enter 或 Esc 结束编辑/);
      expect(several).toMatch(/^无法读取选中的单元格：请只选中一块连续的单元格/);
      // Never Excel's own (English) words: only the names of Excel and of its keys.
      expect([editing, several, platform.name === 'web' ? '' : away].join('').replace(/Excel|Enter|Esc/g, '')).not.toMatch(/[A-Za-z]{3,}/);
    });
  });
});
