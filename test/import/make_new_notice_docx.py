"""A notice whose form no one wrote code for (issue 13 §3): 合理化建议登记表, as a clerk would type it in Word.

Written with python-docx, a writer other than the program's own: a unit line above the table, typed fields
(联系人, 联系电话), two number fields (建议条数, 参与职工人数), a list of proposals (序号, 建议名称, 建议人姓名,
预计效益（万元）) with empty rows, and the 注 lines below ("表格不够可另附", the deadline).

Usage: /usr/bin/python3 make_new_notice_docx.py <output folder>
"""

import os
import sys

from docx import Document


def main(out):
    doc = Document()
    for line in ["上海市总工会", "沪工总经〔2026〕21号", "关于开展2026年度职工合理化建议征集活动的通知",
                 "各区局（产业）工会：",
                 "请各单位填写《职工合理化建议登记表》（附件1），并于6月30日前报送市总工会经济工作部。",
                 "附件：1. 职工合理化建议登记表", "上海市总工会", "2026年5月8日"]:
        doc.add_paragraph(line)
    doc.add_paragraph("附件 1")
    doc.add_paragraph("职工合理化建议登记表")
    doc.add_paragraph("填报单位：　　　　　　　　　　　　　　　　　　月　　日")
    t = doc.add_table(rows=9, cols=4)
    t.style = "Table Grid"
    t.cell(0, 0).text = "联系人"
    t.cell(0, 2).text = "联系电话"
    t.cell(1, 0).text = "建议条数"
    t.cell(1, 2).text = "参与职工人数"
    for c, text in enumerate(["序号", "建议名称", "建议人姓名", "预计效益（万元）"]):
        t.cell(2, c).text = text
    for r in range(3, 9):
        t.cell(r, 0).text = str(r - 2)
    doc.add_paragraph("注：1. 表格不够可另附。")
    doc.add_paragraph("2. 请于6月30日前报送。")
    doc.save(os.path.join(out, "proposal-notice.docx"))


main(sys.argv[1])
