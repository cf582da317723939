import type { ReviewType } from '../../core/import/field-review';
import type { Locale } from '../i18n';

/** The words of 新表格 (issue 13): importing a notice's forms or a selected table, reviewing and saving them. */
export interface NewFormStrings {
  intro: string;
  fromNotice: string;
  fromSelection: string;
  reading: string;
  failed: string;
  found: (forms: number, skipped: number) => string;
  noticeLine: (title: string, docNo: string, issuer: string) => string;
  noticeGuesses: string;
  unknownSymbol: (symbol: string) => string;
  skipped: (name: string) => string;
  formName: string;
  /** Above what the import could not decide: a person must settle each. */
  undecidedHeading: string;
  guessesHeading: (n: number) => string;
  fieldsHeading: (n: number) => string;
  fieldLabel: string;
  fieldType: string;
  required: string;
  maxLength: string;
  options: string;
  optionsHint: string;
  listColumn: string;
  types: Record<ReviewType, string>;
  save: string;
  saving: string;
  saved: (name: string, replaced: boolean) => string;
  savedVersion: (name: string, version: number) => string;
  discard: string;
  /** The template (.xlsx) and the definition (.json) of a saved form, as one .zip: for the units to fill in. */
  downloadTemplate: string;
  noDownloadOnMac: string;
  cannotSave: string;
  outsideOffice: string;
}

const zh: NewFormStrings = {
  intro:
    '把新通知的附件表格变成可填写、可检查、可汇总的表格：导入通知的 Word 原文，或选中粘贴到工作表中的表格。导入后请逐项核对推测的栏目，再保存到本工作簿。',
  fromNotice: '从通知导入…',
  fromSelection: '从所选区域创建',
  reading: '正在读取…',
  failed: '未能导入',
  found: (forms, skipped) => `找到 ${forms} 张附件表格${skipped > 0 ? `，另有 ${skipped} 个附件没有表格` : ''}。请核对后保存。`,
  noticeLine: (title, docNo, issuer) => `通知：${title}\u3000文号：${docNo}\u3000发文单位：${issuer}`,
  noticeGuesses: '通知本身的推测',
  unknownSymbol: (symbol) => `不认识的符号 ${symbol}，按“□”处理，请核对。`,
  skipped: (name) => `${name}：没有表格，未导入。`,
  formName: '表格名称',
  undecidedHeading: '未能确定，请您决定',
  guessesHeading: (n) => `推测（${n} 条，请核对）`,
  fieldsHeading: (n) => `栏目（${n} 个）`,
  fieldLabel: '栏目名称',
  fieldType: '类型',
  required: '必填',
  maxLength: '字数上限',
  options: '选项',
  optionsHint: '用“、”隔开，例如：是、否',
  listColumn: '名单中的一列',
  types: {
    text: '文字',
    longText: '长文字',
    integer: '整数',
    decimal: '数（可有小数）',
    date: '日期',
    phone: '电话',
    postcode: '邮政编码',
    yesNo: '是/否',
    check: '勾选（☑）',
    choice: '单选',
  },
  save: '保存到本工作簿',
  saving: '正在保存…',
  saved: (name, replaced) => `已${replaced ? '更新' : '保存'}“${name}”：在“插入表格”中可以插入它，填写时会随时检查。`,
  savedVersion: (name, version) =>
    `已把改动后的“${name}”保存为第 ${version} 版：新插入的表用这一版；已插入的表和已发出的模板仍按原来的版本检查和汇总。`,
  discard: '放弃',
  downloadTemplate: '下载模板和定义（.zip）',
  noDownloadOnMac:
    'Excel for Mac 的加载项不能保存文件。要发给各单位的模板，请用命令行 union-forms import 生成，或插入此表后把工作簿发出（工作簿带着表格定义）。',
  cannotSave: '不能保存',
  outsideOffice: '在 Excel 中打开本加载项才能保存和从所选区域创建。',
};

const en: NewFormStrings = {
  intro:
    'Turn a new notice’s attached forms into forms to fill in, check and merge: import the notice’s Word file, or select a table pasted into a sheet. Check each guessed field, then save it in this workbook.',
  fromNotice: 'Import from a notice…',
  fromSelection: 'Create from the selection',
  reading: 'Reading…',
  failed: 'Could not import',
  found: (forms, skipped) =>
    `Found ${forms} attached form(s)${skipped > 0 ? `; ${skipped} attachment(s) without a table` : ''}. Check, then save.`,
  noticeLine: (title, docNo, issuer) => `Notice: ${title} · No. ${docNo} · Issued by ${issuer}`,
  noticeGuesses: 'Guesses about the notice',
  unknownSymbol: (symbol) => `Unknown symbol ${symbol}, read as “□”; please check.`,
  skipped: (name) => `${name}: no table, not imported.`,
  formName: 'Form name',
  undecidedHeading: 'Not decided: please settle',
  guessesHeading: (n) => `Guesses (${n}, please check)`,
  fieldsHeading: (n) => `Fields (${n})`,
  fieldLabel: 'Field name',
  fieldType: 'Type',
  required: 'Required',
  maxLength: 'Most characters',
  options: 'Options',
  optionsHint: 'Separated by “、”, e.g. 是、否',
  listColumn: 'A column of a list',
  types: {
    text: 'Text',
    longText: 'Long text',
    integer: 'Whole number',
    decimal: 'Number (decimals allowed)',
    date: 'Date',
    phone: 'Phone',
    postcode: 'Postcode',
    yesNo: 'Yes/no',
    check: 'Tick (☑)',
    choice: 'One of',
  },
  save: 'Save in this workbook',
  saving: 'Saving…',
  saved: (name, replaced) => `${replaced ? 'Updated' : 'Saved'} “${name}”: insert it from “Insert form”; it is checked as it is filled in.`,
  savedVersion: (name, version) =>
    `Saved the changed “${name}” as version ${version}: new sheets use it; sheets inserted and templates sent before keep their own version.`,
  discard: 'Discard',
  downloadTemplate: 'Download the template and definition (.zip)',
  noDownloadOnMac:
    'Add-ins in Excel for Mac cannot save files. Make the templates for the units with the command line’s union-forms import, or insert this form and send the workbook (it carries the definition).',
  cannotSave: 'Cannot save',
  outsideOffice: 'Open this add-in in Excel to save forms and to create one from the selection.',
};

export function newFormStrings(locale: Locale): NewFormStrings {
  return locale === 'zh-CN' ? zh : en;
}
