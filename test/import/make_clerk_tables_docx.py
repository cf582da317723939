"""A notice whose tables are drawn the ways union offices draw them (issue 21 §3), written by python-docx.

附件1 a list under a two-level header (序号 and 单位名称 over both rows, 慰问困难职工 and 慰问劳模 each over
人数 | 金额（万元）), numbered rows, a printed 合计 row and a 填表说明 row across the table.
附件2 a form of one unit: quantities with their units (平方米, 册, 小时, 人次), boxes after their words (是□ 否□),
an instruction in a label (（请在□内打√）), ☐ boxes, a ticked ■ box, and what the receiving office fills
(编号, 考核等次（由考核组填写）, 区总工会审核意见).
附件3 a grid of items under a two-level header with a 合计 row.

Usage: /usr/bin/python3 make_clerk_tables_docx.py <output folder>
"""

import os
import sys

from docx import Document


def merge(table, r0, c0, r1, c1, text=None):
    cell = table.cell(r0, c0).merge(table.cell(r1, c1))
    if text is not None:
        cell.text = text
    return cell


def two_level_header(t, first):
    """序号/项目 and 单位名称 down both rows; each group over 人数 | 金额（万元）."""
    merge(t, 0, 0, 1, 0, first[0])
    col = 1
    if len(first) > 1:
        merge(t, 0, 1, 1, 1, first[1])
        col = 2
    for group in ["慰问困难职工", "慰问劳模"]:
        merge(t, 0, col, 0, col + 1, group)
        t.cell(1, col).text = "人数"
        t.cell(1, col + 1).text = "金额（万元）"
        col += 2


def main(out):
    doc = Document()
    for line in ["上海市某区总工会", "某工〔2026〕7号", "关于做好2026年度送温暖和职工书屋工作的通知",
                 "各基层工会：",
                 "请于12月9日前报送附件1、附件2、附件3。",
                 "某区总工会", "2026年11月20日"]:
        doc.add_paragraph(line)

    doc.add_paragraph("附件1")
    doc.add_paragraph("送温暖慰问情况表")
    t = doc.add_table(rows=7, cols=6)
    t.style = "Table Grid"
    two_level_header(t, ["序号", "单位名称"])
    for i in range(3):
        t.cell(2 + i, 0).text = str(i + 1)
    t.cell(5, 0).text = "合计"
    merge(t, 6, 0, 6, 5, "填表说明：1．金额以万元计，保留两位小数。\n2．表格不够可另附。")

    doc.add_paragraph("附件2")
    doc.add_paragraph("职工书屋申报表")
    t = doc.add_table(rows=9, cols=4)
    t.style = "Table Grid"
    t.cell(0, 0).text = "单位名称"
    merge(t, 0, 1, 0, 3)
    for r, (a, b) in enumerate([("书屋面积（平方米）", "现有藏书（册）"), ("每周开放时间（小时）", "年度借阅人次")], start=1):
        t.cell(r, 0).text = a
        t.cell(r, 2).text = b
    rows = [
        ("是否有专人管理", "是□　　否□"),
        ("书屋类型（请在□内打√）", "□企业书屋　□社区书屋　□园区书屋"),
        ("是否接入数字职工书屋", "☐是　☐否"),
        ("是否开展读书活动", "■是　□否"),
    ]
    for r, (a, b) in enumerate(rows, start=3):
        t.cell(r, 0).text = a
        merge(t, r, 1, r, 3, b)
    t.cell(7, 0).text = "编号"
    t.cell(7, 2).text = "考核等次（由考核组填写）"
    t.cell(8, 0).text = "区总工会审核意见"
    merge(t, 8, 1, 8, 3)

    doc.add_paragraph("附件3")
    doc.add_paragraph("送温暖活动分项统计表")
    t = doc.add_table(rows=5, cols=5)
    t.style = "Table Grid"
    two_level_header(t, ["项目"])
    t.cell(2, 0).text = "元旦春节"
    t.cell(3, 0).text = "夏季送清凉"
    t.cell(4, 0).text = "合　计"

    doc.save(os.path.join(out, "clerk-tables.docx"))


main(sys.argv[1])
