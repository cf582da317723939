import type { MissingFeature } from '../hosts/office/api-support';

export type Locale = 'zh-CN' | 'en-US';

export interface Strings {
  appTitle: string;
  appSubtitle: string;
  outsideOffice: string;
  galleryHeading: string;
  notice: (title: string, docNo: string, attachment: string) => string;
  deadline: (date: string) => string;
  noDeadline: string;
  insert: string;
  inserting: string;
  inserted: (sheet: string) => string;
  insertFailed: string;
  missingTitle: string;
  missing: Record<MissingFeature, string>;
  dismiss: string;
  tabInsert: string;
  tabCheck: string;
  checkWorkbook: string;
  checking: string;
  noFormSheets: string;
  noProblems: string;
  severity: Record<'error' | 'warning' | 'info', string>;
  counts: (errors: number, warnings: number, infos: number) => string;
  problemLine: (cell: string, label: string, message: string) => string;
}

const zh: Strings = {
  appTitle: '工会表格助手',
  appSubtitle: '选择表格，设好届次或年度，插入为新工作表。',
  outsideOffice: '此页面需要在 Excel 中作为加载项打开。请在 Excel 的“开始”选项卡点击“工会表格”。',
  galleryHeading: '官方表格',
  notice: (title, docNo, attachment) => `${title}（${docNo}）${attachment}`,
  deadline: (date) => `报送截止：${date}`,
  noDeadline: '通知未规定报送日期',
  insert: '插入表格',
  inserting: '正在插入……',
  inserted: (sheet) => `已插入工作表“${sheet}”。`,
  insertFailed: '插入失败',
  missingTitle: '此版本 Excel 的部分功能不可用',
  missing: {
    validation: '不支持数据验证：插入的表格没有下拉列表和输入提示（需 Office 2021 及以后的版本或 Microsoft 365）。',
    pageLayout: '不支持页面设置：打印前请手动设为 A4 纸、调整为一页宽。',
  },
  dismiss: '关闭',
  tabInsert: '插入表格',
  tabCheck: '检查',
  checkWorkbook: '检查整个工作簿',
  checking: '正在检查……',
  noFormSheets: '工作簿中没有找到官方表格。插入表格后，填写时会自动检查。',
  noProblems: '没有发现问题。',
  severity: { error: '错误', warning: '警告', info: '提示' },
  counts: (e, w, i) => `错误 ${e} · 警告 ${w} · 提示 ${i}`,
  problemLine: (cell, label, message) => `${cell} ${label}：${message}`,
};

const en: Strings = {
  appTitle: 'Union Forms',
  appSubtitle: 'Pick a form, set its edition or year, and insert it as a new sheet.',
  outsideOffice: 'This page must be opened in Excel as an add-in: on the Home tab, choose Union Forms.',
  galleryHeading: 'Official forms',
  notice: (title, docNo, attachment) => `${title} (${docNo}), ${attachment}`,
  deadline: (date) => `Due ${date}`,
  noDeadline: 'No due date in the notice',
  insert: 'Insert form',
  inserting: 'Inserting…',
  inserted: (sheet) => `Inserted the sheet “${sheet}”.`,
  insertFailed: 'Could not insert the form',
  missingTitle: 'Some features are not available in this version of Excel',
  missing: {
    validation: 'No data validation: inserted forms have no drop-down lists or input hints (needs Office 2021 or later, or Microsoft 365).',
    pageLayout: 'No page layout: set A4 paper and fit to one page wide before printing.',
  },
  dismiss: 'Dismiss',
  tabInsert: 'Insert',
  tabCheck: 'Check',
  checkWorkbook: 'Check the whole workbook',
  checking: 'Checking…',
  noFormSheets: 'No official form in this workbook. Insert one; it is checked as you fill it in.',
  noProblems: 'No problems found.',
  severity: { error: 'Errors', warning: 'Warnings', info: 'Notes' },
  counts: (e, w, i) => `${e} errors · ${w} warnings · ${i} notes`,
  problemLine: (cell, label, message) => `${cell} ${label}: ${message}`,
};

/** Chinese unless Office says the user works in another language. */
export function pickLocale(displayLanguage: string | undefined): Locale {
  return displayLanguage && !/^zh/i.test(displayLanguage) ? 'en-US' : 'zh-CN';
}

export function stringsFor(locale: Locale): Strings {
  return locale === 'zh-CN' ? zh : en;
}
