/**
 * Files a unit may have sent as its return, read by `validate`, `merge` and the pane alike (src/hosts/xlsx/
 * read-workbook.ts tells the format from the bytes): Excel workbooks and templates of every age, WPS (.et/.ett),
 * OpenDocument (.ods/.ots), Excel binary (.xlsb), Numbers, and CSV as Excel and WPS save it.
 */
const RETURN_EXTENSIONS = ['xlsx', 'xlsm', 'xltx', 'xltm', 'xls', 'xlt', 'et', 'ett', 'ods', 'ots', 'xlsb', 'numbers', 'csv'] as const;
const RETURN_FILE = new RegExp(`\\.(${RETURN_EXTENSIONS.join('|')})$`, 'i');
/** The same formats for a file chooser's `accept` (".xlsx,.xlsm,…"). */
export const RETURN_FILE_ACCEPT = RETURN_EXTENSIONS.map((e) => `.${e}`).join(',');

/**
 * What a file found among the returns is:
 * - `return`: a workbook, read and merged (or given its own verdict when it cannot be read);
 * - `ignored`: never anyone's return — Excel/WPS/LibreOffice lock files and hidden system files — left out silently;
 * - `other`: another kind of document (Word, PDF, text, pictures, archives…), not merged, with the Chinese reason.
 */
export type FileRole = { role: 'return' } | { role: 'ignored'; why: string } | { role: 'other'; message: string };

/** Lock files: Excel and WPS write ~$name while a file is open, LibreOffice .~lock.name#, WPS on Linux .~name. */
const LOCK_FILE = /^(~\$|\.~)/;
/** Hidden files (macOS ._ copies and .DS_Store among them) and the folders of Windows and macOS that hold no returns. */
const SYSTEM_FILE = /^(\.|thumbs\.db$|desktop\.ini$)/i;
const SYSTEM_FOLDER = /^(\.|__MACOSX$|\$RECYCLE\.BIN$|System Volume Information$)/i;

const DOCUMENTS: readonly [RegExp, string][] = [
  [/^(doc|docx|docm|dot|dotx|dotm|rtf)$/, 'Word 文档'],
  [/^wps$/, 'WPS 文字文档'],
  [/^odt$/, 'OpenDocument 文字文档'],
  [/^(ppt|pptx|pptm|pps|ppsx)$/, 'PowerPoint 演示文稿'],
  [/^dps$/, 'WPS 演示文稿'],
  [/^pdf$/, 'PDF 文件'],
  [/^ofd$/, 'OFD 版式文件'],
  [/^(txt|text|log)$/, '文本文件'],
  [/^(htm|html|mht|mhtml)$/, '网页文件'],
  [/^(json|xml)$/, '数据文件'],
  [/^(jpg|jpeg|png|gif|bmp|tif|tiff|heic|webp)$/, '图片'],
  [/^(eml|msg)$/, '邮件'],
  [/^tmp$/, '临时文件'],
];

/** Spreadsheets in a format the reader does not take: the clerk can save them again as .xlsx. */
const OTHER_SPREADSHEETS: readonly [RegExp, string][] = [
  [/^fods$/, '单文件 OpenDocument 表格'],
  [/^sxc$/, 'OpenOffice 1.x 表格'],
  [/^xlw$/, 'Excel 4.0 工作簿'],
  [/^(xla|xlam)$/, 'Excel 加载项'],
  [/^(wk1|wk3|wk4|wks|123)$/, 'Lotus 1-2-3 表格'],
  [/^gnumeric$/, 'Gnumeric 表格'],
  [/^dbf$/, 'dBase 数据表'],
];

const ARCHIVE = /^(zip|rar|7z|tar|gz|tgz|bz2|xz)$/;

/** A file's name without the folders it was found in (either slash, as Windows and the rest write paths). */
export function baseName(file: string): string {
  return file.split(/[\\/]/).filter(Boolean).pop() ?? file;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/**
 * The role of a file from its name alone (the last part of its path); the one rule for `merge`, `validate`, the pane
 * and tests. `action` is what the other documents' message says was not done to them (合并, or 检查 for validate).
 */
export function fileRole(name: string, action: '合并' | '检查' = '合并'): FileRole {
  if (LOCK_FILE.test(name)) return { role: 'ignored', why: '临时锁文件' };
  if (SYSTEM_FILE.test(name)) return { role: 'ignored', why: '隐藏或系统文件' };
  if (RETURN_FILE.test(name)) return { role: 'return' };
  const ext = extensionOf(name);
  const spreadsheet = OTHER_SPREADSHEETS.find(([re]) => re.test(ext));
  if (spreadsheet)
    return {
      role: 'other',
      message: `不是本程序能读取的格式（${spreadsheet[1]} .${ext}），未${action}：请在 Excel 或 WPS 中另存为 .xlsx。`,
    };
  if (ARCHIVE.test(ext)) return { role: 'other', message: `是压缩包（.${ext}），未${action}：请先解压，再${action}其中的表格。` };
  const document = DOCUMENTS.find(([re]) => re.test(ext));
  const what = document ? document[1] : ext ? `.${ext} 文件` : '没有扩展名的文件';
  return { role: 'other', message: `不是 Excel 工作簿（${what}），未${action}。` };
}

/** Whether a file found in a folder or dropped on the pane is taken as a return (lock and system files are not). */
export function isReturnFileName(name: string): boolean {
  return fileRole(name).role === 'return';
}

/**
 * A folder that is one document to its owner: a Numbers document saved as a package (Numbers before 2013, and on
 * request since), which Finder shows as one file. Not searched: it holds no return, only Numbers' own parts.
 */
export function packageFolderRole(name: string, action: '合并' | '检查' = '合并'): FileRole | undefined {
  if (!/\.numbers$/i.test(name)) return undefined;
  return { role: 'other', message: `是文件夹形式的 Numbers 文稿，未${action}：请在 Numbers 中选“导出为 → Excel”，再发送 .xlsx 文件。` };
}

/** Whether a folder found inside a folder of returns is searched (hidden and system folders are not). */
export function isSearchedFolderName(name: string): boolean {
  return !SYSTEM_FOLDER.test(name);
}
