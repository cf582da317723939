"""A notice whose attachment heading, title and notes sit in text boxes around the table (issue 13 §1).

Word draws a text box as a DrawingML shape (wps:txbx) inside mc:AlternateContent, with a VML copy of the same text
in mc:Fallback for older readers (ECMA-376 Part 3 §10.2.1; Part 1 §17.17.1 w:txbxContent). The body is written
with python-docx, a writer other than the program's own; the text boxes are added as Word writes them.

Usage: /usr/bin/python3 make_textbox_notice_docx.py <output folder>
"""

import os
import sys

from docx import Document
from lxml import etree

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
}
DECLS = " ".join(f'xmlns:{k}="{v}"' for k, v in NS.items())


def paragraphs_xml(lines):
    return "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{line}</w:t></w:r></w:p>" for line in lines)


def text_box(paragraph, lines):
    """A text box anchored in `paragraph`: the DrawingML shape, and its VML fallback holding the same text."""
    body = paragraphs_xml(lines)
    xml = f"""<w:r {DECLS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>
<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0"
 layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>
<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="5000000" cy="600000"/>
<wp:wrapTopAndBottom/><wp:docPr id="{abs(hash(body)) % 10000 + 1}" name="文本框"/>
<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
<wps:wsp><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5000000" cy="600000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>
<wps:txbx><w:txbxContent>{body}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>
</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
<mc:Fallback><w:pict><v:shape style="width:394pt;height:47pt"><v:textbox><w:txbxContent>{body}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>
</mc:AlternateContent></w:r>"""
    paragraph._p.append(etree.fromstring(xml))


def main(out):
    doc = Document()
    for line in ["上海市总工会", "沪工总宣〔2026〕30号", "关于开展2026年度职工读书活动的通知", "各区局（产业）工会：",
                 "请各单位填写《职工读书小组登记表》（附件1），于7月15日前报送。", "上海市总工会", "2026年6月1日"]:
        doc.add_paragraph(line)
    # 附件1 and the title in one text box anchored in an empty paragraph above the table, as clerks lay out a notice
    text_box(doc.add_paragraph(), ["附件1", "职工读书小组登记表"])
    doc.add_paragraph("填报单位：")
    t = doc.add_table(rows=5, cols=4)
    t.style = "Table Grid"
    for c, text in enumerate(["序号", "读书小组名称", "组长姓名", "成员人数"]):
        t.cell(0, c).text = text
    for r in range(1, 5):
        t.cell(r, 0).text = str(r)
    # the notes in a text box below the table
    text_box(doc.add_paragraph(), ["注：表格不够可另附。"])
    doc.add_paragraph("联系人：　　　　联系电话：")
    doc.save(os.path.join(out, "reading-notice.docx"))


main(sys.argv[1])
