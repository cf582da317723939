"""Saves each given workbook again as an .xlsx or .xls that needs a password to open (LibreOffice Calc, through its
Python bridge), as a unit that "protects" its return before mailing it would.

usage: /usr/bin/python3 encrypt.py PASSWORD OUT_DIR FILE.xlsx|FILE.xls [...]
(OUT_DIR must not be the folder of the files.)
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import NamedValue, PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def store_args(path, password):
    """What LibreOffice's save dialog hands the filters: for .xlsx the password as encryption data (ECMA-376
    standard encryption, as Excel 2007 wrote it; LibreOffice 7.4 cannot write agile encryption), for .xls the
    password itself (RC4, as Excel 97-2003 wrote it)."""
    if path.lower().endswith(".xls"):
        return (prop("FilterName", "MS Excel 97"), prop("Password", password))
    data = tuple(named(k, v) for k, v in (("OOXPassword", password), ("CryptoType", "Standard")))
    return (prop("FilterName", "Calc MS Excel 2007 XML"), prop("EncryptionData", uno.Any("[]com.sun.star.beans.NamedValue", data)))


def named(name, value):
    v = NamedValue()
    v.Name = name
    v.Value = value
    return v


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
            time.sleep(0.2)


def main():
    password, out_dir, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    profile = tempfile.mkdtemp(prefix="uf-lo-profile-")
    pipe = f"unionformsenc{os.getpid()}"
    office = subprocess.Popen([
        "soffice", "--headless", "--norestore", "--nologo", "--nodefault",
        f"-env:UserInstallation=file://{profile}", f"--accept=pipe,name={pipe};urp;",
    ])
    try:
        ctx = connect(pipe)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        for path in files:
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0, (prop("Hidden", True),))
            try:
                out = os.path.abspath(os.path.join(out_dir, os.path.basename(path)))
                args = uno.Any("[]com.sun.star.beans.PropertyValue", store_args(out, password))
                uno.invoke(doc, "storeToURL", (uno.systemPathToFileUrl(out), args))
            finally:
                doc.close(True)
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
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
