"""Notices laid out as union offices send them, for finding their forms (issue 21 §1, §3).

Written with python-docx, a writer other than the program's own. Each notice shows habits seen in real notices (the
seeds, 003 above all): a lone 附件 over a title broken over two lines, "附件：职工书屋申报表" on one line, 附件１ in
full width and 附件一 in Chinese numerals, a body that lists "附件：1．…  2．…" and prints the forms after the
signature under their titles only, a table the body names in 《》, a 名单 with no table and one printed as a table of
names, 文号 in [ ], 【 】 and 〔 〕 with or without padding, a notice without 文号, deadlines with and without the year,
"之前", "截止", for one attachment or all; a list over three pages (w:tblHeader, the header typed again, a 续表) on a
landscape section. The expected forms are written by hand in notice-headings.test.ts from these texts.

Usage: /usr/bin/python3 make_notice_habits_docx.py <output folder>
"""

import os
import sys

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def lines(doc, *texts):
    for text in texts:
        doc.add_paragraph(text)


def page_break(doc):
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def grid(doc, rows, cols):
    t = doc.add_table(rows=rows, cols=cols)
    t.style = "Table Grid"
    return t


def fill_row(t, row, texts):
    for c, text in enumerate(texts):
        t.cell(row, c).text = text


def repeat_header(row):
    """表格属性 → 行 → 在各页顶端以标题行形式重复出现 (w:trPr/w:tblHeader)."""
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def landscape(doc):
    """A new section on a new page turned landscape, as 页面设置 → 纸张方向 → 横向 (应用于：本节) does."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width


def portrait(doc):
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.PORTRAIT
    if section.page_width > section.page_height:
        section.page_width, section.page_height = section.page_height, section.page_width


def bookroom_table(doc):
    """职工书屋申报表: six label/blank pairs."""
    t = grid(doc, 3, 4)
    fill_row(t, 0, ["书屋名称", "", "负责人", ""])
    fill_row(t, 1, ["书屋面积（平方米）", "", "现有藏书（册）", ""])
    fill_row(t, 2, ["联系电话", "", "每周开放时间（小时）", ""])


def lone_attachment_roster(out):
    """Seed 003's style: 文号 in [ ] among spaces, a title over two lines, a lone 附件 over a 名单 with no table."""
    doc = Document()
    lines(doc, "", "                    滨会发[2015]18号                ",
          "关于组织开展全市职工技术创新竞赛", "活动的实施方案",
          "为进一步加强职工技术创新工作，市总工会等8部门联合决定，自2015年起，在全市职工中组织开展职工技术创新竞赛活动。具体方案如下：",
          "1、 指导思想", "全面贯彻落实党的十八大精神。",
          "附件：滨州市职工技术创新竞赛协调小组成员名单",
          "滨州市总工会              滨州市经济和信息化委员会", "滨州市科学技术局                滨州市财政局",
          "2015年3月13日")
    page_break(doc)
    lines(doc, "附件", "滨州市职工技术创新竞赛活动", "协调小组成员名单",
          "组  长：耿庆东   市总工会常务副主席", "副组长：马士明   市经济和信息化委员会副调研员",
          "协调小组下设办公室，办公室设在市总工会。")
    doc.save(os.path.join(out, "roster-no-table.docx"))


def roster_table(out):
    """A 名单 printed as a table of names (nothing to fill) and, after it, the one form of the notice."""
    doc = Document()
    lines(doc, "沪工技〔2022〕 6号", "关于成立2022年职工书屋评审小组的通知", "各区局（产业）工会：",
          "现将评审小组成员名单（附件1）印发给你们，请于2022年11月30日前填写《职工书屋申报表》（附件2）报市总工会宣传部。",
          "附件：1．评审小组成员名单  2．职工书屋申报表", "上海市总工会", "2022年11月1日")
    page_break(doc)
    lines(doc, "附件1", "评审小组成员名单")
    t = grid(doc, 3, 3)
    fill_row(t, 0, ["职务", "姓名", "单位"])
    fill_row(t, 1, ["组长", "王明", "市总工会"])
    fill_row(t, 2, ["成员", "李华", "市职工技协"])
    page_break(doc)
    lines(doc, "附件2", "职工书屋申报表", "申报单位：")
    bookroom_table(doc)
    doc.save(os.path.join(out, "roster-table.docx"))


def heading_with_title(out):
    """"附件：职工书屋申报表" on one line after the signature; 文号 in 【 】 with a space; the deadline as 截止日期."""
    doc = Document()
    lines(doc, "上海市总工会宣传部", "沪工宣【2022】 8号", "关于开展2022年度职工书屋申报工作的通知", "各区局（产业）工会：",
          "请各单位认真组织申报，填写职工书屋申报表。", "申报材料报送截止日期：2022年12月9日。",
          "附件：职工书屋申报表", "上海市总工会宣传部", "2022年11月15日")
    page_break(doc)
    lines(doc, "附件：职工书屋申报表", "申报单位：")
    bookroom_table(doc)
    doc.save(os.path.join(out, "heading-with-title.docx"))


def fullwidth_headings(out):
    """附件１ and 附件２： in full width; deadlines "之前" for one and "截止" for the other; page numbers left by a copy
    from PDF and the 版记 (抄送, 印发) after the last form."""
    doc = Document()
    lines(doc, "沪工经〔2021〕０３１号", "关于开展2021年职工技能竞赛的通知", "各区局（产业）工会：",
          "请将参赛报名表（附件１）于2021年9月30日之前报送市总工会经济工作部；",
          "竞赛情况统计表（附件２）的报送于10月20日截止。",
          "附件：１．参赛报名表", "２．竞赛情况统计表", "上海市总工会", "二〇二一年九月一日")
    page_break(doc)
    lines(doc, "附件１", "参赛报名表", "填报单位：")
    t = grid(doc, 4, 4)
    fill_row(t, 0, ["序号", "姓名", "工种", "参赛项目"])
    for r in range(1, 4):
        t.cell(r, 0).text = str(r)
    page_break(doc)
    lines(doc, "- 2 -", "附件２：", "竞赛情况统计表", "填报单位：")
    t = grid(doc, 2, 4)
    fill_row(t, 0, ["参赛人数（人）", "", "参赛工种数（个）", ""])
    fill_row(t, 1, ["获奖人数（人）", "", "经费（万元）", ""])
    lines(doc, "注：经费保留两位小数。", "- 3 -", "抄送：市总工会办公室。", "上海市总工会办公室　　　　　　2021年9月1日印发")
    doc.save(os.path.join(out, "fullwidth-headings.docx"))


def chinese_numeral_headings(out):
    """附件一 / 附件二 as headings, with the title on the heading's line for the second; a deadline without 前 ("请于…报送")."""
    doc = Document()
    lines(doc, "沪工女〔2023〕12号", "关于推荐2023年度巾帼建功标兵的通知", "各区局（产业）工会：",
          "请于3月10日将推荐表（附件一）和汇总表（附件二）报送市总工会女职工部。",
          "附件：一、巾帼建功标兵推荐表", "二、巾帼建功标兵推荐汇总表", "上海市总工会女职工委员会", "2023年2月20日")
    page_break(doc)
    lines(doc, "附件一", "巾帼建功标兵推荐表")
    t = grid(doc, 2, 4)
    fill_row(t, 0, ["姓名", "", "出生年月", ""])
    fill_row(t, 1, ["工作单位", "", "职务", ""])
    page_break(doc)
    lines(doc, "附件二：巾帼建功标兵推荐汇总表", "推荐单位：")
    t = grid(doc, 3, 4)
    fill_row(t, 0, ["序号", "姓名", "工作单位", "主要事迹（50字内）"])
    fill_row(t, 1, ["1", "", "", ""])
    fill_row(t, 2, ["2", "", "", ""])
    doc.save(os.path.join(out, "chinese-numeral-headings.docx"))


def titles_only(out):
    """The body lists "附件：1．…  2．…"; the forms follow the signature under their titles only (one over two lines).
    No 文号; one deadline with its year for all the forms."""
    doc = Document()
    lines(doc, "上海市杨浦区总工会", "关于开展2022年度职工书屋", "建设情况调查的通知", "各街道、行业工会：",
          "请各单位于2022年12月9日前将以上材料报送区总工会宣传部。",
          "附件：1．职工书屋申报表  2．2022年度职工书屋建设情况统计表",
          "上海市杨浦区总工会", "2022年11月20日")
    page_break(doc)
    lines(doc, "职工书屋申报表", "申报单位：")
    bookroom_table(doc)
    lines(doc, "注：每个书屋填写一份。")
    page_break(doc)
    lines(doc, "2022年度职工书屋", "建设情况统计表", "填报单位：　　　　　　　　　　　　　年　　月　　日")
    t = grid(doc, 3, 3)
    fill_row(t, 0, ["书屋数（个）", "藏书总数（册）", "年度借阅人次"])
    fill_row(t, 1, ["", "", ""])
    fill_row(t, 2, ["", "", ""])
    doc.save(os.path.join(out, "titles-only.docx"))


def named_table(out):
    """No 附件 line at all: a table after the signature whose title the body names in 《》; the deadline in the table's note."""
    doc = Document()
    lines(doc, "关于报送2024年职工疗休养计划的通知", "各基层工会：",
          "请填写《职工疗休养计划表》，按时报送。", "区总工会", "2024年1月8日")
    page_break(doc)
    lines(doc, "职工疗休养计划表", "单位：")
    t = grid(doc, 3, 3)
    fill_row(t, 0, ["疗休养线路", "计划人数（人）", "预算（万元）"])
    lines(doc, "注：请于1月31日前报送。")
    doc.save(os.path.join(out, "named-table.docx"))


def over_pages(out):
    """A roster of six columns (not wide enough to turn the page by itself) over three pages on a landscape section: the header repeated by Word (w:tblHeader), typed again in
    the table, typed again atop a second table after a page break, and a third table under 续表. Then a portrait
    section with the second form."""
    doc = Document()
    lines(doc, "沪工组〔2022〕40号", "关于做好2022年度工会会员信息采集工作的通知", "各区局（产业）工会：",
          "请将会员信息采集表（附件1）和采集情况汇总表（附件2）于2022年12月20日前报送市总工会组织部。",
          "附件：1．会员信息采集表", "2．采集情况汇总表", "上海市总工会", "2022年12月1日")
    landscape(doc)
    lines(doc, "附件1", "会员信息采集表", "填报单位：")
    header = ["序号", "姓名", "性别", "出生年月", "入会时间", "联系电话"]
    # page 1: header marked to repeat, 4 rows; then the header typed again inside the table and 3 more rows
    t = grid(doc, 9, len(header))
    fill_row(t, 0, header)
    repeat_header(t.rows[0])
    for r in range(1, 5):
        t.cell(r, 0).text = str(r)
    fill_row(t, 5, header)
    for r in range(6, 9):
        t.cell(r, 0).text = str(r - 1)
    # page 2: a second table after a page break, starting with the header again (marked to repeat as well)
    page_break(doc)
    t = grid(doc, 4, len(header))
    fill_row(t, 0, header)
    repeat_header(t.rows[0])
    for r in range(1, 4):
        t.cell(r, 0).text = str(r + 7)
    # page 3: under 续表, without the header
    lines(doc, "续表")
    t = grid(doc, 2, len(header))
    for r in range(0, 2):
        t.cell(r, 0).text = str(r + 11)
    lines(doc, "注：表格不够可另附。")
    portrait(doc)
    lines(doc, "附件2", "采集情况汇总表", "填报单位：")
    t = grid(doc, 2, 4)
    fill_row(t, 0, ["应采集人数（人）", "", "已采集人数（人）", ""])
    fill_row(t, 1, ["填报人", "", "联系电话", ""])
    doc.save(os.path.join(out, "over-pages.docx"))


def notice_alone_and_attachment(out):
    """A notice sent as two files: the notice without its forms, and 附件 in a file of its own (no 附件N line)."""
    doc = Document()
    lines(doc, "杨工〔2023〕７号", "关于开展第九届杨浦职工读书节活动的通知", "各街道、行业工会：",
          "请于2023年4月15日前将《读书节活动项目申报表》（附件）报送区总工会宣传教育部。",
          "附件：读书节活动项目申报表", "上海市杨浦区总工会", "2023年3月20日")
    doc.save(os.path.join(out, "split-notice.docx"))
    doc = Document()
    lines(doc, "第九届杨浦职工读书节", "活动项目申报表", "申报单位：")
    t = grid(doc, 2, 4)
    fill_row(t, 0, ["活动名称", "", "参加人数（人）", ""])
    fill_row(t, 1, ["联系人", "", "联系电话", ""])
    doc.save(os.path.join(out, "split-attachment.docx"))


def legacy_check_box(paragraph, checked=False):
    """A check box form field as Word 97-2003 inserts it (旧式窗体 → 复选框): fldChar begin with w:ffData/w:checkBox,
    the FORMCHECKBOX instruction, fldChar end. It prints a box and holds no text."""
    begin = paragraph.add_run()._r
    fld = OxmlElement("w:fldChar")
    fld.set(qn("w:fldCharType"), "begin")
    data = OxmlElement("w:ffData")
    box = OxmlElement("w:checkBox")
    box.append(OxmlElement("w:sizeAuto"))
    default = OxmlElement("w:default")
    default.set(qn("w:val"), "1" if checked else "0")
    box.append(default)
    data.append(box)
    fld.append(data)
    begin.append(fld)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " FORMCHECKBOX "
    paragraph.add_run()._r.append(instr)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(end)


def h_merge(cell, restart):
    """The older horizontal merge (w:tcPr/w:hMerge) that documents converted from Word 97-2003 carry."""
    flag = OxmlElement("w:hMerge")
    if restart:
        flag.set(qn("w:val"), "restart")
    cell._tc.get_or_add_tcPr().append(flag)


def legacy_form(out):
    """A form kept from a Word 97-2003 template: 是/否 as check box form fields, a blank merged by w:hMerge."""
    doc = Document()
    lines(doc, "沪工基〔2024〕2号", "关于开展2024年度职工之家建设情况调查的通知", "各区局（产业）工会：",
          "请于2024年3月15日前报送职工之家建设情况登记表。", "附件：职工之家建设情况登记表", "上海市总工会", "2024年2月26日")
    page_break(doc)
    lines(doc, "附件", "职工之家建设情况登记表")
    t = grid(doc, 2, 4)
    t.cell(0, 0).text = "是否建立职工之家"
    p = t.cell(0, 1).paragraphs[0]
    legacy_check_box(p)
    p.add_run("是　")
    legacy_check_box(p, checked=True)
    p.add_run("否")
    t.cell(0, 2).text = "会员人数（人）"
    t.cell(1, 0).text = "单位名称"
    h_merge(t.cell(1, 1), True)
    h_merge(t.cell(1, 2), False)
    h_merge(t.cell(1, 3), False)
    doc.save(os.path.join(out, "legacy-form.docx"))


def title_in_table(out):
    """附件1 and its title in one paragraph split by a line break (Shift+Enter), the unit line followed by （盖章）;
    附件2 whose title and unit line are the first rows of its own table, and the 填表人 line its last row."""
    doc = Document()
    lines(doc, "沪工劳〔2022〕30号", "关于开展2022年度安全生产月活动总结的通知", "各区局（产业）工会：",
          "请于12月9日（星期五）前报送总结表（附件1）和汇总表（附件2）。", "附件：1．安全生产月活动总结表",
          "2．安全生产月活动汇总表", "上海市总工会", "2022年11月21日")
    page_break(doc)
    heading = doc.add_paragraph("附件1")
    heading.add_run().add_break()
    heading.add_run("安全生产月活动总结表")
    lines(doc, "单位名称：　　　　　　　　　　　　（盖章）")
    t = grid(doc, 2, 4)
    fill_row(t, 0, ["活动场次（次）", "", "参加人数（人）", ""])
    fill_row(t, 1, ["联系人", "", "联系电话", ""])
    page_break(doc)
    lines(doc, "附件2")
    heads = ["序号", "活动名称", "参加人数（人）", "备注"]
    t = grid(doc, 6, len(heads))
    t.cell(0, 0).merge(t.cell(0, 3)).text = "安全生产月活动汇总表"
    t.cell(1, 0).merge(t.cell(1, 3)).text = "填报单位：　　　　　　　　填报日期：　　年　　月　　日"
    fill_row(t, 2, heads)
    for r in range(3, 5):
        t.cell(r, 0).text = str(r - 2)
    t.cell(5, 0).merge(t.cell(5, 3)).text = "填表人：　　　　　　联系电话："
    doc.save(os.path.join(out, "title-in-table.docx"))


def plan_attachment(out):
    """附件1 is an 实施方案 whose schedule table leaves its 备注 column blank: a document, not a form; 附件2 is the form."""
    doc = Document()
    lines(doc, "沪工体〔2022〕9号", "关于举办2022年上海职工运动会的通知", "各区局（产业）工会：",
          "现将《2022年上海职工运动会实施方案》（附件1）印发给你们，请于5月20日前报送参赛报名汇总表（附件2）。",
          "附件：1．2022年上海职工运动会实施方案", "2．参赛报名汇总表", "上海市总工会", "2022年4月28日")
    page_break(doc)
    lines(doc, "附件1", "2022年上海职工运动会实施方案", "一、比赛时间和地点", "二、日程安排如下：")
    t = grid(doc, 3, 4)
    fill_row(t, 0, ["日期", "项目", "地点", "备注"])
    fill_row(t, 1, ["6月4日", "开幕式", "市体育馆", ""])
    fill_row(t, 2, ["6月5日", "拔河", "市体育馆", ""])
    page_break(doc)
    lines(doc, "附件2", "参赛报名汇总表", "填报单位：")
    t = grid(doc, 3, 3)
    fill_row(t, 0, ["项目", "参赛人数（人）", "领队"])
    doc.save(os.path.join(out, "plan-attachment.docx"))


if __name__ == "__main__":
    folder = sys.argv[1]
    os.makedirs(folder, exist_ok=True)
    for make in (lone_attachment_roster, roster_table, heading_with_title, fullwidth_headings, chinese_numeral_headings,
                 titles_only, named_table, over_pages, notice_alone_and_attachment, legacy_form,
                 title_in_table, plan_attachment):
        make(folder)
