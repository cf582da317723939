"""The clerk simulator's units and plausible values (issue 19 §6): who sends which form, and what a clerk types into
it, drawn from a seeded random generator. Nothing here knows the project's code; the value dicts have the shape that
test/realistic/make_returns.py's fill_* functions type by printed label."""
import datetime as dt

D = dt.datetime

DISTRICTS = ["黄浦区", "徐汇区", "长宁区", "静安区", "普陀区", "虹口区", "杨浦区", "闵行区", "宝山区", "嘉定区",
             "浦东新区", "金山区", "松江区", "青浦区", "奉贤区", "崇明区"]
STREETS = {
    "杨浦区": ["延吉新村街道", "五角场街道", "控江路街道", "殷行街道", "大桥街道", "平凉路街道", "江浦路街道", "定海路街道",
             "新江湾城街道", "长白新村街道", "四平路街道", "五角场镇"],
    "徐汇区": ["天平路街道", "湖南路街道", "斜土路街道", "枫林路街道", "长桥街道", "田林街道", "虹梅路街道", "康健新村街道",
             "徐家汇街道", "凌云路街道", "龙华街道", "漕河泾街道", "华泾镇"],
    "黄浦区": ["南京东路街道", "外滩街道", "半淞园路街道", "小东门街道", "豫园街道", "老西门街道", "五里桥街道", "打浦桥街道",
             "淮海中路街道", "瑞金二路街道"],
    "静安区": ["江宁路街道", "石门二路街道", "南京西路街道", "静安寺街道", "曹家渡街道", "天目西路街道", "北站街道",
             "宝山路街道", "芷江西路街道", "共和新路街道", "大宁路街道", "彭浦新村街道", "临汾路街道", "彭浦镇"],
    "普陀区": ["曹杨新村街道", "长风新村街道", "长寿路街道", "甘泉路街道", "石泉路街道", "宜川路街道", "万里街道",
             "真如镇街道", "长征镇", "桃浦镇"],
    "虹口区": ["欧阳路街道", "曲阳路街道", "广中路街道", "嘉兴路街道", "凉城新村街道", "四川北路街道", "北外滩街道",
             "江湾镇街道"],
    "长宁区": ["华阳路街道", "江苏路街道", "新华路街道", "周家桥街道", "天山路街道", "仙霞新村街道", "虹桥街道",
             "程家桥街道", "北新泾街道", "新泾镇"],
    "浦东新区": ["潍坊新村街道", "陆家嘴街道", "周家渡街道", "塘桥街道", "上钢新村街道", "南码头路街道", "沪东新村街道",
              "金杨新村街道", "洋泾街道", "浦兴路街道", "东明路街道", "花木街道", "张江镇", "川沙新镇"],
}
SYSTEMS = ["卫生系统工会", "教育系统工会", "建设系统工会", "商贸系统工会", "机关工会", "国资系统工会"]
INDUSTRY = ["上海市教育工会", "上海市卫生工会", "上海市建设交通工会", "上海市金融工会", "上海市机电工会", "上海市化工工会",
            "上海市纺织工会", "上海市城市交通工会", "上海市国防工会", "上海市农林工会"]
PLACES = ["徐汇", "杨浦", "黄浦", "静安", "普陀", "虹口", "长宁", "闵行", "宝山", "嘉定", "浦东", "金山", "松江", "青浦",
          "奉贤", "崇明", "张江", "漕河泾", "临港", "外高桥", "吴淞", "江湾", "五角场", "外滩", "陆家嘴", "金桥", "马桥",
          "莘庄", "安亭", "南翔", "泗泾", "朱家角", "枫泾", "罗店", "高桥", "川沙", "周浦", "惠南", "庄行", "堡镇"]
TRADES = ["精密机械", "燃气", "船舶配件", "纺织科技", "电气", "轨道交通", "汽车零部件", "环保工程", "医疗器械", "建筑工程",
          "电力设备", "食品", "印刷", "化工材料", "光电", "仪表", "钢结构", "物流", "软件", "模具", "家电", "橡胶制品", "建材",
          "水务", "热能", "冷链", "港机", "航空器材", "生物医药", "新材料"]
COMPANY_KINDS = ["有限公司", "股份有限公司", "集团有限公司", "实业有限公司"]
COMPANY_SPACE = len(PLACES) * len(TRADES) * len(COMPANY_KINDS)

FORMS = ["festival-project", "festival-stats", "studio-summary", "studio-application", "yangpu-theme-activity",
         "yangpu-volunteer-team"]


def unit_pool():
    """[(roster name, short name or None)]: the short name is unique and can stand for the unit in a file name."""
    units = [(f"{d}总工会", None) for d in DISTRICTS]
    for d, streets in STREETS.items():
        units += [(f"{d}{s}总工会", s) for s in streets]
    units += [(f"{d}{s}", None) for d in DISTRICTS for s in SYSTEMS]
    units += [(u, None) for u in INDUSTRY]
    return units


def company(n):
    """The n-th company of a bijection onto PLACES × TRADES × COMPANY_KINDS (7919 is prime to the space's size)."""
    k = (n * 7919 + 13) % COMPANY_SPACE
    k, kind = divmod(k, len(COMPANY_KINDS))
    place, trade = divmod(k, len(TRADES))
    return f"上海{PLACES[place]}{TRADES[trade]}{COMPANY_KINDS[kind]}"


def plan(rng, count):
    """[(form, unit, short)] for each return of a batch: a unit sends each form at most once (no accidental
    resends); applications come from companies. Also the roster: every unit that sends, and a few that do not."""
    pool = unit_pool()
    order = {form: rng.sample(pool, len(pool)) for form in FORMS}
    used = {form: 0 for form in FORMS}
    out = []
    for i in range(count):
        form = FORMS[rng.randrange(len(FORMS))]
        if form == "studio-application":
            out.append((form, company(3 * i), None))
            continue
        if used[form] >= len(pool):
            form = "studio-application"
            out.append((form, company(3 * i), None))
            continue
        unit, short = order[form][used[form]]
        used[form] += 1
        out.append((form, unit, short))
    senders = {u for f, u, _s in out if f != "studio-application"}
    silent = [u for u, _s in rng.sample(pool, len(pool)) if u not in senders][:5]
    roster = sorted(senders) + silent
    return out, roster


SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文"
GIVEN = ["伟", "芳", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平",
         "刚", "桂英", "建国", "建华", "志强", "丽娟", "海燕", "晓东", "文杰", "雪梅", "国庆", "春燕", "立新", "佳", "婷", "浩"]
FEMALE = {"芳", "敏", "静", "丽", "艳", "娟", "秀兰", "霞", "桂英", "丽娟", "海燕", "雪梅", "春燕", "婷"}


def person(rng, female=None):
    while True:
        given = rng.choice(GIVEN)
        if female is None or (given in FEMALE) == female:
            return rng.choice(SURNAMES) + given


def phone(rng):
    if rng.random() < 0.7:
        return f"021-{rng.choice('3456')}{rng.randrange(10**6, 10**7)}"
    return f"1{rng.choice('3589')}{rng.randrange(10**8, 10**9)}"


def short_of(unit):
    for suffix in ("总工会", "工会"):
        if unit.endswith(suffix):
            return unit[: -len(suffix)]
    return unit


TOPICS = ["职工创新成果展", "职工技能比武大赛", "职工科普讲座周", "“五小”创新成果评选", "职工创新论坛", "合理化建议金点子征集",
          "先进操作法交流会", "技术攻关成果发布会", "创新工作室开放日", "职工发明创造评选", "青年职工创新沙龙", "劳模创新经验交流会"]
PLACES_HELD = ["工人文化宫", "职工服务中心", "工人俱乐部", "职工技协活动中心", "职工活动中心", "各基层单位"]
AUDIENCES = ["全区职工", "一线技术工人", "青年职工", "基层班组长", "企业技术骨干", "劳模创新工作室成员", "基层工会推荐的职工"]


def when(rng, first, last, hour=True):
    days = (last - first).days
    d = first + dt.timedelta(days=rng.randrange(days + 1))
    return D(d.year, d.month, d.day, rng.randrange(8, 19) if hour else 0, rng.randrange(60) if hour else 0)


def date_typed(rng, d):
    """A date as clerks type it: a date cell, or text in one of the usual ways."""
    return rng.choice([d, f"{d.year}年{d.month}月{d.day}日", f"{d.year}.{d.month}.{d.day}", f"{d.month}月{d.day}日",
                       f"{d.year}/{d.month}/{d.day}"])


def project_values(rng, unit):
    s = short_of(unit)
    start = when(rng, dt.date(2017, 5, 22), dt.date(2017, 5, 30), hour=False)
    end = start + dt.timedelta(days=rng.randrange(1, 4))
    time = rng.choice([f"{start.year}年{start.month}月{start.day}日至{end.month}月{end.day}日",
                       f"{start.year}.{start.month}.{start.day}-{end.year}.{end.month}.{end.day}",
                       f"{start.month}月{start.day}日-{end.month}月{end.day}日"])
    return {
        "unit": unit, "date": date_typed(rng, when(rng, dt.date(2017, 5, 2), dt.date(2017, 5, 11), hour=False)),
        "活动项目名称": f"{s}{rng.choice(TOPICS)}", "主办单位": unit, "承办单位": f"{s}职工技协",
        "协办单位": rng.choice([None, f"{s}科学技术协会"]), "举办时间": time,
        "举办地点": f"{s}{rng.choice(PLACES_HELD)}", "参加对象": rng.choice(AUDIENCES),
        "参加人数": rng.randrange(50, 900), "联系人姓名": person(rng), "联系电话": phone(rng),
        "主要活动项目简介": f"围绕岗位创新组织职工开展{rng.choice(['交流', '展示', '评选', '竞赛'])}活动{rng.randrange(2, 20)}场。",
    }


def stats_values(rng, unit, items):
    """items: make_returns.STATS_ITEMS."""
    out = {}
    for key, _text, yes_header, counts in items:
        if yes_header is None:
            out[key] = (None, [rng.randrange(10, 300) if key == "baseUnits" else rng.randrange(1000, 20000)])
        elif key != "plan" and rng.random() < 0.25:
            out[key] = ("否", [None] * len(counts))
        else:
            out[key] = ("是", [rng.randrange(1, 40) for _ in counts])
    return {"unit": unit, "date": date_typed(rng, when(rng, dt.date(2017, 5, 24), dt.date(2017, 5, 31), hour=False)),
            "items": out, "featured": f"{short_of(unit)}职工{rng.choice(TOPICS)}。"}


STUDIO_TYPES = ["工匠工作室", "技师工作室", "职工工作室", "巾帼工作室"]


def studio_summary_values(rng, unit, n_companies):
    rows = []
    for k in range(rng.randrange(1, 5)):
        leader = person(rng)
        kind = rng.choice(STUDIO_TYPES)
        rows.append({"工作室类型": kind, "工作室名称": f"{leader}{kind[:2]}创新工作室",
                     "申报单位": n_companies(k), "领衔人": leader})
    return {
        "unit": unit, "申报人": person(rng), "联系方式": phone(rng),
        "开展本行业、本系统工作室创建活动（方案可附后）": rng.choice(["有", "有", "无"]),
        "本地区、本系统工匠创新工作室创建数": rng.randrange(0, 4), "本地区、本系统技师创新工作室创建数": rng.randrange(0, 8),
        "本地区、本系统职工创新工作室创建数": rng.randrange(0, 12), "本地区、本系统巾帼创新工作室创建数": rng.randrange(0, 5),
        "studios": rows, "opinion": f"经审核，同意推荐以上{len(rows)}个工作室。",
    }


EDUCATION = ["高中", "大专", "本科", "硕士研究生"]
JOBS = ["数控车工", "钳工", "焊工", "电工", "计量检定", "质检", "燃气管网工", "实验员", "纺织工艺", "机械设计", "调度"]
LEVELS = ["高级技师", "技师", "高级工", "中级工", "初级工"]


def application_values(rng, unit):
    kind = rng.choice(STUDIO_TYPES)
    female = True if kind == "巾帼工作室" else None
    leader = person(rng, female=female)
    if female is None:
        sex = "女" if leader[1:] in FEMALE else "男"
    else:
        sex = "女"
    age = rng.randrange(32, 58)
    skill = rng.choice(["技师", "高级技师"]) if kind == "技师工作室" else rng.choice(LEVELS)
    patents = {}
    for name in ("发明专利", "实用新型", "外观设计"):
        if rng.random() < 0.5:
            patents[name] = ("√", rng.randrange(1, 6))
    members = []
    for _ in range(rng.randrange(5, 8)):
        a = rng.randrange(24, 55)
        members.append({"姓名": person(rng), "年龄": a, "学历": rng.choice(EDUCATION),
                        "职称（技能等级）": rng.choice(LEVELS + ["工程师", "助理工程师"]), "工种": rng.choice(JOBS),
                        "工作年限": rng.randrange(1, a - 18)})
    honours = "2018年“上海工匠”" if kind == "工匠工作室" else rng.choice(["2016年上海市五一劳动奖章", "2018年区首席员工",
                                                                       "2017年上海市三八红旗手"])
    return {
        "unit": unit, "工作室名称": f"{leader}{kind[:2]}创新工作室", "工作室技术专长": rng.choice(["精密数控加工", "燃气管网安全运行",
                                                                                       "船用阀门密封技术", "实验教学仪器改进"]),
        "申报类型（勾选）": kind, "所属系统": rng.choice(DISTRICTS), "单位性质": rng.choice(["民营企业", "国有企业", "外商投资企业"]),
        "所属行业": rng.choice(["机械制造", "燃气供应", "纺织", "船舶制造", "教育"]),
        "单位地址": f"{rng.choice(DISTRICTS)}{rng.choice(['宜山路', '军工路', '龙华西路', '杨树浦路'])}{rng.randrange(1, 2000)}号",
        "邮政编码": f"200{rng.randrange(0, 999):03d}", "patents": patents, "领衔人姓名": leader,
        "职务": rng.choice(["车间主任", "班组长", "技术总监", "实验室主任"]), "联系方式": phone(rng), "性别": sex, "年龄": age,
        "学历": rng.choice(EDUCATION), "工种": rng.choice(JOBS), "工作年限": rng.randrange(5, age - 18), "技能等级": skill,
        "职称": rng.choice(["高级", "中级", "初级", "无"]), "领衔人户籍属性": rng.choice(["非农业", "农业"]),
        "户籍地": rng.choice(["本市", "外省市"]), "领衔人曾获荣誉": honours, "members": members,
        "intro": "工作室围绕岗位技术难题开展攻关，近三年完成项目" + str(rng.randrange(3, 30)) + "项。",
        "honours": rng.choice([None, "2019年区职工创新工作室"]),
    }


ACTIVITIES = ["劳模先进事迹宣讲会", "职工微视频展播", "职工技能比武", "“最美劳动者”寻访", "劳模进社区", "职工健康知识讲座",
              "家庭医生服务技能竞赛", "职工读书会", "青年职工创新沙龙", "“五小”成果展示"]
FORMS_OF = ["报告会", "视频展播", "技能竞赛", "寻访评选", "志愿服务", "讲座", "展示"]
SCHEDULES = ["6月—7月", "9月", "6月至8月", "每月第二个周六", "7月下旬", "第三季度", "10月"]


def theme_values(rng, unit):
    rows = []
    for k, name in enumerate(rng.sample(ACTIVITIES, rng.randrange(1, 6))):
        rows.append({"序号": k + 1, "活动名称": f"{short_of(unit)}{name}", "活动形式": rng.choice(FORMS_OF),
                     "时间安排": rng.choice(SCHEDULES), "主要内容和形式（100字内）": f"组织辖区职工参加{name}。",
                     "参与人数": rng.randrange(20, 600)})
    return {"unit": unit, "联系人": person(rng), "联系电话": phone(rng),
            "填报日期": date_typed(rng, when(rng, dt.date(2018, 6, 1), dt.date(2018, 6, 14), hour=False)), "rows": rows}


TEAM_KINDS = ["法律援助", "心理关爱", "技能帮扶", "文明宣传", "帮困送暖", "环保", "健康义诊", "急救知识普及"]


def team_values(rng, unit):
    rows = []
    for k, kind in enumerate(rng.sample(TEAM_KINDS, rng.randrange(1, 5))):
        formed = when(rng, dt.date(2012, 1, 1), dt.date(2018, 5, 1), hour=False)
        rows.append({"序号": k + 1, "登记服务队名称": f"{short_of(unit)}职工{kind}志愿服务队",
                     "负责人姓名及职务": f"{person(rng)} {rng.choice(['工会主席', '工会副主席', '干事', '高级技师'])}",
                     "服务队人数": rng.randrange(5, 40),
                     "服务队组建时间": rng.choice([formed, f"{formed.year}年{formed.month}月", f"{formed.year}.{formed.month}.{formed.day}"]),
                     "服务内容（50字内）": f"开展{kind}志愿服务。",
                     "服务成效简介（100字内，新组队可不填）": f"累计服务职工{rng.randrange(50, 900)}人次。"})
    return {"unit": unit, "联系人": person(rng), "联系电话": phone(rng),
            "填报日期": date_typed(rng, when(rng, dt.date(2018, 6, 1), dt.date(2018, 6, 14), hour=False)), "rows": rows}


# When each form's returns are sent (file times, all before the notice's deadline).
SENT = {
    "festival-project": (dt.date(2017, 5, 2), dt.date(2017, 5, 11)),
    "festival-stats": (dt.date(2017, 5, 24), dt.date(2017, 5, 31)),
    "studio-summary": (dt.date(2020, 11, 2), dt.date(2020, 11, 12)),
    "studio-application": (dt.date(2020, 11, 2), dt.date(2020, 11, 12)),
    "yangpu-theme-activity": (dt.date(2018, 6, 1), dt.date(2018, 6, 14)),
    "yangpu-volunteer-team": (dt.date(2018, 6, 1), dt.date(2018, 6, 14)),
}
