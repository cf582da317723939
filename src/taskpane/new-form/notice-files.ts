import type { NoticeImport } from '../../app/import-forms';
import { UserError } from '../../core/errors';
import { NOTICE_FILE_EXTENSIONS } from '../../core/import/notice-files';
import type { NoticeFileBytes } from '../../hosts/docx/notice-parts';

export type { NoticeFileBytes };

/**
 * 新表格 → 从通知导入 with the notice's files chosen at once (issue 21 §2): the notice's .docx and its attachments as
 * .docx or as an office's own .xlsx form, read in the pane as the command line's import reads them (nothing is
 * sent). A .doc cannot be read here (no LibreOffice in a pane): it gets the verdict saying how to save it as .docx.
 * The readers are loaded on the first import only.
 */
export async function importNoticeFileBytes(files: readonly NoticeFileBytes[]): Promise<NoticeImport> {
  const [{ readNoticeParts }, { importNoticeFiles }] = await Promise.all([
    import('../../hosts/docx/notice-parts'),
    import('../../app/import-forms'),
  ]);
  const { parts, unread } = await readNoticeParts(files);
  if (parts.length === 0) throw new UserError('unreadable', unread.join('') || '没有选择文件。');
  return importNoticeFiles(parts, unread);
}

/** What the pane's chooser offers for 从通知导入: Word (.docx, and .doc to be told how to save it) and Excel forms. */
export const NOTICE_FILE_ACCEPT = [
  ...NOTICE_FILE_EXTENSIONS.map((e) => `.${e}`),
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
].join(',');
