/** Written into every workbook the add-in or the command line makes (docProps/core.xml). */
export const WORKBOOK_CREATOR = 'Union Forms 工会表格助手';
