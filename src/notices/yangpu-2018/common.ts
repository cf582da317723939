import { FILL_DATE_HINT, input, label } from '../build';

export function unitLine(inputSpan: number) {
  return {
    height: 28,
    cells: [
      label(0, '填报单位：', { preset: 'plain' }),
      input(1, { id: 'unit', label: '填报单位', type: 'text', required: true }, { colSpan: inputSpan, style: { border: 'bottom' } }),
    ],
  };
}

export function noteLine(width: number) {
  return { height: 22, cells: [label(0, '注：表格不够可另附，电子版请从区总工会网站公告栏下载。', { colSpan: width, preset: 'note' })] };
}

/** 联系人：… 联系电话：… 填报日期：… under the list; `phoneSpan` widens the phone cell on wider forms. */
export function contactLine(phoneSpan: number) {
  const dateLabelCol = 3 + phoneSpan;
  return {
    height: 28,
    cells: [
      label(0, '联系人：', { preset: 'plain' }),
      input(1, { id: 'contact', label: '联系人', type: 'text', required: true }, { style: { border: 'bottom' } }),
      label(2, '联系电话：', { preset: 'plain', style: { h: 'right' } }),
      input(
        3,
        { id: 'contactPhone', label: '联系电话', type: 'phone', required: true },
        { colSpan: phoneSpan, style: { border: 'bottom' } },
      ),
      label(dateLabelCol, '填报日期：', { preset: 'plain', style: { h: 'right' } }),
      input(
        dateLabelCol + 1,
        { id: 'fillDate', label: '填报日期', type: 'date', remindIfBlank: true, hint: FILL_DATE_HINT },
        { style: { border: 'bottom' } },
      ),
    ],
  };
}
