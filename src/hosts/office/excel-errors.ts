/** Chinese explanations of the error codes Excel's JavaScript API reports (OfficeExtension.Error.code). */
const MESSAGES: Record<string, string> = {
  RequestPayloadSizeLimitExceeded: '一次写入的数据超过了 Excel 网页版 5 MB 的限制，请分几次进行。',
  ResponsePayloadSizeLimitExceeded: '一次读取的数据超过了 Excel 网页版 5 MB 的限制，请分几次进行。',
  AccessDenied: 'Excel 拒绝写入：工作表或工作簿受保护，或没有编辑权限。',
  InvalidOperationInCellEditMode: 'Excel 正在编辑单元格，请先按 Enter 或 Esc 结束编辑，再试一次。',
  ItemAlreadyExists: '已有同名的工作表，请重试。',
  ApiNotFound: '此版本 Excel 不支持所需的功能，请升级到 Office 2021 及以后的版本或 Microsoft 365。',
  ApiNotAvailable: '此版本 Excel 不支持所需的功能，请升级到 Office 2021 及以后的版本或 Microsoft 365。',
  InvalidArgument: 'Excel 拒绝了这次写入（参数无效）。',
  // Also what a batch gets while the clerk edits a cell ("Batch fails (`InvalidOperation` error)": the cell-edit article).
  InvalidOperation: 'Excel 拒绝了这次操作（操作无效）。如果正在编辑单元格，请先按 Enter 或 Esc 结束编辑，再试一次。',
  // "multiple workbooks are open and the workbook being called by this API has lost focus" (error list).
  InactiveWorkbook: 'Excel 拒绝了这次操作：另一个工作簿正在前台。请切换回本工作簿，再试一次。',
  // A selection of several blocks, or another workbook brought to the front meanwhile (troubleshooting page).
  InvalidSelection:
    'Excel 拒绝了这次操作：当前的选择不适用（例如选中了多块区域，或刚切换到另一个工作簿）。请回到本工作簿，只选中一块区域后再试一次。',
  ItemNotFound: '找不到要操作的工作表，它可能刚被删除或改名；请再试一次。',
  GeneralException: 'Excel 内部出错，请稍后再试。',
  Conflict: '其他人正在同时编辑，请稍后再试。',
};

export function excelErrorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * The error in a Chinese sentence for the clerk: Excel's own text (English, a program's) never reaches the pane; a code
 * without a sentence here is named, for whoever helps the clerk.
 */
export function describeExcelError(err: unknown): string {
  const code = excelErrorCode(err);
  if (code && MESSAGES[code]) return MESSAGES[code] as string;
  return code ? `Excel 拒绝了这次操作（错误代码 ${code}），请稍后再试。` : 'Excel 未能完成这次操作，请稍后再试。';
}

/**
 * Codes on which a step that only puts the workbook back (a clean-up: it looks first, then deletes or renames what it
 * finds, so running it twice does no harm) is tried again: the clerk is editing a cell (the error list's
 * InvalidOperationInCellEditMode, the cell-edit article's InvalidOperation), or another workbook came to the front
 * while it ran (InactiveWorkbook: error list; GeneralException and InvalidSelection for Worksheet.activate and
 * Worksheet.delete: troubleshooting page, "API limitations when the active workbook switches", Windows and Mac).
 */
const PASSING_REFUSALS = new Set([
  'InvalidOperationInCellEditMode',
  'InvalidOperation',
  'InactiveWorkbook',
  'GeneralException',
  'InvalidSelection',
]);

/**
 * Codes that say a read of the selection was refused for another reason than the selection itself: the clerk is
 * editing a cell (InvalidOperationInCellEditMode, InvalidOperation: the documents disagree), another workbook is in
 * front (InactiveWorkbook), the sheet is gone (ItemNotFound).
 */
export const NOT_THE_SELECTION: ReadonlySet<string> = new Set([
  'InvalidOperationInCellEditMode',
  'InvalidOperation',
  'InactiveWorkbook',
  'ItemNotFound',
]);

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a clean-up step again while Excel refuses it for a passing reason (PASSING_REFUSALS: the clerk editing a cell,
 * another workbook in front), up to `tries` times; other errors, and the last refusal, are thrown.
 */
export async function retryWhileExcelBusy<T>(step: () => Promise<T>, tries: number, retryMs: number): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (err) {
      if (!PASSING_REFUSALS.has(excelErrorCode(err) ?? '') || attempt >= tries) throw err;
      await delay(retryMs);
    }
  }
}
