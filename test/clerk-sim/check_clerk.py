#!/usr/bin/python3
"""Checks a merge of the clerk simulator's returns against its expected.json (issue 19 §6), with
test/realistic/check_summary.py (every record's every field, every 合计, false and missed errors, replaced returns,
files with a verdict, roster units that sent nothing) and the simulator's own expectations:

  hidden_reported  a hidden sheet is in the report, not used, and its message says it is hidden (隐藏)
  edition_status   a unit whose return is on another 届次's form is not 未报送: not in report.missing, and its
                   status in report.json's units says 届次
  not_missing      a roster unit that sent a return is not in report.missing

    /usr/bin/python3 check_clerk.py OUT.xlsx REPORT.json EXPECTED.json

prints JSON: the figures (records intact, totals exact, false and missed errors, files per format and how many of
them were read) and every failure with the simulated return (bundle) it belongs to.

Kinds of value beyond check_summary.py's: file_any (one of identical copies), text_trim (text typed with spaces
around it: the same text), period (6月上旬: as typed, or a day in that period), any (a .csv has no sheet name).
"""
import datetime as dt
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "realistic"))

import check_summary as cs  # noqa: E402

_same = cs.same
_explains = cs.explains


def same(kind, expected, got, cell=None):
    if kind == "file_any":
        return None if cs.base(got) in expected else "different file"
    if kind == "any":
        return None
    if kind == "text_trim":
        if isinstance(got, str) and got.strip(" \u3000") == expected:
            return None
        return _same("text", expected, got, cell)
    if kind == "period":
        if isinstance(got, str) and cs.squash(got) == cs.squash(expected["typed"]):
            return None
        # or read as the range of days it stands for (2017-05-01至2017-05-10)
        m = re.fullmatch(r"(\d{4}-\d{2})-(\d{2})至(\d{4}-\d{2})-(\d{2})", cs.squash(got)) if isinstance(got, str) else None
        if m and m[1] == m[3] == expected["month"] and int(m[2]) == expected["days"][0] and int(m[4]) <= expected["days"][1]:
            return None
        iso = cs.as_iso(got)
        if iso and iso[:7] == expected["month"] and expected["days"][0] <= int(iso[8:]) <= expected["days"][1]:
            return None
        return "not the period typed"
    return _same(kind, expected, got, cell)


def explains(mistake, issue):
    if mistake.get("any_sheet"):
        mistake = dict(mistake, sheet=issue["sheet"])
    return _explains(mistake, issue)


cs.same = same
cs.explains = explains


def mistake_key(m):
    return (cs.base(m["file"]), m["sheet"], m["label"], m["what"])


def sim_checks(expected, report):
    out = []
    inputs = {cs.base(i.get("file")): i for i in report.get("inputs", [])}
    missing = {cs.squash(u) for u in report.get("missing", [])}
    units = {cs.squash(u.get("unit")): u for u in report.get("units", []) or []}
    for c in expected["checks"]:
        if c["kind"] == "hidden_reported":
            inp = inputs.get(c["file"]) or {}
            sheet = next((s for s in inp.get("sheets", []) or [] if s.get("sheet") == c["sheet"]), None)
            ok = sheet is not None and sheet.get("used") is False and "隐藏" in json.dumps(sheet, ensure_ascii=False)
            out.append({"check": f"{c['file']}: the hidden sheet 《{c['sheet']}》 is reported as hidden, not summed",
                        "ok": ok, "detail": sheet and {k: sheet.get(k) for k in ("used", "message", "records")}, "bundle": c["bundle"]})
        elif c["kind"] == "edition_status":
            got = units.get(cs.squash(c["unit"]))
            # report.json names statuses in English (complete, partial, missing): otherEdition, or words with 届次
            told = json.dumps(got, ensure_ascii=False) if got else ""
            ok = cs.squash(c["unit"]) not in missing and got is not None and got.get("status") != "missing" \
                and ("届次" in told or "otherEdition" in told)
            out.append({"check": f"{c['unit']} sent last year's form: 已报（届次不符）, not 未报送", "ok": ok,
                        "detail": {"in_missing": cs.squash(c["unit"]) in missing, "status": got and got.get("status")},
                        "bundle": c["bundle"]})
        elif c["kind"] == "not_missing":
            ok = cs.squash(c["unit"]) not in missing
            if not ok:
                out.append({"check": f"{c['unit']} sent a return: not in report.missing", "ok": False,
                            "detail": "listed as 未报送", "bundle": c["bundle"]})
    return out


def attribute(expected, failures):
    """The simulated return each failure belongs to: by the bundle it names, else by the files it names."""
    names = sorted(((f["name"], f["bundle"]) for f in expected["files"]), key=lambda x: -len(x[0]))
    units = {b["unit"]: b["index"] for b in expected["bundles"]}
    for f in failures:
        if f.get("bundle") is not None:
            continue
        text = json.dumps(f, ensure_ascii=False, default=str)
        hit = next((i for name, i in names if name in text), None)
        if hit is None:
            hit = next((i for u, i in sorted(units.items(), key=lambda x: -len(x[0])) if u in text), None)
        f["bundle"] = hit
    return failures


def check(out_path, report_path, expected_path):
    expected = json.load(open(expected_path, encoding="utf-8"))
    report = json.load(open(report_path, encoding="utf-8"))
    result = cs.check(out_path, report_path, expected_path)
    optional = {mistake_key(m) for m in expected["mistakes"] if m.get("optional")}
    result["missed_errors"] = [m for m in result["missed_errors"] if mistake_key(m) not in optional]
    result["wrong_reason"] = [m for m in result["wrong_reason"] if mistake_key(m) not in optional]
    # A form nobody sent has no summary sheet: nothing is missing there.
    empty = {name for name, spec in expected["sheets"].items() if not spec["records"]}
    result["missing_columns"] = [m for m in result["missing_columns"] if not (m["sheet"] in empty and m["column"] == "(whole sheet)")]
    dropped = [t for t in result["totals"]["wrong"] if t["sheet"] in empty and t["why"] == "no such summary sheet"]
    result["totals"]["wrong"] = [t for t in result["totals"]["wrong"] if t not in dropped]
    result["totals"]["total"] -= len(dropped)
    if "活动情况统计汇总" in empty:
        result["other_checks"] = [c for c in result["other_checks"] if not c["check"].startswith("活动情况统计（按项目）")
                                  and not c["check"].startswith("summary sheet 活动情况统计（按项目）")]
    own = sim_checks(expected, report)
    failures = []
    for m in result["mismatches"]:
        failures.append(dict(m, what="mismatch"))
    for m in result["missing_columns"]:
        failures.append(dict(m, what="missing column"))
    for e in result["false_errors"]:
        failures.append(dict(e, what="false error"))
    for e in result["missed_errors"]:
        failures.append(dict(e, what="missed error"))
    for e in result["wrong_reason"]:
        failures.append(dict(e, what="wrong reason"))
    for c in result["other_checks"] + own:
        if not c["ok"] and not c.get("loose"):
            failures.append(dict(c, what="check"))
    for t in result["totals"]["wrong"]:
        failures.append(dict(t, what="total", bundle=None))
    attribute(expected, failures)
    by_file = {cs.base(i.get("file")): i.get("status") for i in report.get("inputs", [])}
    formats = {}
    for f in expected["files"]:
        entry = formats.setdefault(f["format"], {"files": 0, "read": 0})
        entry["files"] += 1
        if by_file.get(f["name"]) not in (None, "unreadable"):
            entry["read"] += 1
    return {
        "returns": len(expected["bundles"]),
        "records": result["records"],
        "totals": {"exact": result["totals"]["exact"], "total": result["totals"]["total"]},
        "false_errors": len(result["false_errors"]),
        "missed_errors": len(result["missed_errors"]),
        "wrong_reason": len(result["wrong_reason"]),
        "other_failed": sum(1 for c in result["other_checks"] + own if not c["ok"] and not c.get("loose")),
        "formats": formats,
        "failures": failures,
        "failing_bundles": sorted({f["bundle"] for f in failures if f["bundle"] is not None}),
    }


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    print(json.dumps(check(*args), ensure_ascii=False, default=str))


if __name__ == "__main__":
    main()
