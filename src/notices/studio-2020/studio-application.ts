import type { FormDefinitionInput } from '../../core/form-schema';
import { attachmentLine, input, label, noticeParams, noticeRef, titleLine } from '../build';
import { STUDIO_TYPES } from './common';
import { STUDIO_NOTICE } from './notice';
import { UNIT_TYPES } from './unit-types';

const W = 6;
const H = 30;

function patentRow(first: boolean, id: string, name: string) {
  return {
    height: H,
    cells: [
      ...(first ? [label(0, '专利情况', { rowSpan: 3 })] : []),
      input(1, { id, label: `${name}（勾选）`, type: 'check' }, { style: { h: 'center' } }),
      label(2, name, { colSpan: 2 }),
      input(4, { id: `${id}Count`, label: `${name}数`, type: 'integer', unit: '项' }, { style: { h: 'center' } }),
      label(5, '项'),
    ],
  };
}

export const studioApplication: FormDefinitionInput = {
  id: 'studio-application',
  version: 1,
  name: '{year}年度上海市工匠（技师、职工、巾帼）创新工作室申请表',
  sheetName: '工作室申请表',
  description: '申请单位为一个创新工作室填写的申请表，经区局（产业）工会审查后推荐申报。',
  notice: noticeRef(STUDIO_NOTICE, '附件2'),
  params: noticeParams(STUDIO_NOTICE, 'studio-application'),
  deadlineParam: 'deadline',
  unitFieldId: 'unit',
  font: { name: '宋体', size: 11 },
  columns: [{ width: 16 }, { width: 13 }, { width: 13 }, { width: 13 }, { width: 13 }, { width: 13 }],
  bands: [
    {
      kind: 'rows',
      rows: [
        attachmentLine('附件2:', W),
        titleLine('{year}年度上海市工匠（技师、职工、巾帼）创新工作室申请表', W, 48),
        {
          height: H,
          cells: [
            label(0, '工作室名称'),
            input(1, { id: 'studioName', label: '工作室名称', type: 'text', required: true }, { colSpan: 5 }),
          ],
        },
        {
          height: H,
          cells: [
            label(0, '工作室技术专长'),
            input(1, { id: 'specialty', label: '工作室技术专长', type: 'text', required: true }, { colSpan: 5 }),
          ],
        },
        {
          height: H,
          cells: [
            label(0, '申报类型（勾选）'),
            input(1, { id: 'studioType', label: '申报类型', type: 'choice', options: STUDIO_TYPES, required: true }, { colSpan: 5 }),
          ],
        },
        {
          height: H,
          cells: [
            label(0, '申报单位'),
            input(1, { id: 'unit', label: '申报单位', type: 'text', required: true }, { colSpan: 2 }),
            label(3, '所属系统'),
            input(4, { id: 'system', label: '所属系统', type: 'text', required: true }, { colSpan: 2 }),
          ],
        },
        {
          height: H,
          cells: [
            label(0, '单位性质'),
            input(
              1,
              { id: 'unitType', label: '单位性质', type: 'choice', options: UNIT_TYPES, source: 'common', required: true },
              { colSpan: 2 },
            ),
            label(3, '所属行业'),
            input(4, { id: 'industry', label: '所属行业', type: 'text', required: true }, { colSpan: 2 }),
          ],
        },
        {
          height: H,
          cells: [
            label(0, '单位地址'),
            input(1, { id: 'address', label: '单位地址', type: 'text', required: true }, { colSpan: 2 }),
            label(3, '邮政编码'),
            input(4, { id: 'postcode', label: '邮政编码', type: 'postcode', required: true }, { colSpan: 2 }),
          ],
        },
        patentRow(true, 'patentInvention', '发明专利'),
        patentRow(false, 'patentUtility', '实用新型'),
        patentRow(false, 'patentDesign', '外观设计'),
        {
          height: H,
          cells: [
            label(0, '领衔人姓名'),
            input(1, { id: 'leaderName', label: '领衔人姓名', type: 'text', required: true }),
            label(2, '职务'),
            input(3, { id: 'leaderPost', label: '职务', type: 'text', required: true }),
            label(4, '联系方式'),
            input(5, { id: 'leaderPhone', label: '联系方式', type: 'phone', required: true }),
          ],
        },
        {
          height: H,
          cells: [
            label(0, '性别'),
            input(
              1,
              { id: 'leaderSex', label: '性别', type: 'choice', options: ['男', '女'], source: 'common', required: true },
              { style: { h: 'center' } },
            ),
            label(2, '年龄'),
            input(
              3,
              { id: 'leaderAge', label: '年龄', type: 'integer', min: 16, max: 80, unit: '岁', total: false, required: true },
              { style: { h: 'center' } },
            ),
            label(4, '学历'),
            input(5, { id: 'leaderEducation', label: '学历', type: 'text', required: true }),
          ],
        },
        {
          height: H,
          cells: [
            label(0, '工种'),
            input(1, { id: 'leaderTrade', label: '工种', type: 'text', required: true }, { colSpan: 3 }),
            label(4, '工作年限'),
            input(
              5,
              { id: 'leaderYears', label: '工作年限', type: 'integer', max: 65, unit: '年', total: false, required: true },
              { style: { h: 'center' } },
            ),
          ],
        },
        {
          height: H,
          cells: [
            label(0, '技能等级'),
            input(
              1,
              {
                id: 'leaderSkill',
                label: '技能等级',
                type: 'choice',
                options: ['高级技师', '技师', '高级工', '中级工', '初级工', '无'],
                required: true,
              },
              { colSpan: 5 },
            ),
          ],
        },
        {
          height: H,
          cells: [
            label(0, '职称'),
            input(
              1,
              { id: 'leaderRank', label: '职称', type: 'choice', options: ['高级', '中级', '初级', '无'], required: true },
              { colSpan: 5 },
            ),
          ],
        },
        {
          height: H,
          cells: [
            label(0, '领衔人户籍属性'),
            input(
              1,
              { id: 'hukouType', label: '领衔人户籍属性', type: 'choice', options: ['非农业', '农业'], required: true },
              { colSpan: 2 },
            ),
            label(3, '户籍地'),
            input(4, { id: 'hukouPlace', label: '户籍地', type: 'choice', options: ['本市', '外省市'], required: true }, { colSpan: 2 }),
          ],
        },
        {
          height: 60,
          cells: [
            label(0, '领衔人曾获荣誉'),
            input(1, { id: 'leaderHonours', label: '领衔人曾获荣誉', type: 'longText', required: true }, { colSpan: 5 }),
          ],
        },
        { height: H, cells: [label(0, '工作室其他成员情况', { colSpan: W })] },
      ],
    },
    {
      kind: 'table',
      id: 'members',
      label: '工作室其他成员',
      header: [
        {
          height: H,
          cells: [
            label(0, '姓名'),
            label(1, '年龄'),
            label(2, '学历'),
            label(3, '职称（技能等级）'),
            label(4, '工种'),
            label(5, '工作年限'),
          ],
        },
      ],
      rowHeight: 26,
      cells: [
        input(0, { id: 'name', label: '姓名', type: 'text', required: true }, { style: { h: 'center' } }),
        input(
          1,
          { id: 'age', label: '年龄', type: 'integer', min: 16, max: 80, unit: '岁', total: false, required: true },
          { style: { h: 'center' } },
        ),
        input(2, { id: 'education', label: '学历', type: 'text', required: true }, { style: { h: 'center' } }),
        input(3, { id: 'rank', label: '职称（技能等级）', type: 'text', required: true }, { style: { h: 'center' } }),
        input(4, { id: 'trade', label: '工种', type: 'text', required: true }, { style: { h: 'center' } }),
        input(
          5,
          { id: 'years', label: '工作年限', type: 'integer', max: 65, unit: '年', total: false, required: true },
          { style: { h: 'center' } },
        ),
      ],
      defaultRows: 8,
      maxRows: 60,
    },
    {
      kind: 'rows',
      rows: [
        { height: H, cells: [label(0, '工作室介绍（800字左右，包括主要技术创新成果）:', { colSpan: W, style: { h: 'left' } })] },
        {
          height: 400,
          cells: [
            input(
              0,
              {
                id: 'introduction',
                label: '工作室介绍',
                type: 'longText',
                aboutLength: 800,
                required: true,
                hint: '包括主要技术创新成果。',
              },
              { colSpan: W, style: { v: 'top' } },
            ),
          ],
        },
        { height: H, cells: [label(0, '工作室曾获荣誉:', { colSpan: W, style: { h: 'left' } })] },
        {
          height: 120,
          cells: [input(0, { id: 'studioHonours', label: '工作室曾获荣誉', type: 'longText' }, { colSpan: W, style: { v: 'top' } })],
        },
      ],
    },
  ],
  print: { orientation: 'portrait' },
  merge: { sheetRecord: true, table: 'members', summaryName: '工作室申请一览', sameReturnBy: ['studioName'] },
  rules: [
    {
      kind: 'oneOf',
      when: 'studioType',
      equals: ['巾帼工作室'],
      field: 'leaderSex',
      allowed: ['女'],
      severity: 'error',
      message: '巾帼工作室的领衔人必须为女职工。',
    },
    {
      kind: 'reminder',
      when: 'studioType',
      equals: ['巾帼工作室'],
      severity: 'info',
      message: '巾帼工作室团队中女职工须占50%以上；表中未列成员性别，请另行核对。',
    },
    {
      kind: 'oneOf',
      when: 'studioType',
      equals: ['技师工作室'],
      field: 'leaderSkill',
      allowed: ['技师', '高级技师'],
      severity: 'error',
      message: '技师工作室的领衔人须有技师或高级技师身份，请核对技能等级。',
    },
    {
      kind: 'mentions',
      when: 'studioType',
      equals: ['工匠工作室'],
      field: 'leaderHonours',
      words: ['上海工匠'],
      severity: 'warning',
      message: '工匠工作室的领衔人必须是“上海工匠”，请在“领衔人曾获荣誉”中写明。',
    },
    {
      kind: 'minRows',
      table: 'members',
      min: 5,
      plus: 1,
      severity: 'error',
      message: '创新团队须有5人以上（含领衔人），请补充工作室其他成员。',
    },
    { kind: 'yearsForAge', age: 'leaderAge', years: 'leaderYears', startAge: 16, severity: 'warning' },
    { kind: 'yearsForAge', age: 'members.age', years: 'members.years', startAge: 16, severity: 'warning' },
    {
      kind: 'flagAndCount',
      flag: 'patentInvention',
      counts: ['patentInventionCount'],
      countAsked: true,
      countWithoutFlag: 'error',
      flagWithoutCount: 'warning',
    },
    {
      kind: 'flagAndCount',
      flag: 'patentUtility',
      counts: ['patentUtilityCount'],
      countAsked: true,
      countWithoutFlag: 'error',
      flagWithoutCount: 'warning',
    },
    {
      kind: 'flagAndCount',
      flag: 'patentDesign',
      counts: ['patentDesignCount'],
      countAsked: true,
      countWithoutFlag: 'error',
      flagWithoutCount: 'warning',
    },
  ],
};
