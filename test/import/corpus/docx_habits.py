"""How union offices lay out a notice in Word, as python-docx can write it (issue 21 §4).

Small helpers used by make_corpus.py: paragraphs typed line by line, a title broken over lines, merged cells,
header rows repeated over pages (w:tblHeader), a page break, a landscape section, □ inserted as a Wingdings symbol.
Nothing here knows the program's reader.
"""

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def new_document():
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "仿宋_GB2312"
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")
    return doc


def lines(doc, *texts):
    for text in texts:
        doc.add_paragraph(text)


def page_break(doc):
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def landscape_section(doc):
    """A new section on a new page turned landscape, as Word's 页面设置 → 横向 for "本节" does."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    return section


def portrait_section(doc):
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.PORTRAIT
    if section.page_width > section.page_height:
        section.page_width, section.page_height = section.page_height, section.page_width
    return section


def table(doc, rows, cols):
    t = doc.add_table(rows=rows, cols=cols)
    t.style = "Table Grid"
    return t


def put(t, row, col, text, last_col=None, last_row=None):
    """Text in a cell, merged right to last_col and down to last_row when given."""
    cell = t.cell(row, col)
    if last_col is not None or last_row is not None:
        cell = cell.merge(t.cell(last_row if last_row is not None else row, last_col if last_col is not None else col))
    cell.text = text
    return cell


def repeat_header(row):
    """Word's 表格属性 → 行 → 在各页顶端以标题行形式重复出现."""
    tr_pr = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    tr_pr.append(flag)


def sym_box(paragraph, text_after=""):
    """□ inserted as Word's 插入 → 符号 does: Wingdings 0xA8 in a w:sym element."""
    run = paragraph.add_run()
    sym = OxmlElement("w:sym")
    sym.set(qn("w:font"), "Wingdings")
    sym.set(qn("w:char"), "F0A8")
    run._r.append(sym)
    if text_after:
        paragraph.add_run(text_after)
