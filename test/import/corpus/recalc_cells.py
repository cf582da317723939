"""Values of given cells after LibreOffice Calc recalculates a workbook: what a unit sees in the template's own
合计 row once it has typed its list (issue 21 §3), computed by another program than ours.

Usage: /usr/bin/python3 recalc_cells.py JOBS.json   with JOBS = [{"file": path, "cells": ["C15", …]}]
Prints {file: {cell: number or text}}.
"""
import json
import os
import sys

import uno

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))
from calc_session import calc_desktop, prop  # noqa: E402



def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        jobs = json.load(f)
    found = {}
    with calc_desktop() as desktop:
        for job in jobs:
            url = uno.systemPathToFileUrl(os.path.abspath(job["file"]))
            doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
            try:
                doc.calculateAll()
                sheet = doc.Sheets.getByIndex(0)
                values = {}
                for name in job["cells"]:
                    cell = sheet.getCellRangeByName(name)
                    values[name] = cell.getValue() if cell.getError() == 0 and cell.getString() != "" else cell.getString()
                found[job["file"]] = values
            finally:
                doc.close(True)
    print(json.dumps(found, ensure_ascii=False))


main()
