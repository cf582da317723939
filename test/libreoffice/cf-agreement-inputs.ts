/**
 * What clerks type, per form, for test/libreoffice/cf-agreement.test.ts: a correct form (`base`, by slot key) and
 * variants on top of it (a key set to null is left blank). Correct values, wrong values, and the borderline
 * spellings the add-in reads (有/无, ☑/√/×, 是/否, a prefix such as 巾帼, 12人, full-width digits, phone lists,
 * dates as text or real dates, year-months, over-long texts).
 */
export type Typed = string | number | { date: string } | null;
export type Inputs = Record<string, Typed>;

export interface FormInputs {
  base: Inputs;
  variants: Record<string, Inputs>;
}

const chars = (n: number): string => '字'.repeat(n);
/** One value per row of a list column: `rows('members', 'age', [...])`. */
const rows = (table: string, field: string, values: Typed[], from = 0): Inputs =>
  Object.fromEntries(values.map((v, i) => [`${table}[${i + from}].${field}`, v]));

const STATS_PAIRS = [
  ['plan', 'planCount'],
  ['festivalWeek', 'festivalWeekCount'],
  ['meeting', 'meetingCount'],
  ['awards', 'awardsCount'],
  ['lecturers', 'lecturersCount'],
  ['forum', 'forumCount'],
  ['exhibition', 'exhibitionCount'],
  ['lectures', 'lecturesCount'],
  ['essays', 'essaysCount'],
  ['suggestions', 'suggestionsCount'],
  ['challenges', 'challengesCount'],
  ['methods', 'methodsCount'],
  ['contest', 'contestTrades'],
  ['pairing', 'pairingCount'],
  ['other', 'otherCount'],
  ['mechanism', 'mechanismCount'],
] as const;

/** Flags and counts of the statistics form, pair by pair. */
const statsPairs = (flags: Typed[], counts: Typed[]): Inputs =>
  Object.fromEntries(STATS_PAIRS.flatMap(([flag, count], i) => [[flag, flags[i] ?? null] as const, [count, counts[i] ?? null] as const]));

export const FORM_INPUTS: Record<string, FormInputs> = {
  'festival-project': {
    base: {
      unit: '上海某某机械有限公司',
      fillDate: '5月10日',
      projectName: '职工技术创新成果展',
      host: '某某区总工会',
      time: '2017-5-22至2017-6-2',
      place: '文化宫',
      audience: '全区职工',
      participants: 120,
      contactName: '李四',
      contactPhone: '021-55885659',
      summary: '展示职工创新成果。',
    },
    variants: {
      asTyped: { fillDate: { date: '2017-05-10' }, participants: '120人', contactPhone: '021-55885659、13812345678' },
      fullWidth: { fillDate: '２０１７－５－１０', participants: '１２０', contactPhone: '１３８１２３４５６７８' },
      chineseDate: { fillDate: '2017年5月10日', participants: '约120', contactPhone: '电话待定' },
      dotted: { fillDate: '2017.5.10', participants: 0, contactPhone: '1234567' },
      compact: { fillDate: '20170510', participants: '12.5', contactPhone: '12345678901' },
      words: { fillDate: '明天', participants: '十二', contactPhone: 13812345678 },
      wrongDate: { fillDate: '2017-13-45', participants: '1,200', contactPhone: '021-55885659转123', time: '五月下旬' },
      spaced: { fillDate: '2017/5/10', participants: ' 12 人', contactPhone: '+86 138 1234 5678' },
    },
  },
  'festival-stats': {
    base: { unit: '上海某某机械有限公司', fillDate: '5月30日', baseUnits: 12, workers: 3500 },
    variants: {
      yesSpellings: statsPairs(
        ['是', '有', '√', '☑', 'Y', 'yes', '1', '是 ', '１', '✓', '✔', 'TRUE', 'y', '是', '有', '√'],
        [3, '3个', '３', 2, 1, '5次', 0, 4, 7, 2, 1, 3, 9, 1, 2, 1],
      ),
      noSpellings: statsPairs(
        ['否', '无', '×', '✗', 'N', 'no', '0', 'false', '否', '无', '×', '✘', 'n', 'NO', '否', '无'],
        [3, null, '3个', null, 2, 1, null, 4, null, 5, 6, null, 1, 2, null, 3],
      ),
      wrongSpellings: statsPairs(
        ['是的', '没有', '有的', 'X', '对', '√√', 'OK', '○', '是', '是', '是', '是', '是', '是', '是', '是'],
        [3, 3, 3, 3, 3, 3, 3, 3, '约3', '-1', '2.5', '三', '3 项', '１２人', '3人次', '12岁'],
      ),
      countsOnly: {
        ...statsPairs(['是', '是', '', null], [null, null, null, null]),
        fillDate: '2017/5/30',
        baseUnits: '12家',
        workers: '约3500',
      },
    },
  },
  'studio-summary': {
    base: {
      unionName: '某某区总工会',
      applicant: '王五',
      applicantPhone: '13812345678',
      hasCampaign: '有',
      craftsmanStudios: 1,
      technicianStudios: 2,
      workerStudios: 3,
      womenStudios: 0,
      opinion: '同意推荐。',
      ...rows('studios', 'studioType', ['工匠工作室', '技师工作室', '巾帼工作室']),
      ...rows('studios', 'studioName', ['张三工作室', '李四工作室', '王五工作室']),
      ...rows('studios', 'unit', ['甲公司', '乙公司', '丙公司']),
      ...rows('studios', 'leader', ['张三', '李四', '王五']),
    },
    variants: {
      ticks: {
        hasCampaign: '☑有 □无',
        craftsmanStudios: '3个',
        technicianStudios: '２',
        ...rows('studios', 'studioType', ['巾帼', '技师', '☑职工工作室', '□工匠工作室 ☑技师工作室', '职工']),
        ...rows('studios', 'studioName', ['A工作室', 'a工作室', '张 三工作室', '张三 工作室', '张三工作室'], 3),
        ...rows('studios', 'unit', ['甲', '乙', '丙', '丁', '戊'], 3),
        ...rows('studios', 'leader', ['甲', '乙', '丙', '丁', '戊'], 3),
      },
      wrong: {
        hasCampaign: '没有',
        workerStudios: '-1',
        womenStudios: '2.5',
        applicantPhone: '021-55885659/13812345678',
        ...rows('studios', 'studioType', ['工作室', '巾帼工作室、工匠工作室', '劳模工作室']),
        ...rows('studios', 'studioName', ['李四工作室', '李四工作室', ' 李四工作室 ']),
        ...rows('studios', 'seq', [1, '２', 'x', 4]),
      },
      spellings: {
        hasCampaign: 'yes',
        applicantPhone: '55885659、65012345',
        ...rows('studios', 'studioType', ['有', '□工匠工作室', ' 工匠工作室 ']),
      },
    },
  },
  'studio-application': {
    base: {
      studioName: '张三技能大师工作室',
      specialty: '数控加工',
      studioType: '职工工作室',
      unit: '上海某某机械有限公司',
      system: '机电',
      unitType: '国有企业',
      industry: '制造业',
      address: '某某路1号',
      postcode: '200063',
      leaderName: '李四',
      leaderPost: '班组长',
      leaderPhone: '021-55885659、13812345678',
      leaderSex: '女',
      leaderAge: 45,
      leaderEducation: '大专',
      leaderTrade: '车工',
      leaderYears: 20,
      leaderSkill: '技师',
      leaderRank: '中级',
      hukouType: '非农业',
      hukouPlace: '本市',
      leaderHonours: '上海工匠',
      introduction: chars(800),
      ...rows('members', 'name', ['甲', '乙', '丙', '丁', '戊']),
      ...rows('members', 'age', [30, 35, 40, 28, 50]),
      ...rows('members', 'education', ['本科', '本科', '大专', '大专', '中专']),
      ...rows('members', 'rank', ['技师', '高级工', '技师', '中级工', '高级技师']),
      ...rows('members', 'trade', ['车工', '钳工', '焊工', '车工', '电工']),
      ...rows('members', 'years', [10, 15, 20, 8, 30]),
    },
    variants: {
      prefix: { studioType: '巾帼', leaderSex: '男', leaderSkill: '高级技师', hukouType: '农', hukouPlace: '外省' },
      women: { studioType: '巾帼工作室', leaderSex: '男 ' },
      technician: {
        studioType: '☑技师工作室',
        leaderSkill: '高级工',
        patentInvention: '☑',
        patentInventionCount: '3项',
        patentUtility: '×',
        patentUtilityCount: 2,
        patentDesign: 'x',
        patentDesignCount: '２',
      },
      craftsman: {
        studioType: '工匠工作室',
        leaderHonours: '全国劳动模范',
        leaderAge: '45岁',
        leaderYears: 40,
        patentInvention: '√',
        patentInventionCount: 3,
        patentUtility: '是',
        patentUtilityCount: '2',
        patentDesign: '□',
        patentDesignCount: 1,
        ...rows('members', 'age', ['２５', '30岁', 40, 15, 81]),
        ...rows('members', 'years', [20, '20年', 30, -1, 66]),
      },
      wrong: {
        studioType: '技师',
        leaderSkill: '技师 ',
        postcode: '2000',
        unitType: '国有',
        leaderRank: '副高',
        leaderAge: '约45',
        leaderYears: '二十',
        introduction: chars(300),
        patentInvention: '有',
        patentInventionCount: '１２',
      },
      postcodes: { postcode: '200 063', leaderPhone: '55885659-123', introduction: chars(1300), unitType: '国企' },
      fullWidthPostcode: { postcode: '２０００６３', leaderPhone: '(021)55885659', unitType: '其' },
    },
  },
  'yangpu-theme-activity': {
    base: {
      unit: '某某街道工会',
      contact: '赵六',
      contactPhone: '13812345678',
      fillDate: '6月10日',
      ...rows('activities', 'name', ['读书会', '健步走']),
      ...rows('activities', 'form', ['讲座', '户外']),
      ...rows('activities', 'schedule', ['6月', '7月']),
      ...rows('activities', 'content', ['职工读书分享', '沿江健步走']),
      ...rows('activities', 'participants', [50, 200]),
    },
    variants: {
      lengths: {
        fillDate: { date: '2018-06-10' },
        ...rows('activities', 'name', ['甲', '乙', '丙', '丁'], 2),
        ...rows('activities', 'form', ['讲座', '讲座', '讲座', '讲座'], 2),
        ...rows('activities', 'schedule', ['6月', '6月', '6月', '6月'], 2),
        ...rows('activities', 'content', [
          chars(100),
          chars(101),
          `${chars(50)} ${chars(50)}`,
          `${chars(60)}\n${chars(41)}`,
          chars(99),
          chars(120),
        ]),
        ...rows('activities', 'participants', ['50人', '５０', '约50', -3, '1,200', '50名']),
      },
      dates: { fillDate: '2018/6/10', contactPhone: '021-55885659-123' },
      dottedDate: { fillDate: '6.10', contactPhone: '65012345 13812345678' },
      dashedDate: { fillDate: '6-10', contactPhone: '138-1234-5678' },
      badDate: { fillDate: '六月十日', contactPhone: '1381234567' },
    },
  },
  'yangpu-volunteer-team': {
    base: {
      unit: '某某街道工会',
      contact: '赵六',
      contactPhone: '13812345678',
      fillDate: '6月10日',
      ...rows('teams', 'name', ['助老服务队', '环保服务队']),
      ...rows('teams', 'leader', ['张三 队长', '李四 队长']),
      ...rows('teams', 'size', [12, 30]),
      ...rows('teams', 'formedOn', ['2016年9月', '2015-03']),
      ...rows('teams', 'service', ['助老', '环保宣传']),
      ...rows('teams', 'results', ['服务300人次', '清理河道']),
    },
    variants: {
      months: {
        ...rows('teams', 'name', ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸']),
        ...rows('teams', 'leader', ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸']),
        ...rows('teams', 'size', ['12人', '１２', 0, '约20', 5, 6, 7, 8, 9, 10]),
        ...rows('teams', 'formedOn', [
          2016.9,
          '2016/9',
          { date: '2016-09-01' },
          '2016.10',
          '2016-9-12',
          '2016年9月份',
          '2099年1月',
          { date: '2099-01-01' },
          '去年',
          '2016年13月',
        ]),
        ...rows('teams', 'service', [chars(50), chars(51), '助老', '助老', '助老', '助老', '助老', '助老', '助老', '助老']),
        ...rows('teams', 'results', [chars(100), chars(101), '好', '好', '好', '好', '好', '好', '好', '好']),
      },
      years: {
        ...rows('teams', 'formedOn', [2016, '２０１６年９月', 2016.1, '201609']),
        ...rows('teams', 'name', ['丙', '丁'], 2),
        ...rows('teams', 'leader', ['丙', '丁'], 2),
        ...rows('teams', 'size', [3, 4], 2),
        ...rows('teams', 'service', ['助老', '助老'], 2),
        ...rows('teams', 'results', ['好', '好'], 2),
        fillDate: '2018年6月10日',
        contactPhone: '021-55885659 或 13812345678',
      },
    },
  },
};
