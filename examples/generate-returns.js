#!/usr/bin/env node
'use strict';
/* Generates realistic returns for trying the merge without Excel: 16 units for each of the six forms, filled
   from the add-in's own templates, with a few mistakes, one saved as .xls, one retyped by hand without the form's
   marker, and one unit that sent a corrected file later. Deterministic (a seeded generator). */
const fs = require('fs');
const path = require('path');
const ExcelJS = require('exceljs');
const XLSX = require('@e965/xlsx');

const dist = path.join(__dirname, '..', 'dist', 'node');
if (!fs.existsSync(dist)) {
  console.error('请先在项目目录运行 npm ci（它会编译命令行程序）。');
  process.exit(1);
}
const { planSheet } = require(path.join(dist, 'core', 'layout.js'));
const { cellAddress } = require(path.join(dist, 'core', 'a1.js'));
const { getForm } = require(path.join(dist, 'notices', 'index.js'));
const { writeFormsWorkbook } = require(path.join(dist, 'hosts', 'xlsx', 'write-workbook.js'));

const OUT = path.resolve(process.argv[2] ?? path.join(__dirname, 'returns'));
const DISTRICTS = ['黄浦区', '徐汇区', '长宁区', '静安区', '普陀区', '虹口区', '杨浦区', '闵行区', '宝山区', '嘉定区', '浦东新区', '金山区', '松江区', '青浦区', '奉贤区', '崇明区'];
const YANGPU = ['殷行街道', '五角场街道', '新江湾城街道', '控江路街道', '长白新村街道', '延吉新村街道', '四平路街道', '大桥街道', '定海路街道', '平凉路街道', '江浦路街道', '长海路街道', '五角场镇', '区教育工会', '区卫生工会', '区建设工会'];

let seed = 20261121;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (list) => list[Math.floor(random() * list.length)];
const between = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const phone = () => (random() < 0.5 ? `1${pick(['3', '5', '8'])}${String(between(100000000, 999999999))}` : `021-${between(20000000, 69999999)}`);
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高'.split('');
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '建华', '志强'];
const person = () => pick(SURNAMES) + pick(GIVEN);

function festivalProject(unit) {
  return {
    unit,
    fillDate: '2017-5-8',
    projectName: `${unit.replace('总工会', '')}${pick(['职工创新成果展', '科普讲座进企业', '五小创新大赛', '技能比武', '创新论坛'])}`,
    host: unit,
    organizer: `${unit.replace('总工会', '')}职工技协`,
    time: `2017-5-${between(22, 31)}`,
    place: `${unit.replace('总工会', '')}职工活动中心`,
    audience: '辖区企业职工',
    participants: between(80, 800),
    contactName: person(),
    contactPhone: phone(),
    summary: '围绕岗位创新，组织职工开展创新成果展示、技术交流和科普讲座，推广先进操作法。',
  };
}

function festivalStats(unit) {
  const values = { unit, fillDate: '2017-5-31', baseUnits: between(10, 120), workers: between(500, 20000) };
  for (const item of ['plan', 'festivalWeek', 'meeting', 'awards', 'forum', 'exhibition', 'lectures', 'mechanism']) {
    if (random() < 0.8) {
      values[item] = '是';
      values[`${item}Count`] = between(1, 12);
    }
  }
  values.suggestions = '是';
  values.suggestionsCount = between(20, 900);
  values.contest = '是';
  values.contestTrades = between(2, 15);
  values.contestWorkers = between(50, 2000);
  values.featured = '开展“金点子”征集和职工创新成果发布活动。';
  return values;
}

const STUDIO_TYPES = ['工匠工作室', '技师工作室', '职工工作室', '巾帼工作室'];
/* Each district recommends one workshop: its 申请表 and the row of its 汇总表 describe the same one, except that
   徐汇区 lists a second workshop with no 申请表, 普陀区 leaves its own out of the list, and 宝山区's workshop has the
   same name as 杨浦区's. */
const studios = new Map();
function studioOf(unit) {
  if (!studios.has(unit)) {
    const twin = unit === '宝山区总工会' ? studioOf('杨浦区总工会') : undefined;
    const type = twin?.type ?? pick(STUDIO_TYPES);
    const leader = twin?.leader ?? person();
    studios.set(unit, {
      type,
      leader,
      name: `${leader}${type.replace('工作室', '创新工作室')}`,
      unit: `${unit.replace('总工会', '')}${pick(['机械', '电子', '建设'])}有限公司`,
      unitType: pick(['民营企业', '民营企业', '外商投资企业', '国有企业']),
    });
  }
  return studios.get(unit);
}

function studioSummary(unit) {
  const values = {
    unionName: unit,
    applicant: person(),
    applicantPhone: phone(),
    hasCampaign: '有',
    craftsmanStudios: between(1, 6),
    technicianStudios: between(3, 20),
    workerStudios: between(5, 30),
    womenStudios: between(1, 10),
    opinion: '经审核，同意推荐。',
  };
  const listed = unit === '普陀区总工会' ? [] : [studioOf(unit)];
  if (unit === '徐汇区总工会') {
    const leader = person();
    listed.push({ type: '职工工作室', leader, name: `${leader}职工创新工作室`, unit: '徐汇物流有限公司' });
  }
  listed.forEach((studio, i) => {
    Object.assign(values, {
      [`studios[${i}].seq`]: i + 1,
      [`studios[${i}].studioType`]: studio.type,
      [`studios[${i}].studioName`]: studio.name,
      [`studios[${i}].unit`]: studio.unit,
      [`studios[${i}].leader`]: studio.leader,
    });
  });
  return values;
}

function studioApplication(unit) {
  const { type, leader, name, unit: applicant, unitType } = studioOf(unit);
  const values = {
    studioName: name,
    specialty: pick(['数控加工', '焊接工艺', '电力运维', '护理技术', '软件测试']),
    studioType: type,
    unit: applicant,
    system: unit.replace('总工会', ''),
    unitType,
    industry: pick(['制造业', '建筑业', '卫生']),
    address: `上海市${unit.replace('总工会', '')}某路${between(1, 999)}号`,
    postcode: String(between(200000, 201999)),
    leaderName: leader,
    leaderPost: '班组长',
    leaderPhone: phone(),
    leaderSex: type === '巾帼工作室' ? '女' : pick(['男', '女']),
    leaderAge: between(35, 55),
    leaderEducation: pick(['大专', '本科']),
    leaderTrade: pick(['数控车工', '焊工', '电工']),
    leaderYears: between(10, 25),
    leaderSkill: type === '技师工作室' ? '高级技师' : pick(['高级技师', '技师', '高级工']),
    leaderRank: pick(['高级', '中级', '初级']),
    hukouType: '非农业',
    hukouPlace: '本市',
    leaderHonours: type === '工匠工作室' ? '2019年度上海工匠' : '上海市五一劳动奖章',
    // SheetJS's .xls writer keeps the first 255 characters of a text cell, so the .xls return gets a length warning.
    introduction: '工作室'.repeat(250),
  };
  for (let i = 0; i < between(4, 7); i++) {
    Object.assign(values, {
      [`members[${i}].name`]: person(),
      [`members[${i}].age`]: between(25, 50),
      [`members[${i}].education`]: pick(['大专', '本科', '中专']),
      [`members[${i}].rank`]: pick(['技师', '高级工', '工程师']),
      [`members[${i}].trade`]: pick(['钳工', '电工', '焊工']),
      [`members[${i}].years`]: between(3, 9),
    });
  }
  return values;
}

function themeActivity(unit) {
  const values = { unit, contact: person(), contactPhone: phone(), fillDate: '2018-6-12' };
  for (let i = 0; i < between(2, 4); i++) {
    Object.assign(values, {
      [`activities[${i}].seq`]: i + 1,
      [`activities[${i}].name`]: pick(['劳模进社区', '技能比武', '劳模故事会', '职工讲堂', '创新论坛']),
      [`activities[${i}].form`]: pick(['宣讲', '比赛', '座谈', '展览']),
      [`activities[${i}].schedule`]: `${between(6, 11)}月`,
      [`activities[${i}].content`]: '邀请劳模先进讲述成长经历，组织职工交流学习。',
      [`activities[${i}].participants`]: between(30, 500),
    });
  }
  return values;
}

function volunteerTeam(unit) {
  const values = { unit, contact: person(), contactPhone: phone(), fillDate: '2018-6-12' };
  for (let i = 0; i < between(1, 3); i++) {
    const year = between(2012, 2018);
    Object.assign(values, {
      [`teams[${i}].seq`]: i + 1,
      [`teams[${i}].name`]: `${unit}${pick(['爱心', '蓝天', '暖心', '阳光'])}服务队`,
      [`teams[${i}].leader`]: `${person()} 主席`,
      [`teams[${i}].size`]: between(8, 60),
      [`teams[${i}].formedOn`]: `${year}-${between(1, 12)}-1`,
      [`teams[${i}].service`]: '为社区老人提供义务维修和陪伴服务。',
      [`teams[${i}].results`]: year === 2018 ? null : '累计服务居民两千余人次。',
    });
  }
  return values;
}

const FORMS = [
  ['festival-project', festivalProject, DISTRICTS],
  ['festival-stats', festivalStats, DISTRICTS],
  ['studio-summary', studioSummary, DISTRICTS],
  ['studio-application', studioApplication, DISTRICTS],
  ['yangpu-theme-activity', themeActivity, YANGPU],
  ['yangpu-volunteer-team', volunteerTeam, YANGPU],
];

async function filled(formId, values) {
  const plan = planSheet(getForm(formId), { tableRows: undefined });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await writeFormsWorkbook([plan]));
  const ws = workbook.worksheets[0];
  for (const [key, value] of Object.entries(values)) {
    const slot = plan.slots.find((s) => s.key === key);
    if (slot && value !== null && value !== undefined) ws.getCell(cellAddress(slot.row, slot.col)).value = value;
  }
  return { workbook, plan };
}

/** A clerk who typed the form again in a blank workbook: same words, a row lower, no marker. */
async function retyped(formId, values) {
  const { workbook, plan } = await filled(formId, values);
  const source = workbook.worksheets[0];
  const copy = new ExcelJS.Workbook();
  const ws = copy.addWorksheet('Sheet1');
  for (let r = 1; r <= plan.area.bottom + 1; r++) {
    for (let c = 1; c <= plan.area.right + 1; c++) {
      const v = source.getCell(r, c).value;
      if (v !== null && v !== undefined && source.getCell(r, c).isMerged === false) ws.getCell(r + 1, c).value = v;
      else if (v !== null && v !== undefined && source.getCell(r, c).master.address === source.getCell(r, c).address) ws.getCell(r + 1, c).value = v;
    }
  }
  return Buffer.from(await copy.xlsx.writeBuffer());
}

async function main() {
  fs.rmSync(OUT, { recursive: true, force: true });
  let written = 0;
  for (const [formId, make, units] of FORMS) {
    const dir = path.join(OUT, formId);
    fs.mkdirSync(dir, { recursive: true });
    for (const [i, place] of units.entries()) {
      const unit = `${place}${place.endsWith('工会') ? '' : '总工会'}`;
      if (unit === '崇明区总工会' && formId === 'festival-stats') continue;
      const values = make(unit);
      if (i === 2) values[Object.keys(values).find((k) => /phone/i.test(k))] = '5588';
      if (i === 5) delete values[Object.keys(values).find((k) => !k.includes('[') && k !== 'unit' && k !== 'unionName')];
      let file = path.join(dir, `${unit}.xlsx`);
      let data;
      if (i === 7) {
        data = await retyped(formId, values);
        file = path.join(dir, `${unit}（手工录入）.xlsx`);
      } else {
        const { workbook } = await filled(formId, values);
        data = Buffer.from(await workbook.xlsx.writeBuffer());
      }
      if (i === 9) {
        const book = XLSX.read(data, { type: 'buffer' });
        data = XLSX.write(book, { type: 'buffer', bookType: 'xls' });
        file = file.replace(/\.xlsx$/, '.xls');
      }
      fs.writeFileSync(file, data);
      fs.utimesSync(file, new Date(2026, 0, 1), new Date(2026, 0, 1));
      written++;
      if (i === 2) {
        values[Object.keys(values).find((k) => /phone/i.test(k))] = phone();
        const { workbook } = await filled(formId, values);
        const corrected = path.join(dir, `${unit}（更正）.xlsx`);
        fs.writeFileSync(corrected, Buffer.from(await workbook.xlsx.writeBuffer()));
        fs.utimesSync(corrected, new Date(2026, 0, 2), new Date(2026, 0, 2));
        written++;
      }
    }
  }
  const roster = [...new Set([...DISTRICTS.map((d) => `${d}总工会`), ...YANGPU.map((u) => `${u}${u.endsWith('工会') ? '' : '总工会'}`), '横沙乡总工会'])];
  fs.writeFileSync(path.join(OUT, 'roster.txt'), `${roster.join('\n')}\n`);
  console.log(`已生成 ${written} 份报表：${OUT}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
