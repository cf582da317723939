"""What the clerk simulator wrote, return by return (issue 19 §6): each simulated return (a Bundle) is one or more
files, each file one or more sheets, each sheet a make_returns.Return holding every value typed, where, and what a
careful clerk expects of it. Operators change the files and these expectations together."""
import datetime as dt
import io
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "realistic"))

import openpyxl  # noqa: E402

import make_returns as mr  # noqa: E402

# Each form's value kinds, by summary header (from make_returns' printed-label tables): an operator that retypes a
# value computes its expectation again with make_returns.expect.
DECLARED = {
    "festival-project": {**{h: (k, None) for _l, h, k in mr.PROJECT_LABELS}, mr.PROJECT_DATE: ("date", None)},
    "festival-stats": {**{y: ("yesno", None) for _k, _t, y, _c in mr.STATS_ITEMS if y},
                       **{c: ("number", None) for _k, _t, _y, cs in mr.STATS_ITEMS for c in cs},
                       mr.PROJECT_DATE: ("date", None), mr.STATS_FEATURED[1]: ("text", None)},
    "studio-summary": {**{h: (k, o) for _l, h, k, o in mr.SUMMARY_LABELS}, **{h: (k, None) for _l, h, k in mr.SUMMARY_LIST},
                       mr.SUMMARY_OPINION[1]: ("text", None)},
    "studio-application": {**{h: (k, o) for _l, h, k, o in mr.APPLICATION_LABELS},
                           **{f"{p}（勾选）": ("yesno", None) for p in mr.PATENTS}, **{f"{p}数": ("number", None) for p in mr.PATENTS},
                           **{h: (k, None) for _l, h, k in mr.MEMBER_LABELS}, "工作室名称": ("text", None),
                           "工作室介绍": ("text", None), "工作室曾获荣誉": ("text", None)},
    "yangpu-theme-activity": {**{h: (k, None) for _l, h, k in mr.THEME_LIST + mr.CONTACT_LABELS}},
    "yangpu-volunteer-team": {**{h: (k, None) for _l, h, k in mr.TEAM_LIST + mr.CONTACT_LABELS}},
}
# The printed unit label of each form (the cell beside it holds the unit).
UNIT_LABEL = {"festival-project": "申报单位", "festival-stats": "单位", "studio-summary": "区局（产业）工会名称",
              "studio-application": "申报单位", "yangpu-theme-activity": "填报单位", "yangpu-volunteer-team": "填报单位"}
LIST_OF = {"studio-summary": mr.SUMMARY_LIST, "studio-application": mr.MEMBER_LABELS,
           "yangpu-theme-activity": mr.THEME_LIST, "yangpu-volunteer-team": mr.TEAM_LIST}
# The quantity a list's 合计 row states, when it has one.
LIST_QUANTITY = {"yangpu-theme-activity": "参与人数", "yangpu-volunteer-team": "服务队人数"}
FILL = {
    "festival-project": mr.fill_project,
    "festival-stats": mr.fill_stats,
    "studio-summary": mr.fill_studio_summary,
    "studio-application": mr.fill_application,
    "yangpu-theme-activity": lambda ws, d: mr.fill_yangpu(ws, "yangpu-theme-activity", d),
    "yangpu-volunteer-team": lambda ws, d: mr.fill_yangpu(ws, "yangpu-volunteer-team", d),
}
NOTICE_OF = {"festival-project": "festival", "festival-stats": "festival", "studio-summary": "studio",
             "studio-application": "studio", "yangpu-theme-activity": "yangpu", "yangpu-volunteer-team": "yangpu"}


class Templates:
    """The template pack held as bytes: each return opens a fresh copy, as a clerk opens the file sent round."""

    def __init__(self, folder, old_folder=None):
        self.current = self._load(folder)
        self.old = self._load(old_folder) if old_folder else {}

    @staticmethod
    def _load(folder):
        out = {}
        for name in sorted(os.listdir(folder)):
            for form, word in mr.TEMPLATE_WORDS.items():
                if word in name and name.endswith(".xlsx"):
                    with open(os.path.join(folder, name), "rb") as f:
                        out[form] = f.read()
        return out

    def open(self, form, old=False):
        return openpyxl.load_workbook(io.BytesIO((self.old if old else self.current)[form]))


class SimFile:
    def __init__(self, name, mtime, wb, returns):
        self.name = name
        self.mtime = mtime
        self.wb = wb
        self.returns = returns
        self.raw = None  # bytes written instead of wb (an identical copy)
        self.csv = None  # encoding, when the file is saved as .csv
        self.libreoffice = []  # LibreOffice steps, in order: "recalc", "xls", "ods", "et"
        self.skipped_form = False  # a file with a form but nothing to merge (a blank template)
        self.rich = []  # (text, k): the shared string text written as two runs, the first k characters bold


class Bundle:
    """One simulated return: the files one clerk sends for one form, and what was done to them."""

    def __init__(self, seed, index, form, unit, short):
        self.seed = seed
        self.index = index
        self.form = form
        self.unit = unit
        self.short = short
        self.files = []
        self.applied = []
        self.not_taken = []
        self.checks = []  # extra expectations: {"check", "kind", ...}, see check_clerk.py
        self.flags = set()

    @property
    def main(self):
        return self.files[0]

    def all_returns(self):
        return [r for f in self.files for r in f.returns]


def retype(ret, ws, header, typed, row=None, kind=None, how=None, value=None, fmt=None):
    """Types `typed` into the cell the expectation of header (in list row `row`, or the sheet) names, and sets what
    a careful clerk expects of it: from make_returns.expect, unless value/how are given."""
    entry = ret.single[header] if row is None else ret.rows[row][header]
    cell = entry["cell"]
    # The same value typed another way (spaces around it, say) is as wrong as before: a mistake planted there stays.
    if value is None or value != entry.get("value"):
        forget_mistakes(ret, cell)
    c = ws[cell]
    c.value = typed
    if fmt:
        c.number_format = fmt
    if how is None:
        declared, options = DECLARED[ret.form][header]
        value, how = mr.expect(kind or declared, typed, ret.year, options)
    entry["value"], entry["kind"] = value, how
    entry["typed"] = typed
    return cell


def forget_mistakes(ret, cell):
    """A value typed again: a mistake made in that cell before is gone (the operator adds its own, if any)."""
    ret.mistakes = [m for m in ret.mistakes if cell not in m["cells"]]


def fields_of(ret, kinds, single=True, rows=True):
    """[(header, row or None)] of the fields whose expectation kind is in kinds."""
    out = []
    if single:
        out += [(h, None) for h, v in ret.single.items() if v["kind"] in kinds and v["cell"]]
    if rows:
        out += [(h, i) for i, row in enumerate(ret.rows) for h, v in row.items() if v["kind"] in kinds and v["cell"]]
    return out


def when_later(t, hours):
    return t + dt.timedelta(hours=hours)
