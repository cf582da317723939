/** Errors shaped like OfficeExtension.Error: a code to branch on, a message, and debug information. */
export class FakeExcelError extends Error {
  override name = 'RichApi.Error';
  constructor(
    readonly code: string,
    message: string,
    readonly debugInfo: { code: string; message: string; errorLocation?: string } = { code, message },
  ) {
    super(message);
  }
}

export const notLoaded = (what: string) =>
  new FakeExcelError(
    'PropertyNotLoaded',
    `The property '${what}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

export const apiNotFound = (api: string, set: string) =>
  new FakeExcelError('ApiNotFound', `${api} needs ExcelApi ${set}, which this host does not support.`);
