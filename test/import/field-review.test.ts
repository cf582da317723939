import { editForm, reviewFields } from '../../src/core/import/field-review';
import { importGrid } from '../../src/core/import/import-grid';
import type { SelectedGrid } from '../../src/core/import/selected-grid';

/** A registration form typed into a sheet by a clerk: title, unit line, four labelled cells, a list of three rows. */
const GRID: SelectedGrid = {
  sheetName: '登记',
  address: '登记!A1:D9',
  rows: [
    ['合理化建议登记表', '', '', ''],
    ['填报单位：', '', '', ''],
    ['建议名称', '', '提出人数', ''],
    ['建议内容（200字内）', '', '', ''],
    ['序号', '姓名', '联系电话', '采纳日期'],
    ['1', '', '', ''],
    ['2', '', '', ''],
    ['3', '', '', ''],
    ['注：表格不够可另附。', '', '', ''],
  ],
  merges: [
    { row: 0, col: 0, rowCount: 1, colCount: 4 },
    { row: 3, col: 1, rowCount: 1, colCount: 3 },
  ],
  mergesKnown: true,
  columnWidths: [80, 80, 80, 80],
};

const form = importGrid(GRID, '2026-11-29').form;

describe('reviewing the fields of an imported form before saving it', () => {
  it('lists every field in print order with its guessed type, limit and whether it is a list column', () => {
    const fields = reviewFields(form).map((f) => `${f.label}:${f.type}:${f.maxLength ?? '-'}:${f.inList ? 'list' : 'cell'}`);
    expect(fields).toEqual([
      '填报单位:text:-:cell',
      '建议名称:text:-:cell',
      '提出人数:integer:-:cell',
      '建议内容:longText:200:cell',
      '序号:integer:-:list',
      '姓名:text:-:list',
      '联系电话:phone:-:list',
      '采纳日期:date:-:list',
    ]);
  });

  it('applies a person’s edits: label, type, required, limit; the result passes the schema', () => {
    const byLabel = Object.fromEntries(reviewFields(form).map((f) => [f.label, f.key]));
    const edited = editForm(form, {
      name: '2026年合理化建议登记表',
      fields: {
        [byLabel['建议名称'] as string]: { label: '建议题目', required: false, maxLength: 40 },
        [byLabel['建议内容'] as string]: { maxLength: null },
        [byLabel['采纳日期'] as string]: { type: 'choice', options: ['已采纳', '未采纳'] },
      },
    });
    if (!edited.ok) throw new Error(edited.problems.join('\n'));
    const after = Object.fromEntries(reviewFields(edited.form).map((f) => [f.key, f]));
    expect(edited.form.name).toBe('2026年合理化建议登记表');
    expect(after[byLabel['建议名称'] as string]).toMatchObject({ label: '建议题目', required: false, maxLength: 40, type: 'text' });
    expect(after[byLabel['建议内容'] as string]?.maxLength).toBeUndefined();
    expect(after[byLabel['采纳日期'] as string]).toMatchObject({ type: 'choice', options: ['已采纳', '未采纳'] });
    // the original is untouched, and a list column named like a cell field is a field of its own
    expect(reviewFields(form).find((f) => f.label === '建议名称')?.required).toBe(true);
    expect(after[byLabel['姓名'] as string]).toMatchObject({ type: 'text', inList: true });
  });

  it('refuses edits the schema rejects, in Chinese, naming the field by its label', () => {
    const id = reviewFields(form).find((f) => f.label === '建议名称')?.key as string;
    const phone = reviewFields(form).find((f) => f.label === '联系电话')?.key as string;
    const choice = editForm(form, { fields: { [id]: { type: 'choice', options: ['只有一个'] } } });
    expect(choice).toEqual({ ok: false, problems: ['栏目“建议名称”改为单选，至少要给出两个选项。'] });
    const bad = editForm(form, { fields: { [phone]: { label: '   ' } } });
    expect(bad).toEqual({ ok: false, problems: ['栏目“联系电话”的名称不能为空。'] });
    const options = editForm(form, { fields: { [id]: { type: 'choice', options: ['甲,乙', '丙'] } } });
    expect(!options.ok && options.problems[0]).toMatch(/^栏目“建议名称”：“bands.*options\.0”格式不对/);
  });

  it('turns a count into a decimal number and back, each passing the schema', () => {
    const count = reviewFields(form).find((f) => f.label === '提出人数')?.key as string;
    const decimal = editForm(form, { fields: { [count]: { type: 'decimal', label: '节约金额（万元）' } } });
    if (!decimal.ok) throw new Error(decimal.problems.join('\n'));
    const field = decimal.form.bands
      .flatMap((b) => (b.kind === 'rows' ? b.rows.flatMap((r) => r.cells) : []))
      .find((c) => c.kind === 'input' && c.field.id === count);
    expect(field?.kind === 'input' && field.field).toMatchObject({ type: 'decimal', label: '节约金额（万元）', min: 0, total: true });
    const back = editForm(decimal.form, { fields: { [count]: { type: 'integer' } } });
    expect(back.ok && reviewFields(back.form).find((f) => f.key === count)?.type).toBe('integer');
  });
});
