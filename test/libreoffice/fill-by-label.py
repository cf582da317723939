"""Fills a form template by its labels, as a clerk (or another program) would, independently of the project's code.

Usage: fill-by-label.py JOBS.json, where JOBS.json is a list of {"template", "out", "values": {label: value}}.
Each value goes into the cell just right of the label (right of the label's merged area); values are written as
given (numbers as numbers, text as text). Prints nothing; fails loudly when a label is missing.
"""
import json
import sys

import openpyxl


def label_cells(ws):
    merged = {}
    for area in ws.merged_cells.ranges:
        merged[(area.min_row, area.min_col)] = area
    found = {}
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str):
                text = "".join(cell.value.split())
                area = merged.get((cell.row, cell.column))
                right = area.max_col if area else cell.column
                found.setdefault(text, (cell.row, right + 1))
    return found


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        jobs = json.load(f)
    for job in jobs:
        wb = openpyxl.load_workbook(job["template"])
        ws = wb.worksheets[0]
        labels = label_cells(ws)
        for label, value in job["values"].items():
            if label not in labels:
                raise SystemExit("label not found: " + label)
            row, col = labels[label]
            ws.cell(row=row, column=col).value = value
        wb.save(job["out"])


main()
