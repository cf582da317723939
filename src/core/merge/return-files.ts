/** Files a unit may have sent as its return: workbooks, and WPS and CSV files, which get a verdict of their own. */
const RETURN_FILE = /\.(xlsx|xlsm|xls|et|csv)$/i;

/** Whether a file found in a folder or dropped on the pane is taken as a return (Excel's ~$ lock files are not). */
export function isReturnFileName(name: string): boolean {
  return RETURN_FILE.test(name) && !name.startsWith('~$');
}
