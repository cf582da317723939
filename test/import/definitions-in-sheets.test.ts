import type { CellValue } from '../../src/core/cell-value';
import { sealDefinition } from '../../src/core/definition-envelope';
import { takeCarriedDefinitions } from '../../src/hosts/xlsx/carried-definitions';
import { DEFINITION_SHEET, definitionsInSheets, readEmbeddedDefinitions } from '../../src/hosts/xlsx/definition-sheet';
import { readWorkbookFile } from '../../src/hosts/xlsx/read-workbook';
import { IMPORTED_NOTICE, importedForm, importedReturn } from '../support/imported-return';

/** The pane's worker reads a return's definitions from the sheets it has read already, not from a second unzip. */
describe('definitions read from sheets already read', () => {
  const form = importedForm('notice-2026-13-7');
  const values: Record<string, CellValue> = { unit: '殷行街道工会' };

  it('are those readEmbeddedDefinitions reads from the package, intact or altered', async () => {
    const intact = await importedReturn(form, values);
    const altered = await importedReturn(form, values, (e) => e.replace('主题活动', '读书活动'));
    for (const bytes of [intact, altered]) {
      const { sheets, opened } = definitionsInSheets(readWorkbookFile(bytes));
      expect(opened).toEqual(readEmbeddedDefinitions(bytes));
      expect(sheets.map((s) => s.name)).toEqual([form.sheetName]);
    }
    expect(definitionsInSheets(readWorkbookFile(intact)).opened.map((o) => o.ok && o.form.id)).toEqual([form.id]);
    expect(definitionsInSheets(readWorkbookFile(altered)).opened.map((o) => o.ok || o.problem)).toEqual([
      expect.stringMatching(/^表格定义的校验值不符/),
    ]);
  });

  it('take only text: a number or a date among the pieces is no part of an envelope, and an empty row gives none', () => {
    const envelope = sealDefinition(form, IMPORTED_NOTICE);
    const [a, b] = [envelope.slice(0, 100), envelope.slice(100)];
    const grid: CellValue[][] = [[], [a, 7, new Date(0), '', b]];
    const { opened } = definitionsInSheets([{ name: DEFINITION_SHEET, grid, nameValues: [] }]);
    expect(opened.map((o) => o.ok && o.form)).toEqual([form]);
  });

  it('named after the file when refused, and the return keeps its other sheets and verdicts', () => {
    const grid: CellValue[][] = [['{"format":"other"}']];
    const read = {
      file: '甲.xlsx',
      modified: 3,
      sheets: [
        { name: '表', grid: [['x']], nameValues: [] },
        { name: DEFINITION_SHEET, grid, nameValues: [] },
      ],
    };
    expect(takeCarriedDefinitions(read)).toEqual({
      read: { file: '甲.xlsx', modified: 3, sheets: [{ name: '表', grid: [['x']], nameValues: [] }] },
      found: [],
      refused: ['甲.xlsx：不是本程序写入的表格定义，未使用。'],
    });
    const unreadable = { file: '乙.xlsx', modified: 1, unreadable: '不是 Excel 文件。' };
    expect(takeCarriedDefinitions(unreadable)).toEqual({ read: unreadable, found: [], refused: [] });
  });
});
