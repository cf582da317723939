"""Fills an imported form's template by its printed labels with openpyxl, as a district clerk would (issue 21 §4).

Usage: /usr/bin/python3 fill_by_labels.py JOBS.json
Each job: {"template", "out", "values": {label: value}, "list": {"columns": [label], "rows": [[value]]},
           "totals": [label]}
  - a value goes into the blank cell right of its label's (merged) cell;
  - list columns are found in the list's header rows (the rows of the first column's heading, merged down or not);
    a two-level column is "upper·lower": the lower heading under the upper one's span; rows go under the header;
  - "totals": list columns whose cell in the printed 合计 row should be computed by the template (a formula).
Labels are compared as a clerk reads them: without spaces, in half width, without a trailing colon, and without
their bracketed parts when nothing else differs. Never reads the program's definitions.
Prints {out: {"cells": {label or "label#row": "B4"}, "totals": {label: true|false}, "totalCells": {label: "C15"}}};
exits 3 with a line on stderr
when a label or a blank beside it is not found.
"""
import json
import re
import sys
import unicodedata

import openpyxl
from openpyxl.utils import get_column_letter


def key(text):
    t = unicodedata.normalize("NFKC", str(text))
    t = re.sub(r"[\s_·•・“”\"'‘’]", "", t)
    t = re.sub(r":+$", "", t)
    return re.sub(r"^其中:", "", t)


def bare(text):
    t, last = key(text), None
    while t != last:
        t, last = re.sub(r"\([^()]*\)", "", t), t
    return t


def same(label, text):
    return key(label) == key(text) or (bare(label) != "" and bare(label) == bare(text))


def fail(message):
    sys.stderr.write(message + "\n")
    sys.exit(3)


class Sheet:
    def __init__(self, ws):
        self.ws = ws
        self.areas = {(a.min_row, a.min_col): a for a in ws.merged_cells.ranges}
        self.texts = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and key(c.value) != ""]

    def span(self, cell):
        a = self.areas.get((cell.row, cell.column))
        return (cell.row, cell.column, a.max_row, a.max_col) if a else (cell.row, cell.column, cell.row, cell.column)

    def find(self, label, rows=None, cols=None):
        for exact in (True, False):
            for c in self.texts:
                if rows and not rows[0] <= c.row <= rows[1]:
                    continue
                if cols and not cols[0] <= c.column <= cols[1]:
                    continue
                if (key(label) == key(c.value)) if exact else same(label, c.value):
                    return c
        return None

    def blank_right_of(self, cell):
        top, _, _, right = self.span(cell)
        target = self.ws.cell(row=top, column=right + 1)
        if isinstance(target.value, str) and key(target.value) != "":
            fail(f"no blank beside {cell.value!r}: {target.coordinate} holds {target.value!r}")
        return target


def fill(job):
    wb = openpyxl.load_workbook(job["template"])
    ws = wb.worksheets[0]
    sheet = Sheet(ws)
    cells = {}
    for label, value in job.get("values", {}).items():
        found = sheet.find(label)
        if found is None:
            fail(f"label not found: {label}")
        target = sheet.blank_right_of(found)
        target.value = value
        cells[label] = target.coordinate
    totals = {}
    total_cells = {}
    lst = job.get("list")
    if lst:
        first = sheet.find(lst["columns"][0])
        if first is None:
            fail(f"list heading not found: {lst['columns'][0]}")
        top, _, bottom, _ = sheet.span(first)
        columns = []
        for label in lst["columns"]:
            if "·" in label:
                upper_text, lower_text = label.split("·", 1)
                upper = sheet.find(upper_text, rows=(top, bottom))
                if upper is None:
                    fail(f"list heading not found: {upper_text}")
                _, left, low, right = sheet.span(upper)
                lower = sheet.find(lower_text, rows=(low + 1, bottom + 1), cols=(left, right))
                if lower is None:
                    fail(f"list heading not found: {label}")
                bottom = max(bottom, sheet.span(lower)[2])
                columns.append(lower.column)
            else:
                found = sheet.find(label, rows=(top, bottom))
                if found is None:
                    fail(f"list heading not found: {label}")
                columns.append(found.column)
        for i, values in enumerate(lst["rows"], start=1):
            for label, col, value in zip(lst["columns"], columns, values):
                if value is None or value == "":
                    continue
                cell = ws.cell(row=bottom + i, column=col)
                if label == lst["columns"][0] and cell.value not in (None, ""):
                    continue  # 序号 printed by the template
                cell.value = value
                cells[f"{label}#{i}"] = cell.coordinate
        total_row = next((c.row for c in sheet.texts if c.row > bottom and key(c.value) == "合计"), None)
        for label in job.get("totals", []):
            col = columns[lst["columns"].index(label)]
            value = ws.cell(row=total_row, column=col).value if total_row else None
            totals[label] = isinstance(value, str) and value.startswith("=")
            if total_row:
                total_cells[label] = get_column_letter(col) + str(total_row)
    wb.save(job["out"])
    return {"cells": cells, "totals": totals, "totalCells": total_cells}


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        jobs = json.load(f)
    print(json.dumps({job["out"]: fill(job) for job in jobs}, ensure_ascii=False))


main()
