/** Why a returned file cannot be read, as the clerk sees it (the same words in the CLI, its report and the pane). */
export const EMPTY_FILE = '文件是空的。';
export const NOT_EXCEL = '不是 Excel 文件（.xlsx/.xls），无法读取。';
export const PASSWORD_PROTECTED = '文件设有打开密码：请先取消密码后再试。';
export const WORD_DOCUMENT = '这是 Word 文档，不是 Excel 工作簿，无法读取。';
export const POWERPOINT_DOCUMENT = '这是 PowerPoint 演示文稿，不是 Excel 工作簿，无法读取。';
/** Whatever else stops a reader part-way: never the reader's own (English) words. */
export const DAMAGED = '文件已损坏，无法读取：请在 Excel 或 WPS 中打开，另存为 .xlsx 后再发送。';
export const CSV_UNKNOWN_ENCODING =
  '文件名是 .csv，但其中的文字既不是 UTF-8 也不是 GBK 编码，无法读取：请在 Excel 或 WPS 中打开后另存为 .xlsx 再发送。';
export const CSV_NOT_TEXT = '文件名是 .csv，内容却不是文本，无法读取：请在 Excel 或 WPS 中另存为 .xlsx 后再发送。';

/** A file in a format from before Excel 5.0 that could not be read, named by its version ("Excel 4.0"). */
export function oldExcelFormat(version: string): string {
  return `这是 ${version} 的旧格式文件，无法读取：请用 Excel 另存为 .xlsx 后再发送。`;
}

/** A web page given a workbook's name (as some systems "export to Excel"). */
export const WEB_PAGE_AS_WORKBOOK = '这是网页（HTML）文件，只是扩展名像 Excel，无法读取：请用 Excel 打开后另存为 .xlsx 再发送。';
