"""A notice sent as several files (issue 21 §2), as a union office sends one: written with python-docx and openpyxl,
writers other than the program's own.

<out>/set/通知.docx                 the notice: issuer, 文号, title, body naming each attachment with its deadline
                                   (one with its year: "于2022年12月9日前"), the 附件 list, signature and date
<out>/set/附件1 职工书屋申报表.docx  the first form in Word, opening with "附件１" (full-width digit)
<out>/set/附件2 藏书情况统计表.xlsx   the second form as the office's own Excel file: merged title row, borders, a
                                   "填报单位：" line, a list with empty rows, a 注 line with its deadline
<out>/set/盖章件.pdf                 a scan that is not a form
<out>/set/~$通知.docx                Word's lock file beside the open notice
<out>/plain/                       the notice, 职工书屋申报表.docx (no 附件 line) and 藏书情况统计表.xlsx: named by
                                   their titles only
<out>/single/书屋通知.docx           the same notice in one file, its form printed after "附件1" (for the .doc made of
                                   it by LibreOffice)

Usage: /usr/bin/python3 make_notice_set.py <output folder>
"""

import os
import sys

from docx import Document
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

NOTICE = [
    "上海市总工会",
    "沪工总宣〔2022〕58号",
    "关于开展2022年度职工书屋",
    "建设申报工作的通知",
    "各区局（产业）工会：",
    "请各单位于2022年12月9日前将《职工书屋申报表》（附件1）报送市总工会宣教部；"
    "《藏书情况统计表》（附件2）请于12月16日前报送。",
    "附件：1．职工书屋申报表",
    "2．藏书情况统计表",
    "上海市总工会",
    "2022年11月25日",
]


def notice(doc):
    for line in NOTICE:
        doc.add_paragraph(line)


def application_table(doc):
    doc.add_paragraph("职工书屋申报表")
    doc.add_paragraph("申报单位：　　　　　　　　　　　　　　月　　日")
    t = doc.add_table(rows=4, cols=4)
    t.style = "Table Grid"
    t.cell(0, 0).text = "书屋名称"
    t.cell(0, 2).text = "书屋面积（平方米）"
    t.cell(1, 0).text = "现有藏书（册）"
    t.cell(1, 2).text = "每周开放时间（小时）"
    t.cell(2, 0).text = "联系人"
    t.cell(2, 2).text = "联系电话"
    t.cell(3, 0).text = "书屋简介"
    t.cell(3, 1).merge(t.cell(3, 3))


def statistics_workbook(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    ws.merge_cells("A1:E1")
    ws["A1"] = "藏书情况统计表"
    ws["A1"].font = Font(name="宋体", size=16, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.merge_cells("A2:E2")
    ws["A2"] = "填报单位："
    for c, text in enumerate(["序号", "书屋名称", "藏书（册）", "年度借阅人次", "备注"], start=1):
        ws.cell(row=3, column=c, value=text).border = box
    for r in range(4, 9):
        for c in range(1, 6):
            ws.cell(row=r, column=c).border = box
    ws.merge_cells("A9:E9")
    ws["A9"] = "注：请于12月16日前报送。"
    wb.save(path)


def main(out):
    folder = os.path.join(out, "set")
    os.makedirs(folder, exist_ok=True)
    doc = Document()
    notice(doc)
    doc.save(os.path.join(folder, "通知.docx"))

    doc = Document()
    doc.add_paragraph("附件１")
    application_table(doc)
    doc.save(os.path.join(folder, "附件1 职工书屋申报表.docx"))

    statistics_workbook(os.path.join(folder, "附件2 藏书情况统计表.xlsx"))
    with open(os.path.join(folder, "盖章件.pdf"), "wb") as f:
        f.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    with open(os.path.join(folder, "~$通知.docx"), "wb") as f:
        f.write(b"\x04" + "张三".encode("utf-16-le") + b"\x00" * 150)

    # The same files named by their titles only, the form in Word without its 附件 line: the body's list numbers them.
    plain = os.path.join(out, "plain")
    os.makedirs(plain, exist_ok=True)
    doc = Document()
    notice(doc)
    doc.save(os.path.join(plain, "书屋通知.docx"))
    doc = Document()
    application_table(doc)
    doc.save(os.path.join(plain, "职工书屋申报表.docx"))
    statistics_workbook(os.path.join(plain, "藏书情况统计表.xlsx"))

    single = os.path.join(out, "single")
    os.makedirs(single, exist_ok=True)
    doc = Document()
    notice(doc)
    doc.add_paragraph("附件1")
    application_table(doc)
    doc.save(os.path.join(single, "书屋通知.docx"))


main(sys.argv[1])
