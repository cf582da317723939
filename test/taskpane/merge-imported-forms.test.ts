import type { CellValue } from '../../src/core/cell-value';
import { readWorkbookFile } from '../../src/hosts/xlsx/read-workbook';
import { DEFINITION_SHEET } from '../../src/hosts/xlsx/definition-sheet';
import { CATALOGUE } from '../../src/notices';
import { createMergeHandler } from '../../src/taskpane/merge/merge-handler';
import type { MergePreview, MergeRequest, MergeResponse, PickedFile } from '../../src/taskpane/merge/merge-protocol';
import { filledFile } from '../support/filled-file';
import { importedForm, importedReturn } from '../support/imported-return';
import { pickedFile } from '../support/in-process-worker';

/** Issue 13 §3 in the pane: the worker merges returns of an imported form by the definition each return carries. */
const TODAY = '2026-06-10';
const FORM = importedForm();
const ADDED = `职工读书活动登记表（${FORM.id} 第 1 版）`;
const ROSTER = ['殷行街道工会', '五角场街道工会'];
const NAMES = { [FORM.id]: '读书活动登记表' };

function reading(unit: string, people: number, title: string): Record<string, CellValue> {
  return {
    unit,
    contact: '张琳',
    contactPhone: '25032216',
    fillDate: '2026-6-1',
    'activities[0].seq': 1,
    'activities[0].name': title,
    'activities[0].form': '读书会',
    'activities[0].schedule': '6月',
    'activities[0].content': `共读《${title}》`,
    'activities[0].participants': people,
  };
}
const VALUES = [reading('殷行街道工会', 40, '平凡的世界'), reading('五角场街道工会', 25, '乡土中国')];

/** Each field's label in the form, by its id: the summaries' headers. */
const LABELS = new Map<string, string>();
JSON.stringify(FORM, (key, value: unknown) => {
  const field = value as { id?: unknown; label?: unknown; type?: unknown };
  if (field && typeof field.id === 'string' && typeof field.label === 'string' && typeof field.type === 'string')
    LABELS.set(field.id, field.label);
  return value;
});

/** The handler driven directly: every response it posts, and the preview of a request's 'done'. */
function handler() {
  const out: MergeResponse[] = [];
  const handle = createMergeHandler((r) => out.push(r), CATALOGUE);
  const ask = async (request: MergeRequest): Promise<MergePreview> => {
    await handle(request);
    const answer = out.find((r) => r.id === request.id && (r.type === 'done' || r.type === 'failed'));
    if (answer?.type !== 'done') throw new Error(`no preview: ${JSON.stringify(answer)}`);
    return answer.preview;
  };
  return { ask };
}

/** The summary tables of a form as data, apart from the names the form gives them (its sheet's name is in the rows). */
const tablesOf = (preview: MergePreview, formId: string, sheetName: string) =>
  preview.summaries
    .filter((t) => t.formId === formId)
    .map(({ header, rows, totals, formats }) => ({
      header,
      rows: rows.map((row) => row.map((v) => (v === sheetName ? '（表格的工作表）' : v))),
      totals,
      formats,
    }));

describe('the merge worker and the definitions returns carry', () => {
  let imported: PickedFile[];
  beforeAll(async () => {
    imported = [
      pickedFile('殷行.xlsx', await importedReturn(FORM, VALUES[0] as Record<string, CellValue>), 1),
      pickedFile('五角场.xlsx', await importedReturn(FORM, VALUES[1] as Record<string, CellValue>), 2),
    ];
  });

  it('merges returns of a form it has no code for, each value as typed, and names the form taken', async () => {
    const { ask } = handler();
    const preview = await ask({ id: 1, type: 'read-files', files: imported, roster: ROSTER, today: TODAY });
    expect(preview.definitions).toEqual({ added: [ADDED], refused: [], notes: [], sheetNames: NAMES });
    expect(preview.inputs.map((i) => [i.file, i.status, i.sheets.map((s) => [s.sheet, s.form, s.unit, s.records])])).toEqual([
      ['殷行.xlsx', 'merged', [['读书活动登记表', FORM.id, '殷行街道工会', 1]]],
      ['五角场.xlsx', 'merged', [['读书活动登记表', FORM.id, '五角场街道工会', 1]]],
    ]);
    // the definition sheet is no sheet of the return: not reported, not merged
    expect(preview.inputs.flatMap((i) => i.sheets.map((s) => s.sheet))).not.toContain(DEFINITION_SHEET);

    // value by value: every field typed (but the 序号), under its own label, in its unit's row; the date as the day typed
    const list = preview.summaries.find((t) => t.formId === FORM.id && t.header.includes(LABELS.get('participants') as string));
    if (!list) throw new Error(`no summary of the activities: ${preview.summaries.map((t) => t.sheetName).join(', ')}`);
    const keys = Object.keys(VALUES[0] as object).filter((k) => !k.endsWith('.seq'));
    // the unit's own column is headed 单位, every other field by its label
    const labelOf = (key: string) => (key === FORM.unitFieldId ? '单位' : LABELS.get(key.replace(/^.*\./, '')));
    const column = (key: string) => list.header.indexOf(labelOf(key) ?? `no label for ${key}`);
    expect(keys.map(column)).not.toContain(-1);
    const typed = (key: string, value: CellValue) => (key === 'fillDate' ? new Date(Date.UTC(2026, 5, 1)) : value);
    expect(list.rows.map((row) => keys.map((k) => row[column(k)]))).toEqual(VALUES.map((v) => keys.map((k) => typed(k, v[k] ?? null))));
    expect(list.totals?.[column('participants')]).toBe(65);
    expect(preview.desk.units.map((u) => [u.unit, u.status])).toEqual([
      ['殷行街道工会', 'complete'],
      ['五角场街道工会', 'complete'],
    ]);
  });

  it('takes the definitions the clerk’s workbook keeps before any a return carries: a return with a differing copy is refused', async () => {
    // a district's copy of the same form and version, changed and sealed again (a checksum is no signature)
    const theirs = { ...FORM, name: '改过的登记表' };
    const returned = pickedFile('长白.xlsx', await importedReturn(theirs, VALUES[0] as Record<string, CellValue>), 3);
    const { ask } = handler();
    const preview = await ask({
      id: 1,
      type: 'read-files',
      files: [returned],
      roster: ROSTER,
      today: TODAY,
      kept: [{ notice: { title: '关于开展职工读书活动的通知', docNo: '杨工〔2026〕13号' }, form: FORM }],
    });
    // the workbook's own is not "added from the files"; the return carrying another copy is not read, and says why
    // (issue 21 §2, as the command line's --forms): its copy would not govern how it is read, nor would ours fit it
    expect(preview.definitions.added).toEqual([]);
    expect(preview.definitions.refused).toEqual([]);
    expect(preview.inputs.map((i) => [i.file, i.status, i.message])).toEqual([
      ['长白.xlsx', 'unreadable', expect.stringMatching(/“改过的登记表”.*与本工作簿中保存的定义不同（模板可能被改过），此文件未使用/)],
    ]);
  });

  it('with no definition of the workbook’s own, reads by the copy most returns carry and refuses the odd one: the first file read does not decide', async () => {
    const theirs = { ...FORM, name: '改过的登记表' };
    const odd = pickedFile('长白.xlsx', await importedReturn(theirs, VALUES[0] as Record<string, CellValue>), 1);
    const files = [
      odd,
      pickedFile('殷行.xlsx', await importedReturn(FORM, VALUES[0] as Record<string, CellValue>), 2),
      pickedFile('五角场.xlsx', await importedReturn(FORM, VALUES[1] as Record<string, CellValue>), 3),
    ];
    const preview = await handler().ask({ id: 1, type: 'read-files', files, roster: ROSTER, today: TODAY });
    expect(preview.definitions.notes).toEqual([expect.stringMatching(/按 3 个文件中 2 个所附的定义读取，其余的文件未使用/)]);
    expect(preview.inputs.map((i) => [i.file, i.status])).toEqual([
      ['长白.xlsx', 'unreadable'],
      ['殷行.xlsx', 'merged'],
      ['五角场.xlsx', 'merged'],
    ]);
  });

  it('summarises an imported form exactly as the built-in form it was made from, given the same values', async () => {
    const builtIn = [
      pickedFile('殷行.xlsx', await filledFile('yangpu-theme-activity', VALUES[0] as Record<string, CellValue>), 1),
      pickedFile('五角场.xlsx', await filledFile('yangpu-theme-activity', VALUES[1] as Record<string, CellValue>), 2),
    ];
    const own = await handler().ask({ id: 1, type: 'read-files', files: builtIn, roster: ROSTER, today: TODAY });
    const carried = await handler().ask({ id: 1, type: 'read-files', files: imported, roster: ROSTER, today: TODAY });
    const ownTables = tablesOf(own, 'yangpu-theme-activity', '主题活动申报表');
    expect(ownTables.length).toBeGreaterThan(0);
    expect(tablesOf(carried, FORM.id, FORM.sheetName)).toEqual(ownTables);
    // a merge of built-in forms only is as before: nothing added, nothing refused
    expect(own.definitions).toEqual({ added: [], refused: [], notes: [], sheetNames: {} });
  });

  it('keeps the catalogue of the last read: a changed roster is summarised again without reading the files', async () => {
    const { ask } = handler();
    let reads = 0;
    const counted = imported.map((f) => ({ ...f, arrayBuffer: () => (reads++, f.arrayBuffer()) }));
    await ask({ id: 1, type: 'read-files', files: counted, roster: ROSTER, today: TODAY });
    const again = await ask({ id: 2, type: 'summarise', roster: [...ROSTER, '长白新村街道工会'], today: TODAY });
    expect(reads).toBe(2);
    expect(again.definitions).toEqual({ added: [ADDED], refused: [], notes: [], sheetNames: NAMES });
    expect(again.missing).toEqual(['长白新村街道工会']);
    expect(again.summaries.find((t) => t.formId === FORM.id && t.header.includes('参与人数'))?.rows).toHaveLength(2);
  });

  describe('a definition altered by hand', () => {
    let altered: PickedFile;
    beforeAll(async () => {
      const bytes = await importedReturn(FORM, reading('长白新村街道工会', 9, '围城'), (envelope) =>
        envelope.replace('主题活动', '读书活动'),
      );
      altered = pickedFile('长白.xlsx', bytes, 3);
    });

    it('is refused, naming the file; its sheet is reported as of no known form, and nothing is summarised', async () => {
      const preview = await handler().ask({ id: 1, type: 'read-files', files: [altered], roster: [], today: TODAY });
      expect(preview.definitions).toEqual({
        added: [],
        sheetNames: {},
        notes: [],
        refused: [expect.stringMatching(/^长白\.xlsx：表格定义的校验值不符/)],
      });
      expect(preview.inputs.map((i) => [i.status, i.sheets.map((s) => [s.sheet, s.form, s.used])])).toEqual([
        ['skipped', [['读书活动登记表', null, false]]],
      ]);
      expect(preview.summaries.filter((t) => t.formId === FORM.id)).toEqual([]);
    });

    it('is refused, while another return’s intact definition of the same form lets both returns merge', async () => {
      const preview = await handler().ask({
        id: 1,
        type: 'read-files',
        files: [altered, imported[0] as PickedFile],
        roster: [],
        today: TODAY,
      });
      expect(preview.definitions).toEqual({
        added: [ADDED],
        sheetNames: NAMES,
        notes: [],
        refused: [expect.stringMatching(/^长白\.xlsx：表格定义的校验值不符/)],
      });
      expect(preview.inputs.map((i) => [i.file, i.status])).toEqual([
        ['长白.xlsx', 'merged'],
        ['殷行.xlsx', 'merged'],
      ]);
    });
  });

  it('takes the definitions of the open workbook too, whose very hidden sheet Office.js reads with the others', async () => {
    // The open workbook's sheets as read-workbook-forms gives them: every sheet, the definition sheet's text cells as strings.
    const bytes = await importedReturn(FORM, VALUES[0] as Record<string, CellValue>);
    const sheets = readWorkbookFile(bytes).map(({ name, grid, nameValues }) => ({ name, grid, nameValues }));
    expect(sheets.map((s) => s.name)).toContain(DEFINITION_SHEET);
    const preview = await handler().ask({
      id: 1,
      type: 'read-returns',
      returns: [{ file: '殷行街道工会报表', modified: 1, sheets }],
      roster: [],
      today: TODAY,
    });
    expect(preview.definitions).toEqual({ added: [ADDED], refused: [], notes: [], sheetNames: NAMES });
    expect(preview.inputs[0]?.sheets.map((s) => [s.sheet, s.form])).toEqual([['读书活动登记表', FORM.id]]);
  });
});
