import type { Wording } from './wording';

/** The sentences of the core's problem codes in Chinese: exactly what the forms have always said. */
export const ZH_CN = {
  // A cell against its field (rules/field-rules.ts)
  'cell.error': (p) => `单元格显示错误值 ${p.value}，请改为实际内容。`,
  invalid: () => '填写有误。',
  maxLength: (p) => `不超过${p.max}字，现有${p.count}字，请删减。`,
  integer: () => '请填写整数（可以带“人”“个”等单位，如“12人”）。',
  'integer.approximate': () => '请填写确数（不要写“约”“左右”“多”）。',
  'integer.chinese': (p) => `请用阿拉伯数字填写，如“${p.example}”。`,
  'integer.approximateChinese': (p) => `请填写确数（不要写“约”“左右”“多”），并用阿拉伯数字填写，如“${p.example}”。`,
  'integer.fraction': () => '应为整数，不能有小数。',
  'integer.min': (p) => `不能小于${p.min}。`,
  'integer.max': (p) => `不能大于${p.max}。`,
  decimal: (p) => `请填写数字，可以有小数（可以带单位，如“12.5${p.unit}”）。`,
  'decimal.places': (p) => `最多保留${p.places}位小数。`,
  'decimal.min': (p) => `不能小于${p.min}。`,
  'decimal.max': (p) => `不能大于${p.max}。`,
  yesNo: () => '请填写“是”或“否”。',
  check: () => '勾选请填“√”，不选请留空。',
  choice: (p) => `请从以下选项中选择一项：${p.options}。`,
  'choice.several': (p) => `只能选择一项，现填了：${p.chosen}。`,
  date: () => '请填写日期，如 2017-5-12 或 2017年5月12日。',
  'date.orMonth': () => '请填写日期或年月，如 2016-9-12 或 2016年9月。',
  'date.range': () => '请填写日期或起止日期，如 2017-5-22 或 2017-5-22至2017-6-2。',
  'date.rangeOrder': () => '开始日期晚于结束日期。',
  phone: () => '请填写电话号码。',
  'phone.format': (p) =>
    `${p.part ? `“${p.part}”` : ''}电话号码有误：手机号为11位（1开头），上海固定电话为8位（可加021和分机号，如 021-55885659-123）。`,
  'phone.mobileLength': (p) => `${p.part ? `“${p.part}”` : ''}电话号码有误：手机号应为11位，现为${p.count}位。`,
  'phone.areaLength': (p) =>
    `${p.part ? `“${p.part}”` : ''}电话号码有误：区号${p.area}后的号码应为${p.min === p.max ? p.min : `${p.min}或${p.max}`}位，现为${p.count}位。`,
  'postcode.format': () => '邮政编码应为6位数字，如 200063。',
  'date.monthAmbiguous': (p) =>
    `“${p.value}”按${p.year}年1月读取；如是${p.year}年10月，请写成“${p.year}年10月”（Excel 会把 ${p.year}.10 存成 ${p.year}.1）。`,
  'date.tenDays': (p) => `“${p.value}”按${p.start}至${p.end}这一旬读取；此处应填具体日期，请核对。`,
  'longText.short': (p) => `要求${p.about}字左右，现只有${p.count}字，请补充。`,
  'longText.long': (p) => `要求${p.about}字左右，现有${p.count}字，请精简。`,
  // A form as a whole (rules/check-form.ts)
  required: (p) => `必填：请填写${p.label}。`,
  'required.row': (p) => `此行已填写，请补全${p.label}。`,
  'blank.reminder': (p) => `未填${p.name}，请补上${p.hint ? `（${p.hint}）` : ''}。`,
  'form.untouched': () => '表格尚未填写。',
  // The reader (read/read-sheet.ts)
  'read.statedTotal': (p) => `本单位自填${p.label} ${p.stated}，明细之和 ${p.sum}（${p.what || '行数'}）；${p.label}行不计入汇总，请核对。`,
  'unit.fromFile': (p) => `单位名称未填，按${p.source}认作“${p.unit}”汇总；请补上单位名称。`,
  'read.notFound': (p) => `找不到“${p.label}”的填写位置（表格的栏目被改动过），未读取此项，请对照原表核对。`,
} satisfies Record<string, Wording>;

/** A problem the core itself finds (a rule kind's codes are its own, in rules/kinds/). */
export type CoreCode = keyof typeof ZH_CN;
