import { DEFINITION_SHEET } from '../../core/definition-sheet-text';
import { UserError } from '../../core/errors';
import { noticeFileKind, unreadNoticeFile } from '../../core/import/notice-files';
import { sheetGrid, type NoticePart } from '../../core/import/notice-set';
import { readWorkbookFile } from '../xlsx/read-workbook';
import { readDocx } from './read-docx';

/** A file of a notice: its name and bytes, from disk, the pane's chooser or the host's dialog. */
export interface NoticeFileBytes {
  name: string;
  data: Uint8Array;
}

export interface NoticeParts {
  parts: NoticePart[];
  /** What could not be read, one Chinese sentence each naming the file. */
  unread: string[];
  /** The .doc files read through `convertDoc`. */
  converted: string[];
}

/**
 * The files of a notice sent in several (issue 21 §2), each read by what its bytes are: a .docx into paragraphs and
 * tables, a workbook's visible sheets into grids (its definition sheet left out), a .doc through `convertDoc` where
 * the host has one (the command line's LibreOffice) or else given the verdict saying how to save it as .docx, and
 * anything else its verdict. Only verdicts written for the clerk are kept, never an exception's own text.
 */
export async function readNoticeParts(
  files: readonly NoticeFileBytes[],
  convertDoc?: (data: Uint8Array, name: string) => Promise<Uint8Array>,
): Promise<NoticeParts> {
  const result: NoticeParts = { parts: [], unread: [], converted: [] };
  for (const { name, data } of files) {
    const kind = noticeFileKind(data, name);
    try {
      if (kind === 'docx' || (kind === 'doc' && convertDoc)) {
        const read = readDocx(kind === 'doc' && convertDoc ? await convertDoc(data, name) : data);
        if (kind === 'doc') result.converted.push(name);
        result.parts.push({ kind: 'document', name, blocks: read.blocks, unknownSymbols: read.unknownSymbols });
      } else if (kind === 'workbook') {
        const all = readWorkbookFile(data, name);
        // A template this program wrote (an earlier import's output beside the notice) is no attachment of it.
        if (all.some((s) => s.name === DEFINITION_SHEET)) {
          result.unread.push(`“${name}”是本程序写出的表格模板，不是通知的附件，未导入。`);
          continue;
        }
        const sheets = all.filter((s) => !s.hidden);
        result.parts.push({ kind: 'workbook', name, sheets: sheets.map((s) => sheetGrid(s.name, s.grid, s.merges)) });
      } else result.unread.push(unreadNoticeFile(kind, name) as string);
    } catch (err) {
      const why = err instanceof UserError ? err.message : '文件已损坏或格式不对。';
      result.unread.push(why.includes(name) ? why : `“${name}”：${why}`);
    }
  }
  return result;
}
