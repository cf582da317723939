#!/usr/bin/python3
"""Checks a merge of the realistic-returns corpus against expected.json (issue 10 §6), reading the summary
workbook with openpyxl by header text, never by position.

    /usr/bin/python3 check_summary.py OUT.xlsx REPORT.json EXPECTED.json [SLIPS_DIR REMINDER.txt] [--text]

prints JSON (or, with --text, a short account for people):
  records        expected / intact (every field of the record equal to what was typed, from the right file)
  mismatches     [{sheet, unit, key, field, expected, got, file, cell}] — a record missing, a field altered, a row
                 that should not be there ("unexpected row"), a column missing
  totals         exact / total, and the wrong ones: every quantity column's 合计 equals the independent sum
                 (a note when some values are not numbers), a count of 是 is labelled as a count, and 序号, 年龄,
                 工作年限 have no 合计
  false_errors   error-severity issues in report.json on cells that were typed correctly
  missed_errors  deliberate mistakes with no error or warning on that field at that cell
  wrong_reason   deliberate mistakes caught, but without the reason a clerk needs (e.g. 请填写确数)
  other_checks   the replaced returns (and what changed), the lock file, the non-Excel files and the roster, as
                 report.json shows them; the collection status per roster unit and form (report.json "units":
                 sent, late, corrected, with or without problems); with SLIPS_DIR and REMINDER.txt, the 退回修改单
                 (one per unit with a mistake, each mistake listed and its cell marked with a note) and the 催报
                 ("loose": a guess at a report.json shape the contract does not fix yet; shown, not asserted)
  text           all of the above as lines for people

How a value is compared (its kind in expected.json):
  text           exactly as typed (a number cell with the same digits passes: a phone number or postcode typed into
                 a General cell); not_number: text typed into a number cell, as typed ("约300")
  number         a number cell with that value; blank: an empty cell
  date           a date cell on that day; day_in_range: one day typed into a range field (a date cell, yyyy-mm-dd,
                 or that day as a range); daterange: the text YYYY-MM-DD至YYYY-MM-DD
  date_in_text   a date typed into a text column (时间安排): a date cell or yyyy-mm-dd text
  month          month only (2016年9月): as typed, yyyy-mm, or a date cell whose format shows no day
  yesno          the answer meant (是 √ ✓ ✔ ☑ ■ 有 mean 是); choice: the option ticked; file: the file's name

Summary contract: each summary sheet has a title row, a header row whose first cell is 单位, one row per record,
then a row whose first cell starts with 合计. A statistics table may have a row of item words over its header (one
merged cell over each item's columns, titled 是 / 数量 / 会议数 … as the printed form titles them): such a column is
known by the item's printed words and its title (see item_header), never by position alone.
"""
import datetime as dt
import json
import os
import re
import sys

import openpyxl

from make_returns import STATS_ITEMS

MARKED = "☑■√✓✔"


def base(path):
    return os.path.basename(str(path or "").replace("\\", "/"))


def squash(text):
    return re.sub(r"[\s\u3000]+", "", str(text or ""))


def key_text(value):
    t = squash(value)
    return t[3:] if t.startswith("上海市") else t


def shown(value):
    if isinstance(value, dt.datetime):
        return f"{value.date().isoformat()} (date cell)" if value.time() == dt.time(0) else value.isoformat()
    return value


# ---- one value as a careful clerk compares it -----------------------------------------------------------------


def as_iso(got):
    if isinstance(got, dt.datetime):
        return got.date().isoformat()
    if isinstance(got, dt.date):
        return got.isoformat()
    return None


def same(kind, expected, got, cell=None):
    """None when equal, else why not."""
    if isinstance(got, str) and got == "":
        got = None
    if kind == "blank":
        return None if got is None else "should be empty"
    if got is None:
        return "empty"
    if kind == "text" or kind == "not_number":
        if isinstance(got, bool):
            return "not text"
        if isinstance(got, (int, float)) and not isinstance(got, bool):
            # A number the clerk typed into a General cell (a phone number, a postcode) may stay a number.
            if float(got).is_integer() and str(int(got)) == expected:
                return None
            return "different"
        if isinstance(got, dt.datetime):
            # A day typed in figures ("2018/9/6") into a General cell is a date in Excel too, and a .csv carries no
            # types: the same day as a date cell is what the clerk typed.
            m = re.fullmatch(r"\s*(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})\s*", expected or "")
            if m and got.date() == dt.date(int(m[1]), int(m[2]), int(m[3])):
                return None
            return "a date, not the text typed"
        return None if got == expected else "different text"
    if kind == "file":
        return None if base(got) == expected else "different file"
    if kind == "number":
        if isinstance(got, bool) or not isinstance(got, (int, float)):
            return "not a number cell"
        return None if got == expected else "different number"
    if kind == "date":
        iso = as_iso(got)
        if iso is None:
            return "not a date cell"
        return None if iso == expected else "different date"
    if kind == "day_in_range":
        # One day typed into a field that takes a range (举办时间): a date cell, yyyy-mm-dd, or a range of that day.
        iso = as_iso(got)
        if iso is not None:
            return None if iso == expected else "different date"
        return None if isinstance(got, str) and squash(got) in (expected, f"{expected}至{expected}") else "different day"
    if kind == "date_in_text":
        # A real date typed into a text column (时间安排): the date, as a date cell or as yyyy-mm-dd.
        iso = as_iso(got)
        if iso is not None:
            return None if iso == expected else "different date"
        return None if got == expected else "not the date typed"
    if kind == "daterange":
        return None if isinstance(got, str) and squash(got) == expected else "different range"
    if kind == "month":
        # Month only (2016年9月): as typed, as yyyy-mm, or a date cell showing only the year and month.
        if isinstance(got, dt.datetime):
            fmt = (cell.number_format if cell is not None else "") or ""
            if got.day == 1 and got.strftime("%Y-%m") == expected and "d" not in fmt.lower().replace("[red]", ""):
                return None
            return "a whole date for a month"
        m = re.fullmatch(r"(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*月?", str(got).strip())
        return None if m and f"{int(m[1]):04d}-{int(m[2]):02d}" == expected else "different month"
    if kind == "yesno":
        t = str(got).strip()
        meaning = "是" if (t in ("是", "有") or (t and t[0] in MARKED)) else ("否" if t in ("否", "无", "×") else t)
        return None if meaning == expected else "different answer"
    if kind == "choice":
        return None if got == expected else "different choice"
    raise ValueError(kind)


# ---- the summary workbook -------------------------------------------------------------------------------------


class Summary:
    def __init__(self, ws):
        self.ws = ws
        self.header_row = None
        self.columns = {}
        self.rows = []  # [(row number, {header: cell})]
        self.totals = None  # {header: cell}
        for r in range(1, min(ws.max_row, 6) + 1):
            if squash(ws.cell(row=r, column=1).value) == "单位":
                self.header_row = r
                break
        if self.header_row is None:
            return
        groups = self.groups()
        seen = {}
        for c in range(1, ws.max_column + 1):
            h = ws.cell(row=self.header_row, column=c).value
            if h is None:
                continue
            group = groups.get(c)
            if group:
                k = seen[group] = seen.get(group, -1) + 1
                h = item_header(group, str(h), k)
            if str(h) not in self.columns:
                self.columns[str(h)] = c
        for r in range(self.header_row + 1, ws.max_row + 1):
            first = ws.cell(row=r, column=1).value
            cells = {h: ws.cell(row=r, column=c) for h, c in self.columns.items()}
            if isinstance(first, str) and first.strip().startswith("合计"):
                self.totals = cells
                break
            if all(cell.value in (None, "") for cell in cells.values()):
                continue
            self.rows.append((r, cells))


    def groups(self):
        """{column: the words over it} from the row above the header, when it is not the title row."""
        above = self.header_row - 1
        if above < 2:
            return {}
        out = {}
        for c in range(1, self.ws.max_column + 1):
            value = self.ws.cell(row=above, column=c).value
            for rng in self.ws.merged_cells.ranges:
                if rng.min_row <= above <= rng.max_row and rng.min_col <= c <= rng.max_col:
                    value = self.ws.cell(row=rng.min_row, column=rng.min_col).value
            if value not in (None, ""):
                out[c] = str(value)
        return out


def item_header(group, title, k):
    """The expected.json header of the k-th column under an item's printed words: its 是 column when titled 是, else
    its counts in the printed order, each titled as the printed form titles it (数量, or the count's own word). A
    column under words no item prints, or titled otherwise, keeps a name of its own and so is reported missing."""
    for _key, text, yes_header, count_headers in STATS_ITEMS:
        if squash(text) != squash(group):
            continue
        columns = ([("是", yes_header)] if yes_header else []) + [
            ("数量" if h.endswith("（数量）") else h, h) for h in count_headers]
        if k < len(columns) and columns[k][0] == squash(title):
            return columns[k][1]
    return f"{group}｜{title}"


def number_in(value):
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return value
    m = re.search(r"-?\d[\d,]*(?:\.\d+)?", str(value or ""))
    return float(m[0].replace(",", "")) if m else None


def check_total(spec, cell):
    """None when right, else why not."""
    how, header = spec["how"], spec["header"]
    value = cell.value if cell is not None else None
    note = isinstance(value, str) or (cell is not None and cell.comment is not None)
    if how == "none":
        return None if value in (None, "") else f"{header} is not a quantity: no 合计 expected, got {shown(value)!r}"
    n = number_in(value)
    if how == "sum":
        if n is None or n != spec["sum"]:
            return f"合计 {shown(value)!r}, independent sum {spec['sum']}"
        if spec["non_numeric"] and not note:
            cells = "、".join(f"{base(x['file'])} {x['cell']} “{x['value']}”" for x in spec["non_numeric"])
            return f"合计 {value} leaves out values that are not numbers ({cells}) without a visible note"
        return None
    if how == "yes_count":
        if n is None or n != spec["count"]:
            return f"count of 是: got {shown(value)!r}, expected {spec['count']}"
        if not note:
            return f"count of 是 ({value}) is not labelled as a count"
        return None
    raise ValueError(how)


# ---- report.json ----------------------------------------------------------------------------------------------


def issues_of(report):
    out = []
    for inp in report.get("inputs", []):
        for s in inp.get("sheets", []) or []:
            for i in s.get("issues", []) or []:
                out.append(dict(i, file=base(inp.get("file")), sheet=s.get("sheet")))
    return out


def explains(mistake, issue):
    if base(mistake["file"]) != issue["file"] or mistake["sheet"] != issue["sheet"]:
        return False
    # On the field the clerk got wrong (an issue at the same cell about another field is a misreading, not a catch),
    # and at the cell the clerk typed it in when the issue names one (else the clerk is sent to the wrong cell).
    if issue.get("field") not in mistake["fields"] and issue.get("label") not in mistake["headers"]:
        return False
    cells = [c for c in mistake["cells"] if c]
    return not issue.get("cell") or not cells or issue["cell"].replace("$", "") in cells


# ---------------------------------------------------------------------------------------------------------------


def unit_key(name):
    # as make_returns.py matches units to the roster (spaces, full width, a leading 上海市)
    text = re.sub(r"[\s\u3000]+", "", str(name or ""))
    text = "".join(chr(ord(ch) - 0xFEE0) if "\uff01" <= ch <= "\uff5e" else ch for ch in text).lower()
    return re.sub(r"^上海市?", "", text)


def status_checks(expected, report):
    checks = []
    units = {unit_key(u.get("unit")): u for u in report.get("units", []) if u.get("onRoster")}
    for unit, want in expected["roster"]["status"].items():
        got = units.get(unit_key(unit))
        checks.append({"check": f"status of {unit}: {want['status']}", "ok": bool(got) and got.get("status") == want["status"],
                       "detail": got and got.get("status")})
        forms = {f.get("form"): f for f in (got or {}).get("forms", [])}
        for form, w in want["forms"].items():
            g = forms.get(form, {})
            problems = (g.get("errors") or 0) + (g.get("warnings") or 0)
            for what, ok in [("submitted", g.get("submitted") == w["submitted"]), ("late", g.get("late") == w["late"]),
                             ("corrected", g.get("corrected") == w["corrected"]),
                             ("with problems", (problems > 0) == (w["mistakes"] > 0))]:
                checks.append({"check": f"status of {unit} / {form}: {what} = {w[what] if what in w else w['mistakes'] > 0}",
                               "ok": ok, "detail": g})
    return checks


def items_checks(expected, wb):
    """The 统计表 by item: 内容 in the notice's words, 是 counted, each count summed."""
    checks = []
    name = "活动情况统计（按项目）"
    if name not in wb.sheetnames:
        return [{"check": f"summary sheet {name}", "ok": False, "detail": wb.sheetnames}]
    ws = wb[name]
    header_row = next((r for r in range(1, 6) if squash(ws.cell(row=r, column=2).value) == "内容"), None)
    if header_row is None:
        return [{"check": f"{name}: a header row with 内容", "ok": False, "detail": None}]
    heads = {str(ws.cell(row=header_row, column=c).value): c for c in range(1, ws.max_column + 1)}
    rows = [[ws.cell(row=r, column=c).value for c in range(1, ws.max_column + 1)] for r in range(header_row + 1, ws.max_row + 1)]
    for item in expected["stats_by_item"]:
        mine = [row for row in rows if squash(row[heads["内容"] - 1]) == squash(item["text"])]
        got_yes = mine[0][heads["填“是”的单位数"] - 1] if mine else "(no row)"
        checks.append({"check": f"{name}: {item['text']}: 是 {item['yes']}", "ok": bool(mine) and got_yes == item["yes"],
                       "detail": got_yes})
        got_sums = [number_in(row[heads["数量合计"] - 1]) for row in mine]
        checks.append({"check": f"{name}: {item['text']}: 数量 {item['sums']}", "ok": got_sums == item["sums"],
                       "detail": got_sums})
    return checks


def slip_checks(expected, slips_dir, reminder_path):
    checks = []
    files = {}
    for name in sorted(os.listdir(slips_dir)) if os.path.isdir(slips_dir) else []:
        m = re.match(r"^退回修改单-(.+)\.xlsx$", name)
        if m:
            files[unit_key(m.group(1))] = os.path.join(slips_dir, name)
    want = expected["slips"]
    checks.append({"check": f"one 退回修改单 per unit with a mistake ({len(want)})", "ok": len(files) == len(want),
                   "detail": sorted(os.path.basename(f) for f in files.values())})
    for slip in want:
        path = files.get(unit_key(slip["unit"]))
        checks.append({"check": f"{slip['unit']} gets a 退回修改单", "ok": path is not None, "detail": sorted(files)})
        if not path:
            continue
        wb = openpyxl.load_workbook(path)
        listed = wb.worksheets[0]
        rows = [[c.value for c in row] for row in listed.iter_rows(min_row=5)]
        for m in slip["mistakes"]:
            hit = [r for r in rows if r[1] == base(m["file"]) and r[3] == m["sheet"]
                   and (not m["cells"] or str(r[4]).replace("$", "") in m["cells"])]
            checks.append({"check": f"{slip['unit']}: the slip lists {m['what']} ({base(m['file'])} {m['sheet']} "
                                    f"{'/'.join(m['cells'])})", "ok": bool(hit), "detail": rows[:3]})
            if not m["cells"]:
                continue
            cell = m["cells"][0]
            marked = [ws.title for ws in wb.worksheets[1:] if ws.title.startswith(m["sheet"][:25])
                      and ws[cell].comment is not None and ws[cell].fill.fgColor.rgb not in (None, "00000000")]
            checks.append({"check": f"{slip['unit']}: {m['sheet']} {cell} is marked with a note", "ok": bool(marked),
                           "detail": [ws.title for ws in wb.worksheets]})
    text = open(reminder_path, encoding="utf-8").read() if os.path.exists(reminder_path) else ""
    for unit, st in expected["roster"]["status"].items():
        named = unit in text
        checks.append({"check": f"催报 {'names' if st['status'] != 'complete' else 'leaves out'} {unit} ({st['status']})",
                       "ok": named == (st["status"] != "complete"), "detail": text[:200]})
    return checks


def check(out_path, report_path, expected_path, slips_dir=None, reminder_path=None):
    expected = json.load(open(expected_path, encoding="utf-8"))
    report = json.load(open(report_path, encoding="utf-8"))
    wb = openpyxl.load_workbook(out_path)
    result = {"records": {"expected": 0, "intact": 0}, "mismatches": [], "missing_columns": [],
              "totals": {"exact": 0, "total": 0, "wrong": []}, "false_errors": [], "missed_errors": [],
              "wrong_reason": [], "other_checks": []}

    for name, spec in expected["sheets"].items():
        records = spec["records"]
        result["records"]["expected"] += len(records)
        if name not in wb.sheetnames:
            result["missing_columns"].append({"sheet": name, "column": "(whole sheet)"})
            for rec in records:
                result["mismatches"].append({"sheet": name, "unit": rec["values"]["单位"], "key": key_of(spec, rec["values"]),
                                             "field": "(record)", "expected": "present", "got": "no such summary sheet",
                                             "file": rec["file"], "cell": None})
            for t in spec["totals"]:
                result["totals"]["total"] += 1
                result["totals"]["wrong"].append({"sheet": name, "header": t["header"], "why": "no such summary sheet"})
            continue
        summary = Summary(wb[name])
        headers = sorted({h for rec in records for h in rec["values"]})
        for h in headers:
            if h not in summary.columns:
                result["missing_columns"].append({"sheet": name, "column": h})
        got_by_key = {}
        for r, cells in summary.rows:
            values = {h: c.value for h, c in cells.items()}
            got_by_key.setdefault(key_of(spec, values), []).append((r, cells))
        for rec in records:
            k = key_of(spec, rec["values"])
            found = got_by_key.get(k) or []
            if not found:
                result["mismatches"].append({"sheet": name, "unit": rec["values"]["单位"], "key": k, "field": "(record)",
                                             "expected": "present", "got": "missing", "file": rec["file"], "cell": None})
                continue
            r, cells = found.pop(0)
            intact = True
            for h, want in rec["values"].items():
                if h not in summary.columns:
                    intact = False
                    continue
                why = same(rec["kinds"][h], want, cells[h].value, cells[h])
                if why:
                    intact = False
                    result["mismatches"].append({"sheet": name, "unit": rec["values"]["单位"], "key": k, "field": h,
                                                 "expected": want, "got": shown(cells[h].value), "why": why,
                                                 "file": rec["file"], "cell": rec["cells"].get(h)})
            if intact:
                result["records"]["intact"] += 1
        for k, rest in got_by_key.items():
            for r, cells in rest:
                result["mismatches"].append({"sheet": name, "unit": cells.get("单位").value if "单位" in cells else None,
                                             "key": k, "field": "(row)", "expected": "no such row",
                                             "got": f"unexpected row {r}", "file": base(cells["来源文件"].value) if "来源文件" in cells else None,
                                             "cell": None})
        for t in spec["totals"]:
            result["totals"]["total"] += 1
            if summary.totals is None:
                why = "no 合计 row"
            elif t["header"] not in summary.columns:
                why = "no such column"
            else:
                why = check_total(t, summary.totals.get(t["header"]))
            if why:
                result["totals"]["wrong"].append({"sheet": name, "header": t["header"], "why": why})
            else:
                result["totals"]["exact"] += 1

    issues = issues_of(report)
    mistakes = expected["mistakes"]
    for issue in issues:
        if issue.get("severity") != "error":
            continue
        if not any(explains(m, issue) for m in mistakes):
            result["false_errors"].append({k: issue.get(k) for k in ("file", "sheet", "cell", "field", "label", "message")})
    for m in mistakes:
        caught = [i for i in issues if i.get("severity") in ("error", "warning") and explains(m, i)]
        entry = {k: m[k] for k in ("file", "sheet", "label", "what")}
        entry["cells"] = m["cells"]
        if not caught:
            result["missed_errors"].append(entry)
        elif m.get("reason_contains") and not any(m["reason_contains"] in (i.get("message") or "") for i in caught):
            result["wrong_reason"].append(dict(entry, wanted=m["reason_contains"], got=[i.get("message") for i in caught]))
    for reminder in expected.get("reminders", []):
        wrong = [i for i in issues if i["file"] == base(reminder["file"]) and i["sheet"] == reminder["sheet"]
                 and (i.get("cell") == reminder["cell"] or i.get("label") == reminder["header"]) and i.get("severity") == "error"]
        result["other_checks"].append({"check": f"{base(reminder['file'])}: {reminder['what']}", "ok": not wrong,
                                       "detail": [i.get("message") for i in wrong]})

    result["other_checks"].extend(other_checks(expected, report))
    result["other_checks"].extend(status_checks(expected, report))
    result["other_checks"].extend(items_checks(expected, wb))
    if slips_dir:
        result["other_checks"].extend(slip_checks(expected, slips_dir, reminder_path))
    return result


def key_of(spec, values):
    return " | ".join(key_text(values.get(k)) for k in spec["key"])


def other_checks(expected, report):
    checks = []
    inputs = {base(i.get("file")): i for i in report.get("inputs", [])}
    for nt in expected["not_taken"]:
        inp = inputs.get(base(nt["file"]))
        sheet = next((s for s in (inp or {}).get("sheets", []) if s.get("sheet") == nt["sheet"]), None)
        ok = sheet is not None and (sheet.get("replaced") is True or sheet.get("used") is False)
        names_newer = sheet is not None and base(nt["replaced_by"]["file"]) in json.dumps(sheet, ensure_ascii=False)
        checks.append({"check": f"{base(nt['file'])} [{nt['sheet']}] not taken: replaced by {nt['replaced_by']['file']}",
                       "ok": ok and names_newer, "detail": (sheet or {}).get("message")})
        told = json.dumps(inp or {}, ensure_ascii=False) + json.dumps(report.get("checks", []), ensure_ascii=False)
        unlisted = [h for h in nt["changed"] if h not in told]
        checks.append({"check": f"{base(nt['file'])} [{nt['sheet']}]: the report lists what the newer return changed "
                                f"({'、'.join(nt['changed'])})", "ok": not unlisted, "detail": unlisted, "loose": True})
    for other in expected["other_files"]:
        inp = inputs.get(other["name"])
        if other["verdict"] == "ignored":
            checks.append({"check": f"lock file {other['name']} ignored", "ok": inp is None, "detail": inp and inp.get("message")})
        else:
            ok = inp is not None and bool(inp.get("message") or inp.get("status"))
            checks.append({"check": f"{other['name']} gets a verdict in the report", "ok": ok, "detail": inp and inp.get("message")})
    roster = expected["roster"]
    missing = [squash(u) for u in report.get("missing", [])]
    for unit in roster["sent_nothing"]:
        checks.append({"check": f"roster unit {unit} sent nothing: in report.missing", "ok": squash(unit) in missing,
                       "detail": report.get("missing")})
    for match in roster["matched_after_normalising"]:
        checks.append({"check": f"{match['typed']} counts for roster unit {match['roster']}: not in report.missing",
                       "ok": squash(match["roster"]) not in missing, "detail": report.get("missing")})
    text = json.dumps({k: v for k, v in report.items() if k != "inputs"}, ensure_ascii=False)
    for unit, forms in roster["sent_some_forms_not_others"].items():
        for form in forms["not_sent"]:
            listed = [m for m in report.get("missingForms", []) if m.get("form") == form and unit in m.get("units", [])]
            checks.append({"check": f"roster unit {unit} sent {', '.join(forms['sent'])} but not {form}: listed for that form",
                           "ok": bool(listed), "detail": report.get("missingForms")})
    return checks


def as_text(result):
    lines = [
        f"records intact: {result['records']['intact']}/{result['records']['expected']}",
        f"totals exact: {result['totals']['exact']}/{result['totals']['total']}",
        f"false errors: {len(result['false_errors'])}",
        f"missed errors: {len(result['missed_errors'])}",
    ]
    if result["missing_columns"]:
        lines.append("missing columns: " + "; ".join(f"{m['sheet']}/{m['column']}" for m in result["missing_columns"]))
    for m in result["mismatches"]:
        lines.append(f"  ✗ {m['sheet']} [{m['key']}] {m['field']}: expected {m['expected']!r}, got {m['got']!r}"
                     f"{' (' + m['why'] + ')' if m.get('why') else ''} — {m['file']}{' ' + m['cell'] if m.get('cell') else ''}")
    for t in result["totals"]["wrong"]:
        lines.append(f"  ✗ 合计 {t['sheet']}/{t['header']}: {t['why']}")
    for e in result["false_errors"]:
        lines.append(f"  ✗ false error {e['file']} [{e['sheet']}] {e['cell']} {e['label']}: {e['message']}")
    for e in result["missed_errors"]:
        lines.append(f"  ✗ missed error {e['file']} [{e['sheet']}] {'/'.join(c for c in e['cells'] if c)} {e['label']}: {e['what']}")
    for e in result["wrong_reason"]:
        lines.append(f"  ~ reason {e['file']} {e['label']}: wanted “{e['wanted']}”, got {e['got']}")
    for c in result["other_checks"]:
        if not c["ok"]:
            lines.append(f"  ✗ {c['check']}{' (loose check)' if c.get('loose') else ''}: {c.get('detail')}")
    return "\n".join(lines)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) not in (3, 5):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    result = check(*args)
    result["text"] = as_text(result)
    if "--text" in sys.argv:
        print(as_text(result))
    else:
        print(json.dumps(result, ensure_ascii=False, indent=1, default=str))


if __name__ == "__main__":
    main()
