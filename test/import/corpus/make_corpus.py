"""A corpus of notices as they really arrive at a district union office (issue 21 §4).

Thirteen notices written the way union offices write them, by python-docx (LibreOffice for the .doc, openpyxl for an
office's own Excel form), from the issue's description and real notices' habits (seed 003's style: blank lines
before the 文号, a title over two lines, a 名单 after the signature) — never from the program's output. What each
should give is written by hand in expected/<id>.json.

Usage: /usr/bin/python3 make_corpus.py <output folder>
Writes <output>/<id>/ per notice (one or several files), and prints the ids written.
"""

import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl
from openpyxl.styles import Alignment, Border, Font, Side

from docx_habits import (landscape_section, lines, new_document, page_break, portrait_section, put, repeat_header,
                         sym_box, table)

BOX = "□"


def n01_reading_room(folder):
    """A lone 附件 after the signature; the notice's title over two lines; a deadline with its year; boxes after
    and before their words; （请在□内打√）; fields the receiving office fills; quantities in 人 册 平方米 小时 人次 次."""
    doc = new_document()
    lines(doc, "上海市总工会", "沪工总宣〔2022〕45号",
          "关于开展2022年度全国“职工书屋”示范点", "推荐申报工作的通知",
          "各区局（产业）工会：",
          "为深入推进职工书屋建设，丰富职工精神文化生活，经研究，决定开展2022年度全国“职工书屋”示范点推荐申报工作。现将有关事项通知如下：",
          "一、申报条件",
          "（一）有固定场所，面积不少于50平方米；（二）藏书不少于2000册，每周开放时间不少于20小时；（三）有专人管理。",
          "二、申报程序",
          "请各区局（产业）工会认真组织推荐，填写《职工书屋示范点申报表》（见附件），经审核盖章后，于2022年12月9日前报送市总工会宣传教育部，同时发送电子版。",
          "联系人：王老师，电话：021-63211234",
          "附件：职工书屋示范点申报表",
          "上海市总工会", "2022年11月18日")
    page_break(doc)
    lines(doc, "附件", "职工书屋示范点申报表")
    t = table(doc, 13, 4)
    put(t, 0, 0, "编号（由市总工会填写）")
    put(t, 0, 2, "受理日期")
    put(t, 1, 0, "单位名称")
    put(t, 1, 1, "", 3)
    put(t, 2, 0, "单位地址")
    put(t, 2, 1, "", 3)
    put(t, 3, 0, "职工人数（人）")
    put(t, 3, 2, "书屋面积（平方米）")
    put(t, 4, 0, "现有藏书（册）")
    put(t, 4, 2, "每周开放时间（小时）")
    put(t, 5, 0, "年度借阅人次")
    put(t, 5, 2, "年度举办读书活动（次）")
    put(t, 6, 0, "是否有专人管理")
    put(t, 6, 1, "□是　□否")
    put(t, 6, 2, "是否接入数字职工书屋")
    put(t, 6, 3, "是□　否□")
    put(t, 7, 0, "书屋类型（请在□内打√）")
    put(t, 7, 1, "□独立设置　□与职工之家合建　□流动书屋", 3)
    put(t, 8, 0, "联系人")
    put(t, 8, 2, "联系电话")
    put(t, 9, 0, "书屋建设情况简介（300字以内）")
    put(t, 9, 1, "", 3)
    put(t, 10, 0, "区局（产业）工会审核意见")
    put(t, 10, 1, "（盖章）\n年　　月　　日", 3)
    put(t, 11, 0, "考核等次（由考核组填写）")
    put(t, 11, 1, "", 3)
    put(t, 12, 0, "注：本表一式两份，请用A4纸打印。", 3)
    doc.save(os.path.join(folder, "关于开展2022年度全国职工书屋示范点推荐申报工作的通知.docx"))


def n02_winter_warmth(folder):
    """"附件：title" on one line; 文号 in [ ]; 之前 without a year; a landscape section; two-level headers; a printed
    合计 row; a 填表说明 row; 人次 and 万元."""
    doc = new_document()
    lines(doc, "上海市总工会", "沪工总保[2023]3号",
          "关于做好2023年元旦春节期间送温暖活动情况统计工作的通知",
          "各区局（产业）工会：",
          "为全面掌握2023年元旦春节期间送温暖活动开展情况，请各单位认真做好统计，于1月15日之前将统计表报送市总工会保障工作部（电子版发送至工作邮箱）。",
          "附件：2023年元旦春节送温暖活动情况统计表",
          "上海市总工会", "2022年12月20日")
    landscape_section(doc)
    lines(doc, "附件：2023年元旦春节送温暖活动情况统计表",
          "填报单位（盖章）：　　　　　　　　　　　　　　　　　　填报日期：　　年　　月　　日")
    t = table(doc, 12, 9)
    put(t, 0, 0, "序号", last_row=1)
    put(t, 0, 1, "基层单位名称", last_row=1)
    put(t, 0, 2, "慰问困难职工", 3)
    put(t, 0, 4, "慰问劳动模范", 5)
    put(t, 0, 6, "慰问一线职工", 7)
    put(t, 0, 8, "备注", last_row=1)
    for c, text in enumerate(["人数（人）", "金额（万元）", "人数（人）", "金额（万元）", "人次", "金额（万元）"], start=2):
        put(t, 1, c, text)
    for r in range(2, 10):
        put(t, r, 0, str(r - 1))
    put(t, 10, 0, "合　计", 1)
    put(t, 11, 0, "填表说明：1．金额单位为万元，保留两位小数；2．慰问一线职工按人次统计；3．表格不够可自行增加行。", 8)
    lines(doc, "填表人：　　　　　　　　联系电话：")
    portrait_section(doc)
    doc.save(os.path.join(folder, "送温暖统计通知.docx"))


def n03_skills_contest(folder):
    """附件１ 附件２ with full-width digits; 文号 in 【】; a deadline per attachment (前, 截止); ☐ and ■ boxes; a √
    column; a list running over pages with its header repeated (w:tblHeader)."""
    doc = new_document()
    lines(doc, "上海市总工会", "沪工技【2022】12号",
          "关于举办2022年上海市职工职业技能竞赛的通知",
          "各区局（产业）工会、各有关单位：",
          "为弘扬劳模精神、劳动精神、工匠精神，市总工会决定举办2022年上海市职工职业技能竞赛。现将有关事项通知如下：",
          "一、竞赛项目",
          "各单位可结合实际申报竞赛项目，每个项目须有不少于30名职工参赛。",
          "二、报名办法",
          "（一）请各单位填写《竞赛项目申报表》（附件１），于3月31日前报送市职工技协。",
          "（二）参赛选手报名截止4月15日，请各单位按时报送《参赛选手报名表》（附件２）。",
          "附件：１．竞赛项目申报表",
          "　　　２．参赛选手报名表",
          "上海市总工会", "2022年3月1日")
    page_break(doc)
    lines(doc, "附件１", "竞赛项目申报表")
    t = table(doc, 8, 4)
    put(t, 0, 0, "项目名称")
    put(t, 0, 1, "", 3)
    put(t, 1, 0, "主办单位")
    put(t, 1, 2, "承办单位")
    put(t, 2, 0, "竞赛工种")
    put(t, 2, 2, "参赛人数（人）")
    put(t, 3, 0, "预计经费（万元）")
    put(t, 3, 2, "培训课时（小时）")
    put(t, 4, 0, "是否纳入市级竞赛")
    put(t, 4, 1, "☐是　☐否")
    put(t, 4, 2, "是否设立奖金")
    put(t, 4, 3, "■是　■否")
    put(t, 5, 0, "竞赛级别")
    put(t, 5, 1, "☐市级　☐区级　☐企业级", 3)
    put(t, 6, 0, "竞赛时间")
    put(t, 6, 2, "竞赛地点")
    put(t, 7, 0, "联系人")
    put(t, 7, 2, "手机")
    page_break(doc)
    lines(doc, "附件２", "参赛选手报名表", "单位名称：　　　　　　　　　　　　　　　　（盖章）")
    heads = ["序号", "姓名", "性别", "出生年月", "工种", "技能等级", "持证上岗（√）", "联系电话"]
    t = table(doc, 61, len(heads))
    for c, text in enumerate(heads):
        put(t, 0, c, text)
    repeat_header(t.rows[0])
    doc.save(os.path.join(folder, "技能竞赛通知.docx"))


def n04_may_day(folder):
    """附件一 附件二 附件三 in Chinese numerals; 文号 padded with a space; one deadline for all; a 名单 without a
    table to fill (not a form)."""
    doc = new_document()
    lines(doc, "上海市浦东新区总工会", "浦工〔2021〕 8号",
          "关于推荐2021年度区五一劳动奖章和工人先锋号的通知",
          "各基层工会：",
          "根据区总工会年度工作安排，现开展2021年度区五一劳动奖章和工人先锋号推荐工作。",
          "请各基层工会严格按照条件做好推荐，填写推荐审批表（附件一、附件二），于5月10日前报送区总工会经济工作部。评审委员会名单见附件三。",
          "附件：一、区五一劳动奖章推荐审批表", "　　　二、区工人先锋号推荐表", "　　　三、2021年度评审委员会成员名单",
          "上海市浦东新区总工会", "2021年4月6日")
    page_break(doc)
    lines(doc, "附件一", "区五一劳动奖章推荐审批表")
    t = table(doc, 7, 6)
    for r, trio in enumerate([("姓名", "性别", "出生年月"), ("民族", "政治面貌", "文化程度")]):
        for k, text in enumerate(trio):
            put(t, r, 2 * k, text)
    put(t, 2, 0, "工作单位及职务")
    put(t, 2, 1, "", 5)
    put(t, 3, 0, "技术职称")
    put(t, 3, 1, "", 3)
    put(t, 3, 4, "联系电话")
    put(t, 4, 0, "是否劳动模范")
    put(t, 4, 1, "□是　□否")
    put(t, 4, 2, "曾获荣誉")
    put(t, 4, 3, "", 5)
    put(t, 5, 0, "主要事迹（300字以内）")
    put(t, 5, 1, "", 5)
    put(t, 6, 0, "区总工会审核意见")
    put(t, 6, 1, "（盖章）\n年　　月　　日", 5)
    page_break(doc)
    lines(doc, "附件二", "区工人先锋号推荐表")
    t = table(doc, 6, 4)
    put(t, 0, 0, "班组名称")
    put(t, 0, 1, "", 3)
    put(t, 1, 0, "所在单位")
    put(t, 1, 1, "", 3)
    put(t, 2, 0, "班组人数（人）")
    put(t, 2, 2, "其中：女职工（人）")
    put(t, 3, 0, "班组长")
    put(t, 3, 2, "联系电话")
    put(t, 4, 0, "主要事迹（500字左右）")
    put(t, 4, 1, "", 3)
    put(t, 5, 0, "区总工会审核意见")
    put(t, 5, 1, "（盖章）\n年　　月　　日", 3)
    page_break(doc)
    lines(doc, "附件三", "2021年度评审委员会成员名单",
          "主　任：陈建华　区总工会常务副主席",
          "副主任：刘　芳　区总工会副主席",
          "委　员：周　敏　区总工会经济工作部部长",
          "　　　　孙立新　区人力资源和社会保障局职业能力建设科科长",
          "　　　　黄　涛　区科学技术委员会综合科科长",
          "评审委员会办公室设在区总工会经济工作部。")
    doc.save(os.path.join(folder, "五一推荐通知.docx"))


def n05_innovation(folder):
    """No 文号; the body lists "附件：1．… 2．…" and the forms follow the signature under their titles only; a
    deadline written 截止 with its year; a 合计 row; （%）."""
    doc = new_document()
    lines(doc, "关于征集2023年度上海市职工优秀创新成果的通知",
          "各区局（产业）工会、职工技协：",
          "为推动职工技术创新成果转化应用，市职工技协决定开展2023年度职工优秀创新成果征集活动。",
          "请各单位组织基层申报，每项成果填写一份申报表，由区局（产业）工会汇总后报送。申报截止时间：2023年9月30日。",
          "附件：1．职工创新成果申报表　2．职工创新成果汇总表",
          "上海市职工技术协会", "2023年7月10日")
    page_break(doc)
    lines(doc, "职工创新成果申报表")
    t = table(doc, 8, 4)
    put(t, 0, 0, "成果名称")
    put(t, 0, 1, "", 3)
    put(t, 1, 0, "完成单位")
    put(t, 1, 1, "", 3)
    put(t, 2, 0, "第一完成人")
    put(t, 2, 2, "参与人数（人）")
    put(t, 3, 0, "成果类别")
    put(t, 3, 1, "□技术革新　□发明创造　□合理化建议　□先进操作法", 3)
    put(t, 4, 0, "是否获得专利")
    put(t, 4, 1, "是□　否□")
    put(t, 4, 2, "专利号")
    put(t, 5, 0, "开始应用时间")
    put(t, 5, 2, "年创经济效益（万元）")
    put(t, 6, 0, "节约工时（小时）")
    put(t, 6, 2, "成果转化率（%）")
    put(t, 7, 0, "成果简介（500字以内）")
    put(t, 7, 1, "", 3)
    page_break(doc)
    lines(doc, "职工创新成果汇总表", "填报单位：　　　　　　　　　　　　　　　　　　　　年　　月　　日")
    heads = ["序号", "成果名称", "完成单位", "第一完成人", "参与人数（人）", "年创经济效益（万元）", "备注"]
    t = table(doc, 12, len(heads))
    for c, text in enumerate(heads):
        put(t, 0, c, text)
    for r in range(1, 11):
        put(t, r, 0, str(r))
    put(t, 11, 0, "合计", 1)
    lines(doc, "联系人：　　　　　　　　电话：")
    doc.save(os.path.join(folder, "创新成果征集通知.docx"))


def office_xlsx(path):
    """An office's own Excel form: 附件2 above a merged title row, the unit line, a bordered list with 序号 printed
    and a 合计 row with SUM formulas, the contact line under it."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "汇总表"
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    ws["A1"] = "附件2"
    ws["A2"] = "女职工关爱室建设情况汇总表"
    ws.merge_cells("A2:F2")
    ws["A2"].font = Font(name="方正小标宋简体", size=18)
    ws["A2"].alignment = Alignment(horizontal="center")
    ws["A3"] = "填报单位（盖章）："
    ws["E3"] = "填报日期："
    heads = ["序号", "单位名称", "女职工人数（人）", "关爱室面积（平方米）", "年度使用人次", "备注"]
    for c, text in enumerate(heads, start=1):
        ws.cell(row=4, column=c, value=text)
    for r in range(5, 15):
        ws.cell(row=r, column=1, value=r - 4)
    ws["A15"] = "合计"
    ws.merge_cells("A15:B15")
    for col in "CDE":
        ws[f"{col}15"] = f"=SUM({col}5:{col}14)"
    for row in ws.iter_rows(min_row=4, max_row=15, max_col=6):
        for cell in row:
            cell.border = box
    ws["A16"] = "联系人："
    ws["D16"] = "联系电话："
    for col, width in zip("ABCDEF", [6, 28, 16, 20, 14, 16]):
        ws.column_dimensions[col].width = width
    wb.save(path)


def n06_separate_files(folder):
    """A notice sent as separate files: the notice, 附件1 as its own .docx, 附件2 as the office's own .xlsx."""
    doc = new_document()
    lines(doc, "上海市总工会女职工委员会", "沪工总女〔2022〕17号",
          "关于开展2022年度女职工关爱室建设情况调查的通知",
          "各区局（产业）工会女职工委员会：",
          "为了解女职工关爱室建设和使用情况，现开展调查。请各单位组织所属基层单位填写登记表（附件1），汇总后填写汇总表（附件2），于11月25日前一并报送市总工会女职工委员会。",
          "附件：1．女职工关爱室建设情况登记表", "　　　2．女职工关爱室建设情况汇总表",
          "上海市总工会女职工委员会", "2022年11月1日")
    doc.save(os.path.join(folder, "关于开展2022年度女职工关爱室建设情况调查的通知.docx"))
    doc = new_document()
    lines(doc, "附件1", "女职工关爱室建设情况登记表")
    t = table(doc, 7, 4)
    put(t, 0, 0, "单位名称")
    put(t, 0, 1, "", 3)
    put(t, 1, 0, "女职工人数（人）")
    put(t, 1, 2, "关爱室面积（平方米）")
    put(t, 2, 0, "是否配备冰箱")
    put(t, 2, 1, "□是　□否")
    put(t, 2, 2, "是否配备哺乳椅")
    put(t, 2, 3, "☐是　☐否")
    put(t, 3, 0, "年度使用人次")
    put(t, 3, 2, "每日开放时间（小时）")
    put(t, 4, 0, "建成时间")
    put(t, 4, 2, "联系电话")
    put(t, 5, 0, "联系人")
    put(t, 5, 1, "", 3)
    put(t, 6, 0, "备注")
    put(t, 6, 1, "", 3)
    doc.save(os.path.join(folder, "附件1 女职工关爱室建设情况登记表.docx"))
    office_xlsx(os.path.join(folder, "附件2 女职工关爱室建设情况汇总表.xlsx"))


def n07_walk(folder, soffice_profile):
    """A Word 97-2003 .doc (saved by LibreOffice); an 实施方案 attachment without a table (not a form); a 填表说明
    row in the list."""
    doc = new_document()
    lines(doc, "上海市杨浦区总工会", "杨工〔2022〕9号",
          "关于组织参加2022年杨浦区职工健步走活动的通知",
          "各基层工会：",
          "为倡导健康生活方式，区总工会决定组织开展2022年杨浦区职工健步走活动。请各基层工会组织职工报名，填写《健步走活动报名表》（附件1），于10月20日前报送区总工会宣教部。活动安排见实施方案（附件2）。",
          "附件：1. 健步走活动报名表", "　　　2. 2022年杨浦区职工健步走活动实施方案",
          "上海市杨浦区总工会", "2022年9月26日")
    page_break(doc)
    lines(doc, "附件1", "健步走活动报名表", "单位（盖章）：　　　　　　　　　　联系人：　　　　　　联系电话：")
    heads = ["序号", "姓名", "性别", "年龄", "联系电话", "是否工会会员", "参加路线"]
    t = table(doc, 18, len(heads))
    for c, text in enumerate(heads):
        put(t, 0, c, text)
    put(t, 17, 0, "填表说明：是否工会会员填“是”或“否”；参加路线填“A线”或“B线”。", len(heads) - 1)
    page_break(doc)
    lines(doc, "附件2", "2022年杨浦区职工健步走活动实施方案",
          "一、活动时间：2022年11月5日（星期六）上午8:30",
          "二、活动地点：杨浦滨江",
          "三、活动路线：A线（5公里）、B线（10公里）",
          "四、活动要求：各基层工会做好安全教育，参加人员着运动装。")
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "健步走通知.docx")
        doc.save(source)
        subprocess.run(["soffice", f"-env:UserInstallation=file://{soffice_profile}", "--headless",
                        "--convert-to", "doc", "--outdir", folder, source],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
    if not os.path.exists(os.path.join(folder, "健步走通知.doc")):
        raise SystemExit("LibreOffice wrote no .doc")


def n08_hardship_ledger(folder):
    """"附件：" alone as the heading; 文号 with spaces; a long list over pages with its header repeated."""
    doc = new_document()
    lines(doc, "上海市总工会", "沪工总帮〔2022〕 21 号",
          "关于报送2022年度困难职工帮扶工作台账的通知",
          "各区局（产业）工会：",
          "请各单位将本年度困难职工帮扶情况逐人登记，于2022年12月31日前报送市总工会帮扶中心。",
          "附件：困难职工帮扶工作台账",
          "上海市总工会", "2022年12月1日")
    page_break(doc)
    lines(doc, "附件：", "困难职工帮扶工作台账", "填报单位：")
    heads = ["序号", "姓名", "性别", "工作单位", "家庭人口（人）", "致困原因", "帮扶金额（万元）", "帮扶日期"]
    t = table(doc, 42, len(heads))
    for c, text in enumerate(heads):
        put(t, 0, c, text)
    repeat_header(t.rows[0])
    put(t, 41, 0, "合计", 1)
    lines(doc, "填表人：　　　　　　　　联系电话：")
    doc.save(os.path.join(folder, "帮扶台账通知.docx"))


def n09_rest_leave(folder):
    """A title over three lines; a list continued under 续表 after a page break, its header repeated by hand; a
    名单 printed as a filled table (not a form)."""
    doc = new_document()
    lines(doc, "上海市闵行区总工会", "闵工〔2023〕6号",
          "关于开展2023年度", "闵行区职工疗休养工作", "情况统计的通知",
          "各基层工会：",
          "请各基层工会如实统计本年度职工疗休养情况，填写附件1，于2023年12月15日前报送区总工会。区总工会推荐的疗休养基地见附件2。",
          "附件：1．职工疗休养情况统计表", "　　　2．疗休养基地名单",
          "上海市闵行区总工会", "2023年11月20日")
    page_break(doc)
    lines(doc, "附件1", "职工疗休养情况统计表", "填报单位：")
    heads = ["序号", "基层单位", "参加人数（人）", "其中：劳模（人）", "费用合计（万元）", "疗休养地点", "备注"]
    first = table(doc, 13, len(heads))
    for c, text in enumerate(heads):
        put(first, 0, c, text)
    for r in range(1, 13):
        put(first, r, 0, str(r))
    page_break(doc)
    lines(doc, "续表")
    second = table(doc, 11, len(heads))
    for c, text in enumerate(heads):
        put(second, 0, c, text)
    for r in range(1, 11):
        put(second, r, 0, str(12 + r))
    lines(doc, "填表人：　　　　　　联系电话：")
    page_break(doc)
    lines(doc, "附件2", "疗休养基地名单")
    bases = [("1", "浙江安吉职工疗休养基地", "安吉县递铺街道", "0572-5121234"),
             ("2", "江苏溧阳天目湖职工疗休养基地", "溧阳市天目湖镇", "0519-87981234"),
             ("3", "安徽黄山职工疗休养基地", "黄山市黄山区", "0559-5561234"),
             ("4", "崇明东平职工疗休养基地", "崇明区东平镇", "021-59331234")]
    t = table(doc, 1 + len(bases), 4)
    for c, text in enumerate(["序号", "基地名称", "地址", "联系电话"]):
        put(t, 0, c, text)
    for r, base in enumerate(bases, start=1):
        for c, text in enumerate(base):
            put(t, r, c, text)
    doc.save(os.path.join(folder, "疗休养统计通知.docx"))


def n10_seed_003(folder):
    """Seed 003's style: blank lines and a padded 文号 in [ ], a 实施方案 whose title runs over two lines, and only a
    成员名单 as its attachment — no form at all."""
    doc = new_document()
    for _ in range(6):
        doc.add_paragraph("")
    lines(doc, "                    滨会发[2015]18号                ",
          "关于组织开展全市职工技术创新竞赛", "活动的实施方案",
          "为进一步加强职工技术创新工作，组织动员广大职工主动适应经济发展新常态，积极参与创新实践，市总工会等8部门联合决定，自2015年起，在全市职工中组织开展职工技术创新竞赛活动。具体方案如下：",
          "1、 指导思想", "全面贯彻落实党的十八大精神，在全市广大职工中深入开展技术创新竞赛活动。",
          "四、方法步骤",
          "1、动员部署阶段（3月1日-3月31日）。各县区各单位要认真研究制定活动实施方案。",
          "3、总结提高阶段（11月1日-11月30日）。各级工会要对活动开展情况进行阶段性总结。",
          "附件：滨州市职工技术创新竞赛协调小组成员名单",
          "滨州市总工会              滨州市经济和信息化委员会",
          "滨州市科学技术局                滨州市财政局",
          "2015年3月13日",
          "附件", "", "滨州市职工技术创新竞赛活动", "协调小组成员名单",
          "组  长：耿庆东   市总工会常务副主席",
          "副组长：马士明   市经济和信息化委员会副调研员",
          "        冯明江   市科学技术局副局长",
          "成  员：蔡洪霞   市总工会生产保护部部长",
          "        杨建刚   市经济和信息化委员会企业科科长",
          "协调小组下设办公室，办公室设在市总工会。")
    doc.save(os.path.join(folder, "滨会发2015-18.docx"))


def n11_legal_aid(folder):
    """附件1： with a colon and the form's title over two lines; deadlines per attachment (截止日期 with a year for
    one, 前 for the other); a landscape list; counts in 次 and 人."""
    doc = new_document()
    lines(doc, "上海市总工会", "沪工总法〔2023〕5号",
          "关于推荐2023年度上海市职工法律援助服务站的通知",
          "各区局（产业）工会：",
          "为进一步做好职工法律援助工作，市总工会决定开展2023年度职工法律援助服务站推荐工作。",
          "请各单位填写推荐表（附件1），推荐材料报送截止日期：2023年6月30日；推荐汇总表（附件2）请于6月20日前先行报送。",
          "附件：1．上海市职工法律援助服务站推荐表", "　　　2．职工法律援助服务站推荐汇总表",
          "上海市总工会", "2023年5月15日")
    page_break(doc)
    lines(doc, "附件1：", "上海市职工法律援助服务站", "推荐表")
    t = table(doc, 7, 4)
    put(t, 0, 0, "服务站名称")
    put(t, 0, 1, "", 3)
    put(t, 1, 0, "所在单位")
    put(t, 1, 1, "", 3)
    put(t, 2, 0, "服务职工人数（人）")
    put(t, 2, 2, "值班律师人数")
    put(t, 3, 0, "年度接待咨询（次）")
    put(t, 3, 2, "是否设立热线电话")
    p = t.cell(3, 3).paragraphs[0]
    sym_box(p, "是　")
    sym_box(p, "否")
    put(t, 4, 0, "负责人")
    put(t, 4, 2, "联系电话")
    put(t, 5, 0, "服务站工作情况（500字以内）")
    put(t, 5, 1, "", 3)
    put(t, 6, 0, "受理日期")
    put(t, 6, 2, "审核意见")
    landscape_section(doc)
    lines(doc, "附件2：", "职工法律援助服务站推荐汇总表", "推荐单位：")
    heads = ["序号", "服务站名称", "所在单位", "服务职工人数（人）", "年度接待咨询（次）", "负责人", "联系电话"]
    t = table(doc, 9, len(heads))
    for c, text in enumerate(heads):
        put(t, 0, c, text)
    doc.save(os.path.join(folder, "法律援助服务站推荐通知.docx"))


def n12_ankang_cup(folder):
    """Habits of real notices beyond the issue's list: 附件1 and the title in one paragraph split by a line break,
    empty paragraphs, labels justified with spaces (单 位 名 称, 邮　　编), a weekday in the deadline ("12月9日（星期五）
    前"), the signature date in Chinese numerals, "是（　）否（　）", and a form whose title and unit line are the
    first rows of its own table."""
    doc = new_document()
    lines(doc, "上海市总工会", "沪工总劳〔2022〕30号",
          "关于开展2022年度“安康杯”竞赛活动总结评比工作的通知",
          "各区局（产业）工会：",
          "为总结2022年度“安康杯”竞赛活动，经研究，决定开展总结评比工作。请各单位认真总结，填写申报表（附件1）和汇总表（附件2），请于12月9日（星期五）前报送市总工会劳动保护部。",
          "附件：1．“安康杯”竞赛优胜单位申报表", "　　　2．“安康杯”竞赛优胜班组申报汇总表",
          "上海市总工会", "二〇二二年十一月二十一日")
    page_break(doc)
    heading = doc.add_paragraph("附件1")
    heading.add_run().add_break()
    heading.add_run("“安康杯”竞赛优胜单位申报表")
    doc.add_paragraph("")
    t = table(doc, 6, 4)
    put(t, 0, 0, "单 位 名 称")
    put(t, 0, 1, "", 3)
    put(t, 1, 0, "职工总数（人）")
    put(t, 1, 2, "参赛班组（个）")
    put(t, 2, 0, "安全生产投入（万元）")
    put(t, 2, 2, "事故率（%）")
    put(t, 3, 0, "是否发生重大事故")
    put(t, 3, 1, "是（　）　否（　）")
    put(t, 3, 2, "联 系 人")
    put(t, 4, 0, "联系电话")
    put(t, 4, 2, "邮　　编")
    put(t, 5, 0, "主要做法（500字以内）")
    put(t, 5, 1, "", 3)
    page_break(doc)
    lines(doc, "附件2", "")
    heads = ["序号", "班组名称", "所在单位", "班组人数（人）", "班组长", "备注"]
    t = table(doc, 11, len(heads))
    put(t, 0, 0, "“安康杯”竞赛优胜班组申报汇总表", len(heads) - 1)
    put(t, 1, 0, "填报单位：　　　　　　　　　　　　　　填报日期：　　年　　月　　日", len(heads) - 1)
    for c, text in enumerate(heads):
        put(t, 2, c, text)
    doc.save(os.path.join(folder, "安康杯评比通知.docx"))


def n13_model_home(folder):
    """Written after the importer had been measured on the twelve others, to see how it does on a notice it was
    not tuned on: 附件1 and 附件2 are a 评选标准 in text and a filled 名额分配表 (neither a form), 附件3 the form; a
    deadline with a weekday and an hour; the unit and its stamp in the table's first row; 有□ 无□; office rows."""
    doc = new_document()
    lines(doc, "上海市总工会", "沪工总组〔2024〕 7 号",
          "关于开展2024年度模范职工之家", "评选推荐工作的通知",
          "各区局（产业）工会：",
          "根据全国总工会有关要求，现开展2024年度模范职工之家评选推荐工作。推荐名额见附件2。",
          "请各单位按照评选标准（附件1）认真推荐，填写《模范职工之家推荐表》（附件3），请于2024年3月15日（星期五）17:00前报送市总工会组织部。",
          "附件：1．模范职工之家评选标准", "　　　2．推荐名额分配表", "　　　3．模范职工之家推荐表",
          "上海市总工会", "2024年2月26日")
    page_break(doc)
    lines(doc, "附件1", "模范职工之家评选标准",
          "一、组织健全，工会领导班子团结有力。", "二、民主管理制度完善，职工代表大会制度坚持良好。",
          "三、维权服务成效明显，职工满意度高。")
    page_break(doc)
    lines(doc, "附件2", "推荐名额分配表")
    t = table(doc, 5, 2)
    for r, (a, b) in enumerate([("区局（产业）工会", "推荐名额（个）"), ("浦东新区总工会", "3"), ("黄浦区总工会", "2"),
                                ("建设交通工会", "2"), ("金融工会", "1")]):
        put(t, r, 0, a)
        put(t, r, 1, b)
    page_break(doc)
    lines(doc, "附件3", "模范职工之家推荐表")
    t = table(doc, 10, 4)
    put(t, 0, 0, "申报单位（盖章）")
    put(t, 0, 1, "", 3)
    put(t, 1, 0, "单位性质")
    put(t, 1, 1, "□国有　□民营　□外资　□其他", 3)
    put(t, 2, 0, "会员人数（人）")
    put(t, 2, 2, "年度工会经费收入（万元）")
    put(t, 3, 0, "建会时间")
    put(t, 3, 2, "是否建立职代会")
    put(t, 3, 3, "有□　无□")
    put(t, 4, 0, "工会主席")
    put(t, 4, 2, "手　　机")
    put(t, 5, 0, "通讯地址")
    put(t, 5, 2, "邮政编码")
    put(t, 6, 0, "主要事迹（200字左右）")
    put(t, 6, 1, "", 3)
    put(t, 7, 0, "区局（产业）工会推荐意见")
    put(t, 7, 1, "（盖章）\n年　　月　　日", 3)
    put(t, 8, 0, "市总工会复核意见")
    put(t, 8, 1, "", 3)
    put(t, 9, 0, "评定结果（由评审组填写）")
    put(t, 9, 1, "", 3)
    doc.save(os.path.join(folder, "模范职工之家推荐通知.docx"))


NOTICES = {
    "n01-reading-room": n01_reading_room,
    "n02-winter-warmth": n02_winter_warmth,
    "n03-skills-contest": n03_skills_contest,
    "n04-may-day": n04_may_day,
    "n05-innovation": n05_innovation,
    "n06-separate-files": n06_separate_files,
    "n07-walk-doc": n07_walk,
    "n08-hardship-ledger": n08_hardship_ledger,
    "n09-rest-leave": n09_rest_leave,
    "n10-seed-003": n10_seed_003,
    "n11-legal-aid": n11_legal_aid,
    "n12-ankang-cup": n12_ankang_cup,
    "n13-model-home": n13_model_home,
}


def main(out):
    profile = tempfile.mkdtemp(prefix="uf-corpus-soffice-")
    try:
        for name, make in NOTICES.items():
            folder = os.path.join(out, name)
            os.makedirs(folder, exist_ok=True)
            if make is n07_walk:
                make(folder, profile)
            else:
                make(folder)
            print(name, flush=True)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


main(sys.argv[1])
