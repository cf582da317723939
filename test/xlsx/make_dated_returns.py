"""Writes workbooks as clerks' copies of Excel would hold them — dates typed into list cells, cells merged over list
rows, Chinese built-in date formats, a 1904-system workbook, a sheet declaring 100,000 merged areas — with openpyxl
(not the project's writer), into the folder given. Prints, as JSON, what each file holds: for every cell checked, the
calendar day (as openpyxl wrote it) or the number, and the merged areas in A1 form.

    /usr/bin/python3 make_dated_returns.py OUT_DIR
"""
import datetime
import json
import os
import re
import sys
import zipfile

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

out = sys.argv[1]
manifest = []


def day(value):
    if isinstance(value, datetime.datetime):
        return {"date": value.date().isoformat(), "time": value.strftime("%H:%M")}
    return {"date": value.isoformat(), "time": "00:00"}


def rewrite(path, change):
    """Rewrites parts of a saved workbook: change(name, text) gives the new text, or None to keep the part."""
    with zipfile.ZipFile(path) as z:
        parts = [(info, z.read(info.filename)) for info in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in parts:
            new = change(info.filename, data.decode("utf-8")) if info.filename.endswith(".xml") else None
            z.writestr(info.filename, data if new is None else new.encode("utf-8"))


def as_builtin(path, codes):
    """Makes the cells shown with each custom format in `codes` ({format code: built-in id}) refer to the built-in id
    alone, with no declaration of it, as a Chinese Excel or WPS writes 2018年7月15日 (31) or 7月15日 (58)."""

    def change(name, xml):
        if name != "xl/styles.xml":
            return None
        for m in re.finditer(r'<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/>', xml):
            code = m.group(2).replace("&quot;", '"')
            if code in codes:
                xml = xml.replace(m.group(0), "")
                xml = xml.replace(f'numFmtId="{m.group(1)}"', f'numFmtId="{codes[code]}"')
        return xml

    rewrite(path, change)


# 1. A 活动项目 list in which a clerk typed dates into text columns (活动项目名称, 备注) in the ways Excel keeps them,
#    and merged the 单位 cell over two list rows.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "活动项目申报表"
ws["A1"] = "第七届职工文化节活动项目申报表"
ws.merge_cells("A1:E1")
for col, label in zip("ABCDE", ["单位名称", "活动项目名称", "活动时间", "参加人数", "备注"]):
    ws[f"{col}2"] = label
typed = {
    "B3": (datetime.date(2018, 7, 15), "yyyy/m/d"),  # 2018/7/15 typed into a General cell
    "B4": (datetime.date(2017, 5, 22), "mm-dd-yy"),  # built-in 14, the short date of the machine's locale
    "B5": (datetime.date(2016, 9, 1), 'yyyy"年"m"月"d"日"'),
    "E3": (datetime.datetime(2018, 7, 15, 9, 30), "yyyy-mm-dd hh:mm"),
    "E6": (datetime.date(2020, 2, 29), "yyyy-m-d"),
    "C3": (datetime.time(9, 30), "h:mm"),  # a time alone stays a number
    "C4": (0.75, "[h]:mm"),
}
cells = {}
for ref, (value, code) in typed.items():
    ws[ref] = value
    ws[ref].number_format = code
    cells[ref] = day(value) if isinstance(value, datetime.date) else None
cells["C3"] = {"number": 9.5 / 24}
cells["C4"] = {"number": 0.75}
for row, unit in [(3, "殷行街道总工会"), (4, "殷行街道总工会"), (5, "五角场街道总工会")]:
    ws[f"A{row}"] = unit
for row, count in [(3, 120), (4, 45), (5, 300), (6, 12), (7, 30)]:
    ws[f"D{row}"] = count
    cells[f"D{row}"] = {"number": count}
ws["A6"] = "杨浦区卫生系统工会"
ws.merge_cells("A6:A7")
ws["B6"] = "健康讲座"
ws["B7"] = "义诊活动"
ws["A9"] = "联系电话"
ws["B9"] = "021-63281234"
ws.merge_cells("B9:C9")
name = "text-column-dates.xlsx"
wb.save(os.path.join(out, name))
manifest.append({"file": name, "cells": cells, "merges": ["A1:E1", "A6:A7", "B9:C9"], "date1904": False})

# 2. Dates and times shown with the built-in formats of a Chinese Excel, named only by their ids.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "统计表"
builtin = {
    "A1": (datetime.date(2018, 7, 15), 'yyyy"年"m"月"d"日"', 31),
    "A2": (datetime.date(2018, 7, 1), 'yyyy"年"m"月"', 57),
    "A3": (datetime.date(2018, 7, 15), 'm"月"d"日"', 58),
    "A4": (datetime.date(2019, 3, 8), 'm"月"d"日";@', 28),
    "B1": (datetime.time(9, 30), 'h"时"mm"分"', 32),
    "B2": (datetime.time(14, 0), '上午/下午h"时"mm"分"', 55),
}
cells = {}
for ref, (value, code, _) in builtin.items():
    ws[ref] = value
    ws[ref].number_format = code
    cells[ref] = day(value) if isinstance(value, datetime.date) else None
cells["B1"] = {"number": 9.5 / 24}
cells["B2"] = {"number": 14 / 24}
ws["C1"] = 36
ws["C1"].number_format = "0"
cells["C1"] = {"number": 36}
name = "chinese-builtin-formats.xlsx"
wb.save(os.path.join(out, name))
as_builtin(os.path.join(out, name), {code: fid for (_, code, fid) in builtin.values()})
manifest.append({"file": name, "cells": cells, "merges": [], "date1904": False})

# 3. An old Mac workbook (1904 date system): dates, a time, a count, one date in a Chinese built-in format.
wb = openpyxl.Workbook()
wb.epoch = CALENDAR_MAC_1904
ws = wb.active
ws.title = "申报表"
ws["A1"] = "填报日期"
ws["B1"] = datetime.date(2018, 7, 15)
ws["B1"].number_format = "yyyy/m/d"
ws["B2"] = datetime.date(1904, 1, 2)
ws["B2"].number_format = "yyyy-mm-dd"
ws["B3"] = datetime.date(2017, 5, 22)
ws["B3"].number_format = 'm"月"d"日"'
ws["C1"] = datetime.time(18, 0)
ws["C1"].number_format = "h:mm"
ws["C2"] = 42
ws.merge_cells("A4:B5")
ws["A4"] = "备注"
ws["A6"] = "以上情况属实"
name = "mac-1904.xlsx"
wb.save(os.path.join(out, name))
as_builtin(os.path.join(out, name), {'m"月"d"日"': 58})
manifest.append({
    "file": name,
    "cells": {"B1": day(datetime.date(2018, 7, 15)), "B2": day(datetime.date(1904, 1, 2)), "B3": day(datetime.date(2017, 5, 22)),
              "C1": {"number": 0.75}, "C2": {"number": 42}},
    "merges": ["A4:B5"],
    "date1904": True,
})

# 4. A sheet that declares 100,000 merged areas (two cells each, down column A and far right), and some beyond its
#    last row or its 256th column.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "表"
ws["A1"] = "标题"
ws["A200000"] = "末行"
name = "many-merges.xlsx"
wb.save(os.path.join(out, name))
areas = [f"A{2 * i + 1}:B{2 * i + 1}" for i in range(100_000)]
extra = ["IU3:IZ4", "IW3:IX4", "C300000:D300001", "XFD1:XFD2"]
merge_xml = f'<mergeCells count="{len(extra) + len(areas)}">' + "".join(f'<mergeCell ref="{a}"/>' for a in extra + areas) + "</mergeCells>"
rewrite(os.path.join(out, name), lambda n, xml: xml.replace("</sheetData>", "</sheetData>" + merge_xml, 1) if n == "xl/worksheets/sheet1.xml" else None)
manifest.append({"file": name, "cells": {}, "merges": None, "date1904": False})

json.dump(manifest, sys.stdout, ensure_ascii=False)
