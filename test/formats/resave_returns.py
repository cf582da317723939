#!/usr/bin/python3
"""Issue 19 §5: the realistic-returns corpus (test/realistic/make_returns.py, written with openpyxl) saved again in
another file format, the way a clerk's own program would, with expected.json following the files:

    /usr/bin/python3 resave_returns.py SOURCE_DIR DEST_DIR FORMAT

SOURCE_DIR is make_returns.py's OUT_DIR (returns/, roster.txt, expected.json); DEST_DIR gets the same with every
one-sheet .xlsx return saved as FORMAT (a workbook of several sheets cannot be one CSV file, nor can a list cell
merged over two rows: those stay .xlsx):
  csv-gb18030   "CSV（逗号分隔）" as Excel on a Chinese Windows writes it: GBK (GB18030 for the few characters GBK
                lacks, such as ☑, which Excel would write as "?"), CRLF, cells as Excel shows them
                (dates yyyy/m/d), written by Python's csv module
  csv-utf8-bom  "CSV UTF-8（逗号分隔）": the same in UTF-8 with a byte-order mark
  csv-utf8      UTF-8 without a mark (LibreOffice's and WPS's default)
  tsv-utf16     "Unicode 文本": UTF-16LE with a mark, tab-separated (named .csv here: the reader takes .csv files)
  ods, xls      every .xlsx return converted by LibreOffice (soffice --convert-to), all sheets kept
  biff2, biff3, biff4
                Excel 2.x, 3.0 and 4.0 worksheets (bare BIFF records, no OLE container), written here from the
                published record layouts (BOF, CODEPAGE 936, LABEL, NUMBER, EOF), for one-sheet returns whose cells
                are text or numbers (no dates: those need FORMAT and XF records) in GBK; BIFF2 labels up to 255 bytes
Each new file keeps its return's modified time. In expected.json the file's name changes everywhere, and a CSV's one
sheet takes the file's name (as Excel names it when it opens a CSV). Prints {"converted": [names]}.
"""
import csv
import datetime as dt
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile

import openpyxl

CSV_FORMATS = {
    "csv-gb18030": ("gb18030", ","),
    "csv-utf8-bom": ("utf-8-sig", ","),
    "csv-utf8": ("utf-8", ","),
    "tsv-utf16": ("utf-16", "\t"),  # Python's utf-16 writes the mark, little-endian here
}


def shown(value):
    """A cell as Excel shows it in a CSV (its General format and a Chinese Windows' short date)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        day = f"{value.year}/{value.month}/{value.day}"
        return day if value.time() == dt.time(0) else f"{day} {value.hour}:{value.minute:02d}"
    if isinstance(value, dt.date):
        return f"{value.year}/{value.month}/{value.day}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def write_csv(source, target, encoding, delimiter):
    wb = openpyxl.load_workbook(source, data_only=True)
    ws = wb.worksheets[0]
    rows = [[shown(c) for c in row] for row in ws.iter_rows(values_only=True)]
    with open(target, "w", encoding=encoding, newline="") as f:
        csv.writer(f, delimiter=delimiter, lineterminator="\r\n").writerows(rows)


# Record ids and BOF bodies of Excel 2.x-4.0 worksheets: (BOF, LABEL, NUMBER, BOF body).
BIFF = {
    "biff2": (0x0009, 0x0004, 0x0003, struct.pack("<HH", 0x0002, 0x0010)),
    "biff3": (0x0209, 0x0204, 0x0203, struct.pack("<HHH", 0x0000, 0x0010, 0x0000)),
    "biff4": (0x0409, 0x0204, 0x0203, struct.pack("<HHH", 0x0000, 0x0010, 0x0000)),
}


def record(kind, body):
    return struct.pack("<HH", kind, len(body)) + body


def biff_bytes(path, fmt):
    """The sheet as BIFF2/3/4 records, or None where its cells cannot be written so (dates, booleans, text outside
    GBK, a BIFF2 label over 255 bytes)."""
    bof, label, number, bof_body = BIFF[fmt]
    ws = openpyxl.load_workbook(path, data_only=True).worksheets[0]
    out = [record(bof, bof_body), record(0x0042, struct.pack("<H", 936))]
    for row in ws.iter_rows():
        for c in row:
            v, r, col = c.value, c.row - 1, c.column - 1
            if v is None:
                continue
            if isinstance(v, bool) or isinstance(v, (dt.date, dt.datetime, dt.time)):
                return None
            if isinstance(v, (int, float)):
                attrs = b"\0\0\0" if fmt == "biff2" else struct.pack("<H", 0)
                out.append(record(number, struct.pack("<HH", r, col) + attrs + struct.pack("<d", float(v))))
                continue
            try:
                text = str(v).encode("gbk")
            except UnicodeEncodeError:
                return None
            if fmt == "biff2":
                if len(text) > 255:
                    return None
                out.append(record(label, struct.pack("<HH", r, col) + b"\0\0\0" + struct.pack("<B", len(text)) + text))
            else:
                out.append(record(label, struct.pack("<HHHH", r, col, 0, len(text)) + text))
    out.append(record(0x000A, b""))
    return b"".join(out)


def fits_one_csv(path):
    """One sheet, and no cell merged over two list rows (rows numbered in column A, as 序号): a CSV keeps a merged
    value in its top cell only, so the second row would come back blank (true of the CSV, not of the return as
    typed). A label or a one-record value merged over rows loses nothing: it is read from its top cell."""
    wb = openpyxl.load_workbook(path)
    if len(wb.sheetnames) != 1:
        return False
    ws = wb.worksheets[0]
    numbered = lambda row: isinstance(ws.cell(row=row, column=1).value, (int, float))
    for r in ws.merged_cells.ranges:
        if r.min_col > 1 and sum(1 for row in range(r.min_row, r.max_row + 1) if numbered(row)) > 1:
            return False
    return True


def follow(node, renamed):
    """Moves every reference to a renamed file (and, for a CSV, its sheet) in expected.json."""
    if isinstance(node, list):
        for item in node:
            follow(item, renamed)
        return
    if not isinstance(node, dict):
        return
    own = node.get("file", node.get("name"))
    if own in renamed and renamed[own][1] is not None:
        if "sheet" in node:
            node["sheet"] = renamed[own][1]
        for sheet in node.get("sheets", []):
            sheet["sheet"] = renamed[own][1]
    values = node.get("values")
    if isinstance(values, dict) and values.get("来源文件") in renamed and renamed[values["来源文件"]][1] is not None:
        values["工作表"] = renamed[values["来源文件"]][1]
    for value in node.values():
        follow(value, renamed)


def main():
    source, dest, fmt = sys.argv[1:4]
    if os.path.exists(dest):
        shutil.rmtree(dest)
    shutil.copytree(source, dest, ignore=shutil.ignore_patterns("out.xlsx", "report.json", "slips", "催报.txt"))
    returns = os.path.join(dest, "returns")
    names = sorted(n for n in os.listdir(returns) if n.endswith(".xlsx") and not n.startswith("~$"))
    renamed = {}  # old name -> (new name, new sheet name or None)
    if fmt in CSV_FORMATS:
        encoding, delimiter = CSV_FORMATS[fmt]
        for name in names:
            path = os.path.join(returns, name)
            if not fits_one_csv(path):
                continue
            stem = name[: -len(".xlsx")]
            target = os.path.join(returns, stem + ".csv")
            write_csv(path, target, encoding, delimiter)
            shutil.copystat(path, target)
            os.remove(path)
            renamed[name] = (stem + ".csv", stem[:31])
    elif fmt in BIFF:
        for name in names:
            path = os.path.join(returns, name)
            data = biff_bytes(path, fmt) if fits_one_csv(path) else None
            if data is None:
                continue
            stem = name[: -len(".xlsx")]
            target = os.path.join(returns, stem + ".xls")
            with open(target, "wb") as f:
                f.write(data)
            shutil.copystat(path, target)
            os.remove(path)
            # A bare worksheet has no sheet name: read as Sheet1, as SheetJS and LibreOffice name it.
            renamed[name] = (stem + ".xls", "Sheet1")
    elif fmt in ("ods", "xls"):
        with tempfile.TemporaryDirectory() as work:
            profile = "file://" + os.path.join(work, "profile")
            subprocess.run(
                ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", fmt, "--outdir", work]
                + [os.path.join(returns, n) for n in names],
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=300,
            )
            for name in names:
                stem = name[: -len(".xlsx")]
                made = os.path.join(work, f"{stem}.{fmt}")
                if not os.path.exists(made):
                    raise SystemExit(f"LibreOffice did not convert {name}")
                path = os.path.join(returns, name)
                target = os.path.join(returns, f"{stem}.{fmt}")
                shutil.move(made, target)
                shutil.copystat(path, target)
                os.remove(path)
                renamed[name] = (f"{stem}.{fmt}", None)
    else:
        raise SystemExit(f"unknown format {fmt}")

    expected_path = os.path.join(dest, "expected.json")
    with open(expected_path, encoding="utf-8") as f:
        expected = json.load(f)
    follow(expected, renamed)
    text = json.dumps(expected, ensure_ascii=False)
    for old, (new, _sheet) in renamed.items():
        # Whole names only: not the lock file ~$name, nor a name that ends another one.
        text = re.sub(r"(?<![\w~$])" + re.escape(old), new, text)
    with open(expected_path, "w", encoding="utf-8") as f:
        f.write(text)
    print(json.dumps({"converted": sorted(n for n, _ in renamed.values())}, ensure_ascii=False))


if __name__ == "__main__":
    main()
