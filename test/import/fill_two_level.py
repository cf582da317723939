"""Fills a list under a two-level header by its printed labels with openpyxl, as another program would (issue 21 §3).

Usage: /usr/bin/python3 fill_two_level.py JOBS.json. Each job:
  {"template", "out", "rows": [{"单位名称": "…", "慰问困难职工/人数": 3, …}]}
A column is named by its header's printed words, top level first ("慰问困难职工/人数": the 人数 right under the
merged 慰问困难职工); a one-level column by its own words. Rows go under the header, one each. Prints
{out: {"慰问困难职工/人数#1": "C5", …, "慰问困难职工/人数#合计": "C9"}}: the cells written, and for each column
named its cell in the row printed 合计 below the list.
Never reads the program's definitions: only what is printed on the sheet.
"""
import json
import sys

import openpyxl
from openpyxl.utils import get_column_letter


def squash(text):
    return "".join(str(text).split())


def find(ws, text, within=None):
    """The first cell showing `text` (inside the columns `within` and below its row, when given)."""
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is None or squash(cell.value) != text:
                continue
            if within and not (within[0] <= cell.column <= within[1] and cell.row > within[2]):
                continue
            return cell
    raise SystemExit("label not found: " + text)


def area_of(ws, cell):
    for a in ws.merged_cells.ranges:
        if a.min_row == cell.row and a.min_col == cell.column:
            return a.min_col, a.max_col, a.max_row
    return cell.column, cell.column, cell.row


def column_of(ws, name):
    """The column a header path stands over, and the header's last row there."""
    parts = name.split("/")
    cell = find(ws, parts[0])
    left, right, bottom = area_of(ws, cell)
    for part in parts[1:]:
        cell = find(ws, part, (left, right, bottom))
        left, right, bottom = area_of(ws, cell)
    return left, bottom


def fill(job):
    wb = openpyxl.load_workbook(job["template"])
    ws = wb.worksheets[0]
    names = sorted({n for r in job["rows"] for n in r})
    columns = {n: column_of(ws, n) for n in names}
    top = max(bottom for _, bottom in columns.values())
    written = {}
    for i, values in enumerate(job["rows"], start=1):
        for name, value in values.items():
            ws.cell(row=top + i, column=columns[name][0]).value = value
            written[f"{name}#{i}"] = get_column_letter(columns[name][0]) + str(top + i)
    total = find(ws, "合计")
    wb.save(job["out"])
    for n, (col, _) in columns.items():
        written[f"{n}#合计"] = get_column_letter(col) + str(total.row)
    return written


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        jobs = json.load(f)
    print(json.dumps({job["out"]: fill(job) for job in jobs}, ensure_ascii=False))


main()
