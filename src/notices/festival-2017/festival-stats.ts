import type { FormDefinitionInput } from '../../core/form-schema';
import { attachmentLine, noticeParams, noticeRef, FILL_DATE_HINT, input, label, titleLine, type CellInput } from '../build';
import { DEADLINE_NOTE, DEADLINE_NOTE_ADAPTED } from './common';
import { FESTIVAL_NOTICE } from './notice';

const W = 5;
const ITEM_HEIGHT = 24;

/** One row of the statistics table: a 是 box and a count, or (for the last two) a count only. */
interface Item {
  id: string;
  text: string;
  yes: boolean;
  /** The counts in the 数量 column (two for the skills contest). */
  counts: { id: string; label: string }[];
  /** The item's own words ask for a count, e.g. （合理化建议数）. */
  countAsked: boolean;
}

const ITEMS: Item[] = [
  {
    id: 'plan',
    text: '是否制定开展第{edition:cn}届上海职工科技节活动的计划',
    countAsked: false,
    yes: true,
    counts: [{ id: 'planCount', label: '数量' }],
  },
  {
    id: 'festivalWeek',
    text: '是否举办本单位的职工科技节或职工科技创新活动周',
    countAsked: false,
    yes: true,
    counts: [{ id: 'festivalWeekCount', label: '数量' }],
  },
  {
    id: 'meeting',
    text: '是否召开有关科技创新工作推进会议',
    countAsked: false,
    yes: true,
    counts: [{ id: 'meetingCount', label: '会议数' }],
  },
  {
    id: 'awards',
    text: '是否在科技周中评选和表彰创新先进人物、创新成果',
    countAsked: false,
    yes: true,
    counts: [{ id: 'awardsCount', label: '数量' }],
  },
  {
    id: 'lecturers',
    text: '是否邀请市职工科普讲师团进作报告',
    countAsked: false,
    yes: true,
    counts: [{ id: 'lecturersCount', label: '报告数' }],
  },
  {
    id: 'forum',
    text: '是否举行职工创新座谈会、创新论坛、研讨会',
    countAsked: false,
    yes: true,
    counts: [{ id: 'forumCount', label: '数量' }],
  },
  {
    id: 'exhibition',
    text: '是否举行职工创新成果展示、展览活动',
    countAsked: false,
    yes: true,
    counts: [{ id: 'exhibitionCount', label: '数量' }],
  },
  {
    id: 'lectures',
    text: '是否举办有关科技创新专题讲座、报告会',
    countAsked: false,
    yes: true,
    counts: [{ id: 'lecturesCount', label: '数量' }],
  },
  {
    id: 'essays',
    text: '是否组织有关职工技术创新主题征文、演讲活动',
    countAsked: false,
    yes: true,
    counts: [{ id: 'essaysCount', label: '数量' }],
  },
  {
    id: 'suggestions',
    text: '是否开展合理化建议、金点子征集活动（合理化建议数）',
    countAsked: true,
    yes: true,
    counts: [{ id: 'suggestionsCount', label: '合理化建议数' }],
  },
  {
    id: 'challenges',
    text: '是否组织开展企业生产难题招标揭榜和技术攻关活动',
    countAsked: false,
    yes: true,
    counts: [{ id: 'challengesCount', label: '数量' }],
  },
  {
    id: 'methods',
    text: '是否开展总结、推广职工先进操作法或技术交流活动',
    countAsked: false,
    yes: true,
    counts: [{ id: 'methodsCount', label: '数量' }],
  },
  {
    id: 'contest',
    text: '是否举行职工技能比赛（工种数）、（参加的职工数）',
    countAsked: true,
    yes: true,
    counts: [
      { id: 'contestTrades', label: '工种数' },
      { id: 'contestWorkers', label: '参加的职工数' },
    ],
  },
  {
    id: 'pairing',
    text: '是否开展创新技能人才“结对”活动（“结对”数）',
    countAsked: true,
    yes: true,
    counts: [{ id: 'pairingCount', label: '“结对”数' }],
  },
  { id: 'other', text: '其它形式的职工科技创新活动', countAsked: false, yes: true, counts: [{ id: 'otherCount', label: '数量' }] },
  {
    id: 'mechanism',
    text: '是否建立和完善鼓励职工科技创新的工作机制',
    countAsked: false,
    yes: true,
    counts: [{ id: 'mechanismCount', label: '数量' }],
  },
  {
    id: 'baseUnits',
    text: '科技周期间，本单位开展群众性科技创新活动的基层单位数',
    countAsked: true,
    yes: false,
    counts: [{ id: 'baseUnits', label: '基层单位数' }],
  },
  {
    id: 'workers',
    text: '科技周期间，本单位参加群众性科技创新活动的职工数',
    countAsked: true,
    yes: false,
    counts: [{ id: 'workers', label: '职工数' }],
  },
];

function itemRow(item: Item) {
  const cells: CellInput[] = [label(1, item.text, { style: { h: 'left' } })];
  if (item.yes)
    cells.push(input(2, { id: item.id, label: `${stripQuestion(item.text)}（是）`, type: 'yesNo' }, { style: { h: 'center' } }));
  else cells.push(label(2, ''));
  const [first, second] = item.counts;
  if (first && second) {
    cells.push(input(3, { id: first.id, label: first.label, type: 'integer', hint: `此格填${first.label}。` }, { style: { h: 'center' } }));
    cells.push(
      input(4, { id: second.id, label: second.label, type: 'integer', hint: `此格填${second.label}。` }, { style: { h: 'center' } }),
    );
  } else if (first) {
    cells.push(
      input(
        3,
        { id: first.id, label: first.label === '数量' ? `${stripQuestion(item.text)}（数量）` : first.label, type: 'integer' },
        { colSpan: 2, style: { h: 'center' } },
      ),
    );
  }
  return { height: ITEM_HEIGHT, cells };
}

function stripQuestion(text: string): string {
  return text.replace(/^是否/, '').replace(/（.*$/, '').replace('第{edition:cn}届', '本届');
}

const SIDE_ROWS = 1 + ITEMS.length + 2;

export const festivalStats: FormDefinitionInput = {
  id: 'festival-stats',
  version: 1,
  name: '第{edition:cn}届上海职工科技节活动情况统计表',
  sheetName: '活动情况统计表',
  description: '科技节结束后，区局（产业）工会统计本单位组织开展群众性科技创新活动的情况，用于评选优秀组织单位。',
  notice: noticeRef(FESTIVAL_NOTICE, '附件2'),
  params: noticeParams(FESTIVAL_NOTICE, 'festival-stats'),
  deadlineParam: 'deadline',
  unitFieldId: 'unit',
  font: { name: '宋体', size: 11 },
  columns: [{ width: 8 }, { width: 54 }, { width: 8 }, { width: 8 }, { width: 8 }],
  bands: [
    {
      kind: 'rows',
      rows: [
        attachmentLine('附件2', W),
        titleLine('第{edition:cn}届上海职工科技节活动情况统计表', W),
        {
          height: 26,
          cells: [
            label(0, '单位：', { preset: 'plain' }),
            input(1, { id: 'unit', label: '单位', type: 'text', required: true }, { style: { border: 'bottom' } }),
            input(
              2,
              { id: 'fillDate', label: '填报日期（月日）', type: 'date', remindIfBlank: true, hint: FILL_DATE_HINT },
              { colSpan: 3, style: { border: 'bottom', h: 'right' } },
            ),
          ],
        },
        {
          height: ITEM_HEIGHT,
          cells: [
            label(0, '第{edition:cn}届上海职工科技节期间组织开展群众性科技创新活动情况', { rowSpan: SIDE_ROWS, style: { vertical: true } }),
            label(1, '内容'),
            label(2, '是'),
            label(3, '数量', { colSpan: 2 }),
          ],
        },
        ...ITEMS.map(itemRow),
        {
          height: ITEM_HEIGHT,
          cells: [label(1, '本单位在职工科技节期间，组织开展了哪些特色活动（可附页）：', { colSpan: 4, style: { h: 'left' } })],
        },
        {
          height: 150,
          cells: [input(1, { id: 'featured', label: '特色活动', type: 'longText' }, { colSpan: 4, style: { v: 'top' } })],
        },
        { height: 20, cells: [label(0, '注：1. 如实填报，杜绝虚假', { colSpan: W, preset: 'note' })] },
        { height: 20, cells: [label(0, DEADLINE_NOTE, { colSpan: W, preset: 'note', adapted: DEADLINE_NOTE_ADAPTED })] },
      ],
    },
  ],
  print: { orientation: 'portrait' },
  merge: {
    sheetRecord: true,
    summaryName: '活动情况统计汇总',
    // The table as the city office reads it: each item with the units that answered 是 and the sum of its counts.
    items: {
      summaryName: '活动情况统计（按项目）',
      items: ITEMS.map((item) => ({
        text: item.text,
        yes: item.yes ? item.id : undefined,
        counts: item.counts.map((c) => ({ field: c.id, label: c.label })),
      })),
    },
  },
  rules: ITEMS.filter((item) => item.yes).map((item) => ({
    kind: 'flagAndCount' as const,
    flag: item.id,
    counts: item.counts.map((c) => c.id),
    countAsked: item.countAsked,
    countWithoutFlag: 'warning' as const,
    flagWithoutCount: 'warning' as const,
  })),
};
