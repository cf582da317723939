import { promises as fs } from 'fs';
import type { ReturnFile } from '../../core/merge/merge-returns';
import { readReturnBuffer } from '../xlsx/merge-buffers';

function why(err: unknown): string {
  switch ((err as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return '找不到文件。';
    case 'EISDIR':
      return '这是一个文件夹。';
    case 'EACCES':
    case 'EPERM':
      return '没有读取权限。';
    default:
      return `无法读取：${(err as Error).message}`;
  }
}

/** A returned workbook from disk with its modified time, or the Chinese reason it cannot be read. */
export async function readReturnFile(fullPath: string, name = fullPath): Promise<ReturnFile> {
  let data: Buffer;
  let modified: number;
  try {
    [data, modified] = await Promise.all([fs.readFile(fullPath), fs.stat(fullPath).then((s) => s.mtimeMs)]);
  } catch (err) {
    return { file: name, modified: 0, unreadable: why(err) };
  }
  return readReturnBuffer({ name, modified, data });
}
