#!/usr/bin/python3
"""The clerk simulator (issue 19 §6): N returns made from a seed the way clerks make them, each a form of the six
filled by its PRINTED LABELS (test/realistic/make_returns.py's fill functions) with random plausible values, then a
seeded composition of mutation operators (sim_ops.py), and what a careful clerk expects of the merge — computed here
from what was written, never from the project's reader.

    /usr/bin/python3 clerk_sim.py OUT_DIR --seed S --count N --templates DIR --old-templates DIR
                     [--libreoffice-share F] [--only I --ops a,b,c [--companions J,K|auto]] [--list-ops]

writes OUT_DIR/returns/, OUT_DIR/roster.txt and OUT_DIR/expected.json (make_returns.py's shape, read by
check_clerk.py), and prints a JSON line of counts. Return i depends only on (seed, count, i) and its operator list:
--only I --ops … makes return I alone with the operators given (and the plain returns J, K beside it, so that it is
not the only return of its form), which is how a failure is shrunk to the fewest operators that still fail.
--libreoffice-share: the share of returns that may draw the operators needing LibreOffice (0 without soffice).
"""
import argparse
import datetime as dt
import json
import os
import random
import shutil
import sys

from sim_model import FILL, Bundle, SimFile, Templates, mr  # noqa: F401  (sim_model puts test/realistic on sys.path)
import sim_ops
import sim_values as sv
from sim_sheet import rich_runs

WORDS = {"festival-project": "活动项目申报表", "festival-stats": "活动情况统计表", "studio-summary": "工作室推荐申报汇总表",
         "studio-application": "创新工作室申请表", "yangpu-theme-activity": "主题活动申报表",
         "yangpu-volunteer-team": "志愿者服务队登记表"}


def values(form, rng, unit, n):
    """A clerk's plausible answers for the form (n: which companies a list names)."""
    if form == "festival-project":
        return sv.project_values(rng, unit)
    if form == "festival-stats":
        return sv.stats_values(rng, unit, mr.STATS_ITEMS)
    if form == "studio-summary":
        return sv.studio_summary_values(rng, unit, lambda k: sv.company(3 * n + k))
    if form == "studio-application":
        return sv.application_values(rng, unit)
    if form == "yangpu-theme-activity":
        return sv.theme_values(rng, unit)
    return sv.team_values(rng, unit)


def choose_ops(rng, form, libreoffice):
    """A seeded composition: 0–4 operators that apply to the form (one more needing LibreOffice when drawn)."""
    k = rng.choices([0, 1, 2, 3, 4], weights=[10, 30, 30, 18, 12])[0]
    names = [n for n, o in sim_ops.OPS.items() if (o["forms"] is None or form in o["forms"]) and not o["libreoffice"]]
    chosen = rng.sample(names, min(k, len(names)))
    if libreoffice:  # a return drawn for LibreOffice gets one of its operators for sure
        chosen.append(rng.choice([n for n, o in sim_ops.OPS.items() if o["libreoffice"] and (o["forms"] is None or form in o["forms"])]))
    return chosen


def in_phase_order(names):
    return sorted(names, key=lambda n: sim_ops.PHASES.index(sim_ops.OPS[n]["phase"]))


def make_bundle(seed, index, form, unit, short, ops, ctx):
    b = Bundle(seed, index, form, unit, short)
    rng = random.Random(f"{seed}/{index}/values")
    d = values(form, rng, unit, index)
    ops = in_phase_order(ops)
    wb = ctx["templates"].open(form)
    ret = FILL[form](wb.active, d)
    if "other_edition" in ops:
        last_years_form(wb, ctx["templates"], form)
    first, last = sv.SENT[form]
    mtime = sv.when(rng, first, last)
    b.files.append(SimFile(f"{unit}_{WORDS[form]}.xlsx", mtime, wb, [ret]))
    for name in ops:
        o = sim_ops.OPS[name]
        if o["forms"] is not None and form not in o["forms"]:
            continue
        if o["apply"](b, random.Random(f"{seed}/{index}/{name}"), ctx):
            b.applied.append(name)
    if "recalc" in b.flags:
        # formulas get their cached values from a spreadsheet: every version of the file went through one
        for f in b.files:
            if f.wb is not None and f.csv is None and not f.libreoffice:
                f.libreoffice.append("xlsx")
    if "other_edition" in b.flags:
        for f in b.files:
            for r in f.returns:
                r.counted = False
        if form != "studio-application":  # applications come from companies, not roster units
            b.checks.append({"kind": "edition_status", "unit": unit, "bundle": index})
    return b


def last_years_form(wb, templates, form):
    """The filled form as last year's template prints it: every printed text (title, 第六届 in the items) and the
    marker as the older template has them, the values typed kept."""
    this, last = templates.open(form).active, templates.open(form, old=True)
    ws = wb.active
    for row in last.active.iter_rows():
        for c in row:
            if c.__class__.__name__ == "MergedCell":
                continue
            printed = this.cell(row=c.row, column=c.column).value
            if isinstance(c.value, str) and c.value != printed and ws.cell(row=c.row, column=c.column).value == printed:
                ws.cell(row=c.row, column=c.column).value = c.value
    texts = {n.name: n.attr_text for n in last.defined_names.definedName}
    for n in wb.defined_names.definedName:
        if n.name in texts:
            n.attr_text = texts[n.name]


# ---- writing ---------------------------------------------------------------------------------------------------


def write_bundle(b, folder, libreoffice_jobs):
    for f in b.files:
        if getattr(f, "copy_of", None) is not None:
            continue
        path = os.path.join(folder, f.name)
        if f.csv is not None:
            with open(path, "wb") as fh:
                fh.write(f.csv)
        elif f.libreoffice:
            tmp = os.path.join(folder, f"~sim{b.index}_{len(libreoffice_jobs)}.xlsx")
            f.wb.save(tmp)
            rich_runs(tmp, f.rich)
            hidden = [ws.title for ws in f.wb.worksheets if ws.sheet_state != "visible"]
            libreoffice_jobs.append((tmp, path, f.libreoffice, hidden))
        else:
            f.wb.save(path)
            rich_runs(path, f.rich)


def write_copies(b, folder):
    for f in b.files:
        src = getattr(f, "copy_of", None)
        if src is None:
            continue
        stem, ext = os.path.splitext(src.name)
        f.name = stem + f.copy_suffix + ext
        shutil.copyfile(os.path.join(folder, src.name), os.path.join(folder, f.name))
        # the copy holds the same sheets and mistakes; which of the two counts is the merge's choice (file_any)
        f.returns = []
        for ret in src.returns:
            clone = mr.Return(ret.form, ret.sheet)
            clone.unit, clone.unit_cell, clone.counted = ret.unit, ret.unit_cell, False
            clone.mistakes = [dict(m) for m in ret.mistakes]
            f.returns.append(clone)


def run_libreoffice(jobs):
    sys.path.insert(0, os.path.join(mr.REPO, "test", "support"))
    import uno
    from calc_session import calc_desktop, prop

    filters = {"xls": "MS Excel 97", "ods": "calc8", "xlsx": "Calc MS Excel 2007 XML"}
    with calc_desktop() as desktop:
        for tmp, path, steps, hidden in jobs:
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(tmp)), "_blank", 0,
                                               (prop("Hidden", True),))
            try:
                doc.calculateAll()
                # LibreOffice shows a hidden first sheet it opens on: the clerk's file keeps it hidden
                visible = [n for n in doc.Sheets.getElementNames() if n not in hidden]
                if hidden and visible:
                    doc.getCurrentController().setActiveSheet(doc.Sheets.getByName(visible[0]))
                    for name in hidden:
                        doc.Sheets.getByName(name).IsVisible = False
                for step in steps:
                    doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(path)), (prop("FilterName", filters[step]),))
            finally:
                doc.close(True)
            os.remove(tmp)


# ---- expected.json ---------------------------------------------------------------------------------------------


def record(ret, values_, f, copies):
    rec = mr.record_of(ret, values_)
    if copies:
        rec["values"]["来源文件"] = [f.name] + copies
        rec["kinds"]["来源文件"] = "file_any"
    if f.csv is not None:
        rec["kinds"]["工作表"] = "any"  # a .csv has no sheet name of its own
    return rec


def build_expected(bundles, roster):
    sheets = {}
    for form, names in mr.SUMMARY.items():
        for which, name in names.items():
            sheets[name] = {"form": form, "key": mr.ROW_KEY[name], "records": [], "totals": []}
    mistakes, not_taken, other_files, checks, files = [], [], [], [], []
    for b in bundles:
        copies = {id(f.copy_of): [] for f in b.files if getattr(f, "copy_of", None) is not None}
        for f in b.files:
            if getattr(f, "copy_of", None) is not None:
                copies[id(f.copy_of)].append(f.name)
        for f in b.files:
            files.append({"name": f.name, "bundle": b.index, "mtime": f.mtime.isoformat(),
                          "format": os.path.splitext(f.name)[1].lower()})
            if f.skipped_form:
                other_files.append({"name": f.name, "verdict": "not-a-form"})
            for ret in f.returns:
                ret.file, ret.mtime = f.name, f.mtime
                counted = getattr(ret, "counted", True)
                for m in ret.mistakes:
                    mistakes.append(dict(m, file=f.name, sheet=ret.sheet, form=ret.form, unit=ret.unit,
                                         optional=not counted, any_sheet=f.name.endswith(".csv"), bundle=b.index))
                if not counted:
                    continue
                names = mr.SUMMARY[ret.form]
                main = getattr(ret, "continuation_of", None)
                if "single" in names and main is None:
                    sheets[names["single"]]["records"].append(record(ret, ret.single, f, copies.get(id(f), [])))
                for row in ret.rows:
                    own = (main or ret).single
                    extra = {"工作室名称": own["工作室名称"]} if ret.form == "studio-application" and main else {}
                    merged = row if "single" in names else {**own, **row}
                    sheets[names["list"]]["records"].append(record(ret, {**merged, **extra}, f, copies.get(id(f), [])))
        for nt in b.not_taken:
            # the final file's name as written (a later operator may have renamed it: .csv, .xls)
            final = nt["replaced_by"]["file"]
            not_taken.append(dict(nt, replaced_by={"file": final.name, "sheet": final.returns[0].sheet}, bundle=b.index))
        for c in b.checks:
            c = dict(c)
            if c["kind"] == "hidden_reported":
                c["file"] = b.main.name
            checks.append(c)
        if b.form != "studio-application":
            checks.append({"kind": "not_missing", "unit": b.unit, "bundle": b.index})
    for name, spec in sheets.items():
        for header, how in mr.TOTALS[name]:
            recs = spec["records"]
            total = {"header": header, "how": how, "rows": len(recs)}
            if how == "sum":
                total["sum"] = sum(r["values"][header] for r in recs if r["kinds"].get(header) == "number")
                total["non_numeric"] = [{"file": r["file"], "sheet": r["sheet"], "cell": r["cells"].get(header),
                                         "value": r["values"][header]} for r in recs if r["kinds"].get(header) == "not_number"]
            elif how == "yes_count":
                total["count"] = sum(1 for r in recs if r["values"].get(header) == "是")
            spec["totals"].append(total)
    senders = {b.unit for b in bundles}
    return {
        "about": "Issue 19 §6: what a careful clerk expects of the clerk simulator's returns, computed by clerk_sim.py "
                 "from what it wrote (make_returns.py's shape; kinds file_any, text_trim, period and any are the "
                 "simulator's, see check_clerk.py).",
        "files": files,
        "other_files": other_files,
        "sheets": sheets,
        "not_taken": not_taken,
        "mistakes": mistakes,
        "reminders": [],
        "roster": {"file": "roster.txt", "units": roster, "sent_nothing": [u for u in roster if u not in senders],
                   "matched_after_normalising": [], "sent_some_forms_not_others": {}, "status": {}},
        "stats_by_item": mr.stats_by_item(sheets["活动情况统计汇总"]["records"]),
        "checks": checks,
        "bundles": [{"index": b.index, "form": b.form, "unit": b.unit, "ops": b.applied,
                     "files": [f.name for f in b.files]} for b in bundles],
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", nargs="?")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--templates")
    ap.add_argument("--old-templates")
    ap.add_argument("--libreoffice-share", type=float, default=0.0)
    ap.add_argument("--only", type=int)
    ap.add_argument("--ops")
    ap.add_argument("--companions", default="")
    ap.add_argument("--list-ops", action="store_true")
    ap.add_argument("--one-op-each", action="store_true",
                    help="each return gets one operator alone, in turn (to see which operators fail by themselves)")
    args = ap.parse_args()
    if args.list_ops:
        print(json.dumps([{"name": n, "phase": o["phase"], "forms": o["forms"], "libreoffice": o["libreoffice"],
                           "about": (o["apply"].__doc__ or "").strip()} for n, o in sim_ops.OPS.items()], ensure_ascii=False))
        return
    out = os.path.abspath(args.out)
    folder = os.path.join(out, "returns")
    if os.path.exists(folder):
        shutil.rmtree(folder)
    os.makedirs(folder)
    ctx = {"templates": Templates(args.templates, args.old_templates), "fill": FILL, "values": values,
           "last_years_form": last_years_form}
    plan_rng = random.Random(f"{args.seed}/plan/{args.count}")
    plan, roster = sv.plan(plan_rng, args.count)
    if args.only is not None:
        wanted = [(args.only, [o for o in (args.ops or "").split(",") if o])]
        if args.companions == "auto":
            # two plain returns of the same form beside it: a form's 届次 is the one most of its returns carry
            same = [j for j, p in enumerate(plan) if p[0] == plan[args.only][0] and j != args.only][:2]
            wanted += [(j, []) for j in same]
        else:
            wanted += [(int(j), []) for j in args.companions.split(",") if j]
    else:
        wanted = []
        for i in range(args.count):
            rng = random.Random(f"{args.seed}/{i}/ops")
            libreoffice = rng.random() < args.libreoffice_share
            if args.one_op_each:
                names = [n for n, o in sim_ops.OPS.items() if (o["forms"] is None or plan[i][0] in o["forms"])
                         and (args.libreoffice_share > 0 or not o["libreoffice"])]
                wanted.append((i, [names[(i // len(sv.FORMS)) % len(names)]]))
                continue
            wanted.append((i, choose_ops(rng, plan[i][0], libreoffice)))
    bundles = []
    for i, ops in wanted:
        form, unit, short = plan[i]
        bundles.append(make_bundle(args.seed, i, form, unit, short, ops, ctx))
    # Two clerks may name their files alike ("延吉新村街道申报表.xlsx"): in one folder the later gets its return's number.
    taken_names = set()
    for b in bundles:
        for f in b.files:
            if f.name is None:
                continue
            if f.name in taken_names:
                stem, ext = os.path.splitext(f.name)
                f.name = f"{stem}_{b.index}{ext}"
            taken_names.add(f.name)
    jobs = []
    for b in bundles:
        write_bundle(b, folder, jobs)
    if jobs:
        run_libreoffice(jobs)
    for b in bundles:
        write_copies(b, folder)
    for b in bundles:
        for f in b.files:
            ts = f.mtime.timestamp()
            os.utime(os.path.join(folder, f.name), (ts, ts))
    with open(os.path.join(out, "roster.txt"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(roster) + "\n")
    expected = build_expected(bundles, roster)
    with open(os.path.join(out, "expected.json"), "w", encoding="utf-8") as fh:
        json.dump(expected, fh, ensure_ascii=False, indent=0, default=str)
    formats = {}
    for f in expected["files"]:
        formats[f["format"]] = formats.get(f["format"], 0) + 1
    print(json.dumps({"returns": len(bundles), "files": len(expected["files"]), "formats": formats,
                      "records": sum(len(s["records"]) for s in expected["sheets"].values()),
                      "mistakes": len(expected["mistakes"]), "libreoffice_files": len(jobs),
                      "ops": {n: sum(n in b.applied for b in bundles) for n in sim_ops.OPS}}, ensure_ascii=False))


if __name__ == "__main__":
    main()
