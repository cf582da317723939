"""Sheet surgery for the clerk simulator, with openpyxl: a sheet rebuilt with rows or columns inserted (merges,
formats, widths and hidden flags carried along, as Excel does when a clerk inserts), a sheet copied into another
workbook, and the expected values' cell addresses moved with what moved."""
import copy
import os
import shutil
import tempfile
import zipfile
from xml.sax.saxutils import escape

from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import coordinate_from_string, column_index_from_string


def parse(a1):
    col, row = coordinate_from_string(a1)
    return row, column_index_from_string(col)


def a1(row, col):
    return f"{get_column_letter(col)}{row}"


def copy_cells(src, dst, row_map=lambda r: r, col_map=lambda c: c, styles=True):
    """Copies every cell, merge, row height, column width and hidden flag of src into the empty sheet dst."""
    for row in src.iter_rows():
        for c in row:
            if c.__class__.__name__ == "MergedCell":
                continue
            if c.value is None and not c.has_style:
                continue
            t = dst.cell(row=row_map(c.row), column=col_map(c.column))
            t.value = c.value
            if styles and c.has_style:
                t._style = copy.copy(c._style)
            elif c.number_format != "General":
                t.number_format = c.number_format
    for rng in src.merged_cells.ranges:
        dst.merge_cells(start_row=row_map(rng.min_row), start_column=col_map(rng.min_col),
                        end_row=row_map(rng.max_row), end_column=col_map(rng.max_col))
    for key, dim in src.column_dimensions.items():
        k = get_column_letter(col_map(column_index_from_string(key)))
        dst.column_dimensions[k].width = dim.width
        dst.column_dimensions[k].hidden = dim.hidden
    for key, dim in src.row_dimensions.items():
        r = row_map(key)
        if dim.height:
            dst.row_dimensions[r].height = dim.height
        dst.row_dimensions[r].hidden = dim.hidden


def rebuild(wb, ws, row_map=lambda r: r, col_map=lambda c: c, styles=True):
    """Replaces ws by a sheet of the same name and place whose cells moved by the maps; returns the new sheet."""
    index = wb.worksheets.index(ws)
    title = ws.title
    state = ws.sheet_state
    new = wb.create_sheet(title=title + "~", index=index)
    copy_cells(ws, new, row_map, col_map, styles)
    wb.remove(ws)
    new.title = title
    new.sheet_state = state
    if wb.active is None or wb.active.title == title or state == "visible":
        wb.active = wb.worksheets.index(new) if state == "visible" else wb.active
    return new


def inserted(at, n=1):
    """A map for n rows (or columns) inserted before index at."""
    return lambda i: i + n if i >= at else i


def move_cells(ret, fn):
    """Moves every cell address held by a Return (and its mistakes) through fn((row, col)) → (row, col)."""

    def m(cell):
        if not cell:
            return cell
        r, c = fn(parse(cell))
        return a1(r, c)

    ret.unit_cell = m(ret.unit_cell)
    for v in ret.single.values():
        v["cell"] = m(v["cell"])
    for row in ret.rows:
        for v in row.values():
            v["cell"] = m(v["cell"])
    for mistake in ret.mistakes:
        mistake["cells"] = [m(c) for c in mistake["cells"]]
    for extra in getattr(ret, "cell_notes", []):
        extra["cell"] = m(extra["cell"])


def plain(value):
    return value


def rich_runs(path, texts):
    """Rewrites the saved .xlsx so that each (text, k) shared string is two runs, the first k characters bold."""
    if not texts:
        return
    tmp = tempfile.mktemp(suffix=".xlsx", dir=os.path.dirname(path))
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/sharedStrings.xml":
                xml = data.decode("utf-8")
                for text, k in texts:
                    plain_si = f"<si><t>{escape(text)}</t></si>"
                    runs = (f'<si><r><rPr><b/></rPr><t xml:space="preserve">{escape(text[:k])}</t></r>'
                            f'<r><t xml:space="preserve">{escape(text[k:])}</t></r></si>')
                    xml = xml.replace(plain_si, runs, 1)
                data = xml.encode("utf-8")
            dst.writestr(item, data)
    shutil.move(tmp, path)
