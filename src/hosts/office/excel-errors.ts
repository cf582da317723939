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
  InvalidOperation: 'Excel 拒绝了这次写入（操作无效）。',
  ItemNotFound: '找不到要操作的工作表，它可能刚被删除或改名；请再试一次。',
  GeneralException: 'Excel 内部出错，请稍后再试。',
  Conflict: '其他人正在同时编辑，请稍后再试。',
};

export function excelErrorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function describeExcelError(err: unknown): string {
  const code = excelErrorCode(err);
  if (code && MESSAGES[code]) return MESSAGES[code] as string;
  const message = (err as { message?: unknown } | null)?.message;
  return `${typeof message === 'string' && message ? message : String(err)}${code ? `（${code}）` : ''}`;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs a step again while Excel refuses it because the clerk is editing a cell, up to `tries` times; other errors, and the last refusal, are thrown. */
export async function retryInCellEditMode<T>(step: () => Promise<T>, tries: number, retryMs: number): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (err) {
      if (excelErrorCode(err) !== 'InvalidOperationInCellEditMode' || attempt >= tries) throw err;
      await delay(retryMs);
    }
  }
}
