"""Each attachment of a notice's Word file laid into a sheet as a clerk pastes it into Excel (issue 13 §2).

Reads the .docx with python-docx (not the program's reader) and writes one .xlsx per attachment with openpyxl:
the lines above the table (附件N, the title, the unit line) one per row in column A, the table with its merged
cells (w:gridSpan across, w:vMerge down) merged in the sheet, a cell's paragraphs joined by line breaks, then the
lines below (注, 联系人). Column widths follow the table's grid (twentieths of a point → Excel's character units).
Two blank rows and a blank column are left around it, as a clerk's selection rarely starts at A1.

Usage: /usr/bin/python3 paste_into_sheet.py <notice.docx> <output folder>
Prints one line per sheet written: <file name>\t<selected range>
"""

import os
import re
import sys

from docx import Document
from docx.oxml.ns import qn
from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

HEADING = re.compile(r"^附件\s*(\d+)\s*[:：]?$")
TOP, LEFT = 3, 2  # the pasted block starts at B3


def cell_text(tc):
    paragraphs = []
    for p in tc.iter(qn("w:p")):
        text = ""
        for node in p.iter():
            if node.tag == qn("w:t"):
                text += node.text or ""
            elif node.tag == qn("w:sym"):
                text += "□"  # Word's Insert Symbol box: Excel shows the Wingdings glyph, a clerk reads □
            elif node.tag == qn("w:tab"):
                text += "\t"
        paragraphs.append(text)
    return "\n".join(paragraphs).strip()


def table_cells(tbl):
    """(row, col, rowspan, colspan, text) for each cell, vertical merges resolved."""
    placed = []
    for r, tr in enumerate(tbl.iter(qn("w:tr"))):
        col = 0
        for tc in tr.findall(qn("w:tc")):
            pr = tc.find(qn("w:tcPr"))
            span_el = pr.find(qn("w:gridSpan")) if pr is not None else None
            span = int(span_el.get(qn("w:val"))) if span_el is not None else 1
            vmerge = pr.find(qn("w:vMerge")) if pr is not None else None
            if vmerge is not None and vmerge.get(qn("w:val")) != "restart":
                above = [c for c in placed if c[1] == col and c[0] + c[2] == r]
                if above:
                    i = placed.index(above[-1])
                    row, c0, rs, cs, text = placed[i]
                    placed[i] = (row, c0, rs + 1, cs, text)
            else:
                placed.append((r, col, 1, span, cell_text(tc)))
            col += span
    return placed


def attachments(doc):
    """Blocks of the body split at each 附件N paragraph: (heading, [paragraph texts or table elements])."""
    out = []
    current = None
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            text = "".join(t.text or "" for t in child.iter(qn("w:t"))).strip()
            if HEADING.match(re.sub(r"\s+", "", text)):
                current = (text, [])
                out.append(current)
            elif current is not None and text:
                current[1].append(text)
        elif child.tag == qn("w:tbl") and current is not None:
            current[1].append(child)
    return out


def write(heading, blocks, path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    row = TOP
    width = 1
    ws.cell(row=row, column=LEFT, value=heading)
    row += 1
    for block in blocks:
        if isinstance(block, str):
            ws.cell(row=row, column=LEFT, value=block)
            row += 1
            continue
        grid = block.find(qn("w:tblGrid"))
        cols = [int(g.get(qn("w:w"))) for g in grid.findall(qn("w:gridCol"))] if grid is not None else []
        for i, twips in enumerate(cols):
            ws.column_dimensions[get_column_letter(LEFT + i)].width = round(twips / 20 / 5.25, 1)
        cells = table_cells(block)
        rows = 0
        for r, c, rs, cs, text in cells:
            target = ws.cell(row=row + r, column=LEFT + c, value=text or None)
            target.alignment = Alignment(wrap_text=True, vertical="center")
            if rs > 1 or cs > 1:
                ws.merge_cells(start_row=row + r, start_column=LEFT + c, end_row=row + r + rs - 1, end_column=LEFT + c + cs - 1)
            rows = max(rows, r + rs)
            width = max(width, c + cs)
        row += rows
    wb.save(path)
    return f"{get_column_letter(LEFT)}{TOP}:{get_column_letter(LEFT + width - 1)}{row - 1}"


def main(docx_path, out_dir):
    doc = Document(docx_path)
    stem = os.path.splitext(os.path.basename(docx_path))[0]
    for heading, blocks in attachments(doc):
        if not any(not isinstance(b, str) for b in blocks):
            continue
        no = HEADING.match(re.sub(r"\s+", "", heading)).group(1)
        name = f"{stem}-{no}.xlsx"
        selected = write(heading, blocks, os.path.join(out_dir, name))
        print(f"{name}\t{selected}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
