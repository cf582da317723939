/**
 * What each file of a notice sent in several files is (issue 21 §2), told from its bytes before its name: a Word
 * document (.docx, a zip of word/ parts), a Word 97-2003 document (an OLE compound file holding a
 * WordDocument stream, or RTF, which Word and WPS save under .doc too), a workbook (an office's own .xlsx form, .xls,
 * .et, .ods), a PDF, or something else. Pure: the bytes were read by a host.
 */
export type NoticeFileKind = 'docx' | 'doc' | 'workbook' | 'pdf' | 'other';

/** What a chooser offers for a notice's files: Word (.docx; .doc, to be read or told how to save it) and workbooks. */
export const NOTICE_FILE_EXTENSIONS = ['docx', 'doc', 'xlsx', 'xls', 'et'] as const;

/** OLE compound file signature ([MS-CFB] 2.2): D0 CF 11 E0 A1 B1 1A E1. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (bytes: Uint8Array, head: readonly number[]) => head.every((b, i) => bytes[i] === b);

/** Whether the bytes hold this text as ASCII (a zip's entry names) or UTF-16LE (an OLE directory's entry names). */
function holds(bytes: Uint8Array, text: string, utf16: boolean): boolean {
  const needle = utf16 ? [...text].flatMap((ch) => [ch.charCodeAt(0), 0]) : [...text].map((ch) => ch.charCodeAt(0));
  const first = needle[0] as number;
  outer: for (let at = bytes.indexOf(first); at >= 0 && at + needle.length <= bytes.length; at = bytes.indexOf(first, at + 1)) {
    for (let i = 1; i < needle.length; i++) if (bytes[at + i] !== needle[i]) continue outer;
    return true;
  }
  return false;
}

const extension = (name: string) => /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
const WORD_NAMES = /^(doc|docx|docm|dot|dotx|dotm|wps|rtf)$/;
const WORKBOOK_NAMES = /^(xlsx|xlsm|xltx|xltm|xls|xlt|et|ett|ods|ots|xlsb)$/;

export function noticeFileKind(bytes: Uint8Array, name: string): NoticeFileKind {
  const ext = extension(name);
  if (startsWith(bytes, OLE)) {
    if (holds(bytes, 'WordDocument', true)) return 'doc';
    if (holds(bytes, 'Workbook', true) || holds(bytes, 'Book', true)) return 'workbook';
    return WORD_NAMES.test(ext) ? 'doc' : 'workbook';
  }
  if (startsWith(bytes, ZIP)) {
    // A zip's local headers and central directory name its parts uncompressed: a Word package's are under word/.
    if (holds(bytes, 'word/', false)) return 'docx';
    if (holds(bytes, 'xl/workbook', false) || holds(bytes, 'content.xml', false)) return 'workbook';
    return WORD_NAMES.test(ext) ? 'docx' : WORKBOOK_NAMES.test(ext) ? 'workbook' : 'other';
  }
  if (holds(bytes.subarray(0, 8), '{\\rtf', false)) return 'doc';
  if (holds(bytes.subarray(0, 1024), '%PDF-', false)) return 'pdf';
  if (WORD_NAMES.test(ext)) return ext === 'docx' || ext === 'docm' || ext === 'dotx' ? 'docx' : 'doc';
  if (WORKBOOK_NAMES.test(ext)) return 'workbook';
  return 'other';
}

/** How to turn a .doc into a .docx, said wherever a .doc cannot be read (the pane; a machine without LibreOffice). */
export const SAVE_AS_DOCX = '请用 Word 或 WPS 打开它，点“文件”→“另存为”，保存类型选“Word 文档 (*.docx)”，再导入另存的 .docx 文件。';

/** The Chinese verdict on a file of a notice that is not read, or undefined for a .docx or a workbook. */
export function unreadNoticeFile(kind: NoticeFileKind, name: string): string | undefined {
  switch (kind) {
    case 'doc':
      return `“${name}”是 Word 97-2003 文档（.doc），不能直接读取。${SAVE_AS_DOCX}`;
    case 'pdf':
      return `“${name}”是 PDF 文件，读不出其中的表格，未导入。请向发通知的单位要 Word 或 Excel 原文件。`;
    case 'other':
      return `“${name}”不是 Word 文档或 Excel 工作簿，未导入。`;
    default:
      return undefined;
  }
}
