import { promises as fs } from 'fs';
import * as path from 'path';
import type { NoticePart } from '../../core/import/notice-set';
import { fileRole } from '../../core/merge/return-files';
import { readNoticeParts, type NoticeFileBytes } from '../docx/notice-parts';
import { fileTooLarge } from '../xlsx/read-workbook';
import { docToDocx, findSoffice } from './doc-to-docx';

/**
 * The files of a notice from disk for `import` (issue 21 §2): each file named, and each file of a folder named (not
 * its sub-folders: the forms written may sit there), lock and system files left out. Each is read by what its bytes
 * are: a .docx, a .doc through LibreOffice where the machine has it, a workbook's visible sheets as grids.
 */
export interface NoticeFiles {
  parts: NoticePart[];
  /** What could not be read, one Chinese sentence each naming the file. */
  unread: string[];
  /** Paths given that do not exist. */
  missing: string[];
  /** A .doc read through LibreOffice, named, to say so. */
  converted: string[];
}

/** Files named 附件1, 附件2 … 附件10 in their numbers' order, as a clerk reads them. */
const byName = (a: string, b: string) => a.localeCompare(b, 'zh-Hans-CN', { numeric: true });

/** What `import` writes into its output folder: a definition and a template per form, named by the form's id. */
const WRITTEN = /^[a-z][a-z0-9-]*\.(json|xlsx)$/;

async function filesOf(
  given: readonly string[],
  cwd: string,
  output: string | undefined,
): Promise<{ files: { shown: string; full: string }[]; missing: string[] }> {
  const files: { shown: string; full: string }[] = [];
  const missing: string[] = [];
  for (const g of given) {
    const full = path.resolve(cwd, g);
    const stat = await fs.stat(full).catch(() => undefined);
    if (!stat) missing.push(g);
    else if (stat.isDirectory()) {
      const names = (await fs.readdir(full, { withFileTypes: true }).catch(() => [])).filter((e) => e.isFile()).map((e) => e.name);
      // An earlier import's output in the folder (-o pointing into it) is not read as the notice's files.
      const written = (name: string) => output !== undefined && path.resolve(output) === full && WRITTEN.test(name);
      for (const name of names.sort(byName))
        if (fileRole(name).role !== 'ignored' && !written(name)) files.push({ shown: path.join(g, name), full: path.join(full, name) });
    } else if (fileRole(path.basename(full)).role !== 'ignored') files.push({ shown: g, full });
  }
  return { files, missing };
}

/**
 * `soffice`: LibreOffice to read a .doc with, or false where none is to be used (then a .doc gets its verdict).
 * `output`: the folder the forms will be written to (full path), whose own files are not read again.
 */
export async function readNoticeFiles(
  given: readonly string[],
  cwd: string,
  soffice: string | false = findSoffice() ?? false,
  output?: string,
): Promise<NoticeFiles> {
  const { files, missing } = await filesOf(given, cwd, output);
  const bytes: NoticeFileBytes[] = [];
  const unread: string[] = [];
  for (const { shown, full } of files) {
    const name = path.basename(shown);
    try {
      const tooLarge = fileTooLarge((await fs.stat(full)).size);
      if (tooLarge) unread.push(`“${name}”：${tooLarge}`);
      else bytes.push({ name, data: new Uint8Array(await fs.readFile(full)) });
    } catch {
      unread.push(`“${name}”无法读取：请确认文件可以打开，复制到本机后再试。`);
    }
  }
  const read = await readNoticeParts(bytes, soffice ? (data, name) => docToDocx(data, name, soffice) : undefined);
  return { parts: read.parts, unread: [...unread, ...read.unread], missing, converted: read.converted };
}
