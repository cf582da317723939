import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { FormDefinition } from '../../src/core/form-schema';
import { importAttachmentDocument, importNotice, readNoticeContext, type ImportedNotice } from '../../src/core/import/import-notice';
import { attachmentHeading, isAttachmentList, listedAttachments } from '../../src/core/import/attachment-heading';
import type { DocBlock, DocCell, DocTable } from '../../src/core/import/docx-model';
import { deadlineFor, findDeadline, namedNumbers } from '../../src/core/import/notice-deadlines';
import { dateLine, docNoParts } from '../../src/core/import/notice-facts';
import { continuedTable, withoutRepeatedHeaders } from '../../src/core/import/table-continuation';
import { readDocx } from '../../src/hosts/docx/read-docx';

/**
 * Issue 21 §1 and the document side of §3: notices written by python-docx as union offices lay them out
 * (make_notice_habits_docx.py). Every expected value below is read by hand from the notice's text in that script.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'notice-habits-'));
const read = (file: string): DocBlock[] => readDocx(new Uint8Array(fs.readFileSync(path.join(dir, file)))).blocks;
const imported = new Map<string, ImportedNotice>();
const notice = (file: string) => imported.get(file) as ImportedNotice;

beforeAll(() => {
  execFileSync('/usr/bin/python3', [path.join(__dirname, 'make_notice_habits_docx.py'), dir]);
  for (const file of fs.readdirSync(dir)) imported.set(file, importNotice(read(file)));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** What a person checks first of an imported form: which attachment, its title, id and deadline. */
function brief(form: FormDefinition) {
  return {
    attachment: form.notice.attachment,
    name: form.name,
    id: form.id,
    deadline: form.params.find((p) => p.id === 'deadline')?.default ?? '-',
  };
}

const inputLabels = (form: FormDefinition) =>
  form.bands
    .flatMap((b) => (b.kind === 'rows' ? b.rows.flatMap((r) => r.cells) : []))
    .flatMap((c) => (c.kind === 'input' ? [c.field.label] : []));

describe('finding the forms in a notice', () => {
  it('a lone 附件 over a 名单 with no table: no form, the attachment named; 文号 in [ ] and a title over two lines read', () => {
    const n = notice('roster-no-table.docx');
    expect(n.forms).toEqual([]);
    expect(n.skipped).toEqual(['附件 滨州市职工技术创新竞赛活动协调小组成员名单']);
    expect(n.facts).toMatchObject({
      docNo: '滨会发[2015]18号',
      title: '关于组织开展全市职工技术创新竞赛活动的实施方案',
      date: '2015-03-13',
      year: 2015,
      issuer: '滨州市总工会、滨州市经济和信息化委员会、滨州市科学技术局、滨州市财政局',
    });
    expect(n.listed).toEqual([{ no: 1, title: '滨州市职工技术创新竞赛协调小组成员名单' }]);
  });

  it('a 名单 printed as a table of names is not a form; the form after it is', () => {
    const n = notice('roster-table.docx');
    expect(n.skipped).toEqual(['附件1 评审小组成员名单（表中没有要填写的空格）']);
    expect(n.forms.map(brief)).toEqual([{ attachment: '附件2', name: '职工书屋申报表', id: 'notice-2022-6-2', deadline: '11-30' }]);
    expect(n.facts.docNo).toBe('沪工技〔2022〕6号');
  });

  it('"附件：职工书屋申报表" on one line after the signature; 文号 in 【 】 with a space; a 截止日期 with its year for the one form', () => {
    const n = notice('heading-with-title.docx');
    expect(n.forms.map(brief)).toEqual([{ attachment: '附件', name: '职工书屋申报表', id: 'notice-2022-8-1', deadline: '12-09' }]);
    expect(inputLabels(n.forms[0] as FormDefinition)).toEqual(
      expect.arrayContaining([
        '申报单位',
        '书屋名称',
        '负责人',
        '书屋面积（平方米）',
        '现有藏书（册）',
        '联系电话',
        '每周开放时间（小时）',
      ]),
    );
    expect(n.facts).toMatchObject({
      docNo: '沪工宣【2022】8号',
      issuer: '上海市总工会宣传部',
      title: '关于开展2022年度职工书屋申报工作的通知',
    });
  });

  it('附件１ and 附件２： in full width, a padded 文号 in full-width digits, 之前 and 截止 for each attachment, a date in Chinese numerals', () => {
    const n = notice('fullwidth-headings.docx');
    expect(n.forms.map(brief)).toEqual([
      { attachment: '附件１', name: '参赛报名表', id: 'notice-2021-31-1', deadline: '09-30' },
      { attachment: '附件２：', name: '竞赛情况统计表', id: 'notice-2021-31-2', deadline: '10-20' },
    ]);
    expect(n.facts).toMatchObject({ docNo: '沪工经〔2021〕０３１号', date: '2021-09-01', year: 2021 });
    // the 版记 and the page numbers are no lines of a form; the note is
    const labels = n.forms.flatMap((f) =>
      f.bands
        .flatMap((b) => (b.kind === 'rows' ? b.rows.flatMap((r) => r.cells) : []))
        .flatMap((c) => (c.kind === 'label' ? [c.text] : [])),
    );
    expect(labels.filter((t) => /抄送|印发|^- \d+ -$/.test(t))).toEqual([]);
    expect(labels).toContain('注：经费保留两位小数。');
  });

  it('附件一 alone and 附件二 with its title on the same line; "请于3月10日…报送" names both', () => {
    const n = notice('chinese-numeral-headings.docx');
    expect(n.forms.map(brief)).toEqual([
      { attachment: '附件一', name: '巾帼建功标兵推荐表', id: 'notice-2023-12-1', deadline: '03-10' },
      { attachment: '附件二', name: '巾帼建功标兵推荐汇总表', id: 'notice-2023-12-2', deadline: '03-10' },
    ]);
  });

  it('forms printed after the signature under their titles only, as the body lists them; one over two lines; no 文号', () => {
    const n = notice('titles-only.docx');
    const forms = n.forms.map(brief);
    expect(forms.map((f) => [f.attachment, f.name, f.deadline])).toEqual([
      ['附件1', '职工书屋申报表', '12-09'],
      ['附件2', '{year}年度职工书屋建设情况统计表', '12-09'],
    ]);
    expect(n.facts).toMatchObject({ title: '关于开展2022年度职工书屋建设情况调查的通知', year: 2022, issuer: '上海市杨浦区总工会' });
    expect(n.facts.docNo).toBeUndefined();
    // ids from the notice's title: stable from one import to the next, not the hash of empty text
    expect(forms.map((f) => f.id)).toEqual([
      expect.stringMatching(/^notice-[0-9a-f]{8}-1$/),
      expect.stringMatching(/^notice-[0-9a-f]{8}-2$/),
    ]);
    expect(forms[0]?.id).not.toBe('notice-e3b0c442-1');
    expect(importNotice(read('titles-only.docx')).forms.map((f) => f.id)).toEqual(forms.map((f) => f.id));
    expect(forms[0]?.id.slice(0, 15)).not.toBe(notice('named-table.docx').forms[0]?.id.slice(0, 15));
    // the unit line above the second table, with its date, stays with that form
    expect(inputLabels(n.forms[1] as FormDefinition)).toEqual(expect.arrayContaining(['填报单位', '填报日期']));
  });

  it('a table after the signature whose title the body names in 《》, its deadline in the note below it', () => {
    const n = notice('named-table.docx');
    expect(n.forms.map((f) => [f.notice.attachment, f.name, f.params.find((p) => p.id === 'deadline')?.default])).toEqual([
      ['附件1', '职工疗休养计划表', '01-31'],
    ]);
    expect(n.facts).toMatchObject({ title: '关于报送2024年职工疗休养计划的通知', issuer: '区总工会' });
  });
});

describe('a table as the notice prints it over pages', () => {
  it('reads w:tblHeader and the landscape section from the file', () => {
    const tables = read('over-pages.docx').filter((b) => b.kind === 'table');
    expect(tables.map((t) => [t.headerRows ?? 0, t.landscape === true])).toEqual([
      [1, true],
      [1, true],
      [0, true],
      [0, false],
    ]);
  });

  it('one list over three pages: the header typed again inside the table, atop the next table and a 续表 not taken as rows', () => {
    const n = notice('over-pages.docx');
    expect(n.forms.map(brief).map((f) => [f.attachment, f.name, f.deadline])).toEqual([
      ['附件1', '会员信息采集表', '12-20'],
      ['附件2', '采集情况汇总表', '12-20'],
    ]);
    const lists = (n.forms[0] as FormDefinition).bands.filter((b) => b.kind === 'table');
    expect(lists).toHaveLength(1);
    const list = lists[0];
    if (list?.kind !== 'table') throw new Error('no list');
    expect(list.cells.map((c) => c.field.label)).toEqual(['序号', '姓名', '性别', '出生年月', '入会时间', '联系电话']);
    // 4 + 3 rows on page 1, 3 on page 2, 2 under 续表
    expect(list.defaultRows).toBe(12);
    expect(list.header).toHaveLength(1);
  });

  it('a landscape section gives a landscape template; the portrait one after it stays portrait', () => {
    const n = notice('over-pages.docx');
    expect(n.forms.map((f) => f.print.orientation)).toEqual(['landscape', 'portrait']);
  });
});

describe('a notice in several files: its facts, then the forms of an attachment file', () => {
  it('reads the notice’s facts from its own file, and gives them to the attachment’s form', () => {
    const context = readNoticeContext(read('split-notice.docx'));
    expect(context.facts).toMatchObject({
      docNo: '杨工〔2023〕７号',
      title: '关于开展第九届杨浦职工读书节活动的通知',
      edition: 9,
      year: 2023,
      issuer: '上海市杨浦区总工会',
      date: '2023-03-20',
    });
    expect(context.listed).toEqual([{ no: 1, title: '读书节活动项目申报表' }]);
    // the notice alone has no form
    expect(notice('split-notice.docx').forms).toEqual([]);

    const result = importAttachmentDocument(read('split-attachment.docx'), context);
    expect(result.forms.map(brief)).toEqual([
      { attachment: '附件1', name: '第{edition:cn}届杨浦职工读书节活动项目申报表', id: 'notice-2023-7-1', deadline: '04-15' },
    ]);
    const form = result.forms[0] as FormDefinition;
    expect(form.notice).toMatchObject({ title: '关于开展第{edition:cn}届杨浦职工读书节活动的通知', docNo: '杨工〔2023〕７号' });
    expect(form.params.find((p) => p.id === 'edition')?.default).toBe(9);
    // a file named "附件3 …" that prints no 附件 line takes its number from the name
    expect(importAttachmentDocument(read('split-attachment.docx'), context, { no: 3 }).forms.map((f) => f.id)).toEqual(['notice-2023-7-3']);
  });
});

describe('the words of a notice, one by one', () => {
  it('takes every way a notice prints an attachment heading, and leaves prose and the body’s list alone', () => {
    const h = (line: string) => attachmentHeading(line);
    expect(h('附件')).toEqual({ heading: '附件', title: '' });
    expect(h('附件：')).toEqual({ heading: '附件：', title: '' });
    expect(h('附 件 1:')).toEqual({ no: 1, heading: '附件1:', title: '' });
    expect(h('附件１')).toEqual({ no: 1, heading: '附件１', title: '' });
    expect(h('附件十二')).toEqual({ no: 12, heading: '附件十二', title: '' });
    expect(h('附件：职工书屋申报表')).toEqual({ heading: '附件', title: '职工书屋申报表' });
    expect(h('附件3职工书屋申报表')).toEqual({ no: 3, heading: '附件3', title: '职工书屋申报表' });
    expect(h('附件2-1：申报表')).toEqual({ no: 2, sub: 1, heading: '附件2-1', title: '申报表' });
    expect(h('附件材料请一并报送。')).toBeUndefined();
    expect(h('附件一览表')).toBeUndefined();
    expect(isAttachmentList('附件：1．申报表  2．统计表', [])).toBe(true);
    expect(isAttachmentList('附件:', ['1、申报表', '2、统计表'])).toBe(true);
    expect(isAttachmentList('附件', ['职工书屋申报表'])).toBe(false);
  });

  it('reads the body’s list of attachments in its usual layouts', () => {
    expect(listedAttachments(['附件：1．申报表  2．统计表'])).toEqual([
      { no: 1, title: '申报表' },
      { no: 2, title: '统计表' },
    ]);
    expect(listedAttachments(['附件：', '1、申报表；', '2、《统计表》'])).toEqual([
      { no: 1, title: '申报表' },
      { no: 2, title: '统计表' },
    ]);
    expect(listedAttachments(['附件1：申报表', '附件2：统计表'])).toEqual([
      { no: 1, title: '申报表' },
      { no: 2, title: '统计表' },
    ]);
    expect(listedAttachments(['附件：成员名单'])).toEqual([{ no: 1, title: '成员名单' }]);
    // a title wrapped onto the next line, and the signature that follows the list
    expect(listedAttachments(['附件：1．2022年度上海市职工书屋', '示范点申报表', '2．汇总表', '上海市总工会', '2022年11月1日'])).toEqual([
      { no: 1, title: '2022年度上海市职工书屋示范点申报表' },
      { no: 2, title: '汇总表' },
    ]);
    expect(listedAttachments(['附件：1．活动实施方案', '上海市总工会'])).toEqual([{ no: 1, title: '活动实施方案' }]);
  });

  it('finds deadlines as notices write them, and nothing in a period of activity', () => {
    expect(findDeadline('请于2022年12月9日前报送')).toEqual({ monthDay: '12-09', year: 2022 });
    expect(findDeadline('请于12月9日（星期五）下班前报送')).toEqual({ monthDay: '12-09' });
    expect(findDeadline('请于12月9日17:00前报送')).toEqual({ monthDay: '12-09' });
    expect(findDeadline('报送截止日期：2023年1月6日')).toEqual({ monthDay: '01-06', year: 2023 });
    expect(findDeadline('11月30日之前报送')).toEqual({ monthDay: '11-30' });
    expect(findDeadline('报名于10月20日截止')).toEqual({ monthDay: '10-20' });
    expect(findDeadline('请于3月10日将推荐表报送区总工会')).toEqual({ monthDay: '03-10' });
    expect(findDeadline('请于２０２２年１２月９日前报送')).toEqual({ monthDay: '12-09', year: 2022 });
    expect(findDeadline('活动时间：5月22日至6月2日')).toBeUndefined();
    expect(findDeadline('2017年5月3日')).toBeUndefined();
  });

  it('gives each attachment its own deadline when one sentence states two, and a deadline naming no form to all', () => {
    const due = (no: number, body: string[]) => deadlineFor({ no, title: '', others: [] }, [], body)?.monthDay;
    const two = ['附件1请于3月31日前报送，附件2请于4月15日前报送。'];
    expect([due(1, two), due(2, two)]).toEqual(['03-31', '04-15']);
    const carried = ['请填写申报表（附件1），并于3月31日前报送，汇总表（附件2）于4月15日前报送。'];
    expect([due(1, carried), due(2, carried)]).toEqual(['03-31', '04-15']);
    const all = ['一、活动时间：5月22日至6月2日。', '请于5月10日前确定联络员。', '以上材料请于2022年12月9日前报送。'];
    expect([due(1, all), due(3, all)]).toEqual(['12-09', '12-09']);
    const other = ['请于3月31日前报送《竞赛项目申报表》。'];
    expect(deadlineFor({ no: 2, title: '参赛选手报名表', others: ['竞赛项目申报表', '参赛选手报名表'] }, [], other)).toBeUndefined();
  });

  it('tells which attachments a sentence names', () => {
    expect(namedNumbers('将申报表（附件1、2）报送')).toEqual([1, 2]);
    expect(namedNumbers('附件1-3请于…报送')).toEqual([1, 2, 3]);
    expect(namedNumbers('附件一和附件二')).toEqual([1, 2]);
    expect(namedNumbers('（附件２）')).toEqual([2]);
    expect(namedNumbers('相关附件材料报市职工技协')).toEqual([]);
  });

  it('reads the signature’s date in Arabic or Chinese numerals and the 文号’s year and number', () => {
    expect(dateLine('2022 年 5 月 3 日')).toBe('2022-05-03');
    expect(dateLine('二〇二一年十二月三十日')).toBe('2021-12-30');
    expect(dateLine('2017 年 5 月 22 日 ~ 6 月 2 日')).toBeUndefined();
    expect(docNoParts('沪工〔2022〕008号')).toEqual({ year: 2022, no: 8 });
    expect(docNoParts('杨工【2022】 8号')).toEqual({ year: 2022, no: 8 });
    expect(docNoParts('滨会发[2015]18号')).toEqual({ year: 2015, no: 18 });
    expect(docNoParts('沪工（2020）7号')).toEqual({ year: 2020, no: 7 });
  });
});

describe('tables over pages, on small tables', () => {
  const cell = (text: string): DocCell => ({ paragraphs: [text], gridSpan: 1 });
  const row = (...texts: string[]) => texts.map(cell);
  const table = (rows: DocCell[][], headerRows = 0): DocTable => ({
    kind: 'table',
    rows,
    columnWidths: [],
    ...(headerRows ? { headerRows } : {}),
  });
  const head = row('序号', '姓名', '电话');

  it('drops the header typed again after rows of the list, and keeps a second header that follows no row of it', () => {
    expect(withoutRepeatedHeaders(table([head, row('1', '', ''), head, row('2', '', '')])).rows).toEqual([
      head,
      row('1', '', ''),
      row('2', '', ''),
    ]);
    const twoLists = [head, row('1', '', ''), row('备注', '', ''), head, row('1', '', '')];
    expect(withoutRepeatedHeaders(table(twoLists)).rows).toHaveLength(5);
  });

  it('joins a table that starts with the same header, one under 续表, or one of more blank rows; not a table of its own', () => {
    const first = table([row('填报单位：', '', ''), head, row('1', '', ''), row('2', '', '')]);
    expect(continuedTable(first, table([head, row('3', '', '')]), false)?.rows).toHaveLength(5);
    expect(continuedTable(first, table([row('', '', ''), row('', '', '')]), false)?.rows).toHaveLength(6);
    expect(continuedTable(first, table([row('甲', '乙', '丙'), row('', '', '')]), true)?.rows).toHaveLength(6);
    expect(continuedTable(first, table([row('单位名称', '', '联系人')]), false)).toBeUndefined();
    expect(continuedTable(first, table([row('序号', '姓名')]), true)).toBeUndefined();
  });

  it('numbers the parts of an attachment printed as 附件2-1 and 附件2-2 apart', () => {
    const { forms } = importNotice([
      { kind: 'paragraph', text: '沪工〔2022〕5号' },
      { kind: 'paragraph', text: '关于报送会员名册的通知' },
      { kind: 'paragraph', text: '2022年3月1日' },
      { kind: 'paragraph', text: '附件2-1' },
      { kind: 'paragraph', text: '会员名册' },
      table([head, row('1', '', '')]),
      { kind: 'paragraph', text: '附件2-2：会员名册汇总表' },
      table([row('单位名称', '', '会员人数（人）'), row('', '', '')]),
    ]);
    expect(forms.map((f) => [f.notice.attachment, f.name, f.id])).toEqual([
      ['附件2-1', '会员名册', 'notice-2022-5-2-1'],
      ['附件2-2', '会员名册汇总表', 'notice-2022-5-2-2'],
    ]);
  });

  it('takes the title from the table’s first row when the heading is followed by a unit line', () => {
    const { forms } = importNotice([
      { kind: 'paragraph', text: '关于报送会员名册的通知' },
      { kind: 'paragraph', text: '附件1' },
      { kind: 'paragraph', text: '填报单位：' },
      table([[{ paragraphs: ['会员名册登记表'], gridSpan: 3 }], head, row('1', '', '')]),
    ]);
    expect(forms.map((f) => f.name)).toEqual(['会员名册登记表']);
    const list = forms[0]?.bands.find((b) => b.kind === 'table');
    expect(list?.kind === 'table' && list.cells.map((c) => c.field.label)).toEqual(['序号', '姓名', '电话']);
  });
});

describe('a form kept from a Word 97-2003 template', () => {
  it('reads check box form fields as boxes and a w:hMerge as one cell across the columns it merges', () => {
    const tables = read('legacy-form.docx').filter((b): b is DocTable => b.kind === 'table');
    expect(tables).toHaveLength(1);
    const rows = (tables[0] as DocTable).rows.map((r) => r.map((c) => [c.paragraphs.join('\n'), c.gridSpan]));
    expect(rows).toEqual([
      [
        ['是否建立职工之家', 1],
        ['□是　☑否', 1],
        ['会员人数（人）', 1],
        ['', 1],
      ],
      [
        ['单位名称', 1],
        ['', 3],
      ],
    ]);
    const form = notice('legacy-form.docx').forms[0] as FormDefinition;
    expect(brief(form)).toEqual({ attachment: '附件', name: '职工之家建设情况登记表', id: 'notice-2024-2-1', deadline: '03-15' });
    const inputs = form.bands
      .flatMap((b) => (b.kind === 'rows' ? b.rows.flatMap((r) => r.cells) : []))
      .flatMap((c) => (c.kind === 'input' ? [c] : []));
    // the boxes give a choice, not a text; the merged blank is one input three columns wide
    expect(inputs.find((c) => c.field.label === '是否建立职工之家')?.field.type).not.toBe('text');
    expect(inputs.find((c) => c.field.label === '单位名称')?.colSpan).toBe(3);
  });
});

describe('lines of a form typed in a paragraph or in its table', () => {
  const cellsOf = (form: FormDefinition) => form.bands.flatMap((b) => (b.kind === 'rows' ? b.rows.flatMap((r) => r.cells) : []));

  it('附件1 and its title split by a line break; "单位名称：　　（盖章）" is the unit to fill, the seal’s mark kept', () => {
    const form = notice('title-in-table.docx').forms[0] as FormDefinition;
    expect(brief(form)).toEqual({ attachment: '附件1', name: '安全生产月活动总结表', id: 'notice-2022-30-1', deadline: '12-09' });
    expect(form.unitFieldId).toBe('unit');
    const unit = cellsOf(form).find((c) => c.kind === 'input' && c.field.id === 'unit');
    expect(unit?.kind === 'input' && unit.field.label).toBe('单位名称');
    expect(cellsOf(form).some((c) => c.kind === 'label' && c.text === '（盖章）')).toBe(true);
  });

  it('a title and a unit line typed as the first rows of the table, the 填表人 line as its last: lines of the form, the list between', () => {
    const form = notice('title-in-table.docx').forms[1] as FormDefinition;
    expect(brief(form)).toEqual({ attachment: '附件2', name: '安全生产月活动汇总表', id: 'notice-2022-30-2', deadline: '12-09' });
    expect(inputLabels(form)).toEqual(['填报单位', '填报日期', '填表人', '联系电话']);
    const list = form.bands.find((b) => b.kind === 'table');
    expect(list?.kind === 'table' && [list.cells.map((c) => c.field.label), list.defaultRows]).toEqual([
      ['序号', '活动名称', '参加人数（人）', '备注'],
      2,
    ]);
  });
});

describe('attachments that are not forms', () => {
  it('an 实施方案 whose schedule leaves a column blank is a document, not a form; the form after it is imported', () => {
    const n = notice('plan-attachment.docx');
    expect(n.skipped).toEqual(['附件1 2022年上海职工运动会实施方案（是文件，不是要填写的表格）']);
    expect(n.forms.map(brief)).toEqual([{ attachment: '附件2', name: '参赛报名汇总表', id: 'notice-2022-9-2', deadline: '05-20' }]);
  });
});
