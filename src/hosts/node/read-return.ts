import * as fs from 'fs';
import type { ReturnFile } from '../../core/merge/merge-returns';
import { readReturnBuffer } from '../xlsx/merge-buffers';
import { fileTooLarge } from '../xlsx/read-workbook';

function why(err: unknown): string {
  switch ((err as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return '找不到文件。';
    case 'EISDIR':
      return '这是一个文件夹。';
    case 'EACCES':
    case 'EPERM':
      return '没有读取权限。';
    case 'EBUSY':
      return '文件正被其他程序使用，请关闭后再试。';
    default:
      // The system's own (English) words are not shown.
      return '无法读取此文件：请确认文件可以打开，复制到本机后再试。';
  }
}

/**
 * A returned workbook from disk with its modified time, or the Chinese reason it cannot be read. The file is read
 * synchronously: the command line does nothing else meanwhile, and Node's promise reads of a few hundred KB took
 * three times as long (measured on the 1,000 returns of `npm run bench -- --whole-merge`).
 */
export async function readReturnFile(fullPath: string, name = fullPath): Promise<ReturnFile> {
  let data: Buffer;
  let modified = 0;
  try {
    const stat = fs.statSync(fullPath);
    modified = stat.mtimeMs;
    const tooLarge = stat.isFile() ? fileTooLarge(stat.size) : undefined;
    if (tooLarge) return { file: name, modified, unreadable: tooLarge };
    data = fs.readFileSync(fullPath);
  } catch (err) {
    return { file: name, modified, unreadable: why(err) };
  }
  return readReturnBuffer({ name, modified, data });
}
