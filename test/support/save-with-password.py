"""Saves each given workbook again with LibreOffice Calc, protected by an opening password, in a given format.

usage: /usr/bin/python3 save-with-password.py PASSWORD FILTER OUT_DIR FILE [FILE ...]
FILTER is a LibreOffice export filter: "Calc MS Excel 2007 XML" (.xlsx: ECMA-376 standard encryption, the
EncryptionInfo and EncryptedPackage streams of an OLE file) or "MS Excel 97" (.xls: a FILEPASS record).
"""
import os
import sys

import uno
from com.sun.star.beans import NamedValue, PropertyValue

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from calc_session import calc_desktop, prop  # noqa: E402

EXTENSIONS = {"Calc MS Excel 2007 XML": ".xlsx", "MS Excel 97": ".xls"}


def named(name, value):
    v = NamedValue()
    v.Name = name
    v.Value = value
    return v


def password_args(filter_name, password):
    if filter_name != "Calc MS Excel 2007 XML":
        return (prop("FilterName", filter_name), prop("Password", password))
    # The OOXML filter ignores "Password"; it encrypts with what the save dialog would pass.
    data = uno.Any("[]com.sun.star.beans.NamedValue", (named("OOXPassword", password), named("CryptoType", "Standard")))
    return (prop("FilterName", filter_name), PropertyValue("EncryptionData", 0, data, 0))


def main():
    password, filter_name, out_dir, files = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    with calc_desktop() as desktop:
        for path in files:
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0, (prop("Hidden", True),))
            stem = os.path.splitext(os.path.basename(path))[0]
            out = os.path.join(out_dir, stem + EXTENSIONS[filter_name])
            uno.invoke(doc, "storeToURL", (uno.systemPathToFileUrl(os.path.abspath(out)), password_args(filter_name, password)))
            doc.close(True)
            print(out)


if __name__ == "__main__":
    main()
