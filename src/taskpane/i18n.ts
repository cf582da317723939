import type { InputStatus } from '../core/merge/merge-returns';
import type { MissingFeature } from '../hosts/office/api-support';

export type Locale = 'zh-CN' | 'en-US';

export interface MergeStrings {
  intro: string;
  pickFiles: string;
  mergeWorkbook: string;
  clear: string;
  dropHint: string;
  picked: (n: number) => string;
  rosterLabel: string;
  rosterHint: (n: number) => string;
  rosterFromSelection: string;
  rosterSelectionEmpty: string;
  /** Title of the message when the roster could not be kept in the workbook (the reason follows). */
  rosterNotSaved: string;
  reading: (done: number, total: number, file: string) => string;
  writing: (done: number, total: number) => string;
  cancel: string;
  cancelled: string;
  failed: string;
  previewHeading: string;
  tally: (files: number, merged: number, withProblems: number, skipped: number, unreadable: number, replaced: number) => string;
  status: Record<InputStatus, string>;
  sheetLine: (sheet: string, form: string, unit: string, records: number, problems: number) => string;
  noUnit: string;
  mergeButton: string;
  nothingToWrite: string;
  written: (n: number) => string;
  writtenHeading: string;
  confirmTitle: string;
  confirmBody: (names: string[]) => string;
  replace: string;
  keep: string;
  /** One problem's severity, in words (never colour alone). */
  severityOne: Record<'error' | 'warning' | 'info', string>;
  /** Accessible name of a sheet's list of problems. */
  problemsOf: (sheet: string) => string;
  /** Shown above the problems of the open workbook's sheets, which can be clicked. */
  problemsClickHint: string;
  /** The toggle of a long list: how many more there are, and back. */
  showMoreProblems: (hidden: number) => string;
  showFewerProblems: string;
  /** Title of the message when a problem's cell could not be selected (the reason follows). */
  cellNotSelected: string;
  /** The status board (issue 14): units × forms, each cell in words as well as colour. */
  boardHeading: string;
  unitColumn: string;
  formWord: Record<'submitted' | 'late' | 'missing' | 'problems' | 'corrected' | 'notOwed', string>;
  unitWord: Record<'complete' | 'partial' | 'otherEdition' | 'missing', string>;
  /** A board cell read aloud: unit, form and what it says, with the counts of problems. */
  cellLabel: (unit: string, form: string, words: string, errors: number, warnings: number) => string;
  deskCounts: (complete: number, partial: number, missing: number) => string;
  offRoster: (units: string[]) => string;
  deadlineLabel: string;
  deadlineHint: string;
  /** The folded list of files with nothing to say. */
  fineFiles: (n: number) => string;
  copyReminder: string;
  reminderLabel: string;
  reminderCopied: string;
  reminderSelectHint: string;
  saveSlips: (units: number) => string;
  makingSlips: string;
  slipsZipName: string;
  slipsSaved: (n: number, zip: string) => string;
  slipsFailed: string;
  /** Excel on Mac cannot save a download: the command line makes the slips there. */
  slipsOnMac: string;
  /** The imported forms recognised by the definitions the returns carry (issue 13 §3), as "title（id 第 n 版）". */
  definitionsAdded: (forms: string[]) => string;
  /** Title of the warning over a definition refused (its sentence, in Chinese from the core, follows). */
  definitionRefused: string;
}

export interface Strings {
  /** The language of these strings: problems are worded in it too (core/messages). */
  lang: Locale;
  appTitle: string;
  appSubtitle: string;
  outsideOffice: string;
  galleryHeading: string;
  /** 新表格: the button that opens it and its panel's heading. */
  newForm: string;
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
  tabMerge: string;
  merge: MergeStrings;
  checkWorkbook: string;
  /** Said where the checks that paint cost the clerk's Ctrl+Z history (ValidationHost.paintClearsUndo). */
  paintClearsUndo: string;
  checking: string;
  noFormSheets: string;
  noProblems: string;
  severity: Record<'error' | 'warning' | 'info', string>;
  counts: (errors: number, warnings: number, infos: number) => string;
  /** 检查全部: also report required cells still empty as errors (until then they are 未填). */
  checkEverything: string;
  /** Under the buttons: what 未填 means, before and after 检查全部. */
  unfilledHint: string;
  everythingChecked: string;
  /** Heading of a sheet's required cells still empty (not errors yet). */
  unfilled: string;
  /** The counts line with the 未填 count. */
  countsWithUnfilled: (errors: number, warnings: number, unfilled: number, infos: number) => string;
  /** Beside 届次: what the year and dates follow. */
  paramsFollowEdition: string;
  problemLine: (cell: string, label: string, message: string) => string;
  /** 自检 (issue 20 §6): the self-test for a real Excel or WPS; its report itself is always in Chinese. */
  selfTest: SelfTestStrings;
  /** Files chosen through the host's own dialog (WPS 表格's), beside the pane's file chooser. */
  hostFiles: HostFilesStrings;
}

export interface HostFilesStrings {
  /** 合并: the returns chosen in WPS's dialog. */
  chooseReturns: string;
  /** 新表格: the notice chosen in WPS's dialog. */
  chooseNotice: string;
  /** Title above the files chosen that could not be read (each then with its reason). */
  unreadable: (n: number) => string;
  unreadableLine: (name: string, reason: string) => string;
  /** Title and text when WPS's dialog could not be opened at all. */
  dialogFailed: string;
  dialogFailedText: string;
}

export interface SelfTestStrings {
  /** The small entry at the foot of the pane. */
  open: string;
  heading: string;
  /** What it does, and that nothing of the clerk's is changed or sent. */
  intro: string;
  run: string;
  running: string;
  /** Counts of the probes: worked, failed, not supported. */
  summary: (ok: number, failed: number, unsupported: number) => string;
  reportLabel: string;
  copy: string;
  copied: string;
  /** Where the clipboard refuses: select the text and copy it by hand. */
  copyByHand: string;
  /** How to send it back. */
  sendHint: string;
  /** Title of the message when the self-test could not run at all (the reason follows). */
  failed: string;
}

const zh: Strings = {
  lang: 'zh-CN',
  appTitle: '工会表格助手',
  appSubtitle: '选择表格，设好届次或年度，插入为新工作表。',
  outsideOffice: '此页面需要在 Excel 中作为加载项打开。请在 Excel 的“开始”选项卡点击“工会表格”。',
  galleryHeading: '官方表格',
  newForm: '新表格',
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
  tabMerge: '合并',
  merge: {
    intro: '选择各单位报送的工作簿，预览后一键生成汇总表和合并报告。文件只在本机读取，不会上传。',
    pickFiles: '选择报送文件',
    mergeWorkbook: '合并本工作簿中的表',
    clear: '清除',
    dropHint: '可多选；也可以把文件拖到这里（.xlsx、.xlsm、.xls，WPS 的 .et）。',
    picked: (n) => `已选 ${n} 个文件。`,
    rosterLabel: '应报送单位名单',
    rosterHint: (n) => `每行一个单位，可从别处粘贴；共 ${n} 个。名单保存在本工作簿中。`,
    rosterFromSelection: '用选中的单元格作名单',
    rosterSelectionEmpty: '选中的单元格是空的：请先选中写有单位名称的一列，再点此按钮。',
    rosterNotSaved: '单位名单没有保存到工作簿（名单仍在上面的框中）',
    reading: (done, total, file) => `正在读取 ${done}/${total}${file ? `：${file}` : ''}`,
    writing: (done, total) => `正在写入汇总表：${done}/${total} 行`,
    cancel: '取消',
    cancelled: '已取消，工作簿没有改动。',
    failed: '合并没有完成',
    previewHeading: '读取结果',
    tally: (files, merged, withProblems, skipped, unreadable, replaced) =>
      `共 ${files} 个文件：可合并 ${merged}（其中有问题 ${withProblems}），跳过 ${skipped}，无法读取 ${unreadable}，被较新文件代替 ${replaced}。`,
    status: {
      merged: '可合并',
      'merged-with-problems': '可合并，有问题',
      skipped: '跳过',
      unreadable: '无法读取',
      replaced: '已被较新的文件代替',
    },
    sheetLine: (sheet, form, unit, records, problems) => `“${sheet}”· ${form} · ${unit} · ${records} 条记录 · ${problems} 个问题`,
    definitionsAdded: (forms) => `按文件中附带的表格定义识别：${forms.join('、')}`,
    definitionRefused: '表格定义未使用',
    noUnit: '（未填单位）',
    mergeButton: '生成汇总表',
    nothingToWrite: '没有可合并的记录。',
    written: (n) => `已生成 ${n} 张工作表。点击名称可跳转。`,
    writtenHeading: '生成的工作表',
    confirmTitle: '本工作簿中已有上次合并的汇总表',
    confirmBody: (names) =>
      `已有：${names.join('、')}。替换会删除这些汇总表（只删除本加载项生成的汇总表）；也可以另建新的工作表，保留原来的。`,
    replace: '替换原汇总表',
    keep: '另建新工作表',
    severityOne: { error: '错误', warning: '警告', info: '提示' },
    problemsOf: (sheet) => `“${sheet}”的问题`,
    problemsClickHint: '点击问题可选中对应的单元格。',
    showMoreProblems: (hidden) => `再显示 ${hidden} 条`,
    showFewerProblems: '收起',
    cellNotSelected: '无法选中该单元格',
    boardHeading: '报送情况',
    unitColumn: '单位',
    formWord: { submitted: '已报', late: '迟报', missing: '未报', problems: '有误', corrected: '已更正', notOwed: '不需报' },
    unitWord: { complete: '齐全', partial: '缺报', otherEdition: '已报（届次不符）', missing: '未报' },
    cellLabel: (unit, form, words, errors, warnings) =>
      `${unit}，${form}：${words}${errors + warnings > 0 ? `（错误 ${errors}，警告 ${warnings}）` : ''}`,
    deskCounts: (complete, partial, missing) => `齐全 ${complete} · 缺报 ${partial} · 未报 ${missing}`,
    offRoster: (units) => `名单外的单位：${units.join('、')}`,
    deadlineLabel: '截止日期（可不填）',
    deadlineHint: '填了就按这一天判断迟报，不填按通知规定的日期。',
    fineFiles: (n) => `${n} 个文件没有问题`,
    copyReminder: '复制催报文字',
    reminderLabel: '催报文字',
    reminderCopied: '催报文字已复制，可粘贴到工作群或邮件中。',
    reminderSelectHint: '无法自动复制：催报文字已在下面的框中选中，请按 Ctrl+C（Mac 上按 ⌘C）复制。',
    saveSlips: (units) => `保存退回修改单（${units} 个单位）`,
    makingSlips: '正在生成退回修改单……',
    slipsZipName: '退回修改单.zip',
    slipsSaved: (n, zip) => `已生成 ${n} 份退回修改单，打包为“${zip}”下载。`,
    slipsFailed: '退回修改单没有生成',
    slipsOnMac:
      'Excel for Mac 的加载项不能保存文件。退回修改单请用命令行生成：union-forms merge 报送文件夹 --roster 单位名单.txt --slips 文件夹',
  },
  checkWorkbook: '检查整个工作簿',
  paintClearsUndo: '在此版本中，“检查整个工作簿”和“检查全部”标出颜色后，此前的操作不能再用 Ctrl+Z 撤销；边填边查不受影响。',
  checking: '正在检查……',
  noFormSheets: '工作簿中没有找到官方表格。插入表格后，填写时会自动检查。',
  noProblems: '没有发现问题。',
  severity: { error: '错误', warning: '警告', info: '提示' },
  counts: (e, w, i) => `错误 ${e} · 警告 ${w} · 提示 ${i}`,
  checkEverything: '检查全部',
  unfilledHint: '填写中尚未填的必填项列为“未填”，不标红；填完后点“检查全部”，未填的必填项也作为错误标出。',
  everythingChecked: '已检查全部：未填的必填项作为错误标出。',
  unfilled: '未填',
  countsWithUnfilled: (e, w, u, i) => `错误 ${e} · 警告 ${w} · 未填 ${u} · 提示 ${i}`,
  paramsFollowEdition: '改届次时，年份和日期随之调整；如与通知不同，可直接修改。',
  problemLine: (cell, label, message) => `${cell} ${label}：${message}`,
  hostFiles: {
    chooseReturns: '用 WPS 选择文件…',
    chooseNotice: '用 WPS 选择通知…',
    unreadable: (n) => `${n} 个文件未能读取`,
    unreadableLine: (name, reason) => `${name}：${reason}`,
    dialogFailed: '未能打开 WPS 的文件对话框',
    dialogFailedText: '请改用旁边的选择按钮选择文件。',
  },
  selfTest: {
    open: '自检',
    heading: '自检',
    intro:
      '自检会新建一张临时工作表，逐项试用本加载项用到的功能，然后删除它；不会改动您的工作表，也不会发送任何内容。Excel 中自检会清空撤销记录。',
    run: '运行自检',
    running: '正在自检……',
    summary: (ok, failed, unsupported) => `正常 ${ok} 项，失败 ${failed} 项，不支持 ${unsupported} 项。`,
    reportLabel: '自检报告',
    copy: '复制报告',
    copied: '已复制。',
    copyByHand: '无法自动复制：请点下面的文本框，按 Ctrl+A 全选，再按 Ctrl+C 复制。',
    sendHint: '请把报告粘贴到工作群或邮件中，发给为您单位部署本加载项的人员。报告中没有您的表格内容、工作表名称或文件名。',
    failed: '自检未能运行',
  },
};

const en: Strings = {
  lang: 'en-US',
  appTitle: 'Union Forms',
  appSubtitle: 'Pick a form, set its edition or year, and insert it as a new sheet.',
  outsideOffice: 'This page must be opened in Excel as an add-in: on the Home tab, choose Union Forms.',
  galleryHeading: 'Official forms',
  newForm: 'New form',
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
  tabMerge: 'Merge',
  merge: {
    intro:
      'Choose the workbooks the units sent back, preview them, and make the summary sheets and a report in one step. Files are read on this computer only.',
    pickFiles: 'Choose returned files',
    mergeWorkbook: 'Merge the forms in this workbook',
    clear: 'Clear',
    dropHint: 'Several at once; you can also drop files here (.xlsx, .xlsm, .xls, WPS .et).',
    picked: (n) => `${n} files chosen.`,
    rosterLabel: 'Units expected to report',
    rosterHint: (n) => `One unit per line; paste from anywhere. ${n} units. Kept in this workbook.`,
    rosterFromSelection: 'Use the selected cells',
    rosterSelectionEmpty: 'The selected cells are empty: select the column with the unit names first.',
    rosterNotSaved: 'The list of units was not kept in the workbook (it is still in the box above)',
    reading: (done, total, file) => `Reading ${done}/${total}${file ? `: ${file}` : ''}`,
    writing: (done, total) => `Writing summaries: ${done}/${total} rows`,
    cancel: 'Cancel',
    cancelled: 'Cancelled; the workbook is unchanged.',
    failed: 'The merge did not finish',
    previewHeading: 'What was found',
    tally: (files, merged, withProblems, skipped, unreadable, replaced) =>
      `${files} files: ${merged} to merge (${withProblems} with problems), ${skipped} skipped, ${unreadable} unreadable, ${replaced} replaced by a later file.`,
    status: {
      merged: 'To merge',
      'merged-with-problems': 'To merge, with problems',
      skipped: 'Skipped',
      unreadable: 'Unreadable',
      replaced: 'Replaced by a later file',
    },
    sheetLine: (sheet, form, unit, records, problems) => `“${sheet}” · ${form} · ${unit} · ${records} records · ${problems} problems`,
    definitionsAdded: (forms) => `Recognised by the form definitions the files carry: ${forms.join(', ')}`,
    definitionRefused: 'Form definition not used',
    noUnit: '(no unit given)',
    mergeButton: 'Make the summaries',
    nothingToWrite: 'Nothing to merge.',
    written: (n) => `Made ${n} sheets. Choose a name to go to it.`,
    writtenHeading: 'Sheets made',
    confirmTitle: 'This workbook already has summaries from an earlier merge',
    confirmBody: (names) =>
      `Already here: ${names.join(', ')}. Replacing deletes them (only summaries this add-in made); or make new sheets and keep the old ones.`,
    replace: 'Replace the old summaries',
    keep: 'Make new sheets',
    severityOne: { error: 'Error', warning: 'Warning', info: 'Note' },
    problemsOf: (sheet) => `Problems in “${sheet}”`,
    problemsClickHint: 'Choose a problem to select its cell.',
    showMoreProblems: (hidden) => `Show ${hidden} more`,
    showFewerProblems: 'Show fewer',
    cellNotSelected: 'Could not select the cell',
    boardHeading: 'Who has sent what',
    unitColumn: 'Unit',
    formWord: { submitted: 'Sent', late: 'Late', missing: 'Not sent', problems: 'Problems', corrected: 'Corrected', notOwed: 'Not due' },
    unitWord: { complete: 'Complete', partial: 'Partial', otherEdition: 'Sent (wrong edition)', missing: 'Nothing' },
    cellLabel: (unit, form, words, errors, warnings) =>
      `${unit}, ${form}: ${words}${errors + warnings > 0 ? ` (${errors} errors, ${warnings} warnings)` : ''}`,
    deskCounts: (complete, partial, missing) => `Complete ${complete} · Partial ${partial} · Nothing ${missing}`,
    offRoster: (units) => `Not on the list: ${units.join(', ')}`,
    deadlineLabel: 'Deadline (optional)',
    deadlineHint: 'When set, returns after this day are late; otherwise the notice’s own dates count.',
    fineFiles: (n) => `${n} files with no problems`,
    copyReminder: 'Copy the reminder',
    reminderLabel: 'Reminder',
    reminderCopied: 'Reminder copied: paste it into a work chat or an e-mail.',
    reminderSelectHint: 'Could not copy by itself: the reminder is selected in the box below; press Ctrl+C (⌘C on a Mac).',
    saveSlips: (units) => `Save correction slips (${units} units)`,
    makingSlips: 'Making the correction slips…',
    slipsZipName: '退回修改单.zip',
    slipsSaved: (n, zip) => `Made ${n} correction slips, downloaded together as “${zip}”.`,
    slipsFailed: 'The correction slips were not made',
    slipsOnMac:
      'Add-ins in Excel for Mac cannot save files. Make the correction slips with the command line: union-forms merge <folder> --roster units.txt --slips <folder>',
  },
  checkWorkbook: 'Check the whole workbook',
  paintClearsUndo:
    'In this version, once Check the whole workbook or Check everything has marked the cells, what you did before can no longer be undone with Ctrl+Z; checking as you type does not affect it.',
  checking: 'Checking…',
  noFormSheets: 'No official form in this workbook. Insert one; it is checked as you fill it in.',
  noProblems: 'No problems found.',
  severity: { error: 'Errors', warning: 'Warnings', info: 'Notes' },
  counts: (e, w, i) => `${e} errors · ${w} warnings · ${i} notes`,
  checkEverything: 'Check everything',
  unfilledHint:
    'While a form is being filled in, required cells not filled yet are listed as “Not filled in”, not shown red; when done, choose Check everything to mark them as errors too.',
  everythingChecked: 'Checked everything: required cells still empty are marked as errors.',
  unfilled: 'Not filled in',
  countsWithUnfilled: (e, w, u, i) => `${e} errors · ${w} warnings · ${u} not filled in · ${i} notes`,
  paramsFollowEdition: 'Changing the edition moves the year and dates with it; change them here if the notice says otherwise.',
  problemLine: (cell, label, message) => `${cell} ${label}: ${message}`,
  hostFiles: {
    chooseReturns: 'Choose with WPS…',
    chooseNotice: 'Choose the notice with WPS…',
    unreadable: (n) => (n === 1 ? '1 file could not be read' : `${n} files could not be read`),
    unreadableLine: (name, reason) => `${name}: ${reason}`,
    dialogFailed: 'Could not open the WPS file dialog',
    dialogFailedText: 'Use the choose button beside it instead.',
  },
  selfTest: {
    open: 'Self-test',
    heading: 'Self-test',
    intro:
      'The self-test adds a temporary sheet, tries each feature the add-in uses on it, then deletes it. Your sheets are not changed and nothing is sent. In Excel it clears the undo history.',
    run: 'Run the self-test',
    running: 'Testing…',
    summary: (ok, failed, unsupported) => `${ok} worked, ${failed} failed, ${unsupported} not supported.`,
    reportLabel: 'Self-test report (in Chinese)',
    copy: 'Copy the report',
    copied: 'Copied.',
    copyByHand: 'Could not copy: click the text below, press Ctrl+A to select it all, then Ctrl+C.',
    sendHint:
      'Paste the report into a chat or an e-mail to whoever set up the add-in for your office. It holds none of your cells, sheet names or file names.',
    failed: 'The self-test could not run',
  },
};

/** Chinese unless Office says the user works in another language. */
export function pickLocale(displayLanguage: string | undefined): Locale {
  return displayLanguage && !/^zh/i.test(displayLanguage) ? 'en-US' : 'zh-CN';
}

export function stringsFor(locale: Locale): Strings {
  return locale === 'zh-CN' ? zh : en;
}
