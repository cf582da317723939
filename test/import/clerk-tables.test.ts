import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { DocBlock, DocCell } from '../../src/core/import/docx-model';
import { boxCellName, boxOptions, guessField, hasBoxes, officeFiller } from '../../src/core/import/field-guess';
import { importGrid } from '../../src/core/import/import-grid';
import { importNotice, type ImportedNotice } from '../../src/core/import/import-notice';
import type { Band, FormDefinition } from '../../src/core/form-schema';
import { readDocx } from '../../src/hosts/docx/read-docx';

/**
 * Issue 21 §3 at the level of cells and fields: tables drawn as union offices draw them, written by python-docx
 * (make_clerk_tables_docx.py), read as the clerk reads them. Every expectation is written by hand from the tables.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clerk-tables-'));
let notice: ImportedNotice;

beforeAll(() => {
  execFileSync('/usr/bin/python3', [path.join(__dirname, 'make_clerk_tables_docx.py'), dir]);
  notice = importNotice(readDocx(new Uint8Array(fs.readFileSync(path.join(dir, 'clerk-tables.docx')))).blocks);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const formOf = (no: number): FormDefinition => {
  const form = notice.forms.find((f) => f.notice.attachment === `附件${no}`);
  if (!form) throw new Error(`附件${no} not imported`);
  return form;
};

/** Each input of a band of rows as "label:type", with !, /unit, =options and (hint) where it has them. */
function rowInputs(bands: readonly Band[]): string[] {
  return bands.flatMap((b) =>
    b.kind !== 'rows'
      ? []
      : b.rows.flatMap((r) =>
          r.cells.flatMap((c) => {
            if (c.kind !== 'input') return [];
            const f = c.field;
            const unit = 'unit' in f && f.unit ? `/${f.unit}` : '';
            const options = f.type === 'choice' ? `=${f.options.join('|')}` : '';
            return [`${f.label}:${f.type}${f.required ? '!' : ''}${unit}${options}${f.hint ? `（${f.hint}）` : ''}`];
          }),
        ),
  );
}

/** A field's label by its reference: its id, or "list.field" for a list's column. */
function labelOf(bands: readonly Band[], ref: string): string {
  const [first, second] = ref.split('.') as [string, string | undefined];
  for (const b of bands) {
    const cells = b.kind === 'rows' ? b.rows.flatMap((r) => r.cells) : b.id === first ? b.cells : [];
    for (const c of cells)
      if (c.kind === 'input' && c.field.id === (second ?? first) && (second === undefined) === (b.kind === 'rows')) return c.field.label;
  }
  return `?${ref}`;
}

/** Each row of the bands of rows: labels as printed, {} for an input, Σa+b for a label the template sums. */
const rowLabels = (bands: readonly Band[]) =>
  bands.flatMap((b) =>
    b.kind === 'rows'
      ? b.rows.map((r) =>
          r.cells
            .map((c) => (c.kind === 'input' ? '{}' : c.sum ? `Σ${c.sum.map((ref) => labelOf(bands, ref)).join('+')}` : c.text))
            .join('|'),
        )
      : [],
  );

describe('a list under a two-level header, with a printed 合计 row and a 填表说明 row (附件1)', () => {
  it('is one list whose columns carry both levels, typed by their words and units', () => {
    const lists = formOf(1).bands.filter((b) => b.kind === 'table');
    expect(lists).toHaveLength(1);
    const list = lists[0] as Extract<Band, { kind: 'table' }>;
    expect(list.cells.map((c) => `${c.field.label}:${c.field.type}${'unit' in c.field && c.field.unit ? `/${c.field.unit}` : ''}`)).toEqual(
      [
        '序号:integer',
        '单位名称:text',
        '慰问困难职工 · 人数:integer',
        '慰问困难职工 · 金额（万元）:decimal/万元',
        '慰问劳模 · 人数:integer',
        '慰问劳模 · 金额（万元）:decimal/万元',
      ],
    );
    // Both header rows printed as the notice prints them: 序号 and 单位名称 down both, each group over its two columns.
    expect(list.header.map((h) => h.cells.map((c) => `${c.kind === 'label' ? c.text : ''}@${c.col}+${c.colSpan}x${c.rowSpan}`))).toEqual([
      ['序号@0+1x2', '单位名称@1+1x2', '慰问困难职工@2+2x1', '慰问劳模@4+2x1'],
      ['人数@2+1x1', '金额（万元）@3+1x1', '人数@4+1x1', '金额（万元）@5+1x1'],
    ]);
    // Three numbered rows; the 填表说明 says the table may be extended.
    expect([list.defaultRows, list.maxRows, list.numbering]).toEqual([3, 300, { fieldId: 'seq', prefill: true }]);
  });

  it('keeps 合计 as printed, for no unit to type, and the 填表说明 as a note', () => {
    const form = formOf(1);
    expect(rowInputs(form.bands)).toEqual([]);
    // Each quantity column sums the list's rows; 单位名称 has nothing to sum.
    expect(rowLabels(form.bands)).toContain(
      '合计||Σ慰问困难职工 · 人数|Σ慰问困难职工 · 金额（万元）|Σ慰问劳模 · 人数|Σ慰问劳模 · 金额（万元）',
    );
    const note = form.bands
      .flatMap((b) => (b.kind === 'rows' ? b.rows.flatMap((r) => r.cells) : []))
      .find((c) => c.kind === 'label' && /^填表说明/.test(c.text));
    expect(note).toMatchObject({ preset: 'note', colSpan: 6, text: '填表说明：1．金额以万元计，保留两位小数。\n2．表格不够可另附。' });
  });
});

describe('a form of one unit (附件2)', () => {
  it('types quantities by their units, reads boxes in every style, and leaves the office’s cells to the office', () => {
    expect(rowInputs(formOf(2).bands)).toEqual([
      '单位名称:text!',
      '书屋面积（平方米）:decimal!/平方米',
      '现有藏书（册）:integer!/册',
      '每周开放时间（小时）:decimal!/小时',
      '年度借阅人次:integer!/人次',
      '是否有专人管理:choice!=是|否',
      '书屋类型:choice!=企业书屋|社区书屋|园区书屋',
      '是否接入数字职工书屋:choice!=是|否',
      '是否开展读书活动:choice!=是|否',
      '编号:text（由受理单位填写，填报单位不填。）',
      '考核等次:text（由考核组填写，填报单位不填。）',
      '区总工会审核意见:text（由受理单位填写，填报单位不填。）',
    ]);
    // The instruction stays printed in its label, and makes no field of its own.
    expect(rowLabels(formOf(2).bands)).toContain('书屋类型（请在□内打√）|{}');
  });
});

describe('a grid of items under a two-level header with a 合计 row (附件3)', () => {
  it('names each cell by its item and both levels of its column; the 合计 row is printed, not typed', () => {
    const fields = rowInputs(formOf(3).bands);
    expect(fields).toEqual(
      ['元旦春节', '夏季送清凉'].flatMap((item) => [
        `${item}（慰问困难职工 · 人数）:integer`,
        `${item}（慰问困难职工 · 金额（万元））:decimal/万元`,
        `${item}（慰问劳模 · 人数）:integer`,
        `${item}（慰问劳模 · 金额（万元））:decimal/万元`,
      ]),
    );
    const sum = (head: string) => `Σ元旦春节（${head}）+夏季送清凉（${head}）`;
    expect(rowLabels(formOf(3).bands)).toContain(
      ['合　计', ...['慰问困难职工 · 人数', '慰问困难职工 · 金额（万元）', '慰问劳模 · 人数', '慰问劳模 · 金额（万元）'].map(sum)].join(
        '|',
      ),
    );
  });
});

describe('the words of a cell', () => {
  it('reads boxes before and after their words, ticked ones, and not an instruction', () => {
    const options = (t: string) => boxOptions(t).map((o) => o.option);
    expect(options('□是 □否')).toEqual(['是', '否']);
    expect(options('是□ 否□')).toEqual(['是', '否']);
    expect(options('☐是　☐否')).toEqual(['是', '否']);
    expect(options('■是 □否')).toEqual(['是', '否']);
    expect(options('√是 □否')).toEqual(['是', '否']);
    expect(options('性质：是□ 否□')).toEqual(['是', '否']);
    expect(options('（请在□内打√）□企业 □社区')).toEqual(['企业', '社区']);
    expect(boxCellName('申报类别（请在□内打√）：□技师 □职工')).toBe('申报类别');
    expect(boxCellName('□有 □无')).toBeUndefined();
    expect(hasBoxes('（请在□内打√）')).toBe(false);
    expect(hasBoxes('请在相应□内打“√”')).toBe(false);
    expect(hasBoxes('是□ 否□')).toBe(true);
  });

  it('tells the office’s cells from the unit’s', () => {
    expect(['编号', '考核等次（由考核组填写）', '区总工会审核意见', '受理日期', '盖章'].map(officeFiller)).toEqual([
      '受理单位',
      '考核组',
      '受理单位',
      '受理单位',
      '受理单位',
    ]);
    // The unit's own: its seal, its opinion, what its applicant fills.
    expect(['申报单位（盖章）', '区局（产业）工会申报意见', '个人简介（由申报人填写）', '项目编号名称'].map(officeFiller)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(guessField('受理日期').field).toMatchObject({ type: 'text', required: false });
  });

  it('types quantities by their units', () => {
    const type = (label: string) => {
      const f = guessField(label).field;
      return `${f.type}${'unit' in f && f.unit ? `/${f.unit}` : ''}${'total' in f && f.total === false ? ' 不合计' : ''}`;
    };
    expect(
      [
        '职工人数（人）',
        '活动（个）',
        '项目（项）',
        '现有藏书（册）',
        '开展活动（次）',
        '年度借阅人次',
        '书屋面积（平方米）',
        '经费（万元）',
        '覆盖率（%）',
        '每周开放时间（小时）',
      ].map(type),
    ).toEqual([
      'integer/人',
      'integer/个',
      'integer/项',
      'integer/册',
      'integer/次',
      'integer/人次',
      'decimal/平方米',
      'decimal/万元',
      'decimal/% 不合计',
      'decimal/小时',
    ]);
  });
});

describe('the same tables as grids of cells', () => {
  const cell = (text: string, extra: Partial<DocCell> = {}): DocCell => ({ paragraphs: [text], gridSpan: 1, ...extra });
  it('a list under a two-level header given as Word cells directly (vMerge, gridSpan)', () => {
    const blocks: DocBlock[] = [
      { kind: 'paragraph', text: '关于统计的通知' },
      { kind: 'paragraph', text: '附件1' },
      { kind: 'paragraph', text: '统计表' },
      {
        kind: 'table',
        columnWidths: [],
        rows: [
          [cell('单位', { vMerge: 'restart' }), cell('参加职工', { gridSpan: 2 })],
          [cell('', { vMerge: 'continue' }), cell('人数（人）'), cell('时长（小时）')],
          [cell(''), cell(''), cell('')],
          [cell(''), cell(''), cell('')],
          [cell('小计'), cell(''), cell('')],
        ],
      },
    ];
    const form = importNotice(blocks).forms[0] as FormDefinition;
    const list = form.bands.find((b) => b.kind === 'table') as Extract<Band, { kind: 'table' }>;
    expect(list.cells.map((c) => `${c.field.label}:${c.field.type}`)).toEqual([
      '单位:text',
      '参加职工 · 人数（人）:integer',
      '参加职工 · 时长（小时）:decimal',
    ]);
    expect(list.defaultRows).toBe(2);
    expect(rowInputs(form.bands)).toEqual([]);
  });

  it('a selection in a sheet: a two-level list, a 合计 row, boxes after their words and the office’s 编号', () => {
    const rows = [
      ['职工书屋借阅统计表', '', '', ''],
      ['单位名称', '', '编号', ''],
      ['是否有专人管理', '是□ 否□', '', ''],
      ['序号', '书屋', '借阅', ''],
      ['', '', '人次', '图书（册）'],
      ['1', '', '', ''],
      ['2', '', '', ''],
      ['合计', '', '', ''],
    ];
    const merges = [
      { row: 0, col: 0, rowCount: 1, colCount: 4 },
      { row: 2, col: 1, rowCount: 1, colCount: 3 },
      { row: 3, col: 0, rowCount: 2, colCount: 1 },
      { row: 3, col: 1, rowCount: 2, colCount: 1 },
      { row: 3, col: 2, rowCount: 1, colCount: 2 },
    ];
    const { form } = importGrid(
      { sheetName: 'Sheet1', address: 'Sheet1!A1:D8', rows, merges, mergesKnown: true, columnWidths: [] },
      '2026-11-20',
    );
    expect(rowInputs(form.bands)).toEqual([
      '单位名称:text!',
      '编号:text（由受理单位填写，填报单位不填。）',
      '是否有专人管理:choice!=是|否',
    ]);
    const list = form.bands.find((b) => b.kind === 'table') as Extract<Band, { kind: 'table' }>;
    expect(list.cells.map((c) => `${c.field.label}:${c.field.type}`)).toEqual([
      '序号:integer',
      '书屋:text',
      '借阅 · 人次:integer',
      '借阅 · 图书（册）:integer',
    ]);
    expect(list.defaultRows).toBe(2);
    expect(rowLabels(form.bands)).toContain('合计||Σ借阅 · 人次|Σ借阅 · 图书（册）');
  });
});

describe('habits the independent corpus found', () => {
  const cell = (text: string, extra: Partial<DocCell> = {}): DocCell => ({ paragraphs: text.split('\n'), gridSpan: 1, ...extra });
  const wide = (text: string) => cell(text, { gridSpan: 3 });
  const notice = (rows: DocCell[][]): DocBlock[] => [
    { kind: 'paragraph', text: '关于评比的通知' },
    { kind: 'paragraph', text: '附件1' },
    { kind: 'paragraph', text: '申报表' },
    { kind: 'table', columnWidths: [], rows },
  ];

  it('是（ ）否（ ） as boxes, a space above a seal and date as the opinion it is for (here the office’s), 备注 not required', () => {
    const form = importNotice(
      notice([
        [cell('单位名称'), wide('')],
        [cell('是否发生重大事故'), cell('是（\u3000）\u3000否（\u3000）'), cell('联 系 人'), cell('')],
        [cell('联系电话'), cell(''), cell('邮\u3000\u3000编'), cell('')],
        [cell('区局工会审核意见'), wide('（盖章）\n年\u3000\u3000月\u3000\u3000日')],
        [cell('考核等次（由考核组填写）'), wide('')],
        [cell('备注'), wide('')],
      ]),
    ).forms[0] as FormDefinition;
    expect(rowInputs(form.bands)).toEqual([
      '单位名称:text!',
      '是否发生重大事故:choice!=是|否',
      '联系人:text!',
      '联系电话:phone!',
      '邮编:postcode!',
      '区局工会审核意见:text（由受理单位填写，填报单位不填。）',
      '考核等次:text（由考核组填写，填报单位不填。）',
      '备注:text',
    ]);
  });

  it('a 推荐意见 above a seal and date is the sending union’s own input, an opinion to write', () => {
    const form = importNotice(
      notice([
        [cell('单位名称'), wide('')],
        [cell('区局（产业）工会推荐意见'), wide('（盖章）\n年\u3000\u3000月\u3000\u3000日')],
        [cell('签发日期'), wide('年\u3000\u3000月\u3000\u3000日')],
      ]),
    ).forms[0] as FormDefinition;
    expect(rowInputs(form.bands).slice(0, 2)).toEqual(['单位名称:text!', '区局（产业）工会推荐意见:longText!']);
  });

  it('a list column ticked (√) is a tick, one headed 是否… a 是/否, 备注 not required', () => {
    const head = ['序号', '姓名', '持证上岗（√）', '是否工会会员', '备注'];
    const form = importNotice(notice([head.map((h) => cell(h)), head.map(() => cell('')), head.map(() => cell(''))]))
      .forms[0] as FormDefinition;
    const list = form.bands.find((b) => b.kind === 'table') as Extract<Band, { kind: 'table' }>;
    expect(list.cells.map((c) => `${c.field.type}${c.field.required ? '!' : ''}`)).toEqual([
      'integer!',
      'text!',
      'check!',
      'yesNo!',
      'text',
    ]);
  });

  it('in a sheet without merges, the blanks right of one label are one input', () => {
    const rows = [
      ['关爱室汇总表', '', '', '', ''],
      ['填报单位（盖章）：', '', '', '填报日期：', ''],
      ['序号', '单位名称', '人数（人）', '面积（平方米）', '备注'],
      ['1', '', '', '', ''],
      ['2', '', '', '', ''],
      ['合计', '', '', '', ''],
    ];
    const merges = [{ row: 0, col: 0, rowCount: 1, colCount: 5 }];
    const { form } = importGrid(
      { sheetName: 'Sheet1', address: 'Sheet1!A1:E6', rows, merges, mergesKnown: true, columnWidths: [] },
      '2022-11-20',
    );
    const inputs = form.bands.flatMap((b) => (b.kind === 'rows' ? b.rows.flatMap((r) => r.cells) : [])).filter((c) => c.kind === 'input');
    expect(inputs.map((c) => `${c.kind === 'input' ? c.field.label : ''}:${c.col}+${c.colSpan}`)).toEqual(['填报单位:1+2', '填报日期:4+1']);
    expect(rowLabels(form.bands)).toContain('合计||Σ人数（人）|Σ面积（平方米）|');
  });
});
