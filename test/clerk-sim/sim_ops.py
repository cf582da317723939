"""The clerk simulator's mutation operators (issue 19 §6): each is one way a real clerk deviates from the template,
applied to a Bundle with its own seeded random generator, changing the files AND what a careful clerk expects of
them (values, records, problems, replaced files, extra checks). An operator returns False when it does not apply to
this return as it stands (then it changes nothing).

Phases keep compositions sensible (an operator list is always applied in phase order): P before filling (which
template), V values, L list layout, S sheet structure, W workbook and file, R resends, F file format."""
import csv
import datetime as dt
import io
import re

import openpyxl
from openpyxl.workbook.views import BookView

import make_returns as mr
import sim_values as sv
from sim_model import DECLARED, LIST_OF, LIST_QUANTITY, UNIT_LABEL, SimFile, fields_of, forget_mistakes, retype, when_later
from sim_sheet import a1, copy_cells, inserted, move_cells, parse, plain, rebuild

OPS = {}


def op(name, phase, forms=None, libreoffice=False):
    def register(fn):
        OPS[name] = {"name": name, "phase": phase, "forms": forms, "libreoffice": libreoffice, "apply": fn}
        return fn

    return register


PHASES = "PVLSWRF"
LISTS = ("studio-summary", "studio-application", "yangpu-theme-activity", "yangpu-volunteer-team")
YANGPU = ("yangpu-theme-activity", "yangpu-volunteer-team")
FESTIVAL = ("festival-project", "festival-stats")


def main_ret(b):
    return b.main.returns[0]


def main_ws(b):
    return b.main.wb[main_ret(b).sheet]


def numbers(ret, lo=0):
    return [(h, r) for h, r in fields_of(ret, {"number"})
            if isinstance((ret.single[h] if r is None else ret.rows[r][h])["value"], int)
            and (ret.single[h] if r is None else ret.rows[r][h])["value"] >= lo and not h.startswith("序号") and h != "序号"]


def pick(rng, items):
    return rng.choice(items) if items else None


def mistake(ret, header, cell, what, reason=None, row=None):
    ret.mistake(header, [header], [], [cell], what, reason=reason, row=row)


# ---- P: which template -------------------------------------------------------------------------------------------


@op("other_edition", "P")
def other_edition(b, rng, ctx):
    """The return is typed into last year's form (第六届, 2019年度, 2017年): its unit has reported, but it is not summed."""
    b.flags.add("other_edition")
    return True


# ---- V: values -----------------------------------------------------------------------------------------------------

FULL = str.maketrans("0123456789", "０１２３４５６７８９")


@op("fullwidth_digits", "V")
def fullwidth_digits(b, rng, ctx):
    ret = main_ret(b)
    f = pick(rng, numbers(ret))
    if not f:
        return False
    h, r = f
    v = (ret.single[h] if r is None else ret.rows[r][h])["value"]
    retype(ret, main_ws(b), h, str(v).translate(FULL), r, how="number", value=v)
    return True


def set_big(ret, ws, rng, fmt):
    cands = [(h, r) for h, r in numbers(ret) if h in ("参加人数", "职工数", "合理化建议数", "参与人数")]
    f = pick(rng, cands)
    if not f:
        return False
    h, r = f
    v = rng.randrange(1001, 9999)
    retype(ret, ws, h, fmt(v), r, how="number", value=v)
    return True


@op("space_grouped", "V")
def space_grouped(b, rng, ctx):
    """'1 200': digits grouped by a space, as GB/T 15835 writes them."""
    return set_big(main_ret(b), main_ws(b), rng, lambda v: f"{v // 1000} {v % 1000:03d}")


@op("comma_grouped", "V")
def comma_grouped(b, rng, ctx):
    return set_big(main_ret(b), main_ws(b), rng, lambda v: f"{v // 1000},{v % 1000:03d}")


@op("count_with_unit", "V")
def count_with_unit(b, rng, ctx):
    ret = main_ret(b)
    f = pick(rng, [(h, r) for h, r in numbers(ret, 1) if h in ("参加人数", "参与人数", "服务队人数")])
    if not f:
        return False
    h, r = f
    v = (ret.single[h] if r is None else ret.rows[r][h])["value"]
    retype(ret, main_ws(b), h, f"{v}人", r, how="number", value=v)
    return True


@op("number_as_text", "V")
def number_as_text(b, rng, ctx):
    """A count typed into a cell formatted as text (the green triangle)."""
    ret = main_ret(b)
    f = pick(rng, numbers(ret))
    if not f:
        return False
    h, r = f
    v = (ret.single[h] if r is None else ret.rows[r][h])["value"]
    retype(ret, main_ws(b), h, str(v), r, how="number", value=v, fmt="@")
    return True


def date_fields(ret):
    return [(h, r) for h, r in fields_of(ret, {"date"})]


CN_DIGITS = "〇一二三四五六七八九"


def cn_number(n):
    """1–99 in Chinese numerals (十二, 三十一)."""
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")


@op("chinese_date", "V")
def chinese_date(b, rng, ctx):
    """二〇一七年五月十二日."""
    ret = main_ret(b)
    f = pick(rng, date_fields(ret))
    if not f:
        return False
    h, r = f
    iso = (ret.single[h] if r is None else ret.rows[r][h])["value"]
    d = dt.date.fromisoformat(iso)
    typed = "".join(CN_DIGITS[int(ch)] for ch in str(d.year)) + f"年{cn_number(d.month)}月{cn_number(d.day)}日"
    retype(ret, main_ws(b), h, typed, r, how="date", value=iso)
    return True


@op("date_styles", "V")
def date_styles(b, rng, ctx):
    ret = main_ret(b)
    f = pick(rng, date_fields(ret))
    if not f:
        return False
    h, r = f
    iso = (ret.single[h] if r is None else ret.rows[r][h])["value"]
    d = dt.date.fromisoformat(iso)
    typed = rng.choice([f"{d.year}-{d.month:02d}-{d.day:02d}", f"{d.year}/{d.month}/{d.day}", f"{d.year}.{d.month:02d}.{d.day:02d}",
                        f"{d.year} 年 {d.month} 月 {d.day} 日", dt.datetime(d.year, d.month, d.day)])
    fmt = rng.choice(["yyyy-mm-dd", "yyyy/m/d", 'yyyy"年"m"月"d"日"']) if isinstance(typed, dt.datetime) else None
    retype(ret, main_ws(b), h, typed, r, how="date", value=iso, fmt=fmt)
    return True


@op("period_date", "V", forms=("festival-project", "festival-stats") + YANGPU)
def period_date(b, rng, ctx):
    """填报日期 as a period ("6月上旬"): accepted, at most a warning; the summary shows it as typed (or a day in it)."""
    ret = main_ret(b)
    h = "填报日期" if "填报日期" in ret.single else mr.PROJECT_DATE
    if h not in ret.single or not ret.single[h]["cell"] or ret.single[h]["kind"] != "date":
        return False
    d = dt.date.fromisoformat(ret.single[h]["value"])
    part = "上旬" if d.day <= 10 else "中旬" if d.day <= 20 else "下旬"
    typed = f"{d.month}月{part}"
    first, last = {"上旬": (1, 10), "中旬": (11, 20), "下旬": (21, 31)}[part]
    retype(ret, main_ws(b), h, typed, how="period", value={"typed": typed, "month": f"{d.year}-{d.month:02d}", "days": [first, last]})
    return True


@op("slash_not_held", "V", forms=("festival-stats",))
def slash_not_held(b, rng, ctx):
    """"/" "—" "无" in the count of an activity answered 否: not applicable, blank, no error."""
    ret = main_ret(b)
    no = [(y, cs) for _k, _t, y, cs in mr.STATS_ITEMS if y and ret.single[y]["value"] == "否" and len(cs) == 1]
    if not no:
        return False
    _y, cs = rng.choice(no)
    retype(ret, main_ws(b), cs[0], rng.choice(["/", "—", "无", "－"]), how="blank", value=None)
    return True


PHONE_HEADERS = ("联系电话", "联系方式")


def phone_field(ret):
    return next((h for h in PHONE_HEADERS if h in ret.single and ret.single[h]["cell"]), None)


@op("phone_wrong_length", "V")
def phone_wrong_length(b, rng, ctx):
    """021-6518123: seven digits after 021 (a mistake), or a mobile number a digit short."""
    ret = main_ret(b)
    h = phone_field(ret)
    if not h:
        return False
    typed = rng.choice([f"021-{rng.randrange(10**6, 10**7)}", f"1{rng.choice('3589')}{rng.randrange(10**7, 10**8)}",
                        f"021-{rng.randrange(10**8, 10**9)}"])
    cell = retype(ret, main_ws(b), h, typed, how="text", value=typed)
    mistake(ret, h, cell, f"电话号码位数不对：{typed}")
    return True


@op("phone_styles", "V")
def phone_styles(b, rng, ctx):
    """Right phone numbers written as people write them."""
    ret = main_ret(b)
    h = phone_field(ret)
    if not h:
        return False
    n = rng.randrange(10**7 * 3, 10**8 - 1)
    m = f"1{rng.choice('3589')}{rng.randrange(10**8, 10**9)}"
    typed = rng.choice([f"(021){n}", f"021 {n}", f"021-{n}-{rng.randrange(100, 999)}", f"021－{n}",
                        f"{m[:3]}-{m[3:7]}-{m[7:]}", f"{m[:3]} {m[3:7]} {m[7:]}", f"0512-{n}", f"0571-{str(n)[:7]}",
                        f"021-{n}转{rng.randrange(100, 9999)}"])
    retype(ret, main_ws(b), h, typed, how="text", value=typed)
    return True


@op("phone_as_number", "V")
def phone_as_number(b, rng, ctx):
    """A local number typed into a General cell: a number."""
    ret = main_ret(b)
    h = phone_field(ret)
    if not h:
        return False
    n = rng.randrange(10**7 * 3, 10**8 - 1)
    retype(ret, main_ws(b), h, n, how="text", value=str(n))
    return True


@op("about_number", "V", forms=("festival-project", "festival-stats", "yangpu-theme-activity"))
def about_number(b, rng, ctx):
    """"约300": not a count (a mistake, the clerk is asked for 确数)."""
    ret = main_ret(b)
    f = pick(rng, [(h, r) for h, r in numbers(ret, 10) if h in ("参加人数", "职工数", "参与人数")])
    if not f:
        return False
    h, r = f
    typed = f"约{((ret.single[h] if r is None else ret.rows[r][h])['value'] // 10) * 10}"
    cell = retype(ret, main_ws(b), h, typed, r, how="not_number", value=typed)
    mistake(ret, h, cell, f"“{typed}”不是确数", reason="确数", row=r)
    return True


@op("chinese_count", "V", forms=YANGPU)
def chinese_count(b, rng, ctx):
    """"十二人" (a mistake: 阿拉伯数字)."""
    ret = main_ret(b)
    f = pick(rng, [(h, r) for h, r in numbers(ret, 11) if h in ("参与人数", "服务队人数") and r is not None])
    if not f:
        return False
    h, r = f
    v = ret.rows[r][h]["value"] % 89 + 11
    typed = cn_number(v) + "人"
    cell = retype(ret, main_ws(b), h, typed, r, how="not_number", value=typed)
    mistake(ret, h, cell, f"人数写成了汉字“{typed}”", reason="阿拉伯数字", row=r)
    return True


REQUIRED = {"festival-project": ["主办单位", "举办地点", "参加对象"], "yangpu-theme-activity": ["活动形式"],
            "yangpu-volunteer-team": ["负责人姓名及职务"], "studio-application": ["工作室技术专长", "单位地址"]}


@op("required_blank", "V", forms=tuple(REQUIRED))
def required_blank(b, rng, ctx):
    """A required field left blank (a mistake)."""
    ret = main_ret(b)
    h = rng.choice(REQUIRED[b.form])
    r = rng.randrange(len(ret.rows)) if h not in ret.single else None
    if r is None and h not in ret.single:
        return False
    cell = retype(ret, main_ws(b), h, None, r, how="blank", value=None)
    mistake(ret, h, cell, f"必填的{h}没有填写", row=r)
    return True


@op("rich_text", "V")
def rich_text(b, rng, ctx):
    """A text cell with two fonts (part bold), as pasted from Word."""
    ret = main_ret(b)
    f = pick(rng, [(h, r) for h, r in fields_of(ret, {"text"}) if isinstance(
        (ret.single[h] if r is None else ret.rows[r][h])["value"], str) and len((ret.single[h] if r is None else ret.rows[r][h])["value"]) >= 4])
    if not f:
        return False
    h, r = f
    entry = ret.single[h] if r is None else ret.rows[r][h]
    text = entry["value"]
    k = rng.randrange(1, len(text))
    # openpyxl 3.0 writes no rich text: the runs are put into the saved file's shared strings (sim_sheet.rich_runs).
    b.main.rich.append((text, k))
    return True


@op("trailing_spaces", "V")
def trailing_spaces(b, rng, ctx):
    """Spaces after (or before) a text, the unit's name included: the same text for a careful clerk."""
    ret = main_ret(b)
    cands = [(h, r) for h, r in fields_of(ret, {"text"}) if isinstance(
        (ret.single[h] if r is None else ret.rows[r][h])["value"], str)]
    f = pick(rng, cands + [("单位", None)] * 2)
    if not f:
        return False
    h, r = f
    pad = rng.choice([" ", "  ", "\u3000", " \u3000"])
    ws = main_ws(b)
    if h == "单位":
        if not ret.unit_cell or not isinstance(ws[ret.unit_cell].value, str) or ws[ret.unit_cell].value != ret.unit:
            return False
        ws[ret.unit_cell].value = ret.unit + pad
        return True
    entry = ret.single[h] if r is None else ret.rows[r][h]
    typed = (pad + entry["value"]) if rng.random() < 0.3 else (entry["value"] + pad)
    retype(ret, ws, h, typed, r, how="text_trim", value=entry["value"])
    return True


@op("unit_with_city", "V", forms=FESTIVAL + ("studio-summary",))
def unit_with_city(b, rng, ctx):
    """The unit written with 上海市 in front: the roster's unit all the same."""
    ret = main_ret(b)
    ws = main_ws(b)
    if ret.unit.startswith("上海市") or not ret.unit_cell or ws[ret.unit_cell].value != ret.unit:
        return False
    ret.unit = "上海市" + ret.unit
    ws[ret.unit_cell].value = ret.unit
    return True


@op("date_in_text_column", "V", forms=("yangpu-theme-activity",))
def date_in_text_column(b, rng, ctx):
    """A real date typed into 时间安排 (a text column)."""
    ret = main_ret(b)
    r = rng.randrange(len(ret.rows))
    d = dt.datetime(2018, rng.randrange(6, 12), rng.randrange(1, 29))
    retype(ret, main_ws(b), "时间安排", d, r, fmt=rng.choice(['yyyy"年"m"月"d"日"', "yyyy/m/d", 'm"月"d"日"']))
    return True


@op("yes_marks", "V", forms=("festival-stats",))
def yes_marks(b, rng, ctx):
    """√ ✓ 有 ☑ in the 是 column."""
    ret = main_ret(b)
    yes = [y for _k, _t, y, _c in mr.STATS_ITEMS if y and ret.single[y]["value"] == "是"]
    if not yes:
        return False
    for y in rng.sample(yes, min(len(yes), rng.randrange(1, 5))):
        retype(ret, main_ws(b), y, rng.choice(["√", "✓", "有", "☑", "✔"]), how="yesno", value="是")
    return True


@op("formula_cached", "V", libreoffice=True)
def formula_cached(b, rng, ctx):
    """A count typed as a formula (=120+35), its value cached by the spreadsheet that saved it (LibreOffice)."""
    ret = main_ret(b)
    f = pick(rng, numbers(ret, 2))
    if not f:
        return False
    h, r = f
    v = (ret.single[h] if r is None else ret.rows[r][h])["value"]
    k = rng.randrange(1, v)
    retype(ret, main_ws(b), h, f"={k}+{v - k}", r, how="number", value=v)
    b.flags.add("recalc")
    return True


# ---- L: list layout ------------------------------------------------------------------------------------------------


def list_columns(ws, form):
    header_row = mr.find(ws, "姓名" if form == "studio-application" else ("工作室类型" if form == "studio-summary" else "序号"))[0]
    cols = {h: mr.find(ws, label, min_row=header_row, max_row=header_row)[1] for label, h, _k in LIST_OF[form]}
    return header_row, cols


# The first printed text under each form's list (the list's rows end above it).
BELOW_LIST = {"studio-summary": "区局（产业）工会申报意见", "studio-application": mr.APPLICATION_INTRO[0],
              "yangpu-theme-activity": "注：表格不够可另附，电子版请从区总工会网站公告栏下载。",
              "yangpu-volunteer-team": "注：表格不够可另附，电子版请从区总工会网站公告栏下载。"}


def list_capacity(ws, form, header_row):
    """The template's list rows: down to the printed text under the list."""
    return mr.find(ws, BELOW_LIST[form], min_row=header_row + 1)[0] - header_row - 1


def row_cells(ret, i):
    return [v["cell"] for v in ret.rows[i].values() if v["cell"]]


@op("blank_rows_in_list", "L", forms=LISTS)
def blank_rows_in_list(b, rng, ctx):
    """A blank row left between list rows."""
    ret = main_ret(b)
    ws = main_ws(b)
    # rows are moved down from the last record: a 合计 row under them would be overwritten (and its mistake lost)
    if len(ret.rows) < 2 or "total" in b.flags:
        return False
    header_row, cols = list_columns(ws, b.form)
    last = max(parse(c)[0] for c in row_cells(ret, len(ret.rows) - 1))
    if last + 1 > header_row + list_capacity(ws, b.form, header_row):
        return False
    at = rng.randrange(1, len(ret.rows))
    first_moved = min(parse(c)[0] for c in row_cells(ret, at))
    for r in range(last, first_moved - 1, -1):
        for c in cols.values():
            src = ws.cell(row=r, column=c)
            ws.cell(row=r + 1, column=c).value = src.value
            ws.cell(row=r + 1, column=c).number_format = src.number_format
            src.value = None
    for i in range(at, len(ret.rows)):
        for v in ret.rows[i].values():
            if v["cell"]:
                row, col = parse(v["cell"])
                v["cell"] = a1(row + 1, col)
    for m in ret.mistakes:
        if m.get("list_row") is not None and m["list_row"] >= at:
            m["cells"] = [a1(parse(c)[0] + 1, parse(c)[1]) for c in m["cells"]]
    if "序号" in cols and b.form == "studio-summary":
        ws.cell(row=first_moved, column=cols["序号"]).value = None
    b.flags.add("gap")
    return True


@op("merged_list_cell", "L", forms=YANGPU)
def merged_list_cell(b, rng, ctx):
    """Two list rows with the same 活动形式 / 负责人, the cell merged over both: both rows have it."""
    ret = main_ret(b)
    ws = main_ws(b)
    h = "活动形式" if b.form == "yangpu-theme-activity" else "负责人姓名及职务"
    pairs = [i for i in range(len(ret.rows) - 1)
             if parse(ret.rows[i][h]["cell"])[0] + 1 == parse(ret.rows[i + 1][h]["cell"])[0] and ret.rows[i][h]["value"]]
    if not pairs:
        return False
    i = rng.choice(pairs)
    top, below_ = ret.rows[i][h], ret.rows[i + 1][h]
    forget_mistakes(ret, below_["cell"])
    ws[below_["cell"]].value = None
    r, c = parse(top["cell"])
    ws.merge_cells(start_row=r, start_column=c, end_row=r + 1, end_column=c)
    below_["value"], below_["kind"], below_["cell"] = top["value"], top["kind"], top["cell"]
    b.flags.add("vmerge")
    return True


TOTAL_WORDS = ["合计", "小计", "总计", "共计", "合 计", "合计："]


def total_row(b, rng, differs):
    ret = main_ret(b)
    ws = main_ws(b)
    if not ret.rows or "total" in b.flags:
        return False
    header_row, cols = list_columns(ws, b.form)
    last = max(parse(c)[0] for i in range(len(ret.rows)) for c in row_cells(ret, i))
    r = last + 1
    if r > header_row + list_capacity(ws, b.form, header_row):
        return False
    q = LIST_QUANTITY.get(b.form)
    word = rng.choice(TOTAL_WORDS)
    if b.form == "studio-application":
        if differs:
            return False
        ws.cell(row=r, column=cols["姓名"]).value = f"合计：{len(ret.rows)}人"
    elif b.form == "studio-summary":
        if differs:
            return False
        ws.cell(row=r, column=cols["序号"]).value = word
        ws.cell(row=r, column=cols["工作室名称"]).value = f"{len(ret.rows)}个"
    else:
        first = rng.choice(["序号", "序号", "登记服务队名称" if b.form == "yangpu-volunteer-team" else "活动名称"])
        ws.cell(row=r, column=cols[first]).value = word
        values = [row[q]["value"] for row in ret.rows]
        if not all(isinstance(v, int) for v in values):
            return False
        total = sum(values)
        stated = total + rng.choice([-60, -10, 10, 40, 100]) if differs else total
        if stated <= 0:
            stated = total + 10
        cell = ws.cell(row=r, column=cols[q])
        cell.value = stated
        if differs:
            ret.mistake(q, [q], [], [cell.coordinate], f"本单位自填合计 {stated}，明细之和 {total}", reason=str(total))
    b.flags.add("total")
    return True


@op("total_row", "L", forms=LISTS)
def total_row_equal(b, rng, ctx):
    """A 合计/小计/总计/共计 row under the list (or "合计：5人" in the name column): never a record."""
    return total_row(b, rng, differs=False)


@op("total_row_differs", "L", forms=YANGPU)
def total_row_differs(b, rng, ctx):
    """A stated 合计 that differs from the sum of the rows: a warning at that cell, never summed."""
    return total_row(b, rng, differs=True)


# ---- S: sheet structure ----------------------------------------------------------------------------------------


def rebuild_main(b, row_map, col_map, styles=True):
    ret = main_ret(b)
    new = rebuild(b.main.wb, main_ws(b), row_map, col_map, styles)
    for r in b.main.returns:
        if r.sheet == new.title:
            move_cells(r, lambda rc: (row_map(rc[0]), col_map(rc[1])))
    return new, ret


@op("shift_block", "S")
def shift_block(b, rng, ctx):
    """The whole form moved down and right (rows and columns inserted above and before it)."""
    dr, dc = rng.randrange(1, 4), rng.randrange(0, 3)
    new, _ret = rebuild_main(b, lambda r: r + dr, lambda c: c + dc)
    if rng.random() < 0.5:
        new.cell(row=1, column=1).value = rng.choice(["报送稿", "请于截止日前报送", f"{b.unit}（盖章）"[:0] or "附表"])
    return True


@op("insert_head_row", "S")
def insert_head_row(b, rng, ctx):
    """A blank row inserted between two rows of the form's head (under the title or the unit line)."""
    ws = main_ws(b)
    ret = main_ret(b)
    unit_row = parse(ret.unit_cell)[0] if ret.unit_cell else 3
    at = rng.choice([unit_row, unit_row + 1])
    rebuild_main(b, inserted(at), lambda c: c)
    return True


@op("extra_list_column", "S", forms=LISTS)
def extra_list_column(b, rng, ctx):
    """A 备注 column added right of the list, with notes in some rows."""
    ret = main_ret(b)
    ws = main_ws(b)
    header_row, cols = list_columns(ws, b.form)
    last = max(cols.values())
    if b.form == "studio-application":
        return False  # the member table shares its columns with the form's head
    new, ret = rebuild_main(b, lambda r: r, inserted(last + 1))
    new.cell(row=header_row, column=last + 1).value = "备注"
    for i in range(len(ret.rows)):
        if rng.random() < 0.5:
            r = parse(row_cells(ret, i)[0])[0]
            new.cell(row=r, column=last + 1).value = rng.choice(["新增", "续办", "已完成", "拟开展"])
    return True


@op("swap_list_columns", "S", forms=YANGPU)
def swap_list_columns(b, rng, ctx):
    """Two list columns swapped (时间安排 before 活动形式), headings and values."""
    ws = main_ws(b)
    header_row, cols = list_columns(ws, b.form)
    names = [h for h in cols if h not in ("序号",)]
    h1, h2 = rng.sample(names, 2)
    c1, c2 = cols[h1], cols[h2]
    if any(rng_.min_row <= header_row <= rng_.max_row and rng_.min_col <= c <= rng_.max_col and rng_.size["columns"] > 1
           for rng_ in ws.merged_cells.ranges for c in (c1, c2)):
        return False
    if "vmerge" in b.flags:
        return False
    swap = {c1: c2, c2: c1}
    lo_row = header_row
    hi_row = header_row + list_capacity(ws, b.form, header_row) + 0
    for r in range(lo_row, hi_row + 1):
        a, bb = ws.cell(row=r, column=c1), ws.cell(row=r, column=c2)
        # formats read first: openpyxl gives a cell a date format of its own when a date is put in it
        formats = a.number_format, bb.number_format
        a.value, bb.value = bb.value, a.value
        bb.number_format, a.number_format = formats
    for ret in main_ws_returns(b):
        move_cells(ret, lambda rc: (rc[0], swap.get(rc[1], rc[1])) if lo_row <= rc[0] <= hi_row else rc)
    return True


def main_ws_returns(b):
    return [r for r in b.main.returns if r.sheet == main_ret(b).sheet]


@op("unmerge_all", "S")
def unmerge_all(b, rng, ctx):
    """Every merged area split again (values stay in the top-left cell)."""
    ws = main_ws(b)
    if "vmerge" in b.flags:
        return False
    for rng_ in list(ws.merged_cells.ranges):
        ws.unmerge_cells(str(rng_))
    return True


@op("hide_rows", "S")
def hide_rows(b, rng, ctx):
    """Unused rows hidden (empty list rows, the 附件 line), as a clerk tidies before printing."""
    ws = main_ws(b)
    ret = main_ret(b)
    used = {parse(v["cell"])[0] for row in ret.rows for v in row.values() if v["cell"]}
    used |= {parse(v["cell"])[0] for v in ret.single.values() if v["cell"]}
    hidden = 0
    for r in range(1, ws.max_row + 1):
        if r in used:
            continue
        values = [ws.cell(row=r, column=c).value for c in range(1, ws.max_column)]
        if all(v in (None, "") or isinstance(v, int) for v in values) and rng.random() < 0.6:
            ws.row_dimensions[r].hidden = True
            hidden += 1
    return hidden > 0


@op("retype_plain", "S")
def retype_plain(b, rng, ctx):
    """The form retyped into a new workbook from the printed one: values and merges, no styles, no marker cell,
    labels spaced out or with full-width colons, and the sheet called Sheet1."""
    if len(b.main.wb.worksheets) != 1:
        return False
    if "other_edition" in b.flags and b.form in YANGPU:
        return False  # the 杨浦 forms print no year: without the marker, last year's form cannot be told
    ws = main_ws(b)
    ret = main_ret(b)
    wb = openpyxl.Workbook()
    new = wb.active
    new.title = rng.choice(["Sheet1", "Sheet1", "表1", ws.title])
    copy_cells(ws, new, styles=False)
    value_cells = {v["cell"] for v in ret.single.values() if v["cell"]} | {
        v["cell"] for row in ret.rows for v in row.values() if v["cell"]} | {ret.unit_cell}
    for row in new.iter_rows():
        for c in row:
            if isinstance(c.value, str) and c.value.startswith("UNIONFORMS|"):
                c.value = None
            elif isinstance(c.value, str) and c.coordinate not in value_cells and rng.random() < 0.3:
                t = c.value
                if 2 <= len(t) <= 4 and re.fullmatch(r"[\u4e00-\u9fff]+", t):
                    c.value = " ".join(t)
                elif t.endswith(":"):
                    c.value = t[:-1] + "："
    for key in list(new.column_dimensions):
        new.column_dimensions[key].hidden = False
    b.main.wb = wb
    for r in b.main.returns:
        r.sheet = new.title
    b.flags.add("retyped")
    return True


@op("rename_sheet", "S")
def rename_sheet(b, rng, ctx):
    ws = main_ws(b)
    title = rng.choice(["Sheet1", "填报", f"{b.short or sv.short_of(b.unit)}"[:28], "报表", "附件"])
    if title in b.main.wb.sheetnames:
        return False
    old = ws.title
    ws.title = title
    for r in b.main.returns:
        if r.sheet == old:
            r.sheet = title
    return True


@op("note_sheets", "S")
def note_sheets(b, rng, ctx):
    """A 填表说明 sheet with a few lines of text, and the empty Sheet2/Sheet3 a new workbook has."""
    wb = b.main.wb
    notes = wb.create_sheet("填表说明")
    for i, line in enumerate(["填表说明：", "1. 本表由单位工会填写。", "2. 请于截止日期前报送。"]):
        notes.cell(row=i + 1, column=1).value = line
    for name in ("Sheet2", "Sheet3"):
        if name not in wb.sheetnames and rng.random() < 0.7:
            wb.create_sheet(name)
    return True


@op("note_below_form", "S")
def note_below_form(b, rng, ctx):
    """A remark and a stamp line typed under the form."""
    ws = main_ws(b)
    r = ws.max_row + 2
    ws.cell(row=r, column=1).value = rng.choice(["备注：以上情况属实。", "说明：数据截至5月底。", "（以上材料已经单位审核）"])
    ws.cell(row=r + 1, column=1).value = "单位（盖章）"
    return True


# ---- W: workbook and file ------------------------------------------------------------------------------------------


def fresh_sheet(ctx, b, wb, title, d, index=None, old=False):
    """A copy of the form (last year's when old), filled with d, added to wb as sheet `title`; its Return."""
    src_wb = ctx["templates"].open(b.form)
    src = src_wb.active
    src.title = title
    ret = ctx["fill"][b.form](src, d)
    if old:
        ctx["last_years_form"](src_wb, ctx["templates"], b.form)
    if index is not None:
        for name in wb.defined_names.definedName:  # openpyxl does not move sheet-scoped names along
            if name.localSheetId is not None and name.localSheetId >= index:
                name.localSheetId += 1
    dst = wb.create_sheet(title, index=index)
    copy_cells(src, dst)
    sheet_id = wb.worksheets.index(dst)
    for name in src_wb.defined_names.definedName:
        if name.localSheetId == 0:
            clone = openpyxl.workbook.defined_name.DefinedName(name.name, localSheetId=sheet_id, attr_text=name.attr_text)
            wb.defined_names.append(clone)
    return ret, dst


@op("forwarded_workbook", "W")
def forwarded_workbook(b, rng, ctx):
    """A district forwards several units' returns of the form as sheets of one workbook."""
    if len(b.main.wb.worksheets) != 1 or "retyped" in b.flags or "other_edition" in b.flags or "unit_from_name" in b.flags:
        return False
    for k in range(rng.randrange(1, 3)):
        unit = sv.company(3 * b.index + 1 + k) + "工会"
        d = ctx["values"](b.form, rng, unit, b.index * 3 + 1 + k)
        title = sv.short_of(unit)[2:12]
        ret, _ws = fresh_sheet(ctx, b, b.main.wb, title, d)
        b.main.returns.append(ret)
    b.main.name = f"{sv.short_of(b.unit)}_转报各单位{b.main.name.split('_', 1)[-1]}"
    b.flags.add("forwarded")
    return True


@op("district_summary_sheet", "W")
def district_summary_sheet(b, rng, ctx):
    """The district's own hand-made 汇总 sheet in the forwarding workbook: not counted again."""
    if "forwarded" not in b.flags and not forwarded_workbook(b, rng, ctx):
        return False
    ws = b.main.wb.create_sheet(rng.choice(["汇总", "区汇总", "汇总表"]), index=0 if rng.random() < 0.5 else None)
    ws.cell(row=1, column=1).value = f"{sv.short_of(b.unit)}{rng.choice(['报送情况汇总', '汇总表', '各单位汇总'])}"
    first = main_ret(b)
    heads = [h for h, v in (first.rows[0] if first.rows else first.single).items()
             if v["cell"] and h not in ("序号",)][:4]
    ws.cell(row=2, column=1).value = "序号"
    ws.cell(row=2, column=2).value = "单位"
    for j, h in enumerate(heads):
        ws.cell(row=2, column=j + 3).value = h
    r = 3
    for ret in b.main.returns:
        for row in (ret.rows or [ret.single]):
            ws.cell(row=r, column=1).value = r - 2
            ws.cell(row=r, column=2).value = ret.unit
            for j, h in enumerate(heads):
                v = row.get(h, {}).get("value")
                ws.cell(row=r, column=j + 3).value = v if isinstance(v, (str, int, float)) else None
            r += 1
    ws.cell(row=r, column=1).value = "合计"
    ws.cell(row=r, column=2).value = f"{len(b.main.returns)}个单位"
    return True


@op("hidden_last_year", "W")
def hidden_last_year(b, rng, ctx):
    """A hidden sheet with last year's return beside this year's visible one: reported, never summed."""
    if "retyped" in b.flags or "other_edition" in b.flags:
        return False
    d = ctx["values"](b.form, rng, b.unit, b.index * 3)
    title = rng.choice(["2017年", "去年", "上年度", "原表"])
    index = 0 if rng.random() < 0.5 else None
    ret, ws = fresh_sheet(ctx, b, b.main.wb, title, d, index=index, old=rng.random() < 0.5)
    ws.sheet_state = "hidden"
    wb = b.main.wb
    # The workbook opens on the visible sheet (Excel never saves a hidden sheet as the active one).
    visible = next(i for i, s in enumerate(wb.worksheets) if s.sheet_state == "visible")
    if not wb.views:
        wb.views.append(BookView())
    wb.views[0].activeTab = visible
    wb.views[0].firstSheet = visible
    wb.active = visible
    ret.counted = False
    ret.hidden = True
    b.main.returns.append(ret)
    b.checks.append({"kind": "hidden_reported", "file": None, "sheet": title, "bundle": b.index})
    b.flags.add("hidden")
    return True


@op("continuation_sheet", "W", forms=("studio-summary",) + YANGPU)
def continuation_sheet(b, rng, ctx):
    """The list continued on a 续表 sheet (a copy of the form), with or without its head fields: the unit and the
    contact fields come from the main sheet."""
    ret = main_ret(b)
    if len(ret.rows) < 2 or "total" in b.flags or "gap" in b.flags or "vmerge" in b.flags or "retyped" in b.flags \
            or "forwarded" in b.flags or "other_edition" in b.flags:
        return False
    k = rng.randrange(1, len(ret.rows))
    moved = ret.rows[-k:]
    ws = main_ws(b)
    typed = [{h: (ws[v["cell"]].value if v["cell"] else None) for h, v in row.items()} for row in moved]
    for row in moved:
        for v in row.values():
            if v["cell"]:
                ws[v["cell"]].value = None
    ret.rows = ret.rows[:-k]
    carried = [m for m in ret.mistakes if m.get("list_row") is not None and m["list_row"] >= len(ret.rows)]
    ret.mistakes = [m for m in ret.mistakes if m not in carried]
    title = rng.choice(["续表", "续表1", "续页", f"{ws.title}（续）"])[:31]
    with_head = rng.random() < 0.4
    src_wb = ctx["templates"].open(b.form)
    src = src_wb.active
    src.title = title
    cont = mr.Return(b.form, title)
    if with_head:
        cont.set_unit(b.unit, mr.put(src, mr.right_of(src, mr.find(src, UNIT_LABEL[b.form])), b.unit))
    header_row, cols = list_columns(src, b.form)
    first = len(ret.rows)
    for i, row in enumerate(moved):
        new_row = cont.new_row()
        for _label, h, _k in LIST_OF[b.form]:
            cell = mr.put(src, (header_row + 1 + i, cols[h]), typed[i].get(h))
            for m in carried:  # a mistake in a row carried over is now in the 续表, at the row's new cell
                if m["list_row"] == first + i and row[h]["cell"] in m["cells"]:
                    cont.mistakes.append(dict(m, cells=[cell], list_row=i))
            new_row[h] = dict(row[h], cell=cell)
    if "序号" in cols:  # the template's own numbering under the rows carried over is cleared, as the clerk does
        for r in range(header_row + 1 + len(moved), header_row + 1 + list_capacity(src, b.form, header_row)):
            src.cell(row=r, column=cols["序号"]).value = None
    dst = b.main.wb.create_sheet(title)
    copy_cells(src, dst)
    cont.unit = b.unit
    cont.continuation_of = ret
    b.main.returns.append(cont)
    b.flags.add("continuation")
    return True


@op("unit_blank_filename", "W", forms=FESTIVAL + YANGPU + ("studio-summary",))
def unit_blank_filename(b, rng, ctx):
    """The 单位 cell left blank; the file is named after the unit ("延吉新村街道.xlsx"), which the roster knows."""
    ret = main_ret(b)
    if not b.short or len(b.main.returns) != 1 or not ret.unit_cell:
        return False
    main_ws(b)[ret.unit_cell].value = None
    ret.unit = b.unit  # the roster's name, whatever was typed before
    word = {"festival-project": "申报表", "festival-stats": "统计表", "studio-summary": "汇总表",
            "yangpu-theme-activity": "主题活动", "yangpu-volunteer-team": "服务队登记"}[b.form]
    b.main.name = rng.choice([f"{b.short}{word}.xlsx", f"{b.short}_{word}.xlsx", f"{b.short}（{word}）.xlsx"])
    b.flags.add("unit_from_name")
    return True


@op("blank_template_too", "W")
def blank_template_too(b, rng, ctx):
    """The blank template sent along by mistake: no record, no error."""
    wb = ctx["templates"].open(b.form)
    name = f"{sv.short_of(b.unit)}_{rng.choice(['空表', '模板', '附件'])}{b.index}.xlsx"
    f = SimFile(name, when_later(b.main.mtime, -1), wb, [])
    f.skipped_form = True
    b.files.append(f)
    return True


RENAMES = ["新建 Microsoft Excel 工作表", "报表", "附件1", "工作簿1", "表格"]


@op("rename_file", "W")
def rename_file(b, rng, ctx):
    """A file name that says nothing of the unit or the form."""
    if "unit_from_name" in b.flags:
        return False
    b.main.name = f"{rng.choice(RENAMES)}{b.index}.xlsx"
    return True


# ---- R: resends ----------------------------------------------------------------------------------------------------


def clone_wb(wb):
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    return openpyxl.load_workbook(buf)


def small_edit(b, wb, rng):
    """An earlier version differs a little: the quotes round a name not yet typed, or another count."""
    ret = main_ret(b)
    ws = wb[ret.sheet]
    for h in ("活动项目名称", "工作室名称", "活动名称", "登记服务队名称"):
        entry = ret.single.get(h) or (ret.rows[0].get(h) if ret.rows else None)
        if entry and entry["cell"] and isinstance(entry["value"], str) and "“" in entry["value"]:
            ws[entry["cell"]].value = entry["value"].replace("“", "").replace("”", "")
            return {h: [ws[entry["cell"]].value, entry["value"]]}
    f = pick(rng, [(h, r) for h, r in numbers(ret, 2) if r is None])
    if f:
        h, _r = f
        entry = ret.single[h]
        if isinstance(ws[entry["cell"]].value, int):
            ws[entry["cell"]].value = entry["value"] - 1
            return {h: [entry["value"] - 1, entry["value"]]}
    return {}


def resend(b, rng, names, gaps):
    """The main file sent len(names) times: earlier versions (small edits) first, the last one counts."""
    if b.main.csv or b.main.raw or len(b.main.returns) != 1 or "unit_from_name" in b.flags or "forwarded" in b.flags \
            or "hidden" in b.flags or "continuation" in b.flags or "other_edition" in b.flags:
        return False
    ret = main_ret(b)
    if "resent" in b.flags:
        return False
    b.flags.add("resent")
    h = {"festival-project": "活动项目名称", "studio-application": "工作室名称"}.get(b.form)
    if h and "“" not in ret.single[h]["value"] and rng.random() < 0.6:
        # The final version puts quotes round a word of the name: “五小”, or the leader's name.
        value = ret.single[h]["value"]
        if b.form == "festival-project":
            s = sv.short_of(ret.unit)
            quoted = value.replace(s, s + "“五小”", 1) if value.startswith(s) else "“五小”" + value
        else:
            leader = ret.single["领衔人姓名"]["value"]
            quoted = value.replace(leader, f"“{leader}”", 1)
        retype(ret, b.main.wb[ret.sheet], h, quoted, how="text", value=quoted)
        for row in ret.rows:
            if h in row:
                row[h]["value"] = quoted
    final = b.main
    stem = final.name[:-5]
    earlier = []
    t = final.mtime
    for name, gap in zip(names[:-1], gaps):
        wb = clone_wb(final.wb)
        changed = small_edit(b, wb, rng)
        t = when_later(t, -gap)
        f = SimFile(name.format(stem=stem), t, wb, [])
        earlier.append((f, changed))
    final.name = names[-1].format(stem=stem)
    for f, changed in earlier:
        clone = mr.Return(b.form, ret.sheet)
        clone.unit, clone.unit_cell = ret.unit, ret.unit_cell
        clone.mistakes = [dict(m) for m in ret.mistakes]  # the earlier version had them too (reporting them is fine)
        clone.counted = False
        f.returns = [clone]
        b.files.append(f)
        b.not_taken.append({"form": b.form, "file": f.name, "sheet": ret.sheet, "unit": ret.unit,
                            "record": ret.unit, "replaced_by": {"file": final, "sheet": ret.sheet},
                            "reason": "较新的一份代替了这一份", "changed": changed})
    return True


@op("resend_chain", "R")
def resend_chain(b, rng, ctx):
    """原稿 → 修改版 → 最终: the final one counts; tiny edits (quotes round “五小”)."""
    names = rng.choice([["{stem}_原稿.xlsx", "{stem}_修改版.xlsx", "{stem}_最终.xlsx"],
                        ["{stem}.xlsx", "{stem}（修改）.xlsx", "{stem}（终稿）.xlsx"],
                        ["{stem}_初稿.xlsx", "{stem}_定稿.xlsx"]])
    return resend(b, rng, names, [rng.randrange(2, 30) for _ in names])


@op("resend_numbered", "R")
def resend_numbered(b, rng, ctx):
    """A corrected file sent again as "(1)", "v2" or "更正": the later one counts."""
    names = rng.choice([["{stem}.xlsx", "{stem}(1).xlsx"], ["{stem}.xlsx", "{stem} v2.xlsx"],
                        ["{stem}.xlsx", "{stem}_更正.xlsx"], ["{stem}.xlsx", "{stem}（1）.xlsx"],
                        # no word of correction: the later one counts because its records nearly match
                        ["{stem}_周一.xlsx", "{stem}_周三.xlsx"]])
    return resend(b, rng, names, [rng.randrange(2, 48)])


@op("identical_copy", "R")
def identical_copy(b, rng, ctx):
    """"X - 副本.xlsx": the same bytes twice (Windows' copy); counts once."""
    if "copy" in b.flags:
        return False
    f = SimFile(None, b.main.mtime, None, [])
    f.copy_of = b.main
    f.copy_suffix = rng.choice([" - 副本", " - 副本 (2)", " - 副本 - 副本"])
    b.files.append(f)
    b.flags.add("copy")
    return True


# ---- F: file format ------------------------------------------------------------------------------------------------


def shown(value, fmt):
    """A cell's value as Excel writes it to .csv."""
    value = plain(value)
    if isinstance(value, dt.datetime):
        f = fmt or ""
        if "年" in f and "d" in f:
            return f"{value.year}年{value.month}月{value.day}日"
        if "月" in f and "d" in f:
            return f"{value.month}月{value.day}日"
        if "yyyy-mm-dd" in f:
            return value.strftime("%Y-%m-%d")
        return f"{value.year}/{value.month}/{value.day}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def to_csv(b, encoding, bom=False):
    f = b.main
    if len(f.wb.worksheets) != 1 or f.libreoffice or "recalc" in b.flags or "vmerge" in b.flags:
        return False
    ws = f.wb.worksheets[0]
    rows = []
    for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=ws.max_column):
        rows.append([shown(c.value, c.number_format) for c in row])
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    text = buf.getvalue()
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        if encoding != "gbk":
            raise
        encoding = "gb18030"
        data = text.encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    f.csv = data
    f.name = f.name[:-5] + ".csv"
    # What was written is text now: a date cell becomes the text Excel shows.
    for ret in f.returns:
        entries = list(ret.single.values()) + [v for row in ret.rows for v in row.values()]
        for entry in entries:
            cell = entry["cell"]
            if cell and isinstance(ws[cell].value, dt.datetime):
                header = next(h for h, v in list(ret.single.items()) + [(h, v) for row in ret.rows for h, v in row.items()] if v is entry)
                declared, options = DECLARED[ret.form][header]
                entry["value"], entry["kind"] = mr.expect(declared, shown(ws[cell].value, ws[cell].number_format), ret.year, options)
    b.flags.add("csv")
    return True


@op("csv_utf8", "F")
def csv_utf8(b, rng, ctx):
    return to_csv(b, "utf-8")


@op("csv_utf8_bom", "F")
def csv_utf8_bom(b, rng, ctx):
    return to_csv(b, "utf-8", bom=True)


@op("csv_gbk", "F")
def csv_gbk(b, rng, ctx):
    """.csv as Excel on Chinese Windows writes it (GBK; GB18030 when a character needs it)."""
    return to_csv(b, "gbk")


def lo_step(b, step, ext):
    if b.main.csv or b.main.raw or b.main.libreoffice:
        return False
    b.main.libreoffice.append(step)
    b.main.name = b.main.name[:-5] + ext
    return True


@op("resave_xls", "F", libreoffice=True)
def resave_xls(b, rng, ctx):
    return lo_step(b, "xls", ".xls")


@op("resave_ods", "F", libreoffice=True)
def resave_ods(b, rng, ctx):
    return lo_step(b, "ods", ".ods")


@op("resave_et", "F", libreoffice=True)
def resave_et(b, rng, ctx):
    """Saved by WPS as .et (the .xls format under WPS's name), here through LibreOffice's Excel 97 filter."""
    return lo_step(b, "xls", ".et")


@op("resave_libreoffice", "F", libreoffice=True)
def resave_libreoffice(b, rng, ctx):
    """Opened and saved again as .xlsx by LibreOffice."""
    return lo_step(b, "xlsx", ".xlsx")
