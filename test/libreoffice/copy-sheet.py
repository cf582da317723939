"""Copies the first sheet of each given workbook into a new, empty workbook with LibreOffice Calc
(Sheets.importSheet, as a person's "move or copy sheet to another document"), then saves the copy as .xlsx.

usage: /usr/bin/python3 copy-sheet.py OUT_DIR FILE.xlsx [FILE.xlsx ...]
"""
import os
import sys

import uno

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from calc_session import calc_desktop, prop  # noqa: E402


def main():
    out_dir, files = sys.argv[1], sys.argv[2:]
    with calc_desktop() as desktop:
        hidden = (prop("Hidden", True),)
        for path in files:
            source = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0, hidden)
            target = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, hidden)
            name = source.Sheets.getElementNames()[0]
            target.Sheets.getByIndex(0).Name = "其他内容"
            target.Sheets.importSheet(source, name, 1)
            out = os.path.join(out_dir, os.path.basename(path))
            target.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)), (prop("FilterName", "Calc MS Excel 2007 XML"),))
            source.close(True)
            target.close(True)
            print(out)


if __name__ == "__main__":
    main()
