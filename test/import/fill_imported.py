"""Fills an imported form's template by its printed labels with openpyxl, as another program would (issue 13 §3).

Usage: /usr/bin/python3 fill_imported.py JOBS.json. Each job is one of
  {"template", "out", "values": {label: value}, "list": {"rows": [{header: value}]}}
      a value goes into the cell right of its label (right of the label's merged area); list rows go under the
      header row that holds every header named, one row each. Prints {out: {label: "B4"}} for the cells written.
  {"edit": file, "out", "replace": [old, new]}  changes the text of the very hidden definition sheet (tampering).
  {"edit": file, "out", "text": envelope}       puts this text in the definition sheet instead of its own.
Never reads the program's definitions: the labels are the ones printed on the sheet.
"""
import json
import sys

import openpyxl
from openpyxl.utils import get_column_letter

DEFINITION_SHEET = "UnionForms_定义"


def squash(text):
    return "".join(text.split())


def label_cells(ws):
    merged = {(a.min_row, a.min_col): a for a in ws.merged_cells.ranges}
    found = {}
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                area = merged.get((cell.row, cell.column))
                right = area.max_col if area else cell.column
                found.setdefault(squash(cell.value), (cell.row, cell.column, right + 1))
    return found


def fill(job):
    wb = openpyxl.load_workbook(job["template"])
    ws = wb.worksheets[0]
    labels = label_cells(ws)
    written = {}
    for label, value in job.get("values", {}).items():
        if label not in labels:
            raise SystemExit("label not found: " + label)
        row, _, col = labels[label]
        ws.cell(row=row, column=col).value = value
        written[label] = get_column_letter(col) + str(row)
    rows = job.get("list", {}).get("rows", [])
    if rows:
        headers = {h for r in rows for h in r}
        header_rows = {labels[h][0] for h in headers if h in labels}
        if len(header_rows) != 1 or any(h not in labels for h in headers):
            raise SystemExit("list header not found: " + ", ".join(sorted(headers)))
        top = header_rows.pop()
        for i, values in enumerate(rows, start=1):
            for header, value in values.items():
                col = labels[header][1]
                ws.cell(row=top + i, column=col).value = value
                written[f"{header}#{i}"] = get_column_letter(col) + str(top + i)
    wb.save(job["out"])
    return written


def edit(job):
    wb = openpyxl.load_workbook(job["edit"])
    ws = wb[DEFINITION_SHEET]
    if "replace" in job:
        old, new = job["replace"]
        cell = next(c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and old in c.value)
        cell.value = cell.value.replace(old, new, 1)
    else:
        for row in ws.iter_rows():
            for c in row:
                c.value = None
        ws["A1"].value = job["text"]
    wb.save(job["out"])
    return {}


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        jobs = json.load(f)
    print(json.dumps({job["out"]: (edit(job) if "edit" in job else fill(job)) for job in jobs}, ensure_ascii=False))


main()
