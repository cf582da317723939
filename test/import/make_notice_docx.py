"""Word files of the three seed notices, as a clerk would retype them in Word (issue 13 §1).

Written with python-docx, a writer other than the program's own, from the notice texts in
test/fixtures/notices/ (000, 002, 004) and never from the program's form definitions: merged cells through
cell.merge, □ typed or inserted as a Wingdings symbol (w:sym, as Word's Insert Symbol does), underscores for
blanks, "年 月 日" cells, the 附件 line, title, unit line above each table and 注/联系人 lines below.

Usage: /usr/bin/python3 make_notice_docx.py <output folder>
"""

import os
import sys

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

BOX = "□"


def para(doc, text):
    return doc.add_paragraph(text)


def sym_box(paragraph):
    """A □ inserted as Word's Insert Symbol does: Wingdings character 0xA8 in a w:sym element."""
    run = paragraph.add_run()
    sym = OxmlElement("w:sym")
    sym.set(qn("w:font"), "Wingdings")
    sym.set(qn("w:char"), "F0A8")
    run._r.append(sym)


def options(cell, names, symbol=False, sep="　"):
    """Tick boxes in a cell: □ typed, or Wingdings symbols."""
    p = cell.paragraphs[0]
    for i, name in enumerate(names):
        if symbol:
            sym_box(p)
            p.add_run(name + (sep if i < len(names) - 1 else ""))
        else:
            p.add_run(BOX + name + (sep if i < len(names) - 1 else ""))


def merge_row(table, row, first, last, text=None):
    cell = table.cell(row, first).merge(table.cell(row, last))
    if text is not None:
        cell.text = text
    return cell


def festival(out):
    doc = Document()
    for line in ["上海市总工会", "上海市发展和改革委员会", "上海市科学技术委员会", "上海市教育委员会",
                 "上海市人力资源和社会保障局", "上海市知识产权局", "共青团上海市委员会", "上海市科学技术协会",
                 "沪工总基〔2017〕153号", "关于举办第七届上海职工科技节的通知",
                 "各区局（产业）工会，各区发展和改革委员会、科学技术委员会、教育局、人力资源和社会保障局、知识产权局、科学技术协会，各区局（产业）团委：",
                 "上海市推进职工科技创新工作联席会议决定，在 2017 年 5 月份全国科技活动周和上海科技节期间，举办第七届上海职工科技节。有关事项通知如下：",
                 "三、活动时间", "2017 年 5 月 22 日 ~ 6 月 2 日",
                 "（一）组委会办公室将编写《第七届上海职工科技节活动概览》。请各区局（产业）工会将本单位的主要活动项目，填写《第七届上海职工科技节活动项目申报表》（附件1），并在5月12日前报送上海职工科技节组委会办公室（同时发送电子文本）。",
                 "（二）为总结第七届上海职工科技节活动情况，评选表彰优秀组织单位，请各区局（产业）工会在6月1日前填好《第七届上海职工科技节活动情况统计表》（附件2），并报送上海职工科技节组委会办公室。",
                 "附件：1. 第七届上海职工科技节活动项目申报表", "2. 第七届上海职工科技节活动情况统计表",
                 "上海市总工会", "上海市科学技术协会", "2017年5月3日"]:
        para(doc, line)

    para(doc, "附件 1")
    para(doc, "第七届上海职工科技节活动项目申报表")
    para(doc, "申报单位:　　　　　　　　　　　　　　　　月　　日")
    t = doc.add_table(rows=8, cols=4)
    t.style = "Table Grid"
    for r, text in enumerate(["活动项目名称", "主办单位", "承办单位", "协办单位"]):
        t.cell(r, 0).text = text
        merge_row(t, r, 1, 3)
    for r, (a, b) in enumerate([("举办时间", "举办地点"), ("参加对象", "参加人数"), ("联系人姓名", "联系电话")], start=4):
        t.cell(r, 0).text = a
        t.cell(r, 2).text = b
    t.cell(7, 0).text = "主要活动项目简介"
    merge_row(t, 7, 1, 3)
    para(doc, "注: 1. 一项活动项目填写一份申报表")
    para(doc, "2. 请于 5 月 12 日前报送第七届上海职工科技节组委会办公室")

    para(doc, "附件 2")
    para(doc, "第七届上海职工科技节活动情况统计表")
    para(doc, "单位：　　　　　　　　　　　　　　　　　　　月　　日")
    items = ["是否制定开展第七届上海职工科技节活动的计划", "是否举办本单位的职工科技节或职工科技创新活动周",
             "是否召开有关科技创新工作推进会议", "是否在科技周中评选和表彰创新先进人物、创新成果",
             "是否邀请市职工科普讲师团进作报告", "是否举行职工创新座谈会、创新论坛、研讨会",
             "是否举行职工创新成果展示、展览活动", "是否举办有关科技创新专题讲座、报告会",
             "是否组织有关职工技术创新主题征文、演讲活动", "是否开展合理化建议、金点子征集活动（合理化建议数）",
             "是否组织开展企业生产难题招标揭榜和技术攻关活动", "是否开展总结、推广职工先进操作法或技术交流活动",
             "是否举行职工技能比赛（工种数）、（参加的职工数）", "是否开展创新技能人才“结对”活动（“结对”数）",
             "其它形式的职工科技创新活动", "是否建立和完善鼓励职工科技创新的工作机制",
             "科技周期间，本单位开展群众性科技创新活动的基层单位数", "科技周期间，本单位参加群众性科技创新活动的职工数"]
    rows = 1 + len(items) + 2
    t = doc.add_table(rows=rows, cols=5)
    t.style = "Table Grid"
    side = t.cell(0, 0).merge(t.cell(rows - 1, 0))
    side.text = "第七届上海职工科技节期间组织开展群众性科技创新活动情况"
    t.cell(0, 1).text = "内容"
    t.cell(0, 2).text = "是"
    merge_row(t, 0, 3, 4, "数量")
    for i, item in enumerate(items, start=1):
        t.cell(i, 1).text = item
        if "（工种数）、（参加的职工数）" not in item:
            merge_row(t, i, 3, 4)
    merge_row(t, rows - 2, 1, 4, "本单位在职工科技节期间，组织开展了哪些特色活动（可附页）：")
    merge_row(t, rows - 1, 1, 4)
    para(doc, "注：1. 如实填报，杜绝虚假")
    para(doc, "2. 请于 6 月 1 日前报送第七届上海职工科技节组委会办公室")
    doc.save(os.path.join(out, "000-festival.docx"))


def studio(out):
    doc = Document()
    for line in ["沪工技中〔2020〕7号",
                 "关于开展2020年度上海市工匠（技师、职工、巾帼）创新工作室创建命名工作的通知",
                 "各区局（产业）工会、职工技协：",
                 "（六）请各单位于11月13日前完成网上申报，同时将《上海市工匠（技师、职工、巾帼）创新工作室申请表》（一式二份）及相关附件材料报市职工技协办公室。",
                 "附件:", "1、区局（产业）工会工作室创建活动开展情况统计表", "2、上海市工匠（技师、职工、巾帼）创新工作室申请表",
                 "上海市职工创新工作室申报办公室", "上海市职工技协服务中心（代章）", "2020年10月22日"]:
        para(doc, line)

    para(doc, "附件 1:")
    para(doc, "2020 年度上海市工匠（技师、职工、巾帼）创新工作室推荐申报汇总表")
    t = doc.add_table(rows=16, cols=5)
    t.style = "Table Grid"
    merge_row(t, 0, 0, 1, "区局（产业）工会名称")
    merge_row(t, 0, 2, 4)
    merge_row(t, 1, 0, 1, "申报人")
    t.cell(1, 3).text = "联系方式"
    merge_row(t, 2, 0, 3, "开展本行业、本系统工作室创建活动（方案可附后）")
    options(t.cell(2, 4), ["有", "无"])
    for r, kind in enumerate(["工匠", "技师", "职工", "巾帼"], start=3):
        merge_row(t, r, 0, 3, f"本地区、本系统{kind}创新工作室创建数")
    merge_row(t, 7, 0, 4, "2020 年度上海市工匠（技师、职工、巾帼）创新工作室申报汇总情况")
    for c, text in enumerate(["序号", "工作室类型", "工作室名称", "申报单位", "领衔人"]):
        t.cell(8, c).text = text
    for r in range(9, 14):
        t.cell(r, 0).text = str(r - 8)
    opinion = t.cell(14, 0).merge(t.cell(15, 1))
    opinion.text = "区局（产业）工会申报意见"
    merge_row(t, 14, 2, 4)
    merge_row(t, 15, 2, 4, "盖章：　　　　年　　月　　日")

    para(doc, "附件 2:")
    para(doc, "2020 年度上海市工匠（技师、职工、巾帼）创新工作室申请表")
    t = doc.add_table(rows=27, cols=6)
    t.style = "Table Grid"
    for r, text in enumerate(["工作室名称", "工作室技术专长"]):
        t.cell(r, 0).text = text
        merge_row(t, r, 1, 5)
    t.cell(2, 0).text = "申报类型（勾选）"
    options(merge_row(t, 2, 1, 5), ["工匠工作室", "技师工作室", "职工工作室", "巾帼工作室"], symbol=True)
    for r, (a, b) in enumerate([("申报单位", "所属系统"), ("单位性质", "所属行业"), ("单位地址", "邮政编码")], start=3):
        t.cell(r, 0).text = a
        merge_row(t, r, 1, 2)
        t.cell(r, 3).text = b
        merge_row(t, r, 4, 5)
    patents = t.cell(6, 0).merge(t.cell(8, 0))
    patents.text = "专利情况"
    for r, name in enumerate(["发明专利", "实用新型", "外观设计"], start=6):
        p = merge_row(t, r, 1, 5).paragraphs[0]
        p.add_run(BOX + name + "____项")
    for r, pairs in [(9, ["领衔人姓名", "职务", "联系方式"]), (10, ["性别", "年龄", "学历"])]:
        for i, text in enumerate(pairs):
            t.cell(r, 2 * i).text = text
    t.cell(11, 0).text = "工种"
    merge_row(t, 11, 1, 3)
    t.cell(11, 4).text = "工作年限"
    t.cell(12, 0).text = "技能等级"
    options(merge_row(t, 12, 1, 5), ["高级技师", "技师", "高级工", "中级工", "初级工", "无"])
    t.cell(13, 0).text = "职称"
    options(merge_row(t, 13, 1, 5), ["高级", "中级", "初级", "无"], symbol=True)
    t.cell(14, 0).text = "领衔人户籍属性"
    options(merge_row(t, 14, 1, 2), ["非农业", "农业"])
    t.cell(14, 3).text = "户籍地"
    options(merge_row(t, 14, 4, 5), ["本市", "外省市"])
    t.cell(15, 0).text = "领衔人曾获荣誉"
    merge_row(t, 15, 1, 5)
    merge_row(t, 16, 0, 5, "工作室其他成员情况")
    for c, text in enumerate(["姓名", "年龄", "学历", "职称（技能等级）", "工种", "工作年限"]):
        t.cell(17, c).text = text
    merge_row(t, 23, 0, 5, "工作室介绍（800字左右，包括主要技术创新成果）:")
    merge_row(t, 24, 0, 5)
    merge_row(t, 25, 0, 5, "工作室曾获荣誉:")
    merge_row(t, 26, 0, 5)
    doc.save(os.path.join(out, "002-studio.docx"))


def yangpu(out):
    doc = Document()
    for line in ["杨工〔2018〕14号", "上海市杨浦区总工会",
                 "关于广泛开展“弘扬劳模精神，建功‘创新杨浦’”主题活动的通知",
                 "各行业、街镇、直属工会，区总工会所属事业单位：",
                 "各行业、街镇、直属工会和区总工会所属事业单位要根据通知要求，结合实际制定本系统的“弘扬劳模精神，建功‘创新杨浦’”主题活动计划和方案，并于6月15日前将主题活动申报表（附件1）和杨浦职工志愿者服务队登记表（附件2）发送至区总工会。",
                 "联 系 人：区总工会宣传教育部   张  琳、曹理仰", "联系电话：25032216     邮箱：qzxjb2008@126.com",
                 "附件： 1.“弘扬劳模精神，建功‘创新杨浦’”主题活动申报表", "2.杨浦职工志愿者服务队登记表",
                 "上海市杨浦区总工会", "2018年5月28日"]:
        para(doc, line)
    tail = ["注：表格不够可另附，电子版请从区总工会网站公告栏下载。",
            "联系人：                联系电话：                           填报日期：         年    月    日"]
    forms = [
        ("附件1", "“弘扬劳模精神，建功‘创新杨浦’”主题活动申报表",
         ["序号", "活动名称", "活动形式", "时间安排", "主要内容和形式\n（100字内）", "参与人数"]),
        ("附件2", "杨浦职工志愿者服务队登记表",
         ["序号", "登记服务队名称", "负责人\n姓名及职务", "服务队\n人数", "服务队\n组建时间", "服务内容\n（50字内）",
          "服务成效简介\n（100字内，新组队可不填）"]),
    ]
    for attachment, title, header in forms:
        para(doc, attachment)
        para(doc, title)
        para(doc, "填报单位：                          ")
        t = doc.add_table(rows=4, cols=len(header))
        t.style = "Table Grid"
        for c, text in enumerate(header):
            t.cell(0, c).text = text
        for line in tail:
            para(doc, line)
    doc.save(os.path.join(out, "004-yangpu.docx"))


if __name__ == "__main__":
    folder = sys.argv[1]
    os.makedirs(folder, exist_ok=True)
    festival(folder)
    studio(folder)
    yangpu(folder)
