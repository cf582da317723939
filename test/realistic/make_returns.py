#!/usr/bin/python3
"""The realistic-returns corpus (issue 10 §6): about 35 returns made the way district clerks make them, and the
values a careful clerk would expect in the summaries, computed here from what was written (never from the
project's code).

    /usr/bin/python3 make_returns.py OUT_DIR [--templates DIR] [--no-libreoffice]

writes OUT_DIR/returns/ (the folder to merge), OUT_DIR/roster.txt and OUT_DIR/expected.json.
--templates: the template pack (`node bin/union-forms.js template --all -o DIR`); made with the built CLI if left out.
--no-libreoffice: no .xls re-saves, LibreOffice edits or sheets copied between workbooks (those returns are then
written as plain .xlsx files; expected.json says what was left out).

How the returns are made:
  - "filled": the template pack file opened with openpyxl and filled by its PRINTED LABELS, as a person does: find
    the cell whose text is the label, type into the cell beside it (or under it, or before it for a tick box);
    list rows go under the printed column headings. No coordinate of the project's layout is used.
  - "retyped": a new workbook typed by hand from the notice's text (test/fixtures/notices): no marker, the
    clerk's own layout (blank rows, moved or extra columns, full-width colons, spaces in labels, label and value in
    one cell, other merges, tick-box characters).
  - LibreOffice (through its Python bridge, test/support/calc_session.py) re-saves some as .xls, edits and re-saves
    others as .xlsx, and copies two forms' sheets into one workbook.
"""
import argparse
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import openpyxl
from openpyxl.styles import Alignment, Border, Side
from openpyxl.utils import get_column_letter

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))

D = dt.datetime
MARKED = "☑■√✓✔"
UNMARKED = "□☐"
BOX = MARKED + UNMARKED

# The notices' years: a date typed without a year ("5月22日") is in the notice's year.
YEAR = {
    "festival-project": 2017,
    "festival-stats": 2017,
    "studio-summary": 2020,
    "studio-application": 2020,
    "yangpu-theme-activity": 2018,
    "yangpu-volunteer-team": 2018,
}

# The summary sheets (target contract): per form, the sheet of one row per return and/or of one row per list row.
SUMMARY = {
    "festival-project": {"single": "活动项目概览"},
    "festival-stats": {"single": "活动情况统计汇总"},
    "studio-summary": {"single": "创新工作室推荐汇总-单位", "list": "创新工作室推荐汇总-名单"},
    "studio-application": {"single": "工作室申请一览-单位", "list": "工作室申请一览-名单"},
    # The 杨浦 list forms have one summary: each row repeats its return's own fields (联系人, 联系电话, 填报日期).
    "yangpu-theme-activity": {"list": "主题活动汇总"},
    "yangpu-volunteer-team": {"list": "志愿者服务队汇总"},
}

# What makes a summary row unique (the notice: 一项活动项目填写一份申报表; one application per workshop).
ROW_KEY = {
    "活动项目概览": ["单位", "活动项目名称"],
    "活动情况统计汇总": ["单位"],
    "创新工作室推荐汇总-单位": ["单位"],
    "创新工作室推荐汇总-名单": ["单位", "工作室名称"],
    "工作室申请一览-单位": ["单位", "工作室名称"],
    "工作室申请一览-名单": ["单位", "工作室名称", "姓名"],
    "主题活动汇总": ["单位", "活动名称"],
    "志愿者服务队汇总": ["单位", "登记服务队名称"],
}

# Which returns are the same one sent again (a later one replaces it): the unit and, where the notice allows
# several per unit, the distinguishing field.
SAME_RETURN_BY = {"festival-project": "活动项目名称", "studio-application": "工作室名称"}

# ---------------------------------------------------------------------------------------------------------------
# Printed label → summary header (the summary's column is the field's label in the form definition), and what kind
# of value it holds. Hand-written from the notices' printed forms.

PROJECT_LABELS = [
    ("活动项目名称", "活动项目名称", "text"),
    ("主办单位", "主办单位", "text"),
    ("承办单位", "承办单位", "text"),
    ("协办单位", "协办单位", "text"),
    ("举办时间", "举办时间", "daterange"),
    ("举办地点", "举办地点", "text"),
    ("参加对象", "参加对象", "text"),
    ("参加人数", "参加人数", "number"),
    ("联系人姓名", "联系人姓名", "text"),
    ("联系电话", "联系电话", "text"),
    ("主要活动项目简介", "主要活动项目简介", "text"),
]
PROJECT_DATE = "填报日期（月日）"  # printed as "月 日" at the end of the 申报单位 line

# (key, printed item text, header of its 是 column or None, headers of its 数量 cells)
STATS_ITEMS = [
    ("plan", "是否制定开展第七届上海职工科技节活动的计划", "制定开展本届上海职工科技节活动的计划（是）",
     ["制定开展本届上海职工科技节活动的计划（数量）"]),
    ("festivalWeek", "是否举办本单位的职工科技节或职工科技创新活动周", "举办本单位的职工科技节或职工科技创新活动周（是）",
     ["举办本单位的职工科技节或职工科技创新活动周（数量）"]),
    ("meeting", "是否召开有关科技创新工作推进会议", "召开有关科技创新工作推进会议（是）", ["会议数"]),
    ("awards", "是否在科技周中评选和表彰创新先进人物、创新成果", "在科技周中评选和表彰创新先进人物、创新成果（是）",
     ["在科技周中评选和表彰创新先进人物、创新成果（数量）"]),
    ("lecturers", "是否邀请市职工科普讲师团进作报告", "邀请市职工科普讲师团进作报告（是）", ["报告数"]),
    ("forum", "是否举行职工创新座谈会、创新论坛、研讨会", "举行职工创新座谈会、创新论坛、研讨会（是）",
     ["举行职工创新座谈会、创新论坛、研讨会（数量）"]),
    ("exhibition", "是否举行职工创新成果展示、展览活动", "举行职工创新成果展示、展览活动（是）",
     ["举行职工创新成果展示、展览活动（数量）"]),
    ("lectures", "是否举办有关科技创新专题讲座、报告会", "举办有关科技创新专题讲座、报告会（是）",
     ["举办有关科技创新专题讲座、报告会（数量）"]),
    ("essays", "是否组织有关职工技术创新主题征文、演讲活动", "组织有关职工技术创新主题征文、演讲活动（是）",
     ["组织有关职工技术创新主题征文、演讲活动（数量）"]),
    ("suggestions", "是否开展合理化建议、金点子征集活动（合理化建议数）", "开展合理化建议、金点子征集活动（是）", ["合理化建议数"]),
    ("challenges", "是否组织开展企业生产难题招标揭榜和技术攻关活动", "组织开展企业生产难题招标揭榜和技术攻关活动（是）",
     ["组织开展企业生产难题招标揭榜和技术攻关活动（数量）"]),
    ("methods", "是否开展总结、推广职工先进操作法或技术交流活动", "开展总结、推广职工先进操作法或技术交流活动（是）",
     ["开展总结、推广职工先进操作法或技术交流活动（数量）"]),
    ("contest", "是否举行职工技能比赛（工种数）、（参加的职工数）", "举行职工技能比赛（是）", ["工种数", "参加的职工数"]),
    ("pairing", "是否开展创新技能人才“结对”活动（“结对”数）", "开展创新技能人才“结对”活动（是）", ["“结对”数"]),
    ("other", "其它形式的职工科技创新活动", "其它形式的职工科技创新活动（是）", ["其它形式的职工科技创新活动（数量）"]),
    ("mechanism", "是否建立和完善鼓励职工科技创新的工作机制", "建立和完善鼓励职工科技创新的工作机制（是）",
     ["建立和完善鼓励职工科技创新的工作机制（数量）"]),
    ("baseUnits", "科技周期间，本单位开展群众性科技创新活动的基层单位数", None, ["基层单位数"]),
    ("workers", "科技周期间，本单位参加群众性科技创新活动的职工数", None, ["职工数"]),
]
STATS_FEATURED = ("本单位在职工科技节期间，组织开展了哪些特色活动（可附页）：", "特色活动")

STUDIO_TYPES = ["工匠工作室", "技师工作室", "职工工作室", "巾帼工作室"]
SUMMARY_LABELS = [
    ("申报人", "申报人", "text", None),
    ("联系方式", "联系方式", "text", None),
    ("开展本行业、本系统工作室创建活动（方案可附后）", "开展工作室创建活动", "choice", ["有", "无"]),
    ("本地区、本系统工匠创新工作室创建数", "工匠创新工作室创建数", "number", None),
    ("本地区、本系统技师创新工作室创建数", "技师创新工作室创建数", "number", None),
    ("本地区、本系统职工创新工作室创建数", "职工创新工作室创建数", "number", None),
    ("本地区、本系统巾帼创新工作室创建数", "巾帼创新工作室创建数", "number", None),
]
SUMMARY_LIST = [("序号", "序号", "number"), ("工作室类型", "工作室类型", "text"), ("工作室名称", "工作室名称", "text"),
                ("申报单位", "申报单位", "text"), ("领衔人", "领衔人", "text")]
SUMMARY_OPINION = ("区局（产业）工会申报意见", "区局（产业）工会申报意见")

APPLICATION_LABELS = [
    ("工作室名称", "工作室名称", "text", None),
    ("工作室技术专长", "工作室技术专长", "text", None),
    ("申报类型（勾选）", "申报类型", "choice", STUDIO_TYPES),
    ("所属系统", "所属系统", "text", None),
    ("单位性质", "单位性质", "text", None),
    ("所属行业", "所属行业", "text", None),
    ("单位地址", "单位地址", "text", None),
    ("邮政编码", "邮政编码", "text", None),
    ("领衔人姓名", "领衔人姓名", "text", None),
    ("职务", "职务", "text", None),
    ("联系方式", "联系方式", "text", None),
    ("性别", "性别", "text", None),
    ("年龄", "年龄", "number", None),
    ("学历", "学历", "text", None),
    ("工种", "工种", "text", None),
    ("工作年限", "工作年限", "number", None),
    ("技能等级", "技能等级", "choice", ["高级技师", "技师", "高级工", "中级工", "初级工", "无"]),
    ("职称", "职称", "choice", ["高级", "中级", "初级", "无"]),
    ("领衔人户籍属性", "领衔人户籍属性", "choice", ["非农业", "农业"]),
    ("户籍地", "户籍地", "choice", ["本市", "外省市"]),
    ("领衔人曾获荣誉", "领衔人曾获荣誉", "text", None),
]
PATENTS = ["发明专利", "实用新型", "外观设计"]  # headers: 发明专利（勾选） and 发明专利数, …
MEMBER_LABELS = [("姓名", "姓名", "text"), ("年龄", "年龄", "number"), ("学历", "学历", "text"),
                 ("职称（技能等级）", "职称（技能等级）", "text"), ("工种", "工种", "text"), ("工作年限", "工作年限", "number")]
APPLICATION_INTRO = ("工作室介绍（800字左右，包括主要技术创新成果）:", "工作室介绍")
APPLICATION_HONOURS = ("工作室曾获荣誉:", "工作室曾获荣誉")

THEME_LIST = [("序号", "序号", "number"), ("活动名称", "活动名称", "text"), ("活动形式", "活动形式", "text"),
              ("时间安排", "时间安排", "text"), ("主要内容和形式（100字内）", "主要内容和形式", "text"),
              ("参与人数", "参与人数", "number")]
TEAM_LIST = [("序号", "序号", "number"), ("登记服务队名称", "登记服务队名称", "text"),
             ("负责人姓名及职务", "负责人姓名及职务", "text"), ("服务队人数", "服务队人数", "number"),
             ("服务队组建时间", "服务队组建时间", "date"), ("服务内容（50字内）", "服务内容", "text"),
             ("服务成效简介（100字内，新组队可不填）", "服务成效简介", "text")]
CONTACT_LABELS = [("联系人", "联系人", "text"), ("联系电话", "联系电话", "text"), ("填报日期", "填报日期", "date")]

# Columns whose 合计 is a sum (quantities), a count of 是, or must stay empty (序号, 年龄, 工作年限).
TOTALS = {
    "活动项目概览": [("参加人数", "sum")],
    "活动情况统计汇总": [(h, "yes_count") for _k, _t, h, _c in STATS_ITEMS if h]
    + [(c, "sum") for _k, _t, _h, cs in STATS_ITEMS for c in cs],
    "创新工作室推荐汇总-单位": [(h, "sum") for _l, h, k, _o in SUMMARY_LABELS if k == "number"],
    "创新工作室推荐汇总-名单": [("序号", "none")],
    "工作室申请一览-单位": [(f"{p}（勾选）", "yes_count") for p in PATENTS] + [(f"{p}数", "sum") for p in PATENTS]
    + [("年龄", "none"), ("工作年限", "none")],
    "工作室申请一览-名单": [("年龄", "none"), ("工作年限", "none")],
    "主题活动汇总": [("序号", "none"), ("参与人数", "sum")],
    "志愿者服务队汇总": [("序号", "none"), ("服务队人数", "sum")],
}

# ---------------------------------------------------------------------------------------------------------------
# Expected values, computed from what was typed (independently of the project's reader).


def iso(y, m, d):
    return dt.date(y, m, d).isoformat()


def parse_date(s, year):
    s = s.strip()
    m = re.fullmatch(r"(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*[.\-/月]\s*(\d{1,2})\s*日?", s)
    if m:
        return iso(int(m[1]), int(m[2]), int(m[3]))
    m = re.fullmatch(r"(\d{1,2})\s*月\s*(\d{1,2})\s*日?", s)
    if m:
        return iso(year, int(m[1]), int(m[2]))
    return None


def parse_month(s):
    m = re.fullmatch(r"(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*月?", s.strip())
    return f"{int(m[1]):04d}-{int(m[2]):02d}" if m else None


def parse_range(s, year):
    for sep in ("至", "—", "～", "~", "-"):
        if sep not in s:
            continue
        a, b = s.split(sep, 1)
        start = parse_date(a, year)
        end = parse_date(b, int(start[:4])) if start else None
        if start and end:
            return f"{start}至{end}"
    return None


def ticked(typed, options):
    """The option a tick-box text marks: "☑有 □无" → 有; a plain answer is itself."""
    if not any(ch in typed for ch in BOX):
        assert typed.strip() in options, typed
        return typed.strip()
    marked = [w for mark, w in re.findall(r"([" + BOX + r"])\s*([^" + BOX + r"\s_]+)", typed) if mark in MARKED]
    assert len(marked) == 1 and marked[0] in options, (typed, marked)
    return marked[0]


def yes_no(typed):
    t = str(typed).strip()
    if t in ("是", "有") or (t and t[0] in MARKED):
        return "是"
    if t in ("否", "无", "×"):
        return "否"
    raise ValueError(f"not a yes/no answer: {typed!r}")


def expect(kind, typed, year, options=None):
    """(value a careful clerk expects in the summary, how to compare it) for what was typed into a cell."""
    if typed is None or (isinstance(typed, str) and typed.strip() == ""):
        return None, "blank"
    if isinstance(typed, dt.datetime):
        if kind == "date":
            return typed.date().isoformat(), "date"
        if kind == "daterange":
            return typed.date().isoformat(), "day_in_range"
        if kind == "text":
            return typed.date().isoformat(), "date_in_text"
        raise ValueError((kind, typed))
    if kind == "text":
        return (str(typed) if not isinstance(typed, float) else repr(typed)), "text"
    if kind == "number":
        if isinstance(typed, (int, float)):
            return typed, "number"
        if re.fullmatch(r"\d+", typed.strip()):
            return int(typed.strip()), "number"
        return typed, "not_number"
    if kind == "date":
        value = parse_date(typed, year)
        if value:
            return value, "date"
        value = parse_month(typed)
        if value:
            return value, "month"
        raise ValueError(typed)
    if kind == "daterange":
        value = parse_range(typed, year)
        if value:
            return value, "daterange"
        value = parse_date(typed, year)
        if value:
            return value, "day_in_range"  # one day typed into a field that takes a range
        raise ValueError(typed)
    if kind == "yesno":
        return yes_no(typed), "yesno"
    if kind == "choice":
        return ticked(typed, options), "choice"
    raise ValueError(kind)


def unit_key(name):
    """For matching only: no spaces, no leading 上海市."""
    t = re.sub(r"[\s\u3000]+", "", name)
    return t[3:] if t.startswith("上海市") else t


# ---------------------------------------------------------------------------------------------------------------
# What was written, sheet by sheet.


class Return:
    """One form in one sheet of one file, with every value typed and where."""

    def __init__(self, form, sheet):
        self.form = form
        self.sheet = sheet
        self.file = None  # set when the file is saved
        self.mtime = None
        self.unit = None
        self.unit_cell = None
        self.single = {}  # header → {value, kind, cell}
        self.rows = []  # [{header → {value, kind, cell}}]
        self.mistakes = []
        self.reminders = []

    @property
    def year(self):
        return YEAR[self.form]

    def set_unit(self, typed, cell):
        self.unit = typed
        self.unit_cell = cell

    def field(self, header, kind, typed, cell, options=None):
        value, how = expect(kind, typed, self.year, options)
        self.single[header] = {"value": value, "kind": how, "cell": cell}

    def new_row(self):
        self.rows.append({})
        return self.rows[-1]

    def row_field(self, row, header, kind, typed, cell, options=None):
        value, how = expect(kind, typed, self.year, options)
        row[header] = {"value": value, "kind": how, "cell": cell}

    def mistake(self, label, headers, fields, cells, what, reason=None, row=None):
        self.mistakes.append({"label": label, "headers": headers, "fields": fields, "cells": cells, "what": what,
                              "reason_contains": reason, "list_row": row})


# ---- cells found by their printed label ------------------------------------------------------------------------


def norm_label(v):
    return re.sub(r"[\s\u3000]+", "", str(v)).rstrip(":：")


def find(ws, text, min_row=1, max_row=None):
    want = norm_label(text)
    for row in ws.iter_rows(min_row=min_row, max_row=max_row or ws.max_row):
        for c in row:
            if isinstance(c.value, str) and norm_label(c.value) == want:
                return c.row, c.column
    raise LookupError(f"printed label {text!r} not found on sheet {ws.title!r}")


def merged_at(ws, r, c):
    for rng in ws.merged_cells.ranges:
        if rng.min_row <= r <= rng.max_row and rng.min_col <= c <= rng.max_col:
            return rng.min_row, rng.min_col, rng.max_row, rng.max_col
    return r, c, r, c


def right_of(ws, rc):
    r, c = rc
    top, _left, _bottom, right = merged_at(ws, r, c)
    t = merged_at(ws, top, right + 1)
    return t[0], t[1]


def left_of(ws, rc):
    r, c = rc
    top, left, _b, _r = merged_at(ws, r, c)
    t = merged_at(ws, top, left - 1)
    return t[0], t[1]


def below(ws, rc):
    r, c = rc
    _t, left, bottom, _r = merged_at(ws, r, c)
    t = merged_at(ws, bottom + 1, left)
    return t[0], t[1]


def addr(rc):
    return f"{get_column_letter(rc[1])}{rc[0]}"


DATE_FORMATS = ['yyyy"年"m"月"d"日"', "yyyy/m/d", 'm"月"d"日"']


def put(ws, rc, value, fmt=None):
    """Types a value into the cell (the top-left one of its merged area)."""
    if value is None:
        return addr(rc)
    cell = ws.cell(row=rc[0], column=rc[1])
    cell.value = value
    if isinstance(value, dt.datetime):
        cell.number_format = fmt or DATE_FORMATS[0]
    elif fmt:
        cell.number_format = fmt
    return cell.coordinate


# ---- the template pack, filled by label -----------------------------------------------------------------------

TEMPLATE_WORDS = {
    "festival-project": "活动项目申报表",
    "festival-stats": "活动情况统计表",
    "studio-summary": "推荐申报汇总表",
    "studio-application": "创新工作室申请表",
    "yangpu-theme-activity": "主题活动申报表",
    "yangpu-volunteer-team": "志愿者服务队登记表",
}


def open_template(templates, form):
    for name in sorted(os.listdir(templates)):
        if TEMPLATE_WORDS[form] in name and name.endswith(".xlsx"):
            return openpyxl.load_workbook(os.path.join(templates, name))
    raise LookupError(f"no template for {form} in {templates}")


def fill_project(ws, d):
    ret = Return("festival-project", ws.title)
    unit_at = right_of(ws, find(ws, "申报单位"))
    ret.set_unit(d["unit"], put(ws, unit_at, d["unit"]))
    date_at = right_of(ws, unit_at)  # the "月 日" blank at the end of the same line
    ret.field(PROJECT_DATE, "date", d.get("date"), put(ws, date_at, d.get("date")))
    for label, header, kind in PROJECT_LABELS:
        at = right_of(ws, find(ws, label))
        ret.field(header, kind, d.get(label), put(ws, at, d.get(label)))
    return ret


def fill_stats(ws, d):
    ret = Return("festival-stats", ws.title)
    unit_at = right_of(ws, find(ws, "单位"))
    ret.set_unit(d["unit"], put(ws, unit_at, d["unit"]))
    ret.field(PROJECT_DATE, "date", d.get("date"), put(ws, right_of(ws, unit_at), d.get("date")))
    yes_col = find(ws, "是")[1]
    qty = find(ws, "数量")
    _t, qty_left, _b, qty_right = merged_at(ws, *qty)
    for key, text, yes_header, count_headers in STATS_ITEMS:
        r, _c = find(ws, text, min_row=qty[0] + 1)
        yes, counts = d["items"][key]
        if yes_header:
            ret.field(yes_header, "yesno", yes, put(ws, (r, yes_col), yes))
        if len(count_headers) == 1:
            at = merged_at(ws, r, qty_left)[:2]
            ret.field(count_headers[0], "number", counts[0], put(ws, at, counts[0]))
        else:
            for i, header in enumerate(count_headers):
                assert qty_left + i <= qty_right
                ret.field(header, "number", counts[i], put(ws, (r, qty_left + i), counts[i]))
    at = below(ws, find(ws, STATS_FEATURED[0]))
    ret.field(STATS_FEATURED[1], "text", d.get("featured"), put(ws, at, d.get("featured")))
    return ret


def fill_list(ws, ret, header_row, labels, rows, extra=None):
    cols = {label: find(ws, label, min_row=header_row, max_row=header_row)[1] for label, _h, _k in labels}
    for i, values in enumerate(rows):
        r = header_row + 1 + i
        row = ret.new_row()
        for label, header, kind in labels:
            at = (r, cols[label])
            typed = values.get(label)
            if typed is None and label == "序号":
                typed = ws.cell(row=r, column=cols[label]).value  # the template's own numbering
            ret.row_field(row, header, kind, typed, put(ws, at, values.get(label)))
        for header, value in (extra or {}).items():
            ret.row_field(row, header, "text", value, None)


def fill_studio_summary(ws, d):
    ret = Return("studio-summary", ws.title)
    ret.set_unit(d["unit"], put(ws, right_of(ws, find(ws, "区局（产业）工会名称")), d["unit"]))
    for label, header, kind, options in SUMMARY_LABELS:
        at = right_of(ws, find(ws, label))
        ret.field(header, kind, d.get(label), put(ws, at, d.get(label)), options)
    header_row = find(ws, "工作室类型")[0]
    fill_list(ws, ret, header_row, SUMMARY_LIST, d["studios"])
    at = right_of(ws, find(ws, SUMMARY_OPINION[0], min_row=header_row + 1))
    ret.field(SUMMARY_OPINION[1], "text", d.get("opinion"), put(ws, at, d.get("opinion")))
    return ret


def fill_application(ws, d):
    ret = Return("studio-application", ws.title)
    header_row = find(ws, "姓名")[0]
    ret.set_unit(d["unit"], put(ws, right_of(ws, find(ws, "申报单位", max_row=header_row - 1)), d["unit"]))
    for label, header, kind, options in APPLICATION_LABELS:
        at = right_of(ws, find(ws, label, max_row=header_row - 1))
        ret.field(header, kind, d.get(label), put(ws, at, d.get(label)), options)
    for name in PATENTS:
        ticked_, count = d["patents"].get(name, (None, None))
        label_at = find(ws, name)
        ret.field(f"{name}（勾选）", "yesno", ticked_, put(ws, left_of(ws, label_at), ticked_))
        ret.field(f"{name}数", "number", count, put(ws, right_of(ws, label_at), count))
    fill_list(ws, ret, header_row, MEMBER_LABELS, d["members"], {"工作室名称": d["工作室名称"]})
    for (label, header), key in ((APPLICATION_INTRO, "intro"), (APPLICATION_HONOURS, "honours")):
        at = below(ws, find(ws, label, min_row=header_row + 1))
        ret.field(header, "text", d.get(key), put(ws, at, d.get(key)))
    return ret


def fill_yangpu(ws, form, d):
    ret = Return(form, ws.title)
    ret.set_unit(d["unit"], put(ws, right_of(ws, find(ws, "填报单位")), d["unit"]))
    header_row = find(ws, "序号")[0]
    fill_list(ws, ret, header_row, THEME_LIST if form == "yangpu-theme-activity" else TEAM_LIST, d["rows"])
    for label, header, kind in CONTACT_LABELS:
        at = right_of(ws, find(ws, label, min_row=header_row + 1))
        ret.field(header, kind, d.get(label), put(ws, at, d.get(label)))
    return ret


# ---- retyped workbooks ----------------------------------------------------------------------------------------

THIN = Side(style="thin")


class Typist:
    """Types a form into a new sheet, cell by cell, as a clerk does from the notice's text."""

    def __init__(self, ws, widths):
        self.ws = ws
        for i, w in enumerate(widths):
            ws.column_dimensions[get_column_letter(i + 1)].width = w

    def __call__(self, at, value, to=None, fmt=None, box=True):
        ws = self.ws
        if value is not None:
            ws[at] = value
            if isinstance(value, dt.datetime):
                ws[at].number_format = fmt or DATE_FORMATS[0]
            elif fmt:
                ws[at].number_format = fmt
        ws[at].alignment = Alignment(wrap_text=True, vertical="center")
        if to:
            ws.merge_cells(f"{at}:{to}")
        if box:
            for row in ws[f"{at}:{to or at}"]:
                for c in row:
                    c.border = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
        return at


# ---------------------------------------------------------------------------------------------------------------
# The corpus.

PROJECTS = {
    "黄浦-成果展": {
        "unit": "上海市黄浦区总工会", "date": D(2017, 5, 8),
        "活动项目名称": "黄浦区职工创新成果展", "主办单位": "黄浦区总工会", "承办单位": "黄浦区职工技协",
        "举办时间": "2017年5月22日至5月26日", "举办地点": "黄浦区工人文化宫", "参加对象": "区内企事业单位职工",
        "参加人数": 800, "联系人姓名": "李明", "联系电话": "021-63281234",
        "主要活动项目简介": "展示近三年来黄浦区职工发明创造、合理化建议和先进操作法成果100余项，组织职工参观交流。",
    },
    "黄浦-技能比武": {
        "unit": "上海市黄浦区总工会", "date": "5月8日",
        "活动项目名称": "黄浦区职工技能比武大赛", "主办单位": "黄浦区总工会", "承办单位": "黄浦区人力资源和社会保障局",
        "协办单位": "黄浦区职工技协", "举办时间": "5月23日-6月1日", "举办地点": "黄浦区职业技能鉴定所",
        "参加对象": "一线技术工人", "参加人数": 260, "联系人姓名": "李明", "联系电话": "021-63281234",
        "主要活动项目简介": "设电工、钳工、焊工三个工种，决赛前三名推荐参加市级比赛。",
    },
    "徐汇-科普周": {
        "unit": "徐汇区总工会", "date": "2017.5.9",
        "活动项目名称": "徐汇区职工科普讲座周", "主办单位": "徐汇区总工会", "承办单位": "徐汇区职工服务中心",
        "协办单位": "徐汇区科学技术协会", "举办时间": "2017.5.22-2017.5.28", "举办地点": "徐汇区职工服务中心",
        "参加对象": "全区职工", "参加人数": 500, "联系人姓名": "王芳", "联系电话": "021-64871234转8012",
        "主要活动项目简介": "邀请市职工科普讲师团成员作节能减排、职业安全等专题讲座五场。",
    },
    "徐汇-五小": {
        "unit": "徐汇区总工会", "date": "2017年5月9日",
        "活动项目名称": "徐汇区“五小”创新成果评选", "主办单位": "徐汇区总工会", "承办单位": "徐汇区职工技协",
        "举办时间": "2017年5月24日至2017年6月2日", "举办地点": "徐汇区工人俱乐部", "参加对象": "基层工会推荐的职工",
        "参加人数": 150, "联系人姓名": "王芳", "联系电话": "021-64871234转8012",
        "主要活动项目简介": "评选小发明、小创造、小革新、小设计、小建议优秀成果30项。",
    },
    "静安-论坛-v1": {
        "unit": "静安区总工会", "date": D(2017, 5, 9),
        "活动项目名称": "静安区职工创新论坛", "主办单位": "静安区总工会", "承办单位": "静安区职工技协",
        "举办时间": "2017年5月25日", "举办地点": "静安区工人俱乐部", "参加对象": "劳模创新工作室成员",
        "参加人数": 200, "联系人姓名": "赵磊", "联系电话": "021-62151234",
        "主要活动项目简介": "劳模、工匠交流岗位创新经验。",
    },
    "浦东-金点子": {
        "unit": "浦东新区总工会", "date": "2017.5.10",
        "活动项目名称": "浦东新区职工合理化建议金点子征集", "主办单位": "浦东新区总工会", "承办单位": "浦东新区职工技协",
        "举办时间": "2017年5月22日至6月2日", "举办地点": "浦东新区各基层单位", "参加对象": "全区职工",
        "参加人数": 3000, "联系人姓名": "孙伟", "联系电话": "021-58781234",
        "主要活动项目简介": "面向全区职工征集合理化建议和金点子，评选优秀建议50条。",
    },
    "长宁-操作法": {
        "unit": "长宁区总工会", "date": D(2017, 5, 10),
        "活动项目名称": "长宁区职工先进操作法交流会", "主办单位": "长宁区总工会", "承办单位": "长宁区职工技协",
        "举办时间": "2017.5.26-2017.5.27", "举办地点": "长宁区职工服务中心", "参加对象": "基层班组长",
        "参加人数": 150, "联系人姓名": "周敏", "联系电话": "021-62511234",
        "主要活动项目简介": "交流推广先进操作法十项。",
    },
    "宝山-攻关": {
        "unit": "宝山区总工会",
        "活动项目名称": "宝山区职工技术攻关成果发布会", "承办单位": "宝山区职工技协",
        "举办时间": "5月22日至5月31日", "举办地点": "宝山区工人文化宫", "参加对象": "企业技术骨干",
        "参加人数": 350, "联系人姓名": "钱勇", "联系电话": "021-56691234",
        "主要活动项目简介": "发布年度职工技术攻关成果20项。",
    },
    "普陀-开放日": {
        "unit": "普陀区总工会", "date": "2017.5.9",
        "活动项目名称": "普陀区职工创新工作室开放日", "主办单位": "普陀区总工会", "承办单位": "普陀区职工技协",
        "举办时间": "2017.5.27-2017.5.28", "举办地点": "区内各创新工作室", "参加对象": "青年职工",
        "参加人数": 120, "联系人姓名": "冯洁", "联系电话": "021-52561234",
        "主要活动项目简介": "组织青年职工走进劳模创新工作室，观摩学习。",
    },
}


def stats_items(numbers, yes="是", blanks=()):
    """Items filled from a list of counts (in STATS_ITEMS order; the contest has two); None = no activity."""
    items = {}
    for i, (key, _t, yes_header, counts) in enumerate(STATS_ITEMS):
        n = numbers[i]
        if key in blanks:
            items[key] = (None, [None] * len(counts))
        elif yes_header is None:
            items[key] = (None, [n])
        elif n is None:
            items[key] = ("否", [None] * len(counts))
        else:
            items[key] = (yes, list(n) if isinstance(n, tuple) else [n])
    return items


STATS = {
    "黄浦": {"unit": "上海市黄浦区总工会", "date": D(2017, 5, 31),
             "items": stats_items([1, 1, 3, 12, 4, 6, 2, 8, None, 356, 15, 9, (12, 860), 40, 2, 1, 126, 15800],
                                  blanks=("other",)),
             "featured": "举办黄浦区职工创新成果展和职工技能比武大赛。"},
    "徐汇": {"unit": "徐汇区总工会", "date": "6月1日",
             "items": stats_items([1, 1, 2, 10, 5, 4, 3, 5, 2, 420, 8, 6, (6, 540), 25, 1, 1, 98, 12600]),
             "featured": "职工科普讲座周；“五小”创新成果评选。"},
    "静安-v1": {"unit": "静安区总工会", "date": D(2017, 5, 27),
               "items": stats_items([1, 1, 2, 6, 2, 3, 1, 4, 1, 180, 5, 4, (4, 300), 12, 1, 1, 64, 8200]),
               "featured": "静安区职工创新论坛。"},
    "静安-v2": {"unit": "静安区总工会", "date": D(2017, 5, 31),
               "items": stats_items([1, 1, 2, 6, 2, 3, 1, 4, 1, 236, 5, 4, (4, 300), 12, 1, 1, 71, 9350]),
               "featured": "静安区职工创新论坛；职工合理化建议征集（补充统计）。"},
    "长宁": {"unit": "长宁区总工会", "date": "2017年5月31日",
             "items": stats_items([1, 1, 1, 5, 1, 2, 1, 3, None, 150, 3, 10, (3, 120), 8, None, 1, 45, 5100]),
             "featured": "长宁区职工先进操作法交流会。"},
    "教育": {"unit": "上海市教育工会", "date": "2017.6.1",
             "items": stats_items([1, 1, 2, 8, 3, 5, 2, 6, 4, 95, 2, 3, (5, 410), 30, 3, 1, 210, "约3000"]),
             "featured": "教育系统职工科技创新论坛。"},
    "宝山": {"unit": "宝山区总工会", "date": "5月31日",
             "items": stats_items([1, 1, 2, 9, 2, 3, 2, 4, 1, 265, 12, 7, (8, 650), 20, 2, 1, 88, 10400]),
             "featured": "宝山区职工技术攻关成果发布会。"},
    "普陀": {"unit": "普陀区总工会", "date": "2017.5.31",
             "items": stats_items([1, 1, 1, 4, 1, 2, 1, 2, 1, 130, 4, 5, (2, 160), 10, 1, 1, 52, 6100]),
             "featured": "普陀区职工创新工作室开放日。"},
}


def members(*rows):
    return [dict(zip(["姓名", "年龄", "学历", "职称（技能等级）", "工种", "工作年限"], r)) for r in rows]


APPLICATIONS = {
    "王建国": {
        "unit": "上海徐汇精密机械有限公司", "工作室名称": "王建国技师创新工作室", "工作室技术专长": "精密数控加工",
        "申报类型（勾选）": "技师工作室", "所属系统": "徐汇区", "单位性质": "民营企业", "所属行业": "机械制造",
        "单位地址": "徐汇区宜山路700号", "邮政编码": "200233",
        "patents": {"发明专利": ("√", 2), "实用新型": ("√", 5)},
        "领衔人姓名": "王建国", "职务": "车间主任", "联系方式": "13812345678", "性别": "男", "年龄": 48, "学历": "大专",
        "工种": "数控车工", "工作年限": 30, "技能等级": "高级技师", "职称": "中级", "领衔人户籍属性": "非农业",
        "户籍地": "本市", "领衔人曾获荣誉": "2016年上海市五一劳动奖章",
        "members": members(("张军", 41, "本科", "技师", "数控车工", 20), ("李强", 36, "大专", "高级工", "数控铣工", 15),
                           ("陈磊", 33, "本科", "工程师", "机械设计", 10), ("吴斌", 29, "大专", "中级工", "数控车工", 8),
                           ("郑浩", 45, "高中", "技师", "钳工", 26)),
        "intro": "工作室围绕精密零件加工开展技术攻关，近三年完成攻关项目12项，获授权发明专利2项。",
        "honours": "2019年徐汇区职工创新工作室",
    },
    "精密测量": {
        "unit": "上海徐汇精密机械有限公司", "工作室名称": "精密测量职工创新工作室", "工作室技术专长": "精密测量与计量检定",
        "申报类型（勾选）": "职工工作室", "所属系统": "徐汇区", "单位性质": "民营企业", "所属行业": "机械制造",
        "单位地址": "徐汇区宜山路700号", "邮政编码": "200233",
        "patents": {"实用新型": ("√", 3)},
        "领衔人姓名": "刘洋", "职务": "质检科科长", "联系方式": "021-64871235", "性别": "男", "年龄": 39, "学历": "本科",
        "工种": "计量检定", "工作年限": 18, "技能等级": "技师", "职称": "初级", "领衔人户籍属性": "农业",
        "户籍地": "外省市", "领衔人曾获荣誉": "2018年徐汇区首席员工",
        "members": members(("黄丽", 31, "本科", "助理工程师", "计量检定", 9), ("周平", 28, "大专", "中级工", "质检", 7),
                           ("孙悦", 35, "本科", "工程师", "质检", 12), ("马超", 40, "大专", "技师", "计量检定", 19),
                           ("何伟", 26, "大专", "初级工", "质检", 4)),
        "intro": "工作室开展在线测量方法研究，提高检测效率30%。",
        "honours": None,
    },
    "李红": {
        "unit": "上海徐汇燃气有限公司", "工作室名称": "李红职工创新工作室", "工作室技术专长": "燃气管网安全运行",
        "申报类型（勾选）": "职工工作室", "所属系统": "徐汇区", "单位性质": "国有企业", "所属行业": "燃气供应",
        "单位地址": "徐汇区龙华西路315号", "邮政编码": "200232",
        "patents": {"发明专利": ("√", 1), "实用新型": ("√", 4), "外观设计": ("√", 1)},
        "领衔人姓名": "李红", "职务": "运行班班长", "联系方式": "021-64871236", "性别": "女", "年龄": 44, "学历": "本科",
        "工种": "燃气管网工", "工作年限": 22, "技能等级": "技师", "职称": "中级", "领衔人户籍属性": "非农业",
        "户籍地": "本市", "领衔人曾获荣誉": "2017年上海市三八红旗手",
        "members": members(("王敏", 38, "大专", "技师", "燃气管网工", 17), ("刘婷", 30, "本科", "助理工程师", "调度", 8),
                           ("赵刚", 47, "高中", "高级工", "燃气管网工", 28), ("陈静", 33, "本科", "工程师", "安全管理", 11),
                           ("杨帆", 27, "大专", "中级工", "燃气管网工", 6), ("朱琳", 35, "本科", "工程师", "管网设计", 13)),
        "intro": "工作室研发燃气泄漏快速定位装置，获实用新型专利4项。",
        "honours": "2019年上海市巾帼文明岗",
    },
    "刘芳": {
        "unit": "上海市教育科学研究院", "工作室名称": "刘芳巾帼创新工作室", "工作室技术专长": "实验教学仪器改进",
        "申报类型（勾选）": "巾帼工作室", "所属系统": "上海市教育工会", "单位性质": "事业单位", "所属行业": "教育",
        "单位地址": "徐汇区茶陵北路21号", "邮政编码": "200032",
        "patents": {"实用新型": ("√", 2)},
        "领衔人姓名": "刘芳", "职务": "实验室主任", "联系方式": "021-64031234", "性别": "男", "年龄": 46, "学历": "硕士研究生",
        "工种": "实验员", "工作年限": 22, "技能等级": "技师", "职称": "高级", "领衔人户籍属性": "非农业",
        "户籍地": "本市", "领衔人曾获荣誉": "2018年上海市教育系统巾帼建功标兵",
        "members": members(("沈洁", 34, "硕士研究生", "中级", "实验员", 10), ("顾敏", 29, "本科", "初级", "实验员", 6),
                           ("徐丽", 41, "本科", "中级", "实验员", 18), ("蒋芸", 37, "本科", "中级", "实验员", 14),
                           ("陆峰", 32, "硕士研究生", "中级", "实验员", 7)),
        "intro": "工作室改进中小学实验教学仪器20余种。",
        "honours": "2019年上海市教育系统巾帼文明岗",
    },
}

STUDIO_SUMMARIES = {
    "徐汇": {
        "unit": "徐汇区总工会", "申报人": "陈静", "联系方式": "021-64871234",
        "开展本行业、本系统工作室创建活动（方案可附后）": "有",
        "本地区、本系统工匠创新工作室创建数": 1, "本地区、本系统技师创新工作室创建数": 4,
        "本地区、本系统职工创新工作室创建数": 6, "本地区、本系统巾帼创新工作室创建数": 2,
        "studios": [{"工作室类型": "技师工作室", "工作室名称": "王建国技师创新工作室", "申报单位": "上海徐汇精密机械有限公司", "领衔人": "王建国"},
                    {"工作室类型": "职工工作室", "工作室名称": "精密测量职工创新工作室", "申报单位": "上海徐汇精密机械有限公司", "领衔人": "刘洋"},
                    {"工作室类型": "职工工作室", "工作室名称": "李红职工创新工作室", "申报单位": "上海徐汇燃气有限公司", "领衔人": "李红"}],
        "opinion": "经审核，同意推荐以上3个工作室。",
    },
    "教育": {
        "unit": "上海市教育工会", "申报人": "吴磊", "联系方式": "13916612345",
        "开展本行业、本系统工作室创建活动（方案可附后）": "有",
        "本地区、本系统工匠创新工作室创建数": 0, "本地区、本系统技师创新工作室创建数": 2,
        "本地区、本系统职工创新工作室创建数": 3, "本地区、本系统巾帼创新工作室创建数": 1,
        "studios": [{"工作室类型": "技师工作室", "工作室名称": "周涛技师创新工作室", "申报单位": "上海市第二工业学校", "领衔人": "周涛"},
                    {"工作室类型": "巾帼工作室", "工作室名称": "刘芳巾帼创新工作室", "申报单位": "上海市教育科学研究院", "领衔人": "刘芳"}],
        "opinion": "同意推荐。",
    },
}

THEMES = {
    "五角场": {
        "unit": "五角场街道总工会", "联系人": "赵敏", "联系电话": "021-65101234", "填报日期": D(2018, 6, 12),
        "rows": [
            {"序号": 1, "活动名称": "劳模先进事迹宣讲会", "活动形式": "报告会", "时间安排": "6月—7月",
             "主要内容和形式（100字内）": "邀请全国劳模、上海工匠进企业宣讲先进事迹。", "参与人数": 200},
            {"序号": 2, "活动名称": "“创新杨浦”职工微视频展播", "活动形式": "视频展播", "时间安排": D(2018, 7, 15),
             "主要内容和形式（100字内）": "征集职工岗位创新微视频，在街道网站和微信展播。", "参与人数": 500},
            {"序号": 3, "活动名称": "五角场地区职工技能比武", "活动形式": "技能竞赛", "时间安排": "9月",
             "主要内容和形式（100字内）": "组织楼宇企业职工开展计算机操作技能比武。", "参与人数": 120},
        ],
    },
    "控江": {
        "unit": "控江路街道总工会", "联系人": "胡静", "联系电话": "021-65431234转206",
        "rows": [
            {"序号": 1, "活动名称": "“最美劳动者”寻访", "活动形式": "寻访评选", "时间安排": "6月至8月",
             "主要内容和形式（100字内）": "在辖区企业寻访一线“最美劳动者”。", "参与人数": 60},
            {"序号": 2, "活动名称": "劳模进社区", "活动形式": "志愿服务", "时间安排": "每月第二个周六",
             "主要内容和形式（100字内）": "劳模在社区开展便民服务。", "参与人数": 40},
        ],
    },
}

TEAMS = {
    "五角场": {
        "unit": "五角场街道总工会", "联系人": "赵敏", "联系电话": "021-65101234", "填报日期": "2018.6.13",
        "rows": [
            {"序号": 1, "登记服务队名称": "五角场职工法律援助志愿服务队", "负责人姓名及职务": "张伟 工会副主席", "服务队人数": 15,
             "服务队组建时间": "2016年9月", "服务内容（50字内）": "为职工提供劳动法律咨询。",
             "服务成效简介（100字内，新组队可不填）": "累计服务职工300余人次。"},
            {"序号": 2, "登记服务队名称": "五角场职工心理关爱志愿服务队", "负责人姓名及职务": "刘敏 心理咨询师", "服务队人数": 12,
             "服务队组建时间": D(2015, 3, 12), "服务内容（50字内）": "为楼宇职工提供心理疏导。",
             "服务成效简介（100字内，新组队可不填）": "开展团体辅导20场。"},
            {"序号": 3, "登记服务队名称": "五角场职工技能帮扶服务队", "负责人姓名及职务": "陈刚 高级技师", "服务队人数": 20,
             "服务队组建时间": "2017.3.5", "服务内容（50字内）": "技师带徒，帮助青年职工提升技能。",
             "服务成效简介（100字内，新组队可不填）": "结对帮带青年职工45名。"},
        ],
    },
    "延吉": {
        "unit": "延吉新村街道总工会", "联系人": "孙丽", "联系电话": "021-65151234", "填报日期": D(2018, 6, 14),
        "rows": [
            {"序号": 1, "登记服务队名称": "延吉职工文明宣传服务队", "负责人姓名及职务": "孙丽 工会主席", "服务队人数": 18,
             "服务队组建时间": "2016年9月", "服务内容（50字内）": "开展文明城区创建宣传。",
             "服务成效简介（100字内，新组队可不填）": "开展宣传活动30余次。"},
            {"序号": 2, "登记服务队名称": "延吉职工帮困送暖服务队", "负责人姓名及职务": "马强 社工", "服务队人数": 10,
             "服务队组建时间": D(2017, 11, 20), "服务内容（50字内）": "走访慰问困难职工家庭。",
             "服务成效简介（100字内，新组队可不填）": "走访困难职工家庭60户。"},
        ],
    },
}
# The row a clerk adds to the 延吉 return in LibreOffice, and the phone number corrected … wrongly.
YANJI_ADDED = {"序号": 3, "登记服务队名称": "延吉职工环保志愿服务队", "负责人姓名及职务": "何佳 干事", "服务队人数": 8,
               "服务队组建时间": "2018年3月", "服务内容（50字内）": "开展垃圾分类宣传。",
               "服务成效简介（100字内，新组队可不填）": "已开展宣传活动5次。"}
YANJI_PHONE = "5588565"  # seven digits: a mistake
CHANGNING_EDITED = 180  # 参加人数 changed from 150 in LibreOffice

ROSTER = ["黄浦区总工会", "徐汇区总工会", "长宁区总工会", "静安区总工会", "普陀区总工会", "虹口区总工会",
          "杨浦区总工会", "浦东新区总工会", "宝山区总工会", "上海市教育工会"]


class Corpus:
    def __init__(self, out, templates):
        self.out = out
        self.returns_dir = os.path.join(out, "returns")
        self.templates = templates
        self.files = []  # {"name", "mtime", "returns": [Return], "kind"}
        self.lo_converts = []  # (xlsx path, xls path)
        self.lo_edits = []  # (path, [(row, col, value)], after) — after: callback updating the expected values
        self.lo_combines = []  # (target, [paths])
        self.other_files = []  # {"name", "verdict": "not-a-form" | "ignored"}
        self.left_out = []

    def path(self, name):
        return os.path.join(self.returns_dir, name)

    def add(self, name, when, returns, wb):
        wb.save(self.path(name))
        for r in returns:
            r.file, r.mtime = name, when
        entry = {"name": name, "mtime": when, "returns": returns}
        self.files.append(entry)
        return entry

    def template(self, form):
        return open_template(self.templates, form)


def make_festival(c):
    # Filled templates, one project each; 黄浦 writes its name with 上海市 and sends two projects in two files.
    for key, name, when in [("黄浦-成果展", "上海市黄浦区总工会_活动项目申报表_职工创新成果展.xlsx", D(2017, 5, 8, 9, 30)),
                            ("黄浦-技能比武", "黄浦区总工会_活动项目申报表_技能比武.xlsx", D(2017, 5, 8, 10, 5))]:
        wb = c.template("festival-project")
        c.add(name, when, [fill_project(wb.active, PROJECTS[key])], wb)

    # 徐汇: two projects as two sheets of one file (the sheet copied in Excel: "… (2)").
    wb = c.template("festival-project")
    first = wb.active
    second = wb.copy_worksheet(first)
    second.title = f"{first.title} (2)"
    c.add("徐汇区总工会_科技节活动项目申报表（两项）.xlsx", D(2017, 5, 9, 16, 20),
          [fill_project(first, PROJECTS["徐汇-科普周"]), fill_project(second, PROJECTS["徐汇-五小"])], wb)

    # 静安: sent, then corrected and resent later (the later file sorts first by name).
    wb = c.template("festival-project")
    c.add("静安区总工会_活动项目申报表.xlsx", D(2017, 5, 9, 11, 0), [fill_project(wb.active, PROJECTS["静安-论坛-v1"])], wb)
    corrected = dict(PROJECTS["静安-论坛-v1"], **{"date": D(2017, 5, 11), "举办地点": "静安区职工科技活动中心",
                                                 "参加人数": 240, "联系电话": "021-62151234 13601234567"})
    wb = c.template("festival-project")
    c.add("静安区总工会_0511更正_活动项目申报表.xlsx", D(2017, 5, 11, 15, 45), [fill_project(wb.active, corrected)], wb)

    # 浦东: re-saved as .xls by LibreOffice; sends no 统计表.
    wb = c.template("festival-project")
    entry = c.add("浦东新区总工会_活动项目申报表.xlsx", D(2017, 5, 10, 14, 0), [fill_project(wb.active, PROJECTS["浦东-金点子"])], wb)
    c.lo_converts.append(entry)

    # 长宁: opened in LibreOffice, 参加人数 corrected, saved again as .xlsx.
    wb = c.template("festival-project")
    ws = wb.active
    ret = fill_project(ws, PROJECTS["长宁-操作法"])
    at = right_of(ws, find(ws, "参加人数"))
    entry = c.add("长宁区总工会_活动项目申报表.xlsx", D(2017, 5, 10, 17, 10), [ret], wb)

    def changning_edited(ret=ret, cell=addr(at)):
        ret.field("参加人数", "number", CHANGNING_EDITED, cell)

    c.lo_edits.append((entry, [(at, CHANGNING_EDITED)], changning_edited))

    # 宝山: 主办单位 forgotten (a mistake), 填报日期 left blank (a reminder, not an error).
    wb = c.template("festival-project")
    ret = fill_project(wb.active, PROJECTS["宝山-攻关"])
    ret.mistake("主办单位", ["主办单位"], ["host"], [ret.single["主办单位"]["cell"]], "必填的主办单位没有填写")
    ret.reminders.append({"label": "月 日", "header": PROJECT_DATE, "cell": ret.single[PROJECT_DATE]["cell"],
                          "what": "填报日期未填：只应提醒，不应算错误"})
    c.add("宝山区总工会_活动项目申报表.xlsx", D(2017, 5, 10, 9, 0), [ret], wb)

    # 杨浦 and 上海市教育工会: retyped from the notice.
    c.add("杨浦区总工会_活动项目申报表.xlsx", D(2017, 5, 10, 11, 20), [retyped_project_yangpu(wb := openpyxl.Workbook())], wb)
    c.add("上海市教育工会_活动项目申报表.xlsx", D(2017, 5, 11, 10, 0), [retyped_project_education(wb := openpyxl.Workbook())], wb)

    # Statistics.
    for key, name, when in [("黄浦", "黄浦区总工会_活动情况统计表.xlsx", D(2017, 5, 31, 10, 0)),
                            ("徐汇", "徐汇区总工会_活动情况统计表.xlsx", D(2017, 6, 1, 9, 0)),
                            ("静安-v1", "静安区总工会_活动情况统计表.xlsx", D(2017, 5, 27, 16, 0)),
                            ("静安-v2", "静安区总工会_0531更正_活动情况统计表.xlsx", D(2017, 5, 31, 17, 30)),
                            ("长宁", "长宁区总工会_活动情况统计表.xlsx", D(2017, 5, 31, 11, 0)),
                            ("教育", "上海市教育工会_活动情况统计表.xlsx", D(2017, 6, 1, 8, 30)),
                            ("宝山", "宝山区总工会_活动情况统计表.xlsx", D(2017, 5, 31, 15, 0))]:
        wb = c.template("festival-stats")
        ret = fill_stats(wb.active, STATS[key])
        if key == "教育":
            ret.mistake("科技周期间，本单位参加群众性科技创新活动的职工数", ["职工数"], ["workers"],
                        [ret.single["职工数"]["cell"]], "“约3000”不是确数", reason="确数")
        entry = c.add(name, when, [ret], wb)
        if key == "宝山":
            c.lo_converts.append(entry)
    c.add("杨浦区总工会_活动情况统计表.xlsx", D(2017, 5, 31, 14, 10), [retyped_stats_yangpu(wb := openpyxl.Workbook())], wb)

    # 普陀: both forms in one workbook (the 统计表 sheet copied in with LibreOffice).
    wb = c.template("festival-project")
    project = c.add("普陀区总工会_科技节报表.xlsx", D(2017, 5, 31, 18, 0), [fill_project(wb.active, PROJECTS["普陀-开放日"])], wb)
    wb = c.template("festival-stats")
    stats = c.add("普陀区总工会_活动情况统计表.xlsx", D(2017, 5, 31, 18, 0), [fill_stats(wb.active, STATS["普陀"])], wb)
    c.lo_combines.append((project, stats))


def retyped_project_yangpu(wb):
    """Typed from the notice: an empty first column, a blank row under the 申报单位 line, full-width colons,
    spaces inside labels, other merges; two phone numbers in one cell."""
    ws = wb.active
    ws.title = "Sheet1"
    t = Typist(ws, [3, 16, 26, 12, 26])
    ret = Return("festival-project", ws.title)
    t("B1", "附件1", box=False)
    t("B2", "第七届上海职工科技节活动项目申报表", to="E2", box=False)
    t("B3", "申报单位：", box=False)
    ret.set_unit("杨浦区总工会", t("C3", "杨浦区总工会", box=False))
    ret.field(PROJECT_DATE, "date", "5月10日", t("E3", "5月10日", box=False))
    # row 4 left blank
    t("B5", "活动项目名称")
    ret.field("活动项目名称", "text", "杨浦区职工创新成果巡展", t("C5", "杨浦区职工创新成果巡展", to="E5"))
    t("B6", "主 办 单 位")
    ret.field("主办单位", "text", "杨浦区总工会", t("C6", "杨浦区总工会", to="E6"))
    t("B7", "承办单位")
    ret.field("承办单位", "text", "杨浦区职工技协", t("C7", "杨浦区职工技协"))  # not merged, unlike the notice
    t("B8", "协办单位")
    ret.field("协办单位", "text", None, t("C8", None, to="E8"))
    t("B9", "举办时间")
    ret.field("举办时间", "daterange", "2017.5.22-2017.6.2", t("C9", "2017.5.22-2017.6.2"))
    t("D9", "举办地点")
    ret.field("举办地点", "text", "杨浦区职工活动中心", t("E9", "杨浦区职工活动中心"))
    t("B10", "参加对象")
    ret.field("参加对象", "text", "全区职工", t("C10", "全区职工"))
    t("D10", "参加人数")
    ret.field("参加人数", "number", 1200, t("E10", 1200))
    t("B11", "联系人姓名")
    ret.field("联系人姓名", "text", "周立", t("C11", "周立"))
    t("D11", "联 系 电 话")
    ret.field("联系电话", "text", "021-55885659 13912345678", t("E11", "021-55885659 13912345678"))
    t("B12", "主要活动项目简介")
    summary = "在全区巡回展出职工创新成果，\n并组织职工创新工作室交流。"
    ret.field("主要活动项目简介", "text", summary, t("C12", summary, to="E12"))
    t("B13", "注: 1. 一项活动项目填写一份申报表", to="E13", box=False)
    return ret


def retyped_project_education(wb):
    """Typed from the notice: unit and label in one cell, a label merged over two rows, a real date in 举办时间,
    a phone number typed as a number, and "约300" for 参加人数 (a mistake)."""
    ws = wb.active
    ws.title = "活动项目申报表"
    t = Typist(ws, [16, 26, 12, 26])
    ret = Return("festival-project", ws.title)
    t("A1", "附件 1", box=False)
    t("A2", "第七届上海职工科技节活动项目申报表", to="D2", box=False)
    ret.set_unit("上海市教育工会", t("A3", "申报单位：上海市教育工会", to="C3", box=False))
    ret.field(PROJECT_DATE, "date", "2017年5月11日", t("D3", "2017年5月11日", box=False))
    t("A4", "活动项目名称", to="A5")
    ret.field("活动项目名称", "text", "教育系统职工科技创新论坛", t("B4", "教育系统职工科技创新论坛", to="D5"))
    t("A6", "主办单位")
    ret.field("主办单位", "text", "上海市教育工会", t("B6", "上海市教育工会", to="D6"))
    t("A7", "承办单位")
    ret.field("承办单位", "text", "上海市教育系统职工技协", t("B7", "上海市教育系统职工技协", to="D7"))
    t("A8", "协办单位")
    ret.field("协办单位", "text", "上海师范大学", t("B8", "上海师范大学", to="D8"))
    t("A9", "举办时间")
    ret.field("举办时间", "daterange", D(2017, 5, 24), t("B9", D(2017, 5, 24), fmt="yyyy/m/d"))
    t("C9", "举办地点")
    ret.field("举办地点", "text", "上海师范大学会堂", t("D9", "上海师范大学会堂"))
    t("A10", "参加对象")
    ret.field("参加对象", "text", "教育系统教职工", t("B10", "教育系统教职工"))
    t("C10", "参加人数")
    ret.field("参加人数", "number", "约300", t("D10", "约300"))
    ret.mistake("参加人数", ["参加人数"], ["participants"], ["D10"], "“约300”不是确数", reason="确数")
    t("A11", "联系人姓名")
    ret.field("联系人姓名", "text", "吴磊", t("B11", "吴磊"))
    t("C11", "联系电话")
    ret.field("联系电话", "text", "64321234", t("D11", 64321234))  # typed into a General cell: a number
    t("A12", "主要活动项目简介")
    ret.field("主要活动项目简介", "text", "围绕教育信息化开展职工创新交流。", t("B12", "围绕教育信息化开展职工创新交流。", to="D12"))
    t("A13", "注: 1. 一项活动项目填写一份申报表", to="D13", box=False)
    return ret


def retyped_stats_yangpu(wb):
    """The 统计表 typed from the notice: 单位 and its value in one cell, ticks (√ ✓) in the 是 column, one count
    written in Chinese (a mistake), the contest's two counts not split (left blank: 否)."""
    ws = wb.active
    ws.title = "统计表"
    t = Typist(ws, [8, 54, 8, 10])
    ret = Return("festival-stats", ws.title)
    t("A1", "附件2", box=False)
    t("A2", "第七届上海职工科技节活动情况统计表", to="D2", box=False)
    ret.set_unit("杨浦区总工会", t("A3", "单位：杨浦区总工会", to="B3", box=False))
    ret.field(PROJECT_DATE, "date", "2017年5月31日", t("D3", "2017年5月31日", box=False))
    t("A4", "第七届上海职工科技节期间组织开展群众性科技创新活动情况", to=f"A{4 + len(STATS_ITEMS) + 2}")
    t("B4", "内容")
    t("C4", "是")
    t("D4", "数量")
    marks = ["√", "✓", "√", "是", "√", "✓", "√", "√", None, "√", "√", "✓", "否", "√", None, "√", None, None]
    counts = [1, 1, "十二个", 15, 3, 5, 2, 6, None, 512, 10, 8, None, 35, None, 1, 142, 18600]
    for i, (key, text, yes_header, count_headers) in enumerate(STATS_ITEMS):
        r = 5 + i
        t(f"B{r}", text)
        if yes_header:
            ret.field(yes_header, "yesno", marks[i], t(f"C{r}", marks[i]))
        else:
            t(f"C{r}", None)
        cell = t(f"D{r}", counts[i])
        for header in count_headers:
            ret.field(header, "number", counts[i] if len(count_headers) == 1 else None, cell if len(count_headers) == 1 else None)
        if key == "meeting":
            ret.mistake("是否召开有关科技创新工作推进会议（数量）", ["会议数"], ["meetingCount"], [cell], "数量写成了汉字“十二个”",
                        reason="阿拉伯数字")
    r = 5 + len(STATS_ITEMS)
    t(f"B{r}", STATS_FEATURED[0], to=f"D{r}")
    featured = "举办杨浦区职工创新成果巡展；\n开展“创新杨浦”金点子征集。"
    ret.field(STATS_FEATURED[1], "text", featured, t(f"B{r + 1}", featured, to=f"D{r + 1}"))
    t(f"A{r + 2}", "注：1. 如实填报，杜绝虚假", to=f"D{r + 2}", box=False)
    return ret


def make_studio(c):
    wb = c.template("studio-summary")
    c.add("徐汇区总工会_创新工作室推荐申报汇总表.xlsx", D(2020, 11, 10, 10, 0), [fill_studio_summary(wb.active, STUDIO_SUMMARIES["徐汇"])], wb)
    wb = c.template("studio-summary")
    c.add("上海市教育工会_创新工作室推荐申报汇总表.xlsx", D(2020, 11, 12, 9, 0), [fill_studio_summary(wb.active, STUDIO_SUMMARIES["教育"])], wb)
    c.add("杨浦区总工会_工作室推荐汇总表.xlsx", D(2020, 11, 11, 15, 0), [retyped_studio_summary(wb := openpyxl.Workbook())], wb)

    for key, name, when in [("王建国", "上海徐汇精密机械有限公司_王建国技师创新工作室申请表.xlsx", D(2020, 11, 6, 9, 0)),
                            ("精密测量", "上海徐汇精密机械有限公司_精密测量职工创新工作室申请表.xlsx", D(2020, 11, 6, 9, 40)),
                            ("李红", "上海徐汇燃气有限公司_李红职工创新工作室申请表.xlsx", D(2020, 11, 5, 16, 0)),
                            ("刘芳", "上海市教育科学研究院_刘芳巾帼创新工作室申请表.xlsx", D(2020, 11, 9, 11, 0))]:
        wb = c.template("studio-application")
        ret = fill_application(wb.active, APPLICATIONS[key])
        if key == "刘芳":
            ret.mistake("性别", ["性别", "申报类型"], ["leaderSex", "studioType"],
                        [ret.single["性别"]["cell"], ret.single["申报类型"]["cell"]], "巾帼工作室的领衔人性别填了“男”")
        c.add(name, when, [ret], wb)
    c.add("上海杨浦纺织科技有限公司_陈敏巾帼创新工作室申请表.xlsx", D(2020, 11, 9, 14, 0), [retyped_application_chen(wb := openpyxl.Workbook())], wb)
    c.add("上海杨浦船舶配件有限公司_赵强工匠创新工作室申请表.xlsx", D(2020, 11, 10, 8, 30), [retyped_application_zhao(wb := openpyxl.Workbook())], wb)


def retyped_studio_summary(wb):
    """The 汇总表 typed from the notice: label cells not merged as in the template, spaces in 申 报 人, the
    有/无 answer as "☑有 □无", the notice's own spacing ("2020 年度")."""
    ws = wb.active
    ws.title = "推荐汇总表"
    t = Typist(ws, [8, 16, 28, 28, 14])
    ret = Return("studio-summary", ws.title)
    t("A1", "附件 1:", box=False)
    t("A2", "2020 年度上海市工匠（技师、职工、巾帼） 创新工作室推荐申报汇总表", to="E2", box=False)
    t("A3", "区局（产业）工会名称")
    ret.set_unit("杨浦区总工会", t("B3", "杨浦区总工会", to="E3"))
    t("A4", "申 报 人")
    ret.field("申报人", "text", "孙洁", t("B4", "孙洁"))
    t("C4", "联系方式")
    ret.field("联系方式", "text", "021-65012345转806", t("D4", "021-65012345转806", to="E4"))
    t("A5", "开展本行业、本系统工作室创建活动（方案可附后）", to="C5")
    ret.field("开展工作室创建活动", "choice", "☑有 □无", t("D5", "☑有 □无", to="E5"), ["有", "无"])
    for i, (label, header, kind, _o) in enumerate(SUMMARY_LABELS[3:]):
        r = 6 + i
        t(f"A{r}", label, to=f"C{r}")
        n = [2, 5, 8, 3][i]
        ret.field(header, kind, n, t(f"D{r}", n, to=f"E{r}"))
    t("A10", "2020 年度上海市工匠（技师、职工、巾帼）创新工作室申报汇总情况", to="E10")
    for col, label in zip("ABCDE", ["序号", "工作室类型", "工作室名称", "申报单位", "领衔人"]):
        t(f"{col}11", label)
    studios = [(1, "巾帼工作室", "陈敏巾帼创新工作室", "上海杨浦纺织科技有限公司", "陈敏"),
               (2, "工匠工作室", "赵强工匠创新工作室", "上海杨浦船舶配件有限公司", "赵强")]
    for i, values in enumerate(studios):
        row = ret.new_row()
        for col, (_l, header, kind), value in zip("ABCDE", SUMMARY_LIST, values):
            ret.row_field(row, header, kind, value, t(f"{col}{12 + i}", value))
    for col in "ABCDE":
        t(f"{col}14", 3 if col == "A" else None)
    t("A15", "区局（产业） 工会申报意见", to="B16")
    ret.field(SUMMARY_OPINION[1], "text", "经区总工会审核，同意推荐。", t("C15", "经区总工会审核，同意推荐。", to="E15"))
    t("C16", "盖章： 年 月 日", to="E16")
    return ret


def type_members(t, ret, first_row, studio, rows):
    for col, label in zip("ABCDEF", ["姓名", "年龄", "学历", "职称 (技能等级)", "工种", "工作年限"]):
        t(f"{col}{first_row}", label)
    for i, m in enumerate(rows):
        row = ret.new_row()
        r = first_row + 1 + i
        for col, (label, header, kind) in zip("ABCDEF", MEMBER_LABELS):
            ret.row_field(row, header, kind, m[label], t(f"{col}{r}", m[label]))
        ret.row_field(row, "工作室名称", "text", studio, None)
    return first_row + 1 + len(rows)


def retyped_application_chen(wb):
    """The 申请表 typed as the notice prints it: tick boxes in one cell per question (☑ ■ ✓ √ ✔ before the choice,
    □ ☐ for the others), the three patents in one cell, 非农业 and 农业 in two cells."""
    ws = wb.active
    ws.title = "申请表"
    t = Typist(ws, [16, 13, 13, 13, 13, 13])
    ret = Return("studio-application", ws.title)
    t("A1", "附件 2:", box=False)
    t("A2", "2020 年度上海市工匠（技师、职工、巾帼）创新工作室申请表", to="F2", box=False)
    t("A3", "工作室名称")
    ret.field("工作室名称", "text", "陈敏巾帼创新工作室", t("B3", "陈敏巾帼创新工作室", to="F3"))
    t("A4", "工作室技术专长")
    ret.field("工作室技术专长", "text", "高档面料织造工艺改进", t("B4", "高档面料织造工艺改进", to="F4"))
    t("A5", "申报类型（勾选）")
    typed = "□工匠工作室 □技师工作室 □职工工作室 ☑巾帼工作室"
    ret.field("申报类型", "choice", typed, t("B5", typed, to="F5"), STUDIO_TYPES)
    t("A6", "申报单位")
    ret.set_unit("上海杨浦纺织科技有限公司", t("B6", "上海杨浦纺织科技有限公司", to="C6"))
    t("D6", "所属系统")
    ret.field("所属系统", "text", "杨浦区", t("E6", "杨浦区", to="F6"))
    t("A7", "单位性质")
    ret.field("单位性质", "text", "外商投资企业", t("B7", "外商投资企业", to="C7"))
    t("D7", "所属行业")
    ret.field("所属行业", "text", "纺织", t("E7", "纺织", to="F7"))
    t("A8", "单位地址")
    ret.field("单位地址", "text", "杨浦区军工路1000号", t("B8", "杨浦区军工路1000号", to="C8"))
    t("D8", "邮政编码")
    ret.field("邮政编码", "text", "200093", t("E8", 200093, to="F8"))  # typed as a number
    t("A9", "专利情况")
    patents = "☑发明专利 2 项 □实用新型__项 ■外观设计 1 项"
    cell = t("B9", patents, to="F9")
    for name, tick, count in [("发明专利", "☑", 2), ("实用新型", None, None), ("外观设计", "■", 1)]:
        ret.field(f"{name}（勾选）", "yesno", tick, cell)
        ret.field(f"{name}数", "number", count, cell)
    t("A10", "领衔人姓名")
    ret.field("领衔人姓名", "text", "陈敏", t("B10", "陈敏"))
    t("C10", "职务")
    ret.field("职务", "text", "工艺主管", t("D10", "工艺主管"))
    t("E10", "联系方式")
    ret.field("联系方式", "text", "13816612345", t("F10", "13816612345"))
    t("A11", "性别")
    ret.field("性别", "text", "女", t("B11", "女"))
    t("C11", "年龄")
    ret.field("年龄", "number", 45, t("D11", 45))
    t("E11", "学历")
    ret.field("学历", "text", "本科", t("F11", "本科"))
    t("A12", "工种")
    ret.field("工种", "text", "纺织工艺", t("B12", "纺织工艺", to="D12"))
    t("E12", "工作年限")
    ret.field("工作年限", "number", 24, t("F12", 24))
    t("A13", "技能等级")
    typed = "□高级技师 ■技师 □高级工 □中级工 □初级工 □无"
    ret.field("技能等级", "choice", typed, t("B13", typed, to="F13"), APPLICATION_LABELS[16][3])
    t("A14", "职称")
    typed = "□高级 ✓中级 □初级 □无"
    ret.field("职称", "choice", typed, t("B14", typed, to="F14"), APPLICATION_LABELS[17][3])
    t("A15", "领衔人户籍属性")
    cell = t("B15", "√非农业")
    t("C15", "□农业")
    ret.field("领衔人户籍属性", "choice", "√非农业 □农业", cell, ["非农业", "农业"])
    t("D15", "户籍地")
    typed = "✔本市 ☐外省市"
    ret.field("户籍地", "choice", typed, t("E15", typed, to="F15"), ["本市", "外省市"])
    t("A16", "领衔人曾获荣誉")
    ret.field("领衔人曾获荣誉", "text", "2018年上海市三八红旗手", t("B16", "2018年上海市三八红旗手", to="F16"))
    t("A17", "工作室其他成员情况", to="F17")
    rows = members(("王静", 38, "本科", "技师", "纺织工艺", 16), ("李萍", 42, "大专", "高级工", "织造", 24),
                   ("张颖", 29, "本科", "助理工程师", "纺织工艺", 6), ("赵琳", 33, "本科", "工程师", "面料设计", 10),
                   ("孙燕", 47, "高中", "技师", "织造", 29))
    r = type_members(t, ret, 18, "陈敏巾帼创新工作室", rows)
    t(f"A{r}", "工作室介绍（800 字左右，包括主要技术创新成果）:", to=f"F{r}", box=False)
    intro = "工作室改进高档面料织造工艺，产品一次合格率提高到99%。"
    ret.field("工作室介绍", "text", intro, t(f"A{r + 1}", intro, to=f"F{r + 1}"))
    t(f"A{r + 2}", "工作室曾获荣誉:", to=f"F{r + 2}", box=False)
    ret.field("工作室曾获荣誉", "text", "2019年杨浦区巾帼文明岗", t(f"A{r + 3}", "2019年杨浦区巾帼文明岗", to=f"F{r + 3}"))
    return ret


def retyped_application_zhao(wb):
    """Typed in the template's shape but not its cells: no 附件 line, full-width colons, the patent counts in other
    columns with ✓ and √ ticks, "✓高级技师" (not 技师), and a five-digit postcode (a mistake)."""
    ws = wb.active
    ws.title = "Sheet1"
    t = Typist(ws, [16, 13, 13, 13, 13, 13])
    ret = Return("studio-application", ws.title)
    t("A1", "2020年度上海市工匠（技师、职工、巾帼）创新工作室申请表", to="F1", box=False)
    t("A2", "工作室名称：")
    ret.field("工作室名称", "text", "赵强工匠创新工作室", t("B2", "赵强工匠创新工作室", to="F2"))
    t("A3", "工作室技术专长：")
    ret.field("工作室技术专长", "text", "船用阀门密封技术", t("B3", "船用阀门密封技术", to="F3"))
    t("A4", "申报类型（勾选）")
    typed = "■工匠工作室 □技师工作室 □职工工作室 □巾帼工作室"
    ret.field("申报类型", "choice", typed, t("B4", typed, to="F4"), STUDIO_TYPES)
    t("A5", "申报单位")
    ret.set_unit("上海杨浦船舶配件有限公司", t("B5", "上海杨浦船舶配件有限公司", to="C5"))
    t("D5", "所属系统")
    ret.field("所属系统", "text", "杨浦区", t("E5", "杨浦区", to="F5"))
    t("A6", "单位性质")
    ret.field("单位性质", "text", "民营企业", t("B6", "民营企业", to="C6"))
    t("D6", "所属行业")
    ret.field("所属行业", "text", "船舶制造", t("E6", "船舶制造", to="F6"))
    t("A7", "单位地址")
    ret.field("单位地址", "text", "杨浦区杨树浦路2200号", t("B7", "杨浦区杨树浦路2200号", to="C7"))
    t("D7", "邮政编码")
    ret.field("邮政编码", "text", "20009", t("E7", "20009", to="F7"))
    ret.mistake("邮政编码", ["邮政编码"], ["postcode"], ["E7"], "邮政编码只有5位")
    t("A8", "专利情况", to="A10")
    for r, (name, tick, count) in zip((8, 9, 10), [("发明专利", "✓", 1), ("实用新型", None, None), ("外观设计", "√", 2)]):
        ret.field(f"{name}（勾选）", "yesno", tick, t(f"B{r}", tick))
        t(f"C{r}", name)
        ret.field(f"{name}数", "number", count, t(f"D{r}", count))
        t(f"E{r}", "项")
    t("A11", "领衔人姓名")
    ret.field("领衔人姓名", "text", "赵强", t("B11", "赵强"))
    t("C11", "职务")
    ret.field("职务", "text", "技术总监", t("D11", "技术总监"))
    t("E11", "联系方式")
    ret.field("联系方式", "text", "13761234567", t("F11", "13761234567"))
    t("A12", "性别")
    ret.field("性别", "text", "男", t("B12", "男"))
    t("C12", "年龄")
    ret.field("年龄", "number", 52, t("D12", 52))
    t("E12", "学历")
    ret.field("学历", "text", "大专", t("F12", "大专"))
    t("A13", "工种")
    ret.field("工种", "text", "钳工", t("B13", "钳工", to="D13"))
    t("E13", "工作年限")
    ret.field("工作年限", "number", 34, t("F13", 34))
    t("A14", "技能等级")
    typed = "✓高级技师 □技师 □高级工 □中级工 □初级工 □无"
    ret.field("技能等级", "choice", typed, t("B14", typed, to="F14"), APPLICATION_LABELS[16][3])
    t("A15", "职称")
    typed = "□高级 □中级 □初级 ■无"
    ret.field("职称", "choice", typed, t("B15", typed, to="F15"), APPLICATION_LABELS[17][3])
    t("A16", "领衔人户籍属性")
    typed = "☑非农业 □农业"
    ret.field("领衔人户籍属性", "choice", typed, t("B16", typed, to="C16"), ["非农业", "农业"])
    t("D16", "户籍地")
    typed = "☑本市 □外省市"
    ret.field("户籍地", "choice", typed, t("E16", typed, to="F16"), ["本市", "外省市"])
    t("A17", "领衔人曾获荣誉")
    honours = "2018年“上海工匠”；2019年全国五一劳动奖章"
    ret.field("领衔人曾获荣誉", "text", honours, t("B17", honours, to="F17"))
    t("A18", "工作室其他成员情况", to="F18")
    rows = members(("钱进", 44, "大专", "技师", "钳工", 25), ("周斌", 37, "本科", "工程师", "机械设计", 14),
                   ("吴涛", 31, "大专", "高级工", "钳工", 12), ("郑磊", 28, "大专", "中级工", "焊工", 9),
                   ("王刚", 50, "高中", "高级技师", "钳工", 32), ("冯亮", 35, "本科", "工程师", "工艺", 11))
    r = type_members(t, ret, 19, "赵强工匠创新工作室", rows)
    t(f"A{r}", "工作室介绍（800字左右，包括主要技术创新成果）：", to=f"F{r}", box=False)
    intro = "工作室攻克船用阀门密封难题，获发明专利1项、外观设计专利2项。"
    ret.field("工作室介绍", "text", intro, t(f"A{r + 1}", intro, to=f"F{r + 1}"))
    t(f"A{r + 2}", "工作室曾获荣誉：", to=f"F{r + 2}", box=False)
    ret.field("工作室曾获荣誉", "text", None, t(f"A{r + 3}", None, to=f"F{r + 3}"))
    return ret


def make_yangpu(c):
    wb = c.template("yangpu-theme-activity")
    c.add("五角场街道总工会_主题活动申报表.xlsx", D(2018, 6, 12, 10, 0), [fill_yangpu(wb.active, "yangpu-theme-activity", THEMES["五角场"])], wb)
    wb = c.template("yangpu-theme-activity")
    ret = fill_yangpu(wb.active, "yangpu-theme-activity", THEMES["控江"])
    ret.reminders.append({"label": "填报日期", "header": "填报日期", "cell": ret.single["填报日期"]["cell"],
                          "what": "填报日期未填：只应提醒，不应算错误"})
    c.add("控江路街道总工会_主题活动申报表.xlsx", D(2018, 6, 14, 16, 0), [ret], wb)
    c.add("杨浦区卫生系统工会_主题活动申报表.xlsx", D(2018, 6, 12, 15, 0), [retyped_theme_health(wb := openpyxl.Workbook())], wb)

    wb = c.template("yangpu-volunteer-team")
    c.add("五角场街道总工会_志愿者服务队登记表.xlsx", D(2018, 6, 13, 9, 0), [fill_yangpu(wb.active, "yangpu-volunteer-team", TEAMS["五角场"])], wb)
    c.add("杨浦区卫生系统工会_志愿者服务队登记表.xlsx", D(2018, 6, 11, 17, 0), [retyped_teams_health(wb := openpyxl.Workbook())], wb)

    # 延吉: filled, then opened in LibreOffice to add a team and correct the phone (wrongly: seven digits).
    wb = c.template("yangpu-volunteer-team")
    ws = wb.active
    ret = fill_yangpu(ws, "yangpu-volunteer-team", TEAMS["延吉"])
    header_row = find(ws, "序号")[0]
    new_row = header_row + 1 + len(TEAMS["延吉"]["rows"])
    changes = [((new_row, find(ws, label, min_row=header_row, max_row=header_row)[1]), YANJI_ADDED[label]) for label, _h, _k in TEAM_LIST]
    phone_at = right_of(ws, find(ws, "联系电话", min_row=header_row + 1))
    changes.append((phone_at, YANJI_PHONE))
    entry = c.add("延吉新村街道总工会_志愿者服务队登记表.xlsx", D(2018, 6, 14, 11, 0), [ret], wb)

    def yanji_edited(ret=ret, changes=changes):
        row = ret.new_row()
        for (at, value), (_label, header, kind) in zip(changes, TEAM_LIST):
            ret.row_field(row, header, kind, value, addr(at))
        ret.field("联系电话", "text", YANJI_PHONE, addr(phone_at))
        ret.mistake("联系电话", ["联系电话"], ["contactPhone"], [addr(phone_at)], "电话号码只有7位")

    c.lo_edits.append((entry, changes, yanji_edited))


def retyped_theme_health(wb):
    """The 主题活动申报表 typed from the notice: "填报单位：…" in one merged cell, 时间安排 moved before 活动形式,
    an empty column, a 活动形式 merged over two list rows, "联 系 人：王丽" in one cell, two phone numbers."""
    ws = wb.active
    ws.title = "申报表"
    t = Typist(ws, [6, 24, 14, 12, 2, 40, 10])
    ret = Return("yangpu-theme-activity", ws.title)
    t("A1", "附件1", box=False)
    t("A2", "“弘扬劳模精神，建功‘创新杨浦’”主题活动申报表", to="G2", box=False)
    ret.set_unit("杨浦区卫生系统工会", t("A3", "填报单位：杨浦区卫生系统工会", to="G3", box=False))
    for col, label in zip("ABCDEFG", ["序号", "活动名称", "时间安排", "活动形式", None, "主要内容和形式（100字内）", "参与人数"]):
        t(f"{col}4", label)
    rows = [
        (1, "劳模先进事迹报告会", "6月下旬", "宣讲报告", "邀请卫生系统全国劳模作事迹报告。", 300),
        (2, "“最美医务工作者”事迹分享会", "7月—8月", "宣讲报告", "各医院推荐的最美医务工作者分享事迹。", 260),
        (3, "家庭医生服务技能竞赛", "9月—10月", "技能竞赛", "全区社区卫生服务中心家庭医生技能比武。", 150),
        (4, "职工健康知识讲座", "每月一次", "讲座", "面向全区职工的健康知识讲座。", 60),
    ]
    headers = ["序号", "活动名称", "时间安排", "活动形式", "主要内容和形式", "参与人数"]
    kinds = {"序号": "number", "参与人数": "number"}
    for i, values in enumerate(rows):
        r = 5 + i
        row = ret.new_row()
        for col, header, value in zip("ABCDFG", headers, values):
            if header == "活动形式" and i == 1:
                cell = "D5"  # merged with the row above: the same 活动形式
            elif header == "活动形式" and i == 0:
                cell = t("D5", value, to="D6")
            else:
                cell = t(f"{col}{r}", value)
            ret.row_field(row, header, kinds.get(header, "text"), value, cell)
        t(f"E{r}", None)
    t("A9", "注：表格不够可另附，电子版请从区总工会网站公告栏下载。", to="G9", box=False)
    ret.field("联系人", "text", "王丽", t("A10", "联 系 人：王丽", to="B10", box=False))
    t("C10", "联系电话：", box=False)
    ret.field("联系电话", "text", "65012345、13812345678", t("D10", "65012345、13812345678", to="E10", box=False))
    t("F10", "填报日期：", box=False)
    ret.field("填报日期", "date", "2018年6月12日", t("G10", "2018年6月12日", box=False))
    return ret


def retyped_teams_health(wb):
    """The 登记表 typed from the notice: a blank row under 填报单位, headings with the notice's line breaks, a
    负责人 merged over two teams, 服务队人数 in a column formatted as text, "十二人" (a mistake), 组建时间 as
    "2014年5月", an Excel date and "2017.9.1"."""
    ws = wb.active
    ws.title = "登记表"
    t = Typist(ws, [6, 26, 16, 10, 14, 28, 36])
    ret = Return("yangpu-volunteer-team", ws.title)
    t("A1", "附件2", box=False)
    t("A2", "杨浦职工志愿者服务队登记表", to="G2", box=False)
    t("A3", "填报单位：", box=False)
    ret.set_unit("杨浦区卫生系统工会", t("B3", "杨浦区卫生系统工会", to="D3", box=False))
    headings = ["序号", "登记服务队名称", "负责人\n姓名及职务", "服务队\n人数", "服务队\n组建时间", "服务内容\n（50字内）",
                "服务成效简介\n（100字内，新组队可不填）"]
    for col, label in zip("ABCDEFG", headings):
        t(f"{col}5", label)
    rows = [
        (1, "卫生系统职工健康义诊服务队", "李华 副院长", "25", "2014年5月", "进社区开展健康义诊。", "累计义诊2000余人次。"),
        (2, "卫生系统急救知识普及服务队", "李华 副院长", 30, D(2016, 4, 1), "普及心肺复苏等急救知识。", "培训职工群众1500人。"),
        (3, "卫生系统中医药进社区服务队", "周平 主任医师", "十二人", "2017.9.1", "中医药健康咨询。", "服务社区居民800人次。"),
    ]
    for i, values in enumerate(rows):
        r = 6 + i
        row = ret.new_row()
        for col, (_l, header, kind), value in zip("ABCDEFG", TEAM_LIST, values):
            if header == "负责人姓名及职务" and i == 1:
                cell = "C6"
            elif header == "负责人姓名及职务" and i == 0:
                cell = t("C6", value, to="C7")
            else:
                cell = t(f"{col}{r}", value, fmt="@" if header == "服务队人数" else ("yyyy/m/d" if isinstance(value, D) else None))
            ret.row_field(row, header, kind, value, cell)
            if header == "服务队人数" and value == "十二人":
                ret.mistake("服务队人数", ["服务队人数"], ["size"], [cell], "人数写成了汉字“十二人”", reason="阿拉伯数字", row=i)
    t("A9", "注：表格不够可另附，电子版请从区总工会网站公告栏下载。", to="G9", box=False)
    t("A10", "联系人：", box=False)
    ret.field("联系人", "text", "钱芳", t("B10", "钱芳", box=False))
    t("C10", "联系电话：", box=False)
    ret.field("联系电话", "text", "021-55885659 13912345678", t("D10", "021-55885659 13912345678", to="E10", box=False))
    t("F10", "填报日期：", box=False)
    ret.field("填报日期", "date", "2018.6.11", t("G10", "2018.6.11", box=False))
    return ret


def make_other_files(c):
    try:
        import docx  # python-docx

        doc = docx.Document()
        doc.add_paragraph("关于报送第七届上海职工科技节材料的说明")
        doc.add_paragraph("市职工科技节组委会办公室：我单位活动项目申报表两份、活动情况统计表一份已随邮件报送，请查收。")
        doc.add_paragraph("黄浦区总工会  2017年5月8日")
        doc.save(c.path("黄浦区总工会_报送说明.docx"))
        c.other_files.append({"name": "黄浦区总工会_报送说明.docx", "verdict": "not-a-form"})
    except ImportError:
        c.left_out.append("Word file (.docx): python-docx is not installed")
    with open(c.path("杨浦区总工会_报送说明.txt"), "w", encoding="utf-8") as f:
        f.write("附件为杨浦区总工会的活动项目申报表和活动情况统计表，联系人周立，电话021-55885659。\n")
    c.other_files.append({"name": "杨浦区总工会_报送说明.txt", "verdict": "not-a-form"})
    # Excel's lock file, left behind by a workbook still open when the folder was copied.
    owner = "huangpu"
    data = bytes([len(owner)]) + owner.encode("ascii") + b"\x20" * (54 - 1 - len(owner))
    data += owner.encode("utf-16-le") + b"\x00\x00"
    data = data.ljust(165, b"\x20")
    lock = "~$上海市黄浦区总工会_活动项目申报表_职工创新成果展.xlsx"
    with open(c.path(lock), "wb") as f:
        f.write(data)
    c.other_files.append({"name": lock, "verdict": "ignored"})
    for name in [e["name"] for e in c.other_files]:
        os.utime(c.path(name), (D(2017, 5, 12).timestamp(),) * 2)


# ---------------------------------------------------------------------------------------------------------------
# LibreOffice: .xls re-saves, edits, and a sheet copied into another workbook.


def run_libreoffice(c):
    sys.path.insert(0, os.path.join(REPO, "test", "support"))
    import uno  # noqa: F401
    from calc_session import calc_desktop, prop

    def url(p):
        import uno as u

        return u.systemPathToFileUrl(os.path.abspath(p))

    xlsx = (prop("FilterName", "Calc MS Excel 2007 XML"),)
    with calc_desktop() as desktop:
        hidden = (prop("Hidden", True),)

        def load(p):
            return desktop.loadComponentFromURL(url(p), "_blank", 0, hidden)

        for entry in c.lo_converts:
            src = c.path(entry["name"])
            name = entry["name"][: -len(".xlsx")] + ".xls"
            doc = load(src)
            doc.storeToURL(url(c.path(name)), (prop("FilterName", "MS Excel 97"),))
            doc.close(True)
            os.remove(src)
            entry["name"] = name
            for r in entry["returns"]:
                r.file = name
        for entry, changes, after in c.lo_edits:
            src = c.path(entry["name"])
            doc = load(src)
            sheet = doc.Sheets.getByIndex(0)
            for (row, col), value in changes:
                cell = sheet.getCellByPosition(col - 1, row - 1)
                if isinstance(value, (int, float)):
                    cell.setValue(value)
                else:
                    cell.setString(value)
            tmp = src + ".tmp.xlsx"
            doc.storeToURL(url(tmp), xlsx)
            doc.close(True)
            os.replace(tmp, src)
            after()
        for project, stats in c.lo_combines:
            target = load(c.path(project["name"]))
            source = load(c.path(stats["name"]))
            name = source.Sheets.getElementNames()[0]
            target.Sheets.importSheet(source, name, target.Sheets.getCount())
            source.close(True)
            tmp = c.path(project["name"]) + ".tmp.xlsx"
            target.storeToURL(url(tmp), xlsx)
            target.close(True)
            os.replace(tmp, c.path(project["name"]))
            os.remove(c.path(stats["name"]))
            c.files.remove(stats)
            for r in stats["returns"]:
                r.file = project["name"]
                r.mtime = project["mtime"]
            project["returns"].extend(stats["returns"])


def has_uno():
    try:
        import uno  # noqa: F401

        return True
    except ImportError:
        return False


def without_libreoffice(c):
    """The same values without LibreOffice: the edits typed with openpyxl, the rest left as separate .xlsx files."""
    for entry, changes, after in c.lo_edits:
        wb = openpyxl.load_workbook(c.path(entry["name"]))
        ws = wb.worksheets[0]
        for (row, col), value in changes:
            ws.cell(row=row, column=col).value = value
        wb.save(c.path(entry["name"]))
        after()
    c.left_out.append(".xls re-saves (kept as .xlsx), LibreOffice edits (typed with openpyxl instead) and the sheet "
                      "copied into another workbook (kept as two files): --no-libreoffice, or soffice or its Python bridge (uno) missing")


# ---------------------------------------------------------------------------------------------------------------
# expected.json


def record_of(ret, values):
    out = {"单位": ret.unit, "来源文件": ret.file, "工作表": ret.sheet}
    kinds = {"单位": "text", "来源文件": "file", "工作表": "text"}
    cells = {"单位": ret.unit_cell}
    for header, v in values.items():
        out[header] = v["value"]
        kinds[header] = v["kind"]
        cells[header] = v["cell"]
    return {"values": out, "kinds": kinds, "cells": cells, "file": ret.file, "sheet": ret.sheet}


# The notice's deadlines (seed 000): 附件1 "5月12日前报送", 附件2 "6月1日前填好…并报送". A deadline day counts whole, in
# Shanghai time (UTC+8 all year).
DEADLINES = {"festival-project": dt.date(2017, 5, 12), "festival-stats": dt.date(2017, 6, 1)}
SHANGHAI = dt.timezone(dt.timedelta(hours=8))


def sent_late(mtime, form):
    end = dt.datetime.combine(DEADLINES[form] + dt.timedelta(days=1), dt.time(), tzinfo=SHANGHAI)
    # mtime is naive, set on the file with os.utime(mtime.timestamp()): the same local reading here
    return mtime.timestamp() >= end.timestamp()


def collection_status(returns, taken, not_taken):
    """Issue 14 §1, per roster unit: which of the districts' forms it sent, late or not, corrected or not."""
    status = {}
    for u in ROSTER:
        forms = {}
        for form in DEADLINES:
            mine = [r for r in returns if r.form == form and unit_key(r.unit) == unit_key(u)]
            forms[form] = {
                "submitted": bool(mine),
                "late": any(sent_late(r.mtime, form) for r in mine if r in taken),
                "corrected": any(nt["form"] == form and unit_key(nt["unit"]) == unit_key(u) for nt in not_taken),
                "mistakes": sum(len(r.mistakes) for r in mine if r in taken),
            }
        sent = sum(f["submitted"] for f in forms.values())
        status[u] = {"status": "missing" if sent == 0 else "complete" if sent == len(forms) else "partial", "forms": forms}
    return status


def stats_by_item(records):
    """Issue 14 §3, the 统计表 as the office reads it: per item (the notice's words), the units that answered 是 and
    the sum of each count, over the returns that count; a count that is not a number is not summed."""
    out = []
    for _key, text, yes_header, count_headers in STATS_ITEMS:
        yes = sum(1 for r in records if r["values"].get(yes_header) == "是") if yes_header else None
        sums = [sum(r["values"][h] for r in records if r["kinds"].get(h) == "number" and r["values"].get(h) is not None)
                for h in count_headers]
        out.append({"text": text, "yes": yes, "sums": sums})
    return out


def correction_slips(taken):
    """Issue 14 §2: every unit whose returns that count hold a deliberate mistake gets a slip naming each one."""
    slips = {}
    for r in taken:
        found = [{"cells": [c for c in m["cells"] if c], "headers": m["headers"], "what": m["what"]} for m in r.mistakes]
        # The notice asks for a 工作室介绍 of "800字左右": one under half of that is sent back to be completed too.
        intro = r.single.get("工作室介绍") if r.form == "studio-application" else None
        if intro and len(re.sub(r"\s", "", str(intro["value"]))) < 400:
            found.append({"cells": [intro["cell"]], "headers": ["工作室介绍"], "what": "工作室介绍远不足800字"})
        if not found:
            continue
        slip = slips.setdefault(unit_key(r.unit), {"unit": r.unit, "mistakes": []})
        slip["mistakes"].extend(dict(m, file=r.file, sheet=r.sheet) for m in found)
    return list(slips.values())


def build_expected(c):
    returns = [r for f in c.files for r in f["returns"]]
    # Only a later return of the same record replaces an earlier one.
    latest = {}
    for r in returns:
        extra = SAME_RETURN_BY.get(r.form)
        key = (r.form, unit_key(r.unit), unit_key(r.single[extra]["value"]) if extra else "")
        if key not in latest or r.mtime > latest[key].mtime:
            latest[key] = r
    taken, not_taken = [], []
    for r in returns:
        extra = SAME_RETURN_BY.get(r.form)
        key = (r.form, unit_key(r.unit), unit_key(r.single[extra]["value"]) if extra else "")
        winner = latest[key]
        if winner is r:
            taken.append(r)
        else:
            changed = {h: [v["value"], winner.single[h]["value"]] for h, v in r.single.items()
                       if winner.single.get(h, {}).get("value") != v["value"]}
            not_taken.append({"form": r.form, "file": r.file, "sheet": r.sheet, "unit": r.unit,
                              "record": r.single[extra]["value"] if extra else r.unit,
                              "replaced_by": {"file": winner.file, "sheet": winner.sheet},
                              "reason": f"同一记录较新的一份（{winner.file}，修改时间更晚）代替了这一份",
                              "changed": changed})
    sheets = {}
    for form, names in SUMMARY.items():
        for which, name in names.items():
            sheets[name] = {"form": form, "key": ROW_KEY[name], "records": [], "totals": []}
    for r in taken:
        names = SUMMARY[r.form]
        if "single" in names:
            sheets[names["single"]]["records"].append(record_of(r, r.single))
        for row in r.rows:
            # a list form without a summary of its returns repeats the return's own fields on each row
            sheets[names["list"]]["records"].append(record_of(r, row if "single" in names else {**r.single, **row}))
    for name, spec in sheets.items():
        for header, how in TOTALS[name]:
            values = [rec["values"].get(header) for rec in spec["records"]]
            kinds = [rec["kinds"].get(header) for rec in spec["records"]]
            total = {"header": header, "how": how}
            if how == "sum":
                total["sum"] = sum(v for v, k in zip(values, kinds) if k == "number")
                total["non_numeric"] = [{"file": rec["file"], "sheet": rec["sheet"], "cell": rec["cells"].get(header),
                                         "value": rec["values"][header]}
                                        for rec in spec["records"] if rec["kinds"].get(header) == "not_number"]
            elif how == "yes_count":
                total["count"] = sum(1 for v in values if v == "是")
            total["rows"] = len(spec["records"])
            spec["totals"].append(total)
    mistakes, reminders = [], []
    for r in returns:
        for m in r.mistakes:
            mistakes.append(dict(m, file=r.file, sheet=r.sheet, form=r.form, unit=r.unit))
        for m in r.reminders:
            reminders.append(dict(m, file=r.file, sheet=r.sheet, form=r.form, unit=r.unit))
    sent = {}
    for r in returns:
        sent.setdefault(unit_key(r.unit), set()).add(r.form)
    roster = {
        "file": "roster.txt",
        "units": ROSTER,
        "sent_nothing": [u for u in ROSTER if unit_key(u) not in sent],
        "matched_after_normalising": sorted({(r.unit, u) for r in returns for u in ROSTER
                                             if r.unit != u and unit_key(r.unit) == unit_key(u)}),
        "sent_some_forms_not_others": {
            u: {"sent": sorted(sent[unit_key(u)]),
                "not_sent": sorted(f for f in ("festival-project", "festival-stats") if f not in sent[unit_key(u)])}
            for u in ROSTER if unit_key(u) in sent
            and {"festival-project", "festival-stats"} & sent[unit_key(u)]
            and not {"festival-project", "festival-stats"} <= sent[unit_key(u)]},
    }
    roster["matched_after_normalising"] = [{"typed": a, "roster": b} for a, b in roster["matched_after_normalising"]]
    roster["status"] = collection_status(returns, taken, not_taken)
    return {
        "about": "Issue 10 §6: what a careful clerk expects in the summaries, computed by make_returns.py from what it "
                 "wrote. Values: text as typed, numbers as numbers, dates as ISO yyyy-mm-dd, ranges as "
                 "YYYY-MM-DD至YYYY-MM-DD, a month as YYYY-MM; kinds say how to compare (see check_summary.py).",
        "command": "union-forms merge returns -o out.xlsx --roster roster.txt --json report.json --slips slips --reminder 催报.txt --force",
        "files": [{"name": f["name"], "mtime": f["mtime"].isoformat(),
                   "sheets": [{"sheet": r.sheet, "form": r.form, "unit": r.unit} for r in f["returns"]]}
                  for f in sorted(c.files, key=lambda f: f["name"])],
        "other_files": c.other_files,
        "sheets": sheets,
        "not_taken": not_taken,
        "mistakes": mistakes,
        "reminders": reminders,
        "roster": roster,
        "slips": correction_slips(taken),
        "stats_by_item": stats_by_item(sheets["活动情况统计汇总"]["records"]),
        "left_out": c.left_out,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--templates")
    ap.add_argument("--no-libreoffice", action="store_true")
    args = ap.parse_args()
    out = os.path.abspath(args.out)
    returns_dir = os.path.join(out, "returns")
    if os.path.exists(returns_dir):
        shutil.rmtree(returns_dir)
    os.makedirs(returns_dir)
    templates = args.templates
    scratch = None
    if not templates:
        scratch = tempfile.mkdtemp(prefix="uf-realistic-tpl-")
        templates = scratch
        subprocess.run(["node", os.path.join(REPO, "bin", "union-forms.js"), "template", "--all", "-o", templates, "--force"],
                       check=True, stdout=subprocess.DEVNULL)
    try:
        c = Corpus(out, templates)
        use_lo = not args.no_libreoffice and shutil.which("soffice") is not None and has_uno()
        make_festival(c)
        make_studio(c)
        make_yangpu(c)
        if use_lo:
            run_libreoffice(c)
        else:
            without_libreoffice(c)
        make_other_files(c)
        for f in c.files:
            ts = f["mtime"].timestamp()
            os.utime(c.path(f["name"]), (ts, ts))
        with open(os.path.join(out, "roster.txt"), "w", encoding="utf-8") as fh:
            fh.write("\n".join(ROSTER) + "\n")
        expected = build_expected(c)
        with open(os.path.join(out, "expected.json"), "w", encoding="utf-8") as fh:
            json.dump(expected, fh, ensure_ascii=False, indent=1)
        n = sum(len(s["records"]) for s in expected["sheets"].values())
        print(json.dumps({"files": len(c.files), "other_files": len(c.other_files), "records": n,
                          "mistakes": len(expected["mistakes"]), "left_out": c.left_out}, ensure_ascii=False))
    finally:
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
