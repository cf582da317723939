"""Evaluates a template's conditional-format formulas on filled-in forms with LibreOffice, independently of the
project's code.

Usage: eval-cf.py JOBS.json, where JOBS.json is a list of {"template", "out", "values": {A1: value}}; a value is a
string, a number, or {"date": "YYYY-MM-DD"} (written as a real date). For each job:
- the template is filled with openpyxl (values as given) and saved to "out", for the add-in's reader;
- every formula rule of the sheet's conditional formatting is translated to each cell of its range (openpyxl's
  Translator, from the range's top-left cell), and typed as "=formula" into a spare cell far right of the form (A1
  text names the same cells wherever it is typed); that copy is saved next to "out";
- one headless LibreOffice opens every copy, recalculates, and reads the results back.
Prints JSON: per job, a list of {"range", "formula", "fill", "cells": {A1: true | false | "error"}}.
"""
import datetime
import json
import os
import sys

import openpyxl
from openpyxl.formula.translate import Translator
from openpyxl.utils import get_column_letter, range_boundaries

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from calc_session import calc_desktop, prop  # noqa: E402

# Far right of any form (forms use fewer than 40 columns), beyond the columns the add-in's reader keeps (256).
PROBE_COLUMN = 300


def cell_value(value):
    if isinstance(value, dict) and "date" in value:
        return datetime.datetime.strptime(value["date"], "%Y-%m-%d")
    return value


def fill_colour(rule):
    fill = rule.dxf.fill if rule.dxf is not None else None
    if fill is None:
        return None
    for colour in (fill.bgColor, fill.fgColor, getattr(fill, "start_color", None)):
        rgb = getattr(colour, "rgb", None)
        if isinstance(rgb, str) and len(rgb) >= 6:
            return "#" + rgb[-6:].upper()
    return None


def cells_of(sqref):
    for part in str(sqref).split():
        left, top, right, bottom = range_boundaries(part)
        for row in range(top, bottom + 1):
            for col in range(left, right + 1):
                yield f"{get_column_letter(col)}{row}"


def prepare(job):
    wb = openpyxl.load_workbook(job["template"])
    ws = wb.worksheets[0]
    for address, value in job["values"].items():
        if value is None:
            continue
        cell = ws[address]
        cell.value = cell_value(value)
        if isinstance(cell.value, datetime.datetime):
            cell.number_format = "yyyy-mm-dd"
    wb.save(job["out"])
    rules = []
    row = 1
    probe_col = get_column_letter(PROBE_COLUMN)
    for formatting in ws.conditional_formatting:
        for rule in formatting.rules:
            if rule.type != "expression":
                continue
            origin = str(formatting.sqref).split()[0].split(":")[0]
            formula = "=" + rule.formula[0]
            probes = {}
            for address in cells_of(formatting.sqref):
                probe = f"{probe_col}{row}"
                row += 1
                ws[probe] = Translator(formula, origin=origin).translate_formula(address)
                probes[address] = probe
            rules.append({"range": str(formatting.sqref), "formula": rule.formula[0], "fill": fill_colour(rule), "probes": probes})
    probe_file = job["out"] + ".probe.xlsx"
    wb.save(probe_file)
    return probe_file, rules


def evaluate(desktop, probe_file, rules):
    url = "file://" + os.path.abspath(probe_file)
    doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
    try:
        doc.calculateAll()
        sheet = doc.Sheets.getByIndex(0)
        out = []
        for rule in rules:
            cells = {}
            for address, probe in rule["probes"].items():
                cell = sheet.getCellRangeByName(probe)
                cells[address] = "error" if cell.getError() != 0 else cell.getValue() != 0
            out.append({"range": rule["range"], "formula": rule["formula"], "fill": rule["fill"], "cells": cells})
        return out
    finally:
        doc.close(True)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        jobs = json.load(f)
    prepared = [prepare(job) for job in jobs]
    with calc_desktop() as desktop:
        results = [evaluate(desktop, probe_file, rules) for probe_file, rules in prepared]
    json.dump(results, sys.stdout, ensure_ascii=False)


main()
