"""Copies the first sheet of each given workbook into a new, empty workbook with LibreOffice Calc
(Sheets.importSheet, as a person's "move or copy sheet to another document"), then saves the copy as .xlsx.

usage: /usr/bin/python3 copy-sheet.py OUT_DIR FILE.xlsx [FILE.xlsx ...]
"""
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + 60
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:
            if time.time() > deadline:
                raise
            time.sleep(0.3)


def main():
    out_dir, files = sys.argv[1], sys.argv[2:]
    profile = tempfile.mkdtemp(prefix="uf-lo-profile-")
    pipe = f"unionforms{os.getpid()}"
    office = subprocess.Popen([
        "soffice", "--headless", "--norestore", "--nologo", "--nodefault",
        f"-env:UserInstallation=file://{profile}", f"--accept=pipe,name={pipe};urp;",
    ])
    try:
        ctx = connect(pipe)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
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
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            office.wait(timeout=20)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main()
