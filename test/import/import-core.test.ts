import type { DocBlock, DocCell } from '../../src/core/import/docx-model';
import { boxOptions, guessField } from '../../src/core/import/field-guess';
import { tableGrid } from '../../src/core/import/grid';
import { importNotice } from '../../src/core/import/import-notice';
import { symbolChar } from '../../src/hosts/docx/symbol-chars';

const cell = (text: string, extra: Partial<DocCell> = {}): DocCell => ({ paragraphs: [text], gridSpan: 1, ...extra });
const p = (text: string): DocBlock => ({ kind: 'paragraph', text });

describe('the importer’s pure parts on small tables', () => {
  it('guesses field types from the notice’s words', () => {
    const type = (label: string) => guessField(label).field;
    expect(type('联系电话')).toMatchObject({ type: 'phone', label: '联系电话' });
    expect(type('邮政编码').type).toBe('postcode');
    expect(type('服务队组建时间')).toMatchObject({ type: 'date', monthAllowed: true });
    expect(type('出生年月')).toMatchObject({ type: 'date', monthAllowed: true });
    expect(type('填报日期')).toMatchObject({ type: 'date', monthAllowed: false });
    expect(type('参与人数').type).toBe('integer');
    expect(type('资助金额（万元）')).toMatchObject({ type: 'decimal', unit: '万元' });
    expect(type('主要内容（100字内）')).toMatchObject({ type: 'longText', maxLength: 100, label: '主要内容', required: true });
    expect(type('工作室介绍（800字左右）')).toMatchObject({ type: 'longText', aboutLength: 800 });
    expect(type('服务成效简介（100字内，新组队可不填）')).toMatchObject({ required: false, maxLength: 100 });
    expect(type('时间安排').type).toBe('text');
    expect(type('负责人姓名').type).toBe('text');
  });

  it('reads tick boxes, with a count blank kept apart', () => {
    expect(boxOptions('□有\u3000□无').map((o) => o.option)).toEqual(['有', '无']);
    expect(boxOptions('□发明专利____项')).toEqual([{ option: '发明专利', blankUnit: '项' }]);
  });

  it('maps Wingdings tick boxes stored with or without the F000 shift', () => {
    expect(symbolChar('Wingdings', 'F0A8')).toBe('□');
    expect(symbolChar('Wingdings', 'A8')).toBe('□');
    expect(symbolChar('Wingdings', 'F0FE')).toBe('☑');
    expect(symbolChar('Wingdings', 'F0FF')).toBeUndefined();
  });

  it('resolves gridSpan and vMerge into spans', () => {
    const { cells, width } = tableGrid({
      kind: 'table',
      columnWidths: [],
      rows: [
        [cell('专利情况', { vMerge: 'restart' }), cell('甲', { gridSpan: 2 })],
        [cell('', { vMerge: 'continue' }), cell('乙'), cell('')],
      ],
    });
    expect(width).toBe(3);
    expect(cells.map((c) => [c.text, c.row, c.col, c.colSpan, c.rowSpan])).toEqual([
      ['专利情况', 0, 0, 1, 2],
      ['甲', 0, 1, 2, 1],
      ['乙', 1, 1, 1, 1],
      ['', 1, 2, 1, 1],
    ]);
  });

  it('turns labels beside blanks into fields, a header over blank rows into a growable list, and logs each guess', () => {
    const table: DocBlock = {
      kind: 'table',
      columnWidths: [],
      rows: [
        [cell('队名'), cell(''), cell('联系电话'), cell('')],
        [cell('序号'), cell('姓名'), cell('年龄'), cell('简介（50字内）')],
        [cell('1'), cell(''), cell(''), cell('')],
        [cell('2'), cell(''), cell(''), cell('')],
      ],
    };
    const result = importNotice([
      p('杨工〔2019〕3号'),
      p('关于组建服务队的通知'),
      p('请于7月1日前将登记表（附件1）报区总工会。'),
      p('2019年6月1日'),
      p('附件1'),
      p('服务队登记表'),
      p('填报单位：\u3000\u3000\u3000\u3000'),
      table,
      p('注：表格不够可另附。'),
    ]);
    expect(result.forms).toHaveLength(1);
    const form = result.forms[0] as (typeof result.forms)[number];
    expect(form.id).toBe('notice-2019-3-1');
    expect(form.unitFieldId).toBe('unit');
    expect(form.params.find((x) => x.id === 'deadline')?.default).toBe('07-01');
    const rowFields = form.bands
      .flatMap((b) => (b.kind === 'rows' ? b.rows.flatMap((r) => r.cells) : []))
      .flatMap((c) => (c.kind === 'input' ? [[c.field.label, c.field.type]] : []));
    expect(rowFields).toEqual([
      ['填报单位', 'text'],
      ['队名', 'text'],
      ['联系电话', 'phone'],
    ]);
    const list = form.bands.find((b) => b.kind === 'table');
    expect(list && list.kind === 'table' && [list.defaultRows, list.maxRows, list.numbering]).toEqual([
      2,
      300,
      { fieldId: 'seq', prefill: true },
    ]);
    expect(list && list.kind === 'table' && list.cells.map((c) => c.field.type)).toEqual(['integer', 'text', 'integer', 'longText']);
    expect(result.guesses).toEqual(expect.arrayContaining([expect.objectContaining({ where: '附件1', field: '联系电话', what: '电话' })]));
  });
});

describe('texts the importer did not foresee', () => {
  const notice = (rows: DocCell[][], title = '职工登记表'): DocBlock[] => [
    p('关于开展登记的通知'),
    p('附件1'),
    p(title),
    { kind: 'table', rows, columnWidths: [] },
  ];

  it('keeps a □ option that starts like a formula as text, and braces typed in a label as printed', () => {
    const { forms } = importNotice(
      notice([
        [cell('是否参加'), cell('□=是\u3000□-否')],
        [cell('备注{说明}'), cell('')],
      ]),
    );
    const fields = forms[0]!.bands.flatMap((b) => (b.kind === 'rows' ? b.rows.flatMap((r) => r.cells) : []));
    const choice = fields.find((c) => c.kind === 'input' && c.field.type === 'choice');
    expect(choice?.kind === 'input' && choice.field.type === 'choice' && choice.field.options).toEqual(['是', '否']);
    expect(fields.some((c) => c.kind === 'label' && c.text === '备注｛说明｝')).toBe(true);
  });

  it('names a form whose title is only its year after its attachment, and ids forms of a notice without 文号 by its title', () => {
    const first = importNotice(notice([[cell('姓名'), cell('')]], '2026年度'));
    expect(first.forms[0]!.sheetName).toBe('附件1');
    const other = importNotice([p('关于另一件事的通知'), ...notice([[cell('姓名'), cell('')]]).slice(1)]);
    expect(first.forms[0]!.id).toMatch(/^notice-[0-9a-f]{8}-1$/);
    expect(other.forms[0]!.id).not.toBe(first.forms[0]!.id);
  });
});
