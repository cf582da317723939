/** Why a returned file cannot be read, as the clerk sees it (the same words in the CLI, its report and the pane). */
export const EMPTY_FILE = '文件是空的。';
export const NOT_EXCEL = '不是 Excel 文件（.xlsx/.xls），无法读取。';
export const PASSWORD_PROTECTED = '文件设有打开密码：请先取消密码后再试。';
export const WORD_DOCUMENT = '这是 Word 文档，不是 Excel 工作簿，无法读取。';
export const POWERPOINT_DOCUMENT = '这是 PowerPoint 演示文稿，不是 Excel 工作簿，无法读取。';
